"""Claim alerts over a sequence of revisions: once, again on a further change, and back to baseline."""

from __future__ import annotations

import json

from watcher import config as config_mod
from watcher.compare import compare
from watcher.pipeline import run_check
from watcher.store import Store

from .conftest import claim_alerts, watcher, write_config
from .fixtures import pages

TITLE = "Flooding displaces residents across the valley"
PARAS = [
    "Heavy rain pushed the river over its banks on Sunday, flooding low-lying streets in three towns.",
    "About 250 people were evacuated from their homes overnight, according to the county emergency office.",
    "The river crested at 19 feet, the highest level since 2011, the National Weather Service said.",
    "Officials said damage may exceed $40 million once roads and bridges are assessed.",
    "Shelters at two schools remain open, and volunteers are distributing food and water.",
]


def run(cfg):
    c = config_mod.load(cfg)
    store = Store(c.database_url)
    try:
        run_check(c, store)
        return [a for a in store.alerts() if a["kind"] in
                ("estimate_changed", "claim_changed", "claim_removed", "claim_added")]
    finally:
        store.close()


def test_alert_once_again_on_further_change_and_back_to_baseline(site, tmp_path):
    page = lambda paras, side: pages.news_page(TITLE, paras, sidebar=side)  # noqa: E731
    site.put("/f", page(PARAS, ["Storm warning"]))
    cfg = write_config(tmp_path, [{"id": "flood", "url": site.url("/f")}])
    assert run(cfg) == []

    v2 = [p.replace("About 250 people", "About 400 people") for p in PARAS]
    site.put("/f", page(v2, ["School closures"]))
    got = run(cfg)
    assert [(a["kind"], "250" in a["before"], "400" in a["after"]) for a in got] == [("estimate_changed", True, True)]

    v3 = [p.replace("volunteers are distributing", "volunteers are handing out") for p in v2]
    site.put("/f", page(v3, ["Traffic update"]))
    assert len(run(cfg)) == 1, "an unrelated edit must not re-alert the changed figure"

    v4 = [p.replace("About 400 people", "About 600 people") for p in v3]
    site.put("/f", page(v4, ["Traffic update"]))
    got = run(cfg)
    assert len(got) == 2
    again = got[-1]
    assert "400" in again["before"] and "600" in again["after"]
    assert "at baseline: 250" in again["explanation"]
    assert json.loads(again["data"])["baseline"].startswith("About 250 people")

    site.put("/f", page(PARAS, ["Traffic update"]))
    got = run(cfg)
    assert len(got) == 3
    assert got[-1]["kind"] == "estimate_changed" and "back to the baseline" in got[-1]["explanation"]
    assert "600" in got[-1]["before"] and "250" in got[-1]["after"]

    p = watcher("claims", "flood", "--config", str(cfg))
    assert p.returncode == 0
    assert "About 250 people" in p.stdout and "back to the baseline" in p.stdout
    assert "400" in p.stdout and "600" in p.stdout


def test_hedge_attribution_polarity_and_added_claims():
    base = PARAS
    cases = {
        "claim_changed": [p.replace("damage may exceed", "damage will exceed") for p in base],
        "claim_changed ": [p.replace(", according to the county emergency office", "") for p in base],
        "claim_added": base + ["The governor said 1,200 National Guard troops would be deployed."],
        "claim_removed": [p for p in base if "19 feet" not in p],
    }
    for kind, cur in cases.items():
        kinds = [f.kind for f in compare(base, cur) if f.is_claim]
        assert kinds == [kind.strip()], (kind, kinds)
    assert [f.kind for f in compare(["It is likely to pass, officials said."], ["It is unlikely to pass, officials said."])
            if f.is_claim] == ["claim_changed"]


def test_harmless_edits_are_silent():
    base = PARAS
    harmless = [
        [p.replace("in three towns", "in 3 towns") for p in base],
        [p.replace("$40 million", "$40,000,000") for p in base],
        list(reversed(base)),
        [p.replace("low-lying", "low lying") for p in base],
        [p.replace("Shelters at two schools", "Shelters at 2 schools") for p in base],
        base[:1] + [base[1] + " " + base[2]] + base[3:],
    ]
    for cur in harmless:
        assert [f for f in compare(base, cur) if f.is_claim] == [], cur


def test_fault_page_raises_one_warning_and_no_claim_alert(site, tmp_path):
    site.put("/f", pages.news_page(TITLE, PARAS * 3))
    cfg = write_config(tmp_path, [{"id": "flood", "url": site.url("/f")}])
    run(cfg)
    wall = ("<html><body><h1>Before you continue</h1><p>We use cookies and data to deliver our services. "
            "Accept all cookies to continue.</p></body></html>")
    site.put("/f", wall)
    assert run(cfg) == []
    assert run(cfg) == []
    rows = [json.loads(x) for x in watcher("alerts", "--json", "--config", str(cfg)).stdout.splitlines()]
    assert [a["kind"] for a in rows if a["kind"] == "source_warning"] == ["source_warning"]
    assert claim_alerts(rows) == []
    site.put("/f", pages.news_page(TITLE, [p.replace("About 250", "About 260") for p in PARAS * 3]))
    got = run(cfg)
    assert len(got) == 1 and got[0]["kind"] == "estimate_changed"
