"""``watcher run`` with feeds: the real service in a subprocess against the local outlet whose feeds
change (tests/feedsite.py). It picks up a new article from a feed, takes its first version as the
baseline, alerts on its later edit; a failing feed raises one warning and stops nothing; a restart
creates nothing twice; a feed added by a config edit is read without a restart."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from .conftest import alerts_json, watcher
from .feedsite import Outlet
from .test_discover_store import story
from .test_service import daemons  # noqa: F401 - the fixture

pytestmark = pytest.mark.slow


def write(path: Path, outlet: Outlet, *feeds: tuple[str, str, str]) -> Path:
    text = 'state_dir = "state"\n[defaults]\nstagger = "1s"\n'
    for fid, feed_path, kind in feeds:
        text += (f'[[feeds]]\nid = "{fid}"\nurl = "{outlet.url(feed_path)}"\nkind = "{kind}"\ninterval = "1s"\n'
                 '[feeds.defaults]\nrespect_robots = false\nretries = 0\nladder = [["1h", "1s"]]\n')
    path.write_text(text, encoding="utf-8")
    return path


def sources(cfg: Path) -> list[dict]:
    p = watcher("sources", "--json", "--config", str(cfg))
    assert p.returncode == 0, p.stderr
    return [json.loads(line) for line in p.stdout.splitlines()]


def test_the_service_picks_up_a_new_article_and_alerts_on_its_later_edit(tmp_path, daemons):  # noqa: F811
    outlet = Outlet().start()
    try:
        outlet.add("budget-deficit", "Budget deficit widens", story(), when=time.time() - 600)
        cfg = write(tmp_path / "watcher.toml", outlet, ("outlet", "/rss.xml", "rss"))
        d = daemons(cfg, tmp_path / "run.log")
        d.wait_for(lambda r: r.get("event") == "check" and r["outcome"] == "baseline", 20, "the first article's baseline")
        outlet.add("new-poll", "New poll", story("41", "poll"), when=time.time())
        new = d.wait_for(lambda r: r.get("event") == "feed" and any("new-poll" in i for i in r["new"]), 10,
                         "the new article")
        (sid,) = new["new"]
        d.wait_for(lambda r: r.get("event") == "check" and r["source"] == sid and r["outcome"] == "baseline", 10,
                   "the new article's first check")
        outlet.edit("new-poll", story("44", "poll"))
        hit = d.wait_for(lambda r: r.get("event") == "check" and r["source"] == sid and r["alerts"], 15, "the edit")
        assert hit["alert_kinds"] == ["estimate_changed"] and hit["version"] == 2

        outlet.extra["/rss.xml"] = (404, "text/html", b"gone")  # the feed breaks: its articles go on
        d.wait_for(lambda r: r.get("event") == "feed" and r["outcome"] == "error", 10, "the failing feed")
        outlet.edit("new-poll", story("47", "poll"))
        d.wait_for(lambda r: r.get("event") == "check" and r["source"] == sid and r.get("version") == 3, 15,
                   "a check while the feed fails")
        time.sleep(2.5)  # more failing reads: still one warning
        rc, took = d.stop()
        assert rc == 0 and took < 10
        alerts = alerts_json(cfg)
        assert [(a["source"], a["kind"]) for a in alerts if a["kind"] == "source_warning"] == [("outlet", "source_warning")]
        assert [a["kind"] for a in alerts if a["source"] == sid] == ["estimate_changed", "estimate_changed"]
        rows = {r["id"]: r for r in sources(cfg)}
        assert len(rows) == 2 and rows[sid]["feed"] == "outlet" and rows[sid]["next_check"] is not None

        del outlet.extra["/rss.xml"]  # a restart, and a second feed listing the same articles
        write(cfg, outlet, ("outlet", "/rss.xml", "rss"))
        d2 = daemons(cfg, tmp_path / "run2.log")
        d2.wait_for(lambda r: r.get("event") == "start" and r["discovered"] == 2, 10, "the restart")
        d2.wait_for(lambda r: r.get("event") == "feed" and r["outcome"] in ("ok", "not_modified"), 10, "a read")
        write(cfg, outlet, ("outlet", "/rss.xml", "rss"), ("atom", "/atom.xml", "atom"))
        d2.wait_for(lambda r: r.get("event") == "reload" and r["feeds_added"] == ["atom"], 10, "the new feed")
        atom = d2.wait_for(lambda r: r.get("event") == "feed" and r["feed"] == "atom", 10, "its first read")
        assert atom["outcome"] == "ok" and atom["listed"] == 2 and atom["new"] == []  # the same two articles
        assert d2.stop()[0] == 0
        assert len(sources(cfg)) == 2
        assert not [r for r in d2.records() if r.get("event") == "check" and r.get("outcome") == "baseline"]
    finally:
        outlet.stop()
