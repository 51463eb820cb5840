"""JSON Feed, versions 1 and 1.1 (https://jsonfeed.org/version/1.1), read with :mod:`json` and checked
against the parts of the spec discovery relies on.

feedparser does not read JSON Feed, and the format is small enough that the standard library and a
few checks are the whole parser. The checks matter more than the parsing: a JSON error page
(``{"error": "rate limited"}``) is valid JSON, and must be a :class:`FeedError` rather than a feed
with no items. Items without any link (a micro-blog post with only ``content_text``) are not
articles to watch and are passed over; items of the wrong shape make the whole document an error.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urljoin

from .entry import Entry, FeedError, Parsed, one_line, parse_time

_VERSION = re.compile(r"^https?://jsonfeed\.org/version/1(\.1)?/?$")


def _text(item: dict[str, Any], key: str, n: int) -> str | None:
    value = item.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise FeedError(f"not a valid JSON Feed: item {n}: {key!r} must be a string, not {type(value).__name__}")
    return value.strip() or None


def _item(item: Any, n: int, base_url: str) -> Entry | None:
    if not isinstance(item, dict):
        raise FeedError(f"not a valid JSON Feed: item {n} is not an object")
    url = _text(item, "url", n)
    ident = item.get("id")
    if url is None and isinstance(ident, str) and ident.strip().lower().startswith(("http://", "https://")):
        url = ident.strip()  # the spec allows the id to be the item's permalink
    if url is None:
        return None
    title = _text(item, "title", n)
    return Entry(urljoin(base_url, url), " ".join(title.split()) if title else None,
                 parse_time(_text(item, "date_published", n)), parse_time(_text(item, "date_modified", n)))


def parse_jsonfeed(data: bytes, base_url: str) -> Parsed:
    """The entries of a JSON Feed fetched from ``base_url``; :class:`FeedError` for anything else."""
    if not data.strip():
        raise FeedError("empty document: no JSON Feed")
    try:
        doc = json.loads(data)
    except (ValueError, RecursionError) as err:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        head = data[:256].lstrip().lower()
        hint = " (it looks like XML or HTML: is the kind right?)" if head.startswith(b"<") else ""
        raise FeedError(f"not a JSON Feed: not valid JSON{hint}: {one_line(err, 120)}") from None
    if not isinstance(doc, dict):
        raise FeedError(f"not a JSON Feed: the document is a JSON {type(doc).__name__}, not an object")
    version = doc.get("version")
    if not isinstance(version, str) or not _VERSION.match(version.strip()):
        raise FeedError(f"not a JSON Feed: 'version' is {one_line(repr(version), 80)}, "
                        "not https://jsonfeed.org/version/1 or /1.1")
    items = doc.get("items")
    if not isinstance(items, list):
        raise FeedError("not a valid JSON Feed: 'items' must be a list")
    entries = [e for n, item in enumerate(items, 1) if (e := _item(item, n, base_url)) is not None]
    return Parsed(entries=tuple(entries))
