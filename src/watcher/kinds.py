"""The alert vocabulary in one table: every kind's severity, title, order and whether it is a claim.

Every other module asks this table; adding a kind is one row here. Order is the order a reader
wants them in (the figure changes first, then claim wording, removals, additions, text edits,
then the source's own faults).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AlertKind:
    name: str
    severity: str  # high | medium | low | info
    title: str  # as a person reads it: "Estimate changed"
    is_claim: bool  # a change of what the article claims (notified by default)
    style: str  # terminal colour


KINDS: tuple[AlertKind, ...] = (
    AlertKind("estimate_changed", "high", "Estimate changed", True, "red"),
    AlertKind("claim_changed", "medium", "Claim changed", True, "yellow"),
    AlertKind("claim_removed", "medium", "Claim removed", True, "cyan"),
    AlertKind("claim_added", "low", "Claim added", True, "cyan"),
    AlertKind("text_changed", "info", "Text changed", False, "dim"),
    AlertKind("source_error", "low", "Source error", False, "magenta"),
    AlertKind("source_warning", "low", "Source warning", False, "magenta"),
)
BY_NAME = {k.name: k for k in KINDS}
ALL = tuple(k.name for k in KINDS)
CLAIM_KINDS = tuple(k.name for k in KINDS if k.is_claim)
SEVERITY = {k.name: k.severity for k in KINDS}
SEVERITIES = ("high", "medium", "low", "info")
ORDER = {k.name: i for i, k in enumerate(KINDS)}


def is_claim(kind: str) -> bool:
    k = BY_NAME.get(kind)
    return k is not None and k.is_claim


def title(kind: str) -> str:
    k = BY_NAME.get(kind)
    return k.title if k else kind.replace("_", " ").capitalize()


# A reviewer's verdict on a claim alert (watcher serve, the API): the alert was right, or it was not a
# claim at all (boilerplate), or the engine read a figure wrong. The last two teach a rule (see
# watcher.alerts.feedback) and count as dismissed.
VERDICTS = {"confirmed": "Confirmed", "not_a_claim": "Not a claim — boilerplate", "wrong_figure": "Wrong figure"}
DISMISSING = ("not_a_claim", "wrong_figure")
