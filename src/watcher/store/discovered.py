"""What discovery keeps: feeds' reading state, the sources feeds created, and every URL an article
is known by (tables ``feeds``, ``discovered``, ``discovered_urls`` of :mod:`watcher.store.schema`).

Why a table of URLs apart from the sources: one article reaches us under several URLs — the feed's
link, the AMP copy another feed lists, the ``rel=canonical`` URL its first fetch declares. Each URL
is a row keyed by the SHA-256 of its canonical form, and the key is unique, so whichever feed,
process or node reads an article first creates its source and every later sighting, under any of
its URLs, finds that source: two feeds, or two concurrent runs, never create the article twice.
Inserts use ``ON CONFLICT DO NOTHING`` (SQLite and PostgreSQL alike), so the loser of a race sees
"already known", not an error.

Plain functions over a connection of :class:`watcher.store.db.Store`, called inside its
transactions; no business rules (which entries are new is :mod:`watcher.discover.select`'s).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import and_, func, select, update
from sqlalchemy.engine import Connection

from .engine import insert_new
from .records import Row
from .schema import discovered, discovered_urls, feeds, sources

CHUNK = 500  # keys per IN (...) query: well under every driver's bound-parameter limit


def url_key(url: str) -> str:
    """The unique key of a canonical URL (a hash: URLs can be longer than an index entry may be)."""
    return hashlib.sha256(url.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class DiscoveredRow:
    """A source a feed created; ``anchor`` is where its age on the check ladder counts from."""

    source: str
    feed: str
    url: str
    title: str | None
    first_seen: float
    published: float | None
    last_seen: float
    anchor: float
    merged_into: str | None = None
    retired: float | None = None

    @classmethod
    def from_row(cls, row: Row) -> DiscoveredRow:
        return cls(source=row["source"], feed=row["feed"], url=row["url"], title=row["title"],
                   first_seen=row["first_seen"], published=row["published"], last_seen=row["last_seen"],
                   anchor=row["anchor"], merged_into=row["merged_into"], retired=row["retired"])

    @property
    def active(self) -> bool:
        """Still watched: neither merged into another source nor retired by ``watcher gc``."""
        return self.merged_into is None and self.retired is None


@dataclass(frozen=True)
class FeedState:
    """What the reads of one feed left behind."""

    id: str
    url: str
    last_read: float | None = None
    last_ok: float | None = None
    next_due: float | None = None
    failures: int = 0  # failed reads in a row
    last_error: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    entries: int | None = None
    last_outcome: str | None = None  # ok | not_modified | warning (read, with faults) | error (nothing read)

    @classmethod
    def from_row(cls, row: Row) -> FeedState:
        return cls(id=row["id"], url=row["url"], last_read=row["last_read"], last_ok=row["last_ok"],
                   next_due=row["next_due"], failures=row["failures"] or 0, last_error=row["last_error"],
                   etag=row["etag"], last_modified=row["last_modified"], entries=row["entries"],
                   last_outcome=row["last_outcome"])

    @property
    def troubled(self) -> bool:
        """The last read failed or had faults: a further fault is the same streak (no new alert)."""
        return self.last_outcome in ("warning", "error")


# -- feeds -------------------------------------------------------------------------------------


def feed_state(c: Connection, feed_id: str) -> FeedState | None:
    row = c.execute(select(feeds).where(feeds.c.id == feed_id)).mappings().first()
    return FeedState.from_row(row) if row else None


def feed_states(c: Connection) -> dict[str, FeedState]:
    return {r["id"]: FeedState.from_row(r) for r in c.execute(select(feeds)).mappings()}


def save_feed_state(c: Connection, feed_id: str, url: str, **values) -> None:
    """Write columns of a feed's row, creating it on its first read."""
    c.execute(insert_new(c, feeds, ["id"]).values(id=feed_id, url=url, failures=0))
    c.execute(update(feeds).where(feeds.c.id == feed_id).values(url=url, **values))


# -- articles ----------------------------------------------------------------------------------


def owners(c: Connection, urls: Iterable[str]) -> dict[str, str]:
    """For each of ``urls`` (canonical) already known: the source it belongs to."""
    by_key = {url_key(u): u for u in urls}
    out: dict[str, str] = {}
    keys = list(by_key)
    for i in range(0, len(keys), CHUNK):
        for key, source in c.execute(select(discovered_urls.c.key, discovered_urls.c.source)
                                     .where(discovered_urls.c.key.in_(keys[i:i + CHUNK]))):
            out[by_key[key]] = source
    return out


def ids_with_prefix(c: Connection, prefix: str) -> set[str]:
    """Source ids in use that start with ``prefix`` (a new id must not be one of them)."""
    q1 = select(sources.c.id).where(sources.c.id.startswith(prefix, autoescape=True))
    q2 = select(discovered.c.source).where(discovered.c.source.startswith(prefix, autoescape=True))
    return {r[0] for r in c.execute(q1)} | {r[0] for r in c.execute(q2)}


def claim_url(c: Connection, url: str, source_id: str) -> str:
    """Record ``url`` as a URL of ``source_id`` unless it is known already; the source it belongs
    to either way (``source_id`` if this call or an earlier one of the same source claimed it)."""
    key = url_key(url)
    c.execute(insert_new(c, discovered_urls, ["key"]).values(key=key, url=url, source=source_id))
    return c.execute(select(discovered_urls.c.source).where(discovered_urls.c.key == key)).scalar_one()


