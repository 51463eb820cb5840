"""Nothing lost, nothing doubled: `watcher check` killed (SIGKILL) in the middle of a pass leaves a
consistent database — a version is stored together with its alerts or not at all — and the next
full check completes the work exactly once."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from watcher.store import Store

from . import sitegen as pages
from .conftest import write_config
from .fixtures import fault_server as fs

pytestmark = pytest.mark.slow  # `make test-fast` leaves it out; `make test` and CI run it

TITLE, PARAS = pages.ARTICLES["county_budget"]
N = 12


def edited(i: int) -> str:
    paras = [p.replace("47 bridges", f"{60 + i} bridges") for p in PARAS]
    return fs.article(TITLE, paras)


def cli() -> list[str]:
    exe = Path(sys.executable).parent / "watcher"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "watcher"]


def stored_versions(db: Path) -> int:
    c = sqlite3.connect(db)
    try:
        return c.execute("SELECT count(*) FROM versions").fetchone()[0]
    finally:
        c.close()


def consistent(db: Path) -> dict[str, tuple[int, int]]:
    """Per source: (versions, estimate alerts); asserts integrity and version ⇔ alert atomicity."""
    c = sqlite3.connect(db)
    try:
        assert c.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        c.close()
    store = Store(f"sqlite:///{db}")
    out = {}
    try:
        for i in range(N):
            sid = f"s{i}"
            versions = store.versions(sid)
            estimates = [a for a in store.alerts(sid) if a.kind == "estimate_changed"]
            assert len(versions) in (1, 2), (sid, versions)
            assert len(estimates) == len(versions) - 1, (sid, len(versions), estimates)  # together or not at all
            assert all(a.version_id == versions[-1].id for a in estimates)
            out[sid] = (len(versions), len(estimates))
    finally:
        store.close()
    return out


def test_killed_checks_lose_and_duplicate_nothing(tmp_path):
    server = fs.FaultServer().start()
    try:
        for i in range(N):
            server.routes[f"/{i}"] = fs.page(fs.article(TITLE, PARAS))
        cfg = write_config(tmp_path, [{"id": f"s{i}", "url": server.url(f"/{i}")} for i in range(N)])
        cmd = cli() + ["check", "--config", str(cfg)]
        assert subprocess.run(cmd, capture_output=True, timeout=120).returncode == 0
        db = tmp_path / "state" / "watcher.db"
        assert set(consistent(db).values()) == {(1, 0)}

        for i in range(N):  # answers spread over ~1 s, so a kill can land with some sources done, some not
            server.routes[f"/{i}"] = fs.slow(fs.page(edited(i)), 0.1 * i)
        partial = 0
        for _ in range(2):  # kill each run right after it stored its first new version
            before = stored_versions(db)
            proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # output: small
            deadline = time.monotonic() + 60
            while stored_versions(db) == before and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.005)
            assert proc.poll() is None, proc.communicate()
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            partial += len(set(consistent(db).values())) > 1

        assert subprocess.run(cmd, capture_output=True, timeout=120).returncode == 0
        assert set(consistent(db).values()) == {(2, 1)}
        assert partial, "no kill landed mid-pass; the test proved nothing"
    finally:
        server.stop()
