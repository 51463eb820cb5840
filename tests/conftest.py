"""Shared test helpers: a real local site on 127.0.0.1, a config in a temp dir, the CLI in-process
and as a subprocess."""

from __future__ import annotations

import contextlib
import fcntl
import io
import json
import logging
import os
import pickle
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import pytest
from rich.console import Console

import watcher.cli as cli_main
import watcher.cli.common as cli_mod
from watcher import kinds
from watcher.demo import LocalSite

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
CLAIM_KINDS = set(kinds.CLAIM_KINDS)
T = TypeVar("T")
pytest_plugins = ["tests.pg"]  # the pg_url fixture: a PostgreSQL database of its own per test


@dataclass
class Site:
    """The package's local site (watcher.demo.localsite.LocalSite) with pages the test edits between checks,
    a count of hits per path and an ``on_request`` hook."""

    pages: dict[str, tuple[int, str, bytes]] = field(default_factory=dict)
    hits: dict[str, int] = field(default_factory=dict)

    def start(self) -> Site:
        self.local = LocalSite(self._answer)
        self.server = self.local.server
        return self

    def _answer(self, path: str) -> tuple[int, str, bytes] | None:
        self.on_request(path)
        self.hits[path] = self.hits.get(path, 0) + 1
        return self.pages.get(path)

    def on_request(self, path: str) -> None:
        """Called before a request is answered: a subclass may record, delay or hold it."""

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    def put(self, path: str, html: str | bytes, status: int = 200, ctype: str = "text/html; charset=utf-8"):
        self.pages[path] = (status, ctype, html.encode("utf-8") if isinstance(html, str) else html)

    def stop(self) -> None:
        self.local.close()


@pytest.fixture
def site():
    s = Site().start()
    yield s
    s.stop()


