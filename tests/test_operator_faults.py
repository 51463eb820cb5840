"""Operator faults: a full disk during `check`, a read-only state directory, a database another
process has locked. Each gives one clear line (exit 2, no traceback) saying what was saved; the
sources checked before the fault keep their results; reading commands work on a read-only state.

Real faults, not simulations: the full disk is an 8 MB tmpfs mounted for the test, the read-only
state a read-only bind mount (both need root — the sandbox and CI run as root; elsewhere they are
skipped, saying so, except the read-only case, which then uses file modes), the lock a second
process holding SQLite's EXCLUSIVE lock.
"""

from __future__ import annotations

import os
import random
import re
import sqlite3
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from .conftest import cli, watcher, write_config
from .sitegen import news_page

pytestmark = pytest.mark.slow  # end-to-end: real processes, locks and timeouts (make test-fast leaves it out)

N = 12


def article(i: int, figure: int, salt: int) -> str:
    """A page whose text compresses badly (a new version costs real bytes on disk)."""
    rng = random.Random(i * 1000 + salt)
    words = ["council", "bridge", "budget", "harbour", "permit", "survey", "engineer", "tender", "ward", "levy"]
    filler = [" ".join(rng.choice(words) + str(rng.randint(10, 99999)) for _ in range(25)) + "." for _ in range(30)]
    lead = f"The council of ward {i} approved {figure:,} dollars for bridge {i} repairs, officials said on Monday."
    return news_page(f"Report {i}", [lead, *filler])


def _mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


@contextmanager
def tmpfs(path: Path, size: str):
    path.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or not _mount("-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)):
        pytest.skip("a small tmpfs (the real full disk) needs root and mount(8)")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)


@contextmanager
def read_only(state: Path):
    """``state`` made read-only for this process: a read-only bind mount over itself when root can
    mount (root ignores file modes), else the modes of the directory and its files."""
    if os.geteuid() == 0:
        if not (_mount("--bind", str(state), str(state)) and _mount("-o", "remount,bind,ro", str(state))):
            subprocess.run(["umount", str(state)], capture_output=True)
            pytest.skip("a read-only bind mount needs mount(8) with CAP_SYS_ADMIN")
        try:
            yield
        finally:
            subprocess.run(["umount", "-l", str(state)], capture_output=True)
        return
    modes = {p: p.stat().st_mode for p in [state, *state.iterdir()]}
    for p in modes:
        p.chmod(0o555 if p.is_dir() else 0o444)
    try:
        yield
    finally:
        for p, m in modes.items():
            p.chmod(m)


def one_line(p, pattern: str) -> re.Match:
    assert p.returncode == 2, (p.returncode, p.stdout[-2000:], p.stderr[-3000:])
    assert "Traceback" not in p.stderr and "internal error" not in p.stderr, p.stderr[-3000:]
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1, p.stderr
    m = re.match(pattern, lines[0])
    assert m, lines[0]
    return m


def versions(cfg: Path, sid: str) -> int:
    p = cli("history", sid, "--config", str(cfg))  # in-process: a reading, not what the test is about
    assert p.returncode == 0, p.stderr
    return len(re.findall(r"^│ \d+", p.stdout, re.M))


def test_a_full_disk_stops_the_pass_with_one_line_and_keeps_what_was_saved(site, tmp_path):
    with tmpfs(tmp_path / "disk", "8m") as disk:
        for i in range(N):
            site.put(f"/a{i}", article(i, 7000, 0))
        cfg = write_config(tmp_path, [{"id": f"a{i}", "url": site.url(f"/a{i}")} for i in range(N)],
                           state_dir=str(disk / "state"))
        assert watcher("check", "--config", str(cfg)).returncode == 0
        filler = disk / "filler"
        with filler.open("wb") as f:  # fill the disk, then give back a little: room for a few versions
            try:
                while True:
                    f.write(b"\0" * 65536)
                    f.flush()
            except OSError:
                pass
        # room for a few versions: each check writes ~60 KB of WAL, and the WAL is created afresh (the
        # last command closed the database, which checkpoints and removes it)
        os.truncate(filler, max(0, filler.stat().st_size - 320 * 1024))
        for i in range(N):
            site.put(f"/a{i}", article(i, 9000, 0))
        p = watcher("check", "--config", str(cfg))
        state = disk / "state"  # whichever write meets the full disk first: the version's raw capture or its row
        m = one_line(p, rf"watcher: (\d+) of {N} source\(s\) checked and saved; (?:the database is full: "
                        rf"no space left for {re.escape(str(state / 'watcher.db'))} \(|the captures folder "
                        rf"{re.escape(str(state / 'captures'))} cannot be written: No space left on device)")
        saved = int(m.group(1))
        assert 0 < saved < N, p.stderr  # some versions fitted in the room left, then the disk was full
        printed = re.findall(r"^(a\d+): (new_version|unchanged)", p.stdout, re.M)
        assert len(printed) == saved, p.stdout  # one result line per source saved, nothing else
        filler.unlink()  # the operator frees space
        db = sqlite3.connect(disk / "state" / "watcher.db")
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        db.close()
        done = {sid for sid, _ in printed}
        for i in range(N):
            assert versions(cfg, f"a{i}") == (2 if f"a{i}" in done else 1), f"a{i}"  # nothing half-written
        again = watcher("check", "--config", str(cfg))
        assert again.returncode == 0, again.stderr
        assert all(versions(cfg, f"a{i}") == 2 for i in range(N))
        alerts = watcher("alerts", "--json", "--config", str(cfg)).stdout
        assert alerts.count('"estimate_changed"') == N  # each change alerted once, none lost


