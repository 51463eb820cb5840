"""Where the blocking work of a check runs: one db thread, and the extraction lane.

The event loop only waits on sockets. Every store transaction runs on one thread in turn, so checks
never contend for SQLite's write lock; every HTML parse (pages and seed files alike) runs in the
*extraction lane*, and so does the rest of a new version's CPU work (its WARC records, its
compressed text, its claim comparison), leaving the store's thread only reads and writes. The lane
is worker processes when extractions can overlap, or for a pass of one source a single thread of
this process — never several threads, because lxml corrupts memory when two threads of one
process parse (see :class:`_LaneThread`). :mod:`watcher.pipeline` says what a check
does; this module says where each part of it runs, and keeps the workers alive (a worker killed
by the OOM killer is replaced by a fresh process: :mod:`watcher.procpool`).
"""

from __future__ import annotations

import asyncio
import ctypes
import gc
import logging
import os
import signal
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .config import Source
from .extract import Document
from .procpool import ProcessPool, WorkerDied
from .store import Store, StoreFault

log = logging.getLogger("watcher.check")

SEED_CACHE_SIZE = 256
_seeds: OrderedDict[tuple[str, int, int], Document] = OrderedDict()  # (path, mtime_ns, size) -> cleaned seed


def _seed_key(path: Path) -> tuple[str, int, int]:
    st = path.stat()
    return str(path), st.st_mtime_ns, st.st_size


def _remember_seed(key: tuple[str, int, int], doc: Document) -> None:
    _seeds[key] = doc
    while len(_seeds) > SEED_CACHE_SIZE:
        _seeds.popitem(last=False)


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


def _fork_pool(size: int, preload: bool = False) -> ProcessPool:
    """Extraction processes forked at once from this (still single-threaded) process.

    Fork is what makes them cheap: no re-import, a few ms for two workers, ~0.5 s less than spawn
    or forkserver. ``preload``: import the extractor (trafilatura, lxml, our structural pass) here
    first, so the workers share one import (~0.2 s of CPU) instead of each paying it at its first
    page; without it a pass that finds nothing changed never imports the extractor at all.
    ``gc.freeze`` keeps the objects so far shared with the workers (the collector would otherwise
    touch, and so copy, them)."""
    if preload:
        from .extract.html import preload_extractor

        preload_extractor()
        from .evidence import warc  # noqa: F401  # the lane builds new versions' WARC records too
    gc.freeze()
    # workers import trafilatura on their first page (without ``preload``): unchanged passes never pay
    return ProcessPool(size, "fork", initializer=_worker_init, initargs=(os.getpid(),))


class _LaneThread:
    """The one thread of this process that may run lxml (for a pass of one source), with the
    extraction processes' interface (``run``, ``close``).

    lxml is not safe with HTML parsing in two threads of one process: trafilatura parses every
    page with one module-level parser (``trafilatura.utils.HTML_PARSER``), and a thread whose
    first parse goes through a parser that already has a context adopts that context's libxml2
    string dictionary, so all such threads intern names into one ``xmlDict`` — which libxml2
    does not lock — while lxml releases the GIL to parse and to copy trees. That was the
    ``double free or corruption`` / SIGSEGV of concurrent passes (tests/test_stress.py)."""

    def __init__(self) -> None:
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="watcher-extract")

    async def run(self, fn, *args):
        return await asyncio.get_running_loop().run_in_executor(self._thread, fn, *args)

    def close(self) -> None:
        self._thread.shutdown(wait=True, cancel_futures=True)


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
    corrupts memory when two threads of one process parse (see :class:`_LaneThread`).
    """

    db: ThreadPoolExecutor
    cpu: ProcessPool | _LaneThread
    batch: list[tuple[str, dict]] | None = None  # unchanged sources' bookkeeping, written together
    cpu_size: int = 1  # worker processes of ``cpu`` (0: ``cpu`` is the in-process lane thread)
    fault: StoreFault | None = None  # the database failed (full, read-only, locked): no more store work
    unsaved: list[str] | None = None  # sources whose batched bookkeeping the fault lost

    BATCH_SIZE = 256

    @classmethod
    def for_pass(cls, n_sources: int, *, service: bool = False, preload: bool = False) -> Workers:
        """Workers for a pass of ``n_sources``, or for a service's life (``service``: a process
        per core, since its config may grow). Call before the process starts other threads: the
        worker processes are forked here, from a single-threaded parent. A pass of two or more
        sources gets worker processes (one per core at most, none idle): a few ms to fork, and
        their pages extract on every core instead of taking turns at the GIL. ``preload``: the pass
        will extract (sources never fetched; a service always may), see :func:`_fork_pool`."""
        size = _lane_size(n_sources, service)
        return cls(db=ThreadPoolExecutor(max_workers=1, thread_name_prefix="watcher-db"),
                   cpu=_fork_pool(size, preload or service) if size else _LaneThread(), cpu_size=size,
                   batch=[] if n_sources > 1 else None)

    async def run_db(self, fn, *args):
        """``fn(*args)`` on the db thread. After a :class:`StoreFault` every later call fails at once
        with it: a full disk or a lock held elsewhere would fail each of them the same way, one
        busy timeout after another."""
        if self.fault is not None:
            raise self.fault
        try:
            return await asyncio.get_running_loop().run_in_executor(self.db, fn, *args)
        except StoreFault as e:
            self.fault = self.fault or e
            raise

    async def run_cpu(self, fn, *args):
        """``fn(*args)`` in the extraction lane. A worker that dies (OOM killer, signal, a crash in
        C code) is replaced by a fresh process — never by a thread, which would bring the lxml race
        back — and its page is tried once more; a second death on the same page raises
        :class:`ExtractionCrashed` (that source's internal error). Only the page the worker was
        running is affected: the other workers' pages go on."""
        for attempt in (1, 2):
            try:
                return await self.cpu.run(fn, *args)
            except WorkerDied as e:
                log.warning("an extraction worker process died; a new one takes its place")
                if attempt == 2:
                    raise ExtractionCrashed("an extraction worker process died twice on this page") from e

    async def seed(self, source: Source) -> Document | None:
        """The cleaned seed file of ``source`` (None without one), parsed in the extraction lane
        and kept until the file changes. Never parsed on the db thread or the event loop: that
        would be a second thread running lxml beside the lane."""
        if source.baseline is None:
            return None
        key = _seed_key(source.baseline)
        doc = _seeds.get(key)
        if doc is None:
            from .extract.html import load_baseline

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
            try:
                await self.run_db(_write_unchanged, store, items)
            except StoreFault:
                self.unsaved = (self.unsaved or []) + [sid for sid, _ in items]
                raise

    def close(self) -> None:
        self.db.shutdown(wait=True)
        self.cpu.close()


def _write_unchanged(store: Store, items: list[tuple[str, dict]]) -> None:
    with store.transaction() as c:
        store.update_sources(c, items)
