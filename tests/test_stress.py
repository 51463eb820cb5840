"""Concurrent extraction of large real pages must not crash the process (glibc aborts, SIGSEGV).

Why this test exists: ``watcher check`` died with ``double free or corruption`` / ``free():
invalid pointer`` / SIGSEGV in a few of 40 steps when several 200-700 KB pages were extracted at
once in worker *threads*. The cause is in lxml, not in our code: trafilatura parses every page
with one module-level ``HTMLParser`` (``trafilatura.utils.HTML_PARSER``; ``lxml.html``'s own
default parser is module-level too). lxml gives each thread its own libxml2 string dictionary
*unless* the thread's first parse goes through a parser whose context already holds one: the
thread then adopts that dictionary. So every extraction thread ends up interning names into
the same ``xmlDict``, which libxml2 does not lock, while lxml releases the GIL to parse and to
copy trees (trafilatura ``_prepare_tree`` → ``copy``). Two threads inserting at once corrupt it.

The crash is likeliest while the dictionary is young (it grows, and reallocates, as a process's
first pages are parsed), which is why it hit a few fresh ``watcher check`` processes out of 40.
So the driver below (run in a subprocess, so a crash is an exit status, not a dead pytest) forks a
fresh child per round from a parent that imported everything but parsed nothing, and each child
runs a real pass, :func:`watcher.passes.run_check`, over the largest pages of
``../shared/realworld-dev`` served on 127.0.0.1, one source with an HTML seed baseline (parsed
while the pass runs). A child killed by a signal, or exiting non-zero, fails the test with the
round, the signal and the child's output.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # `make test-fast` leaves it out; `make test` and CI run it

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT.parent / "shared" / "realworld-dev" / "pages"
SOURCES = 3  # sources per pass, as reported (2-15 sources: the thread path before the fix)
POOL = 24  # the largest real pages; each round takes the next SOURCES of them
BUDGET = 20.0  # seconds of rounds; the test stops early at the first crash
MIN_ROUNDS = 8  # a pass must at least run this often, however slow the machine
ROUND_TIMEOUT = 30.0  # one pass takes ~1-2 s; a child still running after this is hung


def largest_pages(n: int, lo: int = 200_000, hi: int = 1_000_000) -> list[Path]:
    """The ``n`` largest real pages between ``lo`` and ``hi`` bytes (the reported 200-450 KB and
    somewhat above: larger pages only make the window wider)."""
    files = [p for p in PAGES.iterdir() if p.suffix == ".html" and lo <= p.stat().st_size <= hi]
    return sorted(files, key=lambda p: p.stat().st_size, reverse=True)[:n]


@pytest.mark.skipif(not PAGES.is_dir(), reason=f"real pages not found at {PAGES}")
def test_concurrent_pass_over_large_pages_does_not_crash(tmp_path):
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT / "src"), str(ROOT),
                                                       os.environ.get("PYTHONPATH", "")]))
    p = subprocess.run([sys.executable, __file__, str(tmp_path), str(BUDGET)], capture_output=True, text=True,
                       timeout=BUDGET + 60, env=env)
    assert p.returncode == 0, f"exit {p.returncode}\n{p.stdout[-4000:]}\n{p.stderr[-4000:]}"
    summary = json.loads(p.stdout.strip().splitlines()[-1])
    assert summary["rounds"] >= MIN_ROUNDS and summary["crashes"] == []


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)  # what the OOM killer (or a crash in C code) does to a worker


def test_a_dead_worker_is_replaced_by_processes_not_threads():
    """A worker's death breaks the pool: new worker processes take over (the page is tried once
    more; a second death is that page's error), never threads of this process."""
    import asyncio

    from watcher.lanes import ExtractionCrashed, Workers

    async def run() -> tuple[int, int]:
        w = Workers.for_pass(2)
        try:
            first = await w.run_cpu(os.getpid)
            with pytest.raises(ExtractionCrashed):
                await w.run_cpu(_die)
            assert type(w.cpu).__name__ == "ProcessPool"
            return first, await w.run_cpu(os.getpid)
        finally:
            w.close()

    first, after = asyncio.run(run())
    assert os.getpid() not in (first, after) and first != after


# -- the driver (run as a script by the test) ------------------------------------------------------


