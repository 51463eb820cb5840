"""One check of one source — the only place that knows the order of the stages.

fetch → (unchanged bytes? stop) → extract (in worker processes) → fault check → store a version
when the cleaned text changed → compare with the baseline → record alerts. Everything a check
writes happens in one transaction, so a kill mid-check loses nothing and duplicates nothing; only
the bookkeeping of unchanged pages (check time, validators) is batched across sources, since losing
it loses no version and no alert. Sources are independent: an exception in one is reported as that
source's error. :class:`Workers` says where blocking work runs; :func:`check_all` runs a pass.
"""

from __future__ import annotations

import asyncio
import gc
import hashlib
import logging
import multiprocessing
import os
import time
from collections.abc import Iterable
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import alerts as alerts_mod
from . import faults, template
from .compare import compare
from .config import Config, Source
from .extract import Document, extract, load_baseline
from .fetch import FetchResult, Politeness, fetch, make_client
from .store import Store, Version, now

log = logging.getLogger("watcher.check")


@dataclass
class CheckResult:
    source: str
    outcome: str  # new_version | unchanged | baseline | error | warning
    duration: float = 0.0
    version: int | None = None
    alerts: list[dict] = field(default_factory=list)
    message: str | None = None
    timings: dict[str, float] = field(default_factory=dict)


@lru_cache(maxsize=256)
def _seed(path: str, mtime_ns: int, size: int) -> Document:
    return load_baseline(Path(path))


def seed_document(path: Path) -> Document:
    """The cleaned seed (re-read only when the file changes)."""
    st = path.stat()
    return _seed(str(path), st.st_mtime_ns, st.st_size)


def _ensure_seed_baseline(store: Store, c, source: Source) -> tuple[Version | None, bool]:
    """The baseline version; a seed file (re)written into the store when it changed."""
    base = store.baseline(c, source.id)
    if source.baseline is None:
        return base, False
    doc = seed_document(source.baseline)
    if base is not None and base.origin == "seed" and base.content_hash == doc.content_hash:
        return base, False
    new = store.add_version(c, source.id, text=doc.text, content_hash=doc.content_hash, title=doc.title,
                            url=str(source.baseline), origin="seed", is_baseline=True)
    store.clear_claim_states(c, source.id)
    return new, True


def _seed_differs(source: Source, origin: str | None, content_hash: str | None) -> bool:
    """The seed file no longer matches the stored baseline (``origin``/``content_hash``), so even
    unchanged bytes need a comparison. Compared by hash only: no version text is loaded."""
    if source.baseline is None:
        return False
    return origin != "seed" or content_hash != seed_document(source.baseline).content_hash


def _seed_changed(store: Store, c, source: Source) -> bool:
    meta = store.baseline_meta(c, source.id) or {}
    return _seed_differs(source, meta.get("origin"), meta.get("content_hash"))


def _ok_values(res: FetchResult, row: dict) -> dict:
    """What a successful fetch records on its source, changed or not."""
    t = now()
    return dict(last_check=t, last_ok=t, failures=0, last_error=None, etag=res.etag or row.get("etag"),
                last_modified=res.last_modified or row.get("last_modified"))


def _problem(store: Store, source: Source, row: dict, kind: str, message: str, res: FetchResult | None,
             start: float) -> CheckResult:
    with store.transaction(immediate=True) as c:
        a = alerts_mod.record_problem(store, c, source.id, kind, message, row, source.url)
        values = dict(last_check=now(), last_outcome=kind, last_error=message)
        if kind == "source_error":
            values["failures"] = (row.get("failures") or 0) + 1
        store.update_source(c, source.id, **values)
    return CheckResult(source.id, "error" if kind == "source_error" else "warning", time.monotonic() - start,
                       alerts=[a] if a else [], message=message)


