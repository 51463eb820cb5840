"""Which entries of a feed become new sources, and the ids they get.

Pure over its inputs — the feed's settings, the entries just parsed, the canonical URLs already
watched — so that discovery is idempotent (reading the same feed twice finds nothing new the second
time) and safe to run from several processes: the store's uniqueness on the canonical URL settles
a race, and both racers derive the same id for the same URL.

The rules, in order:

1. every link is put in canonical form (:func:`watcher.discover.canon.canonical_url`); links that
   are not http(s) are passed over, and a URL met twice counts once;
2. the feed's ``include``/``exclude`` patterns are applied to the canonical URL;
3. ``max_articles``: only the feed's newest that many entries are considered — newest by the
   entry's updated, else published time; entries without a date keep the feed's own order, after
   the dated ones (a front page and most feeds list newest first). An old entry that falls out of
   the window is never back-filled: the cap bounds what a first read of a 50,000-URL sitemap adds;
4. entries whose canonical URL is already known are not new.

Source ids are ``<feed id>-<slug>-<hash>``: readable in ``watcher sources`` (the slug comes from the
URL's path), stable (the hash is the first 8 hex digits of the SHA-256 of the canonical URL), and
collision-safe: should two URLs share slug and hash, the hash is lengthened until the id is free.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import unquote, urlsplit

from .canon import canonical_url
from .entry import Entry
from .patterns import UrlPattern, wanted

SLUG_MAX = 40
HASH_LEN = 8
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_EXTENSIONS = re.compile(r"\.(s?html?|php\d?|aspx?|jsp|cms)$", re.IGNORECASE)
_NO_NAME = {"index", "default", "article", "story", "amp"}


class FeedSpec(Protocol):
    """What discovery needs of a feed (``watcher.config.feeds.Feed`` has it)."""

    @property
    def id(self) -> str: ...
    @property
    def include(self) -> tuple[UrlPattern, ...]: ...
    @property
    def exclude(self) -> tuple[UrlPattern, ...]: ...
    @property
    def max_articles(self) -> int: ...


@dataclass(frozen=True)
class Discovered:
    """A new article: ``url`` is canonical (the source's URL); ``link`` is what the feed gave."""

    source_id: str
    url: str
    link: str
    feed_id: str
    title: str | None = None
    published: float | None = None
    updated: float | None = None


def slug(url: str) -> str:
    """A short, readable ``[a-z0-9-]`` name from the URL's path (its last meaningful segment)."""
    segments = [unquote(s) for s in urlsplit(url).path.split("/") if s]
    name = ""
    for seg in reversed(segments):
        seg = _EXTENSIONS.sub("", seg)
        if seg.lower() not in _NO_NAME and seg:
            name = seg
            break
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    s = _NOT_SLUG.sub("-", ascii_name.lower()).strip("-")
    if len(s) > SLUG_MAX:
        cut = s[:SLUG_MAX]
        s = (cut.rsplit("-", 1)[0] if "-" in cut[SLUG_MAX // 2:] else cut).strip("-")
    return s


def source_id(feed_id: str, url: str, taken: Collection[str] = ()) -> str:
    """The id of the source made from canonical ``url`` by feed ``feed_id``, not one of ``taken``."""
    digest = hashlib.sha256(url.encode("utf-8")).hexdigest()
    stem = "-".join(p for p in (feed_id, slug(url)) if p)
    for n in range(HASH_LEN, len(digest) + 1, 4):
        sid = f"{stem}-{digest[:n]}"
        if sid not in taken:
            return sid
    raise ValueError(f"no free source id for {url!r}")  # 2**256 ids taken: not in this universe


def newest_first(entries: Iterable[Entry]) -> list[Entry]:
    """Dated entries newest first, then undated ones in their original order (rule 3)."""
    listed = list(entries)
    dated = sorted((e for e in listed if e.when is not None), key=lambda e: -(e.when or 0.0))
    return dated + [e for e in listed if e.when is None]


def window(feed: FeedSpec, entries: Iterable[Entry]) -> list[tuple[str, Entry]]:
    """``(canonical url, entry)`` of the entries of ``feed`` that are articles to watch if new,
    newest first: rules 1–3 of the module doc (rule 4, what is known, is the caller's or
    :func:`discover_new`'s)."""
    out: list[tuple[str, Entry]] = []
    seen: set[str] = set()
    for e in newest_first(entries):
        if len(out) >= feed.max_articles:
            break
        try:
            url = canonical_url(e.url)
        except ValueError:
            continue
        if url in seen:
            continue
        seen.add(url)
        if wanted(url, feed.include, feed.exclude):
            out.append((url, e))
    return out


def discover_new(feed: FeedSpec, entries: Iterable[Entry], known_urls: Collection[str],
                 taken_ids: Collection[str] = ()) -> tuple[Discovered, ...]:
    """The entries of ``feed`` that are new articles to watch, newest first (rules in the module doc).

    ``known_urls``: canonical URLs of every source already watched (from any feed or the config);
    ``taken_ids``: every source id in use, so a new id never collides with one.
    """
    ids = set(taken_ids)
    out = []
    for url, e in window(feed, entries):
        if url in known_urls:
            continue
        sid = source_id(feed.id, url, ids)
        ids.add(sid)
        out.append(Discovered(sid, url, e.url, feed.id, e.title, e.published, e.updated))
    return tuple(out)
