"""Decide which findings are news, record them as alerts, and render alerts as JSON.

"A change is alerted once": every finding names a claim (``key``) and what it says now
(``state``). The last state alerted per claim is kept in the store; a finding whose state was
already alerted is silent, so a later unrelated edit re-alerts nothing, while a further change of
the same figure (250 → 300) alerts again and says what it was at baseline. A claim whose
finding disappears has returned to the baseline, and that is reported too.

Fault alerts (``source_error``/``source_warning``) are raised once per failure streak, not at
every failing check.

Reviewers teach it too: a finding that a rule of the source matches (a sentence a reviewer called
"not a claim" or "wrong figure", see :mod:`watcher.alerts.feedback`) is recorded as ``text_changed``
naming the rule, and its return to the baseline is no "back to the baseline" claim alert either.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from sqlalchemy.engine import Connection

from ..claims import Finding, compare_pair
from ..claims.align import Pair, align
from ..evidence.edittype import classify
from ..kinds import CLAIM_KINDS, SEVERITY
from ..kinds import is_claim as is_claim_kind
from ..store import AlertData, AlertRecord, ClaimState, Rule, Store, Version
from ..store import reviews as review_rows
from ..timefmt import iso
from .feedback import label, rule_for
from .problems import fingerprint as _fp
from .problems import record_problem  # noqa: F401 (part of this module's surface)

if TYPE_CHECKING:
    from ..evidence.capture import VersionEvidence


def _marked(data: AlertData, kind: str, before: str | None, after: str | None, changes,
            found: VersionEvidence | None) -> AlertData:
    """A claim alert's edit type and whether it is silent (:mod:`watcher.evidence.edittype`):
    ``found`` is its version's evidence (None: not judged, e.g. a comparison with a new seed)."""
    if not is_claim_kind(kind):
        return data
    return replace(data, edit_type=classify(kind, changes, before, after, noted=bool(found and found.notes)),
                   silent=found is not None and found.silent)


def record_findings(store: Store, c: Connection, source_id: str, findings: list[Finding], version: Version,
                    baseline: Version, url: str, found: VersionEvidence | None = None) -> list[AlertRecord]:
    """Store the alerts that are news among ``findings`` (compared with ``baseline``); ``found``: the
    version's evidence, which its alerts carry."""
    states = store.claim_states(c, source_id)
    findings = _follow_born(findings, states)
    rules = review_rows.rules_of(c, source_id)
    out: list[AlertRecord] = []
    seen: set[str] = set()
    common = AlertData(url=url, version=version.number, baseline_version=baseline.number,
                       evidence=found.evidence if found else None, correction=found.correction if found else None)
    for f in findings:
        seen.add(f.key)
        prev = states.get(f.key)
        if prev and prev.state == f.state:
            continue
        if prev and _read_anew(prev, f):
            store.set_claim_state(c, source_id, f.key, kind=prev.kind, state=f.state, baseline_text=prev.baseline_text,
                                  last_text=prev.last_text, changes=f.changes, version_id=prev.version_id)
            continue
        rule = rule_for(rules, f.key, f.before, f.after) if f.is_claim or (prev and prev.kind in CLAIM_KINDS) \
            else None
        if rule is not None:
            out += _taught(store, c, source_id, f, prev, rule, version, common)
            continue
        if f.kind == "claim_added" and prev is not None and prev.kind in CLAIM_KINDS:
            out += _born_claim_changed(store, c, source_id, f, prev, version, common, found)
            continue
        if prev and prev.kind in CLAIM_KINDS and f.kind == "text_changed":
            out += _reverted(store, c, source_id, prev, version, common, now_text=f.after, found=found)
        elif f.kind != "text_changed" or not prev or prev.kind == "text_changed":
            expl = f.explanation
            data = replace(common, changes=tuple(f.changes), key=f.key)
            before = f.before
            if prev and prev.kind in CLAIM_KINDS and f.before is not None:
                data = replace(data, baseline=prev.baseline_text, previous=prev.last_text,
                               previous_changes=prev.changes)
                before = prev.last_text or f.before
                expl = f"{expl} (again; at baseline: {_baseline_values(prev, f)})"
            elif f.before is not None:
                data = replace(data, baseline=f.before)
            data = _marked(data, f.kind, before, f.after, f.changes, found)
            row = store.add_alert(c, source=source_id, kind=f.kind, severity=f.severity, before=before,
                                  after=f.after, explanation=expl, data=data, version_id=version.id,
                                  fingerprint=_fp(source_id, f.key, f.state, version.id))
            if row:
                out.append(row)
        store.set_claim_state(c, source_id, f.key, kind=f.kind, state=f.state,
                              baseline_text=(prev.baseline_text if prev else None) or f.before
                              or (f.after if f.kind == "claim_added" else None), last_text=f.after,
                              changes=f.changes, version_id=version.id)
    for key, prev in states.items():
        if key in seen:
            continue
        if prev.kind in CLAIM_KINDS and rule_for(rules, key, prev.baseline_text, prev.last_text) is None:
            out += _reverted(store, c, source_id, prev, version, common, now_text=prev.baseline_text, found=found)
        store.delete_claim_state(c, source_id, key)
    return out


