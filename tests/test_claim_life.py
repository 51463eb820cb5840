"""Claims after the baseline, re-segmented lines, timestamps and figures the grammar cannot read.

End to end where a user would see it (a local site, real checks, the alert log), and table-driven
on :func:`watcher.claims.compare.compare` for the cases that are one comparison each.
"""

from __future__ import annotations

import pytest

from watcher.claims.compare import compare

from .conftest import alerts_json, claim_alerts, watcher, write_config

INTRO = [
    "The county health department published its weekly figures on Monday, a day later than usual "
    "because of the holiday.",
    "Officials said testing capacity had doubled since the spring and that results now arrive within "
    "two days for most residents.",
    "Schools will stay open, the superintendent said, although two classrooms moved to remote teaching.",
]


def page(extra: list[str], lines_as: str = "p") -> str:
    paras = INTRO + extra
    if lines_as == "br":
        body = "<p>" + "<br>".join(paras) + "</p>"
    elif lines_as == "li":
        body = "<ul>" + "".join(f"<li>{p}</li>" for p in paras) + "</ul>"
    else:
        body = "".join(f"<p>{p}</p>" for p in paras)
    return (f"<html><head><title>Weekly figures</title></head><body><article><h1>Weekly figures</h1>{body}"
            f"</article></body></html>")


def run(site, tmp_path, versions: list[str]) -> list[list[dict]]:
    cfg = write_config(tmp_path, [{"id": "county", "url": site.url("/w")}])
    seen, out = 0, []
    for html in versions:
        site.put("/w", html)
        assert watcher("check", "--config", str(cfg)).returncode == 0
        got = claim_alerts(alerts_json(cfg))
        out.append(got[seen:])
        seen = len(got)
    return out


def test_a_claim_born_after_the_baseline_is_tracked_from_its_first_wording(site, tmp_path):
    born = "We have a total of 117 live cases in the county."
    steps = run(site, tmp_path, [
        page([]),
        page([born]),
        page(["We have a total of 154 live cases in the county."]),
        page(["As of Monday we have a total of 171 live cases across the county."]),
        page(["As of Monday we have a total of 171 live cases across the county."]),
    ])
    assert steps[0] == []
    assert [a["kind"] for a in steps[1]] == ["claim_added"] and steps[1][0]["after"] == born
    assert [a["kind"] for a in steps[2]] == ["estimate_changed"], steps[2]
    assert steps[2][0]["before"] == born and "117 → 154" in steps[2][0]["explanation"]
    assert "version 2" in steps[2][0]["explanation"]
    # the words around the figure changed too: still the same claim, against its first wording
    assert [a["kind"] for a in steps[3]] == ["estimate_changed"], steps[3]
    assert "117 → 171" in steps[3][0]["explanation"]
    assert steps[4] == []


@pytest.mark.parametrize("before, after", [("p", "br"), ("p", "li"), ("br", "li")])
def test_the_same_lines_cut_another_way_raise_nothing(site, tmp_path, before, after):
    steps = run(site, tmp_path, [page(["Cases: 117 live, 12 in hospital."], before),
                                 page(["Cases: 117 live, 12 in hospital."], after)])
    assert steps[1] == [], steps[1]


BASE = ["Council members met on Tuesday.", "The plan costs $48 million, officials said.", "Work starts in March."]


@pytest.mark.parametrize("old, new, kind, words", [
    # a timestamp that dates the page is no claim
    ("Updated 8:00 a.m.", "Updated 12:30 p.m.", None, ()),
    ("Latest update (30 September)", "Latest update (1 October)", None, ()),
    ("3:59 PM", "4:59 PM", None, ()),
    # a dated statement about the world is
    ("Deadline: 3 November 2019, by post.", "Deadline: 4 November 2019, by post.", "estimate_changed", ()),
    # digits the figure grammar does not read as a figure are compared as text
    ("Emissions of CO2 fell last year.", "Emissions of CO3 fell last year.", "estimate_changed", ("CO2", "CO3")),
    ("Support arrived in version 0.2 on vcpkg.", "Support arrived in version 0.3 on vcpkg.", "estimate_changed",
     ("0.2", "0.3")),
    # reformatting the same figure stays silent
    ("The fund holds 3 million dollars.", "The fund holds 3,000,000 dollars.", None, ()),
])
def test_stamps_dated_claims_and_codes(old, new, kind, words):
    found = [f for f in compare(BASE + [old], BASE + [new]) if f.is_claim]
    if kind is None:
        assert found == [], [(f.kind, f.explanation) for f in found]
        return
    assert [f.kind for f in found] == [kind], [(f.kind, f.explanation) for f in found]
    assert "%" not in found[0].explanation or not any(c["kind"] in ("date", "time") for c in found[0].changes)
    for w in words:
        assert w in found[0].explanation, found[0].explanation


def test_a_date_change_is_never_a_percentage():
    found = [f for f in compare(BASE + ["The vote was moved to 3 May."], BASE + ["The vote was moved to 10 May."])
             if f.is_claim]
    assert found and all("%" not in f.explanation for f in found), [f.explanation for f in found]


def test_a_claim_changed_again_in_its_attribution_names_the_baseline(tmp_path):
    """The "again; at baseline: …" path with a cue change (its old value is a list) — this raised
    TypeError and made the source fail at every check from then on."""
    import watcher.alerts.record as alerts
    from watcher.store import Store

    st = Store(f"sqlite:///{tmp_path / 'w.db'}")
    base = BASE + ["At least 40 homes were damaged, officials said."]
    steps = [base[:-1] + ["At least 40 homes were damaged."],
             base[:-1] + ["At least 40 homes were damaged, the fire service said."],
             base[:-1] + ["At least 55 homes were damaged, the fire service said."]]
    with st.transaction() as c:
        st.ensure_source(c, "s", "http://e.org/")
        b = st.add_version(c, "s", text="\n\n".join(base), content_hash="b", title=None, url=None, origin="fetch",
                           is_baseline=True)
    got = []
    for i, paras in enumerate(steps):
        with st.transaction() as c:
            v = st.add_version(c, "s", text="\n\n".join(paras), content_hash=f"v{i}", title=None, url=None,
                               origin="fetch", is_baseline=False)
            got.append(alerts.record_findings(st, c, "s", compare(b.paragraphs, v.paragraphs), v, b, "http://e.org/"))
    assert [a.kind for a in got[0]] == ["claim_changed"]
    assert [a.kind for a in got[1]] == ["claim_changed"] and "at baseline: officials" in got[1][0].explanation
    assert [a.kind for a in got[2]] == ["estimate_changed"] and "at baseline" in got[2][0].explanation
