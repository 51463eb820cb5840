"""A whole check's politeness and cheap paths: conditional requests, same bytes, final URL, User-Agent,
proxies — through `passes.run_check` and the CLI, with a real SQLite file and real servers."""

from __future__ import annotations

import pytest

import watcher.config.model as config_mod
from watcher.passes import run_check
from watcher.store import Store

from . import sitegen as pages
from .conftest import cli, write_config
from .fixtures import fault_server as fs

TITLE, PARAS = pages.ARTICLES["county_budget"]
HTML = fs.article(TITLE, PARAS)


@pytest.fixture
def server():
    s = fs.FaultServer().start()
    yield s
    s.stop()


def check_once(cfg_path):
    cfg = config_mod.load(cfg_path)
    store = Store(cfg.database_url)
    try:
        return {r.source: r for r in run_check(cfg, store)}, store.source_states()
    finally:
        store.close()


def test_conditional_request_and_304_cost_no_extraction(server, tmp_path):
    server.routes["/a"] = fs.conditional(HTML, etag='"v1"')
    cfg = write_config(tmp_path, [{"id": "a", "url": server.url("/a")}])
    first, rows = check_once(cfg)
    assert first["a"].outcome == "baseline" and "extract" in first["a"].timings
    assert rows["a"].etag == '"v1"'
    second, _ = check_once(cfg)
    sent = [h for p, h in server.seen if p == "/a"][-1]
    assert sent.get("if-none-match") == '"v1"' and "if-modified-since" in sent
    assert second["a"].outcome == "unchanged" and "extract" not in second["a"].timings


def test_identical_bytes_skip_extraction_and_changed_bytes_do_not(server, tmp_path):
    server.routes["/a"] = fs.page(HTML)
    cfg = write_config(tmp_path, [{"id": "a", "url": server.url("/a")}])
    check_once(cfg)
    again, _ = check_once(cfg)
    assert again["a"].outcome == "unchanged" and "extract" not in again["a"].timings
    server.routes["/a"] = fs.page(HTML.replace("Mayor resigns", "Bridge reopens"))  # markup-only change
    third, _ = check_once(cfg)
    assert third["a"].outcome == "unchanged" and "extract" in third["a"].timings


def test_final_url_after_redirects_is_recorded_with_the_version(server, tmp_path):
    server.routes["/old"] = fs.redirect("/new", 301)
    server.routes["/new"] = fs.page(HTML)
    cfg = write_config(tmp_path, [{"id": "a", "url": server.url("/old")}])
    results, _ = check_once(cfg)
    assert results["a"].outcome == "baseline"
    store = Store(config_mod.load(cfg).database_url)
    assert store.versions("a")[0].url == server.url("/new")
    store.close()


def test_identifying_user_agent_and_per_source_override(server, tmp_path):
    server.routes["/a"] = fs.page(HTML)
    server.routes["/b"] = fs.page(HTML)
    cfg = write_config(tmp_path, [{"id": "a", "url": server.url("/a")},
                                  {"id": "b", "url": server.url("/b"), "user_agent": "acme-monitor/2 (ops@acme.test)"}])
    check_once(cfg)
    agents = {p: h["user-agent"] for p, h in server.seen}
    assert agents["/a"].startswith("watcher/") and "+http" in agents["/a"]
    assert agents["/b"] == "acme-monitor/2 (ops@acme.test)"


def test_robots_opt_out_per_source_in_config(server, tmp_path):
    server.routes["/robots.txt"] = fs.page("User-agent: *\nDisallow: /\n", ctype="text/plain")
    server.routes["/a"] = fs.page(HTML)
    server.routes["/b"] = fs.page(HTML)
    cfg = write_config(tmp_path, [{"id": "a", "url": server.url("/a")},
                                  {"id": "b", "url": server.url("/b"), "respect_robots": False}])
    results, rows = check_once(cfg)
    assert results["a"].outcome == "error" and "robots.txt" in rows["a"].last_error
    assert results["b"].outcome == "baseline"
    assert "/a" not in server.hits


@pytest.mark.parametrize("from_env", [False, True], ids=["config", "environment"])
def test_proxy_from_config_or_environment(server, tmp_path, monkeypatch, from_env):
    """A source on a host that does not exist, reachable only through our server acting as a proxy."""
    server.routes["/story"] = fs.page(HTML)
    cfg = write_config(tmp_path, [{"id": "far", "url": "http://watched.invalid/story"}])
    if from_env:
        monkeypatch.setenv("HTTP_PROXY", server.url(""))
    else:
        cfg.write_text(cfg.read_text() + f'\n[defaults]\nproxy = "{server.url("")}"\n')
    p = cli("check", "--json", "--config", str(cfg))
    assert p.returncode == 0, p.stderr
    assert '"outcome": "baseline"' in p.stdout, p.stdout
    assert server.hits["/story"] == 1


