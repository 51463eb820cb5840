"""``watcher gc`` for raw captures: ``[retention] captures`` drops day files past that age.

The rule and its crash safety are :mod:`watcher.store.captures`'s (module doc): whole day files go
once the day is older than the age (plus :data:`GRACE`, so a check that fetched just before midnight
has written its record); a capture an open alert cites is copied into today's file first and its
row moved with it; rows change in one transaction, files are deleted after its commit.
"""

from __future__ import annotations

from ..store import Store
from ..store import captures as rows
from . import warc

GRACE = 3600.0  # an expired day's file is left alone this long after its day ends (late writers)


def collect(store: Store, at: float, max_age: float | None, dry_run: bool = False) -> rows.Dropped:
    """Apply ``captures`` retention (``max_age`` seconds, None: keep all) at time ``at``."""
    directory = store.captures_dir
    out = rows.Dropped(dry_run=dry_run)
    if directory is None or max_age is None:
        return out
    names = rows.expired_files(directory, max_age + GRACE, at)
    if not names:
        return out
    with store.transaction(immediate=True) as c:
        cited = rows.cited(c)
        caps = rows.rows_in(c, names)
        kept = [k for k in caps if k.version_id in cited]
        out.files, out.captures, out.kept = names, len(caps) - len(kept), len(kept)
        if dry_run:
            return out
        today = warc.day_file(at)
        for cap in kept:  # copied first: a crash before the commit leaves only an unreferenced copy
            data = warc.read_member(directory / cap.warc_file, cap.warc_offset, cap.warc_length)
            rows.move(c, cap, today, warc.append(directory, today, data))
        rows.drop(c, names, {k.version_id for k in kept})
    rows.unlink(directory, names)
    return out
