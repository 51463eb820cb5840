"""Fault alerts (``source_error``/``source_warning``): raised once per failure streak, not at every
failing check, and the fingerprint that makes any alert said once.

Apart from :mod:`watcher.alerts.record` (claim alerts) because every check may need it — a fetch
that fails — while only a changed page needs the claim engine: an unchanged or failing pass never
imports it.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from ..kinds import SEVERITY
from ..store import AlertData, AlertRecord, SourceState, Store

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection


def fingerprint(*parts: object) -> str:
    """The identity of an alert: the store refuses a second alert with the same one."""
    return hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:32]


def record_problem(store: Store, c: Connection, source_id: str, kind: str, message: str, state: SourceState,
                   url: str) -> AlertRecord | None:
    """A ``source_error``/``source_warning``, once per streak (or when the message changes)."""
    if state.last_outcome == kind and state.last_error == message:
        return None
    streak = state.last_ok or 0
    return store.add_alert(c, source=source_id, kind=kind, severity=SEVERITY[kind], before=None, after=None,
                           explanation=message, data=AlertData(url=url, error=message), version_id=None,
                           fingerprint=fingerprint(source_id, kind, message, streak, state.last_check))
