"""What kind of edit a claim change is — one table, one deterministic rule.

A claim alert says *that* a claim changed (:mod:`watcher.kinds`); the edit type says *how*, in the
terms a fact-checker sorts edits by. :data:`EDIT_TYPES` is the vocabulary (name, title, the
explanation shown beside it); :func:`classify` picks the first that applies, in this order:

1. ``noted_correction`` — the version carries a new correction or update note
   (:mod:`watcher.evidence.corrections`): whatever changed, the outlet said so;
2. ``claim_removed`` / ``claim_added`` — the claim went, or a new one came;
3. ``quote_change`` — the words inside quotation marks changed (a quote was altered, added or cut);
4. ``figure_update`` — a figure of the claim changed, came or went (value, range, qualifier, unit,
   what it counts — "two men" → "two women" —, what happened to those it counts — "injured" →
   "killed" —, or the way it moved: "fell 3%" → "rose 3%");
5. ``attribution_change`` — who the claim is attributed to changed, or whom or what it names
   ("fined by the SEC" → "fined by the FTC");
6. ``hedge_change`` — hedging or modality ("may", "reportedly", "likely") or negation changed.

Only claim alerts get an edit type (a text change or a source fault has none). The same alert gives
the same type every time: the rule reads only the alert's kind, its changes and its two sentences.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..claims.quotes import quotes
from ..kinds import CLAIM_KINDS


@dataclass(frozen=True)
class EditType:
    name: str
    title: str
    explanation: str


EDIT_TYPES: tuple[EditType, ...] = (
    EditType("noted_correction", "Noted correction",
             "the version carries a new correction or update note: the outlet says it changed the article"),
    EditType("claim_removed", "Claim removed", "a claim of the article is gone"),
    EditType("claim_added", "Claim added", "a new claim appeared in the article"),
    EditType("quote_change", "Quote change", "the words inside quotation marks changed, were added or were cut"),
    EditType("figure_update", "Figure update", "a figure of the claim changed, was added or was dropped"),
    EditType("attribution_change", "Attribution change",
             "who the claim is attributed to changed, or whom or what it names (another person, body or place)"),
    EditType("hedge_change", "Hedge or modality change",
             "hedging or modality (may, likely, reportedly) or a negation was added or removed"),
)
BY_NAME = {t.name: t for t in EDIT_TYPES}
NAMES = tuple(t.name for t in EDIT_TYPES)

_FIGURE_FIELDS = frozenset({"value", "range", "qualifier", "unit", "figure_added", "figure_removed", "direction",
                            "outcome"})


def classify(kind: str, changes: Iterable[dict], before: str | None, after: str | None,
             noted: bool = False) -> str | None:
    """The edit type of a claim alert (see the module doc for the order), None for any other alert."""
    if kind not in CLAIM_KINDS:
        return None
    if noted:
        return "noted_correction"
    if kind in ("claim_removed", "claim_added"):
        return kind
    fields = {c.get("field") for c in changes}
    if before and after and quotes(before) != quotes(after):
        return "quote_change"
    if fields & _FIGURE_FIELDS or (kind == "estimate_changed" and not fields):
        return "figure_update"
    if fields & {"attribution", "name"}:
        return "attribution_change"
    return "hedge_change"


def title(name: str | None) -> str:
    t = BY_NAME.get(name or "")
    return t.title if t else ""


def explanation(name: str | None) -> str:
    t = BY_NAME.get(name or "")
    return t.explanation if t else ""