def write_config(tmp: Path, sources: list[dict], **top) -> Path:
    """A config file in ``tmp`` with ``sources`` (dicts of keys) and top-level keys."""
    lines = [f'state_dir = "{top.pop("state_dir", "state")}"']
    for k, v in top.items():
        lines.append(f"{k} = {json.dumps(v)}")
    for s in sources:
        lines.append("\n[[sources]]")
        for k, v in s.items():
            lines.append(f"{k} = {json.dumps(str(v) if isinstance(v, Path) else v)}")
    path = tmp / "watcher.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def watcher(*args: str, cwd: Path | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run the installed CLI as a user would (a subprocess): for tests about the process itself —
    exit codes and stderr of the real command, signals, two processes at once, logging."""
    exe = Path(sys.executable).parent / "watcher"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "watcher"]
    env = {k: v for k, v in os.environ.items() if k != "WATCHER_CONFIG"}
    return subprocess.run(cmd + list(args), capture_output=True, text=True, timeout=timeout, cwd=cwd, env=env)


def _unhandled(record: logging.LogRecord) -> bool:
    """Whether the real process would hand ``record`` to Python's last-resort handler: no logger
    between it and the (handler-less) root has a handler of its own (apprise has one: its records
    do not reach a terminal)."""
    lg: logging.Logger | None = logging.getLogger(record.name)
    while lg is not None and lg is not logging.getLogger():
        if lg.handlers:
            return False
        lg = lg.parent if lg.propagate else None
    return True


@dataclass(frozen=True)
class Ran:
    """What an in-process run of the CLI returned, shaped like a finished subprocess."""

    returncode: int
    stdout: str
    stderr: str


def cli(*args: str, cwd: Path | None = None) -> Ran:
    """Run the CLI in this process: ``watcher.cli.main`` with ``args`` as its argv, stdout and stderr
    captured, the exit code taken from its ``SystemExit``.

    The same code path as the installed command — argument parsing, the commands, the mapping of
    user errors to exit 2 — without a process start (about half a second each: Python, SQLAlchemy,
    trafilatura, then extraction workers importing them again). For tests about what a command does;
    :func:`watcher` runs the real process where the process is what a test is about. The terminal
    console is replaced for the run, as wide as the command makes it when its output is not a
    terminal. Warnings and errors logged during the run are written to its ``stderr`` as the real
    command writes them (a command other than ``watcher run`` configures no logging, so Python's
    last-resort handler prints each record's message), so a test of what reaches the terminal — a
    secret that must not — sees the same text either way."""
    out, err = io.StringIO(), io.StringIO()
    saved = cli_mod.out, sys.argv, os.environ.pop("WATCHER_CONFIG", None)
    cli_mod.out = Console(file=out, highlight=False, width=160)
    sys.argv = ["watcher", *args]
    logged = logging.StreamHandler(err)
    logged.setLevel(logging.WARNING)
    logged.addFilter(_unhandled)
    logging.getLogger().addHandler(logged)
    code = 0
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), \
                (contextlib.chdir(cwd) if cwd else contextlib.nullcontext()):
            try:
                cli_main.main()
            except SystemExit as e:
                code = e.code if isinstance(e.code, int) else int(e.code is not None)
    finally:
        logging.getLogger().removeHandler(logged)
        cli_mod.out, sys.argv = saved[0], saved[1]
        if saved[2] is not None:
            os.environ["WATCHER_CONFIG"] = saved[2]
    return Ran(code, out.getvalue(), err.getvalue())


@pytest.fixture
def run(monkeypatch, capsys):
    """The console-script entry point in-process (many cases; a subprocess each would cost seconds)."""
    from watcher import cli

    def go(*args: str) -> subprocess.CompletedProcess:
        monkeypatch.setattr("sys.argv", ["watcher", *args])
        with pytest.raises(SystemExit) as exit_:
            cli.main()
        out, err = capsys.readouterr()
        return subprocess.CompletedProcess(args, exit_.value.code, out, err)
    return go


def alerts_json(cfg: Path) -> list[dict]:
    p = cli("alerts", "--json", "--config", str(cfg))
    assert p.returncode == 0, p.stderr
    return [json.loads(line) for line in p.stdout.splitlines() if line.strip()]


def claim_alerts(rows: list[dict]) -> list[dict]:
    return [a for a in rows if a["kind"] in CLAIM_KINDS]


def once_per_run(tmp_path_factory: pytest.TempPathFactory, worker_id: str, name: str, make: Callable[[], T]) -> T:
    """``make()`` once per test run, however many xdist workers need it (the xdist recipe).

    A session fixture runs once per worker; for one that costs half a minute (the scored eval set,
    every real page extracted) the workers would each pay it. The first worker to get here computes
    it under a lock and pickles it into the run's shared temporary folder; the others wait for the
    lock and read it. Without xdist (``worker_id`` "master") it is simply computed."""
    if worker_id == "master":
        return make()
    root = tmp_path_factory.getbasetemp().parent  # one folder per run, shared by its workers
    cached = root / f"{name}.pickle"
    with (root / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if cached.exists():
            return pickle.loads(cached.read_bytes())
        value = make()
        cached.write_bytes(pickle.dumps(value))
        return value


@pytest.fixture(scope="session")
def alert_state(tmp_path_factory) -> Path:
    """A config whose state holds real alerts (see tests/alert_state.py); do not modify it."""
    from .alert_state import build_state

    return build_state(tmp_path_factory.mktemp("alert-state"))


@pytest.fixture
def alert_copy(alert_state: Path, tmp_path: Path) -> Path:
    """A private copy of ``alert_state`` for a test that marks alerts reviewed."""
    import shutil

    shutil.copytree(alert_state.parent, tmp_path / "w")
    return tmp_path / "w" / alert_state.name


def pytest_configure(config: pytest.Config) -> None:
    """Byte-compile the package once per run, in the controller. Many tests run ``watcher`` as a
    subprocess; where ``PYTHONDONTWRITEBYTECODE`` is set (as on our machines) nothing would cache the
    compiled modules of an editable install, and each of those processes would compile ~100 modules
    from source again (~50 ms of CPU each). Stale files are recompiled, so edits are always seen."""
    if not hasattr(config, "workerinput"):
        import compileall

        compileall.compile_dir(str(ROOT / "src"), quiet=1)


LONGEST_FIRST = ("tests/test_cluster.py", "tests/test_api_schema.py", "tests/test_stress.py", "tests/test_eval.py")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Start the longest modules first: with pytest-xdist the run ends with its last test, and a
    100-second cluster test picked up late would leave the other workers idle at the end."""
    def rank(item: pytest.Item) -> int:
        path = item.nodeid.split("::")[0]
        return LONGEST_FIRST.index(path) if path in LONGEST_FIRST else len(LONGEST_FIRST)
    items.sort(key=rank)
