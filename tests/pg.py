"""A real PostgreSQL for the tests that need one: each test gets a database of its own.

The server is the machine's (127.0.0.1:5432, user postgres, trust auth; ``WATCHER_TEST_PG`` names
another). A test that asks for ``pg_url`` gets ``postgresql+psycopg://…/watcher_test_<pid>_<hex>``,
created empty for it and dropped afterwards (``WITH (FORCE)``: a node the test killed may still hold
a connection). Databases left behind by a test run that was itself killed are dropped at the next
run (their pid is gone). Without the server, or without psycopg (the ``postgres`` extra), the test is
skipped and says why, so the suite passes on any machine.
"""

from __future__ import annotations

import os
import re
import secrets
from collections.abc import Iterator

import pytest

ADMIN = os.environ.get("WATCHER_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
PREFIX = "watcher_test_"
_skip_reason: list[str] = []  # found once per test process


def _admin():
    import psycopg

    return psycopg.connect(ADMIN, autocommit=True, connect_timeout=3)


def unavailable() -> str | None:
    """Why PostgreSQL tests cannot run here (None: they can)."""
    if not _skip_reason:
        try:
            import psycopg  # noqa: F401
        except ImportError:
            _skip_reason.append("psycopg is not installed (pip install -e '.[postgres]')")
        else:
            try:
                with _admin() as c:
                    c.execute("SELECT 1")
                _skip_reason.append("")
                _drop_orphans()
            except Exception as e:  # any connection failure: the tests cannot run
                _skip_reason.append(f"PostgreSQL is not reachable at {ADMIN}: {str(e).strip().splitlines()[0]}")
    return _skip_reason[0] or None


def _drop_orphans() -> None:
    """Drop the databases of earlier test processes that are gone (killed before their teardown)."""
    with _admin() as c:
        names = [r[0] for r in c.execute("SELECT datname FROM pg_database WHERE datname LIKE %s", [PREFIX + "%"])]
        for name in names:
            m = re.match(rf"{PREFIX}(\d+)_", name)
            if m and not os.path.exists(f"/proc/{m.group(1)}"):
                c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def url_of(name: str, driver: str = "postgresql+psycopg") -> str:
    base = ADMIN.rsplit("/", 1)[0].split("://", 1)[1]
    return f"{driver}://{base}/{name}"


def create_db() -> str:
    name = f"{PREFIX}{os.getpid()}_{secrets.token_hex(4)}"
    with _admin() as c:
        c.execute(f'CREATE DATABASE "{name}"')
    return name


def drop_db(name: str) -> None:
    with _admin() as c:
        c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def need_pg() -> None:
    reason = unavailable()
    if reason:
        pytest.skip(reason)


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A new, empty PostgreSQL database for this test (SQLAlchemy URL), dropped afterwards."""
    need_pg()
    name = create_db()
    try:
        yield url_of(name)
    finally:
        drop_db(name)
