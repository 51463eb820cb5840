"""The installed command ends without tearing the interpreter down (see ``watcher.cli.main.entry``):
what it printed must all arrive, through a pipe too, and its exit codes must be the ones it chose."""

from __future__ import annotations

import json

from .conftest import watcher, write_config


def test_the_whole_output_arrives_through_a_pipe_and_exit_codes_hold(tmp_path):
    n = 400
    cfg = write_config(tmp_path, [{"id": f"s{i:03d}", "url": f"https://example.org/a/{i}"} for i in range(n)])
    r = watcher("sources", "--json", "--config", str(cfg))
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert [row["id"] for row in rows] == [f"s{i:03d}" for i in range(n)]  # none lost at the fast exit
    bad = watcher("sources", "--config", str(tmp_path / "missing.toml"))
    assert bad.returncode == 2 and "file not found" in bad.stderr
    usage = watcher("--no-such-option")
    assert usage.returncode == 2 and "No such option" in usage.stderr
    help_ = watcher("--help")
    assert help_.returncode == 0 and "check" in help_.stdout and help_.stdout.rstrip().endswith("─╯")
