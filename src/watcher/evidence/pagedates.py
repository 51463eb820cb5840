"""The page's own dates: when it says it was published and last modified.

Read from what the page declares for machines — JSON-LD ``datePublished``/``dateModified`` (also
inside ``@graph`` and lists), ``<meta property="article:modified_time">`` and its kin,
``itemprop="dateModified"`` — and from the visible "Updated …" line a reader sees (the cleaner
leaves such lines out of the article as date lines; they are found among the blocks it ignored).
A moved modified date is the outlet saying "this page changed"; a claim edit without it (and
without a note) is a silent edit (:mod:`watcher.evidence.edittype`).

Regular expressions over the decoded HTML, not a second parse: this runs in the extraction lane
beside trafilatura, for changed pages only. Values are kept as the page wrote them (trimmed): they
are compared for equality between versions and shown to people, never computed with.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass

MAX_VALUE = 64  # a date value longer than this is not a date

_LD = re.compile(r"<script[^>]+type\s*=\s*[\"']?application/ld\+json[\"']?[^>]*>(.*?)</script>",
                 re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<(?:meta|time)\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_PUBLISHED_NAMES = ("article:published_time", "datepublished", "og:published_time", "pubdate", "publishdate",
                    "dc.date.issued", "dcterms.created", "date", "sailthru.date", "parsely-pub-date")
_MODIFIED_NAMES = ("article:modified_time", "datemodified", "og:updated_time", "last-modified", "lastmod",
                   "dcterms.modified", "dc.date.modified", "article:updated_time", "revised")
_UPDATED_LINE = re.compile(
    r"^\W*(?:last\s+)?(?:updated|modified|revised|aktualisiert|ge[äa]ndert|mis\s+[àa]\s+jour|modifi[ée]|"
    r"actualizad[oa]|actualizaci[óo]n|modificad[oa])\b", re.IGNORECASE)
_RELATIVE = re.compile(r"\b(?:ago|vor|il\s+y\s+a|hace)\b", re.IGNORECASE)
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class PageDates:
    """What the page says of its own dates; None where it says nothing."""

    published: str | None = None
    modified: str | None = None  # declared for machines (JSON-LD, meta, itemprop)
    updated_line: str | None = None  # the visible "Updated …" line, as written

    @property
    def page_modified(self) -> str | None:
        """The page's last-modified date as best it says: the declared one, else the visible line."""
        return self.modified or self.updated_line

    def moved_from(self, before: PageDates) -> bool:
        """The page changed its modified date (declared or visible) since ``before``."""
        return (self.modified, self.updated_line) != (before.modified, before.updated_line)

    @property
    def declares_update(self) -> bool:
        """The page says it was modified after it was published (with no earlier version to compare)."""
        return bool(self.modified and self.published and self.modified != self.published) or bool(self.updated_line)


def _clean(v: object) -> str | None:
    if not isinstance(v, str):
        return None
    v = " ".join(v.split())
    return v if v and len(v) <= MAX_VALUE and _DIGIT.search(v) else None


def _ld_nodes(data: object) -> Iterable[dict]:
    """Every object of a JSON-LD document (top level, lists, ``@graph``), the article kinds first."""
    stack: list[object] = [data]
    found: list[dict] = []
    while stack and len(found) < 200:
        d = stack.pop()
        if isinstance(d, list):
            stack.extend(reversed(d))
        elif isinstance(d, dict):
            found.append(d)
            stack.extend(v for k, v in d.items() if k == "@graph" or isinstance(v, list))
    articles = [d for d in found if "Article" in str(d.get("@type", "")) or "Posting" in str(d.get("@type", ""))]
    return articles + [d for d in found if d not in articles]


def _from_ld(html: str) -> tuple[str | None, str | None]:
    published = modified = None
    for m in _LD.finditer(html):
        try:
            data = json.loads(m.group(1).strip())
        except ValueError:
            continue
        for d in _ld_nodes(data):
            published = published or _clean(d.get("datePublished"))
            modified = modified or _clean(d.get("dateModified"))
        if published and modified:
            break
    return published, modified


def _from_tags(html: str) -> tuple[str | None, str | None]:
    published = modified = None
    for m in _TAG.finditer(html):
        attrs = {a.group(1).lower(): (a.group(2) or a.group(3) or a.group(4) or "") for a in _ATTR.finditer(m.group(0))}
        name = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        value = _clean(attrs.get("content") or attrs.get("datetime"))
        if not value:
            continue
        if name in _MODIFIED_NAMES:
            modified = modified or value
        elif name in _PUBLISHED_NAMES:
            published = published or value
    return published, modified


def updated_line(lines: Iterable[str]) -> str | None:
    """The first short visible line that says when the page was updated ("Updated 3 May 2024, 10:00",
    "Aktualisiert am 03.05.2024"); relative ones ("Updated 2 minutes ago") move on their own and
    are no evidence of an edit."""
    for line in lines:
        if len(line) <= 100 and _UPDATED_LINE.match(line) and _DIGIT.search(line) and not _RELATIVE.search(line):
            return " ".join(line.split())
    return None


def read(html: str, lines: Iterable[str] = ()) -> PageDates:
    """The dates ``html`` declares; ``lines``: the page's short text lines (its date lines) in which
    a visible "Updated …" line is looked for."""
    published, modified = _from_ld(html)
    if not (published and modified):
        p2, m2 = _from_tags(html)
        published, modified = published or p2, modified or m2
    return PageDates(published=published, modified=modified, updated_line=updated_line(lines))


def of_page(html: str, ignored: Iterable[tuple[str, str]], paragraphs: Iterable[str]) -> PageDates:
    """The dates of a fetched page (its text as extraction decoded it); the visible line looked for
    among the blocks extraction left out (date lines), then the short paragraphs."""
    lines = [t for t, _ in ignored] + [p for p in paragraphs if len(p) <= 100]
    return read(html, lines)
