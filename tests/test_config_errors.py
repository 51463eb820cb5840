"""More config errors, each exit 2 with one line naming file, source and field — no traceback, and
no URL other than http(s) ever accepted (so no local file is read through a source)."""

from __future__ import annotations

import pytest

from watcher.config import load

from .conftest import watcher

SRC = '[[sources]]\nid = "x"\nurl = "https://e.org/a"\n'


def one_line_error(p, *words):
    assert p.returncode == 2, (p.returncode, p.stdout, p.stderr)
    assert "Traceback" not in p.stderr and len(p.stderr.strip().splitlines()) == 1, p.stderr
    for w in words:
        assert w in p.stderr, (w, p.stderr)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "FILE:///etc/passwd", "ftp://e.org/a", "data:text/html,hi",
                                 "javascript:alert(1)", "gopher://e.org/", "/etc/passwd", "e.org/a",
                                 "https://", "http:///path", "https://e.org/a b", "https://e.org:99999/a"])
def test_only_web_urls_with_a_host(tmp_path, run, url):
    cfg = tmp_path / "watcher.toml"
    cfg.write_text(f'[[sources]]\nid = "src-1"\nurl = "{url}"\n')
    one_line_error(run("check", "--config", str(cfg)), str(cfg), "source 'src-1'", "field 'url'")


@pytest.mark.parametrize("body, words", [
    (SRC + 'interval = 0\n', ["'x'", "'interval'", "positive"]),
    (SRC + 'interval = -5\n', ["'x'", "'interval'", "positive"]),
    (SRC + 'interval = true\n', ["'x'", "'interval'", "not a duration"]),
    (SRC + 'interval = "1 fortnight"\n', ["'x'", "'interval'", "fortnight"]),
    (SRC + 'timeout = "fast"\n', ["'x'", "'timeout'", "fast"]),
    (SRC + 'connect_timeout = 0\n', ["'x'", "'connect_timeout'"]),
    (SRC + 'read_timeout = "-1s"\n', ["'x'", "'read_timeout'"]),
    (SRC + 'retries = -1\n', ["'x'", "'retries'"]),
    (SRC + 'max_bytes = 0\n', ["'x'", "'max_bytes'"]),
    (SRC + 'max_decompressed = "lots"\n', ["'x'", "'max_decompressed'"]),
    (SRC + 'min_delay = "soon"\n', ["'x'", "'min_delay'", "soon"]),
    (SRC + 'respect_robot = false\n', ["'x'", "unknown key 'respect_robot'"]),
    (SRC + '[sources.extract]\nexclude = ["div[[x"]\n', ["'x'", "'extract.exclude'", "invalid CSS selector"]),
    (SRC + '[sources.extract]\ninclude = ["//div[@"]\n', ["'x'", "'extract.include'", "invalid XPath"]),
    (SRC + '[sources.extract]\nexclude = "aside"\n', ["'x'", "'extract.exclude'"]),
    (SRC + '[sources.extract]\nprune = ["aside"]\n', ["'x'", "unknown key 'extract.prune'"]),
    ('[defaults]\ntimeuot = "5s"\n', ["field 'defaults.timeuot'", "unknown key"]),
    ('[defaults]\nproxy = "socks9://p:1"\n', ["'defaults.proxy'", "http"]),
    ('[defaults]\nmin_delay = -1\n', ["'defaults.min_delay'"]),
    ('[defaults]\ninterval = "0m"\n', ["'defaults.interval'", "positive"]),
    ('sources = ["x"]\n', ["field 'sources'"]),
    ('[[sources]]\nid = "x"\n', ["'x'", "required key 'url'"]),
    ('\n\n[[sources]]\nid = "x"\nurl = "https://e.org/a\n', ["malformed TOML", "line 5"]),
    ('state_dir = "a"\nstate_dir = "b"\n', ["malformed TOML", "line 2"]),
])
def test_bad_values_name_file_source_and_field(tmp_path, run, body, words):
    cfg = tmp_path / "watcher.toml"
    cfg.write_text(body)
    one_line_error(run("check", "--config", str(cfg)), str(cfg), *words)


def test_errors_in_included_files_name_the_included_file(tmp_path, run):
    (tmp_path / "sources").mkdir()
    main = tmp_path / "watcher.toml"
    main.write_text('include = ["sources/*.toml"]\n' + SRC)
    inc = tmp_path / "sources" / "more.toml"
    for body, words in [('[[sources]]\nid = "y"\nurl = "https://e.org/y"\n[[sources]\n', ["malformed TOML", "line 4"]),
                        ('[defaults]\ninterval = "1h"\n', ["unknown key 'defaults'"]),
                        ('[[sources]]\nid = "y"\nurl = "file:///etc/passwd"\n', ["source 'y'", "field 'url'"]),
                        (SRC, ["source 'x'", "duplicate source id", str(main)])]:
        inc.write_text(body)
        one_line_error(run("check", "--config", str(main)), str(inc), *words)


def test_fetch_keys_fall_back_to_defaults_and_zero_delay_is_allowed(tmp_path):
    cfg = tmp_path / "watcher.toml"
    cfg.write_text('[defaults]\nread_timeout = "7s"\nretries = 0\nmin_delay = "2s"\nmax_decompressed = 5000000\n'
                   'proxy = "http://127.0.0.1:3128"\n'
                   + SRC + '\n[[sources]]\nid = "y"\nurl = "https://e.org/y"\nmin_delay = 0\nretries = 4\n'
                   'connect_timeout = "3s"\nmax_bytes = 1000\n')
    c = load(cfg)
    x, y = c.source("x"), c.source("y")
    assert (x.read_timeout, x.retries, x.min_delay, x.max_decompressed, x.connect_timeout) == (7, 0, 2, 5_000_000, 10)
    assert (y.min_delay, y.retries, y.connect_timeout, y.max_bytes, y.read_timeout) == (0, 4, 3, 1000, 7)
    assert c.defaults.proxy == "http://127.0.0.1:3128"


def test_the_installed_command_reports_a_refused_url_the_same_way(tmp_path):
    cfg = tmp_path / "watcher.toml"
    cfg.write_text('[[sources]]\nid = "local"\nurl = "file:///etc/passwd"\n')
    one_line_error(watcher("check", "--config", str(cfg)), str(cfg), "source 'local'", "field 'url'")
