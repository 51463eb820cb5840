"""Seed evidence: a seed says where the article starts and ends.

The commentary seed served in generic ``div`` markup (no classes, no semantic tags, no links, no
"keep reading" marker) with inlined next-article teasers below it: nothing in the page's structure
tells the teasers from the article, but the seed does — they lie below its last paragraph and come
with headline lines. A sentence appended below the article, on its own, is still a new claim.
"""

from __future__ import annotations

from tests import sitegen as pages
from tests.seed_expected import SEED_COMMENTARY

from .conftest import ROOT, alerts_json, claim_alerts, watcher, write_config

SEED = ROOT / "seeds" / "002_e9ee366aa947b6a8.txt"
TITLE = "Putin's Embrace of Kim Jong-un Has Its Limits"


def test_teasers_below_the_seeds_end_are_not_claims(site, tmp_path):
    teasers = pages.rotate(pages.TEASER_POOL, 2, 0)
    site.put("/c", pages.div_page(TITLE, list(SEED_COMMENTARY), tail_teasers=teasers))
    cfg = write_config(tmp_path, [{"id": "c", "url": site.url("/c"), "baseline": SEED}])
    assert watcher("check", "--config", str(cfg)).returncode == 0
    assert claim_alerts(alerts_json(cfg)) == []
    site.put("/c", pages.div_page(TITLE, list(SEED_COMMENTARY), tail_teasers=pages.rotate(pages.TEASER_POOL, 2, 2)))
    assert watcher("check", "--config", str(cfg)).returncode == 0
    assert claim_alerts(alerts_json(cfg)) == []
    update = "Update: Officials said on Friday that 12 more shipments of munitions had arrived in Russia."
    site.put("/c", pages.div_page(TITLE, list(SEED_COMMENTARY) + [update], tail_teasers=teasers))
    assert watcher("check", "--config", str(cfg)).returncode == 0
    got = claim_alerts(alerts_json(cfg))
    assert [a["kind"] for a in got] == ["claim_added"] and got[0]["after"] == update, got
