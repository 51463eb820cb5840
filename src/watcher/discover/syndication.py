"""RSS (0.9x, 1.0, 2.0) and Atom feeds, read with :mod:`feedparser`.

Why feedparser and not an XML parser of our own: real feeds are full of faults every reader
tolerates — undeclared HTML entities (``&nbsp;``), wrong encoding declarations, RSS dates in a dozen
formats, relative links — and feedparser has handled them for twenty years.

Its leniency is also the risk: it returns *something* for nearly any input. So:

* a document in which feedparser finds no RSS or Atom feed at all (an HTML page, JSON, garbage)
  is a :class:`FeedError`, never an empty list that would look like a quiet outlet;
* a feed that is not well-formed XML but was read by the lenient parser keeps its entries and
  carries a ``warning`` naming the fault, so the operator hears of it and nothing is silent.

The bytes are handed over as a stream on purpose: given ``bytes``, feedparser first tries to open
them as a *file name* (a body ``/etc/passwd`` would be read from our disk).
"""

from __future__ import annotations

import io
import re
from typing import Any
from urllib.parse import urljoin

import feedparser

from .entry import Entry, FeedError, Parsed, one_line, struct_time_seconds

_POSITION = re.compile(r"^<unknown>:\d+:\d+:\s*")
_BENIGN = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)


def _looks_like(data: bytes) -> str:
    """A hint for the error message: what the document seems to be instead of a feed."""
    head = data[:512].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head:
        return " (it looks like an HTML page)"
    if head.startswith((b"{", b"[")):
        return " (it looks like JSON; for a JSON Feed use kind = \"jsonfeed\")"
    if b"<urlset" in head or b"<sitemapindex" in head:
        return " (it looks like a sitemap; use kind = \"sitemap\")"
    return ""


def _link(entry: Any, base_url: str) -> str | None:
    """The entry's article URL: its (alternate) link, else a permalink guid/id."""
    link = entry.get("link")
    if not link:
        ident = entry.get("id") or ""
        link = ident if ident.lower().startswith(("http://", "https://")) else None
    return urljoin(base_url, link.strip()) if isinstance(link, str) and link.strip() else None


def _title(entry: Any) -> str | None:
    title = entry.get("title")
    return (" ".join(title.split()) or None) if isinstance(title, str) else None


def parse_syndication(data: bytes, base_url: str) -> Parsed:
    """The entries of an RSS or Atom document fetched from ``base_url`` (relative links resolve
    against it). Raises :class:`FeedError` when the document is no feed at all."""
    if not data.strip():
        raise FeedError("empty document: no RSS or Atom feed")
    d = feedparser.parse(io.BytesIO(data), sanitize_html=False, resolve_relative_uris=False,
                         response_headers={"content-type": "application/xml", "content-location": base_url})
    fault = d.get("bozo_exception") if d.get("bozo") and not isinstance(d.get("bozo_exception"), _BENIGN) else None
    if not d.get("version"):
        reason = f": {one_line(fault)}" if fault else ""
        raise FeedError(f"not an RSS or Atom feed{_looks_like(data)}{reason}")
    entries = []
    for e in d.entries:
        url = _link(e, base_url)
        if url:
            # dict.get: FeedParserDict.get("updated_parsed") falls back to the published date (and warns)
            entries.append(Entry(url, _title(e), struct_time_seconds(dict.get(e, "published_parsed")),
                                 struct_time_seconds(dict.get(e, "updated_parsed"))))
    warning = None
    if fault is not None:
        # feedparser rewrites the document before parsing it, so its line numbers are not the feed's
        reason = _POSITION.sub("", one_line(fault, 120))
        warning = f"feed is not well-formed XML ({reason}); read leniently: {len(entries)} entries"
    return Parsed(entries=tuple(entries), warning=warning)
