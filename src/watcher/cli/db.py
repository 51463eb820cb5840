"""``watcher db …``: the state database's schema revision, its upgrade, a copy into another database.

Apart from :mod:`watcher.cli` because these commands open the database without the store's checks
(an upgrade must reach a database the store would refuse) and print no pipeline results.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .common import ConfigOpt, load_config

if TYPE_CHECKING:
    from rich.console import Console

db_app = typer.Typer(no_args_is_help=True, help="The state database: its schema revision, upgrades, copies.")


@cache
def _out() -> Console:
    """The terminal, made when a command prints (importing Rich is for commands that do)."""
    from rich.console import Console

    return Console(highlight=False)


def _db_engine(config: Path | None):
    from ..store.engine import open_engine

    cfg = load_config(config)
    return cfg, open_engine(cfg.database_url, cfg.lock_timeout)[0]


@db_app.command("current")
def db_current(config: ConfigOpt = None) -> None:
    """Which schema revision the database is at, and whether this watcher needs an upgrade."""
    from ..store import migrate

    cfg, engine = _db_engine(config)
    try:
        state = migrate.current(engine)
        cluster = migrate.cluster_status(engine) if state.kind == "current" else None
    finally:
        engine.dispose()
    _out().print(f"{_masked(cfg.database_url)}: {state.describe()}", markup=False, soft_wrap=True)
    if cluster:
        _out().print(cluster, markup=False, soft_wrap=True)


@db_app.command("upgrade")
def db_upgrade(config: ConfigOpt = None) -> None:
    """Bring the database to this watcher's schema (stop every `watcher run` using it first)."""
    from ..store import migrate, queue_schema

    cfg, engine = _db_engine(config)
    try:
        before, after, note = migrate.upgrade(engine, cfg.database_url, queue=queue_schema.installed() is not None)
    finally:
        engine.dispose()
    what = (f"already up to date ({after.short()})" if before == after
            else f"upgraded from {before.short()} to {after.short()}")
    _out().print(f"{_masked(cfg.database_url)}: {what}" + (f"; {note}" if note else ""), markup=False, soft_wrap=True)


@db_app.command("copy")
def db_copy(to: Annotated[str, typer.Option("--to", help="The target database URL (empty), e.g. "
                                            "postgresql://user@host/watcher.")],
            config: ConfigOpt = None) -> None:
    """Copy every version, alert, claim state and delivery into another (empty) database."""
    from ..store import Store
    from ..store.copy import copy_database

    cfg = load_config(config)
    store = Store(cfg.database_url)  # the source, brought to this watcher's schema first
    try:
        counts = copy_database(store.engine, to)
    finally:
        store.close()
    _out().print(f"copied {_masked(cfg.database_url)} to {_masked(to)}: "
              + ", ".join(f"{n} {table}" for table, n in counts.items()), markup=False, soft_wrap=True)
    _out().print(f"Now set database_url = \"{_masked(to)}\" in {cfg.path}.", markup=False, soft_wrap=True)


def _masked(url: str) -> str:
    """A database URL with its password hidden (it is printed)."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # not a URL SQLAlchemy reads: the store will say so
        return url
