"""``watcher gc``: what ``[retention]`` lets go, and the evidence it never touches.

An outlet watched for a year makes tens of thousands of sources and versions; most of them are old
articles nobody will look at again. ``[retention]`` bounds that (:class:`watcher.config.Retention`):

* ``max_age`` — a discovered source whose age on its ladder (from its anchor: publication or
  discovery, or its last change) passed ``max_age`` is *retired*: no longer checked, its row kept so
  no feed discovers it again, and its versions removed down to the protected ones;
* ``max_versions`` — per source, the oldest versions beyond this many are removed, protected ones
  excepted (a source may so keep more);
* ``captures`` — raw captures (WARC) past this age, by whole day files, never one an open alert
  cites (:mod:`watcher.evidence.expire`). A version removed here loses its capture row with it (its
  record stays in its day file until that file expires).

**Protected, always:** a source's baseline, every version an alert points at, every version a
tracked claim's state points at (the next alert about that claim is worded against it), and each
source's latest version (the next check compares with it; for a retired source, its last word).
What one run removes happens in one transaction; ``dry_run`` computes the same and writes nothing.
Retention applies only to what ``[retention]`` names: with the table left out, ``gc`` removes nothing.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import and_, func, select
from sqlalchemy.engine import Connection

from . import captures
from . import discovered as disc
from .db import Store
from .schema import alerts, blocks, claim_states, discovered, versions

CHUNK = 500


@dataclass
class Collected:
    """What a gc run removed (or, dry, would remove)."""

    retired: list[str] = field(default_factory=list)  # discovered sources past max_age
    versions: dict[str, list[int]] = field(default_factory=dict)  # source -> version numbers removed
    kept: int = 0  # versions beyond a limit kept because they are protected
    dry_run: bool = False

    @property
    def removed_versions(self) -> int:
        return sum(len(v) for v in self.versions.values())


def _protected(c: Connection) -> set[int]:
    """Ids of versions gc never removes (see the module doc)."""
    ids = {r[0] for r in c.execute(select(alerts.c.version_id).where(alerts.c.version_id.is_not(None)))}
    ids |= {r[0] for r in c.execute(select(claim_states.c.version_id).where(claim_states.c.version_id.is_not(None)))}
    ids |= {r[0] for r in c.execute(select(versions.c.id).where(versions.c.is_baseline))}
    latest = select(versions.c.source, func.max(versions.c.number).label("n")).group_by(versions.c.source).subquery()
    ids |= {r[0] for r in c.execute(select(versions.c.id).join(latest, and_(
        versions.c.source == latest.c.source, versions.c.number == latest.c.n)))}
    return ids


def _too_old(c: Connection, max_age: float, at: float) -> list[str]:
    q = select(discovered.c.source).where(discovered.c.retired.is_(None), discovered.c.merged_into.is_(None),
                                          discovered.c.anchor < at - max_age)
    return sorted(r[0] for r in c.execute(q))


def _excess(c: Connection, sources: list[str], keep: int | None, protected: set[int],
            out: Collected) -> list[int]:
    """Ids of the versions to remove from ``sources``: all unprotected ones (``keep`` None), or the
    oldest unprotected ones beyond ``keep`` versions."""
    ids: list[int] = []
    for i in range(0, len(sources), CHUNK):
        rows: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for sid, vid, number in c.execute(select(versions.c.source, versions.c.id, versions.c.number)
                                          .where(versions.c.source.in_(sources[i:i + CHUNK]))
                                          .order_by(versions.c.source, versions.c.number)):
            rows[sid].append((vid, number))
        for sid, vs in rows.items():
            over = len(vs) - (keep if keep is not None else 0)
            for vid, number in vs:
                if over <= 0:
                    break
                if vid in protected:
                    continue
                ids.append(vid)
                out.versions.setdefault(sid, []).append(number)
                over -= 1
            if keep is not None and over > 0:
                out.kept += over
    return ids


def collect(store: Store, at: float, *, max_age: float | None = None, max_versions: int | None = None,
            dry_run: bool = False) -> Collected:
    """Apply ``[retention]``'s ``max_age`` (seconds) and ``max_versions`` at time ``at`` (see the
    module doc; None: nothing of that kind goes); with ``dry_run`` nothing is written."""
    out = Collected(dry_run=dry_run)
    with store.transaction(immediate=True) as c:
        protected = _protected(c)
        if max_age is not None:
            out.retired = _too_old(c, max_age, at)
        doomed = _excess(c, out.retired, None, protected, out)
        if max_versions is not None:
            retired = set(out.retired)
            crowded = sorted(r[0] for r in c.execute(select(versions.c.source).group_by(versions.c.source)
                                                     .having(func.count() > max_versions)) if r[0] not in retired)
            doomed += _excess(c, crowded, max_versions, protected, out)
        if dry_run:
            return out
        for i in range(0, len(doomed), CHUNK):
            captures.forget_versions(c, doomed[i:i + CHUNK])
            c.execute(versions.delete().where(versions.c.id.in_(doomed[i:i + CHUNK])))
        disc.retire(c, out.retired, at)
        for i in range(0, len(out.retired), CHUNK):  # a retired page is no template evidence for the others
            c.execute(blocks.delete().where(blocks.c.source.in_(out.retired[i:i + CHUNK])))
    return out
