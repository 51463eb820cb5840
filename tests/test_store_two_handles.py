"""One process holding the state database open twice (the service with its API, a long test) keeps
seeing what other processes write: opening it again must not drop this process's locks, or the next
process to close its connection checkpoints and deletes the WAL under the first handle, which then
reads the database as it was long ago."""

from __future__ import annotations

import subprocess
import sys

from watcher.store import Store


def _write_elsewhere(path: str, n: int) -> None:
    """Another process opens the database, writes one row and closes it (as `watcher alerts` would)."""
    code = ("import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('create table if not exists probe(n)');"
            "c.execute('insert into probe values (?)', (int(sys.argv[2]),)); c.commit(); c.close()")
    subprocess.run([sys.executable, "-c", code, path, str(n)], check=True)


def test_a_second_open_in_one_process_keeps_the_first_handle_current(tmp_path):
    path = tmp_path / "watcher.db"
    first = Store(f"sqlite:///{path}")
    with first.transaction() as c:  # the first handle has been used: its connection is pooled, open
        c.exec_driver_sql("create table probe(n)")
    for n in range(1, 4):
        Store(f"sqlite:///{path}").close()  # a second handle in this process (a command run in-process)
        _write_elsewhere(str(path), n)
        with first.engine.connect() as c:
            seen = [r[0] for r in c.exec_driver_sql("select n from probe order by n")]
        assert seen == list(range(1, n + 1)), f"the first handle reads a stale database: {seen}"
