"""``watcher run`` on PostgreSQL: one node of a cluster, its work queued by Procrastinate.

Start the same command with the same config on N machines (or N times on one); every node does
every kind of work, so none idles as a hot standby. A node runs, in one event loop:

* a Procrastinate worker on the ``checks`` queue (``defaults.concurrency`` checks at once): each job
  is one check of one source for one due time (:meth:`Node.run_check`);
* a worker on the ``cluster`` queue (3 at once) for the periodic tasks, each deferred once per tick
  across the whole cluster by Procrastinate: ``dispatch`` every second (due sources → check jobs,
  :mod:`watcher.cluster.slots`), ``feeds`` (due feeds read, their new articles scheduled on their
  ladder: :mod:`watcher.cluster.feeds`), ``retry_stalled`` (checks of dead nodes run again), ``deliver``
  every 30 s and after checks that raised alerts (notifications: :mod:`watcher.alerts.deliver`, whose
  leases keep two nodes from sending one alert), ``cleanup`` hourly;
* the config watch: an edit of this node's files is pushed to the cluster (:mod:`watcher.cluster.push`).

A node killed with SIGKILL stops heartbeating; after ``[cluster] dead_after`` (30 s) the next
``retry_stalled`` (every 15 s at most) puts its checks back in the queue and another node runs them
within a poll (5 s): at most ~50 s plus the check itself with the defaults, stated as "within two
minutes". The re-run keeps the dead check's host slot (same holder) and stores once (its guard,
:mod:`watcher.cluster.guard`). Stalled housekeeping jobs are finished as failed, not retried: the
next tick does their work, and a retry could collide with their queueing lock. (No Procrastinate
``lock`` anywhere: a stalled job with one would block every later job of its key, upstream #1408.)

SIGTERM/SIGINT: no new job starts, checks in progress get ``STOP_GRACE`` seconds; SIGHUP re-reads
and pushes the config.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import os
import signal
import socket
import time
from dataclasses import dataclass, field

import procrastinate
from procrastinate import exceptions as pexc
from procrastinate import jobs as pjobs
from psycopg_pool import AsyncConnectionPool

from ..alerts.deliver import deliver_pending
from ..config import Config, ConfigError, ConfigWatcher, Feed
from ..config import load as load_config
from ..discover.run import FeedOutcome, Reserved
from ..fetch import Client, Politeness
from ..lanes import Workers
from ..pipeline import AlreadyStored, CheckResult, check, client_for
from ..robotsfiles import keep_read, robots_recall
from ..service import checklog
from ..service.feedjobs import read_feed
from ..store import Store, migrate
from ..store.engine import libpq_url
from . import feeds, push, slots, spec
from .guard import DueGuard

log = logging.getLogger("watcher.cluster")

STOP_GRACE = 6.0
DELIVER_HORIZON = 8 * 86400.0  # alerts this old (plus notify_expire) may still have deliveries to make


def node_name() -> str:
    return os.environ.get("WATCHER_NODE") or f"{socket.gethostname()}:{os.getpid()}"


def stalled_every(dead_after: float) -> int:
    """Seconds between ``retry_stalled`` ticks: a divisor of 60 (a cron's seconds step), at most 15,
    at most half of ``dead_after``."""
    return max([s for s in (1, 2, 3, 5, 10, 15) if s <= max(1.0, dead_after / 2)])


@dataclass
class Node:
    config: Config
    store: Store
    client: Client
    workers: Workers
    pool: AsyncConnectionPool
    name: str = field(default_factory=node_name)
    started: float = field(default_factory=time.time)
    polite: Politeness = field(init=False)
    app: procrastinate.App = field(init=False)
    reserved: Reserved = field(init=False)  # the config's sources, which no feed may take
    digest: str = field(init=False)  # the config's hash: is it the cluster's?

    def __post_init__(self) -> None:
        self.polite = Politeness(per_host=self.config.defaults.per_host, shared_turns=self.turn,
                                 recall=robots_recall(self.store, self.workers))  # one read an hour for all nodes
        self.use(self.config)
        self.app = build_app(self)

    def use(self, config: Config) -> None:
        self.config, self.reserved, self.digest = config, Reserved.of(config), spec.config_hash(config)

    @property
    def run_lease(self) -> float:
        """How long a running check holds its host slot before it counts as abandoned."""
        return 2 * self.config.defaults.timeout + 120.0

    async def turn(self, origin: str, delay: float) -> float:
        async with self.pool.connection() as conn:
            return await slots.turn(conn, origin, delay)

    # -- dispatch --------------------------------------------------------------------------------

    async def dispatch(self, host: str | None = None, conn=None) -> int:
        """Due sources (all, or of ``host``) to check jobs, in one transaction."""
        if conn is None:
            async with self.pool.connection() as conn, conn.transaction():
                return await self.dispatch(host, conn)
        row = await (await conn.execute("SELECT per_host FROM cluster_config WHERE id = 1")).fetchone()
        picked = await slots.dispatch(conn, row[0] if row else self.config.defaults.per_host, host)
        if picked:
            task = self.app.tasks["check"]
            jobs = [task.configure(task_kwargs=dataclasses.asdict(d)).job for d in picked]
            await self.app.job_manager.batch_defer_jobs_async(jobs, connection=conn)
        return len(picked)

    # -- one check -------------------------------------------------------------------------------

    async def run_check(self, job: slots.Dispatched) -> None:
        async with self.pool.connection() as conn, conn.transaction():
            st = await slots.start(conn, job, self.run_lease)
            if st.spec is None or not st.leased:  # gone from the config, or its slot went to another check
                await slots.unmark(conn, job)
            if st.spec is None or st.done:  # a re-run of a check whose result is stored: only the slot is left
                await self._release(conn, job)
        if st.spec is None or st.done or not st.leased:
            why = "gone" if st.spec is None else "already_stored" if st.done else "slot_lost"
            log.info("%s: the check due at %s ends unrun (%s)", job.source, job.due, why,
                     extra={checklog.FIELDS: {"event": why, "source": job.source, "due": job.due, "node": self.name}})
            return
        source = spec.from_json(st.spec)
        if source.feed is not None and st.url and st.url != source.url:  # moved to its canonical URL
            source = dataclasses.replace(source, url=st.url)
        guard = DueGuard(source, job.due, self.config.defaults.backoff_max)
        result: CheckResult | None = None
        try:
            result = await check(self.store, source, self.client, self.config, self.polite, self.workers,
                                 guard=guard, reserved=self.reserved.urls)
        except AlreadyStored:
            log.info("%s: the check due at %s was stored by another run", job.source, job.due,
                     extra={checklog.FIELDS: {"event": "already_stored", "source": job.source, "due": job.due,
                                              "node": self.name}})
        except BaseException:  # cancelled at shutdown, or a bug: the source must not stay marked
            await asyncio.shield(self._give_up(job))
            raise
        async with self.pool.connection() as conn, conn.transaction():
            await self._release(conn, job)
        await keep_read(self.polite, self.store, self.workers)  # what the check read from its host, if anything
        if result is not None:
            fields = checklog.check_fields(result, guard.failures, guard.next_due)
            fields.update(node=self.name, due=job.due)  # (source, due): the check's idempotency key
            log.info(checklog.check_message(fields), extra={checklog.FIELDS: fields})
            if result.alerts:
                await self.defer_delivery()

    async def _release(self, conn, job: slots.Dispatched) -> None:
        """Give the slot back and hand it at once to the host's next due source (not at the next
        tick: a busy host would otherwise get at most per_host checks a second)."""
        host = await slots.release(conn, job)
        if host:
            await self.dispatch(host, conn)

    async def _give_up(self, job: slots.Dispatched) -> None:
        async with self.pool.connection() as conn, conn.transaction():
            await slots.unmark(conn, job)
            await slots.release(conn, job)

    # -- feeds -----------------------------------------------------------------------------------

    async def read_feeds(self) -> None:
        """The ``feeds`` tick (:mod:`watcher.cluster.feeds`)."""
        outs = await feeds.tick(self.pool, self.config, self.digest, self._read_feed)
        if any(o.alert for o in outs):
            await self.defer_delivery()

    async def _read_feed(self, feed: Feed) -> FeedOutcome:
        out, _ = await read_feed(self.store, feed, self.client, self.reserved, self.polite, self.workers,
                                 self.config.defaults.backoff_max)
        return out

    # -- housekeeping ----------------------------------------------------------------------------

    async def retry_stalled(self) -> None:
        manager = self.app.job_manager
        for job in await manager.get_stalled_jobs(seconds_since_heartbeat=self.config.cluster.dead_after):
            if job.task_name == "check":
                await manager.retry_job(job)
                log.warning("the check of %s (due %s) was on a node that stopped answering; queued again",
                            job.task_kwargs.get("source"), job.task_kwargs.get("due"))
            else:
                await manager.finish_job(job, status=pjobs.Status.FAILED, delete_job=True)

    async def defer_delivery(self) -> None:
        try:
            await self.app.tasks["deliver"].defer_async(timestamp=0)
        except pexc.AlreadyEnqueued:
            pass

    async def deliver(self) -> None:
        """Notifications of the cluster's alerts, routed by the cluster's config (the specs of the
        sources with recent alerts or pending deliveries), not this node's file."""
        horizon = time.time() - self.config.notify_expire - DELIVER_HORIZON
        async with self.pool.connection() as conn:
            cur = await conn.execute("""
                SELECT spec FROM sources WHERE spec IS NOT NULL AND id IN (
                    SELECT source FROM alerts WHERE created_at >= %(h)s
                    UNION SELECT a.source FROM deliveries d JOIN alerts a ON a.id = d.alert_id
                          WHERE d.state IN ('pending', 'sending'))""", {"h": horizon})
            sources = tuple(spec.from_json(r[0]) for r in await cur.fetchall())
        routed = dataclasses.replace(self.config, sources=sources)
        await asyncio.to_thread(deliver_pending, routed, self.store, self.started)

    # -- config ----------------------------------------------------------------------------------

    async def push(self, reason: str) -> str:
        async with self.pool.connection() as conn:
            return await push.push(conn, self.config, self.name, reason)

    async def reload(self, reason: str) -> None:
        try:
            new = load_config(self.config.path)
        except ConfigError as e:
            log.error("%s — keeping the last good config", e)
            return
        self.use(dataclasses.replace(new, database_url=self.config.database_url))
        await self.push(reason)


