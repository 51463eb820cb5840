"""The bookkeeping of raw captures and correction notes: which WARC record holds a version's HTTP
exchange, what the page said of its dates, which notes a version brought; and ``watcher gc``'s
``captures`` retention.

Plain functions over a store connection (like :mod:`watcher.store.discovered`); the WARC files
themselves are written and read by :mod:`watcher.evidence.warc`. A capture row is written in the
check's transaction, after its record is written (a crash of the process leaves an unreferenced
record, never a row pointing at nothing; for a power cut, see the syncing rules of
:mod:`watcher.evidence.warc`).

**Retention** (:func:`watcher.evidence.expire.collect`): captures are dropped by whole files — a day's file goes once the
whole day is older than ``[retention] captures`` (and is not today's, which may still be written).
A capture an *open* alert cites (an unreviewed alert of its version) is never dropped: its records
are copied into today's file first, and its row follows them. Copies are made before the rows change
and files are deleted after the commit, so a crash leaves at most a file or a copy nobody points at
(the next run removes such a file).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import bindparam, delete, insert, make_url, select, update
from sqlalchemy.engine import Connection

from .records import Capture
from .schema import alerts, captures, corrections, versions

DAY = 86400.0


def beside(url: str) -> Path | None:
    """The ``captures`` folder beside a SQLite database file (the state directory), else None."""
    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return Path(u.database).parent / "captures"


def sync_files(paths: Sequence[Path] | set[Path]) -> None:
    """fsync capture files written without it (a pass syncs its files once, at its end). A file
    that went away meanwhile (``watcher gc``) has nothing left to sync."""
    for path in sorted(paths):
        try:
            fd = os.open(path, os.O_RDONLY)
        except FileNotFoundError:
            continue
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


_INSERT = insert(captures)  # built once: a check of a new page runs it (see watcher.store.db)
_LATEST = (select(captures).where(captures.c.source == bindparam("_source"))
           .order_by(captures.c.version_id.desc()).limit(1))


def add(c: Connection, capture: Capture) -> None:
    c.execute(_INSERT, vars(capture))


def add_corrections(c: Connection, source: str, version_id: int, texts: Sequence[str], at: float) -> None:
    if texts:
        c.execute(insert(corrections), [dict(source=source, version_id=version_id, text=t, created_at=at)
                                        for t in texts])


def of_version(c: Connection, version_id: int) -> Capture | None:
    row = c.execute(select(captures).where(captures.c.version_id == version_id)).mappings().first()
    return Capture.from_row(row) if row else None


def latest(c: Connection, source: str) -> Capture | None:
    """The source's newest capture (the previous fetched version's, while a new one is stored)."""
    row = c.execute(_LATEST, {"_source": source}).mappings().first()
    return Capture.from_row(row) if row else None


def notes_of(c: Connection, version_id: int) -> list[str]:
    return [r[0] for r in c.execute(select(corrections.c.text).where(corrections.c.version_id == version_id)
                                    .order_by(corrections.c.id))]


def of_source(c: Connection, source: str, first: int | None = None, last: int | None = None
              ) -> list[tuple[int, Capture]]:
    """(version number, capture) of a source's captured versions, oldest first, within the range."""
    q = (select(versions.c.number, captures).join(versions, versions.c.id == captures.c.version_id)
         .where(captures.c.source == source).order_by(versions.c.number))
    if first is not None:
        q = q.where(versions.c.number >= first)
    if last is not None:
        q = q.where(versions.c.number <= last)
    return [(r["number"], Capture.from_row(r)) for r in c.execute(q).mappings()]


def forget_versions(c: Connection, version_ids: Sequence[int]) -> None:
    """Drop the capture and correction rows of versions about to be removed (their records stay in
    their files until the files expire)."""
    if version_ids:
        c.execute(delete(captures).where(captures.c.version_id.in_(version_ids)))
        c.execute(delete(corrections).where(corrections.c.version_id.in_(version_ids)))


# -- retention ----------------------------------------------------------------------------------


@dataclass
class Dropped:
    """What a captures gc removed (or, dry, would remove)."""

    files: list[str] = field(default_factory=list)  # whole day files deleted
    captures: int = 0  # capture rows dropped with them
    kept: int = 0  # captures open alerts cite, copied into today's file instead
    dry_run: bool = False


def _day_of(name: str) -> float | None:
    try:
        return datetime.strptime(name.removesuffix(".warc.gz"), "%Y-%m-%d").replace(tzinfo=UTC).timestamp()
    except ValueError:
        return None


def expired_files(directory: Path, max_age: float, at: float) -> list[str]:
    """Day files whose whole day is older than ``max_age`` and that are not today's."""
    if not directory.is_dir():
        return []
    today = _day_of(datetime.fromtimestamp(at, UTC).strftime("%Y-%m-%d.warc.gz"))
    out = []
    for p in sorted(directory.glob("*.warc.gz")):
        day = _day_of(p.name)
        if day is not None and day != today and day + DAY <= at - max_age:
            out.append(p.name)
    return out


def cited(c: Connection) -> set[int]:
    """Versions an open (unreviewed) alert points at: their captures are never dropped."""
    return {r[0] for r in c.execute(select(alerts.c.version_id).where(alerts.c.version_id.is_not(None),
                                                                      alerts.c.reviewed.is_(False)))}


def rows_in(c: Connection, names: Sequence[str]) -> list[Capture]:
    if not names:
        return []
    return [Capture.from_row(r) for r in c.execute(select(captures).where(captures.c.warc_file.in_(names)))
            .mappings()]


def move(c: Connection, capture: Capture, file: str, offset: int) -> None:
    c.execute(update(captures).where(captures.c.version_id == capture.version_id)
              .values(warc_file=file, warc_offset=offset))


def drop(c: Connection, names: Sequence[str], keep: set[int]) -> int:
    """Delete the rows of captures in ``names`` but those of ``keep`` (moved); how many went."""
    if not names:
        return 0
    q = delete(captures).where(captures.c.warc_file.in_(names))
    if keep:
        q = q.where(captures.c.version_id.not_in(keep))
    return c.execute(q).rowcount or 0


def unlink(directory: Path, names: Sequence[str]) -> None:
    for n in names:
        try:
            os.unlink(directory / n)
        except FileNotFoundError:
            pass
