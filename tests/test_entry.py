"""The installed command ends without tearing the interpreter down (see ``watcher.cli.main.entry``):
what it printed must all arrive, through a pipe too, and its exit codes must be the ones it chose.
It starts with the garbage collector off and turns it on for the work (see ``watcher.startup``)."""

from __future__ import annotations

import gc
import json
import subprocess
import sys

from .conftest import cli, watcher, write_config


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


# How the command starts (watcher.startup): the collector is off while it imports and reads its
# config, then on for the work, with what start-up made frozen. Read at the process's exit, from
# the entry the installed script calls: a command that left the collector off would keep every
# cycle of a long pass or of the service.
_AT_EXIT = ("import atexit, gc, sys\n"
            "atexit.register(lambda: print('collector', gc.isenabled(), gc.get_freeze_count(), file=sys.stderr))\n"
            "sys.argv = ['watcher'] + sys.argv[1:]\n"
            "from watcher.__main__ import entry\n"
            "entry()\n")


def _collector_at_exit(*args: str) -> tuple[bool, int]:
    r = subprocess.run([sys.executable, "-c", _AT_EXIT, *args], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    _, enabled, frozen = r.stderr.strip().splitlines()[-1].split()
    return enabled == "True", int(frozen)


def test_a_command_works_with_the_collector_on_and_start_up_frozen(tmp_path):
    cfg = write_config(tmp_path, [{"id": "s1", "url": "https://example.org/a"}])
    for args in (["sources", "--json"], ["db", "current"]):
        enabled, frozen = _collector_at_exit(*args, "--config", str(cfg))
        assert enabled, args
        assert frozen > 10_000, (args, frozen)  # the libraries' modules and classes, not walked again


def test_the_cli_run_inside_another_program_leaves_its_collector_alone(tmp_path):
    cfg = write_config(tmp_path, [{"id": "s1", "url": "https://example.org/a"}])
    frozen = gc.get_freeze_count()
    r = cli("sources", "--json", "--config", str(cfg))
    # nothing frozen by the command (frozen objects that die leave the count, so it may fall)
    assert r.returncode == 0 and gc.isenabled() and gc.get_freeze_count() <= frozen