def _config(d: Path, site, bodies: dict[str, bytes], chosen: list[int]) -> Path:
    """A config of one source per chosen page, the first with its own page as an HTML seed
    baseline (parsed on the db thread while the others extract, and compared silently); no delays."""
    lines = ['state_dir = "state"', "[defaults]", "min_delay = 0", "respect_robots = false", "retries = 0",
             f"per_host = {SOURCES}"]
    seed = d / "seed.html"
    seed.write_bytes(bodies[f"/p{chosen[0]}"])
    for i in chosen:
        lines += ["[[sources]]", f'id = "p{i}"', f'url = "{site.url(f"/p{i}")}"']
        if i == chosen[0]:
            lines.append(f'baseline = "{seed}"')
    path = d / "watcher.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _child(cfg_path: Path) -> None:
    """One fresh process, one pass: as ``watcher check`` runs it (Workers.for_pass and all)."""
    import logging

    from watcher.config import load
    from watcher.passes import run_check
    from watcher.store import Store

    logging.basicConfig(level=logging.ERROR)
    config = load(cfg_path)
    store = Store(config.database_url)
    try:
        results = run_check(config, store)
    finally:
        store.close()
    bad = [f"{r.source}: {r.outcome} {r.message}" for r in results
           if r.outcome not in ("baseline", "new_version", "unchanged")]
    if bad or len(results) != len(config.sources):
        print("unexpected results:", bad, len(results), file=sys.stderr, flush=True)
        os._exit(1)
    os._exit(0)


def _round(work: Path, site, bodies: dict[str, bytes], chosen: list[int], k: int) -> tuple[int, str]:
    """Fork one child for a pass in a fresh state directory; its wait status and its stderr."""
    d = work / f"r{k}"
    d.mkdir()
    cfg = _config(d, site, bodies, chosen)
    err = d / "stderr"
    pid = os.fork()
    if pid == 0:  # the child: stderr to a file (the fault handler's traceback lands there)
        fd = os.open(err, os.O_WRONLY | os.O_CREAT)
        os.dup2(fd, 2)
        try:
            _child(cfg)
        finally:
            os._exit(70)
    return _wait(pid), err.read_text(errors="replace")


def _wait(pid: int) -> int:
    """The child's wait status; a child still running after ROUND_TIMEOUT is hung (a corrupted
    heap can also loop forever) and is killed, which reports as SIGKILL."""
    deadline = time.monotonic() + ROUND_TIMEOUT
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return status
        time.sleep(0.02)
    os.kill(pid, signal.SIGKILL)
    return os.waitpid(pid, 0)[1]


def _describe(status: int) -> str:
    if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL:
        return f"hung for {ROUND_TIMEOUT:g} s (killed)"
    if os.WIFSIGNALED(status):
        return f"killed by {signal.Signals(os.WTERMSIG(status)).name}"
    return f"exit code {os.WEXITSTATUS(status)}"


def main(work: Path, budget: float) -> int:
    """Fork rounds until ``budget`` seconds are spent (at least MIN_ROUNDS) or a child crashes."""
    import faulthandler

    import trafilatura  # noqa: F401 - imported (not parsed with) once, so a round pays only for its pass

    import watcher.pipeline  # noqa: F401
    from watcher.demo import LocalSite

    faulthandler.enable()
    pages = largest_pages(POOL)
    bodies = {f"/p{i}": p.read_bytes() for i, p in enumerate(pages)}
    site = LocalSite(bodies.get)
    crashes: list[str] = []
    rounds, t0 = 0, time.monotonic()
    try:
        while not crashes and (rounds < MIN_ROUNDS or time.monotonic() - t0 < budget):
            chosen = [(rounds * SOURCES + i) % len(pages) for i in range(SOURCES)]
            status, err = _round(work, site, bodies, chosen, rounds)
            rounds += 1
            if status != 0:
                crashes.append(f"round {rounds}: {_describe(status)}")
                print(f"round {rounds}: {_describe(status)}\n{err[-6000:]}", file=sys.stderr)
    finally:
        site.close()
    print(json.dumps({"rounds": rounds, "seconds": round(time.monotonic() - t0, 1), "crashes": crashes,
                      "sources_per_pass": SOURCES, "pages_kb": [p.stat().st_size // 1024 for p in pages]}))
    return 1 if crashes else 0


if __name__ == "__main__":
    with tempfile.TemporaryDirectory(dir=sys.argv[1]) as d:
        sys.exit(main(Path(d), float(sys.argv[2])))
