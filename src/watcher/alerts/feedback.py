"""Reviewer feedback that teaches: a verdict on a claim alert, and the rule a dismissal leaves behind.

A reviewer says of a claim alert that it was right (``confirmed``), that what changed is no claim
at all but page furniture (``not_a_claim``: a newsletter box, a "support us" appeal), or that the
engine read a figure wrong (``wrong_figure``). The last two are kept as a **rule** of that source,
so the next change there is not a claim alert again, while every other sentence still is.

What a rule matches, and why. A finding names its sentences by text, and the text is what changes:
the next edit of "Join 30,000 readers" says "Join 31,000 readers". So a rule holds *keys* that
survive such an edit:

- ``m:<hash>`` of a sentence's **figure-masked canonical form** (case, quotes, spacing folded, every
  figure replaced by ``#``: "join # readers"). A change of any figure of that sentence keeps it.
  Forms with fewer than :data:`MIN_WORDS` words ("#", "updated #") name no sentence in particular
  and are left out: a rule made on one table cell must not silence every number-only cell.
- ``k:<claim key>``: the name the comparison gives the claim — its baseline sentence's canonical
  form, or, for a claim added after the baseline, its first masked wording — so a later change that
  rewords the sentence as well is still recognised (its ``before`` is that same baseline sentence).

The **scope** follows the verdict. "Not a claim — boilerplate" is a judgement of the block: every
sentence of the paragraph the alert came from (in its version, and at the baseline) gives its keys.
"Wrong figure" is a judgement of one sentence (the engine misread *it*; its neighbours are still
claims): only the alert's own sentences give theirs.

A matching finding is recorded as ``text_changed`` naming the rule (:mod:`watcher.alerts.record`),
never dropped: the diff and ``watcher alerts`` still show the edit. Removing the rule (``watcher
rules remove``, the UI, the API) makes the next change of that sentence a claim alert again.
Changing a verdict (or reopening the alert) removes the rule it made.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .. import kinds
from ..claims.sentences import sentences
from ..store import AlertRecord, ReviewCounts, Rule, Store
from ..store import reviews as rows
from ..timefmt import iso

MIN_WORDS = 2  # words (besides figures) a masked sentence needs to name one sentence
SCOPE = {"not_a_claim": "block", "wrong_figure": "sentence"}
_WORD = re.compile(r"[^\W\d_]{2,}")


class VerdictError(ValueError):
    """A verdict that cannot be given: unknown, on an alert that is not a claim alert, or with "reopen"."""


def sentence_keys(text: str | None) -> set[str]:
    """``m:`` keys of the sentences of ``text`` whose masked form has words enough to name it."""
    out: set[str] = set()
    for s in sentences([text]) if text else ():
        if len(_WORD.findall(s.masked)) >= MIN_WORDS:
            out.add("m:" + hashlib.sha1(s.masked.encode("utf-8")).hexdigest()[:16])
    return out


def keys_of(claim_key: str | None, *texts: str | None) -> set[str]:
    """Every key a finding (or a claim state) answers to: its claim's and its sentences'."""
    out = {"k:" + claim_key} if claim_key else set()
    for t in texts:
        out |= sentence_keys(t)
    return out


def rule_for(rules: Sequence[Rule], claim_key: str | None, *texts: str | None) -> Rule | None:
    """The first of ``rules`` a finding with this claim key and these texts matches."""
    if not rules:
        return None
    keys = keys_of(claim_key, *texts)
    return next((r for r in rules if r.match & keys), None)


def label(reason: str) -> str:
    return kinds.VERDICTS.get(reason, reason).lower()


def _paragraph(store: Store, source: str, number: int | None, text: str | None) -> str | None:
    """The paragraph of version ``number`` that holds ``text`` (or its first sentence)."""
    v = store.version(source, number) if number is not None and text else None
    if v is None or not text:
        return None
    first = sentences([text])
    probes = [text] + ([first[0].text] if first else [])
    return next((p for probe in probes for p in v.paragraphs if probe in p), None)


def lesson(store: Store, a: AlertRecord, verdict: str) -> tuple[str, set[str], str]:
    """(scope, match keys, text shown) of the rule ``verdict`` on alert ``a`` makes."""
    scope = SCOPE[verdict]
    own = keys_of(a.data.key, a.before, a.after, a.data.baseline)
    if scope == "sentence":
        return scope, own, a.after or a.before or ""
    blocks = [p for p in (_paragraph(store, a.source, a.data.version, a.after),
                          _paragraph(store, a.source, a.data.baseline_version, a.data.baseline or a.before))
              if p]
    blocks = list(dict.fromkeys(blocks))
    match = own.union(*(sentence_keys(b) for b in blocks))
    return scope, match, "\n\n".join(blocks) or a.after or a.before or ""


@dataclass(frozen=True)
class Reviewed:
    alert: AlertRecord  # as it is now
    rule: Rule | None = None  # the rule this verdict made (or the same rule that was already there)
    removed: tuple[Rule, ...] = ()  # rules an earlier verdict on this alert had made, gone now


def review(store: Store, alert_id: int, *, reviewed: bool = True, verdict: str | None = None) -> Reviewed | None:
    """Mark an alert reviewed (or open again), with a verdict or keeping the one it has.

    None when there is no such alert. Reopening clears the verdict and the rule it made; a new
    verdict replaces the old one and its rule. Raises :class:`VerdictError` for a verdict that
    cannot be given."""
    if verdict is not None and verdict not in kinds.VERDICTS:
        raise VerdictError(f"unknown verdict {verdict!r} (one of: {', '.join(kinds.VERDICTS)})")
    if verdict is not None and not reviewed:
        raise VerdictError("a verdict marks the alert reviewed: it cannot come with reviewed = false")
    a = store.alert(alert_id)
    if a is None:
        return None
    if verdict is not None and not kinds.is_claim(a.kind):
        raise VerdictError(f"alert {a.id} is a {a.kind} alert: verdicts are for claim alerts")
    new_verdict = verdict if verdict is not None else (a.verdict if reviewed else None)
    taught = lesson(store, a, verdict) if verdict in SCOPE else None  # given again: the rule again, if removed
    with store.transaction(immediate=True) as c:
        removed = rows.remove_rules_of_alert(c, a.id) if new_verdict != a.verdict else []
        rule = None
        if taught is not None and verdict is not None:
            scope, match, text = taught
            rule = rows.add_rule(c, source=a.source, reason=verdict, scope=scope, alert_id=a.id, match=match,
                                 text=text)
        now = rows.mark(c, a, reviewed, new_verdict)
    return Reviewed(now, rule, tuple(r for r in removed if rule is None or r.id != rule.id))


def rule_json(r: Rule) -> dict:
    """A rule as ``watcher rules --json`` and the API show it."""
    return {"id": r.id, "source": r.source, "reason": r.reason, "scope": r.scope, "alert_id": r.alert_id,
            "created_at": iso(r.created_at), "text": r.text, "match": sorted(r.match)}


def rules(store: Store, source: str | None = None) -> list[Rule]:
    with store.transaction() as c:
        return rows.rules_of(c, source)


def rule(store: Store, rule_id: int) -> Rule | None:
    with store.transaction() as c:
        return rows.rule(c, rule_id)


def remove_rule(store: Store, rule_id: int) -> Rule | None:
    """Delete a rule (the verdict that made it stays: the reviewer said what they said)."""
    with store.transaction() as c:
        return rows.remove_rule(c, rule_id)


def review_counts(store: Store, source: str | None = None) -> dict[str, ReviewCounts]:
    """Per source (or for ``source`` only): claim alerts raised, reviewed, confirmed and dismissed."""
    with store.transaction() as c:
        return rows.review_counts(c, kinds.CLAIM_KINDS, source)
