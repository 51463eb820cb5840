"""Schema migrations (Alembic) on SQLite and PostgreSQL: a database of any age opens with its data,
or is refused with what to do.

* the revisions produce exactly the tables the code uses (a table added to schema.py without its
  revision fails here), on both backends;
* databases made before migrations (``meta.schema`` 1 and 2, no ``alembic_version``) keep every
  version, alert, claim state and delivery through the upgrade;
* a PostgreSQL database that needs more than a stamp is refused by the store (exit 2, naming
  ``watcher db upgrade``), and ``watcher db upgrade`` brings it up;
* a database from a newer watcher, or another program's, is refused and left as it was.
"""

from __future__ import annotations

import zlib

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text

from watcher.store import Store, StoreError, migrate
from watcher.store.engine import engine_url, libpq_url
from watcher.store.schema import metadata

from . import pg
from .conftest import watcher, write_config

pytestmark = pytest.mark.slow  # end-to-end: real processes, locks and timeouts (make test-fast leaves it out)


def _engine(url: str):
    return create_engine(engine_url(url))


def _diff(url: str) -> list:
    eng = _engine(url)
    try:
        with eng.connect() as c:
            ours = {"compare_type": True,  # Procrastinate's tables are not ours to compare
                    "include_name": lambda name, kind, _: kind != "table" or name in metadata.tables}
            return compare_metadata(MigrationContext.configure(c, opts=ours), metadata)
    finally:
        eng.dispose()


def _sqlite(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'state' / 'watcher.db'}"


def make_legacy(url: str, schema: str) -> None:
    """A database as watcher 0.1 left it: its tables (the baseline's), ``meta.schema`` 1 or 2, no
    ``alembic_version``; schema 1 also lacks ``versions.ignored_z``. Holds a source, two versions
    (the second with ignored blocks on schema 2), a claim state, an alert and its delivery."""
    eng = _engine(url)
    with eng.begin() as c:
        command.upgrade(migrate.alembic_config(c), migrate.BASELINE)
        c.execute(text("DROP TABLE alembic_version"))
        c.execute(text("INSERT INTO sources (id, url, failures, last_check, next_due) "
                       "VALUES ('s1', 'http://e.org/a', 0, 1000.5, 4600.5)"))
        for n, body in ((1, "first text"), (2, "second text")):
            c.execute(text("INSERT INTO versions (source, number, created_at, origin, is_baseline, content_hash, "
                           "text_z) VALUES ('s1', :n, 1000, 'fetch', :b, :h, :z)"),
                      {"n": n, "b": n == 1, "h": f"h{n}", "z": zlib.compress(body.encode())})
        c.execute(text("INSERT INTO claim_states (source, key, kind, state, changes, updated_at) "
                       "VALUES ('s1', 'k1', 'claim', 'changed', '[]', 1000)"))
        c.execute(text("INSERT INTO alerts (source, kind, severity, explanation, created_at, fingerprint, reviewed) "
                       "VALUES ('s1', 'estimate_changed', 'high', '7 -> 11', 1000, 'fp1', false)"))
        c.execute(text("INSERT INTO notifiers (key, display, since) VALUES ('n1', 'json://x', 0)"))
        c.execute(text("INSERT INTO deliveries (alert_id, notifier, mode, state, attempts, next_attempt, expires_at, "
                       "created_at) VALUES (1, 'n1', 'now', 'delivered', 1, 0, 9, 0)"))
        if schema == "1":
            c.execute(text("ALTER TABLE versions DROP COLUMN ignored_z"))
            c.execute(text("UPDATE meta SET value = '1' WHERE key = 'schema'"))
    eng.dispose()


def _kept(store: Store) -> None:
    assert [v.text for v in store.versions("s1")] == ["first text", "second text"]
    assert [(a.kind, a.fingerprint) for a in store.alerts()] == [("estimate_changed", "fp1")]
    assert [(d.alert_id, d.state) for d in store.deliveries()] == [(1, "delivered")]
    st = store.source_state("s1")
    assert st is not None and (st.last_check, st.next_due) == (1000.5, 4600.5)
    with store.transaction() as c:
        assert list(store.claim_states(c, "s1")) == ["k1"]


