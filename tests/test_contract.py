"""The binding CLI / config / alert-JSON contract (../shared/contract/check.py) holds."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import SHARED

CHECK = SHARED / "contract" / "check.py"
pytestmark = pytest.mark.slow  # `make test-fast` leaves it out; `make test` and CI run it


@pytest.mark.skipif(not CHECK.exists(), reason="../shared/contract/check.py is not beside this checkout")
def test_contract_check_passes():
    exe = shutil.which("watcher", path=str(Path(sys.executable).parent)) or "watcher"
    p = subprocess.run([sys.executable, str(CHECK), "--watcher", exe], capture_output=True, text=True, timeout=600)
    assert p.returncode == 0, p.stdout + p.stderr
    assert "0 failed" in p.stdout
