"""``watcher run``: schedule every source with APScheduler until SIGTERM/SIGINT.

The service holds no pipeline logic: each job is one :func:`watcher.pipeline.check` of one source.
Choices made deliberately (APScheduler's defaults bite in a long-running monitor):

* ``misfire_grace_time`` is generous and ``coalesce`` is on — the default grace of 1 s silently
  drops a run when the event loop is busy; a late run should still happen, once.
* ``max_instances=1`` — never two checks of one source at a time.
* first checks are staggered over the first minute (plus per-job jitter), not all at once.
"""

from __future__ import annotations

import asyncio
import logging
import random
import signal
from datetime import UTC, datetime, timedelta

from .config import Config
from .store import Store

log = logging.getLogger("watcher.service")
STAGGER_SECONDS = 60.0


def _log_result(r) -> None:
    claims = [a["kind"] for a in r.alerts if a["kind"] not in ("text_changed",)]
    log.info("%s %s%s in %.2fs%s", r.source, r.outcome, f" v{r.version}" if r.version is not None else "",
             r.duration, f" alerts={','.join(claims)}" if claims else "")


async def serve(config: Config, store: Store, stop: asyncio.Event) -> None:
    from apscheduler.schedulers.asyncio import AsyncIOScheduler
    from apscheduler.triggers.interval import IntervalTrigger

    from .notify import deliver_pending
    from .pipeline import check, client_for, new_politeness
    from .store import now

    started = now()
    limit = asyncio.Semaphore(config.defaults.concurrency)
    polite = new_politeness(config)  # robots.txt and host delays outlive one job
    async with client_for(config) as client:
        async def job(source_id: str) -> None:
            source = config.source(source_id)
            async with limit:
                _log_result(await check(store, source, client, config, polite))
            await asyncio.to_thread(deliver_pending, config, store, started)  # notifications (notify.py)

        sched = AsyncIOScheduler(timezone=UTC, job_defaults={"coalesce": True, "max_instances": 1,
                                                             "misfire_grace_time": 3600})
        start = datetime.now(UTC)
        n = max(1, len(config.sources))
        for k, s in enumerate(config.sources):
            first = start + timedelta(seconds=min(STAGGER_SECONDS, s.interval) * k / n + random.random())
            sched.add_job(job, IntervalTrigger(seconds=s.interval, jitter=min(30.0, s.interval * 0.1)),
                          args=[s.id], id=s.id, next_run_time=first, name=s.id)
        sched.start()
        log.info("watching %d source(s); state in %s", len(config.sources), config.state_dir)
        await stop.wait()
        sched.shutdown(wait=False)
        log.info("stopping")


def run(config: Config, store: Store) -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        await serve(config, store, stop)

    asyncio.run(main())
    store.close()