def _read_anew(prev: ClaimState, f: Finding) -> bool:
    """The finding says the same texts as the state stored for its claim, only read differently:
    the page did not change the claim, a newer version of watcher reads it better ("five
    kilometres" now a figure, '"…," said Smith' now a source). Its state is updated silently —
    otherwise every upgrade of the claim engine would alert claims already alerted once more, as
    changed again (or back to the baseline, where today's reader calls the change wording)."""
    if f.after is None or f.after != prev.last_text:
        return False
    return f.before is None or f.before == prev.baseline_text


def _taught(store: Store, c: Connection, source_id: str, f: Finding, prev: ClaimState | None, rule: Rule,
            version: Version, common: AlertData) -> list[AlertRecord]:
    """A finding a reviewer's rule matches: kept as ``text_changed`` naming the rule, and tracked as a
    text change (so a later return to the baseline is no claim alert, and once the rule is removed the
    next change of the claim is alerted as new)."""
    expl = f"{f.explanation} (kept as a text change by rule {rule.id}: {label(rule.reason)})"
    row = store.add_alert(c, source=source_id, kind="text_changed", severity=SEVERITY["text_changed"],
                          before=f.before, after=f.after, explanation=expl,
                          data=replace(common, changes=tuple(f.changes), key=f.key, baseline=f.before, rule=rule.id),
                          version_id=version.id, fingerprint=_fp(source_id, f.key, f.state, version.id))
    store.set_claim_state(c, source_id, f.key, kind="text_changed", state=f.state,
                          baseline_text=(prev.baseline_text if prev else None) or f.before, last_text=f.after,
                          changes=f.changes, version_id=version.id)
    return [row] if row else []


def _baseline_values(prev: ClaimState, f: Finding) -> str:
    """The baseline's figures of a claim changed again (its attribution or hedges for a cue change:
    those hold lists)."""
    vals: list[str] = []
    for ch in f.changes:
        old = ch.get("old")
        if isinstance(old, list | tuple):
            vals.append(", ".join(map(str, old)) or "none")
        elif old:
            vals.append(str(old))
    return ", ".join(vals) if vals else (prev.baseline_text or "")[:120]


def _follow_born(findings: list[Finding], states: dict[str, ClaimState]) -> list[Finding]:
    """Give a claim born after the baseline its old name when its wording moved too.

    An added sentence is named by its wording with figures masked, so "117 live cases" → "154 live
    cases" keeps its name. When the words around the figure changed as well, the claim we tracked
    vanishes and a new one appears in the same step: the two are aligned like baseline sentences
    (:func:`watcher.claims.align.align`) and a pair takes the tracked claim's name.
    """
    from ..claims.sentences import sentences

    now_keys = {f.key for f in findings}
    gone = {k: st for k, st in states.items()
            if k.startswith("added:") and k not in now_keys and st.kind in CLAIM_KINDS and st.last_text}
    new = [f for f in findings if f.kind == "claim_added" and f.key not in states and f.after]
    if not gone or not new:
        return findings
    old_s = sentences([st.last_text or "" for st in gone.values()])
    new_s = sentences([f.after or "" for f in new])
    old_keys = list(gone)
    rename: dict[int, str] = {}
    for pair in align(old_s, new_s).pairs:
        if len(pair.base) == 1 and len(pair.cur) == 1:
            rename[pair.cur[0].paragraph] = old_keys[pair.base[0].paragraph]
    out = []
    by_id = {id(f): i for i, f in enumerate(new)}
    for f in findings:
        i = by_id.get(id(f))
        out.append(replace(f, key=rename[i]) if i in rename else f)
    return out


