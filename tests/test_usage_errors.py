"""Usage errors are usage errors: exit 2 with the usage line, never "internal error"; source ids are
exactly ``[a-z0-9_-]+`` (no trailing newline); a state database whose schema version is not a
number is refused with one line, untouched."""

from __future__ import annotations

import hashlib
import json
import sqlite3

import pytest

from watcher.config import ConfigError, load

from .conftest import watcher, write_config
from .test_config_errors import one_line_error


def usage_error(p, *words):
    assert p.returncode == 2, (p.returncode, p.stdout, p.stderr)
    assert "internal error" not in p.stderr and "Traceback" not in p.stderr, p.stderr
    assert "Usage: watcher" in p.stderr, p.stderr
    for w in words:
        assert w in p.stderr, (w, p.stderr)


def test_an_option_before_the_command_is_a_usage_error(tmp_path, run):
    cfg = write_config(tmp_path, [{"id": "x", "url": "https://e.org/a"}])
    p = run("--config", str(cfg), "check")
    usage_error(p, "No such option: --config", "watcher COMMAND --config FILE")


@pytest.mark.parametrize("args, words", [
    (["check", "--bogus"], ["No such option: --bogus", "watcher check"]),
    (["diff"], ["Missing argument 'ID'", "watcher diff"]),
    (["history"], ["Missing argument 'ID'"]),
    (["claims"], ["Missing argument 'ID'"]),
    (["frobnicate"], ["No such command 'frobnicate'"]),
    (["serve", "--port", "many"], ["Invalid value for '--port'"]),
    (["diff", "x", "one"], ["Invalid value for '[FROM]'"]),
])
def test_bad_command_lines_are_usage_errors(args, words, run):
    usage_error(run(*args), *words)


def test_an_option_missing_its_value_is_a_usage_error(run):
    p = run("alerts", "--source")
    assert p.returncode == 2 and "internal error" not in p.stderr, p.stderr
    assert "'--source' requires an argument" in p.stderr and "watcher --help" in p.stderr, p.stderr


@pytest.mark.parametrize("bad", ["ok\n", "ok\r\n", "OK", "ok ok", "ok/..", "ök", ""])
def test_source_ids_are_exactly_lowercase_letters_digits_dash_underscore(tmp_path, run, bad):
    cfg = tmp_path / "watcher.toml"
    body = '[[sources]]\nid = "ok"\nurl = "https://e.org/a"\n\n[[sources]]\nid = %s\nurl = "https://e.org/b"\n'
    cfg.write_text(body % json.dumps(bad), encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        load(cfg)
    assert e.value.field == "id"
    p = run("sources", "--config", str(cfg))
    one_line_error(p, "field 'id'")


def test_a_schema_version_that_is_no_number_is_refused_untouched(tmp_path, run):
    cfg = write_config(tmp_path, [{"id": "x", "url": "https://e.org/a"}])
    assert watcher("alerts", "--config", str(cfg)).returncode == 0  # creates the state database (and lets go of it)
    db = tmp_path / "state" / "watcher.db"
    c = sqlite3.connect(db)
    c.execute("update meta set value = 'abc' where key = 'schema'")
    c.commit()
    c.close()
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    for cmd in ("alerts", "check", "sources"):
        one_line_error(run(cmd, "--config", str(cfg)), "schema version 'abc'", str(db))
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
