"""Config errors: exit 2 with a one-line message naming file, source and field; no traceback."""

from __future__ import annotations

import pytest

from watcher.config import ConfigError, load, parse_duration

from .conftest import ROOT, cli


def run_with(tmp_path, text):
    cfg = tmp_path / "watcher.toml"
    cfg.write_text(text)
    return cfg, cli("check", "--config", str(cfg))


@pytest.mark.parametrize("body, words", [
    ('[[sources]]\nid = "x"\nurl = "https://example.org/a"\nintervall = "1h"\n', ["intervall", "'x'"]),
    ('[[sources]]\nid = "x"\nurl = "file:///etc/passwd"\n', ["url", "'x'", "http"]),
    ('[[sources]]\nid = "x"\nurl = "https://example.org/a"\ninterval = "0s"\n', ["interval", "positive"]),
    ('[[sources]]\nid = "x"\nurl = "https://example.org/a"\ninterval = "soon"\n', ["interval", "soon"]),
    ('[[sources]]\nid = "x"\nurl = "https://e.org/a"\n[[sources]]\nid = "x"\nurl = "https://e.org/b"\n',
     ["duplicate", "'x'"]),
    ('[[sources]]\nid = "Bad Id"\nurl = "https://e.org/a"\n', ["id"]),
    ('[[sources]]\nid = "x"\nurl = "https://e.org/a"\nbaseline = "nope.txt"\n', ["baseline", "nope.txt"]),
    ('[[sources]\nid = "x"\n', ["malformed TOML", "line 1"]),
    ('stat_dir = "s"\n', ["stat_dir"]),
])
def test_bad_config_exits_2_naming_the_problem(tmp_path, body, words):
    cfg, p = run_with(tmp_path, body)
    assert p.returncode == 2, (p.returncode, p.stderr)
    assert str(cfg) in p.stderr
    for w in words:
        assert w in p.stderr, (w, p.stderr)
    assert "Traceback" not in p.stderr and len(p.stderr.strip().splitlines()) == 1


def test_bundled_config_loads_with_both_seeds_as_baselines():
    cfg = load(ROOT / "config" / "watcher.toml")
    assert {s.id for s in cfg.sources} == {"rs-putin-kim-pyongyang", "rand-putin-kim-limits"}
    assert all(s.baseline and s.baseline.parent == (ROOT / "seeds").resolve() for s in cfg.sources)
    assert cfg.state_dir == ROOT / "state"
    rand = cfg.source("rand-putin-kim-limits")
    assert rand.url == "https://www.rand.org/pubs/commentary/2024/04/putins-embrace-of-kim-jong-un-has-its-limits.html"


def test_included_files_add_sources_and_durations_parse(tmp_path):
    (tmp_path / "sources").mkdir()
    (tmp_path / "watcher.toml").write_text('include = ["sources/*.toml"]\n[defaults]\ninterval = "30m"\n')
    (tmp_path / "sources" / "a.toml").write_text('[[sources]]\nid = "a"\nurl = "https://e.org/a"\ninterval = 90\n')
    (tmp_path / "sources" / "b.toml").write_text('[[sources]]\nid = "b"\nurl = "https://e.org/b"\n')
    cfg = load(tmp_path / "watcher.toml")
    assert [(s.id, s.interval) for s in cfg.sources] == [("a", 90.0), ("b", 1800.0)]
    assert cfg.state_dir == (tmp_path.parent / "state").resolve()
    (tmp_path / "sources" / "c.toml").write_text('[[sources]]\nid = "a"\nurl = "https://e.org/c"\n')
    with pytest.raises(ConfigError, match="c.toml.*duplicate"):
        load(tmp_path / "watcher.toml")


def test_durations():
    assert [parse_duration(x) for x in (90, "90s", "30m", "6h", "1d", "1.5h")] == [90, 90, 1800, 21600, 86400, 5400]
    for bad in (0, -5, "0m", "", "1y", True, None):
        with pytest.raises(ValueError):
            parse_duration(bad)
