"""Once-only alerting (watcher.alerts.record.record_findings), table-driven: a baseline, then versions in
turn, and the alert kinds each version raises. A real SQLite store; no HTTP."""

from __future__ import annotations

import pytest

import watcher.alerts.record as alerts
from watcher.claims.compare import compare
from watcher.store import Store

BODY = ["The council met on Tuesday to debate the budget.", "Residents asked questions for two hours."]
FIG = "The county expects to repair an estimated 12 bridges, officials said."


def versions(*claim_lines: str | None) -> list[list[str]]:
    return [BODY + ([c] if c else []) for c in claim_lines]


CASES = [
    ("unchanged: silent", versions(FIG, FIG), [[], []]),
    ("a figure change alerts once, not again at an unrelated edit",
     [BODY + [FIG.replace("12", "15")], [BODY[0] + " Late.", BODY[1], FIG.replace("12", "15")]],
     [["estimate_changed"], []]),
    ("a further change alerts again", versions(FIG.replace("12", "15"), FIG.replace("12", "18")),
     [["estimate_changed"], ["estimate_changed"]]),
    ("back to the baseline is reported", versions(FIG.replace("12", "15"), FIG),
     [["estimate_changed"], ["estimate_changed"]]),
    ("attribution dropped, then back", versions(FIG.replace(", officials said", ""), FIG),
     [["claim_changed"], ["claim_changed"]]),
    ("a removed claim, then restored", versions(None, FIG), [["claim_removed"], ["claim_removed"]]),
    ("an added claim, then its figure changes, then it goes",
     [BODY + [FIG, "Repairs will cost $40 million."], BODY + [FIG, "Repairs will cost $55 million."], BODY + [FIG]],
     [["claim_added"], ["estimate_changed"], ["claim_removed"]]),
    ("a reformatted figure is silent", versions(FIG.replace("12", "twelve")), [[]]),
]


@pytest.mark.parametrize("name, steps, expected", CASES, ids=[c[0] for c in CASES])
def test_each_change_is_alerted_once(tmp_path, name, steps, expected):
    st = Store(f"sqlite:///{tmp_path / 'w.db'}")
    with st.transaction() as c:
        st.ensure_source(c, "s", "http://e.org/")
        base = st.add_version(c, "s", text="\n\n".join(BODY + [FIG]), content_hash="base", title=None, url=None,
                              origin="fetch", is_baseline=True)
    got = []
    for i, paras in enumerate(steps):
        with st.transaction() as c:
            v = st.add_version(c, "s", text="\n\n".join(paras), content_hash=f"v{i}", title=None, url=None,
                               origin="fetch", is_baseline=False)
            rows = alerts.record_findings(st, c, "s", compare(base.paragraphs, v.paragraphs), v, base, "http://e.org/")
        got.append([r.kind for r in rows if alerts.is_claim(r)])
    assert got == expected, name
    ids = [a.id for a in st.alerts(source="s")]
    assert len(ids) == len(set(ids))


def test_a_claim_read_anew_by_a_newer_version_is_not_alerted_again(tmp_path):
    """A claim engine upgrade reads an alerted claim differently (a unit now understood, a source now
    named): its state changes while the page did not. The first check after the upgrade must not
    alert it again — the state is updated silently — and a later real change still alerts."""
    st = Store(f"sqlite:///{tmp_path / 'w.db'}")
    with st.transaction() as c:
        st.ensure_source(c, "s", "http://e.org/")
        base = st.add_version(c, "s", text="\n\n".join(BODY + [FIG]), content_hash="base", title=None, url=None,
                              origin="fetch", is_baseline=True)

    def check(paras: list[str], n: int) -> list[str]:
        with st.transaction() as c:
            v = st.add_version(c, "s", text="\n\n".join(paras), content_hash=f"v{n}", title=None, url=None,
                               origin="fetch", is_baseline=False)
            rows = alerts.record_findings(st, c, "s", compare(base.paragraphs, v.paragraphs), v, base, "http://e.org/")
        return [r.kind for r in rows if alerts.is_claim(r)]

    changed = BODY + [FIG.replace("12", "15")]
    assert check(changed, 1) == ["estimate_changed"]
    with st.transaction() as c:  # the state as an older reader of the same two texts computed it
        (key, prev), = st.claim_states(c, "s").items()
        st.set_claim_state(c, "s", key, kind=prev.kind, state="read-by-an-older-version",
                           baseline_text=prev.baseline_text, last_text=prev.last_text, changes=prev.changes,
                           version_id=prev.version_id)
    assert check(changed + ["An unrelated new paragraph."], 2) == []
    with st.transaction() as c:
        assert st.claim_states(c, "s")[key].state != "read-by-an-older-version"
    assert check(BODY + [FIG.replace("12", "18")], 3) == ["estimate_changed"]
    assert check(BODY + [FIG], 4) == ["estimate_changed"]  # back to the baseline
