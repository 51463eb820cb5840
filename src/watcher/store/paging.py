"""Alerts a page at a time, by keyset: "the next ``limit`` alerts after id N", never "skip N rows".

Why keyset: alerts arrive while a client pages through them. An offset shifts under it (an alert
inserted before the offset repeats the last item of a page; one left out by a filter change skips
one); a position given as the last id seen does not move. Alert ids only grow and a check commits
its alerts in one transaction, so in ascending order an alert that arrives during the walk has a
larger id than any page already read and is met on a later page: none lost, none repeated.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.engine import Connection

from .records import AlertRecord
from .schema import alert_select, alerts, reviews


@dataclass(frozen=True)
class AlertQuery:
    """Which alerts (every condition given must hold; an empty one is no condition)."""

    source: str | None = None
    kinds: Sequence[str] = ()
    severity: str | None = None
    since: float | None = None  # created at or after (a Unix timestamp)
    reviewed: bool | None = None
    verdict: str | None = None


def alerts_page(c: Connection, q: AlertQuery, *, after: int | None = None, descending: bool = False,
                limit: int = 50) -> list[AlertRecord]:
    """Up to ``limit`` alerts matching ``q`` in id order, starting after id ``after`` (exclusive)."""
    sel = alert_select()
    if q.source is not None:
        sel = sel.where(alerts.c.source == q.source)
    if q.kinds:
        sel = sel.where(alerts.c.kind.in_(list(q.kinds)))
    if q.severity is not None:
        sel = sel.where(alerts.c.severity == q.severity)
    if q.since is not None:
        sel = sel.where(alerts.c.created_at >= q.since)
    if q.reviewed is not None:
        sel = sel.where(alerts.c.reviewed == q.reviewed)
    if q.verdict is not None:
        sel = sel.where(reviews.c.verdict == q.verdict)
    if after is not None:
        sel = sel.where(alerts.c.id < after if descending else alerts.c.id > after)
    sel = sel.order_by(alerts.c.id.desc() if descending else alerts.c.id).limit(limit)
    return [AlertRecord.from_row(r) for r in c.execute(sel).mappings()]
