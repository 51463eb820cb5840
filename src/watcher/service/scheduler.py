"""``watcher run``: check every source on its interval, for months, unattended.

The service only schedules; one check of one source is :func:`watcher.pipeline.check`. What it
adds, and why:

* **Every watched source**: the config's and the articles its feeds discovered (:mod:`.feedjobs`
  reads each feed on its interval; new articles become jobs at once). When a source is due is
  :func:`watcher.service.schedule.next_due`: a fixed interval, or the ladder by the article's age.
* **APScheduler jobs, one per source.** ``coalesce=True`` and ``misfire_grace_time=None``: a run
  that is late because the loop was busy, the machine slept or SQLite was locked by a hand-run
  ``watcher check`` still happens, once (APScheduler's default grace of 1 s silently drops it).
  ``max_instances=1``, and a source's job is paused while its check runs; the next run is planned
  when the check ends (interval + jitter, or a back-off after failures). So a check that waited in
  a queue longer than its interval is not followed by an immediate second one.
* **Limits.** At most ``defaults.concurrency`` checks at once and ``defaults.per_host`` per host
  (a site with many watched pages is not hit by all of them together); the host slot is taken
  before the global one, so checks queued for a busy host do not block other hosts.
* **Restart-safe timing.** Each source's next due time is stored; after a restart a source runs
  when it is due. Overdue sources are spread over ``defaults.stagger``.
* **Live config.** The config files are polled every second (and re-read on SIGHUP). Sources are
  added, removed and re-timed in place; an invalid edit is logged with file, source and field and
  the last good config stays in force.
* **Clean stop.** SIGTERM/SIGINT: no new checks start, checks in progress get ``STOP_GRACE``
  seconds, then are cancelled; exit 0 well within 10 s. A check writes its version and alerts in
  one transaction, so a cancelled, killed or crashed check leaves nothing half-written.
* **One service per state directory** (:mod:`watcher.service.statelock`).
* **Notifications** (:mod:`watcher.alerts.deliver`) are delivered by one background task, woken after
  checks and every ``DELIVER_EVERY`` seconds (retries, digests): a burst of checks makes one
  delivery round, and two rounds never send the same pending alert at once.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import os
import threading
import time
from collections.abc import Iterable
from datetime import UTC, datetime

from apscheduler.jobstores.base import JobLookupError
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

from ..alerts.deliver import deliver_pending
from ..config import Config, ConfigError, ConfigWatcher, Feed, Source
from ..config import load as load_config
from ..discover.run import FeedOutcome, Reserved
from ..discover.watched import Watched, source_for, watched
from ..lanes import Workers
from ..pipeline import CheckResult, check, new_politeness
from ..robotsfiles import keep_read, robots_recall
from ..store import SourceState, Store, StoreFault, discovered, now
from . import checklog, schedule
from .feedjobs import FeedJobs
from .limits import Limits

log = logging.getLogger("watcher.service")

POLL_SECONDS = 1.0  # how often the config files are looked at
STOP_GRACE = 6.0  # checks in progress may finish within this after SIGTERM; then they are cancelled
STOP_DEADLINE = 9.5  # last resort: exit even if a worker (a huge extraction) still runs
DELIVER_EVERY = 30.0  # notification retries and digests are looked at this often without checks
CONFIG_JOB = "config:watch"  # ':' is not allowed in source ids, so this cannot clash
JOB_DEFAULTS = {"coalesce": True, "max_instances": 1, "misfire_grace_time": None}


def _dt(ts: float) -> datetime:
    return datetime.fromtimestamp(ts, UTC)


class Service:
    """The scheduler of one state directory. Construct inside a running event loop."""

    def __init__(self, config: Config, store: Store, client) -> None:
        self.config = config
        self.store = store
        self.client = client
        # the store's one thread (no lock contention in this process) and extraction processes,
        # whatever the number of sources (two checks may extract at once; threads must not)
        self.workers = Workers.for_pass(len(config.sources), service=True)
        # robots.txt, host delays and request slots outlive one check; robots.txt files kept by
        # other processes (or before a restart) are used rather than asked for again
        self.polite = new_politeness(config, robots_recall(store, self.workers))
        self.tasks: set[asyncio.Task] = set()  # reloads started by SIGHUP
        self.reloading = asyncio.Lock()  # a SIGHUP and a file change never apply two configs at once
        self.sources = {s.id: s for s in config.sources}
        self.pool_size = config.defaults.concurrency  # the HTTP client's connection pool
        self.limits = Limits(config.defaults.concurrency, config.defaults.per_host)
        self.sched = AsyncIOScheduler(timezone=UTC, job_defaults=JOB_DEFAULTS)
        self.watcher = ConfigWatcher(config)
        self.inflight: dict[asyncio.Task, str] = {}  # task -> source id, checks past their slot
        self.stopping = False
        self.hurry = False
        self.stop_requested = asyncio.Event()
        self.started = now()
        self.deliver_wanted = asyncio.Event()
        self.delivery: asyncio.Task | None = None
        self.anchors: dict[str, float] = {}  # age anchors of discovered sources (the ladder counts from them)
        self.feeds = FeedJobs(store, client, self.workers, self.sched, self._on_feed_read, self.polite,
                              config.defaults.backoff_max)

    # -- planning --------------------------------------------------------------------------------

    def _plan(self, sources: Iterable[Source], states: dict[str, SourceState],
              t: float) -> dict[str, float | None]:
        d = self.config.defaults
        return schedule.plan(sources, states, self.anchors, t, d.backoff_max, d.stagger)

    def _save_plan(self, sources: list[Source], due: dict[str, float | None]) -> None:
        """Write the planned runs (``watcher sources`` shows them; a restart resumes from them)."""
        with self.store.transaction() as c:
            self.store.ensure_sources(c, [(s.id, s.url) for s in sources])
            for s in sources:
                self.store.update_source(c, s.id, next_due=due.get(s.id))

    def _trigger(self, s: Source) -> IntervalTrigger:
        # The trigger is the fallback cadence; normally each run is planned when the previous ends
        # (for an article on the ladder: its gentlest step, should planning fail).
        every = s.interval if s.ladder is None else s.ladder.steps[-1][1]
        return IntervalTrigger(seconds=every, jitter=schedule.jitter(every), timezone=UTC)

    def _use(self, w: Watched) -> dict[str, Source]:
        """Watch ``w`` from now on; the sources watched until now are returned."""
        old, self.sources = self.sources, {s.id: s for s in w.sources}
        self.anchors = dict(w.anchors)
        self.feeds.reserved = Reserved.of(self.config)
        return old

    def _add_job(self, s: Source, due: float | None) -> None:
        if due is None:  # too old for its ladder: never checked again
            return
        self.sched.add_job(self._run, self._trigger(s), args=[s.id], id=s.id, name=s.id,
                           next_run_time=_dt(due), replace_existing=True)

    async def start(self) -> None:
        self._use(await self.workers.run_db(watched, self.config, self.store))
        sources = list(self.sources.values())
        t = now()
        due = self._plan(sources, await self.workers.run_db(self.store.source_states), t)
        await self.workers.run_db(self._save_plan, sources, due)
        for s in sources:
            self._add_job(s, due[s.id])
        await self.feeds.apply(self.config.feeds)
        self.sched.add_job(self._poll_config, IntervalTrigger(seconds=POLL_SECONDS, timezone=UTC), id=CONFIG_JOB,
                           name=CONFIG_JOB)
        self.sched.start()
        self.delivery = asyncio.create_task(self._deliver_loop(), name="notify")
        soon = sum(1 for d in due.values() if d is not None and d <= t + self.config.defaults.stagger)
        line, fields = checklog.start_line(self.config, sources, soon, os.getpid())
        log.info(line, extra={checklog.FIELDS: fields})

    # -- one run ---------------------------------------------------------------------------------

    async def _run(self, sid: str) -> None:
        source = self.sources.get(sid)
        if source is None or self.stopping:
            return
        self._set_next(sid, None)  # paused while it runs: never two checks of a source, no catch-up burst
        task = asyncio.current_task()
        assert task is not None  # called from the check's own task
        planned = False
        try:
            async with self.limits.slot(source.url):
                if self.stopping:
                    return
                self.inflight[task] = sid
                result = await check(self.store, source, self.client, self.config, self.polite, self.workers,
                                     reserved=self.feeds.reserved.urls)
            planned = await self._after(sid, result)
        except StoreFault as e:  # disk full, database locked: one line; the next run tries again
            self.workers.fault = None
            log.error("%s: not checked: %s", sid, e, extra={checklog.FIELDS: {
                "event": "store_fault", "source": sid, "error": str(e)}})
        finally:
            self.inflight.pop(task, None)
            if not planned and not self.stopping:
                try:  # something went wrong planning the next run: fall back to the trigger
                    self.sched.resume_job(sid)
                except JobLookupError:
                    pass

    def _set_next(self, sid: str, ts: float | None) -> bool:
        try:
            self.sched.modify_job(sid, next_run_time=None if ts is None else _dt(ts))
            return True
        except JobLookupError:  # removed from the config meanwhile
            return False

    def _after_state(self, sid: str, changed: bool) -> tuple[SourceState | None, float | None]:
        with self.store.transaction() as c:  # a new version moves the age anchor: read it then only
            return self.store.source_state(sid), discovered.anchors(c, [sid]).get(sid) if changed else None

    async def _after(self, sid: str, result: CheckResult) -> bool:
        """Plan the next run (back-off after failures; none when the article is too old for its
        ladder or was merged into another source), persist it, log the check's line."""
        state, anchor = await self.workers.run_db(self._after_state, sid, result.outcome == "new_version")
        failures = state.failures if state else 0
        if anchor is not None:
            self.anchors[sid] = anchor  # an edit makes an article young again
        source = None if result.outcome == "merged" else self.sources.get(sid)
        if source is not None and state is not None and state.url != source.url:  # moved to its canonical URL
            source = self.sources[sid] = dataclasses.replace(source, url=state.url)
        nxt = None
        if source is not None:
            t = now()
            policy = schedule.policy_for(source, state, self.anchors.get(sid))
            nxt = schedule.after_check(policy, t, failures, self.config.defaults.backoff_max)
        if nxt is None and not self.stopping:  # merged, too old, or removed from the config meanwhile
            self._drop(sid)
        # while stopping the plan is only persisted: the restart resumes from it
        planned = nxt is not None and not self.stopping and self._set_next(sid, nxt)
        await self.workers.run_db(self._save_next, sid, nxt)
        await keep_read(self.polite, self.store, self.workers)  # what the check read from its host, if anything
        if result.alerts:
            self.deliver_wanted.set()
        fields = checklog.check_fields(result, failures, nxt)
        log.info(checklog.check_message(fields, None if nxt is None else nxt - now()),
                 extra={checklog.FIELDS: fields})
        return planned

    def _drop(self, sid: str) -> None:
        """Stop checking ``sid`` (its history stays)."""
        self.sources.pop(sid, None)
        try:
            self.sched.remove_job(sid)
        except JobLookupError:
            pass

    async def _on_feed_read(self, feed: Feed, out: FeedOutcome) -> None:
        """A feed was read: its new articles become jobs now, staggered like other new sources."""
        await keep_read(self.polite, self.store, self.workers)  # the feed host's robots.txt, if read
        if out.alert:
            self.deliver_wanted.set()
        if self.stopping or self.feeds.feeds.get(feed.id) is not feed:
            return  # the feed was removed or edited while it was read: the reload planned its sources
        added = [source_for(feed, r) for r in out.new if r.source not in self.sources]
        self.anchors.update({r.source: r.anchor for r in out.new})
        self.sources.update({s.id: s for s in added})
        due = self._plan(added, {}, now())
        for s in added:
            self._add_job(s, due[s.id])
        if added:
            await self.workers.run_db(self._save_plan, added, due)

    def _save_next(self, sid: str, nxt: float | None) -> None:
        with self.store.transaction() as c:
            self.store.update_source(c, sid, next_due=nxt)

    async def _deliver_loop(self) -> None:
        while not self.stopping:
            try:
                await asyncio.wait_for(self.deliver_wanted.wait(), timeout=DELIVER_EVERY)
            except TimeoutError:
                pass
            self.deliver_wanted.clear()
            if not self.stopping:  # undelivered alerts stay queued in the store for the next start
                await asyncio.to_thread(deliver_pending, self.config, self.store, self.started)

    # -- live config -----------------------------------------------------------------------------

    async def _poll_config(self) -> None:
        if not self.stopping and self.watcher.changed():
            await self.reload("config file changed")

    def reload_soon(self, reason: str) -> None:
        """Signal handlers cannot await: run the reload as a task."""
        task = asyncio.get_running_loop().create_task(self.reload(reason))
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def reload(self, reason: str) -> None:
        """Re-read the config; apply source changes, or log why not and keep the last good config."""
        async with self.reloading:
            if not self.stopping:
                await self._reload(reason)

    async def _reload(self, reason: str) -> None:
        try:
            new = load_config(self.config.path)
        except ConfigError as e:
            log.error("%s — keeping the last good config (%d sources)", e, len(self.sources),
                      extra={checklog.FIELDS: {"event": "config_error", "file": str(e.file) if e.file else None,
                                               "source": e.source, "feed": e.feed, "field": e.field,
                                               "error": e.message}})
            return
        self.watcher.use(new)
        if (new.state_dir, new.database_url) != (self.config.state_dir, self.config.database_url):
            log.warning("%s: state_dir/database_url changes take effect at the next restart; still using %s",
                        new.path, self.config.state_dir)
            new = dataclasses.replace(new, state_dir=self.config.state_dir, database_url=self.config.database_url)
        self.config = new
        old = self._use(await self.workers.run_db(watched, new, self.store))
        self._apply_limits(new)
        added, removed, retimed, edited = schedule.changes(old, self.sources)
        for sid in removed:
            try:
                self.sched.remove_job(sid)
            except JobLookupError:
                pass
        states, t = await self.workers.run_db(self.store.source_states), now()
        due = self._plan(added, states, t)
        # a new interval counts from the last check, not from the run planned with the old one
        due.update(self._plan(retimed, {sid: dataclasses.replace(st, next_due=None) for sid, st in states.items()}, t))
        for s in added:
            self._add_job(s, due[s.id])
        for s in retimed:
            job = self.sched.get_job(s.id)
            if due[s.id] is None:
                self._drop(s.id)
            elif job is None:
                self._add_job(s, due[s.id])
            elif job.next_run_time is None:  # running now: the new interval applies when it ends
                job.modify(trigger=self._trigger(s))
            else:
                job.modify(trigger=self._trigger(s), next_run_time=_dt(due[s.id] or t))
        if added or retimed:
            await self.workers.run_db(self._save_plan, added + retimed, due)
        f_added, f_removed, f_edited = await self.feeds.apply(new.feeds)
        line, fields = checklog.reload_line(reason, len(self.sources), {
            "added": [s.id for s in added], "removed": removed, "retimed": [s.id for s in retimed], "edited": edited,
            "feeds_added": f_added, "feeds_removed": f_removed, "feeds_edited": f_edited})
        log.info(line, extra={checklog.FIELDS: fields})

    def _apply_limits(self, new: Config) -> None:
        total = new.defaults.concurrency
        if total > self.pool_size:
            log.warning("defaults.concurrency above %d takes effect at the next restart", self.pool_size)
            total = self.pool_size
        if (total, new.defaults.per_host) != self.limits.key:
            self.limits = Limits(total, new.defaults.per_host)  # checks already queued keep the old ones
        if new.defaults.per_host != self.polite.per_host:
            self.polite = self.feeds.polite = new_politeness(new, self.polite.recall)
        self.feeds.backoff_max = new.defaults.backoff_max

    # -- stopping --------------------------------------------------------------------------------

    def request_stop(self, signame: str) -> None:
        if self.stop_requested.is_set():
            log.warning("%s again: cancelling checks in progress now", signame)
            self.hurry = True
            return
        log.info("%s received: stopping (checks in progress get %gs to finish)", signame, STOP_GRACE,
                 extra={checklog.FIELDS: {"event": "stopping", "signal": signame}})
        self.stop_requested.set()
        watchdog = threading.Timer(STOP_DEADLINE, _hard_exit)
        watchdog.daemon = True
        watchdog.start()

    async def stop(self) -> None:
        self.stopping = self.feeds.stopping = True
        self.sched.pause()
        deadline = time.monotonic() + STOP_GRACE
        while self.inflight and not self.hurry and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        left = sorted(self.inflight.values())
        # shutdown() cancels every job task still running or still waiting for a slot
        self.sched.shutdown(wait=False)
        if self.delivery is not None:
            self.delivery.cancel()
        await asyncio.sleep(0)
        if left:
            log.warning("cancelled the check(s) of %s still in progress; they wrote nothing and run again "
                        "after the restart", ", ".join(left))
        pending = [t for t in self.inflight if not t.done()]
        if pending:
            await asyncio.wait(pending, timeout=1.0)
        # store work already handed to the db thread completes (each is one transaction); queued
        # extractions are dropped
        await asyncio.to_thread(self.workers.close)


def _hard_exit() -> None:
    """The last resort of a stop: a worker thread (a pathological extraction) did not end in time.
    Exiting now is as safe as ``kill -9``: every check's writes are one transaction."""
    log.error("stop took longer than %gs; exiting now", STOP_DEADLINE)
    logging.shutdown()
    os._exit(0)