def process(store: Store, source: Source, res: FetchResult, doc: Document | None, row: dict,
            start: float, timings: dict[str, float], raw_hash: str | None = None) -> CheckResult:
    """Everything after fetch and extraction: fault check, version, comparison, alerts.

    ``doc`` is None when the bytes were the same as last time (or a 304): then only a changed seed
    file makes work, by comparing the latest stored version with the new baseline."""
    t0 = time.monotonic()
    with store.transaction(immediate=True) as c:
        ok = _ok_values(res, row)
        if doc is None and not _seed_changed(store, c, source):  # the cheap path: nothing to do
            store.update_source(c, source.id, last_outcome="unchanged", **ok)
            return CheckResult(source.id, "unchanged", time.monotonic() - start, store.latest_number(c, source.id),
                               timings=timings)
        baseline, reseeded = _ensure_seed_baseline(store, c, source)
        latest = store.latest(c, source.id)
        if doc is None:  # the seed changed: compare the latest version with the new baseline
            if latest is None:
                store.update_source(c, source.id, last_outcome="unchanged", **ok)
                return CheckResult(source.id, "unchanged", time.monotonic() - start, None, timings=timings)
            doc = Document(title=latest.title, paragraphs=latest.paragraphs)
        base_doc = Document(baseline.title, baseline.paragraphs) if baseline else None
        reason = faults.assess(doc, base_doc)
        if reason is None:
            ok.update(title=source.title or doc.title, raw_hash=raw_hash or row.get("raw_hash"))
            if latest is not None and latest.content_hash == doc.content_hash and not reseeded:
                store.update_source(c, source.id, last_outcome="unchanged", **ok)
                return CheckResult(source.id, "unchanged", time.monotonic() - start, latest.number,
                                   timings=timings)
            if latest is not None and latest.content_hash == doc.content_hash:
                version = latest
            else:
                version = store.add_version(c, source.id, text=doc.text, content_hash=doc.content_hash,
                                            title=doc.title, url=res.final_url or source.url, origin="fetch",
                                            is_baseline=baseline is None, ignored=doc.ignored)
                ok["last_change"] = now()
            timings["store"] = time.monotonic() - t0
            new_alerts: list[dict] = []
            outcome = "baseline" if baseline is None else "new_version"
            tmpl = _template_blocks(store, c, source, version, baseline)
            if baseline is not None and baseline.id != version.id:
                t1 = time.monotonic()
                findings = template.demote(compare(baseline.paragraphs, version.paragraphs,
                                                   seed=baseline.origin == "seed"), tmpl)
                new_alerts = alerts_mod.record_findings(store, c, source.id, findings, version, baseline,
                                                        source.url)
                timings["compare"] = time.monotonic() - t1
            store.update_source(c, source.id, last_outcome=outcome, **ok)
            return CheckResult(source.id, outcome, time.monotonic() - start, version.number, new_alerts,
                               timings=timings)
    result = _problem(store, source, row, "source_warning", reason, res, start)
    result.timings = timings
    return result


def _template_blocks(store: Store, c, source: Source, version: Version, baseline: Version | None) -> list[str]:
    """Paragraphs of this version and its baseline that other sources of the host also carry; and
    this version's short blocks recorded as evidence for the others."""
    host = template.host_of(source.url)
    page = template.candidates(version.paragraphs)
    base = template.candidates(baseline.paragraphs) if baseline is not None and baseline.id != version.id else {}
    shared = store.shared_blocks(c, host, source.id, set(page) | set(base))
    found = template.template_hashes(page, shared) | template.template_hashes(base, shared)
    store.set_blocks(c, host, source.id, set(page))
    return [p for h, p in {**base, **page}.items() if h in found]


def fetch_options(source: Source, config: Config) -> dict:
    """The fetch limits of ``source`` (its own keys, else ``[defaults]``) as :func:`fetch` keywords."""
    return dict(timeout=source.timeout, connect_timeout=source.connect_timeout, read_timeout=source.read_timeout,
                max_bytes=source.max_bytes, max_decompressed=source.max_decompressed, retries=source.retries,
                min_delay=source.min_delay, respect_robots=source.respect_robots,
                max_redirects=config.defaults.max_redirects, user_agent=source.user_agent)