def _born_claim_changed(store: Store, c: Connection, source_id: str, f: Finding, prev: ClaimState,
                        version: Version, common: AlertData, found: VersionEvidence | None) -> list[AlertRecord]:
    """A claim that appeared after the baseline changed: compare it with its first appearance.

    Its first text is that claim's own baseline (kept in the claim state), so 117 → 154 → 171 live
    cases is one tracked figure, alerted as ``estimate_changed`` against the 117 it was born with,
    not a new ``claim_added`` at every change. Back to its first form, it is silent.
    """
    from ..claims.sentences import sentences

    first = prev.baseline_text or prev.last_text or ""
    born_in = store.version_number(c, prev.version_id)
    g = compare_pair(Pair(sentences([first]), sentences([f.after or ""])))
    rows: list[AlertRecord] = []
    if g is not None and g.kind in CLAIM_KINDS:
        since = f" (a claim added in version {born_in}, compared with its first wording)" if born_in else \
            " (a claim added after the baseline, compared with its first wording)"
        data = _marked(replace(common, changes=tuple(g.changes), key=f.key, baseline=first, previous=prev.last_text,
                               born_version=born_in), g.kind, first, f.after, g.changes, found)
        row = store.add_alert(c, source=source_id, kind=g.kind, severity=g.severity, before=first, after=f.after,
                              explanation=g.explanation + since, data=data, version_id=version.id,
                              fingerprint=_fp(source_id, f.key, f.state, version.id))
        if row:
            rows.append(row)
    store.set_claim_state(c, source_id, f.key, kind=prev.kind, state=f.state, baseline_text=first,
                          last_text=f.after, changes=g.changes if g else (), version_id=prev.version_id)
    return rows


def _reverted(store: Store, c: Connection, source_id: str, prev: ClaimState, version: Version, common: AlertData,
              now_text: str | None, found: VersionEvidence | None = None) -> list[AlertRecord]:
    if prev.kind == "claim_added":
        kind, expl = "claim_removed", "a claim added since the baseline is gone again"
        before, after = prev.last_text, None
    else:
        kind, expl = prev.kind, "back to the baseline"
        before, after = prev.last_text, now_text
    data = _marked(replace(common, reverted=True, baseline=prev.baseline_text, key=prev.key), kind, before, after,
                   prev.changes, found)
    row = store.add_alert(c, source=source_id, kind=kind, severity=SEVERITY[kind], before=before, after=after,
                          explanation=expl, data=data, version_id=version.id,
                          fingerprint=_fp(source_id, prev.key, "reverted", version.id))
    return [row] if row else []


def to_json(a: AlertRecord) -> dict:
    """The alert-JSON contract (DESIGN.md §2): source, kind, severity, before, after, created_at, …"""
    return {
        "id": a.id, "source": a.source, "kind": a.kind, "severity": a.severity,
        "before": a.before, "after": a.after, "explanation": a.explanation,
        "created_at": iso(a.created_at), "changes": list(a.data.changes), "url": a.data.url,
        "version": a.data.version, "baseline_version": a.data.baseline_version,
        "baseline": a.data.baseline, "reverted": a.data.reverted,
        "reviewed": a.reviewed, "verdict": a.verdict, "rule": a.data.rule,
        "edit_type": a.data.edit_type, "silent": a.data.silent, "correction": a.data.correction,
        "evidence": a.data.evidence,
    }


def is_claim(a: AlertRecord) -> bool:
    return a.kind in CLAIM_KINDS


@dataclass(frozen=True)
class TrackedClaim:
    """A claim of the baseline (or one added since), what it says now, and its alert history."""

    key: str
    baseline: str | None
    figures: tuple[str, ...]
    status: str  # unchanged | <kind of its open change>
    current: str | None
    history: tuple[dict, ...] = field(default_factory=tuple)


def tracked_claims(store: Store, source_id: str) -> list[TrackedClaim]:
    """Every claim-bearing sentence of the baseline, then claims added since, with their changes."""
    from ..claims import claim_key
    from ..claims.sentences import sentences

    with store.transaction() as c:
        base = store.baseline(c, source_id)
        states = store.claim_states(c, source_id)
    history: dict[str, list[dict]] = {}
    for a in store.alerts(source=source_id):
        if a.data.key and a.kind in CLAIM_KINDS:
            history.setdefault(a.data.key, []).append(to_json(a))
    out = []
    seen = set()
    for s in sentences(base.paragraphs) if base else []:
        if not s.claim.is_claim:
            continue
        key = claim_key([s])
        seen.add(key)
        st = states.get(key)
        status = st.kind if st and st.kind in CLAIM_KINDS else "unchanged"
        out.append(TrackedClaim(key=key, baseline=s.text, figures=tuple(m.text for m in s.claim.mentions),
                                status=status, current=(st.last_text if st else None) or s.text,
                                history=tuple(history.get(key, ()))))
    for key, st in states.items():
        if key in seen or st.kind not in CLAIM_KINDS:
            continue
        out.append(TrackedClaim(key=key, baseline=st.baseline_text, figures=(), status=st.kind,
                                current=st.last_text, history=tuple(history.get(key, ()))))
    return out
