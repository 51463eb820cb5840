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
import ctypes
import gc
import hashlib
import logging
import multiprocessing
import os
import signal
import time
from collections import OrderedDict
from collections.abc import Iterable
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from .alerts import record as alerts_mod
from .claims import template
from .claims.compare import compare
from .config import Config, SiteRules, Source
from .extract import Document, extract, faults, load_baseline
from .fetch import FetchResult, Politeness, fetch, make_client
from .store import AlertRecord, BaselineRef, PassMeta, SourceState, Store, Version, now

log = logging.getLogger("watcher.check")


@dataclass
class CheckResult:
    source: str
    outcome: str  # new_version | unchanged | baseline | error | warning
    duration: float = 0.0
    version: int | None = None
    alerts: list[AlertRecord] = field(default_factory=list)
    message: str | None = None
    timings: dict[str, float] = field(default_factory=dict)


SEED_CACHE_SIZE = 256
_seeds: OrderedDict[tuple[str, int, int], Document] = OrderedDict()  # (path, mtime_ns, size) -> cleaned seed


def _seed_key(path: Path) -> tuple[str, int, int]:
    st = path.stat()
    return str(path), st.st_mtime_ns, st.st_size


def _remember_seed(key: tuple[str, int, int], doc: Document) -> None:
    _seeds[key] = doc
    while len(_seeds) > SEED_CACHE_SIZE:
        _seeds.popitem(last=False)


def _ensure_seed_baseline(store: Store, c, source: Source, seed: Document | None) -> tuple[Version | None, bool]:
    """The baseline version; the seed (re)written into the store when it changed."""
    base = store.baseline(c, source.id)
    if seed is None:
        return base, False
    if base is not None and base.origin == "seed" and base.content_hash == seed.content_hash:
        return base, False
    new = store.add_version(c, source.id, text=seed.text, content_hash=seed.content_hash, title=seed.title,
                            url=str(source.baseline), origin="seed", is_baseline=True)
    store.clear_claim_states(c, source.id)
    return new, True


def _seed_differs(seed: Document | None, baseline: BaselineRef | None) -> bool:
    """The seed no longer matches the stored baseline, so even unchanged bytes need a comparison.
    Compared by hash only: no version text is loaded."""
    return seed is not None and (baseline is None or baseline.origin != "seed"
                                 or baseline.content_hash != seed.content_hash)


def _seed_changed(store: Store, c, source: Source, seed: Document | None) -> bool:
    return _seed_differs(seed, store.baseline_ref(c, source.id))


def _ok_values(res: FetchResult, state: SourceState) -> dict:
    """What a successful fetch records on its source, changed or not."""
    t = now()
    return dict(last_check=t, last_ok=t, failures=0, last_error=None, etag=res.etag or state.etag,
                last_modified=res.last_modified or state.last_modified)


def _problem(store: Store, source: Source, state: SourceState, kind: str, message: str, res: FetchResult | None,
             start: float, **extra) -> CheckResult:
    """Record a ``source_error``/``source_warning`` (its alert once per streak); ``extra``: more
    columns of the source row to write with it."""
    with store.transaction(immediate=True) as c:
        a = alerts_mod.record_problem(store, c, source.id, kind, message, state, source.url)
        values = dict(last_check=now(), last_outcome=kind, last_error=message, **extra)
        if kind == "source_error":
            values["failures"] = state.failures + 1
        store.update_source(c, source.id, **values)
    return CheckResult(source.id, "error" if kind == "source_error" else "warning", time.monotonic() - start,
                       alerts=[a] if a else [], message=message)


def process(store: Store, source: Source, res: FetchResult, doc: Document | None, state: SourceState,
            start: float, timings: dict[str, float], raw_hash: str | None = None,
            seed: Document | None = None) -> CheckResult:
    """Everything after fetch and extraction: fault check, version, comparison, alerts.

    ``doc`` is None when the bytes were the same as last time (or a 304): then only a changed seed
    file makes work, by comparing the latest stored version with the new baseline. ``seed`` is the
    source's cleaned seed file, already parsed in the extraction lane (:meth:`Workers.seed`): this
    runs on the db thread, where parsing HTML would race the extraction lane inside lxml."""
    t0 = time.monotonic()
    with store.transaction(immediate=True) as c:
        ok = _ok_values(res, state)
        if doc is None and not _seed_changed(store, c, source, seed):  # the cheap path: nothing to do
            store.update_source(c, source.id, last_outcome="unchanged", **ok)
            return CheckResult(source.id, "unchanged", time.monotonic() - start, store.latest_number(c, source.id),
                               timings=timings)
        baseline, reseeded = _ensure_seed_baseline(store, c, source, seed)
        latest = store.latest(c, source.id)
        if doc is None:  # the seed changed: compare the latest version with the new baseline
            if latest is None:
                store.update_source(c, source.id, last_outcome="unchanged", **ok)
                return CheckResult(source.id, "unchanged", time.monotonic() - start, None, timings=timings)
            doc = Document(title=latest.title, paragraphs=latest.paragraphs)
        base_doc = Document(baseline.title, baseline.paragraphs) if baseline else None
        reason = faults.assess(doc, base_doc)
        if reason is None:
            ok.update(title=source.title or doc.title, raw_hash=raw_hash or state.raw_hash)
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
            new_alerts: list[AlertRecord] = []
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
    result = _problem(store, source, state, "source_warning", reason, res, start)
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