def new_politeness(config: Config) -> Politeness:
    """Per-host state (slots, delays, robots.txt) shared by the checks of one pass or one service."""
    return Politeness(per_host=config.defaults.per_host)


def client_for(config: Config, user_agent: str = "watcher"):
    """The pooled HTTP client of a pass, with the configured proxy (else the environment's)."""
    return make_client(user_agent, config.defaults.timeout, config.defaults.concurrency,
                       proxy=config.defaults.proxy, max_redirects=config.defaults.max_redirects)


PROCESS_POOL_MIN = 16  # below this many sources in a pass, worker processes cost more than they save


@dataclass
class Workers:
    """Where the blocking work of a pass runs, so the event loop only waits on sockets.

    ``db`` is one thread: every store transaction of the pass runs there in turn, so checks never
    contend for SQLite's write lock (contention means the driver's busy-sleeps). ``cpu`` is a pool
    of processes sized to the cores for trafilatura extraction (CPU-bound: threads would share
    one core under the GIL); small passes extract in a thread instead of paying the pool's start.
    """

    db: ThreadPoolExecutor
    cpu: Executor | None = None
    batch: list[tuple[str, dict]] | None = None  # unchanged sources' bookkeeping, written together

    BATCH_SIZE = 256

    @classmethod
    def for_pass(cls, n_sources: int) -> Workers:
        """Workers for a pass (or a service's life). Call before the process starts other threads:
        the extraction processes are forked here, at once, from a single-threaded parent — fork is
        what makes them cheap (no re-import, ~0.5 s less per pass than spawn or forkserver)."""
        cpu = None
        if n_sources >= PROCESS_POOL_MIN and (os.cpu_count() or 1) > 1:
            gc.freeze()  # objects so far stay shared with the workers: the collector won't touch (copy) them
            cpu = ProcessPoolExecutor(max_workers=os.cpu_count(), mp_context=multiprocessing.get_context("fork"))
            cpu.submit(int)  # with fork, the first submit starts every worker process now (they import
            # trafilatura on their first page, so a pass of unchanged pages never pays for it)
        return cls(db=ThreadPoolExecutor(max_workers=1, thread_name_prefix="watcher-db"), cpu=cpu,
                   batch=[] if n_sources > 1 else None)

    async def run_db(self, fn, *args):
        return await asyncio.get_running_loop().run_in_executor(self.db, fn, *args)

    async def run_cpu(self, fn, *args):
        if self.cpu is not None:
            try:
                return await asyncio.get_running_loop().run_in_executor(self.cpu, fn, *args)
            except BrokenProcessPool:  # a worker died (OOM killer, signal): go on in threads
                log.warning("extraction worker processes died; extracting in threads from now on")
                self.cpu = None
        return await asyncio.to_thread(fn, *args)

    async def note_unchanged(self, store: Store, source_id: str, values: dict) -> None:
        """Queue the bookkeeping of an unchanged source; written in one transaction per batch.

        Nothing is stored for an unchanged page but its check time and validators, so a kill before
        the batch is written loses no version and no alert, only those timestamps."""
        self.batch.append((source_id, values))
        if len(self.batch) >= self.BATCH_SIZE:
            await self.flush(store)

    async def flush(self, store: Store) -> None:
        if self.batch:
            items, self.batch[:] = list(self.batch), []
            await self.run_db(_write_unchanged, store, items)

    def close(self) -> None:
        self.db.shutdown(wait=True)
        if self.cpu is not None:
            self.cpu.shutdown(wait=True, cancel_futures=True)


def _write_unchanged(store: Store, items: list[tuple[str, dict]]) -> None:
    with store.transaction() as c:
        for source_id, values in items:
            store.update_source(c, source_id, **values)


def _extract(body: bytes, encoding: str | None, rules=None) -> Document:
    return extract(body, encoding=encoding, rules=rules)


def _begin(store: Store, source: Source) -> dict:
    with store.transaction() as c:
        return store.ensure_source(c, source.id, source.url)


