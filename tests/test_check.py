"""End to end: `watcher check` against realistic pages served on 127.0.0.1, a real SQLite file."""

from __future__ import annotations

import socket

from . import sitegen as pages
from .conftest import SEEDS, alerts_json, claim_alerts, cli, write_config
from .seed_expected import SEED_ANALYSIS, SEED_ANALYSIS_FILE, SEED_COMMENTARY, SEED_COMMENTARY_FILE

TITLE_A = "Putin and Kim in Pyongyang, making it 'strategic'"
TITLE_C = "Putin's Embrace of Kim Jong-un Has Its Limits"
QUOTE = ("North Korea and Russia simply do not and cannot have a “no limits” partnership of the kind Putin "
         "declared with Chinese President Xi Jinping just before the invasion of Ukraine.")


def magazine(paras, offset=0, caption="Putin meets Kim in Pyongyang. Sputnik/Pool via REUTERS"):
    return pages.magazine_page(TITLE_A, paras, dek="But even good friends have geopolitical limits",
                               caption=caption, teasers=pages.rotate(pages.TEASER_POOL, 3, offset))


def thinktank(paras, credit="Photo by KCNA via Reuters"):
    return pages.thinktank_page(TITLE_C, paras, caption="Kim Jong-un meets Vladimir Putin, September 13, 2023",
                                credit=credit, pull_quotes={14: QUOTE},
                                bio="Derek Grossman is a senior defense analyst at RAND.")


def edit(paras, old, new):
    hits = [p for p in paras if old in p]
    assert len(hits) == 1, f"{old!r} found {len(hits)} times"
    return [p.replace(old, new) for p in paras]


def check(cfg):
    p = cli("check", "--config", str(cfg))
    assert p.returncode == 0, p.stderr
    return p


def test_seeded_sources_first_check_is_silent_then_one_estimate_alert(site, tmp_path):
    site.put("/analysis", magazine(SEED_ANALYSIS))
    site.put("/commentary", thinktank(SEED_COMMENTARY))
    cfg = write_config(tmp_path, [
        {"id": "analysis", "url": site.url("/analysis"), "baseline": SEEDS / SEED_ANALYSIS_FILE},
        {"id": "commentary", "url": site.url("/commentary"), "baseline": SEEDS / SEED_COMMENTARY_FILE},
    ])
    check(cfg)
    assert claim_alerts(alerts_json(cfg)) == [], "page matching its seed must raise no claim alert"

    site.put("/analysis", magazine(edit(SEED_ANALYSIS, "an estimated 7,000 containers",
                                        "an estimated 11,000 containers")))
    check(cfg)
    got = claim_alerts(alerts_json(cfg))
    assert [(a["source"], a["kind"]) for a in got] == [("analysis", "estimate_changed")]
    assert "7,000 containers" in got[0]["before"] and "11,000 containers" in got[0]["after"]
    assert got[0]["before"].startswith("According to estimates") and len(got[0]["before"]) < 300
    change = got[0]["changes"][0]
    assert (change["old_value"], change["new_value"], change["noun"]) == (7000, 11000, "containers")

    check(cfg)  # unchanged page: alerted once, not at every check
    assert len(claim_alerts(alerts_json(cfg))) == 1


def test_noise_raises_no_claim_alert(site, tmp_path):
    site.put("/analysis", magazine(SEED_ANALYSIS))
    site.put("/commentary", thinktank(SEED_COMMENTARY))
    cfg = write_config(tmp_path, [{"id": "analysis", "url": site.url("/analysis")},
                                  {"id": "commentary", "url": site.url("/commentary")}])
    check(cfg)
    # rotated teasers with their own figures, a new caption and credit
    site.put("/analysis", magazine(SEED_ANALYSIS, offset=4, caption="Kim greets Putin. KCNA via REUTERS"))
    site.put("/commentary", thinktank(SEED_COMMENTARY, credit="Photo by Sputnik via Reuters"))
    check(cfg)
    # numbers reformatted, paragraphs reordered, a typo fixed, quotes straightened
    paras = edit(SEED_ANALYSIS, "around 10,000 shells", "around 10000 shells")
    paras = edit(paras, "an estimated 7,000", "an estimated 7000")
    paras = edit(paras, "noteworthy advancements", "noteworthy advancments")
    paras[5], paras[6] = paras[6], paras[5]
    site.put("/analysis", magazine(paras, offset=7))
    com = edit(SEED_COMMENTARY, "more than 3 million rounds", "more than 3,000,000 rounds")
    com = [p.replace("“", '"').replace("”", '"') for p in com]
    site.put("/commentary", thinktank(com))
    check(cfg)
    rows = alerts_json(cfg)
    assert claim_alerts(rows) == []
    # the edits are stored as versions, so the diff report shows them
    p = cli("history", "analysis", "--config", str(cfg))
    assert p.returncode == 0 and "2" in p.stdout


