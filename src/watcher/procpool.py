"""Worker processes driven from the event loop: one pipe per worker, read when it is readable.

Why not :class:`concurrent.futures.ProcessPoolExecutor`: it hands every call over through two
threads of its own in the calling process (a feeder that pickles and writes the call, a manager
that waits for results and wakes the event loop), and in a pass those two threads fight the event
loop and the store's thread for the GIL on every page. Measured on 25 KB pages, a call cost the
calling process ~0.24–0.30 ms of CPU that way and ~0.08–0.10 ms written and read on the loop
itself — a tenth of what a whole pass spends per page outside the extraction.

The contract is the one the extraction lane needs and no more: ``await pool.run(fn, *args)`` with a
picklable module-level ``fn``; at most one call per worker at a time (the others wait, in order);
an exception raised by ``fn`` is raised to the caller; a worker that dies (the OOM killer, a crash
in C code) fails only the call it was running, with :class:`WorkerDied`, and is replaced by a fresh
process. Calls come from one event loop thread (the pool is not thread-safe).
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import pickle
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

_PROTOCOL = pickle.HIGHEST_PROTOCOL


class WorkerDied(RuntimeError):
    """The worker process running a call ended before it answered."""


@dataclass(eq=False)
class _Worker:
    process: BaseProcess
    conn: Connection  # this process's end of the worker's pipe
    call: asyncio.Future | None = None  # the caller's future of the call it runs, if any
    loop: asyncio.AbstractEventLoop | None = None  # where its pipe is watched (a call, or its start)


@dataclass(eq=False)
class ProcessPool:
    """``size`` worker processes started with ``method`` ("fork" or "spawn"); ``initializer(*initargs)``
    runs first in each. Replacements for dead workers always spawn: by then this process runs other
    threads, and forking a multi-threaded process can copy a lock another thread holds. A spawned
    worker takes ~1 s to import what it needs; it is handed calls only once it says it has started,
    so writing a large page to its pipe never holds up the event loop meanwhile. A replacement that
    dies before it has started is not replaced again (a worker that cannot start would otherwise be
    respawned forever): the next call starts one, and with no worker left the waiting calls fail."""

    size: int
    method: str
    initializer: Callable[..., None] | None = None
    initargs: tuple = ()
    _workers: list[_Worker] = field(default_factory=list)
    _idle: deque[_Worker] = field(default_factory=deque)
    _waiting: deque[asyncio.Future] = field(default_factory=deque)
    _closed: bool = False

    def __post_init__(self) -> None:
        for _ in range(self.size):
            self._add(self.method)

    @property
    def pids(self) -> list[int]:
        return [w.process.pid for w in self._workers if w.process.pid is not None]

    def _add(self, method: str) -> None:
        ctx: Any = multiprocessing.get_context(method)  # typeshed: a BaseContext, which has no Process
        mine, theirs = ctx.Pipe(duplex=True)
        # a forked child inherits this process's end of every pipe, its own included: it closes
        # them, or a worker would never see its pipe close when this process closes its end
        inherited = [w.conn.fileno() for w in self._workers] + [mine.fileno()] if method == "fork" else []
        loop: asyncio.AbstractEventLoop | None = None
        if method != "fork":  # a spawned worker starts slowly: wait for it on the event loop, if one runs
            try:
                loop = asyncio.get_running_loop()
            except RuntimeError:  # none (a pool made outside one): hand it calls at once, its pipe buffers them
                pass
        proc = ctx.Process(target=_serve, args=(theirs, inherited, self.initializer, self.initargs, loop is not None),
                           daemon=True, name="watcher-extract")
        proc.start()
        theirs.close()
        worker = _Worker(proc, mine)
        self._workers.append(worker)
        if loop is None:
            self._release(worker)
        else:
            worker.loop = loop  # handed calls once it says it has started (_started)
            loop.add_reader(mine.fileno(), self._started, worker)

    @staticmethod
    def _take(worker: _Worker) -> bytes | None:
        """The message the worker's readable pipe holds (read whole: the worker writes it at once),
        the pipe no longer watched; None when the worker has ended instead."""
        if worker.loop is not None:
            worker.loop.remove_reader(worker.conn.fileno())
        worker.loop = None
        try:
            return worker.conn.recv_bytes()
        except (EOFError, OSError):
            return None

    def _started(self, worker: _Worker) -> None:
        """A spawned worker's first message (it has started), or its end before that."""
        if self._take(worker) is None:
            self._died(worker, replace=False)
            return
        self._release(worker)

    async def run(self, fn: Callable[..., Any], *args: Any) -> Any:
        """``fn(*args)`` in a worker process, its result or its exception here."""
        if self._closed:
            raise RuntimeError("the process pool is closed")
        loop = asyncio.get_running_loop()
        if not self._workers:  # every worker died, and a replacement could not start: try again
            self._add("spawn")
        worker = await self._acquire(loop)
        call = loop.create_future()
        try:
            data = pickle.dumps((fn, args), protocol=_PROTOCOL)
        except BaseException:
            self._release(worker)
            raise
        worker.call, worker.loop = call, loop
        try:
            # the worker is idle, blocked reading its pipe: the write completes as fast as it reads
            worker.conn.send_bytes(data)
        except OSError:
            worker.call = None
            self._died(worker)
            raise WorkerDied("an extraction worker process died") from None
        loop.add_reader(worker.conn.fileno(), self._answered, worker)
        return await call

    async def _acquire(self, loop: asyncio.AbstractEventLoop) -> _Worker:
        if self._idle and not self._waiting:
            return self._idle.popleft()
        turn = loop.create_future()
        self._waiting.append(turn)
        try:
            return await turn
        except asyncio.CancelledError:
            if turn.done() and not turn.cancelled():  # handed a worker just as the caller gave up
                self._release(turn.result())
            raise

    def _release(self, worker: _Worker) -> None:
        while self._waiting:
            turn = self._waiting.popleft()
            if not turn.done():
                turn.set_result(worker)
                return
        self._idle.append(worker)

    def _answered(self, worker: _Worker) -> None:
        """The worker's pipe is readable: its answer or its end. A call whose caller gave up still
        frees its worker here."""
        call, worker.call = worker.call, None
        data = self._take(worker)
        if data is None:
            self._died(worker)
            if call is not None and not call.done():
                call.set_exception(WorkerDied("an extraction worker process died"))
            return
        self._release(worker)
        if call is None or call.done():
            return
        try:
            ok, value = pickle.loads(data)
        except Exception as e:  # an answer this process cannot rebuild: the call's error
            call.set_exception(e)
            return
        if ok:
            call.set_result(value)
        else:
            call.set_exception(value)

    def _died(self, worker: _Worker, replace: bool = True) -> None:
        """Forget a dead worker (reaping it) and start a fresh one in its place (``replace``)."""
        if worker in self._workers:
            self._workers.remove(worker)
        try:
            self._idle.remove(worker)
        except ValueError:
            pass
        worker.conn.close()
        worker.process.join(timeout=5)
        if self._closed:
            return
        if replace:
            self._add("spawn")
        elif not self._workers:  # nothing left to run the waiting calls
            while self._waiting:
                turn = self._waiting.popleft()
                if not turn.done():
                    turn.set_exception(WorkerDied("a new extraction worker process could not start"))

    def close(self, wait: bool = True) -> None:
        """No more calls; a call still running is cancelled for its caller. The workers exit when
        their pipe closes (after the call they run, if any); ``wait``: until they have."""
        self._closed = True
        for turn in self._waiting:
            turn.cancel()
        self._waiting.clear()
        self._idle.clear()
        for w in self._workers:
            if w.loop is not None and not w.loop.is_closed():
                w.loop.remove_reader(w.conn.fileno())
            if w.call is not None and not w.call.done():
                w.call.cancel()
            w.conn.close()
        if wait:
            for w in self._workers:
                w.process.join()
        self._workers.clear()


def _serve(conn: Connection, inherited: Sequence[int], initializer: Callable[..., None] | None,
           initargs: tuple, announce: bool = False) -> None:
    """A worker's life: (``announce``: say it has started,) read a call, run it, write back
    ``(True, result)`` or ``(False, exception)``; end when the pipe closes."""
    for fd in inherited:
        try:
            os.close(fd)
        except OSError:
            pass
    if initializer is not None:
        initializer(*initargs)
    if announce:
        try:
            conn.send_bytes(b"")
        except OSError:
            return
    while True:
        try:
            fn, args = pickle.loads(conn.recv_bytes())
        except (EOFError, OSError):
            return
        try:
            answer: tuple[bool, Any] = (True, fn(*args))
        except BaseException as e:  # the caller's to handle, as if raised there
            answer = (False, e)
        try:
            data = pickle.dumps(answer, protocol=_PROTOCOL)
        except Exception as e:  # a result or exception that does not pickle: say so, never hang the caller
            data = pickle.dumps((False, RuntimeError(f"the worker's answer could not be sent: {e!r}")), protocol=_PROTOCOL)
        try:
            conn.send_bytes(data)
        except OSError:  # the pool closed while this call ran
            return