def _begin_all(store: Store, selected: list[Source]) -> dict[str, dict]:
    """Every source's row, its baseline hash and latest version number, in a few queries."""
    with store.transaction() as c:
        rows = store.ensure_sources(c, [(s.id, s.url) for s in selected])
        meta = store.pass_meta(c)
    for sid, row in rows.items():
        m = meta.get(sid, {})
        row["_baseline_hash"], row["_baseline_origin"], row["_latest"] = (
            m.get("baseline_hash"), m.get("baseline_origin"), m.get("latest"))
    return rows


async def check(store: Store, source: Source, client, config: Config,
                polite: Politeness | None = None, workers: Workers | None = None,
                row: dict | None = None) -> CheckResult:
    """One check of one source. Never raises: an internal error becomes a ``source_error``."""
    own = workers is None
    workers = workers or Workers.for_pass(1)
    start = time.monotonic()
    timings: dict[str, float] = {}
    if row is None:
        row = await workers.run_db(_begin, store, source)
    try:
        has_version = row.get("raw_hash") is not None
        res = await fetch(client, source.url, etag=row.get("etag") if has_version else None,
                          last_modified=row.get("last_modified") if has_version else None,
                          polite=polite, **fetch_options(source, config))
        timings["fetch"] = res.elapsed
        if res.error:
            return await workers.run_db(_problem, store, source, row, "source_error", res.error, res, start)
        if res.warning:
            return await workers.run_db(_problem, store, source, row, "source_warning", res.warning, res, start)
        doc = None
        raw_hash = hashlib.sha256(res.body).hexdigest() if res.body else row.get("raw_hash")
        same = res.not_modified or raw_hash == row.get("raw_hash")
        if (same and workers.batch is not None and "_baseline_hash" in row
                and not _seed_differs(source, row["_baseline_origin"], row["_baseline_hash"])):
            await workers.note_unchanged(store, source.id, dict(last_outcome="unchanged", **_ok_values(res, row)))
            return CheckResult(source.id, "unchanged", time.monotonic() - start, row.get("_latest"), timings=timings)
        if not same:
            t = time.monotonic()
            doc = await workers.run_cpu(_extract, res.body, res.encoding, source.extract)
            timings["extract"] = time.monotonic() - t
        return await workers.run_db(process, store, source, res, doc, row, start, timings, raw_hash)
    except Exception as e:  # one source's bug must not stop the others
        log.exception("check of %s failed", source.id)
        return await workers.run_db(_problem, store, source, row, "source_error",
                                    f"internal error: {type(e).__name__}: {e}", None, start)
    finally:
        if own:
            workers.close()


async def check_all(config: Config, store: Store, ids: Iterable[str] | None = None) -> list[CheckResult]:
    """Check the named (default: all) sources concurrently with one pooled HTTP client."""
    from .notify import deliver_pending

    started = now()
    wanted = list(ids or [])
    selected = [config.source(i) for i in wanted] if wanted else list(config.sources)
    polite = new_politeness(config)
    workers = Workers.for_pass(len(selected))
    try:
        rows = await workers.run_db(_begin_all, store, selected)
        results: list[CheckResult | None] = [None] * len(selected)
        queue = iter(enumerate(selected))
        async with client_for(config, selected[0].user_agent if selected else "watcher") as client:
            async def worker() -> None:
                # a fixed set of workers pulling sources, not one task per source: memory stays
                # flat as sources grow (10,000 pending tasks would hold 10,000 coroutine frames)
                for k, s in queue:
                    results[k] = await check(store, s, client, config, polite, workers, rows.pop(s.id))

            await asyncio.gather(*(worker() for _ in range(min(len(selected), config.defaults.concurrency))))
        await workers.flush(store)
    finally:
        workers.close()
    await asyncio.to_thread(deliver_pending, config, store, started)  # notifications (notify.py)
    return [r for r in results if r is not None]


def run_check(config: Config, store: Store, ids: Iterable[str] | None = None) -> list[CheckResult]:
    return asyncio.run(check_all(config, store, ids))
