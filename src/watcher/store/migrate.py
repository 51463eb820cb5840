"""The state database's schema over time: Alembic revisions, applied safely by one process at a time.

Why Alembic: the tables must change after databases with months of versions exist, on SQLite and
PostgreSQL alike; Alembic records which revision a database is at (``alembic_version``) and runs
the ones it lacks. The revisions are package data (``migrations/versions/``), found through the
package (``script_location = watcher.store:migrations``), so they work from a wheel; there is no
``alembic.ini`` (:mod:`watcher.store.migrations.env` takes our connection).

When the schema changes (:func:`ensure`, called each time a :class:`~watcher.store.Store` opens):

* **Up to date** — the common case costs one catalog query and one read of ``alembic_version``;
  Alembic is not even imported (it is ~140 ms of imports, more than a check of an unchanged page).
* **Empty database** — the schema is created, on either backend. On PostgreSQL under an advisory
  lock: nodes started together on an empty database take turns, and the later ones find it made.
  (Without the lock, concurrent ``CREATE TABLE``s collided in PostgreSQL's catalog:
  ``Key (typname, typnamespace)=(meta, 2200) already exists``.) It is created from
  :mod:`watcher.store.schema` directly and stamped at the heads (:func:`_create`), as Alembic's own
  cookbook does for a fresh database: replaying every revision through Alembic cost ~0.11 s (its
  import, with Mako and Pygments, and five revisions' table copies), more than the rest of a
  first check of one page. Tests hold a database made this way identical to one made by the
  revisions, table by table (columns, keys, indexes, constraints) and in its bookkeeping rows.
* **Older SQLite** — upgraded in place, as before migrations existed: one machine, and the
  upgrade is one transaction that holds SQLite's write lock (``BEGIN IMMEDIATE``).
* **Older PostgreSQL** — refused (exit 2) with what to do: other nodes of the older version may be
  running on it, and changing tables under them is not safe. The operator stops them, runs
  ``watcher db upgrade`` once, and starts the new ones. (A database made before migrations whose
  tables are exactly the baseline is only *stamped*, which changes no table, so that is done.)
* **Newer** (a revision this watcher does not know) or **someone else's** — refused, untouched.

Databases made before migrations existed have no ``alembic_version`` but ``meta`` rows
``app = watcher`` and ``schema = 1 | 2``: schema 1 gets its one column (``versions.ignored_z``),
then both are stamped at the baseline, ``0001``, and upgraded from there. ``meta.schema`` stays:
a revision that an older watcher must not run against raises it (the older watchers refuse a
higher ``meta.schema``); a revision that only adds a table need not.

To add a table later: add it to :mod:`watcher.store.schema`, then one revision file
(:func:`new_revision` writes it; see ``migrations/README``).
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sqlalchemy import (
    Column,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    create_engine,
    inspect,
    select,
    text,
)
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DatabaseError, OperationalError

from ..timefmt import iso
from . import queue_schema
from .engine import StoreError
from .schema import APP_ID, META_ROWS, meta, metadata, postgresql_options

SCHEMA_LOCK = 0x77617463  # pg_advisory_xact_lock key of every schema change ("watc")
MIGRATIONS = Path(__file__).parent / "migrations"
BASELINE = "0001"  # what a database made before migrations is stamped at
LEGACY_SCHEMAS = ("1", "2")
BASELINE_TABLES = frozenset({"meta", "sources", "versions", "blocks", "claim_states", "alerts", "notifiers",
                             "deliveries"})
_ASSIGN = re.compile(r"^(revision|down_revision)\s*(?::[^=]*)?=\s*(.+)$", re.MULTILINE)


@dataclass(frozen=True)
class State:
    """Where a database stands. ``kind``: ``current`` | ``behind`` | ``empty`` | ``legacy`` (made before
    migrations; ``legacy`` holds its ``meta.schema``) | ``partial`` (some of our tables, empty, no
    ``meta``: a creation that died half-way) | ``newer`` | ``foreign``."""

    kind: str
    revisions: tuple[str, ...] = ()
    legacy: str | None = None

    def short(self) -> str:
        return {"empty": "an empty database", "partial": "a half-made database", "foreign": "another program's",
                "legacy": f"meta.schema {self.legacy} (before migrations)"}.get(
            self.kind, "revision " + (", ".join(self.revisions) or "none"))

    def describe(self) -> str:
        heads = ", ".join(sorted(revision_graph().heads))
        at = ", ".join(self.revisions) or "none"
        return {
            "current": f"at revision {at} (up to date)",
            "behind": f"at revision {at}; this watcher needs {heads}",
            "empty": f"empty; this watcher needs revision {heads}",
            "legacy": f"made before migrations (meta.schema {self.legacy}); this watcher needs revision {heads}",
            "partial": "holds some of watcher's tables, empty, left by a creation that did not finish",
            "newer": f"at revision {at}, written by a newer watcher (this one knows up to {heads})",
            "foreign": "belongs to another program (no watcher tables)",
        }[self.kind]


@dataclass(frozen=True)
class Graph:
    revisions: frozenset[str]
    heads: frozenset[str]


@cache
def revision_graph() -> Graph:
    """The revision ids and heads of ``migrations/versions``, read from the files' ``revision`` and
    ``down_revision`` lines without importing Alembic (the check on every open stays cheap;
    tests/test_migrations.py holds this equal to Alembic's own reading)."""
    revs: set[str] = set()
    downs: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        found = dict((m.group(1), ast.literal_eval(m.group(2).strip()))
                     for m in _ASSIGN.finditer(path.read_text(encoding="utf-8")))
        if "revision" not in found:
            continue
        revs.add(found["revision"])
        down = found.get("down_revision")
        downs.update((down,) if isinstance(down, str) else tuple(down or ()))
    return Graph(frozenset(revs), frozenset(revs - downs))


def inspect_state(c: Connection) -> State:
    tables = set(c.dialect.get_table_names(c)) - {"sqlite_sequence"}
    if not tables:
        return State("empty")
    rows: dict[str, str | None] = {}
    if "meta" in tables:
        try:
            rows = {k: v for k, v in c.execute(select(meta.c.key, meta.c.value))}
        except (DatabaseError, OperationalError):  # a ``meta`` table of another shape
            return State("foreign")
    if rows.get("app") != APP_ID:
        if not rows and "alembic_version" not in tables and tables <= BASELINE_TABLES and _all_empty(c, tables):
            return State("partial")
        return State("foreign")
    schema = rows.get("schema")
    if schema is not None and not str(schema).strip().isdigit():  # hand-edited or damaged: refused, not guessed
        return State("newer", legacy=str(schema))
    if "alembic_version" not in tables:
        return State("legacy" if schema in LEGACY_SCHEMAS else "newer", legacy=schema)
    revs = tuple(sorted(r[0] for r in c.execute(text("SELECT version_num FROM alembic_version"))))
    graph = revision_graph()
    if not set(revs) <= graph.revisions:
        return State("newer", revs)
    return State("current" if set(revs) == graph.heads else "behind", revs)


def _all_empty(c: Connection, tables: set[str]) -> bool:
    return all(c.execute(text(f'SELECT 1 FROM "{t}" LIMIT 1')).first() is None for t in tables)


def ensure(engine: Engine, url: str) -> None:
    """Make the database at ``url`` usable by this watcher, or raise :class:`StoreError` saying why
    not and what to do (the rules are in the module's docstring)."""
    try:
        with engine.connect() as c:
            state = inspect_state(c)
        if state.kind == "current":
            return
        _refuse_unusable(state, url)
        # a database made before migrations whose schema is the baseline's is only stamped
        stamp_only = state.kind == "legacy" and state.legacy == "2" and revision_graph().heads == {BASELINE}
        if engine.dialect.name != "sqlite" and state.kind not in ("empty", "partial") and not stamp_only:
            raise StoreError(f"{url}: the database is {state.describe()}: stop every watcher using it, "
                             "then run `watcher db upgrade` once (see README, Scaling out)")
        upgrade(engine, url)
    except (DatabaseError, OperationalError) as e:
        hint = ("; it looks corrupt: move it away to start a fresh state"
                if "malformed" in str(e) or "not a database" in str(e) else "")
        raise StoreError(f"cannot open state database {url}: {e.orig or e}{hint}") from None


def _refuse_unusable(state: State, url: str) -> None:
    if state.kind == "foreign":
        raise StoreError(f"{url}: database belongs to another program (no watcher tables); "
                         "set state_dir or database_url to a place of its own")
    if state.kind == "newer" and state.legacy is not None and not state.legacy.strip().isdigit():
        raise StoreError(f"{url}: its schema version {state.legacy[:40]!r} is not a number watcher writes "
                         "(a damaged or foreign database); move it away to start a fresh state")
    if state.kind == "newer":
        what = f"schema {state.legacy}" if state.legacy else f"revision {', '.join(state.revisions)}"
        raise StoreError(f"{url}: written by a newer watcher ({what}); upgrade watcher to use it")


def _lock(c: Connection) -> None:
    """Take the schema lock for the rest of this transaction: SQLite's write lock, or the
    PostgreSQL advisory lock every watcher takes before it changes the schema."""
    if c.dialect.name == "sqlite":
        c.exec_driver_sql("BEGIN IMMEDIATE")
    elif c.dialect.name == "postgresql":
        c.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": SCHEMA_LOCK})


def alembic_config(c: Connection | None):
    """Alembic's configuration, built in code: the revisions as a package resource, our connection."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", "watcher.store:migrations")
    cfg.attributes["connection"] = c
    return cfg


def upgrade(engine: Engine, url: str, queue: bool = False) -> tuple[State, State, str | None]:
    """Bring the database to the newest revision, in one transaction under the schema lock, and
    return its state before and after. Whoever waited on the lock looks again once it has it, so of
    several processes upgrading at once one does the work and the others find it done. ``queue``:
    on PostgreSQL, also install or upgrade Procrastinate's tables (:mod:`watcher.store.queue_schema`)
    and say what was done."""
    with engine.begin() as c:
        _lock(c)
        before = inspect_state(c)
        _refuse_unusable(before, url)
        if before.kind != "current":
            _upgrade(c, before)
        note = queue_schema.sync(c, upgrade=True) if queue and c.dialect.name == "postgresql" else None
        return before, inspect_state(c), note


def ensure_queue(engine: Engine) -> None:
    """Make Procrastinate's tables usable by a cluster node: installed when absent (nodes starting
    together take turns on the schema lock), else they must be at the installed version."""
    with engine.connect() as c:
        reason = queue_schema.problem(c)
        have, _ = queue_schema.status(c)
    if reason:
        raise StoreError(reason)
    if not have:
        with engine.begin() as c:
            _lock(c)
            queue_schema.sync(c, upgrade=False)


def _upgrade(c: Connection, before: State) -> None:
    if before.kind == "partial":
        for t in set(c.dialect.get_table_names(c)) - {"sqlite_sequence"}:
            c.execute(text(f'DROP TABLE "{t}"'))
    if before.kind in ("empty", "partial"):
        _create(c)
        return
    from alembic import command

    cfg = alembic_config(c)
    if before.kind == "legacy":
        _legacy_to_baseline(c, before.legacy)
        command.stamp(cfg, BASELINE)
    command.upgrade(cfg, "heads")


# Alembic's bookkeeping table, as Alembic creates it (a separate MetaData: not one of our tables).
_alembic_version = Table("alembic_version", MetaData(),
                         Column("version_num", String(32), nullable=False),
                         PrimaryKeyConstraint("version_num", name="alembic_version_pkc"))


def _create(c: Connection) -> None:
    """An empty database made current in one step: every table of :mod:`watcher.store.schema`, the
    ``meta`` rows the revisions leave (:data:`~watcher.store.schema.META_ROWS`) and
    ``alembic_version`` at the heads — what running every revision leaves, without importing
    Alembic (tests compare the two, so a table added to the schema without its revision fails)."""
    if c.dialect.name == "postgresql":
        postgresql_options()
    metadata.create_all(c)
    c.execute(meta.insert(), [{"key": k, "value": v} for k, v in META_ROWS.items()])
    _alembic_version.create(c)
    c.execute(_alembic_version.insert(), [{"version_num": r} for r in sorted(revision_graph().heads)])


def _legacy_to_baseline(c: Connection, schema: str | None) -> None:
    """What watcher 0.1 did in place, now the last step before the baseline: schema 1 lacks
    ``versions.ignored_z`` (additive: versions stored before it have no ignored blocks)."""
    if schema == "1":
        if "ignored_z" not in {col["name"] for col in inspect(c).get_columns("versions")}:
            c.exec_driver_sql("ALTER TABLE versions ADD COLUMN ignored_z "
                              + ("BLOB" if c.dialect.name == "sqlite" else "BYTEA"))
        c.execute(meta.update().where(meta.c.key == "schema").values(value="2"))


def cluster_status(engine: Engine) -> str | None:
    """One line on the cluster using this database (None: no cluster has pushed a config)."""
    with engine.connect() as c:
        row = c.execute(text("SELECT version, hash, pushed_by, pushed_at, per_host FROM cluster_config "
                             "WHERE id = 1")).first()
        if row is None:
            return None
        queue = queue_schema.status(c)[1] if c.dialect.name == "postgresql" else None
        enabled = c.execute(text("SELECT count(*) FROM sources WHERE enabled")).scalar()
    return (f"cluster: config version {row[0]} ({row[1][:12]}) pushed by {row[2]} at {iso(row[3])}, "
            f"{enabled} source(s), per_host {row[4]}; job queue at Procrastinate {queue or 'not installed'}")


def current(engine: Engine) -> State:
    with engine.connect() as c:
        return inspect_state(c)


def new_revision(message: str) -> Path:
    """Write the revision that takes a database at the current heads to :mod:`watcher.store.schema`
    as it is now (Alembic's autogenerate, against a scratch SQLite database): the one file to add
    after adding a table. Read it before committing: autogenerate renders what it sees, and a
    rename comes out as a drop and an add."""
    import tempfile

    from alembic import command

    postgresql_options()  # rendered operations carry both backends' index options
    number = max((int(r) for r in revision_graph().revisions if r.isdigit()), default=0) + 1
    slug = re.sub(r"[^a-z0-9]+", "_", message.lower()).strip("_")[:40]
    with tempfile.TemporaryDirectory() as d:
        engine = create_engine(f"sqlite:///{d}/scratch.db")
        with engine.begin() as c:  # the revisions replayed: an empty database made in one step
            command.upgrade(alembic_config(c), "heads")  # (:func:`_create`) would already be current
        with engine.begin() as c:
            script = command.revision(alembic_config(c), message=message, autogenerate=True,
                                      rev_id=f"{number:04d}")
        engine.dispose()
    revision_graph.cache_clear()
    path = MIGRATIONS / "versions" / f"{number:04d}_{slug}.py"
    made = Path(script.path)  # type: ignore[union-attr]  # one script for one revision
    made.rename(path)
    return path