ROBOTS = "User-agent: *\nDisallow: /private\n"


def _age_robots(cfg_path, seconds: float) -> None:
    """Make every kept robots.txt file ``seconds`` older, as if read that long ago."""
    import sqlite3

    db = sqlite3.connect(config_mod.load(cfg_path).state_dir / "watcher.db")
    with db:
        db.execute("UPDATE robots SET fetched_at = fetched_at - ?", (seconds,))
    db.close()


def test_robots_txt_is_read_once_an_hour_across_passes_and_still_obeyed(server, tmp_path):
    """A pass from cron every few minutes asks a host for its robots.txt once an hour, not once a
    pass: the file read by one pass is kept, and the next pass obeys it without asking again."""
    server.routes["/robots.txt"] = fs.page(ROBOTS, ctype="text/plain")
    server.routes["/a"] = fs.page(HTML)
    server.routes["/private/b"] = fs.page(HTML)
    cfg = write_config(tmp_path, [{"id": "a", "url": server.url("/a")}, {"id": "b", "url": server.url("/private/b")}])
    first, _ = check_once(cfg)
    assert first["a"].outcome == "baseline" and first["b"].outcome == "error" and "robots.txt" in first["b"].message
    assert server.hits["/robots.txt"] == 1
    second, _ = check_once(cfg)  # a new process would start the same way: a new store, new politeness
    assert server.hits["/robots.txt"] == 1  # not asked again
    assert second["a"].outcome == "unchanged" and server.hits["/a"] == 2
    assert second["b"].outcome == "error" and server.hits.get("/private/b", 0) == 0  # still obeyed
    server.routes["/robots.txt"] = fs.page("User-agent: *\nDisallow:\n", ctype="text/plain")  # the site opens up
    _age_robots(cfg, 3601)  # an hour later the file is read again, and its new rules hold
    third, _ = check_once(cfg)
    assert server.hits["/robots.txt"] == 2
    assert third["b"].outcome == "baseline" and server.hits["/private/b"] == 1


@pytest.mark.parametrize(("status", "asked_again"), [(404, False), (503, True)])
def test_a_host_without_robots_txt_is_remembered_but_one_that_failed_is_asked_again(server, tmp_path, status,
                                                                                   asked_again):
    """A 4xx is the host's answer (no robots.txt: everything allowed) and is kept like a file; a
    5xx is a failure of the moment: allowed for this pass, asked again by the next."""
    server.routes["/robots.txt"] = fs.page("unavailable", status=status, ctype="text/plain")
    server.routes["/a"] = fs.page(HTML)
    cfg = write_config(tmp_path, [{"id": "a", "url": server.url("/a")}])
    first, _ = check_once(cfg)
    assert first["a"].outcome == "baseline"
    check_once(cfg)
    assert server.hits["/robots.txt"] == (2 if asked_again else 1)


def test_robots_txt_is_not_read_for_a_source_that_ignores_it(server, tmp_path):
    server.routes["/a"] = fs.page(HTML)
    cfg = write_config(tmp_path, [{"id": "a", "url": server.url("/a"), "respect_robots": False}])
    check_once(cfg)
    check_once(cfg)
    assert server.hits.get("/robots.txt", 0) == 0


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_kept_robots_files_replace_their_older_copies_and_old_ones_go(backend, tmp_path, request):
    """Two passes (or two nodes) keeping one host's file in turn leave the newer; a file read a week
    ago is forgotten; only files read since the asked time come back. On both backends (the write
    is an upsert in each one's SQL)."""
    url = request.getfixturevalue("pg_url") if backend == "postgresql" else f"sqlite:///{tmp_path / 'w.db'}"
    store = Store(url)
    try:
        with store.transaction() as c:
            store.keep_robots_files(c, {"https://a.example:443": (1000.0, ROBOTS), "https://b.example:443": (10.0, None),
                                        "https://" + "x" * 300: (1000.0, None)}, forget_before=0.0)
        with store.transaction() as c:
            store.keep_robots_files(c, {"https://a.example:443": (2000.0, "User-agent: *\nDisallow:\n")},
                                    forget_before=100.0)
        with store.transaction() as c:
            every = store.robots_files(c, ["https://a.example:443", "https://b.example:443", "https://c.example:443"], 0.0)
            recent = store.robots_files(c, ["https://a.example:443"], 2500.0)
        assert every == {"https://a.example:443": (2000.0, "User-agent: *\nDisallow:\n")}  # b forgotten, the long one never kept
        assert recent == {}
    finally:
        store.close()
