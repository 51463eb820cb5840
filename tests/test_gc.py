"""``watcher gc`` applies ``[retention]``: old discovered sources retired, versions beyond
``max_versions`` removed — never a baseline, a version an alert points at, or a latest version — and
it says what it removed; ``--dry-run`` says the same and removes nothing."""

from __future__ import annotations

import time

from watcher.discover.watched import watched
from watcher.store import Store

from .conftest import alerts_json, watcher
from .feedsite import Outlet
from .test_discover_store import check, config, discover, feed, story

D = 86400.0
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


def history(store: Store, sid: str) -> list[int]:
    return [v.number for v in store.versions(sid)]


def test_gc_keeps_baselines_and_alerted_versions_and_retires_old_articles(tmp_path):
    outlet = Outlet().start()
    try:
        outlet.add("live", "Live figures", story(), when=time.time() - 60)
        outlet.add("old", "An old story", story("2.0", "old"), when=time.time() - 3 * 365 * D)  # a sitemap's past
        retention = '[retention]\nmax_age = "730d"\nmax_versions = 3\ncaptures = "90d"\n'
        cfg = config(tmp_path, feed("outlet", outlet.url("/rss.xml")), top=retention)
        store = Store(cfg.database_url)
        discover(cfg, store)
        ids = {s.url.rsplit("/", 1)[1].removesuffix(".html"): s.id for s in watched(cfg, store).sources}
        check(cfg, store)  # both baselines
        edits = [story("3.4")] + [story("3.4").replace("Monday", day) for day in DAYS[1:]] + [story("3.9")]
        for text in edits:  # v2 alerted (figure), v3–v6 silent (a date line), v7 alerted (figure)
            outlet.edit("live", text)
            check(cfg, store)
        live = ids["live"]
        assert history(store, live) == [1, 2, 3, 4, 5, 6, 7]
        alerted = sorted({a["version"] for a in alerts_json(cfg.path) if a["source"] == live})
        assert alerted == [2, 7]

        dry = watcher("gc", "--dry-run", "--config", str(cfg.path))
        assert dry.returncode == 0, dry.stderr
        assert f"would retire 1 discovered source(s) older than 730d: {ids['old']}" in dry.stdout
        assert f"  {live}: version(s) 3, 4, 5, 6" in dry.stdout and "would remove 0 capture(s) older than 90d in 0 day file(s)" in dry.stdout
        assert history(store, live) == [1, 2, 3, 4, 5, 6, 7]  # nothing removed

        done = watcher("gc", "--config", str(cfg.path))
        assert done.returncode == 0, done.stderr
        assert f"retired 1 discovered source(s) older than 730d: {ids['old']}" in done.stdout
        assert "removed 4 version(s) of 1 source(s)" in done.stdout, done.stdout
        assert history(store, live) == [1, 2, 7], done.stdout  # the baseline, the alerted ones (7 is also the latest)
        assert history(store, ids["old"]) == [1]  # a retired source keeps its baseline
        for a in alerts_json(cfg.path):  # every alert still points at a stored version
            assert a["version"] is None or store.version(a["source"], a["version"]) is not None
        diff = watcher("diff", live, "1", "2", "--config", str(cfg.path))
        assert diff.returncode == 0 and "3.4" in diff.stdout

        assert ids["old"] not in {s.id for s in watched(cfg, store).sources}  # no longer checked…
        outlet.add("newer", "Newer", story("5.0", "newer"), when=time.time())
        assert [r.source.split("-")[1] for r in discover(cfg, store)[0].new] == ["newer"]  # …nor discovered again
        again = watcher("gc", "--config", str(cfg.path))
        assert "retired 0 discovered source(s)" in again.stdout and "removed 0 version(s)" in again.stdout
        report = watcher("report", "--config", str(cfg.path))
        assert report.returncode == 0
        index = (cfg.state_dir / "report" / "index.html").read_text(encoding="utf-8")
        assert "retired: older than retention.max_age" in index
    finally:
        outlet.stop()


def test_gc_without_retention_removes_nothing(tmp_path):
    cfg = config(tmp_path, "")
    p = watcher("gc", "--config", str(cfg.path))
    assert p.returncode == 0 and "no [retention] in the config: nothing is removed" in p.stdout