class ExtractionCrashed(RuntimeError):
    """An extraction worker process died twice on the same page (a crash or the OOM killer)."""


def _worker_init(parent: int) -> None:
    """Set up an extraction worker: its life belongs to the checking process.

    It dies with it (Linux ``PR_SET_PDEATHSIG``): after a ``kill -9`` of ``watcher run`` no
    orphaned worker lives on, holding the inherited state-directory lock so that no service can
    start again. It ignores the SIGINT of a Ctrl-C, sent to the whole process group: the parent
    stops its checks and shuts the pool down itself. (SIGTERM keeps its default: the pool
    terminates the survivors of a broken pool with it.)"""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the parent's shutdown still ends the workers
        pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(0)


def _pool(size: int, method: str) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=size, mp_context=multiprocessing.get_context(method),
                               initializer=_worker_init, initargs=(os.getpid(),))


def _fork_pool(size: int) -> ProcessPoolExecutor:
    """Extraction processes forked at once from this (still single-threaded) process.

    Fork is what makes them cheap: no re-import, a few ms for two workers, ~0.5 s less than spawn
    or forkserver. ``gc.freeze`` keeps the objects so far shared with the workers (the collector
    would otherwise touch, and so copy, them); the first submit starts every worker now."""
    gc.freeze()
    pool = _pool(size, "fork")
    pool.submit(int)  # workers import trafilatura on their first page: unchanged passes never pay
    return pool


def _spawn_pool(size: int) -> ProcessPoolExecutor:
    """Fresh extraction processes after a worker died. By now this process runs other threads
    (the db thread, the HTTP client's), and forking a multi-threaded process can copy a lock some
    other thread holds; spawn costs ~1 s once, only after a crash."""
    return _pool(size, "spawn")


def _lane_thread() -> ThreadPoolExecutor:
    """The one thread of this process that may run lxml (for a pass of one source).

    lxml is not safe with HTML parsing in two threads of one process: trafilatura parses every
    page with one module-level parser (``trafilatura.utils.HTML_PARSER``), and a thread whose
    first parse goes through a parser that already has a context adopts that context's libxml2
    string dictionary, so all such threads intern names into one ``xmlDict`` — which libxml2
    does not lock — while lxml releases the GIL to parse and to copy trees. That was the
    ``double free or corruption`` / SIGSEGV of concurrent passes (tests/test_stress.py)."""
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="watcher-extract")


def _lane_size(n_sources: int, service: bool) -> int:
    """Worker processes for the extraction lane; 0 for the in-process lane thread (one source)."""
    cores = os.cpu_count() or 1
    if service:
        return cores
    return min(n_sources, cores) if n_sources >= 2 else 0


