"""Reviews and rules: what reviewers said about alerts (``reviews``) and what it taught (``rules``).

Plain functions over a connection, like the :class:`~watcher.store.db.Store` methods that take one,
so a verdict, the ``reviewed`` flag and the rule it makes are written in one transaction. Which
verdict makes which rule, and what a rule matches, is :mod:`watcher.alerts.feedback`'s business;
here are only rows.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable
from dataclasses import fields

from sqlalchemy import case, func, insert, select, update
from sqlalchemy.engine import Connection

from .db import now
from .records import AlertRecord, ReviewCounts, Rule
from .schema import alert_select, alerts, reviews, rules

_VERDICT_COUNTS = {f.name for f in fields(ReviewCounts)} - {"alerts", "reviewed"}


def mark(c: Connection, alert: AlertRecord, reviewed: bool, verdict: str | None) -> AlertRecord:
    """Set the ``reviewed`` flag and the verdict of ``alert`` (None clears it) as one change."""
    c.execute(update(alerts).where(alerts.c.id == alert.id).values(reviewed=reviewed))
    c.execute(reviews.delete().where(reviews.c.alert_id == alert.id))
    if verdict is not None:
        c.execute(insert(reviews).values(alert_id=alert.id, source=alert.source, verdict=verdict, created_at=now()))
    row = c.execute(alert_select().where(alerts.c.id == alert.id)).mappings().one()
    return AlertRecord.from_row(row)


def rules_of(c: Connection, source: str | None = None) -> list[Rule]:
    """The rules of ``source`` (of every source when None), oldest first."""
    q = select(rules).order_by(rules.c.id)
    if source is not None:
        q = q.where(rules.c.source == source)
    return [Rule.from_row(r) for r in c.execute(q).mappings()]


def rule(c: Connection, rule_id: int) -> Rule | None:
    row = c.execute(select(rules).where(rules.c.id == rule_id)).mappings().first()
    return Rule.from_row(row) if row else None


def add_rule(c: Connection, *, source: str, reason: str, scope: str, alert_id: int | None,
             match: Iterable[str], text: str) -> Rule:
    """Store a rule, unless one of ``source`` already matches exactly these keys (then that one)."""
    keys = sorted(set(match))
    for existing in rules_of(c, source):
        if sorted(existing.match) == keys:
            return existing
    values = dict(source=source, reason=reason, scope=scope, alert_id=alert_id, match=json.dumps(keys),
                  text=text, created_at=now())
    rid = c.execute(insert(rules).values(**values)).inserted_primary_key[0]  # type: ignore[index]
    return Rule.from_row({"id": rid, **values})


def remove_rule(c: Connection, rule_id: int) -> Rule | None:
    """Delete a rule; the rule as it was, or None when there is no such rule."""
    found = rule(c, rule_id)
    if found is not None:
        c.execute(rules.delete().where(rules.c.id == rule_id))
    return found


def remove_rules_of_alert(c: Connection, alert_id: int) -> list[Rule]:
    """Delete the rules an alert's verdict made (the reviewer changed their mind)."""
    gone = [r for r in rules_of(c) if r.alert_id == alert_id]
    c.execute(rules.delete().where(rules.c.alert_id == alert_id))
    return gone


def review_counts(c: Connection, claim_kinds: Collection[str], source: str | None = None) -> dict[str, ReviewCounts]:
    """Per source (or for ``source`` only): claim alerts raised, reviewed, and the verdicts given on them."""
    raised_q = (select(alerts.c.source, func.count(), func.sum(case((alerts.c.reviewed, 1), else_=0)))
                .where(alerts.c.kind.in_(list(claim_kinds))).group_by(alerts.c.source))
    given_q = select(reviews.c.source, reviews.c.verdict, func.count()).group_by(reviews.c.source, reviews.c.verdict)
    if source is not None:
        raised_q, given_q = raised_q.where(alerts.c.source == source), given_q.where(reviews.c.source == source)
    raised = c.execute(raised_q)
    counts: dict[str, dict[str, int]] = {src: {"alerts": n, "reviewed": int(done or 0)} for src, n, done in raised}
    given = c.execute(given_q)
    for src, verdict, n in given:
        if verdict in _VERDICT_COUNTS:
            counts.setdefault(src, {})[verdict] = n
    return {src: ReviewCounts(**values) for src, values in counts.items()}
