"""schemathesis against the OpenAPI document `watcher serve` publishes at /api/v1/openapi.json.

A real server on 127.0.0.1 (a `watcher serve` subprocess, with a token) over a state made by real
checks of local pages (tests/alert_state.py). schemathesis reads the document and, for every
operation, generates requests from it — examples at the edges of each parameter (coverage), random
valid and invalid ones (fuzzing), and chains of calls (stateful: review an alert, read it back,
remove a rule) — and runs all its checks on every answer: no 5xx; status codes, content types,
bodies and ``Allow`` headers as documented; valid input accepted and invalid input refused; and,
as a token is set, every operation refusing a request without it or with a wrong one.

Run as its command line (``schemathesis run``), which drives all four phases; its pytest plugin
needs pytest internals that pytest 9 no longer has.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .test_serve import serving

pytestmark = pytest.mark.slow
TOKEN = "schemathesis-token-0123456789abcdef"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
ST = Path(sys.executable).parent / "schemathesis"


@pytest.mark.skipif(not ST.exists(), reason="schemathesis (test extra) is not installed in this environment")
def test_every_operation_keeps_its_documented_contract(alert_state: Path, tmp_path: Path):
    shutil.copytree(alert_state.parent, tmp_path / "w")
    with serving(tmp_path / "w" / alert_state.name, env={"WATCHER_SERVE_TOKEN": TOKEN}, ready=AUTH) as srv:
        p = subprocess.run([str(ST), "run", f"{srv.base}/api/v1/openapi.json", "--header", f"Authorization: Bearer {TOKEN}",
                            "--checks", "all", "--max-examples", "15", "--workers", "1", "--request-timeout", "30",
                            "--generation-database", "none", "--no-color"],
                           capture_output=True, text=True, timeout=900, cwd=tmp_path)
    failures = p.stdout.find("FAILURES")
    summary = (p.stdout[failures:failures + 8000] if failures >= 0 else "") + p.stdout[-1500:]
    assert p.returncode == 0, summary
    assert "13 passed" in summary and "Tested: 13" in summary, summary  # every operation was exercised