def add_articles(c: Connection, rows: list[DiscoveredRow]) -> list[DiscoveredRow]:
    """Create a discovered source (and its ``sources`` row) for each of ``rows``, whose URLs were
    unknown when read; those whose URL another feed or a concurrent run claimed meanwhile are not
    created. The rows created are returned. Three statements for any number of rows (executemany):
    a 5,000-entry sitemap's first read must not cost 20,000 round trips."""
    if not rows:
        return []
    c.execute(insert_new(c, discovered_urls, ["key"]),
              [{"key": url_key(r.url), "url": r.url, "source": r.source} for r in rows])
    owner = owners(c, [r.url for r in rows])
    mine = [r for r in rows if owner.get(r.url) == r.source]
    if mine:
        c.execute(insert_new(c, discovered, ["source"]), [
            {"source": r.source, "feed": r.feed, "url": r.url, "title": r.title, "first_seen": r.first_seen,
             "published": r.published, "last_seen": r.last_seen, "anchor": r.anchor} for r in mine])
        c.execute(insert_new(c, sources, ["id"]),
                  [{"id": r.source, "url": r.url, "title": r.title, "failures": 0} for r in mine])
    return mine


def seen_again(c: Connection, source_ids: Iterable[str], at: float) -> None:
    """The feed listed these articles again: the time goes to ``last_seen`` (for ``watcher sources``
    and for gc, which retires by age, never because an article left its feed)."""
    ids = sorted(set(source_ids))
    for i in range(0, len(ids), CHUNK):
        c.execute(update(discovered).where(discovered.c.source.in_(ids[i:i + CHUNK])).values(last_seen=at))


def discovered_rows(c: Connection, feed_ids: Iterable[str] | None = None, *,
                    active_only: bool = True) -> list[DiscoveredRow]:
    """Discovered sources (of ``feed_ids``; default every feed), oldest first."""
    q = select(discovered)
    if feed_ids is not None:
        q = q.where(discovered.c.feed.in_(sorted(set(feed_ids))))
    if active_only:
        q = q.where(and_(discovered.c.merged_into.is_(None), discovered.c.retired.is_(None)))
    return [DiscoveredRow.from_row(r) for r in c.execute(q.order_by(discovered.c.first_seen, discovered.c.source))
            .mappings()]


def discovered_row(c: Connection, source_id: str) -> DiscoveredRow | None:
    row = c.execute(select(discovered).where(discovered.c.source == source_id)).mappings().first()
    return DiscoveredRow.from_row(row) if row else None


def feed_of(c: Connection) -> dict[str, str]:
    """Source id -> the feed that discovered it, for every discovered source (listings, reports)."""
    return {r[0]: r[1] for r in c.execute(select(discovered.c.source, discovered.c.feed))}


def feeds_of(c: Connection, source_ids: Iterable[str]) -> dict[str, str]:
    """The feed of each of ``source_ids`` that a feed discovered."""
    ids = sorted(set(source_ids))
    out: dict[str, str] = {}
    for i in range(0, len(ids), CHUNK):
        out.update({r[0]: r[1] for r in c.execute(select(discovered.c.source, discovered.c.feed)
                                                  .where(discovered.c.source.in_(ids[i:i + CHUNK])))})
    return out


def anchors(c: Connection, source_ids: Iterable[str] | None = None) -> dict[str, float]:
    """Age anchors of discovered sources (all, or ``source_ids``)."""
    q = select(discovered.c.source, discovered.c.anchor)
    if source_ids is None:
        return {r[0]: r[1] for r in c.execute(q)}
    ids = sorted(set(source_ids))
    out: dict[str, float] = {}
    for i in range(0, len(ids), CHUNK):
        out.update({r[0]: r[1] for r in c.execute(q.where(discovered.c.source.in_(ids[i:i + CHUNK])))})
    return out


def changed(c: Connection, source_id: str, at: float) -> None:
    """A new version of a discovered article: its age counts from now (edits come in bursts, so it
    is watched closely again; NewsDiffs does the same)."""
    c.execute(update(discovered).where(discovered.c.source == source_id)
              .values(anchor=func.max(discovered.c.anchor, at) if c.dialect.name == "sqlite"
                      else func.greatest(discovered.c.anchor, at)))


def merge(c: Connection, source_id: str, into: str) -> None:
    """``source_id`` is the same article as ``into``: it is no longer watched (its URLs stay known,
    so no feed creates it again)."""
    c.execute(update(discovered).where(discovered.c.source == source_id).values(merged_into=into))


def move(c: Connection, source_id: str, url: str) -> None:
    """The article's canonical URL is ``url`` (claimed by :func:`claim_url`): fetch it there."""
    c.execute(update(discovered).where(discovered.c.source == source_id).values(url=url))


def retire(c: Connection, source_ids: Iterable[str], at: float) -> None:
    ids = sorted(set(source_ids))
    for i in range(0, len(ids), CHUNK):
        c.execute(update(discovered).where(discovered.c.source.in_(ids[i:i + CHUNK])).values(retired=at))

