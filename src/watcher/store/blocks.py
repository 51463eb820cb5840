"""The short blocks (hashed lines) of each source's latest version, by host: the evidence that a
line is a site's template — on many of its articles — rather than this article's text.

Counted by the database, so a check reads a handful of rows whatever the size of the site.
"""

from __future__ import annotations

from sqlalchemy import bindparam, func, insert, select
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import BindParameter

from .schema import blocks

# built once, run by every check of a new page (see watcher.store.db); the lists expand per call
_HASHES: BindParameter[list[str]] = bindparam("_hashes", expanding=True)
_DELETE = blocks.delete().where(blocks.c.source == bindparam("_source"))
_INSERT = insert(blocks)
_OVERLAP = (select(blocks.c.source).where(blocks.c.host == bindparam("_host"), blocks.c.hash.in_(_HASHES),
                                          blocks.c.source != bindparam("_source"))
            .group_by(blocks.c.source).having(func.count() > bindparam("_floor")))
_CARRIED = select(blocks.c.hash).where(blocks.c.host == bindparam("_host"), blocks.c.hash.in_(_HASHES),
                                       blocks.c.source.not_in(bindparam("_exclude", expanding=True))).distinct()


def set_blocks(c: Connection, host: str, source_id: str, hashes: set[str], replace: bool = True) -> None:
    """The short blocks of a source's latest version (replacing the previous version's; a first
    fetched version has none to replace, and the delete by source scans the table)."""
    if replace:
        c.execute(_DELETE, {"_source": source_id})
    if hashes:
        c.execute(_INSERT, [{"host": host, "hash": h, "source": source_id} for h in sorted(hashes)])

def block_overlap(c: Connection, host: str, source_id: str, hashes: set[str], more_than: int) -> set[str]:
    """Other sources of ``host`` whose latest version carries more than ``more_than`` of
    ``hashes``. Counted by the database: a site's template blocks are on every article, and
    reading every carrier of them would make each check cost the size of the site."""
    if not hashes:
        return set()
    params = {"_host": host, "_hashes": sorted(hashes), "_source": source_id, "_floor": more_than}
    return {r[0] for r in c.execute(_OVERLAP, params)}

def carried_elsewhere(c: Connection, host: str, hashes: set[str], exclude: set[str]) -> set[str]:
    """Those of ``hashes`` that some source of ``host`` outside ``exclude`` carries."""
    if not hashes:
        return set()
    params = {"_host": host, "_hashes": sorted(hashes), "_exclude": sorted(exclude)}
    return {r[0] for r in c.execute(_CARRIED, params)}
