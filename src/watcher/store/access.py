"""How the state database is opened, and the operator faults that stop it being used.

Why this is its own module: a full disk, a read-only state directory or a database another
process has locked are not bugs and not a source's fault. They must reach the person as one line
saying what happened and where (exit 2), never as the SQLAlchemy traceback a check raises from
inside its transaction — and a pass must stop at the first one rather than fail every remaining
source the same way. :func:`listen_for_faults` turns the driver's error into a :class:`StoreFault`
at the one place every query, commit and connection passes (SQLAlchemy's ``handle_error`` event).

Read-only: when the SQLite file or its directory cannot be written (a read-only mount, another
user's state), the database is opened read-only — ``mode=ro``, or when that cannot open a WAL
database whose ``-shm`` file is absent, ``immutable=1`` — so ``sources``, ``alerts``, ``history``,
``diff``, ``claims`` and ``report --out`` work and nothing (no ``-wal``, no ``-shm``) is created.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import event
from sqlalchemy.engine import Engine, ExceptionContext

from ..redact import mask_url

LOCK_TIMEOUT = 30.0  # seconds a write waits for a database another process holds (config: lock_timeout)

# SQLite's primary result codes (the low byte of an extended code) that are the operator's to fix
_FULL, _READONLY, _BUSY, _LOCKED, _IOERR, _CANTOPEN, _PERM, _NOTADB = 13, 8, 5, 6, 10, 14, 3, 26


class StoreError(Exception):
    """The state database cannot be used (corrupt, foreign, from a newer watcher, or see StoreFault)."""


class StoreFault(StoreError):
    """The database cannot store what a command must write, or cannot be read at all: full,
    read-only, locked by another process, an I/O error. ``str`` is one line for the terminal."""


def sqlite_path(url: str) -> Path | None:
    return Path(url.removeprefix("sqlite:///")) if url.startswith("sqlite:///") else None


def check_sqlite_file(path: Path) -> None:
    """Refuse a path that is no SQLite file before SQLite writes to it (it would overwrite a stranger).

    The header is read by SQLite itself, read-only, never with ``open()``: closing any descriptor of
    a database file drops every POSIX lock this process holds on it, so a process that already has
    the database open (the service, a test, the API beside the scheduler) would lose its locks — and
    another process closing its connection would then think itself the last one and checkpoint and
    delete the WAL under it. SQLite keeps its own descriptors of one file together and is safe.
    The probe does not wait for locks (``timeout=0``): a busy database is a database, and how long to
    wait for it is the engine's ``lock_timeout``, not a second wait of sqlite3's default 5 s here."""
    if path.exists() and not path.is_file():
        raise StoreError(f"{path} is not a file; point state_dir elsewhere or move it away")
    if path.exists() and path.stat().st_size > 0:
        try:
            probe = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True, timeout=0)
        except sqlite3.Error:
            return  # cannot be opened at all: the engine says why, as a StoreFault
        try:
            probe.execute("PRAGMA schema_version").fetchone()
        except sqlite3.DatabaseError as e:
            if getattr(e, "sqlite_errorcode", None) == _NOTADB:
                raise StoreError(f"{path} is not a SQLite database (corrupt or foreign file); "
                                 "move it away to start a fresh state") from None
        finally:
            probe.close()


def writable(path: Path) -> bool:
    """Whether the database file and its directory can be written (a read-only mount says no, even to root)."""
    return os.access(path.parent, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


def prepare_sqlite(path: Path) -> bool:
    """Check the file and make its directory; True when it must be opened read-only."""
    if not path.parent.is_dir():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise StoreFault(f"cannot create the state directory {path.parent}: {e.strerror or e}") from None
    check_sqlite_file(path)
    if writable(path):
        return False
    if not path.exists():
        raise StoreFault(f"no state database at {path}, and {path.parent} is read-only: nothing has been "
                         "checked there yet")
    return True


def read_only_url(path: Path) -> str:
    """The SQLAlchemy URL that reads ``path`` without writing anything: ``mode=ro`` reads a live WAL
    database through its existing ``-shm``; without one (the last writer closed it) SQLite cannot
    open WAL read-only, and ``immutable=1`` — no locks, no shared memory — is what reads it."""
    uri = f"file:{quote(str(path))}"
    try:
        probe = sqlite3.connect(f"{uri}?mode=ro", uri=True)
        try:
            probe.execute("PRAGMA schema_version").fetchone()
        finally:
            probe.close()
        query = "mode=ro"
    except sqlite3.Error:
        query = "immutable=1"
    return f"sqlite:///{uri}?{query}&uri=true"


def sqlite_pragmas(read_only: bool, lock_timeout: float):
    """The connect hook of a SQLite engine: WAL (a reader never blocks the writer), and how long a
    write waits for another process's lock. Read-only: no journal change (it would write)."""
    statements = [f"PRAGMA busy_timeout={int(lock_timeout * 1000)}", "PRAGMA foreign_keys=ON"]
    statements = (["PRAGMA query_only=ON"] if read_only else
                  ["PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL"]) + statements

    def on_connect(dbapi_conn, _record) -> None:  # pragma: no cover - driver callback
        cur = dbapi_conn.cursor()
        for s in statements:
            cur.execute(s)
        cur.close()

    return on_connect


def describe_fault(exc: BaseException, where: str, lock_timeout: float, read_only: bool = False) -> str | None:
    """One line for a storage fault the operator can fix, from the driver's exception; None for
    anything else (a bug, a corrupt file: those keep their own handling)."""
    detail = str(exc).strip() or type(exc).__name__
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        primary = code & 0xFF
        if primary == _FULL:
            return f"the database is full: no space left for {where} ({detail})"
        if primary == _READONLY or (read_only and primary in (_CANTOPEN, _PERM)):
            return f"the state database is read-only: {where} cannot be written ({detail})"
        if primary in (_BUSY, _LOCKED):
            return (f"the database is locked by another process: {where} (waited {lock_timeout:g} s; "
                    "raise lock_timeout to wait longer)")
        if primary == _IOERR:
            return f"the database could not be written: {where} ({detail}; is its disk full or failing?)"
        if primary in (_CANTOPEN, _PERM):
            return f"cannot open the database {where} ({detail})"
        return None
    state = str(getattr(exc, "sqlstate", None) or "")  # PostgreSQL (psycopg)
    if state == "53100":
        return f"the database is full: no space left on the server of {where} ({detail})"
    if state.startswith("53"):
        return f"the database server of {where} is out of resources ({detail})"
    if state == "25006":
        return f"the state database is read-only: {where} ({detail})"
    if state in ("55P03", "55006"):
        return f"the database is locked by another process: {where} ({detail})"
    if state.startswith("08") or state in ("57P01", "57P02", "57P03"):
        return f"cannot reach the database {where} ({detail})"
    return None


def listen_for_faults(engine: Engine, url: str, lock_timeout: float, read_only: bool) -> None:
    """Make every storage fault met by ``engine`` (a query, a commit, a connection) a :class:`StoreFault`."""
    path = sqlite_path(url)
    where = str(path) if path is not None else mask_url(url)

    @event.listens_for(engine, "handle_error")
    def _fault(ctx: ExceptionContext) -> None:
        line = describe_fault(ctx.original_exception, where, lock_timeout, read_only)
        if line is not None:
            raise StoreFault(line) from ctx.original_exception
