"""Sitemaps (``<urlset>``) and sitemap indexes (``<sitemapindex>``), read with lxml, gzip included.

Why :func:`lxml.etree.iterparse`: news sitemaps hold up to 50,000 URLs (50 MB); building the whole
tree and walking it with XPath costs memory and time proportional to all of it. Streaming ``end``
events and clearing each ``<url>`` once read keeps memory flat, and a 5,000-entry sitemap is read
in a few tens of milliseconds of CPU (tests/test_discover_parse.py measures it).

What is read, by local name so that the namespace does not matter (``sitemaps.org/…/0.9``, the old
Google 0.84 one, or none at all, all occur in the wild):

* ``<loc>`` — the article (or child sitemap) URL; relative ones resolve against the sitemap's URL;
* ``<lastmod>`` — W3C date-time, the entry's ``updated`` time;
* Google News extensions ``<news:publication_date>`` and ``<news:title>`` — ``published`` and title.

Safety: entities are not resolved and nothing is fetched by the parser (no XXE, no entity bombs);
a gzip body (recognised by its magic bytes, whatever the URL or content type says) is inflated
only up to ``max_size`` bytes — the protocol's limit is 50 MB uncompressed. A document that is not
well-formed XML is a :class:`FeedError` naming the line, never a shortened list: sitemaps are
machine-written, so a broken one is a fault worth reporting, not something to guess around.
"""

from __future__ import annotations

import gzip
import io
import zlib
from urllib.parse import urljoin

from lxml import etree

from .entry import Entry, FeedError, Parsed, one_line, parse_time

MAX_SITEMAP_BYTES = 50_000_000  # the sitemap protocol's limit on an uncompressed sitemap
GZIP_MAGIC = b"\x1f\x8b"
_ROOTS = {"urlset": "entries", "sitemapindex": "sitemaps"}
_ITEMS = {"url", "sitemap"}


def gunzip_bounded(data: bytes, max_size: int) -> bytes:
    """``data`` inflated, refusing more than ``max_size`` bytes of output (a bomb is cut short)."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as f:
            out = f.read(max_size + 1)
    except (OSError, EOFError, zlib.error) as e:
        raise FeedError(f"bad gzip data: {one_line(e, 120)}") from None
    if len(out) > max_size:
        raise FeedError(f"gzip-compressed sitemap inflates to over {max_size:,} bytes")
    return out


def _local(tag: object) -> str:
    """An element's name without its namespace (comments and processing instructions have none)."""
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _root_kind(root: etree._Element | None) -> str:
    """``entries`` for a ``<urlset>``, ``sitemaps`` for a ``<sitemapindex>``; FeedError for anything else."""
    name = _local(root.tag) if root is not None else ""
    if name not in _ROOTS:
        hint = " (an HTML page?)" if name.lower() == "html" else ""
        raise FeedError(f"not a sitemap: the root element is <{one_line(name, 60)}>{hint}, "
                        "not <urlset> or <sitemapindex>")
    return _ROOTS[name]


def _item(el: etree._Element, base_url: str) -> Entry | None:
    """One ``<url>``/``<sitemap>`` element as an entry (None without a ``<loc>``)."""
    loc = lastmod = published = title = None
    for child in el.iter():
        name = _local(child.tag)
        text = (child.text or "").strip()
        if name == "loc" and loc is None:
            loc = text
        elif name == "lastmod":
            lastmod = text
        elif name == "publication_date":
            published = text
        elif name == "title" and text:
            title = " ".join(text.split())
    if not loc:
        return None
    url = loc if loc.startswith(("https://", "http://")) else urljoin(base_url, loc)  # urljoin is half the time
    return Entry(url, title, parse_time(published), parse_time(lastmod))


def parse_sitemap(data: bytes, base_url: str, *, max_size: int = MAX_SITEMAP_BYTES) -> Parsed:
    """Article entries of a ``<urlset>``, or child sitemaps of a ``<sitemapindex>`` (in ``sitemaps``).

    Raises :class:`FeedError` for an empty, non-XML, malformed or oversized document, or one whose
    root is not a sitemap element.
    """
    if data[:2] == GZIP_MAGIC:
        data = gunzip_bounded(data, max_size)
    if not data.strip():
        raise FeedError("empty document: no sitemap")
    if len(data) > max_size:
        raise FeedError(f"sitemap larger than {max_size:,} bytes")
    found: list[Entry] = []
    root_kind = None
    try:
        items = etree.iterparse(io.BytesIO(data), events=("end",), tag=("{*}url", "{*}sitemap", "url", "sitemap"),
                                resolve_entities=False, no_network=True, remove_comments=True, remove_pis=True)
        for _event, el in items:
            parent = el.getparent()
            if root_kind is None:
                root_kind = _root_kind(el.getroottree().getroot())
            if parent is None or parent.getparent() is not None:
                continue  # a <url> nested in something else is not a sitemap entry
            entry = _item(el, base_url)
            if entry is not None:
                found.append(entry)
            el.clear(keep_tail=False)
            while el.getprevious() is not None:  # drop the items already read: memory stays flat
                del parent[0]
        if root_kind is None:
            root_kind = _root_kind(items.root)
    except etree.XMLSyntaxError as e:
        raise FeedError(f"not a well-formed sitemap: {one_line(e, 160)}") from None
    if root_kind == "sitemaps":
        return Parsed(sitemaps=tuple(found))
    return Parsed(entries=tuple(found))
