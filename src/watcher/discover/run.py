"""Reading one feed into the store: :func:`discover_feed`, the one function every runner calls —
``watcher check`` / ``watcher discover`` once, ``watcher run`` on the feed's interval, and a cluster
node's ``feeds`` task (:mod:`watcher.cluster.feeds`).

What it guarantees, whoever calls it and however often:

* **Idempotent.** The feed's newest entries (:func:`watcher.discover.select.window`) whose
  canonical URL no source holds yet become sources, in one transaction; a URL already known —
  from this feed, another feed, the config, or a concurrent run that got there first — is not
  created twice (the store's unique URL key, :mod:`watcher.store.discovered`). Reading the same
  feed again finds nothing new.
* **Faults lose nothing.** A feed that cannot be read (404, timeout, garbage) or is read with
  faults changes no source: what it found before goes on being watched, and an article that
  leaves the feed is never dropped. It raises one ``source_warning`` with the feed's id as its
  source at the start of a streak of troubled reads, and none while the streak lasts.
* **Conditional.** The feed's ETag / Last-Modified are kept, so an unchanged feed costs a 304.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from ..alerts.problems import record_problem
from ..config import Config, Feed
from ..fetch import Client, Politeness
from ..lanes import Workers
from ..store import AlertRecord, SourceState, Store, discovered, now
from .canon import canonical_url
from .entry import Entry, Parsed
from .ladder import age_anchor
from .patterns import UrlPattern
from .read import FeedRead, fetch_feed, parse_feed
from .select import source_id, window

log = logging.getLogger("watcher.discover")


@dataclass(frozen=True)
class Reserved:
    """What the sources written in the config hold, which no feed may take: their ids, and their
    canonical URLs (``{url: source id}``) — an article the config already watches is not created again."""

    ids: frozenset[str] = frozenset()
    urls: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, config: Config) -> Reserved:
        urls: dict[str, str] = {}
        for s in config.sources:
            try:
                urls.setdefault(canonical_url(s.url), s.id)
            except ValueError:
                continue
        return cls(config.reserved_ids, urls)


@dataclass(frozen=True)
class FeedOutcome:
    """What one read of a feed did. ``new``: the sources it created, newest first."""

    feed: str
    new: tuple[discovered.DiscoveredRow, ...] = ()
    listed: int = 0  # entries the feed listed
    considered: int = 0  # of those, articles within max_articles and the include/exclude patterns
    error: str | None = None
    warnings: tuple[str, ...] = ()
    not_modified: bool = False
    alert: AlertRecord | None = None
    duration: float = 0.0

    @property
    def outcome(self) -> str:
        if self.error:
            return "error"
        if self.warnings:
            return "warning"
        return "not_modified" if self.not_modified else "ok"


def _fault_alert(store: Store, c, feed: Feed, state: discovered.FeedState | None, message: str) -> AlertRecord | None:
    """The ``source_warning`` of a troubled read, at the start of its streak only."""
    if state is not None and state.troubled:
        return None
    as_source = SourceState(id=feed.id, url=feed.url, last_check=state.last_read if state else None,
                            last_ok=state.last_ok if state else None)
    return record_problem(store, c, feed.id, "source_warning", message, as_source, feed.url)


def _store_read(store: Store, feed: Feed, read: FeedRead, reserved: Reserved, t: float) -> FeedOutcome:
    """Everything a read writes, in one transaction (on the db thread): new sources, sightings, the
    feed's state and, at the start of a streak of troubled reads, its alert."""
    cands = window(feed, read.entries) if not read.error else []
    with store.transaction(immediate=True) as c:
        state = discovered.feed_state(c, feed.id)
        known = discovered.owners(c, [u for u, _ in cands])
        fresh = [(u, e) for u, e in cands if u not in known and u not in reserved.urls]
        taken = set(reserved.ids) | (discovered.ids_with_prefix(c, feed.id + "-") if fresh else set())
        rows = []
        for url, e in fresh:
            sid = source_id(feed.id, url, taken)
            taken.add(sid)
            rows.append(_row(feed, sid, url, e, t))
        new = discovered.add_articles(c, rows)
        discovered.seen_again(c, known.values(), t)
        out = FeedOutcome(feed.id, tuple(new), len(read.entries), len(cands), read.error, read.warnings,
                          read.not_modified)
        problem = read.error or "; ".join(read.warnings)
        values: dict = dict(last_read=t, last_outcome=out.outcome, last_error=problem or None)
        if read.error:
            values["failures"] = (state.failures if state else 0) + 1
        else:
            values.update(last_ok=t, failures=0, etag=read.etag, last_modified=read.last_modified)
            if not read.not_modified:
                values["entries"] = len(read.entries)
        alert = _fault_alert(store, c, feed, state, problem) if problem else None
        discovered.save_feed_state(c, feed.id, feed.url, **values)
    return replace(out, alert=alert)


def _row(feed: Feed, sid: str, url: str, e: Entry, t: float) -> discovered.DiscoveredRow:
    """The new source's row. Its age counts from the feed's date for it when that is earlier than
    now (a sitemap lists articles from years ago: found today, they are still old)."""
    published = e.published if e.published is not None else e.updated
    return discovered.DiscoveredRow(source=sid, feed=feed.id, url=url, title=e.title, first_seen=t,
                                    published=published, last_seen=t, anchor=age_anchor(t, published))


async def discover_feed(store: Store, feed: Feed, client: Client, *, reserved: Reserved = Reserved(),
                        polite: Politeness | None = None, workers: Workers | None = None) -> FeedOutcome:
    """Read ``feed`` once and store the articles new to watcher as sources (see the module doc).

    Never raises for a fault of the feed. ``reserved``: the config's sources (:meth:`Reserved.of`);
    the fetch limits are those of the feed's sources (``[feeds.defaults]``, else ``[defaults]``);
    ``workers``: where store transactions and parsing run (the caller's, in a pass or a service;
    else this call's own).
    """
    own = workers is None
    lanes = workers or Workers.for_pass(1)
    start = time.monotonic()
    try:
        state = await lanes.run_db(_state, store, feed.id)

        async def parse(kind: str, data: bytes, url: str, links: UrlPattern | None) -> Parsed:
            return await lanes.run_cpu(parse_feed, kind, data, url, links)

        s = feed.source
        read = await fetch_feed(client, feed, polite=polite, etag=state.etag if state else None,
                                last_modified=state.last_modified if state else None, parse=parse,
                                timeout=s.timeout, max_bytes=s.max_bytes, user_agent=s.user_agent,
                                respect_robots=s.respect_robots, retries=s.retries, min_delay=s.min_delay)
        out = await lanes.run_db(_store_read, store, feed, read, reserved, now())
    finally:
        if own:
            lanes.close()
    return replace(out, duration=time.monotonic() - start)


def _state(store: Store, feed_id: str) -> discovered.FeedState | None:
    with store.transaction() as c:
        return discovered.feed_state(c, feed_id)
