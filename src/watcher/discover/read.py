"""Reading one feed: the parser for its kind (:func:`parse_feed`) and fetching it over HTTP, child
sitemaps of a sitemap index included (:func:`fetch_feed`).

The HTTP is :func:`watcher.fetch.fetch`'s, so a feed gets every rule a watched page gets — bounded
size and time, robots.txt, per-host politeness, retries, redirect checks — with ``any_content`` set,
because feeds are not HTML and the parsers here judge the bytes themselves.

:func:`fetch_feed` never raises for a fault of the feed: it returns a :class:`FeedRead` whose
``error`` (nothing could be read) or ``warnings`` (read, but something was wrong) the caller turns
into one ``source_warning`` for the feed, while the articles already discovered go on being watched.

A sitemap index is followed one level deep (the protocol allows no deeper), to child sitemaps on
the index's own host only (the protocol's rule, and no detour to other hosts), newest first by
``lastmod`` and at most ``max_children`` of them; reading stops early once the feed's
``max_articles`` newest entries are in hand and the remaining children are older.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from typing import Protocol
from urllib.parse import urlsplit

from ..fetch import Client, FetchResult, Politeness, fetch
from .entry import Entry, FeedError, Parsed, one_line
from .jsonfeed import parse_jsonfeed
from .page import parse_page
from .patterns import UrlPattern
from .select import newest_first
from .sitemap import MAX_SITEMAP_BYTES, parse_sitemap
from .syndication import parse_syndication

KINDS = ("rss", "atom", "jsonfeed", "sitemap", "page")
Parser = Callable[[str, bytes, str, "UrlPattern | None"], Awaitable[Parsed]]  # parse_feed, wherever it runs
MAX_CHILD_SITEMAPS = 20


class ReadableFeed(Protocol):
    """What reading needs of a feed (``watcher.config.feeds.Feed`` has it)."""

    @property
    def id(self) -> str: ...
    @property
    def url(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def links(self) -> UrlPattern | None: ...
    @property
    def max_articles(self) -> int: ...


@dataclass(frozen=True)
class FeedRead:
    """The outcome of reading one feed: its entries, or an ``error``; ``warnings`` either way.

    ``etag``/``last_modified`` are the feed document's, for a conditional GET next time; with
    ``not_modified`` the server said nothing changed (no entries, no error).
    """

    feed_id: str
    entries: tuple[Entry, ...] = ()
    error: str | None = None
    warnings: tuple[str, ...] = ()
    not_modified: bool = False
    etag: str | None = None
    last_modified: str | None = None
    final_url: str | None = None
    documents: int = 0  # documents fetched (1, or more for a sitemap index)


def parse_feed(kind: str, data: bytes, url: str, links: UrlPattern | None = None) -> Parsed:
    """``data`` (fetched from ``url``) parsed as a feed of ``kind``; :class:`FeedError` if it is not one.

    ``rss`` and ``atom`` share feedparser, which reads either: a feed that moved from RSS to Atom
    keeps working under its old kind.
    """
    if kind in ("rss", "atom"):
        return parse_syndication(data, url)
    if kind == "jsonfeed":
        return parse_jsonfeed(data, url)
    if kind == "sitemap":
        return parse_sitemap(data, url)
    if kind == "page":
        if links is None:
            raise ValueError("a page feed needs a links pattern")
        return parse_page(data, url, links)
    raise ValueError(f"unknown feed kind {kind!r} (one of {', '.join(KINDS)})")


async def _parse_here(kind: str, data: bytes, url: str, links: UrlPattern | None) -> Parsed:
    return parse_feed(kind, data, url, links)


async def _get(client: Client, url: str, settings: dict, etag: str | None = None,
               last_modified: str | None = None) -> FetchResult:
    return await fetch(client, url, etag=etag, last_modified=last_modified, any_content=True, **settings)


def _same_host(a: str, b: str) -> bool:
    return (urlsplit(a).hostname or "") == (urlsplit(b).hostname or "")


async def _children(client: Client, feed: ReadableFeed, index_url: str, sitemaps: tuple[Entry, ...],
                    settings: dict, max_children: int, parse: Parser) -> tuple[list[Entry], list[str], int]:
    """Entries of an index's child sitemaps, the warnings met, and how many were fetched."""
    entries: list[Entry] = []
    warnings: list[str] = []
    fetched = failed = 0
    ordered = newest_first(sitemaps)
    foreign = [c for c in ordered if not _same_host(c.url, index_url)]
    if foreign:
        warnings.append(f"{len(foreign)} child sitemap(s) on another host not followed (first: {foreign[0].url[:200]})")
    local = [c for c in ordered if _same_host(c.url, index_url)]
    for child in local:
        if fetched >= max_children:
            warnings.append(f"sitemap index lists {len(local)} sitemaps; read the newest {max_children}")
            break
        if len(entries) >= feed.max_articles and child.when is not None:
            break  # the rest are older than what we have: they cannot be among the newest
        res = await _get(client, child.url, settings)
        fetched += 1
        if res.error or res.warning or not res.body:
            failed += 1
            warnings.append(f"child sitemap {child.url[:200]}: {res.error or res.warning or 'empty'}")
            continue
        try:
            parsed = await parse("sitemap", res.body, res.final_url or child.url, None)
        except FeedError as e:
            failed += 1
            warnings.append(f"child sitemap {child.url[:200]}: {e}")
            continue
        if parsed.sitemaps:
            warnings.append(f"child sitemap {child.url[:200]} is itself an index: not followed")
        entries += parsed.entries
    if local and failed == fetched and fetched:
        raise FeedError(f"none of the {fetched} child sitemaps read: {warnings[-1]}")
    return entries, warnings, fetched


