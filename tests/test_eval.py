"""End-to-end evaluation of claim alerts on labelled revision scenarios (tests/eval/).

Run the report by hand with ``python -m tests.eval.scorer`` (``-v`` for a line per step).
"""

from __future__ import annotations

import pytest

from tests.eval import scenarios, scorer


@pytest.fixture(scope="module")
def result() -> dict:
    return scorer.evaluate()


def test_scenario_set_is_large_and_varied() -> None:
    scenarios.validate()
    s = scenarios.stats()
    assert s["steps"] >= 80, s
    assert s["articles"] >= 4, s
    assert s["markups"] >= 3, s
    assert s["harmless_steps"] >= s["claim_steps"], s
    kinds = {e.kind for sc in scenarios.SCENARIOS for st in sc.steps for e in st.expect}
    assert set(scenarios.CLAIM_KINDS) | {"source_warning"} <= kinds


@pytest.mark.slow
def test_claim_alert_precision_and_recall(result: dict) -> None:
    report = scorer.format_report(result)
    assert result["precision"] >= 0.95 and result["recall"] >= 0.95, report


@pytest.mark.slow
def test_fault_pages_raise_a_source_warning(result: dict) -> None:
    assert result["faults_detected"] == result["faults_expected"], scorer.format_report(result)
    assert result["unexpected_fault_alerts"] == 0, scorer.format_report(result)
