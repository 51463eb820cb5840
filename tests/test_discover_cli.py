"""What a user sees of feeds: ``watcher check`` reading them first, ``watcher discover``, the JSON
Lines of ``watcher sources`` and ``watcher history``, reports grouped by feed, the feed's own
warnings, notifications of discovered articles, and config mistakes in ``[[feeds]]``."""

from __future__ import annotations

import json
import time

import pytest

from .conftest import alerts_json, watcher
from .feedsite import Outlet
from .fixtures.receivers import Receiver
from .test_discover_store import story

pytestmark = [pytest.mark.slow, pytest.mark.filterwarnings("ignore::DeprecationWarning:apprise")]


@pytest.fixture
def outlet():
    o = Outlet().start()
    o.add("budget-deficit", "Budget deficit widens", story(), when=time.time() - 900)
    o.add("rates-held", "Central bank holds rates", story(topic="rates"), when=time.time() - 600)
    yield o
    o.stop()


def setup(tmp_path, outlet, defaults: str = "", top: str = ""):
    cfg = tmp_path / "watcher.toml"
    cfg.write_text(f'''state_dir = "state"
{top}
[[sources]]
id = "front"
url = "{outlet.url('/news/')}"
respect_robots = false

[[feeds]]
id = "outlet"
url = "{outlet.url('/rss.xml')}"
kind = "rss"
title = "The Outlet"
[feeds.defaults]
respect_robots = false
{defaults}
''', encoding="utf-8")
    return cfg


def lines(p) -> list[dict]:
    assert p.returncode == 0, p.stderr
    return [json.loads(line) for line in p.stdout.splitlines() if line.strip()]


def test_check_reads_the_feeds_first_and_sources_and_history_print_json_lines(outlet, tmp_path):
    cfg = setup(tmp_path, outlet)
    first = watcher("check", "--config", str(cfg))
    assert first.returncode == 0, first.stderr
    assert "feed outlet: ok, 2 new article(s) of 2 listed" in first.stdout
    assert first.stdout.count(": baseline (version 1)") == 3  # the config's source and both articles
    rows = {r["id"]: r for r in lines(watcher("sources", "--json", "--config", str(cfg)))}
    assert rows["front"]["feed"] is None and rows["front"]["interval"] == 3600 and not rows["front"]["ladder"]
    art = next(r for r in rows.values() if r["feed"] == "outlet" and "budget" in r["id"])
    assert art["url"] == outlet.article_url("budget-deficit") and art["ladder"] and art["interval"] is None
    assert art["title"] == "Budget deficit widens" and art["health"] == "ok" and art["last_check"]
    assert art["next_check"] > art["last_check"]  # a 15-minute-old article: every 15 minutes
    assert {"id", "url", "feed", "last_check", "next_check", "last_change", "first_seen", "published"} <= set(art)
    table = watcher("sources", "--config", str(cfg))
    assert "outlet" in table.stdout and "ladder" in table.stdout and "next run" in table.stdout
    assert "feeds" in table.stdout and "rss" in table.stdout

    outlet.edit("budget-deficit", story("3.4"))
    quiet = watcher("check", "--no-discover", "--json", "--config", str(cfg))
    results = {r["source"]: r for r in lines(quiet)}
    assert "outlet" not in results and results[art["id"]]["alerts"] == ["estimate_changed"]
    versions = lines(watcher("history", art["id"], "--json", "--config", str(cfg)))
    assert [(v["version"], v["baseline"], v["origin"]) for v in versions] == [(1, True, "fetch"), (2, False, "fetch")]
    assert versions[0]["source"] == art["id"] and versions[1]["paragraphs"] == 4
    gone = watcher("history", "nope", "--config", str(cfg))
    assert gone.returncode == 2 and "no source with id 'nope'" in gone.stderr