def build_app(node: Node) -> procrastinate.App:
    """The node's Procrastinate app: the same task names on every node, so any node runs any job."""
    app = procrastinate.App(connector=procrastinate.PsycopgConnector())

    @app.task(name="check", queue="checks")
    async def check_job(source: str, due: float, holder: str) -> None:
        await node.run_check(slots.Dispatched(source, due, holder))

    @app.periodic(cron="* * * * * *", periodic_id="dispatch")  # cron seconds are the 6th field
    @app.task(name="dispatch", queue="cluster", queueing_lock="dispatch")
    async def dispatch_tick(timestamp: int) -> None:
        await node.dispatch()

    @app.periodic(cron=f"* * * * * */{feeds.tick_every(node.config)}", periodic_id="feeds")
    @app.task(name="feeds", queue="cluster", queueing_lock="feeds")
    async def feeds_tick(timestamp: int) -> None:
        await node.read_feeds()

    every = stalled_every(node.config.cluster.dead_after)

    @app.periodic(cron=f"* * * * * */{every}", periodic_id="retry_stalled")
    @app.task(name="retry_stalled", queue="cluster", queueing_lock="retry_stalled")  # no `lock`: #1408
    async def retry_stalled(timestamp: int) -> None:
        await node.retry_stalled()

    @app.periodic(cron="* * * * * */30", periodic_id="deliver")
    @app.task(name="deliver", queue="cluster", queueing_lock="deliver")
    async def deliver(timestamp: int) -> None:
        await node.deliver()

    @app.periodic(cron="17 * * * *", periodic_id="cleanup")
    @app.task(name="cleanup", queue="cluster", queueing_lock="cleanup")
    async def cleanup(timestamp: int) -> None:  # failed housekeeping jobs are kept a day for a look
        await app.job_manager.delete_old_jobs(nb_hours=24, include_failed=True, include_aborted=True)

    return app