def test_plain_news_page_changes(site, tmp_path):
    title, paras = pages.ARTICLES["county_budget"]
    site.put("/news", pages.news_page(title, paras, sidebar=["Mayor resigns", "Storm warning"],
                                      updated="Updated: June 5, 2024 10:30 am"))
    cfg = write_config(tmp_path, [{"id": "news", "url": site.url("/news")}])
    check(cfg)
    figure_para = next(p for p in paras if any(ch.isdigit() for ch in p))
    sentence = next(s for s in figure_para.split(". ") if any(ch.isdigit() for ch in s))
    import re

    num = re.search(r"\d[\d,.]*", sentence).group(0).rstrip(".,")
    changed = [p.replace(sentence, sentence.replace(num, num + "9", 1)) for p in paras]
    site.put("/news", pages.news_page(title, changed, sidebar=["Flood update", "School closures"],
                                      updated="Updated: June 6, 2024 8:00 am"))
    check(cfg)
    got = claim_alerts(alerts_json(cfg))
    assert [a["kind"] for a in got] == ["estimate_changed"], got
    assert num in got[0]["before"] and num + "9" in got[0]["after"]


def test_unreachable_host_is_a_source_error_and_others_still_run(site, tmp_path):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    dead_port = s.getsockname()[1]
    s.close()
    site.put("/ok", thinktank(SEED_COMMENTARY))
    # retries: 0 — the retries of a refused connection, and their waits, are tests/test_fetch.py's
    cfg = write_config(tmp_path, [{"id": "down", "url": f"http://127.0.0.1:{dead_port}/x", "retries": 0},
                                  {"id": "gone", "url": site.url("/missing")},
                                  {"id": "ok", "url": site.url("/ok")}])
    p = check(cfg)
    rows = alerts_json(cfg)
    kinds = {(a["source"], a["kind"]) for a in rows}
    assert ("down", "source_error") in kinds and ("gone", "source_error") in kinds
    assert any("404" in a["explanation"] for a in rows if a["source"] == "gone")
    assert "ok" in p.stdout
    h = cli("history", "ok", "--config", str(cfg))
    assert "baseline" in h.stdout
    check(cfg)  # still failing: the error is not repeated
    assert len([a for a in alerts_json(cfg) if a["kind"] == "source_error"]) == 2


def test_diff_shows_word_level_change(site, tmp_path):
    site.put("/a", magazine(SEED_ANALYSIS))
    cfg = write_config(tmp_path, [{"id": "a", "url": site.url("/a"), "baseline": SEEDS / SEED_ANALYSIS_FILE}])
    check(cfg)
    site.put("/a", magazine(edit(SEED_ANALYSIS, "around 10,000 shells", "around 12,000 shells")))
    check(cfg)
    p = cli("diff", "a", "--config", str(cfg))
    assert p.returncode == 0
    assert "[-10,000-]" in p.stdout and "{+12,000+}" in p.stdout
    assert "estimate_changed" in p.stdout
    assert "keep reading" not in p.stdout.lower()
    j = cli("diff", "a", "--format", "json", "--config", str(cfg))
    import json

    doc = json.loads(j.stdout)
    assert doc["claims"][0]["changes"][0]["new_value"] == 12000


def test_edited_seed_file_becomes_the_one_baseline(site, tmp_path):
    """A seed file edited after the first check replaces the baseline: the unchanged page is then
    compared with the new seed (an alert for the figure the analyst changed), and the store keeps
    exactly one baseline for the source — first the seed, then the edited seed."""
    import sqlite3

    site.put("/a", magazine(SEED_ANALYSIS))
    seed = tmp_path / "seed.txt"
    seed.write_text((SEEDS / SEED_ANALYSIS_FILE).read_text(encoding="utf-8"), encoding="utf-8")
    cfg = write_config(tmp_path, [{"id": "a", "url": site.url("/a"), "baseline": seed}])

    def baselines() -> list[tuple[int, str]]:
        with sqlite3.connect(tmp_path / "state" / "watcher.db") as db:
            return db.execute("select number, origin from versions where source = 'a' and is_baseline").fetchall()

    check(cfg)
    assert claim_alerts(alerts_json(cfg)) == []
    assert baselines() == [(1, "seed")]
    text = seed.read_text(encoding="utf-8")
    assert text.count("an estimated 7,000 containers") == 1
    seed.write_text(text.replace("an estimated 7,000 containers", "an estimated 5,000 containers"), encoding="utf-8")
    check(cfg)
    got = claim_alerts(alerts_json(cfg))
    assert [(a["changes"][0]["old_value"], a["changes"][0]["new_value"]) for a in got] == [(5000, 7000)]
    (number, origin), = baselines()
    assert origin == "seed" and number > 1
