"""Opening the state database: which driver a URL means, a SQLite file that is not ours, the
connection settings SQLite needs.

Kept apart from :mod:`watcher.store.db` (the queries) and :mod:`watcher.store.migrate` (the schema)
because every command opens a database the same way, whether it then reads, writes or upgrades it.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from sqlalchemy import Table, create_engine, event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.sql.dml import Insert

from .access import LOCK_TIMEOUT, StoreError, listen_for_faults, prepare_sqlite, read_only_url, sqlite_pragmas

__all__ = ["StoreError", "engine_url", "insert_new", "is_postgres", "libpq_url", "open_engine", "upsert",
           "use_sqlite_pragmas"]


def engine_url(url: str) -> str:
    """The SQLAlchemy URL for a ``database_url``: ``postgresql://`` (libpq's own form, what
    operators write) means the psycopg 3 driver, the one watcher ships with (SQLAlchemy would pick
    psycopg2)."""
    for plain in ("postgresql://", "postgres://"):
        if url.startswith(plain):
            return "postgresql+psycopg://" + url.removeprefix(plain)
    return url


def libpq_url(url: str) -> str:
    """The same database as a libpq URI (``postgresql://…``), for psycopg and Procrastinate."""
    scheme, rest = url.split("://", 1)
    return "postgresql://" + rest if scheme.startswith(("postgresql", "postgres")) else url


def is_postgres(url: str) -> bool:
    return url.startswith(("postgresql", "postgres:"))


def open_engine(url: str, lock_timeout: float = LOCK_TIMEOUT) -> tuple[Engine, bool]:
    """An engine for ``url`` and whether it is read-only, after the checks a SQLite file needs (its
    folder is created; a file or folder that cannot be written is opened read-only, see
    :mod:`watcher.store.access`). Every storage fault the engine meets becomes a one-line
    :class:`~watcher.store.access.StoreFault`."""
    read_only = False
    target = engine_url(url)
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        read_only = prepare_sqlite(path)
        if read_only:
            target = read_only_url(path)
    # the driver's own busy timeout (sqlite3 waits 5 s by default) is lock_timeout from the first
    # connection on: the schema check runs before the connect pragmas are installed
    connect_args = {"timeout": lock_timeout} if url.startswith("sqlite:///") else {}
    if is_postgres(url):
        from .schema import postgresql_options

        postgresql_options()
    try:
        engine = create_engine(target, future=True, connect_args=connect_args)
    except ImportError as e:  # the driver of a PostgreSQL URL is an optional dependency
        raise StoreError(f"{url}: cannot load the database driver ({e}); for PostgreSQL: "
                         "pip install 'watcher[postgres]'") from None
    listen_for_faults(engine, url, lock_timeout, read_only)
    return engine, read_only


def use_sqlite_pragmas(engine: Engine, read_only: bool = False, lock_timeout: float = LOCK_TIMEOUT) -> None:
    """WAL, the lock timeout and foreign keys on every new connection (read-only: no journal
    change, it would write). Only once the database is known to be ours: journal_mode=WAL rewrites
    the file header, and a stranger's file must stay as it was."""
    if engine.dialect.name == "sqlite":
        engine.dispose()
        event.listen(engine, "connect", sqlite_pragmas(read_only, lock_timeout))


def _dialect_insert(c: Connection, table: Table) -> Any:
    """The connection's dialect's own INSERT (SQLite's and PostgreSQL's both take ``ON CONFLICT``)."""
    return importlib.import_module(f"sqlalchemy.dialects.{c.dialect.name}").insert(table)


def insert_new(c: Connection, table: Table, keys: list[str]) -> Insert:
    """``INSERT … ON CONFLICT (keys) DO NOTHING``: a row two writers may add at once (two nodes
    discovering one article, two checks of one source raising one alert) is added once, without a
    read-then-insert race on PostgreSQL."""
    return _dialect_insert(c, table).on_conflict_do_nothing(index_elements=keys)


def upsert(c: Connection, table: Table, keys: list[str]) -> Insert:
    """``INSERT … ON CONFLICT (keys) DO UPDATE`` every other column to the new row's: a row two
    writers may write at once (two nodes reading one host's robots.txt) ends as one of theirs,
    without a read-then-write race."""
    stmt = _dialect_insert(c, table)
    return stmt.on_conflict_do_update(index_elements=keys,
                                      set_={col.name: stmt.excluded[col.name] for col in table.columns
                                            if col.name not in keys})