async def serve(config: Config) -> None:
    """Run one node until SIGTERM/SIGINT; SIGHUP re-reads and pushes the config."""
    workers = Workers.for_pass(1, service=True)  # forked first, while this process has one thread
    engine_store = Store(config.database_url, captures_dir=config.state_dir / "captures")
    migrate.ensure_queue(engine_store.engine)
    pool = AsyncConnectionPool(libpq_url(config.database_url), open=False, min_size=2,
                               max_size=config.defaults.concurrency // 2 + 8)
    await pool.open(wait=True)
    try:
        async with client_for(config) as client:
            node = Node(config, engine_store, client, workers, pool)
            async with node.app.open_async(pool=pool):
                await _run(node)
    finally:
        await pool.close()
        engine_store.close()
        await asyncio.to_thread(workers.close)


async def _run(node: Node) -> None:
    pushed = await node.push("start")
    cfg = node.config
    options = dict(update_heartbeat_interval=cfg.cluster.heartbeat, stalled_worker_timeout=cfg.cluster.dead_after,
                   install_signal_handlers=False, delete_jobs="successful", shutdown_graceful_timeout=STOP_GRACE)
    tasks: list[asyncio.Task] = [
        asyncio.create_task(node.app.run_worker_async(queues=["checks"], concurrency=cfg.defaults.concurrency,
                                                      name=f"{node.name}/checks", **options)),  # type: ignore[arg-type]
        asyncio.create_task(node.app.run_worker_async(queues=["cluster"], concurrency=3,
                                                      name=f"{node.name}/cluster", **options)),  # type: ignore[arg-type]
        asyncio.create_task(_watch_config(node)),
    ]
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    loop.add_signal_handler(signal.SIGHUP, lambda: tasks.append(asyncio.create_task(node.reload("SIGHUP"))))
    log.info("node %s of the cluster at %s: config %s; %d check(s) at once", node.name,
             _masked(cfg.database_url), pushed, cfg.defaults.concurrency,
             extra={checklog.FIELDS: {"event": "start", "node": node.name, "pid": os.getpid(), "config": pushed}})
    waiter: asyncio.Task = asyncio.create_task(stop.wait())
    done, _ = await asyncio.wait([waiter, *tasks[:3]], return_when=asyncio.FIRST_COMPLETED)
    for t in tasks:
        t.cancel()  # run_worker_async: cancellation is Procrastinate's graceful stop
    await asyncio.gather(*tasks, return_exceptions=True)
    for t in done:
        error = None if t is waiter or t.cancelled() else t.exception()
        if error is not None:
            raise error
    log.info("node %s stopped", node.name, extra={checklog.FIELDS: {"event": "stopped", "node": node.name}})


async def _watch_config(node: Node) -> None:
    watch = ConfigWatcher(node.config)
    while True:
        await asyncio.sleep(1.0)
        if watch.changed():
            await node.reload("config file changed")
            watch.use(node.config)


def _masked(url: str) -> str:
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{rest.rsplit('@', 1)[-1]}"


def run(config: Config, log_json: bool = False) -> None:
    """``watcher run`` with a PostgreSQL ``database_url``."""
    checklog.setup(json_lines=log_json)
    logging.getLogger("procrastinate").setLevel(logging.WARNING)
    asyncio.run(serve(config))
