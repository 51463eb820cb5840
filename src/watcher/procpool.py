"""Worker processes driven from the event loop: one pipe per worker, read when it is readable.

Why not :class:`concurrent.futures.ProcessPoolExecutor`: it hands every call over through two
threads of its own in the calling process (a feeder that pickles and writes the call, a manager
that waits for results and wakes the event loop), and in a pass those two threads fight the event
loop and the store's thread for the GIL on every page. Measured on 25 KB pages, a call cost the
calling process ~0.24–0.30 ms of CPU that way and ~0.08–0.10 ms written and read on the loop
itself — a tenth of what a whole pass spends per page outside the extraction.

Why a worker is handed its next call while it still runs one (:data:`AHEAD`): otherwise it
answers, then sleeps until the event loop — busy with fetches and the store's hand-offs — reads
the answer and writes the next page, and wakes with its caches taken by the other processes. With
the next page already in its pipe it goes straight on: measured on 25 KB pages with the calling
process as busy as in a pass, the worker's own CPU ~3.9–4.0 → ~3.5–3.6 ms a page (medians of six
alternating runs). Only a call small enough for the pipe's buffer is written ahead
(:func:`_room`): a write the worker cannot take yet would block the event loop until it could.

The contract is the one the extraction lane needs and no more: ``await pool.run(fn, *args)`` with a
picklable module-level ``fn``; calls wait their turn in order; an exception raised by ``fn`` is
raised to the caller; a worker that dies (the OOM killer, a crash in C code) fails only the call it
was running, with :class:`WorkerDied` (a call written ahead to it, which it never started, goes to
another worker as if nothing happened), and is replaced by a fresh process. Calls come from one
event loop thread (the pool is not thread-safe).
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import pickle
import socket
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

_PROTOCOL = pickle.HIGHEST_PROTOCOL
AHEAD = 2  # calls a worker holds at most: the one it runs and the next, already in its pipe
_SEND_BUFFER = 1 << 20  # asked of the kernel for each pipe (it grants at most net.core.wmem_max)


class WorkerDied(RuntimeError):
    """The worker process running a call ended before it answered."""


class _NotRun(Exception):
    """A call written ahead to a worker that died before starting it: the caller writes it again."""


def _room(conn: Connection) -> int:
    """How large a call may be to be written ahead to the worker at the other end of ``conn`` while
    it is busy: half its socket's send buffer (the kernel counts its own bookkeeping against the
    buffer too), after asking for a larger one. 0 (never ahead) if the buffer cannot be read."""
    try:
        sock = socket.socket(fileno=os.dup(conn.fileno()))
    except OSError:
        return 0
    with sock:
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, _SEND_BUFFER)
        except OSError:
            pass
        try:
            return sock.getsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF) // 2
        except OSError:
            return 0


@dataclass(eq=False)
class _Worker:
    process: BaseProcess
    conn: Connection  # this process's end of the worker's pipe
    room: int = 0  # the largest call written ahead to it (_room)
    ready: bool = False  # it may be handed calls (a spawned worker: once it says it has started)
    calls: deque[asyncio.Future] = field(default_factory=deque)  # written to it, not answered, in order
    promised: int = 0  # callers handed this worker that have not written their call yet
    loop: asyncio.AbstractEventLoop | None = None  # where its pipe is watched (calls, or its start)

    def takes(self, size: int) -> bool:
        """Whether a call of ``size`` bytes may be written to it now."""
        held = len(self.calls) + self.promised
        return self.ready and (held == 0 or (held < AHEAD and size <= self.room))


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
    _waiting: deque[tuple[asyncio.Future, int]] = field(default_factory=deque)  # (turn, call size)
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
        worker = _Worker(proc, mine, room=_room(mine))
        self._workers.append(worker)
        if loop is None:
            worker.ready = True
            self._dispatch()
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

    def _watch(self, worker: _Worker, loop: asyncio.AbstractEventLoop) -> None:
        """Read the worker's pipe when it is readable (its next answer, or its end)."""
        if worker.loop is None:
            worker.loop = loop
            loop.add_reader(worker.conn.fileno(), self._answered, worker)

    def _started(self, worker: _Worker) -> None:
        """A spawned worker's first message (it has started), or its end before that."""
        if self._take(worker) is None:
            self._died(worker, replace=False)
            return
        worker.ready = True
        self._dispatch()

    async def run(self, fn: Callable[..., Any], *args: Any) -> Any:
        """``fn(*args)`` in a worker process, its result or its exception here."""
        if self._closed:
            raise RuntimeError("the process pool is closed")
        loop = asyncio.get_running_loop()
        data = pickle.dumps((fn, args), protocol=_PROTOCOL)
        while True:
            if not self._workers:  # every worker died, and a replacement could not start: try again
                self._add("spawn")
            worker = await self._acquire(loop, len(data))
            worker.promised -= 1
            if worker not in self._workers:  # it died between being handed over and now: another
                continue
            call = loop.create_future()
            worker.calls.append(call)
            try:
                # the worker is idle and reading its pipe, or the call fits in the pipe's buffer
                # (_room): the write never waits for the worker
                worker.conn.send_bytes(data)
            except OSError:
                worker.calls.pop()
                self._lost(worker)
                raise WorkerDied("an extraction worker process died") from None
            self._watch(worker, loop)
            try:
                return await call
            except _NotRun:  # written ahead to a worker that died first: to another one
                continue

    def _free(self, size: int) -> _Worker | None:
        """The worker a call of ``size`` bytes goes to now (the least busy), if one takes it."""
        able = [w for w in self._workers if w.takes(size)]
        return min(able, key=lambda w: len(w.calls) + w.promised) if able else None

    async def _acquire(self, loop: asyncio.AbstractEventLoop, size: int) -> _Worker:
        worker = None if self._waiting else self._free(size)
        if worker is not None:
            worker.promised += 1
            return worker
        turn = loop.create_future()
        self._waiting.append((turn, size))
        try:
            return await turn
        except asyncio.CancelledError:
            if turn.done() and not turn.cancelled():  # handed a worker just as the caller gave up
                turn.result().promised -= 1
                self._dispatch()
            raise

    def _dispatch(self) -> None:
        """Hand workers to the waiting calls, in order, while one takes the first of them."""
        while self._waiting:
            turn, size = self._waiting[0]
            if turn.done():
                self._waiting.popleft()
                continue
            worker = self._free(size)
            if worker is None:
                return
            self._waiting.popleft()
            worker.promised += 1
            turn.set_result(worker)

    def _answered(self, worker: _Worker) -> None:
        """The worker's pipe is readable: its answer to its oldest call, or its end. A call whose
        caller gave up still frees its worker here."""
        loop = worker.loop
        data = self._take(worker)
        if data is None:
            self._lost(worker)
            return
        call = worker.calls.popleft()
        if worker.calls and loop is not None:  # the call written ahead: its answer is next
            self._watch(worker, loop)
        self._dispatch()
        if call.done():
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

    def _lost(self, worker: _Worker) -> None:
        """A worker ended with calls in hand: the one it was running fails (:class:`WorkerDied`), the
        one written ahead, which it never started (it reads the next call only once it has answered),
        is written again to another worker; a fresh process takes its place."""
        calls, worker.calls = list(worker.calls), deque()
        if worker.loop is not None:
            worker.loop.remove_reader(worker.conn.fileno())
            worker.loop = None
        self._died(worker)
        for k, call in enumerate(calls):
            if not call.done():
                call.set_exception(WorkerDied("an extraction worker process died") if k == 0 else _NotRun())

    def _died(self, worker: _Worker, replace: bool = True) -> None:
        """Forget a dead worker (reaping it) and start a fresh one in its place (``replace``); once:
        a worker already forgotten (its end seen twice, by a read and by a write) is not replaced again."""
        if worker not in self._workers:
            return
        self._workers.remove(worker)
        worker.conn.close()
        worker.process.join(timeout=5)
        if self._closed:
            return
        if replace:
            self._add("spawn")
        elif not self._workers:  # nothing left to run the waiting calls
            while self._waiting:
                turn, _ = self._waiting.popleft()
                if not turn.done():
                    turn.set_exception(WorkerDied("a new extraction worker process could not start"))

    def close(self, wait: bool = True) -> None:
        """No more calls; calls under way are cancelled for their callers. The workers exit when
        their pipe closes (after the call they run, if any); ``wait``: until they have."""
        self._closed = True
        for turn, _ in self._waiting:
            turn.cancel()
        self._waiting.clear()
        for w in self._workers:
            if w.loop is not None and not w.loop.is_closed():
                w.loop.remove_reader(w.conn.fileno())
            for call in w.calls:
                if not call.done():
                    call.cancel()
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
