"""One service per state directory (watcher.service.statelock): the lock, its message, its release."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from watcher.service import AlreadyRunning, StateLock


def test_a_second_holder_is_refused_naming_the_first(tmp_path):
    with StateLock(tmp_path / "state"):
        with pytest.raises(AlreadyRunning) as e:
            StateLock(tmp_path / "state")
        msg = str(e.value)
        assert f"pid {os.getpid()}" in msg and str(tmp_path / "state") in msg and "another state_dir" in msg


def test_release_lets_the_next_one_in_and_is_idempotent(tmp_path):
    lock = StateLock(tmp_path)
    lock.release()
    lock.release()
    with StateLock(tmp_path) as again:
        assert (tmp_path / again.path.name).read_text().startswith(f"pid {os.getpid()}")


def test_the_kernel_releases_the_lock_of_a_killed_process(tmp_path):
    code = ("import sys, time; sys.path[:0] = sys.argv[2:]; from pathlib import Path; "
            "from watcher.service import StateLock; l = StateLock(Path(sys.argv[1])); print('held', flush=True); "
            "time.sleep(60)")
    p = subprocess.Popen([sys.executable, "-c", code, str(tmp_path), *sys.path], stdout=subprocess.PIPE, text=True)
    try:
        assert p.stdout.readline().strip() == "held"
        with pytest.raises(AlreadyRunning):
            StateLock(tmp_path)
        p.kill()
        p.wait(timeout=10)
        StateLock(tmp_path).release()  # no stale lock after kill -9
    finally:
        p.kill()
