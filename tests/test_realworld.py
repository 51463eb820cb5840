"""Extraction and claim alerts on real pages (../shared/realworld-dev, read at test time).

A figure edited inside an annotated main-text snippet must raise a claim alert; one edited inside
an annotated boilerplate snippet must not. The thresholds are floors under what the engine
measures today (see bench/realworld_claims.py), so a regression fails the suite.
"""

from __future__ import annotations

import sys

import pytest

from .conftest import ROOT, SHARED

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not (SHARED / "realworld-dev" / "evaldata.json").exists(),
                                reason="../shared/realworld-dev is not beside this checkout")]


def test_figure_edits_on_real_pages():
    sys.path.insert(0, str(ROOT / "bench"))
    import realworld_claims

    r = realworld_claims.evaluate()
    assert r["tp"] + r["fn"] >= 60 and r["fp"] + r["tn"] >= 15, "too few usable snippets"
    assert r["recall"] >= 0.93, r["failures"]
    assert r["false_alert_rate"] <= 0.02, r["failures"]
