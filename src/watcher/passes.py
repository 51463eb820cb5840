"""A pass: many sources checked once, concurrently — ``watcher check``, the demo, the benchmark.

One check of one source is :func:`watcher.pipeline.check`; this adds what a pass needs around it:
every source's state (and its host's robots.txt as kept, :mod:`watcher.robotsfiles`) read in a few
queries before the extraction workers fork, a fixed set of workers pulling sources (memory flat as
sources grow), one pooled HTTP client, the batched bookkeeping and the robots.txt files read kept
at the end, a storage fault that stops the pass with what was saved, on a cluster's database the
host slots the nodes use, and the notifications of the pass.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterable, Mapping
from contextlib import asynccontextmanager

from .config import Config, Source
from .fetch import Politeness
from .fetch.polite import host_of
from .lanes import Workers
from .pipeline import CheckInterrupted, CheckResult, check, client_for, new_politeness
from .robotsfiles import keep_read, robots_origins, robots_recall
from .store import PassMeta, SourceState, Store, StoreFault, now


def _begin_all(store: Store, selected: list[Source], polite: Politeness) -> dict[str, tuple[SourceState, PassMeta]]:
    """Every source's state, its baseline (origin, hash) and latest version number, in a few queries;
    and the robots.txt files of their hosts read within the hour, handed to ``polite``."""
    with store.transaction() as c:
        states = store.ensure_sources(c, [(s.id, s.url) for s in selected])
        meta = store.pass_meta(c)
        polite.remember_robots(store.robots_files(c, robots_origins(selected), now() - polite.robots_ttl))
    return {sid: (st, meta.get(sid, PassMeta())) for sid, st in states.items()}


@asynccontextmanager
async def _cluster_slot(store: Store, per_host: int | None, source: Source, workers: Workers):
    """On a cluster's database, hold one of the source's host slots for the check, as the nodes do,
    so a check run by hand beside them does not break ``per_host`` (a host the cluster does not know
    has no slots: nothing to hold)."""
    if per_host is None:
        yield
        return
    holder = f"manual:{os.getpid()}:{source.id}"
    while not await workers.run_db(store.take_host_slot, host_of(source.url), holder, per_host,
                                   2 * source.timeout + 120.0):
        await asyncio.sleep(0.2)
    try:
        yield
    finally:
        await workers.run_db(store.release_host_slot, holder)


async def check_all(config: Config, store: Store, ids: Iterable[str] | None = None,
                    sources: Iterable[Source] | None = None) -> list[CheckResult]:
    """Check ``sources`` (default: the config's named ones, else all) concurrently with one pooled
    HTTP client.

    A storage fault (:class:`StoreFault`: disk full, read-only, locked) stops the pass — no new
    check starts, checks under way fail fast — and raises :class:`CheckInterrupted` holding the
    results that were saved before it."""
    started = now()
    wanted = list(ids or [])
    selected = list(sources) if sources is not None else (
        [config.source(i) for i in wanted] if wanted else list(config.sources))
    reserved: Mapping[str, str] = {}
    if any(s.feed for s in selected):  # discovered sources may turn out to be config ones on first fetch
        from .discover.run import Reserved

        reserved = Reserved.of(config).urls
    polite = new_politeness(config)
    # read before the workers are forked (still one thread here): a pass with sources never fetched
    # will extract, so the workers are forked with the extractor already imported, once for all
    try:
        known = _begin_all(store, selected, polite)
    except StoreFault as e:
        raise CheckInterrupted(e, [], len(selected)) from None
    per_host = store.cluster_per_host() if store.engine.dialect.name != "sqlite" else None
    workers = Workers.for_pass(len(selected), preload=any(m.latest is None for _, m in known.values()))
    try:
        with store.captures_synced_at_end():
            results = await _run_checks(config, store, selected, known, workers, polite, per_host, reserved)
    finally:
        workers.close()
    if workers.fault is not None:
        lost = set(workers.unsaved or ())
        saved = [r for r in results if r is not None and r.source not in lost]
        raise CheckInterrupted(workers.fault, saved, len(selected))
    if any(s.notify for s in config.notifying):  # notifications; with no notifier, nothing to import
        from .alerts.deliver import deliver_pending

        await asyncio.to_thread(deliver_pending, config, store, started)
    return [r for r in results if r is not None]


async def _run_checks(config: Config, store: Store, selected: list[Source],
                      known: dict[str, tuple[SourceState, PassMeta]], workers: Workers, polite: Politeness,
                      per_host: int | None, reserved: Mapping[str, str]) -> list[CheckResult | None]:
    """The checks of a pass, ``concurrency`` at a time, and the batched bookkeeping flushed after
    them; a result per source, None where a storage fault stopped the pass first."""
    results: list[CheckResult | None] = [None] * len(selected)
    queue = iter(enumerate(selected))
    async with client_for(config, selected[0].user_agent if selected else "watcher") as client:
        async def worker() -> None:
            # a fixed set of workers pulling sources, not one task per source: memory stays
            # flat as sources grow (10,000 pending tasks would hold 10,000 coroutine frames)
            for k, s in queue:
                if workers.fault is not None:
                    return
                try:
                    async with _cluster_slot(store, per_host, s, workers):
                        results[k] = await check(store, s, client, config, polite, workers,
                                                 known.pop(s.id), reserved=reserved)
                except StoreFault:
                    return  # recorded in workers.fault

        await asyncio.gather(*(worker() for _ in range(min(len(selected), config.defaults.concurrency))))
    try:
        await workers.flush(store)
    except StoreFault:
        pass  # recorded in workers.fault and workers.unsaved
    if workers.fault is None:
        await keep_read(polite, store, workers)  # the robots.txt files the pass read, for the next hour
    return results


async def discover_all(config: Config, store: Store, feed_ids: Iterable[str] | None = None):
    """Read the named (default: all) feeds of ``config`` once, concurrently, storing their new
    articles as sources (:func:`watcher.discover.run.discover_feed`); their outcomes, in order."""
    from .discover.run import Reserved, discover_feed

    wanted = list(feed_ids or [])
    feeds = [config.feed(i) for i in wanted] if wanted else list(config.feeds)
    reserved, workers = Reserved.of(config), Workers.for_pass(1)
    polite = new_politeness(config, robots_recall(store, workers))  # feed hosts' robots.txt as kept
    try:
        async with client_for(config) as client:
            outs = await asyncio.gather(*(discover_feed(store, f, client, reserved=reserved, polite=polite,
                                                        workers=workers) for f in feeds))
        await keep_read(polite, store, workers)
        return outs
    finally:
        workers.close()


def run_check(config: Config, store: Store, ids: Iterable[str] | None = None,
              sources: Iterable[Source] | None = None) -> list[CheckResult]:
    return asyncio.run(check_all(config, store, ids, sources))
