"""The short blocks (hashed lines) of each source's latest version, by host: the evidence that a
line is a site's template — on many of its articles — rather than this article's text.

Counted by the database, so a check reads a handful of rows whatever the size of the site.
"""

from __future__ import annotations

from sqlalchemy import func, insert, select
from sqlalchemy.engine import Connection

from .schema import blocks


def set_blocks(c: Connection, host: str, source_id: str, hashes: set[str], replace: bool = True) -> None:
    """The short blocks of a source's latest version (replacing the previous version's; a first
    fetched version has none to replace, and the delete by source scans the table)."""
    if replace:
        c.execute(blocks.delete().where(blocks.c.source == source_id))
    if hashes:
        c.execute(insert(blocks), [{"host": host, "hash": h, "source": source_id} for h in sorted(hashes)])

def block_overlap(c: Connection, host: str, source_id: str, hashes: set[str], more_than: int) -> set[str]:
    """Other sources of ``host`` whose latest version carries more than ``more_than`` of
    ``hashes``. Counted by the database: a site's template blocks are on every article, and
    reading every carrier of them would make each check cost the size of the site."""
    if not hashes:
        return set()
    q = (select(blocks.c.source).where(blocks.c.host == host, blocks.c.hash.in_(sorted(hashes)),
                                       blocks.c.source != source_id)
         .group_by(blocks.c.source).having(func.count() > more_than))
    return {r[0] for r in c.execute(q)}

def carried_elsewhere(c: Connection, host: str, hashes: set[str], exclude: set[str]) -> set[str]:
    """Those of ``hashes`` that some source of ``host`` outside ``exclude`` carries."""
    if not hashes:
        return set()
    q = select(blocks.c.hash).where(blocks.c.host == host, blocks.c.hash.in_(sorted(hashes)),
                                    blocks.c.source.not_in(sorted(exclude))).distinct()
    return {r[0] for r in c.execute(q)}