def test_the_cheap_revision_reading_agrees_with_alembic():
    script = ScriptDirectory.from_config(migrate.alembic_config(None))
    graph = migrate.revision_graph()
    assert graph.heads == set(script.get_heads())
    assert graph.revisions == {r.revision for r in script.walk_revisions()}
    assert migrate.BASELINE in graph.revisions


def test_a_new_sqlite_database_gets_exactly_the_tables_the_code_uses(tmp_path):
    url = _sqlite(tmp_path)
    Store(url).close()
    assert _diff(url) == []
    assert migrate.current(_engine(url)).kind == "current"


def test_a_new_postgres_database_gets_exactly_the_tables_the_code_uses(pg_url):
    Store(pg_url).close()
    assert _diff(pg_url) == []


def _plain(value) -> str:
    """An inspector's value as comparable text (a partial index's condition is a clause object)."""
    if isinstance(value, dict):
        return repr(sorted((k, _plain(v)) for k, v in value.items()))
    return str(value)


def _shape(url: str) -> dict:
    """Everything a database's schema and bookkeeping say: per table its columns (name, type,
    nullability, default), primary key, foreign keys, indexes (with a partial index's condition),
    unique and check constraints; the ``meta`` rows and the Alembic revision."""
    eng = _engine(url)
    try:
        with eng.connect() as c:
            insp = inspect(c)
            out: dict = {}
            for t in sorted(set(insp.get_table_names()) - {"sqlite_sequence"}):
                out[t] = {
                    "columns": sorted((col["name"], str(col["type"]), col["nullable"], str(col.get("default")))
                                      for col in insp.get_columns(t)),
                    "pk": sorted(insp.get_pk_constraint(t)["constrained_columns"]),
                    "fks": sorted(repr(sorted(fk.items())) for fk in insp.get_foreign_keys(t)),
                    "indexes": sorted(repr(sorted((k, _plain(v)) for k, v in ix.items())) for ix in insp.get_indexes(t)),
                    "unique": sorted(repr(sorted(u["column_names"])) for u in insp.get_unique_constraints(t)),
                    "checks": sorted(str(ck.get("sqltext")) for ck in insp.get_check_constraints(t)),
                }
            out["meta rows"] = sorted(c.execute(text("SELECT key, value FROM meta")).all())
            out["revision"] = sorted(c.execute(text("SELECT version_num FROM alembic_version")).all())
            return out
    finally:
        eng.dispose()


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_a_new_database_is_made_as_running_every_revision_would_make_it(tmp_path, backend, request):
    """A new database is created from the schema in one step (no Alembic): it must be the database
    the revisions make — so a table or column added to the schema without its revision fails here."""
    if backend == "sqlite":
        (tmp_path / "a").mkdir()
        (tmp_path / "b").mkdir()
        created, replayed = f"sqlite:///{tmp_path / 'a' / 'w.db'}", f"sqlite:///{tmp_path / 'b' / 'w.db'}"
    else:
        created, replayed = request.getfixturevalue("pg_url"), pg.url_of(pg.create_db())
        request.addfinalizer(lambda: pg.drop_db(replayed.rsplit("/", 1)[1]))
    Store(created).close()
    eng = _engine(replayed)
    with eng.begin() as c:
        command.upgrade(migrate.alembic_config(c), "heads")
    eng.dispose()
    made, migrated = _shape(created), _shape(replayed)
    assert set(made) == set(migrated)
    for table in migrated:
        assert made[table] == migrated[table], table
    assert len(made) > 10 and made["revision"] == [(h,) for h in sorted(migrate.revision_graph().heads)]


