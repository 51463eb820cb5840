"""The article as the rest of the pipeline sees it (:class:`Document`), in a module of its own: the
checks that store nothing new use the type without loading the extractor and its text rules."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass


@dataclass(frozen=True)
class Document:
    """The article as the rest of the pipeline sees it: a title and body paragraphs."""

    title: str | None
    paragraphs: tuple[str, ...]
    # blocks left out as boilerplate, each with the evidence (text, reason); not compared, not hashed
    ignored: tuple[tuple[str, str], ...] = ()

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()
