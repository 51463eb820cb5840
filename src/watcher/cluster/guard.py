"""The idempotency key of a cluster check: (source, due time), kept in the check's own transaction.

A check job can run twice: its node was killed mid-check and another node ran it again, or a node
whose event loop stalled past ``dead_after`` was taken for dead. Both runs fetch; only one may
store. The check's write transaction (:func:`watcher.pipeline._writing`) locks the source's row,
then :meth:`DueGuard.enter` refuses a due time already stored, and :meth:`DueGuard.leave` moves
``last_due`` forward with a compare-and-set and plans the next run, in the same transaction as
the version, claim states and alerts. So a second run blocks on the row lock, then finds
``last_due >= due`` and rolls back: no version, alert or delivery is stored twice, and no extra
row per check is needed. A discovered article's next run is planned on its ladder from its age
anchor as this check left it (an edit makes it young again), as the service plans it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select, text, update

from ..config import Source
from ..pipeline import AlreadyStored
from ..service import schedule
from ..store import SourceState, discovered
from ..store.schema import sources


@dataclass
class DueGuard:
    source: Source
    due: float
    backoff_max: float
    next_due: float | None = None  # planned by leave()
    failures: int = 0  # failed checks in a row, this one included (read by leave())

    def enter(self, c) -> None:
        last = c.execute(select(sources.c.last_due).where(sources.c.id == self.source.id)).scalar()
        if last is not None and last >= self.due:
            raise AlreadyStored(f"{self.source.id}@{self.due!r}")

    def leave(self, c) -> None:
        row = c.execute(select(sources).where(sources.c.id == self.source.id)).mappings().one()
        t = c.execute(text("SELECT extract(epoch FROM clock_timestamp())::float8")).scalar()
        state = SourceState.from_row(row)
        anchor = discovered.anchors(c, [self.source.id]).get(self.source.id) if self.source.feed else None
        policy = schedule.policy_for(self.source, state, anchor)
        nxt = schedule.after_check(policy, t, state.failures, self.backoff_max)
        res = c.execute(update(sources).where(
            sources.c.id == self.source.id, or_(sources.c.last_due.is_(None), sources.c.last_due < self.due),
        ).values(last_due=self.due, dispatched_due=None, next_due=nxt))
        if res.rowcount != 1:
            raise AlreadyStored(f"{self.source.id}@{self.due!r}")
        self.next_due, self.failures = nxt, state.failures
