"""``watcher db copy --to URL``: every version, alert, claim state and delivery into another database.

Why a copy through SQLAlchemy rather than a dump: the source is usually the SQLite file of one
machine and the target a PostgreSQL database for a cluster, and the two speak different SQL. The
target is made with the same migrations (:mod:`watcher.store.migrate`), then each table is copied
in primary-key order with its ids kept (alerts point at versions, deliveries at alerts, and people
have alert ids in their notes), in one transaction: a copy that fails leaves the target empty.
PostgreSQL's id sequences are then moved past the copied ids. The cluster's own tables (slots,
turns, the pushed config) are not copied: the first node rebuilds them from its config; nor are
the robots.txt files kept (a cache: the hosts are asked again).
"""

from __future__ import annotations

from sqlalchemy import func, insert, select, text
from sqlalchemy.engine import Engine

from . import migrate
from .engine import StoreError, open_engine
from .schema import alerts, blocks, claim_states, deliveries, notifiers, sources, versions

TABLES = (sources, versions, blocks, claim_states, alerts, notifiers, deliveries)  # parents first
BATCH = 1000


def copy_database(source: Engine, target_url: str) -> dict[str, int]:
    """Copy watcher's data from ``source`` (already at this watcher's schema) into the empty database
    at ``target_url``; rows copied per table."""
    target, _ = open_engine(target_url)
    try:
        state = migrate.current(target)
        if state.kind not in ("empty", "current"):
            raise StoreError(f"{target_url}: the target database is {state.describe()}; copy into an empty one")
        migrate.upgrade(target, target_url)
        with target.begin() as dst:
            held = [t.name for t in TABLES if dst.execute(select(func.count()).select_from(t)).scalar()]
            if held:
                raise StoreError(f"{target_url}: the target already holds watcher data ({', '.join(held)}); "
                                 "copy into an empty database")
            counts = {}
            with source.connect() as src:
                for table in TABLES:
                    counts[table.name] = _copy(src, dst, table)
            if dst.dialect.name == "postgresql":
                for table in (versions, alerts, deliveries):
                    dst.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                                     f"coalesce((SELECT max(id) FROM {table.name}), 0) + 1, false)"))
        return counts
    finally:
        target.dispose()


def _copy(src, dst, table) -> int:
    key = list(table.primary_key.columns)
    n = 0
    rows = src.execute(select(table).order_by(*key)).mappings()
    while batch := rows.fetchmany(BATCH):
        dst.execute(insert(table), [dict(r) for r in batch])
        n += len(batch)
    return n
