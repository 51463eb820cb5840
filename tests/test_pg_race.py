"""Several watchers opening one empty PostgreSQL database at the same moment all come up.

Before schema creation took an advisory lock, two processes creating the tables at once raced in
PostgreSQL's catalog: ``duplicate key value violates unique constraint "pg_type_typname_nsp_index"
Key (typname, typnamespace)=(meta, 2200) already exists`` (issue 18). Each round here starts four
processes that wait at a barrier, then open the store together.
"""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from .pg import create_db, drop_db, need_pg, url_of

pytestmark = pytest.mark.slow  # end-to-end: real processes, locks and timeouts (make test-fast leaves it out)

OPEN = """
import os, sys, time
from watcher.store import Store

open(sys.argv[2] + ".ready", "w").close()
while not os.path.exists(sys.argv[3]):
    time.sleep(0.0005)
Store(sys.argv[1]).close()
"""


def _round(tmp_path, k: int, n: int = 4) -> list[subprocess.CompletedProcess]:
    name = create_db()
    try:
        go = tmp_path / f"go{k}"
        procs = [subprocess.Popen([sys.executable, "-c", OPEN, url_of(name), str(tmp_path / f"p{k}_{i}"), str(go)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for i in range(n)]
        deadline = time.monotonic() + 60
        while len(list(tmp_path.glob(f"p{k}_*.ready"))) < n and time.monotonic() < deadline:
            time.sleep(0.01)
        go.touch()
        out = []
        for p in procs:
            stdout, stderr = p.communicate(timeout=120)
            out.append(subprocess.CompletedProcess(p.args, p.returncode, stdout, stderr))
        return out
    finally:
        drop_db(name)


def test_processes_opening_an_empty_database_together_all_succeed(tmp_path):
    need_pg()
    failures = []
    for k in range(3):
        failures += [p.stderr.strip().splitlines()[-1] for p in _round(tmp_path, k) if p.returncode != 0]
    assert failures == [], failures
