"""Reviewer feedback that teaches, end to end on a local site: real pages on 127.0.0.1, `watcher check`,
`watcher serve` (its review form and its JSON API), `watcher rules` and `watcher sources`.

A false alert marked "not a claim — boilerplate" silences the next edits of its block (any sentence
of it, even reworded) while an edit elsewhere is still alerted; removing the rule brings the alerts
back. "Wrong figure" silences one sentence, not its neighbours; reopening the alert removes its rule.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import httpx
import lxml.html
import pytest

from . import sitegen as pages
from .conftest import alerts_json, claim_alerts, watcher, write_config
from .test_serve import form_token, serving

pytestmark = pytest.mark.slow  # end-to-end: real processes, locks and timeouts (make test-fast leaves it out)

TITLE, ARTICLE = pages.ARTICLES["county_budget"]
BOX = ("Join 30,000 readers who get the Ledger's morning briefing in their inbox. "
       "More than 120 local newsrooms republish our reporting every week.")
ROADS = "About $310 million is set aside for transportation"


def _page(article: list[str], box: str = BOX) -> str:
    return pages.news_page(TITLE, article[:3] + [box] + article[3:])


def _check(cfg: Path) -> list[dict]:
    """`watcher check`, then the alerts it raised."""
    before = {a["id"] for a in alerts_json(cfg)}
    p = watcher("check", "--config", str(cfg))
    assert p.returncode == 0, p.stderr
    return [a for a in alerts_json(cfg) if a["id"] not in before]


def _rules(cfg: Path) -> list[dict]:
    p = watcher("rules", "--json", "--config", str(cfg))
    assert p.returncode == 0, p.stderr
    return [json.loads(line) for line in p.stdout.splitlines()]


def _counts(cfg: Path, source: str) -> tuple[int, int, int]:
    """(alerts, confirmed, dismissed) of ``source`` in the table `watcher sources` prints."""
    p = watcher("sources", "--config", str(cfg))
    assert p.returncode == 0, p.stderr
    row = next(line for line in p.stdout.splitlines() if re.match(rf"[│|]\s*{source}\s*[│|]", line))
    cells = [c.strip() for c in re.split(r"[│|]", row)[1:-1]]
    m = re.fullmatch(r"(\d+) \((\d+)/(\d+)\)", cells[-2])  # "alerts (confirmed/dismissed)"; last error is last
    assert m, row
    return int(m[1]), int(m[2]), int(m[3])


def test_not_a_claim_silences_its_block_until_the_rule_is_removed(site, tmp_path: Path):
    site.put("/budget", _page(ARTICLE))
    cfg = write_config(tmp_path, [{"id": "budget", "url": site.url("/budget")}])
    assert _check(cfg) == []

    site.put("/budget", _page(ARTICLE, BOX.replace("30,000", "31,000")))
    [false_alarm] = claim_alerts(_check(cfg))
    assert false_alarm["kind"] == "estimate_changed" and "31,000" in false_alarm["after"]

    with serving(cfg) as srv:
        ui = srv.session()
        queue = ui.get("/alerts.html").text
        item = lxml.html.fromstring(queue).xpath(f"//li[@id='alert-{false_alarm['id']}']")[0]
        assert set(item.xpath(".//button[@name='verdict']/@value")) == {"confirmed", "not_a_claim", "wrong_figure"}
        assert "Mark reviewed" in item.text_content()
        r = ui.post(f"/alerts/{false_alarm['id']}/review", data={
            "csrf_token": form_token(queue), "next": "alerts.html", "reviewed": "1", "verdict": "not_a_claim"})
        assert r.status_code == 303
        shown = ui.get("/alerts.html", params={"status": "reviewed"}).text
        assert "Not a claim — boilerplate" in shown
        rules_page = ui.get("/rules.html").text
        assert "morning briefing" in rules_page and 'action="rules/' in rules_page

    [marked] = [a for a in alerts_json(cfg) if a["id"] == false_alarm["id"]]
    assert marked["reviewed"] is True and marked["verdict"] == "not_a_claim"
    [rule] = _rules(cfg)
    assert (rule["source"], rule["reason"], rule["scope"], rule["alert_id"]) == \
        ("budget", "not_a_claim", "block", false_alarm["id"])
    assert "morning briefing" in rule["text"] and "newsrooms republish" in rule["text"]

    # the next edits of the block: its figure again, and its other sentence — kept as text changes
    box = BOX.replace("30,000", "32,500").replace("More than 120", "More than 140")
    site.put("/budget", _page(ARTICLE, box))
    raised = _check(cfg)
    assert claim_alerts(raised) == []
    assert raised and all(a["kind"] == "text_changed" and a["rule"] == rule["id"] for a in raised)
    assert all(f"rule {rule['id']}" in a["explanation"] for a in raised)

    # another sentence of the article is still a claim; the box reworded around a new figure is still the box
    article = [p.replace(ROADS, ROADS.replace("310", "355")) for p in ARTICLE]
    box = box.replace("Join 32,500 readers who get", "Join more than 33,000 readers who receive")
    site.put("/budget", _page(article, box))
    raised = _check(cfg)
    assert [(a["kind"], "355" in a["after"]) for a in claim_alerts(raised)] == [("estimate_changed", True)]
    assert _counts(cfg, "budget") == (2, 0, 1)

    p = watcher("rules", "remove", str(rule["id"]), "--config", str(cfg))
    assert p.returncode == 0 and f"Removed rule {rule['id']}" in p.stdout, p.stderr
    assert _rules(cfg) == []
    again = watcher("rules", "remove", str(rule["id"]), "--config", str(cfg))
    assert again.returncode == 2 and "no rule" in again.stderr

    site.put("/budget", _page(article, box.replace("33,000", "34,000")))
    [back] = claim_alerts(_check(cfg))
    assert back["kind"] == "estimate_changed" and "34,000" in back["after"] and back["rule"] is None


MEASLES_TITLE, MEASLES = pages.ARTICLES["measles_outbreak"]
DOSES = "The state has distributed an estimated 18,000 additional doses"
SHOTS = "Officials said walk-in clinics administered 3,200 shots last week"


def _measles(doses: str = "18,000", shots: str = "3,200") -> str:
    paras = [p.replace(DOSES, DOSES.replace("18,000", doses)) for p in MEASLES]
    paras = [p.replace(SHOTS, SHOTS.replace("3,200", shots)) for p in paras]
    # the two figures in one paragraph: a rule for one sentence must not cover its neighbour
    i = next(i for i, p in enumerate(paras) if p.startswith("The state has distributed"))
    paras[i:i + 2] = [paras[i] + " " + paras[i + 1]]
    return pages.news_page(MEASLES_TITLE, paras)


def test_wrong_figure_silences_one_sentence_and_reopening_removes_the_rule(site, tmp_path: Path):
    site.put("/measles", _measles())
    cfg = write_config(tmp_path, [{"id": "measles", "url": site.url("/measles")}])
    _check(cfg)
    site.put("/measles", _measles(doses="19,000"))
    [alert] = claim_alerts(_check(cfg))
    assert "19,000" in alert["after"]

    json_headers = {"Content-Type": "application/json"}
    with serving(cfg) as srv:
        api = f"{srv.base}/api/v1"
        r = httpx.post(f"{api}/alerts/{alert['id']}/review", json={"verdict": "wrong_figure"}, timeout=10)
        assert r.status_code == 200, r.text
        done = r.json()
        assert done["alert"]["verdict"] == "wrong_figure" and done["alert"]["reviewed"] is True
        rule = done["rule"]
        assert rule["scope"] == "sentence" and "additional doses" in rule["text"] and "shots" not in rule["text"]
        assert httpx.get(f"{api}/rules", params={"source": "measles"}).json() == [rule]

        # back to the baseline: no "back to the baseline" claim alert for a sentence a reviewer dismissed
        site.put("/measles", _measles())
        assert claim_alerts(_check(cfg)) == []
        site.put("/measles", _measles(doses="20,000"))
        assert claim_alerts(_check(cfg)) == []
        # the neighbouring sentence of the same paragraph is still a claim
        site.put("/measles", _measles(doses="20,000", shots="4,100"))
        [shots] = claim_alerts(_check(cfg))
        assert "4,100" in shots["after"] and "20,000" not in (shots["after"] or "")

        source = httpx.get(f"{api}/sources/measles").json()
        assert source["reviews"] == {"alerts": 2, "open": 1, "reviewed": 1, "confirmed": 0, "dismissed": 1,
                                     "not_a_claim": 0, "wrong_figure": 1}
        r = httpx.post(f"{api}/alerts/{shots['id']}/review", json={"verdict": "confirmed"}, timeout=10)
        assert r.status_code == 200 and r.json()["rule"] is None
        assert httpx.get(f"{api}/sources/measles").json()["reviews"]["confirmed"] == 1

        # reopening the dismissed alert takes its rule away: the next change of that sentence alerts
        r = httpx.patch(f"{api}/alerts/{alert['id']}", json={"reviewed": False}, headers=json_headers, timeout=10)
        assert r.status_code == 200
        assert r.json()["alert"]["verdict"] is None and [x["id"] for x in r.json()["removed_rules"]] == [rule["id"]]
        assert httpx.get(f"{api}/rules").json() == []
    site.put("/measles", _measles(doses="21,000", shots="4,100"))
    [again] = claim_alerts(_check(cfg))
    assert "21,000" in again["after"]
    assert _counts(cfg, "measles") == (3, 1, 0)
