"""A state database that is not ours, or is broken, stops the program with a clear message (exit 2)
and is left exactly as it was."""

from __future__ import annotations

import hashlib
import os
import sqlite3

import pytest

from .conftest import cli, watcher, write_config


def state(tmp_path):
    cfg = write_config(tmp_path, [{"id": "x", "url": "https://e.org/a"}])
    db = tmp_path / "state" / "watcher.db"
    db.parent.mkdir(parents=True, exist_ok=True)
    return cfg, db


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def foreign_app(db):
    c = sqlite3.connect(db)
    c.execute("create table notes (id integer primary key, body text)")
    c.execute("insert into notes (body) values ('my notes')")
    c.commit()
    c.close()


def foreign_meta(db):
    c = sqlite3.connect(db)
    c.execute("create table meta (key text primary key, value text)")
    c.execute("insert into meta values ('app', 'photo-organiser')")
    c.commit()
    c.close()


def random_bytes(db):
    db.write_bytes(os.urandom(64 * 1024))


def corrupt_sqlite(db):
    c = sqlite3.connect(db)
    c.execute("create table t (x)")
    c.execute("insert into t values (randomblob(200000))")
    c.commit()
    c.close()
    data = db.read_bytes()
    db.write_bytes(data[:100] + os.urandom(len(data) - 100))  # valid header, garbage pages


@pytest.mark.parametrize("make, words", [
    (random_bytes, ["not a SQLite database", "move it away"]),
    (foreign_app, ["belongs to another program"]),
    (foreign_meta, ["belongs to another program"]),
    (corrupt_sqlite, ["cannot open state database", "corrupt"]),
])
def test_foreign_or_corrupt_state_database_exits_2_and_is_not_touched(tmp_path, make, words):
    cfg, db = state(tmp_path)
    make(db)
    before = digest(db)
    for cmd in (["check"], ["sources"], ["alerts"]):
        p = cli(*cmd, "--config", str(cfg))
        assert p.returncode == 2, (cmd, p.returncode, p.stderr)
        assert str(db) in p.stderr and "Traceback" not in p.stderr and len(p.stderr.strip().splitlines()) == 1
        for w in words:
            assert w in p.stderr, (w, p.stderr)
    assert digest(db) == before


def test_a_directory_in_place_of_the_database_is_a_clear_error(tmp_path):
    cfg, db = state(tmp_path)
    db.mkdir()
    p = watcher("sources", "--config", str(cfg))
    assert p.returncode == 2 and "is not a file" in p.stderr, p.stderr
