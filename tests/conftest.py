"""Shared test helpers: a real local site on 127.0.0.1, a config in a temp dir, the CLI in-process
and as a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from watcher import kinds
from watcher.demo import LocalSite

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
CLAIM_KINDS = set(kinds.CLAIM_KINDS)


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
    """Run the installed CLI as a user would (a subprocess)."""
    exe = Path(sys.executable).parent / "watcher"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "watcher"]
    env = {k: v for k, v in os.environ.items() if k != "WATCHER_CONFIG"}
    return subprocess.run(cmd + list(args), capture_output=True, text=True, timeout=timeout, cwd=cwd, env=env)


def alerts_json(cfg: Path) -> list[dict]:
    p = watcher("alerts", "--json", "--config", str(cfg))
    assert p.returncode == 0, p.stderr
    return [json.loads(line) for line in p.stdout.splitlines() if line.strip()]


def claim_alerts(rows: list[dict]) -> list[dict]:
    return [a for a in rows if a["kind"] in CLAIM_KINDS]


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
