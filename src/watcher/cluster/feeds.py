"""The cluster's feeds: each ``[[feeds]]`` entry read by one node when it is due, the articles it
finds checked by every node on their ladder.

A periodic task ``feeds`` (deferred once per tick for the whole cluster by Procrastinate, like
``dispatch``; every :func:`tick_every` seconds) does what the single-machine service's feed jobs do
(:mod:`watcher.service.feedjobs`), with the same code:

* **claim** the due feeds in one statement (:data:`CLAIM`): each feed whose stored next read
  (``feeds.next_due``; none yet: never read) has come gets it moved a lease ahead and is returned.
  So a tick on another node at the same moment (a slow tick overlaps the next one) finds it
  claimed, and a feed whose reader was killed is read again once the lease has run out;
* **read** each claimed feed with :func:`watcher.service.feedjobs.read_feed` — discovery
  (:func:`watcher.discover.run.discover_feed`, idempotent on the database's unique URL keys), the
  next read planned on the feed's interval and stored, one log line;
* **schedule** the new articles (:func:`add_new`): each gets its spec from its feed's
  ``[feeds.defaults]`` (:func:`watcher.cluster.push.discovered_sources`), its host slots, and its
  first check by the shared timing policy (:func:`watcher.service.schedule.plan`: at once, staggered).
  From then its check's guard plans it on its ladder (:mod:`watcher.cluster.guard`). Articles
  merged into another source or retired by ``watcher gc`` are taken off the schedule. This runs
  under the config push's lock, so a push never disables an article the tick is adding.

Only a node whose config is the cluster's (its hash is the pushed one) reads feeds: the feeds and
templates of a node started with an older file may differ. Its tick does nothing; the next runs on
whichever node's worker takes it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from ..config import Config, Feed
from ..discover.run import FeedOutcome
from ..service import schedule
from . import push, slots, spec

CLAIM_LEASE = 300.0  # a claimed feed is read within this, or claimed again (its reader died)
TICKS = (1, 2, 3, 5, 10, 15)  # divisors of 60: a cron's seconds step

ENSURE = """
INSERT INTO feeds (id, url, failures) SELECT i, u, 0 FROM unnest(%(ids)s::text[], %(urls)s::text[]) AS x(i, u)
ON CONFLICT (id) DO NOTHING
"""

CLAIM = f"""
WITH clock AS (SELECT {slots.CLOCK} AS t)
UPDATE feeds f SET next_due = clock.t + %(lease)s FROM clock
WHERE f.id = ANY(%(ids)s) AND (f.next_due IS NULL OR f.next_due <= clock.t)
RETURNING f.id
"""

DISABLE_GONE = """
UPDATE sources s SET enabled = false FROM discovered d
WHERE d.source = s.id AND s.enabled AND (d.merged_into IS NOT NULL OR d.retired IS NOT NULL)
"""

ENABLE = "UPDATE sources SET spec = %s, host = %s, enabled = true, next_due = %s WHERE id = %s AND spec IS NULL"


def tick_every(config: Config) -> int:
    """Seconds between ``feeds`` ticks: 15, or less when a feed is read more often than every 30 s
    (at most half its interval). Fixed when the node starts."""
    shortest = min((f.interval for f in config.feeds), default=60.0)
    return max(s for s in TICKS if s <= max(1.0, min(15.0, shortest / 2)))


async def claim(conn, feeds: tuple[Feed, ...]) -> set[str]:
    """The ids of ``feeds`` that are due, claimed for this tick (see the module doc)."""
    if not feeds:
        return set()
    ids = [f.id for f in feeds]
    await conn.execute(ENSURE, {"ids": ids, "urls": [f.url for f in feeds]})
    cur = await conn.execute(CLAIM, {"ids": ids, "lease": CLAIM_LEASE})
    return {r[0] for r in await cur.fetchall()}


async def add_new(conn, config: Config, digest: str) -> int:
    """Put the articles ``config``'s feeds found that the cluster does not schedule yet on its
    schedule, and take merged and retired ones off; the number added. Nothing while ``config`` is
    not the cluster's (``digest``: its hash)."""
    async with conn.transaction():
        await conn.execute("SELECT pg_advisory_xact_lock(%s)", [push.CONFIG_LOCK])
        row = await (await conn.execute("SELECT hash FROM cluster_config WHERE id = 1")).fetchone()
        if row is None or row[0] != digest:
            return 0
        await conn.execute(DISABLE_GONE)
        found, anchors = await push.discovered_sources(conn, config, only_new=True)
        if not found:
            return 0
        t = (await (await conn.execute(f"SELECT {slots.CLOCK}")).fetchone())[0]
        d = config.defaults
        due = schedule.plan(found, {}, anchors, t, d.backoff_max, d.stagger)
        async with conn.cursor() as cur:
            await cur.executemany(ENABLE, [(spec.to_json(s), spec.host_of(s.url), due.get(s.id), s.id) for s in found])
        await conn.execute(slots.ADD_SLOTS, {"per_host": d.per_host})
    return len(found)


async def tick(pool, config: Config, digest: str,
               read: Callable[[Feed], Awaitable[FeedOutcome]]) -> list[FeedOutcome]:
    """One ``feeds`` tick on this node (see the module doc): the outcomes of the feeds it read."""
    if not config.feeds:
        return []
    async with pool.connection() as conn:
        row = await (await conn.execute("SELECT hash FROM cluster_config WHERE id = 1")).fetchone()
        if row is None or row[0] != digest:
            return []
        due = await claim(conn, config.feeds)
    if not due:
        return []
    outs = list(await asyncio.gather(*(read(f) for f in config.feeds if f.id in due)))
    async with pool.connection() as conn:
        await add_new(conn, config, digest)
    return outs