@pytest.fixture
def checked(site, tmp_path) -> Path:
    """A state with versions and alerts (two checks, a figure changed between them)."""
    for i in range(3):
        site.put(f"/a{i}", article(i, 7000, 0))
    cfg = write_config(tmp_path, [{"id": f"a{i}", "url": site.url(f"/a{i}")} for i in range(3)])
    assert watcher("check", "--config", str(cfg)).returncode == 0
    site.put("/a1", article(1, 9000, 0))
    assert watcher("check", "--config", str(cfg)).returncode == 0
    return cfg


READERS = [["sources"], ["alerts"], ["alerts", "--json"], ["history", "a1"], ["diff", "a1"],
           ["diff", "a1", "--format", "md"], ["claims", "a1"]]


@pytest.mark.parametrize("wal", [True, False], ids=["live-wal", "checkpointed"])
def test_reading_commands_work_on_a_read_only_state_dir(checked, tmp_path, wal):
    state = checked.parent / "state"
    if not wal:  # the last writer closed the database: no -wal/-shm file to read through
        db = sqlite3.connect(state / "watcher.db")
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()
        for extra in ("watcher.db-wal", "watcher.db-shm"):
            (state / extra).unlink(missing_ok=True)
    before = {tuple(a): watcher(*a, "--config", str(checked)).stdout for a in READERS}
    files = sorted(os.listdir(state))
    with read_only(state):
        for args in READERS:
            p = watcher(*args, "--config", str(checked))
            assert p.returncode == 0, (args, p.stderr)
            if args != ["sources"]:  # (sources shows times only)
                assert p.stdout == before[tuple(args)], args
        out = tmp_path / "elsewhere"
        p = watcher("report", "--out", str(out), "--config", str(checked))
        assert p.returncode == 0 and (out / "alerts.xml").is_file(), p.stderr
        assert sorted(os.listdir(state)) == files  # no -wal, -shm or journal created
        one_line(watcher("check", "--config", str(checked)),
                 rf"watcher: cannot check: the state directory {re.escape(str(state))} is read-only")
        t = time.monotonic()
        one_line(watcher("run", "--config", str(checked), timeout=30),
                 rf"watcher: cannot run the service: the state directory {re.escape(str(state))} is read-only")
        assert time.monotonic() - t < 20
        p = watcher("report", "--config", str(checked))  # the default folder is in the state directory
        one_line(p, r"watcher: cannot write the report to ")


HOLD = """
import sqlite3, sys, time

db = sqlite3.connect(sys.argv[1], isolation_level=None)
if sys.argv[2] == "exclusive-mode":
    db.execute("PRAGMA locking_mode=EXCLUSIVE")
    db.execute("BEGIN EXCLUSIVE")
    db.execute("UPDATE meta SET value = value WHERE key = 'app'")
else:
    db.execute("BEGIN EXCLUSIVE")
print("held", flush=True)
time.sleep(60)
"""


@contextmanager
def held(db: Path, mode: str):
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(db), mode], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
        yield
    finally:
        proc.kill()
        proc.wait()


def test_a_locked_database_gives_one_line_after_lock_timeout(checked, site):
    cfg = checked
    cfg.write_text(cfg.read_text().replace('state_dir = "state"', 'state_dir = "state"\nlock_timeout = "1s"'))
    site.put("/a2", article(2, 9500, 0))
    with held(cfg.parent / "state" / "watcher.db", "exclusive"):
        t = time.monotonic()
        p = watcher("check", "--config", str(cfg))
        elapsed = time.monotonic() - t
        one_line(p, r"watcher: 0 of 3 source\(s\) checked and saved; the database is locked by another process: "
                    r".*watcher\.db \(waited 1 s; raise lock_timeout to wait longer\)")
        assert elapsed < 15, elapsed  # one lock timeout for the pass, not one per source
        assert watcher("alerts", "--config", str(cfg)).returncode == 0  # readers are not blocked (WAL)
    p = watcher("check", "--config", str(cfg))  # the lock gone: nothing was lost, the change is found now
    assert p.returncode == 0, p.stderr
    assert "a2: new_version" in p.stdout


def test_a_database_locked_even_for_readers_is_one_line_too(checked):
    cfg = checked
    cfg.write_text(cfg.read_text().replace('state_dir = "state"', 'state_dir = "state"\nlock_timeout = "1s"'))
    with held(cfg.parent / "state" / "watcher.db", "exclusive-mode"):
        for args in (["alerts"], ["check"]):
            t = time.monotonic()
            p = watcher(*args, "--config", str(cfg))
            elapsed = time.monotonic() - t
            one_line(p, r"watcher: .*the database is locked by another process.*\(waited 1 s;")
            # what the line says is what happened: one wait of lock_timeout, not sqlite3's default 5 s
            # before it (the schema check) and again (the file probe)
            assert elapsed < 5, (args, elapsed)
