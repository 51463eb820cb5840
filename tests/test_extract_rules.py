"""Per-source extraction settings: ``[sources.extract]`` selectors reach what no general rule does.

A site that prints a "market data" box inside its article container — figures that move on every
page view — alerts on every check until its source excludes that box; a source whose page holds
two articles watches the one its ``include`` selector names. Real pages over HTTP, a real check.
"""

from __future__ import annotations

from watcher.config import load
from watcher.extract import extract

from .conftest import alerts_json, claim_alerts, watcher, write_config

BODY = [
    "The regional council approved a plan on Tuesday to build 1,200 new homes on the former rail yard, "
    "the largest housing project in the city in two decades.",
    "Construction is expected to start next spring and take about four years, according to the council's "
    "planning department.",
    "About 30 percent of the homes will be offered at below-market rents, the council said in a statement.",
    "Opponents said the plan would add traffic to streets that are already congested at rush hour.",
]


def page(ticker: str, other: str = "Other news: the museum will reopen with 14 new galleries.") -> str:
    paras = "".join(f"<p>{p}</p>" for p in BODY)
    return (f"<html><head><title>Council approves rail yard homes</title></head><body>"
            f"<div><div><h1>Council approves rail yard homes</h1>{paras}"
            f"<div data-widget=\"quotes\"><p>The index of regional property shares rose {ticker} percent today "
            f"in early trading on the exchange.</p></div></div>"
            f"<div id=\"second\"><p>{other} Visitors will be able to see the collection of 4,000 objects "
            f"from the first week of May, the museum said.</p></div></div></body></html>")


def test_exclude_selector_silences_a_moving_box(site, tmp_path):
    site.put("/a", page("1.2"))
    plain = {"id": "plain", "url": site.url("/a")}
    ruled = {"id": "ruled", "url": site.url("/a")}
    cfg = write_config(tmp_path, [plain, ruled])
    cfg.write_text(cfg.read_text() + '\n[sources.extract]\nexclude = ["div[data-widget=quotes]"]\n')
    assert load(cfg).source("ruled").extract.exclude == ("div[data-widget=quotes]",)
    assert watcher("check", "--config", str(cfg)).returncode == 0
    site.put("/a", page("2.7"))
    assert watcher("check", "--config", str(cfg)).returncode == 0
    by_source = {}
    for a in claim_alerts(alerts_json(cfg)):
        by_source.setdefault(a["source"], []).append(a)
    assert "ruled" not in by_source, by_source.get("ruled")
    assert [a["kind"] for a in by_source["plain"]] == ["estimate_changed"], by_source


def test_include_selector_and_xpath_pick_the_article():
    from watcher.config import SiteRules

    full = extract(page("1.2")).text
    assert "museum" in full and "1,200 new homes" in full
    only = extract(page("1.2"), rules=SiteRules(include=("#second",))).text
    assert "museum" in only and "1,200 new homes" not in only
    xp = extract(page("1.2"), rules=SiteRules(exclude=("//div[@id='second']",))).text
    assert "museum" not in xp and "1,200 new homes" in xp
    doc = extract(page("1.2"), rules=SiteRules(exclude=("#second",)))
    assert any("extract.exclude" in reason and "museum" in text for text, reason in doc.ignored)


def test_diff_lists_what_was_left_out_and_why(site, tmp_path):
    """`watcher diff --ignored` shows the boilerplate blocks of a version with their reasons."""
    import json

    from tests import sitegen as pages

    title, paras = pages.ARTICLES["county_budget"]
    teasers = pages.rotate(pages.TEASER_POOL, 3, 0)
    site.put("/m", pages.magazine_page(title, paras, teasers=teasers))
    cfg = write_config(tmp_path, [{"id": "m", "url": site.url("/m")}])
    assert watcher("check", "--config", str(cfg)).returncode == 0
    p = watcher("diff", "m", "--format", "json", "--ignored", "--config", str(cfg))
    assert p.returncode == 0, p.stderr
    left_out = json.loads(p.stdout)["ignored"]
    reasons = {b["reason"] for b in left_out}
    assert any("teaser card" in r for r in reasons), reasons
    assert any(teasers[0].title in b["text"] for b in left_out), left_out
    term = watcher("diff", "m", "--ignored", "--config", str(cfg))
    assert term.returncode == 0 and "Left out of version 1" in term.stdout and "teaser card" in term.stdout


def test_a_schema_1_database_gains_the_ignored_column(tmp_path):
    import sqlite3

    from watcher.store import Store

    url = f"sqlite:///{tmp_path / 'w.db'}"
    Store(url).close()
    con = sqlite3.connect(tmp_path / "w.db")  # make it look like a database written before schema 2
    con.execute("ALTER TABLE versions DROP COLUMN ignored_z")
    con.execute("UPDATE meta SET value = '1' WHERE key = 'schema'")
    con.commit()
    con.close()
    st = Store(url)
    with st.transaction() as c:
        st.ensure_source(c, "s", "http://e.org/")
        v = st.add_version(c, "s", text="a", content_hash="h", title=None, url=None, origin="fetch",
                           is_baseline=True, ignored=(("Share", "widget label"),))
    assert st.versions("s")[0].ignored == (("Share", "widget label"),) and v.number == 1
