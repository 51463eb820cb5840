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
