"""``watcher run``: check every source on its interval, for months, unattended.

The service only schedules; one check of one source is :func:`watcher.pipeline.check`. What it
adds, and why:

* **APScheduler jobs, one per source.** ``coalesce=True`` and ``misfire_grace_time=None``: a run
  that is late because the loop was busy, the machine slept or SQLite was locked by a hand-run
  ``watcher check`` still happens, once (APScheduler's default grace of 1 s silently drops it).
  ``max_instances=1``, and a source's job is paused while its check runs; the next run is planned
  when the check ends (interval + jitter, or a back-off after failures). So a check that waited in
  a queue longer than its interval is not followed by an immediate second one.
* **Limits.** At most ``defaults.concurrency`` checks at once and ``defaults.per_host`` per host
  (a site with many watched pages is not hit by all of them together); the host slot is taken
  before the global one, so checks queued for a busy host do not block other hosts.
* **Restart-safe timing.** The next due time of every source is written to the store; after a
  restart a source runs when it is due. Overdue sources are spread over ``defaults.stagger``.
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
import random
import signal
import threading
import time
from collections.abc import Iterable
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from urllib.parse import urlsplit

from apscheduler.jobstores.base import JobLookupError
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

from ..alerts.deliver import deliver_pending
from ..config import Config, ConfigError, ConfigWatcher, Source
from ..config import load as load_config
from ..lanes import Workers
from ..pipeline import CheckResult, check, client_for, new_politeness
from ..store import SourceState, Store, now
from . import checklog, schedule
from .statelock import StateLock

log = logging.getLogger("watcher.service")

POLL_SECONDS = 1.0  # how often the config files are looked at
STOP_GRACE = 6.0  # checks in progress may finish within this after SIGTERM; then they are cancelled
STOP_DEADLINE = 9.5  # last resort: exit even if a worker (a huge extraction) still runs
DELIVER_EVERY = 30.0  # notification retries and digests are looked at this often without checks
CONFIG_JOB = "config:watch"  # ':' is not allowed in source ids, so this cannot clash
JOB_DEFAULTS = {"coalesce": True, "max_instances": 1, "misfire_grace_time": None}


def _dt(ts: float) -> datetime:
    return datetime.fromtimestamp(ts, UTC)


class Limits:
    """A cap on checks at once, and a cap per host (by host name, as Scrapy's per-domain slots).

    Why a host gate here besides the request slots of :class:`watcher.fetch.polite.Politeness`: a check
    waits for its host *before* it takes a global slot, so a queue of checks for one busy host
    never holds the global slots that other hosts' checks need. (The same semaphore cannot serve
    both levels: checks holding every host slot would then wait on it again inside the fetch.)
    """

    def __init__(self, total: int, per_host: int) -> None:
        self.key = (total, per_host)
        self.total = asyncio.Semaphore(total)
        self.per_host = per_host
        self.hosts: dict[str, asyncio.Semaphore] = {}

    @asynccontextmanager
    async def slot(self, url: str):
        host = (urlsplit(url).hostname or "").lower()
        sem = self.hosts.get(host)
        if sem is None:
            sem = self.hosts[host] = asyncio.Semaphore(self.per_host)
        async with sem, self.total:
            yield


class Service:
    """The scheduler of one state directory. Construct inside a running event loop."""

    def __init__(self, config: Config, store: Store, client) -> None:
        self.config = config
        self.store = store
        self.client = client
        self.polite = new_politeness(config)  # robots.txt, host delays and request slots outlive one check
        # the store's one thread (no lock contention in this process) and extraction processes,
        # whatever the number of sources (two checks may extract at once; threads must not)
        self.workers = Workers.for_pass(len(config.sources), service=True)
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

    # -- planning --------------------------------------------------------------------------------

    def _plan(self, sources: Iterable[Source], states: dict[str, SourceState], t: float) -> dict[str, float]:
        """Next run of each source from its stored state; overdue ones staggered, most overdue first."""
        cap = self.config.defaults.backoff_max
        due: dict[str, float] = {}
        overdue: list[tuple[float, str, float]] = []
        for s in sources:
            d = schedule.due_from_state(states.get(s.id), s.interval, cap)
            if d is None or d <= t:
                overdue.append((d if d is not None else float("-inf"), s.id, s.interval))
            else:
                due[s.id] = d
        overdue.sort(key=lambda x: x[0])
        due.update(schedule.stagger([(sid, iv) for _, sid, iv in overdue], t, self.config.defaults.stagger))
        return due

    def _save_plan(self, sources: list[Source], due: dict[str, float]) -> None:
        """Write the planned runs (``watcher sources`` shows them; a restart resumes from them)."""
        with self.store.transaction() as c:
            for s in sources:
                self.store.ensure_source(c, s.id, s.url)
                self.store.update_source(c, s.id, next_due=due.get(s.id))

    def _trigger(self, s: Source) -> IntervalTrigger:
        # The trigger is the fallback cadence; normally each run is planned when the previous ends.
        return IntervalTrigger(seconds=s.interval, jitter=schedule.jitter(s.interval), timezone=UTC)

    def _add_job(self, s: Source, due: float) -> None:
        self.sched.add_job(self._run, self._trigger(s), args=[s.id], id=s.id, name=s.id,
                           next_run_time=_dt(due), replace_existing=True)

    async def start(self) -> None:
        sources = list(self.config.sources)
        t = now()
        due = self._plan(sources, await self.workers.run_db(self.store.source_states), t)
        await self.workers.run_db(self._save_plan, sources, due)
        for s in sources:
            self._add_job(s, due[s.id])
        self.sched.add_job(self._poll_config, IntervalTrigger(seconds=POLL_SECONDS, timezone=UTC), id=CONFIG_JOB,
                           name=CONFIG_JOB)
        self.sched.start()
        self.delivery = asyncio.create_task(self._deliver_loop(), name="notify")
        n_now = sum(1 for d in due.values() if d <= t + self.config.defaults.stagger)
        log.info("watching %d source(s) from %s (%d due within %gs); state in %s; pid %d", len(sources),
                 self.config.path, n_now, self.config.defaults.stagger, self.config.state_dir, os.getpid(),
                 extra={checklog.FIELDS: {"event": "start", "sources": len(sources), "pid": os.getpid(),
                                          "config": str(self.config.path),
                                          "state_dir": str(self.config.state_dir)}})

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
                result = await check(self.store, source, self.client, self.config, self.polite, self.workers)
            planned = await self._after(sid, result)
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

    async def _after(self, sid: str, result: CheckResult) -> bool:
        """Plan the next run (back-off after failures), persist it, log the check's line."""
        state = await self.workers.run_db(self.store.source_state, sid)
        failures = state.failures if state else 0
        source = self.sources.get(sid)
        nxt = None
        if source is not None:
            delay = schedule.backoff_delay(source.interval, failures, self.config.defaults.backoff_max)
            nxt = now() + delay + random.uniform(0, schedule.jitter(source.interval))
        # while stopping the plan is only persisted: the restart resumes from it
        planned = nxt is not None and not self.stopping and self._set_next(sid, nxt)
        await self.workers.run_db(self._save_next, sid, nxt)
        if result.alerts:
            self.deliver_wanted.set()
        fields = checklog.check_fields(result, failures, nxt)
        log.info(checklog.check_message(fields, None if nxt is None else nxt - now()),
                 extra={checklog.FIELDS: fields})
        return planned

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
                                               "source": e.source, "field": e.field, "error": e.message}})
            return
        self.watcher.use(new)
        if (new.state_dir, new.database_url) != (self.config.state_dir, self.config.database_url):
            log.warning("%s: state_dir/database_url changes take effect at the next restart; still using %s",
                        new.path, self.config.state_dir)
            new = dataclasses.replace(new, state_dir=self.config.state_dir, database_url=self.config.database_url)
        old, self.sources = self.sources, {s.id: s for s in new.sources}
        self.config = new
        self._apply_limits(new)
        added = [s for s in new.sources if s.id not in old]
        removed = [sid for sid in old if sid not in self.sources]
        retimed = [s for s in new.sources if s.id in old and old[s.id].interval != s.interval]
        edited = [s.id for s in new.sources if s.id in old and old[s.id] != s and s not in retimed]
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
            if job is None:
                self._add_job(s, due[s.id])
            elif job.next_run_time is None:  # running now: the new interval applies when it ends
                job.modify(trigger=self._trigger(s))
            else:
                job.modify(trigger=self._trigger(s), next_run_time=_dt(due[s.id]))
        if added or retimed:
            await self.workers.run_db(self._save_plan, added + retimed, due)
        summary = ", ".join(f"{len(ids)} {what} ({', '.join(ids)})" for what, ids in (
            ("added", [s.id for s in added]), ("removed", removed), ("re-timed", [s.id for s in retimed]),
            ("edited", edited)) if ids) or "no source changes"
        log.info("config reloaded (%s): %s; watching %d source(s)", reason, summary, len(self.sources),
                 extra={checklog.FIELDS: {"event": "reload", "reason": reason, "added": [s.id for s in added],
                                          "removed": removed, "retimed": [s.id for s in retimed], "edited": edited,
                                          "sources": len(self.sources)}})

    def _apply_limits(self, new: Config) -> None:
        total = new.defaults.concurrency
        if total > self.pool_size:
            log.warning("defaults.concurrency above %d takes effect at the next restart", self.pool_size)
            total = self.pool_size
        if (total, new.defaults.per_host) != self.limits.key:
            self.limits = Limits(total, new.defaults.per_host)  # checks already queued keep the old ones
        if new.defaults.per_host != self.polite.per_host:
            self.polite = new_politeness(new)

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
        self.stopping = True
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


async def serve(config: Config, store: Store) -> None:
    """Run until SIGTERM/SIGINT; SIGHUP re-reads the config."""
    loop = asyncio.get_running_loop()
    async with client_for(config) as client:
        svc = Service(config, store, client)
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, svc.request_stop, sig.name)
        loop.add_signal_handler(signal.SIGHUP, svc.reload_soon, "SIGHUP")
        await svc.start()
        await svc.stop_requested.wait()
        await svc.stop()
    log.info("stopped", extra={checklog.FIELDS: {"event": "stopped"}})


def run(config: Config, log_json: bool = False) -> None:
    """``watcher run``: take the state directory's lock, open the store, serve until stopped."""
    checklog.setup(json_lines=log_json)
    with StateLock(config.state_dir):
        store = Store(config.database_url)
        try:
            asyncio.run(serve(config, store))
        finally:
            store.close()
