"""The review UI pages its long lists: 100 sources or alerts a page, with links that keep the
filters, so a page answers in the time of its rows whatever the number of sources. The static
report keeps every row on one page (it is read offline, where there is no next page to ask for)."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html

from watcher.config import model as config_mod
from watcher.store import Store
from watcher.store.records import AlertData

from .conftest import watcher
from .test_serve import serving

N_SOURCES = 250


def _state(tmp_path: Path) -> Path:
    """250 sources, an alert on each of the first 230 (high on even ones, medium on odd ones)."""
    cfg_path = tmp_path / "watcher.toml"
    cfg_path.write_text('state_dir = "state"\n' + "".join(
        f'[[sources]]\nid = "s{i:03d}"\nurl = "http://127.0.0.1:9/{i}.html"\ntitle = "Story {i:03d}"\n'
        for i in range(N_SOURCES)), encoding="utf-8")
    cfg = config_mod.load(cfg_path)
    store = Store(cfg.database_url)
    with store.transaction() as c:
        store.ensure_sources(c, [(s.id, s.url) for s in cfg.sources])
        for i in range(230):
            store.add_alert(c, source=f"s{i:03d}", kind="estimate_changed", severity="high" if i % 2 == 0 else "medium",
                            before=f"{i} containers", after=f"{i + 1} containers", explanation=f"{i} → {i + 1}",
                            data=AlertData(), version_id=None, fingerprint=f"fp{i}")
    store.close()
    return cfg_path


def _rows(html: str) -> list[str]:
    return [t.text_content() for t in lxml.html.fromstring(html).xpath("//table[@class='sources']//td[1]//strong")]


def _pager(html: str) -> tuple[str, dict[str, str]]:
    doc = lxml.html.fromstring(html)
    nav = doc.xpath("//nav[@class='pager']")
    assert nav, "no pager on a list longer than a page"
    return (" ".join(nav[0].text_content().split()),
            {a.get("rel"): a.get("href") for a in nav[0].xpath(".//a")})


def _alert_ids(html: str) -> list[str]:
    return re.findall(r'id="alert-(\d+)"', html)


def test_the_live_ui_pages_sources_and_alerts_and_links_keep_the_filters(tmp_path):
    cfg = _state(tmp_path)
    with serving(cfg) as srv:
        first = srv.get("/index.html").text
        assert _rows(first) == [f"Story {i:03d}" for i in range(100)]
        assert f"across {N_SOURCES} sources" in first
        text, links = _pager(first)
        assert "page 1 of 3" in text and set(links) == {"next"}
        last = srv.get("/" + links["next"].replace("page=2", "page=3")).text
        assert _rows(last) == [f"Story {i:03d}" for i in range(200, N_SOURCES)]
        assert set(_pager(last)[1]) == {"prev"}
        assert _rows(srv.get("/index.html", params={"page": "999"}).text) == _rows(last)  # past the end: the last
        assert _rows(srv.get("/index.html", params={"page": "x"}).text) == _rows(first)  # not a number: the first

        high = srv.get("/alerts.html", params={"severity": "high", "status": "all"}).text
        assert "<strong>115</strong>" in high and len(_alert_ids(high)) == 100
        text, links = _pager(high)
        assert "page 1 of 2" in text
        nxt = links["next"]
        assert "severity=high" in nxt and "status=all" in nxt and "page=2" in nxt  # the filters go along
        second = srv.get("/" + nxt.replace("&amp;", "&")).text
        assert len(_alert_ids(second)) == 15 and not set(_alert_ids(second)) & set(_alert_ids(high))

    report = watcher("report", "--config", str(cfg))
    assert report.returncode == 0, report.stderr
    index = (cfg.parent / "state" / "report" / "index.html").read_text(encoding="utf-8")
    assert len(_rows(index)) == N_SOURCES and 'class="pager"' not in index  # the static report: one page
