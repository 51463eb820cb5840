"""``watcher run``'s feeds: each ``[[feeds]]`` entry read on its interval, its new articles handed to
the scheduler at once.

One APScheduler job per feed (id ``feed:<id>``; ``:`` is not allowed in source ids, so it cannot
clash), planned like a source — :func:`watcher.service.schedule.next_due` with the feed's fixed
interval, backed off while the feed fails — and restart-safe: the next read is stored with the
feed's state, so a restart does not read every feed at once again. A read is
:func:`watcher.discover.run.discover_feed` (idempotent; one ``source_warning`` per failure streak),
run on the service's db thread and extraction lane.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

from apscheduler.jobstores.base import JobLookupError
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

from ..config import Feed
from ..discover.run import FeedOutcome, Reserved, discover_feed
from ..fetch import Client, Politeness
from ..lanes import Workers
from ..store import Store, discovered, now
from . import checklog, schedule

log = logging.getLogger("watcher.service")

PREFIX = "feed:"
OnRead = Callable[[Feed, FeedOutcome], Awaitable[None]]


def job_id(feed_id: str) -> str:
    return PREFIX + feed_id


def _dt(ts: float) -> datetime:
    return datetime.fromtimestamp(ts, UTC)


def _states(store: Store) -> dict[str, discovered.FeedState]:
    with store.transaction() as c:
        return discovered.feed_states(c)


def _state(store: Store, feed_id: str) -> discovered.FeedState | None:
    with store.transaction() as c:
        return discovered.feed_state(c, feed_id)


def _save_next(store: Store, feed: Feed, nxt: float | None) -> None:
    with store.transaction() as c:
        discovered.save_feed_state(c, feed.id, feed.url, next_due=nxt)


class FeedJobs:
    """The feed jobs of one service. ``polite`` and ``reserved`` are the service's, replaced on reload;
    ``on_read`` gets every read's outcome (the service adds the new articles as sources)."""

    def __init__(self, store: Store, client: Client, workers: Workers, sched: AsyncIOScheduler, on_read: OnRead,
                 polite: Politeness, backoff_max: float) -> None:
        self.store, self.client, self.workers, self.sched = store, client, workers, sched
        self.on_read, self.polite, self.backoff_max = on_read, polite, backoff_max
        self.reserved = Reserved()
        self.feeds: dict[str, Feed] = {}
        self.stopping = False

    def _add_job(self, feed: Feed, due: float) -> None:
        self.sched.add_job(self._read, IntervalTrigger(seconds=feed.interval, jitter=schedule.jitter(feed.interval),
                                                       timezone=UTC),
                           args=[feed.id], id=job_id(feed.id), name=job_id(feed.id), next_run_time=_dt(due),
                           replace_existing=True)

    async def apply(self, feeds: tuple[Feed, ...]) -> tuple[list[str], list[str], list[str]]:
        """Use ``feeds`` from now on: new feeds are read when due (at once if never read), removed
        ones stop, edited ones are re-planned. Returns the ids added, removed and edited."""
        old, self.feeds = self.feeds, {f.id: f for f in feeds}
        removed = [fid for fid in old if fid not in self.feeds]
        for fid in removed:
            try:
                self.sched.remove_job(job_id(fid))
            except JobLookupError:
                pass
        changed = [f for f in feeds if old.get(f.id) != f]
        if changed:
            states, t = await self.workers.run_db(_states, self.store), now()
            for k, f in enumerate(changed):
                st = states.get(f.id)
                due = schedule.next_due(schedule.Fixed(f.interval), st.last_read if st else None,
                                        st.failures if st else 0, self.backoff_max, st.next_due if st else None)
                # never read, or overdue: soon, a little apart (a config of fifty feeds is not read in one burst)
                self._add_job(f, max(due or t, t + 0.2 * k))
        return ([f.id for f in changed if f.id not in old], removed, [f.id for f in changed if f.id in old])

    async def _read(self, feed_id: str) -> None:
        feed = self.feeds.get(feed_id)
        if feed is None or self.stopping:
            return
        out, _ = await read_feed(self.store, feed, self.client, self.reserved, self.polite, self.workers,
                                 self.backoff_max, plan=lambda nxt: self._replan(feed, nxt))
        await self.on_read(feed, out)

    def _replan(self, feed: Feed, nxt: float) -> None:
        """The feed's job runs next at ``nxt``, unless the service stops or the feed was removed or
        edited while it was read (the reload planned it)."""
        if self.stopping or self.feeds.get(feed.id) is not feed:
            return
        try:
            self.sched.modify_job(job_id(feed.id), next_run_time=_dt(nxt))
        except JobLookupError:
            pass


async def read_feed(store: Store, feed: Feed, client: Client, reserved: Reserved, polite: Politeness | None,
                    workers: Workers, backoff_max: float,
                    plan: Callable[[float], None] | None = None) -> tuple[FeedOutcome, float]:
    """One read of ``feed`` by any runner (this service, or a cluster node's feed task): the read
    (:func:`discover_feed`), its next read planned — the feed's fixed interval, backed off while it
    fails, jittered — handed to ``plan``, stored with the feed's state, and its log line. Returns the outcome and the next read's time."""
    out = await discover_feed(store, feed, client, reserved=reserved, polite=polite, workers=workers)
    state = await workers.run_db(_state, store, feed.id)
    failures = state.failures if state else 0
    t = now()
    due = schedule.next_due(schedule.Fixed(feed.interval), t, failures, backoff_max)
    nxt = (due or t + feed.interval) + random.uniform(0, schedule.jitter(feed.interval))
    if plan is not None:
        plan(nxt)
    await workers.run_db(_save_next, store, feed, nxt)
    line, fields = checklog.feed_line(out, failures, nxt)
    (log.warning if out.error else log.info)(line, extra={checklog.FIELDS: fields})
    return out, nxt
