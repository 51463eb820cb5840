"""URL patterns of the feed config (``links``, ``include``, ``exclude``): a glob, or a regular
expression written ``re:…``, always matched against the absolute, canonical URL.

Why both: most operators write ``https://example.com/2024/*`` and expect it to work; a section front
whose article links differ from its navigation only by a numeric id needs a regular expression
(``re:/article/\\d+``). Why on the canonical URL: so that a pattern is written once, without
guessing whether the feed's links carry ``?utm_source=`` or an upper-case host.

* a **glob** matches the whole URL; ``*`` is any run of characters (``/`` included), ``?`` one
  character, ``[abc]`` one of a set (:mod:`fnmatch` rules, case-sensitive);
* a **regular expression** (after ``re:``) is searched anywhere in the URL (:func:`re.search`):
  anchor it with ``^``/``$`` when it must match the whole.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable
from dataclasses import dataclass

REGEX_PREFIX = "re:"


@dataclass(frozen=True)
class UrlPattern:
    """One compiled pattern; ``text`` is what the config says (for messages)."""

    text: str
    regex: re.Pattern[str]

    def matches(self, url: str) -> bool:
        return self.regex.search(url) is not None


def compile_pattern(text: str) -> UrlPattern:
    """A :class:`UrlPattern` from its config text; ValueError (one line) when it is empty or invalid."""
    if not isinstance(text, str) or not text.strip():
        raise ValueError("empty URL pattern")
    if text.startswith(REGEX_PREFIX):
        body = text[len(REGEX_PREFIX):]
        if not body.strip():
            raise ValueError(f"empty regular expression in {text!r}")
        try:
            return UrlPattern(text, re.compile(body))
        except re.error as e:
            raise ValueError(f"invalid regular expression {text!r}: {e}") from None
    return UrlPattern(text, re.compile(fnmatch.translate(text)))


def any_match(patterns: Iterable[UrlPattern], url: str) -> bool:
    return any(p.matches(url) for p in patterns)


def wanted(url: str, include: tuple[UrlPattern, ...], exclude: tuple[UrlPattern, ...]) -> bool:
    """Whether discovery keeps ``url``: it matches an ``include`` pattern (or there are none) and no
    ``exclude`` pattern — exclusion wins, so a broad include can be narrowed."""
    return (not include or any_match(include, url)) and not any_match(exclude, url)
