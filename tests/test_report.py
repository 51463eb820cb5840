"""`watcher report` (static site + Atom feed) and `watcher diff --format html|md`, parsed and checked.

The state comes from the real pipeline (tests/alert_state.py): "an estimated 7,000 containers"
became "11,000", a hedge was added, and "About $310 million" became "More than $340 million".
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
import pytest

from . import sitegen as pages
from .alert_state import BOILERPLATE
from .conftest import alerts_json, watcher

ATOM = "{http://www.w3.org/2005/Atom}"


def remote_assets(doc) -> list[str]:
    """Every script/stylesheet/image/font address that would be fetched from another host."""
    refs = doc.xpath("//script/@src | //link/@href | //img/@src | //source/@src | //iframe/@src")
    styles = " ".join(doc.xpath("//style/text()") + doc.xpath("//@style"))
    bad = [r for r in refs if r.strip().lower().startswith(("http://", "https://", "//"))]
    if "@import" in styles or "url(" in styles:
        bad.append("CSS @import/url() in a style")
    return bad


def text_of(doc) -> str:
    return " ".join(doc.text_content().split())


@pytest.fixture(scope="module")
def site(alert_state: Path, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site") / "report"
    p = watcher("report", "--config", str(alert_state), "--out", str(out))
    assert p.returncode == 0, p.stderr
    assert "index.html" in p.stdout
    return out


def parse(path: Path):
    return lxml.html.fromstring(path.read_bytes())


def test_site_pages_exist_are_standalone_and_links_resolve(site: Path):
    names = {p.name for p in site.iterdir()}
    assert {"index.html", "alerts.html", "alerts.xml", "source-analysis.html", "source-county.html",
            "source-down.html", "change-analysis-v3.html", "change-county-v2.html"} <= names
    for page in site.glob("*.html"):
        doc = parse(page)
        assert remote_assets(doc) == [], page.name
        assert doc.xpath("//meta[@name='viewport']"), f"{page.name}: not set up for phones"
        assert "@media print" in "".join(doc.xpath("//style/text()")), page.name
        for href in doc.xpath("//a/@href"):
            parts = urlsplit(href)
            if parts.scheme or not parts.path:  # the article's own URL, or an in-page anchor
                continue
            assert (site / parts.path).is_file(), f"{page.name}: broken relative link {href}"


def test_change_page_shows_both_figures_first_and_no_boilerplate(site: Path):
    doc = parse(site / "change-analysis-v3.html")
    hero = doc.xpath("//section[contains(@class, 'hero')]")[0]
    assert hero.xpath(".//del/text()")[0] == "7,000" and hero.xpath(".//ins/text()")[0] == "11,000"
    assert "containers" in text_of(hero) and "+57%" in text_of(hero)
    # the hero block comes before the claim table and the text diff
    body = lxml.html.tostring(doc, encoding="unicode")
    assert body.index('class="hero"') < body.index('class="claims"') < body.index('class="diff"')
    claims = doc.xpath("//table[contains(@class, 'claims')]")[0]
    rows = claims.xpath("./tbody")
    assert len(rows) == 2
    first = text_of(rows[0])
    assert "estimate changed" in first and "7,000" in first and "11,000" in first
    assert "estimated" in first, "qualifier column"
    assert "south korean defense ministry" in first.lower(), "attribution column"
    assert rows[0].xpath(".//span[contains(@class, 'sev-high')]")
    assert "hedge added: seems" in text_of(rows[1])
    # word-level diff in the sentence and the text: deletions and insertions marked as such
    diff = doc.xpath("//div[@class='diff']")[0]
    assert "7,000" in diff.xpath(".//del/text()") and "11,000" in diff.xpath(".//ins/text()")
    assert "seems to find" in diff.xpath(".//ins/text()")
    assert diff.xpath(".//details[contains(@class, 'fold')]"), "unchanged paragraphs are folded"
    text = text_of(doc).lower()
    for b in BOILERPLATE:
        assert b.lower() not in text, b
    for t in pages.TEASER_POOL:
        assert t.title.lower() not in text, t.title


def test_qualifier_change_is_shown_old_and_new(site: Path):
    doc = parse(site / "change-county-v2.html")
    hero = text_of(doc.xpath("//section[contains(@class, 'hero')]")[0])
    assert "$310 million" in hero and "$340 million" in hero
    assert "about → more than" in hero


def test_index_lists_every_source_with_health_and_open_alerts(site: Path):
    doc = parse(site / "index.html")
    rows = {text_of(r.xpath("./td")[0]): r for r in doc.xpath("//table[contains(@class, 'sources')]/tbody/tr")}
    assert len(rows) == 3
    analysis = next(r for k, r in rows.items() if k.startswith("Putin and Kim in Pyongyang"))
    assert "/analysis" in text_of(analysis) and "ok" in text_of(analysis.xpath("./td")[1])
    assert [text_of(b) for b in analysis.xpath(".//td[@data-label='Open alerts']//span[contains(@class,'sev')]")] \
        == ["1 high", "1 medium"]
    down = next(r for k, r in rows.items() if k.startswith("down"))
    assert "failing" in text_of(down) and "cannot connect" in text_of(down)
    assert "1 low" in text_of(down)
    assert "4 open alerts" in text_of(doc)


def test_source_page_has_the_version_timeline(site: Path):
    doc = parse(site / "source-analysis.html")
    items = doc.xpath("//ol[@class='timeline']/li")
    assert [text_of(li.xpath(".//span[@class='vnum']")[0]) for li in items] == ["Version 3", "Version 2",
                                                                                 "Version 1"]
    assert "baseline" in text_of(items[2]) and not items[2].xpath(".//a[starts-with(@href, 'change-')]")
    assert items[0].xpath(".//a[@href='change-analysis-v3.html']")
    assert "7,000 → 11,000 containers" in text_of(items[0])


def test_static_alert_list_links_each_alert_to_its_change(site: Path, alert_state: Path):
    doc = parse(site / "alerts.html")
    rows = alerts_json(alert_state)
    est = next(a for a in rows if a["source"] == "analysis" and a["kind"] == "estimate_changed")
    item = doc.xpath(f"//li[@id='alert-{est['id']}']")[0]
    assert item.xpath(f".//a[@href='change-analysis-v3.html#alert-{est['id']}']")
    assert not doc.xpath("//form[@method='post']"), "the static site has no review buttons"
    change = parse(site / "change-analysis-v3.html")
    assert change.xpath(f"//*[@id='alert-{est['id']}']"), "the anchor the queue links to exists"


def test_atom_feed_of_alerts(site: Path, alert_state: Path):
    root = ET.parse(site / "alerts.xml").getroot()
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    expected = [a for a in alerts_json(alert_state) if a["kind"] != "text_changed"]
    assert len(entries) == len(expected) == 4
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(set(ids)) == 4 and all(i.startswith("urn:uuid:") for i in ids)
    titles = [e.findtext(f"{ATOM}title") for e in entries]
    assert any("7,000 → 11,000 containers" in t for t in titles)
    for e in entries:
        assert e.findtext(f"{ATOM}updated")
        href = e.find(f"{ATOM}link").get("href")
        assert (site / urlsplit(href).path).is_file()
    # a second run gives the same entry ids (feed readers must not see the alerts as new)
    out2 = site.parent / "again"
    assert watcher("report", "--config", str(alert_state), "--out", str(out2)).returncode == 0
    again = ET.parse(out2 / "alerts.xml").getroot().findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}id") for e in again] == ids


def test_report_defaults_to_state_dir_and_refuses_a_file_as_folder(alert_copy: Path):
    p = watcher("report", "--config", str(alert_copy))
    assert p.returncode == 0, p.stderr
    assert (alert_copy.parent / "state" / "report" / "index.html").is_file()
    blocker = alert_copy.parent / "afile"
    blocker.write_text("x")
    p = watcher("report", "--config", str(alert_copy), "--out", str(blocker))
    assert p.returncode == 2 and "not a folder" in p.stderr
    assert blocker.read_text() == "x"


def test_diff_html_is_one_standalone_page(alert_state: Path):
    p = watcher("diff", "analysis", "--format", "html", "--config", str(alert_state))
    assert p.returncode == 0, p.stderr
    doc = lxml.html.fromstring(p.stdout)
    assert remote_assets(doc) == []
    links = [h for h in doc.xpath("//a/@href") if not h.startswith("#")]
    assert all(urlsplit(h).scheme == "http" for h in links), f"links to other report pages: {links}"
    hero = doc.xpath("//section[contains(@class, 'hero')]")[0]
    assert hero.xpath(".//del/text()")[0] == "7,000" and hero.xpath(".//ins/text()")[0] == "11,000"
    text = text_of(doc).lower()
    assert all(b.lower() not in text for b in BOILERPLATE)


def test_diff_between_named_versions_and_markdown(alert_state: Path):
    p = watcher("diff", "analysis", "2", "3", "--format", "md", "--config", str(alert_state))
    assert p.returncode == 0, p.stderr
    md = p.stdout
    assert "| Severity | Change | Figure (old → new) | Qualifier | Attribution |" in md
    assert "~~7,000~~ → **11,000** containers (+57%)" in md
    assert "~~finds~~ **seems to find**" in md or "~~finds~~**seems to find**" in md
    assert "unchanged paragraph" in md
    assert "keep reading" not in md.lower()
    assert "version 2 → version 3" in md


def test_diff_unknown_format_is_a_usage_error(alert_state: Path):
    p = watcher("diff", "analysis", "--format", "pdf", "--config", str(alert_state))
    assert p.returncode == 2
    assert "html" in p.stderr and "md" in p.stderr


def test_article_text_is_escaped_not_markup(tmp_path: Path):
    """Article text is untrusted: markup in it must show as text, in HTML and in Markdown."""
    from watcher.report import change_html, change_view
    from watcher.report.formats import build
    from watcher.report.markdown import markdown
    from watcher.store import Store

    store = Store(f"sqlite:///{tmp_path / 'w.db'}")
    texts = [f"R&D spending rose to {n} percent, officials said. <img src=x onerror=alert(1)> A *b* | c.\n\nMore."
             for n in (5, 7)]
    with store.transaction() as c:
        store.ensure_source(c, "s", "http://127.0.0.1/s")
        old, new = (store.add_version(c, "s", text=t, content_hash=str(i), title="<b>T</b>", url=None,
                                      origin="fetch", is_baseline=i == 0) for i, t in enumerate(texts))
    r = build("s", old, new)
    doc = lxml.html.fromstring(change_html(change_view(r), title="<b>T</b>", url=None, standalone=True))
    assert not doc.xpath("//img | //main//b"), "markup from the article became elements"
    assert "<img src=x onerror=alert(1)>" in text_of(doc) and "R&D" in text_of(doc)
    assert doc.xpath("//section[contains(@class,'hero')]//ins/text()") == ["7 percent"]
    md = markdown(r)
    assert r"\<img src=x onerror=alert(1)\>" in md and r"A \*b\* \| c." in md
    assert "~~5 percent~~ → **7 percent**" in md