@dataclass
class Workers:
    """Where the blocking work of a pass (or of a service's life) runs, so the event loop only
    waits on sockets.

    ``db`` is one thread: every store transaction runs there in turn, so checks never contend for
    SQLite's write lock (contention means the driver's busy-sleeps). ``cpu`` is the *extraction
    lane*, the only place where HTML is parsed (pages and seed files alike): worker processes
    when extractions can overlap — CPU-bound, they would share one core under the GIL anyway —
    or, for a pass of one source, a single thread of this process. Never several threads: lxml
    corrupts memory when two threads of one process parse (see :func:`_lane_thread`).
    """

    db: ThreadPoolExecutor
    cpu: Executor
    batch: list[tuple[str, dict]] | None = None  # unchanged sources' bookkeeping, written together
    cpu_size: int = 1  # worker processes of ``cpu`` (0: ``cpu`` is the in-process lane thread)

    BATCH_SIZE = 256

    @classmethod
    def for_pass(cls, n_sources: int, *, service: bool = False) -> Workers:
        """Workers for a pass of ``n_sources``, or for a service's life (``service``: a process
        per core, since its config may grow). Call before the process starts other threads: the
        worker processes are forked here, from a single-threaded parent. A pass of two or more
        sources gets worker processes (one per core at most, none idle): a few ms to fork, and
        their pages extract on every core instead of taking turns at the GIL."""
        size = _lane_size(n_sources, service)
        return cls(db=ThreadPoolExecutor(max_workers=1, thread_name_prefix="watcher-db"),
                   cpu=_fork_pool(size) if size else _lane_thread(), cpu_size=size,
                   batch=[] if n_sources > 1 else None)

    async def run_db(self, fn, *args):
        return await asyncio.get_running_loop().run_in_executor(self.db, fn, *args)

    async def run_cpu(self, fn, *args):
        """``fn(*args)`` in the extraction lane. A worker that died (OOM killer, signal, a crash in
        C code) breaks the whole pool: it is replaced by fresh processes — never by threads, which
        would bring the lxml race back — and the page is tried once more; a second death on the
        same page raises :class:`ExtractionCrashed` (that source's internal error)."""
        pool = self.cpu
        try:
            return await asyncio.get_running_loop().run_in_executor(pool, fn, *args)
        except BrokenProcessPool:
            self._replace(pool)
        try:
            return await asyncio.get_running_loop().run_in_executor(self.cpu, fn, *args)
        except BrokenProcessPool as e:
            self._replace(self.cpu)
            raise ExtractionCrashed("an extraction worker process died twice on this page") from e

    def _replace(self, broken: Executor) -> None:
        """New worker processes for a broken pool, once however many checks saw it break."""
        if self.cpu is broken:
            log.warning("an extraction worker process died; starting new ones")
            self.cpu = _spawn_pool(self.cpu_size)
            broken.shutdown(wait=False, cancel_futures=True)

    async def seed(self, source: Source) -> Document | None:
        """The cleaned seed file of ``source`` (None without one), parsed in the extraction lane
        and kept until the file changes. Never parsed on the db thread or the event loop: that
        would be a second thread running lxml beside the lane."""
        if source.baseline is None:
            return None
        key = _seed_key(source.baseline)
        doc = _seeds.get(key)
        if doc is None:
            doc = await self.run_cpu(load_baseline, source.baseline)
            _remember_seed(key, doc)
        return doc

    async def note_unchanged(self, store: Store, source_id: str, values: dict) -> None:
        """Queue the bookkeeping of an unchanged source; written in one transaction per batch.

        Nothing is stored for an unchanged page but its check time and validators, so a kill before
        the batch is written loses no version and no alert, only those timestamps."""
        assert self.batch is not None, "only passes of several sources batch their bookkeeping"
        self.batch.append((source_id, values))
        if len(self.batch) >= self.BATCH_SIZE:
            await self.flush(store)

    async def flush(self, store: Store) -> None:
        if self.batch:
            items, self.batch[:] = list(self.batch), []
            await self.run_db(_write_unchanged, store, items)

    def close(self) -> None:
        self.db.shutdown(wait=True)
        self.cpu.shutdown(wait=True, cancel_futures=True)


def _write_unchanged(store: Store, items: list[tuple[str, dict]]) -> None:
    with store.transaction() as c:
        for source_id, values in items:
            store.update_source(c, source_id, **values)


def _extract(body: bytes, encoding: str | None, rules: SiteRules | None = None) -> Document:
    return extract(body, encoding=encoding, rules=rules)


def _begin(store: Store, source: Source) -> SourceState:
    with store.transaction() as c:
        return store.ensure_source(c, source.id, source.url)


def _begin_all(store: Store, selected: list[Source]) -> dict[str, tuple[SourceState, PassMeta]]:
    """Every source's state, its baseline (origin, hash) and latest version number, in a few queries."""
    with store.transaction() as c:
        states = store.ensure_sources(c, [(s.id, s.url) for s in selected])
        meta = store.pass_meta(c)
    return {sid: (st, meta.get(sid, PassMeta())) for sid, st in states.items()}


def _skip_note(raw_hash: str) -> str:
    """The tail of an internal error's message that remembers the failing body (``raw_hash``)."""
    return f" (page sha256 {raw_hash[:12]}: not processed again until it changes)"


def _failed_bytes(state: SourceState) -> str | None:
    """The raw hash of the body whose processing last failed with an internal error, if any.

    Remembered in the source's ``raw_hash`` (so identical bytes compare as the same page, like any
    unchanged page) and named in ``last_error`` (so ``watcher sources`` says it is skipped)."""
    h = state.raw_hash
    if h and state.last_outcome == "source_error" and (state.last_error or "").endswith(_skip_note(h)):
        return h
    return None