def test_discover_alone_and_the_report_groups_sources_by_feed(outlet, tmp_path):
    cfg = setup(tmp_path, outlet)
    out = lines(watcher("discover", "--json", "--config", str(cfg)))
    assert [(o["feed"], o["outcome"], o["new_count"]) for o in out] == [("outlet", "ok", 2)]
    assert watcher("check", "--no-discover", "--config", str(cfg)).returncode == 0
    outlet.extra["/rss.xml"] = (500, "text/plain", b"down")
    failing = watcher("discover", "--config", str(cfg))
    assert failing.returncode == 0 and "feed outlet: error" in failing.stdout and "HTTP 500" in failing.stdout
    (warning,) = [a for a in alerts_json(cfg) if a["kind"] == "source_warning"]
    assert warning["source"] == "outlet"
    unknown = watcher("discover", "nope", "--config", str(cfg))
    assert unknown.returncode == 2 and "no feed with id 'nope'" in unknown.stderr

    assert watcher("report", "--config", str(cfg)).returncode == 0
    site = tmp_path / "state" / "report"
    index = (site / "index.html").read_text(encoding="utf-8")
    feed_row, front_row = index.index("source-outlet.html"), index.index("source-front.html")
    article_rows = [index.index(f"source-outlet-{slug}") for slug in ("budget-deficit", "rates-held")]
    assert front_row < feed_row < min(article_rows)  # the config's sources, then the feed and its articles
    feed_page = (site / "source-outlet.html").read_text(encoding="utf-8")
    assert "The Outlet" in feed_page and "HTTP 500" in feed_page  # the feed's warning has its page
    article = next(site.glob("source-outlet-budget-deficit-*.html")).read_text(encoding="utf-8")
    assert 'href="source-outlet.html"' in article


def test_alerts_of_discovered_articles_go_to_the_feeds_notifiers(outlet, tmp_path):
    receiver = Receiver()
    try:
        cfg = setup(tmp_path, outlet, defaults=f'notify = ["{receiver.url()}"]')
        assert watcher("check", "--config", str(cfg)).returncode == 0
        outlet.edit("rates-held", story("3.7", "rates"))
        assert watcher("check", "--config", str(cfg)).returncode == 0
        [payload] = receiver.payloads
        assert payload["title"] == "Estimate changed — Central bank holds rates"
        assert "3.1 percent → 3.7 percent" in payload["message"]
    finally:
        receiver.stop()


@pytest.mark.parametrize("feeds, where, words", [
    ('[[feeds]]\nid = "x"\nurl = "https://o.test/rss"\nkind = "rdf"', "feed 'x': field 'kind'", "'rss'"),
    ('[[feeds]]\nid = "front"\nurl = "https://o.test/rss"\nkind = "rss"', "feed 'front': field 'id'", "must differ"),
    ('[[feeds]]\nid = "x"\nurl = "https://o.test/rss"\nkind = "rss"\n[feeds.defaults]\ninterval = "1h"',
     "feed 'x': field 'defaults.interval'", "only with ladder = false"),
    ('[retention]\nmax_versions = 0', "field 'retention.max_versions'", "greater than or equal to 1"),
])
def test_feed_mistakes_are_one_line_naming_file_feed_and_field(tmp_path, feeds, where, words):
    cfg = tmp_path / "watcher.toml"
    cfg.write_text(f'state_dir = "state"\n[[sources]]\nid = "front"\nurl = "https://o.test/"\n{feeds}\n')
    p = watcher("sources", "--config", str(cfg))
    assert p.returncode == 2 and p.stderr.count("\n") == 1, p.stderr
    assert p.stderr.startswith(f"watcher: config error: {cfg}: {where}: ") and words in p.stderr, p.stderr


def test_a_config_source_can_opt_into_the_ladder(tmp_path):
    cfg = tmp_path / "watcher.toml"
    cfg.write_text('state_dir = "state"\n[[sources]]\nid = "a"\nurl = "https://o.test/a"\nladder = true\n'
                   '[[sources]]\nid = "b"\nurl = "https://o.test/b"\nladder = true\ninterval = "1h"\n')
    p = watcher("sources", "--config", str(cfg))
    assert p.returncode == 2 and "source 'b': field 'interval'" in p.stderr
    cfg.write_text('state_dir = "state"\n[[sources]]\nid = "a"\nurl = "https://o.test/a"\nladder = [["1d", "2h"]]\n')
    (row,) = lines(watcher("sources", "--json", "--config", str(cfg)))
    assert row["ladder"] and row["interval"] is None and row["feed"] is None


def test_discover_asks_a_feed_host_for_its_robots_txt_once_an_hour(outlet, tmp_path):
    """`watcher discover` from cron reads the feed host's robots.txt once, not at every run: the
    answer (here: none, a 404) is kept in the state database like a pass's."""
    cfg = tmp_path / "watcher.toml"
    cfg.write_text(f'''state_dir = "state"
[[feeds]]
id = "outlet"
url = "{outlet.url('/rss.xml')}"
kind = "rss"
''', encoding="utf-8")
    for _ in range(2):
        assert [o["outcome"] for o in lines(watcher("discover", "--json", "--config", str(cfg)))] in (["ok"], ["not_modified"])
    assert outlet.hits["/rss.xml"] == 2 and outlet.hits["/robots.txt"] == 1
