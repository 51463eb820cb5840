"""Opening the state database: which driver a URL means, a SQLite file that is not ours, the
connection settings SQLite needs.

Kept apart from :mod:`watcher.store.db` (the queries) and :mod:`watcher.store.migrate` (the schema)
because every command opens a database the same way, whether it then reads, writes or upgrades it.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine


class StoreError(Exception):
    """The state database cannot be used (corrupt, foreign, from a newer watcher, or needing an
    upgrade this process may not do); ``str`` is the one line for the terminal."""


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


def check_sqlite_file(path: Path) -> None:
    """Refuse a path that is not a SQLite database before SQLite touches it (it would otherwise
    rewrite the header of a stranger's file)."""
    if path.exists() and not path.is_file():
        raise StoreError(f"{path} is not a file; point state_dir elsewhere or move it away")
    if path.exists() and path.stat().st_size > 0:
        with path.open("rb") as f:
            if f.read(16) != b"SQLite format 3\x00":
                raise StoreError(f"{path} is not a SQLite database (corrupt or foreign file); "
                                 "move it away to start a fresh state")


def open_engine(url: str) -> Engine:
    """An engine for ``url``, after the checks a SQLite file needs (its folder is created)."""
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        path.parent.mkdir(parents=True, exist_ok=True)
        check_sqlite_file(path)
    try:
        return create_engine(engine_url(url), future=True)
    except ImportError as e:  # the driver of a PostgreSQL URL is an optional dependency
        raise StoreError(f"{url}: cannot load the database driver ({e}); for PostgreSQL: "
                         "pip install 'watcher[postgres]'") from None


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # pragma: no cover - driver callback
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def use_sqlite_pragmas(engine: Engine) -> None:
    """WAL, a 30 s busy timeout and foreign keys on every new connection. Only once the database
    is known to be ours: journal_mode=WAL rewrites the file header, and a stranger's file must stay
    as it was."""
    if engine.dialect.name == "sqlite":
        engine.dispose()
        event.listen(engine, "connect", _sqlite_pragmas)