@pytest.mark.parametrize("schema", ["1", "2"])
def test_a_sqlite_database_from_before_migrations_is_upgraded_on_open_with_its_data(tmp_path, schema):
    url = _sqlite(tmp_path)
    (tmp_path / "state").mkdir()
    make_legacy(url, schema)
    store = Store(url)
    try:
        _kept(store)
        assert store.version("s1", 2) is not None
    finally:
        store.close()
    assert _diff(url) == []
    assert migrate.current(_engine(url)).kind == "current"


@pytest.mark.parametrize("schema", ["1", "2"])
def test_a_postgres_database_from_before_migrations_is_upgraded_by_the_command(tmp_path, pg_url, schema):
    make_legacy(pg_url, schema)
    cfg = write_config(tmp_path, [{"id": "s1", "url": "http://e.org/a"}], database_url=libpq_url(pg_url))
    if schema == "1" or migrate.revision_graph().heads != {migrate.BASELINE}:
        # tables to change under nodes that may still run: the store refuses, saying what to do
        p = watcher("sources", "--config", str(cfg))
        assert p.returncode == 2, p.stderr
        assert "watcher db upgrade" in p.stderr and "Traceback" not in p.stderr, p.stderr
    p = watcher("db", "upgrade", "--config", str(cfg))
    assert p.returncode == 0 and f"upgraded from meta.schema {schema}" in p.stdout, p.stdout + p.stderr
    assert "job queue installed (Procrastinate 3." in p.stdout, p.stdout
    p = watcher("db", "current", "--config", str(cfg))
    assert "(up to date)" in p.stdout, p.stdout
    store = Store(pg_url)
    try:
        _kept(store)
    finally:
        store.close()
    assert _diff(pg_url) == []


def test_a_database_from_a_newer_watcher_is_refused_and_left_alone(tmp_path, pg_url):
    for url in (_sqlite(tmp_path), pg_url):
        Store(url).close()
        eng = _engine(url)
        with eng.begin() as c:
            c.execute(text("UPDATE alembic_version SET version_num = '9999'"))
        with pytest.raises(StoreError, match=r"written by a newer watcher \(revision 9999\)"):
            Store(url)
        with pytest.raises(StoreError, match="newer watcher"):
            migrate.upgrade(eng, url)
        with eng.connect() as c:
            assert c.execute(text("SELECT version_num FROM alembic_version")).scalar() == "9999"
        eng.dispose()


def test_another_programs_alembic_database_is_refused_untouched(pg_url):
    eng = _engine(pg_url)
    with eng.begin() as c:
        c.execute(text("CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY)"))
        c.execute(text("INSERT INTO alembic_version VALUES ('abc123')"))
        c.execute(text("CREATE TABLE invoices (id int PRIMARY KEY)"))
    with pytest.raises(StoreError, match="belongs to another program"):
        Store(pg_url)
    with eng.connect() as c:
        assert set(c.dialect.get_table_names(c)) == {"alembic_version", "invoices"}
    eng.dispose()


def test_a_half_made_database_of_ours_is_made_whole(tmp_path):
    """Tables of ours with no rows and no ``meta``: a creation that died half-way (before migrations
    SQLite created tables outside a transaction). The store starts it afresh."""
    url = _sqlite(tmp_path)
    (tmp_path / "state").mkdir()
    eng = _engine(url)
    with eng.begin() as c:
        c.execute(text("CREATE TABLE sources (id varchar(128) PRIMARY KEY, url text NOT NULL)"))
    eng.dispose()
    Store(url).close()
    assert _diff(url) == []


def test_db_commands_report_the_revision(tmp_path):
    cfg = write_config(tmp_path, [{"id": "s1", "url": "http://e.org/a"}])
    p = watcher("db", "current", "--config", str(cfg))
    assert p.returncode == 0 and "empty" in p.stdout, p.stdout + p.stderr
    p = watcher("db", "upgrade", "--config", str(cfg))
    heads = ", ".join(sorted(migrate.revision_graph().heads))
    assert p.returncode == 0 and f"upgraded from an empty database to revision {heads}" in p.stdout, p.stdout
    p = watcher("db", "upgrade", "--config", str(cfg))
    assert p.returncode == 0 and "already up to date" in p.stdout, p.stdout
