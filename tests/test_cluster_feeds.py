"""Cluster nodes follow the feeds: two ``watcher run`` nodes on one PostgreSQL database and a local
outlet (tests/feedsite.py) whose RSS feed gains an article. The article is discovered once, checked
on its feed's ladder (every second while young, not on the source interval), takes its first
version as its baseline, and a later edit of a figure raises one ``estimate_changed`` alert: no
article, version or alert stored twice although both nodes run the feed task."""

from __future__ import annotations

import json
import time
from collections import Counter

import pytest

from watcher.store.engine import libpq_url

from .clusterkit import Nodes
from .conftest import alerts_json
from .feedsite import Outlet
from .test_cluster import _wait
from .test_discover_store import story


def _config(path, outlet: Outlet, url: str) -> None:
    path.write_text(f'state_dir = "{path.parent / "state"}"\ndatabase_url = "{url}"\n'
                    '[defaults]\nstagger = "1s"\n[cluster]\nheartbeat = "1s"\n'
                    f'[[feeds]]\nid = "outlet"\nurl = "{outlet.url("/rss.xml")}"\nkind = "rss"\ninterval = "1s"\n'
                    '[feeds.defaults]\nrespect_robots = false\nretries = 0\n'
                    'ladder = [["1h", "1s"]]\n', encoding="utf-8")


@pytest.mark.slow  # two `watcher run` nodes on PostgreSQL: ~12 s
def test_two_nodes_discover_a_new_article_once_and_alert_once_on_its_edit(tmp_path, pg_url):
    import psycopg

    outlet = Outlet().start()
    outlet.add("budget-deficit", "Budget deficit widens", story(), when=time.time() - 600)
    cfg = tmp_path / "watcher.toml"
    _config(cfg, outlet, pg_url)
    db = psycopg.connect(libpq_url(pg_url), autocommit=True)
    q = lambda sql, *a: db.execute(sql, a).fetchall()  # noqa: E731
    versions = lambda sid: q("SELECT count(*) FROM versions WHERE source = %s", sid)[0][0]  # noqa: E731
    nodes = Nodes(cfg, tmp_path)
    try:
        nodes.start("n0")
        nodes.start("n1")
        _wait(lambda: q("SELECT count(*) FROM versions")[0][0] == 1, 30, "the first article's baseline", 0.2)
        outlet.add("new-poll", "New poll", story("41", "poll"), when=time.time())
        (sid,) = _wait(lambda: q("SELECT source FROM discovered WHERE url LIKE %s", "%new-poll%"), 15,
                       "the new article discovered", 0.2)[0]
        _wait(lambda: versions(sid) == 1, 15, "the new article's baseline", 0.2)
        outlet.edit("new-poll", story("44", "poll"))
        _wait(lambda: q("SELECT count(*) FROM alerts WHERE source = %s", sid)[0][0] >= 1, 15, "the edit's alert", 0.2)
        time.sleep(2.5)  # more checks of the edited page, on both nodes: nothing more is stored
        next_in = q("SELECT next_due - last_check FROM sources WHERE id = %s", sid)[0][0]
        codes = nodes.stop()
    finally:
        nodes.stop()
        outlet.stop()
    assert codes == {"n0": 0, "n1": 0}, codes

    assert 0 < next_in <= 1.2, next_in  # on the ladder's first step (1 s), not the source interval
    assert [r[0] for r in q("SELECT url FROM discovered ORDER BY first_seen")] == [
        outlet.article_url("budget-deficit"), outlet.article_url("new-poll")]
    assert versions(sid) == 2
    assert q("SELECT count(*) = count(DISTINCT content_hash) FROM versions")[0][0]
    alerts = alerts_json(cfg)
    assert [a["kind"] for a in alerts if a["source"] == sid] == ["estimate_changed"], alerts
    assert [a for a in alerts if a["source"] != sid] == []

    records = [json.loads(line) for n in ("n0", "n1") for line in nodes.log(n).splitlines() if line.startswith("{")]
    found = Counter(s for r in records if r.get("event") == "feed" for s in r["new"])
    assert found == Counter({sid: 1, q("SELECT source FROM discovered WHERE source <> %s", sid)[0][0]: 1}), found
    keys = Counter((r["source"], r["due"]) for r in records if r.get("event") == "check")
    assert [k for k, n in keys.items() if n > 1] == []
    assert {r["node"] for r in records if r.get("event") == "check"} == {"n0", "n1"}  # both check
    db.close()
