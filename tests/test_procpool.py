"""The extraction lane's worker processes (watcher.procpool): answers, errors, deaths and shutdown,
on real forked and spawned processes."""

from __future__ import annotations

import asyncio
import os
import signal
import threading
import time

import pytest

from watcher.procpool import ProcessPool, WorkerDied


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)  # what the OOM killer (or a crash in C code) does to a worker


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as f:  # a zombie is dead, only not reaped yet
        return f.read().rsplit(")", 1)[1].split()[0] != "Z"


def _run(coro_fn, size: int = 2):
    """``coro_fn(pool)`` on a fresh pool, which is closed after it; every worker must then end (a
    worker still alive 10 s after its pipe closed fails the test instead of hanging it)."""
    pool = ProcessPool(size, "fork")
    procs = []

    async def go():
        try:
            return await coro_fn(pool)
        finally:
            procs.extend(w.process for w in pool._workers)
            pool.close(wait=False)

    out = asyncio.run(go())
    for p in procs:
        p.join(timeout=10)
    assert not any(p.is_alive() for p in procs), "a worker outlived the pool"
    return out, pool


def test_calls_run_in_other_processes_and_more_calls_than_workers_wait_their_turn():
    async def calls(pool):
        return await asyncio.gather(*(pool.run(os.getpid) for _ in range(12)))

    pids, _ = _run(calls)
    assert len(pids) == 12 and os.getpid() not in pids and 1 <= len(set(pids)) <= 2


def test_results_and_exceptions_come_back_as_the_function_gave_them():
    async def calls(pool):
        value = await pool.run(divmod, 17, 5)
        with pytest.raises(ValueError, match="invalid literal"):
            await pool.run(int, "seventeen")
        with pytest.raises(RuntimeError, match="could not be sent"):  # a lock does not pickle
            await pool.run(threading.Lock)
        return value, await pool.run(len, "still serving")

    (value, after), _ = _run(calls)
    assert value == (3, 2) and after == 13


def test_a_dead_worker_fails_only_its_own_call_and_is_replaced():
    async def calls(pool):
        before = set(pool.pids)
        slow = asyncio.ensure_future(pool.run(time.sleep, 0.5))
        await asyncio.sleep(0.05)  # the sleep runs on one worker, the death on the other
        with pytest.raises(WorkerDied):
            await pool.run(_die)
        assert await slow is None  # the other worker's call went on
        after = set(pool.pids)
        pids = await asyncio.gather(*(pool.run(os.getpid) for _ in range(6)))
        return before, after, set(pids)

    (before, after, served), _ = _run(calls)
    assert len(after) == 2 and len(before & after) == 1  # one fresh process in the dead one's place
    assert served <= after and os.getpid() not in served


def test_a_caller_that_gives_up_does_not_lose_its_worker():
    async def calls(pool):
        slow = asyncio.ensure_future(pool.run(time.sleep, 0.3))
        await asyncio.sleep(0.05)
        slow.cancel()
        with pytest.raises(asyncio.CancelledError):
            await slow
        # the one worker is busy until the sleep ends, then serves the next calls
        return await asyncio.wait_for(asyncio.gather(*(pool.run(os.getpid) for _ in range(3))), 5)

    pids, _ = _run(calls, size=1)
    assert len(set(pids)) == 1


def test_closing_ends_every_worker_process():
    async def calls(pool):
        await asyncio.gather(*(pool.run(os.getpid) for _ in range(4)))
        return list(pool.pids)

    pids, pool = _run(calls, size=3)  # fails if a worker lives on after close
    assert len(pids) == 3 and not any(_alive(p) for p in pids)
    with pytest.raises(RuntimeError, match="closed"):
        asyncio.run(pool.run(os.getpid))


_FORKED = False  # set in this process before a pool forks: a spawned process imports this module afresh


def _fail_when_spawned() -> None:
    if not _FORKED:
        os._exit(3)  # a replacement that cannot start (a broken install, no memory)


def test_a_spawned_pool_made_outside_an_event_loop_serves_calls():
    pool = ProcessPool(1, "spawn")
    try:
        assert asyncio.run(pool.run(divmod, 7, 2)) == (3, 1)
    finally:
        pool.close()


def test_a_replacement_that_cannot_start_is_not_respawned_forever_and_fails_the_waiting_calls():
    global _FORKED
    _FORKED = True
    pool = ProcessPool(1, "fork", initializer=_fail_when_spawned)

    async def calls():
        try:
            with pytest.raises(WorkerDied):
                await pool.run(_die)  # its replacement is spawned, and ends before it starts
            with pytest.raises(WorkerDied, match="could not start"):
                await asyncio.wait_for(pool.run(os.getpid), 30)  # a fresh try, which cannot start either
            return list(pool.pids)
        finally:
            pool.close()

    try:
        assert asyncio.run(calls()) == []  # nothing left running, nothing respawning
    finally:
        _FORKED = False


def test_a_call_written_ahead_to_a_worker_that_dies_first_is_run_by_another():
    """A worker is handed its next call while it runs one; when it dies running the first, the
    next — never started — is run by its replacement, and its caller sees only the answer."""
    global _FORKED
    _FORKED = True

    async def calls(pool):
        first = asyncio.ensure_future(pool.run(_die))
        nxt = asyncio.ensure_future(pool.run(os.getpid))  # small: written ahead to the one worker
        await asyncio.sleep(0)
        assert len(pool._workers[0].calls) == 2  # both in its hands
        dead = pool.pids[0]
        with pytest.raises(WorkerDied):
            await first
        served = await asyncio.wait_for(nxt, 30)
        return dead, served, list(pool.pids)

    try:
        (dead, served, now), _ = _run(calls, size=1)
    finally:
        _FORKED = False
    assert served != dead and served in now and dead not in now


def _big(data: bytes) -> int:
    return len(data)


def test_a_call_too_large_for_the_pipe_waits_for_its_worker_and_never_blocks_the_event_loop():
    """A call larger than a pipe's buffer is written only to an idle worker: written to a busy one
    it would hold the event loop (every fetch of the pass) until that worker read it."""
    async def calls(pool):
        [worker] = pool._workers
        big = b"x" * (worker.room * 3)  # over the whole send buffer (room is half of it)
        gaps: list[float] = []

        async def ticks():
            last = time.monotonic()
            while True:
                await asyncio.sleep(0.01)
                now = time.monotonic()
                gaps.append(now - last)
                last = now

        ticker = asyncio.ensure_future(ticks())
        busy = asyncio.ensure_future(pool.run(time.sleep, 0.6))
        await asyncio.sleep(0.05)
        size = await pool.run(_big, big)
        await busy
        ticker.cancel()
        return size, len(big), max(gaps)

    (size, sent, worst), _ = _run(calls, size=1)
    assert size == sent
    assert worst < 0.3, f"the event loop stalled {worst:.2f} s"


def test_a_dead_worker_is_replaced_once_however_often_its_end_is_seen():
    """A worker's end can be seen twice — its pipe read at EOF, and a write to it failing — and
    must leave one replacement, not two: the pool keeps its size."""
    async def calls(pool):
        [worker] = pool._workers
        with pytest.raises(WorkerDied):
            await pool.run(_die)
        pool._lost(worker)  # its end seen again
        assert len(pool._workers) == 1
        return await asyncio.wait_for(pool.run(os.getpid), 30)

    global _FORKED
    _FORKED = True
    try:
        pid, pool = _run(calls, size=1)
    finally:
        _FORKED = False
    assert pid != os.getpid()