def _internal_error(store: Store, source: Source, state: SourceState, e: Exception, raw_hash: str | None,
                    start: float) -> CheckResult:
    """A ``source_error`` for a bug met while checking one source; with ``raw_hash`` (the body it
    failed on) those bytes are remembered, so the next checks skip them instead of failing the
    same way each time (the alert is raised once: :func:`alerts.record_problem`)."""
    message = f"internal error: {type(e).__name__}: {e}"
    if raw_hash is None:
        return _problem(store, source, state, "source_error", message, None, start)
    return _problem(store, source, state, "source_error", message + _skip_note(raw_hash), None, start,
                    raw_hash=raw_hash)


def _still_failing(store: Store, source: Source, state: SourceState, start: float) -> CheckResult:
    """The page is still the body an internal error was met on: note the check, nothing else."""
    with store.transaction(immediate=True) as c:
        store.update_source(c, source.id, last_check=now())
    return CheckResult(source.id, "error", time.monotonic() - start, message=state.last_error)


async def check(store: Store, source: Source, client, config: Config,
                polite: Politeness | None = None, workers: Workers | None = None,
                known: tuple[SourceState, PassMeta] | None = None) -> CheckResult:
    """One check of one source. Never raises: an internal error becomes a ``source_error``.

    ``known``: the source's state and version summary, read for the whole pass by
    :func:`check_all`; with it (in a batching pass) an unchanged page costs no query of its own."""
    own = workers is None
    workers = workers or Workers.for_pass(1)
    start = time.monotonic()
    timings: dict[str, float] = {}
    state, meta = known if known is not None else (await workers.run_db(_begin, store, source), None)
    body_hash: str | None = None  # the body being processed: an internal error from then on is remembered
    try:
        # after an internal error, fetch unconditionally: a 304 could not tell the failing body
        # from the last good one, the raw hash of a full body can
        conditional = state.raw_hash is not None and _failed_bytes(state) is None
        res = await fetch(client, source.url, etag=state.etag if conditional else None,
                          last_modified=state.last_modified if conditional else None,
                          polite=polite, **fetch_options(source, config))
        timings["fetch"] = res.elapsed
        if res.error:
            return await workers.run_db(_problem, store, source, state, "source_error", res.error, res, start)
        if res.warning:
            return await workers.run_db(_problem, store, source, state, "source_warning", res.warning, res, start)
        seed = await workers.seed(source)
        doc = None
        raw_hash = hashlib.sha256(res.body).hexdigest() if res.body else state.raw_hash
        same = res.not_modified or raw_hash == state.raw_hash
        if same and _failed_bytes(state) is not None:
            return await workers.run_db(_still_failing, store, source, state, start)
        if (same and workers.batch is not None and meta is not None
                and not _seed_differs(seed, meta.baseline)):
            await workers.note_unchanged(store, source.id, dict(last_outcome="unchanged", **_ok_values(res, state)))
            return CheckResult(source.id, "unchanged", time.monotonic() - start, meta.latest, timings=timings)
        body_hash = raw_hash
        if not same:
            t = time.monotonic()
            doc = await workers.run_cpu(_extract, res.body, res.encoding, source.extract)
            timings["extract"] = time.monotonic() - t
        return await workers.run_db(process, store, source, res, doc, state, start, timings, raw_hash, seed)
    except Exception as e:  # one source's bug must not stop the others
        log.exception("check of %s failed", source.id)
        return await workers.run_db(_internal_error, store, source, state, e, body_hash, start)
    finally:
        if own:
            workers.close()


async def check_all(config: Config, store: Store, ids: Iterable[str] | None = None) -> list[CheckResult]:
    """Check the named (default: all) sources concurrently with one pooled HTTP client."""
    from .alerts.deliver import deliver_pending

    started = now()
    wanted = list(ids or [])
    selected = [config.source(i) for i in wanted] if wanted else list(config.sources)
    polite = new_politeness(config)
    workers = Workers.for_pass(len(selected))
    try:
        known = await workers.run_db(_begin_all, store, selected)
        results: list[CheckResult | None] = [None] * len(selected)
        queue = iter(enumerate(selected))
        async with client_for(config, selected[0].user_agent if selected else "watcher") as client:
            async def worker() -> None:
                # a fixed set of workers pulling sources, not one task per source: memory stays
                # flat as sources grow (10,000 pending tasks would hold 10,000 coroutine frames)
                for k, s in queue:
                    results[k] = await check(store, s, client, config, polite, workers, known.pop(s.id))

            await asyncio.gather(*(worker() for _ in range(min(len(selected), config.defaults.concurrency))))
        await workers.flush(store)
    finally:
        workers.close()
    await asyncio.to_thread(deliver_pending, config, store, started)  # notifications (notify.py)
    return [r for r in results if r is not None]


def run_check(config: Config, store: Store, ids: Iterable[str] | None = None) -> list[CheckResult]:
    return asyncio.run(check_all(config, store, ids))
