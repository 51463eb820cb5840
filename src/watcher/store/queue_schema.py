"""Procrastinate's tables (the job queue of cluster mode) beside ours in a PostgreSQL database.

Why watcher manages them: Procrastinate ships its schema as one ``schema.sql`` of plain ``CREATE``s
(no ``IF NOT EXISTS``: nodes installing it together collide, and a second install fails) plus
upgrade scripts named by version, and it records nowhere which version a database has. So this
module installs or upgrades it under the same lock and in the same transaction as our own schema
(:mod:`watcher.store.migrate`), and records the version it brought the database to in ``meta``
(key ``procrastinate``). A database recorded at an older Procrastinate than the installed one is
upgraded only by ``watcher db upgrade`` (its scripts include ``pre`` and ``post`` steps meant for a
stopped cluster); one at a newer version is refused.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import Connection

from .engine import StoreError
from .schema import meta

KEY = "procrastinate"
_SCRIPT = re.compile(r"(\d\d)\.(\d\d)\.(\d\d)_(\d\d)_.*\.sql$")


def installed() -> str | None:
    """The installed Procrastinate's version (None: the ``postgres`` extra is not installed)."""
    if importlib.util.find_spec("procrastinate") is None:
        return None
    from importlib.metadata import version  # only where the queue is used: not on a check's path

    return version("procrastinate")


def _v(version: str) -> tuple[int, ...]:
    return tuple(int(x) for x in re.findall(r"\d+", version)[:3])


def status(c: Connection) -> tuple[bool, str | None]:
    """(are Procrastinate's tables there, the version recorded in ``meta``)."""
    # a catalog query, not to_regclass(): psycopg prepares a statement run often on one connection,
    # and the prepared to_regclass('…') kept answering NULL after another node had made the table
    have = c.dialect.has_table(c, "procrastinate_jobs")
    return have, c.execute(select(meta.c.value).where(meta.c.key == KEY)).scalar()


def problem(c: Connection) -> str | None:
    """Why a node cannot use the queue as it is, without an upgrade (None: it can, or it may install
    it now because it is absent)."""
    version = installed()
    have, recorded = status(c)
    if version is None:
        return "cluster mode needs Procrastinate: pip install 'watcher[postgres]'"
    if not have or recorded == version:
        return None
    if recorded is None:
        return "Procrastinate's tables are here, of a version watcher did not record (installed by hand?)"
    if _v(recorded) < _v(version):
        return (f"the job queue's tables are from Procrastinate {recorded or 'unknown'}, this node runs {version}: "
                "stop every node, then run `watcher db upgrade` once")
    if _v(recorded) > _v(version):
        return f"the job queue's tables are from Procrastinate {recorded}, newer than this node's {version}"
    return None


def sync(c: Connection, upgrade: bool) -> str:
    """Install Procrastinate's schema, or (``upgrade``) bring it to the installed version; the caller
    holds the schema lock. Returns what was done, for the operator."""
    from procrastinate.schema import SchemaManager

    version = installed()
    assert version is not None
    have, recorded = status(c)
    if have and recorded == version:
        return f"job queue at Procrastinate {version}"
    if have and (recorded is None or _v(recorded) > _v(version)):
        raise StoreError(problem(c) or "the job queue's tables cannot be used")
    if not have:
        c.exec_driver_sql(SchemaManager.get_schema().replace("%", "%%"))
        done = f"job queue installed (Procrastinate {version})"
    elif not upgrade:
        raise StoreError(problem(c) or "the job queue needs an upgrade")
    else:
        start = _v(recorded or "")
        for path in sorted(Path(SchemaManager.get_migrations_path()).glob("*.sql")):
            m = _SCRIPT.match(path.name)
            if m and start < tuple(int(x) for x in m.groups()[:3]) <= _v(version):
                c.exec_driver_sql(path.read_text(encoding="utf-8").replace("%", "%%"))
        done = f"job queue upgraded from Procrastinate {recorded} to {version}"
    if recorded is None:
        c.execute(meta.insert().values(key=KEY, value=version))
    else:
        c.execute(meta.update().where(meta.c.key == KEY).values(value=version))
    return done