async def fetch_feed(client: Client, feed: ReadableFeed, *, polite: Politeness | None = None,
                     etag: str | None = None, last_modified: str | None = None,
                     max_children: int = MAX_CHILD_SITEMAPS, timeout: float = 30.0,
                     max_bytes: int = 10_000_000, max_decompressed: int = MAX_SITEMAP_BYTES,
                     user_agent: str | None = None, respect_robots: bool = True, retries: int = 2,
                     min_delay: float = 0.0, parse: Parser = _parse_here) -> FeedRead:
    """Fetch ``feed.url`` and parse it as ``feed.kind`` (following a sitemap index's children).

    The keyword settings are the fetch limits of :func:`watcher.fetch.fetch`; ``etag`` and
    ``last_modified`` from the previous read make it a conditional GET. ``parse`` is
    :func:`parse_feed` run where the caller wants it (the extraction lane: lxml must not parse in
    two threads of one process); by default here, in this thread.
    """
    settings = dict(polite=polite or Politeness(), timeout=timeout, max_bytes=max_bytes,
                    max_decompressed=max_decompressed, user_agent=user_agent, respect_robots=respect_robots,
                    retries=retries, min_delay=min_delay)
    res = await _get(client, feed.url, settings, etag, last_modified)
    head = FeedRead(feed.id, etag=res.etag, last_modified=res.last_modified, final_url=res.final_url, documents=1)
    if res.not_modified:
        return replace(head, not_modified=True)
    if res.error or res.warning or not res.body:
        return replace(head, error=f"feed {feed.url[:200]}: {res.error or res.warning or 'empty response'}")
    base = res.final_url or feed.url
    try:
        parsed = await parse(feed.kind, res.body, base, feed.links)
        warnings = [parsed.warning] if parsed.warning else []
        entries, fetched = list(parsed.entries), 1
        if parsed.sitemaps:
            more, notes, n = await _children(client, feed, base, parsed.sitemaps, settings, max_children, parse)
            entries += more
            warnings += notes
            fetched += n
    except FeedError as e:
        return replace(head, error=f"feed {feed.url[:200]}: {e}")
    return replace(head, entries=tuple(entries), warnings=tuple(one_line(w, 300) for w in warnings),
                   documents=fetched)
