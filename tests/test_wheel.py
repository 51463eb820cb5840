"""The wheel is whole: `watcher demo` runs from an installed wheel, in a folder of its own.

Builds the wheel (no network: `--no-deps`, no build isolation), unpacks it into a folder that
shadows this checkout on ``sys.path``, and runs the demo from an unrelated working directory —
the seeds and templates must come from the wheel, not from the source tree.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.slow  # `make test-fast` leaves it out; `make test` and CI run it


def test_demo_runs_from_an_installed_wheel(tmp_path):
    dist = tmp_path / "dist"
    p = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                        "-w", str(dist), str(ROOT)], capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr
    wheel = next(dist.glob("watcher-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert any(n.startswith("watcher/demo/seeds/") and n.endswith(".txt") for n in names), names
    assert any(n.startswith("watcher/report/templates/") for n in names), names
    # the schema migrations are package data: the demo's new database is made by them, from the wheel
    assert {"watcher/store/migrations/env.py", "watcher/store/migrations/script.py.mako",
            "watcher/store/migrations/versions/0001_baseline.py"} <= set(names), names
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "WATCHER_CONFIG"}
    env["PYTHONPATH"] = str(site)
    where = subprocess.run([sys.executable, "-c", "import watcher; print(watcher.__file__)"], cwd=elsewhere,
                           env=env, capture_output=True, text=True, timeout=60)
    assert where.stdout.startswith(str(site)), where.stdout + where.stderr
    demo = subprocess.run([sys.executable, "-m", "watcher", "demo", "--keep", str(tmp_path / "out")], cwd=elsewhere,
                          env=env, capture_output=True, text=True, timeout=300)
    assert demo.returncode == 0, demo.stdout[-2000:] + demo.stderr[-2000:]
    assert "estimate_changed" in demo.stdout and "HTML report" in demo.stdout, demo.stdout[-2000:]
