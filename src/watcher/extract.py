"""Turn page bytes (HTML) or a plain-text seed into a :class:`Document` of cleaned paragraphs.

A pure function of its input (trafilatura's pipeline idea): no caches, no globals, so it can run
in a worker process and give the same answer every time. trafilatura is called with the settings
of DESIGN.md §3 — ``favor_precision``, no comments, no tables, and never ``deduplicate`` (its
process-wide cache drops text on later calls of the same page). What trafilatura keeps of
boilerplate is removed afterwards by :mod:`watcher.clean`, the same rules that clean plain-text
seeds, so an HTML page and its text dump clean to the same paragraphs.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from . import clean

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_LOOKS_HTML = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<\?xml)|<(p|div|article|br)\b[^>]*>",
                         re.IGNORECASE)
_TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class Document:
    """The article as the rest of the pipeline sees it: a title and body paragraphs."""

    title: str | None
    paragraphs: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def decode(body: bytes, declared: str | None = None) -> str:
    """Bytes → str: the declared charset, else a ``<meta charset>``, else UTF-8, else cp1252.

    Invalid bytes are replaced, never fatal: one broken byte must not lose a page.
    """
    candidates = []
    if declared:
        candidates.append(declared)
    m = _META_CHARSET.search(body[:4096])
    if m:
        candidates.append(m.group(1).decode("ascii", "replace"))
    for enc in candidates:
        try:
            return body.decode(enc, errors="replace")
        except LookupError:
            continue
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if body.count(b"\xef\xbf\xbd") or _mostly_utf8(body):
        return body.decode("utf-8", errors="replace")
    return body.decode("cp1252", errors="replace")


def _mostly_utf8(body: bytes) -> bool:
    sample = body[:65536]
    bad = len(sample.decode("utf-8", errors="replace").encode("utf-8")) - len(sample)
    return bad < max(16, len(sample) // 200)


def looks_like_html(text: str) -> bool:
    return bool(_LOOKS_HTML.search(text[:5000]))


def html_to_paragraphs(html: str) -> tuple[str | None, list[str]]:
    """Main text of an HTML page with trafilatura: (title, raw paragraphs before cleaning)."""
    import trafilatura  # lazy: importing trafilatura costs ~0.3 s that `watcher --help` need not pay

    opts = dict(include_comments=False, include_tables=False, with_metadata=True, deduplicate=False)
    doc = None
    try:
        doc = trafilatura.bare_extraction(html, favor_precision=True, **opts)
        if doc is None or not (doc.text or "").strip():
            doc = trafilatura.bare_extraction(html, favor_recall=True, **opts)
    except Exception:  # trafilatura raises odd errors on hostile markup; fall back, never crash
        doc = None
    title = getattr(doc, "title", None) if doc is not None else None
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
    if not text.strip():
        try:
            text = trafilatura.html2txt(html) or ""
        except Exception:
            text = ""
    if not title:
        m = _TITLE_TAG.search(html[:20000])
        title = clean.normalise_space(re.sub(r"<[^>]+>", "", m.group(1))) if m else None
    return title, [p for p in (clean.normalise_space(line) for line in text.split("\n")) if p]


def text_to_paragraphs(text: str) -> list[str]:
    """Paragraphs of a plain-text dump: blank-line blocks, each line its own paragraph unless the
    block is hard-wrapped prose (then its lines are joined)."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
        if not lines:
            continue
        wrapped = len(lines) > 1 and all(len(ln) >= 50 and not clean.ends_sentence(ln) for ln in lines[:-1])
        if wrapped:
            out.append(clean.normalise_space(" ".join(lines)))
        else:
            out.extend(clean.normalise_space(ln) for ln in lines)
    return out


def extract(body: bytes | str, *, encoding: str | None = None, title_hint: str | None = None,
            plain_text: bool | None = None) -> Document:
    """Bytes or text of a page (HTML or plain text) → cleaned :class:`Document`."""
    text = body if isinstance(body, str) else decode(body, encoding)
    if plain_text is None:
        plain_text = not looks_like_html(text)
    if plain_text:
        title, paras = title_hint, text_to_paragraphs(text)
    else:
        title, paras = html_to_paragraphs(text)
        title = title or title_hint
    return Document(title=title, paragraphs=tuple(clean.clean(paras, title=title)))


def load_baseline(path: Path) -> Document:
    """A seed file (plain text or HTML) cleaned by the same rules as fetched pages."""
    return extract(path.read_bytes())
