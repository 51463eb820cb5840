"""Versions, source health, claim states and alerts — persisted with SQLAlchemy Core.

Why SQLAlchemy Core rather than the stdlib ``sqlite3``: the default is an embedded SQLite file,
but moving to PostgreSQL must be a change of ``database_url`` in the config, not a rewrite. Core
gives us one dialect-neutral schema and query layer (no ORM session state to reason about) and
real transactions: every check writes its version, claim states and alerts in one transaction, so
a kill at any moment leaves the previous state intact and never half an alert.

Stored text is zlib-compressed (article text compresses ~3×). The store holds no business rules:
what counts as news is decided by :mod:`watcher.alerts.record`. What it reads comes back as the
typed records of :mod:`watcher.store.records`; the tables are in :mod:`watcher.store.schema`.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine, event, func, insert, select, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DatabaseError, OperationalError

from .records import (
    AlertData,
    AlertHead,
    AlertRecord,
    BaselineRef,
    ClaimState,
    Delivery,
    PassMeta,
    SourceState,
    Version,
    pack_ignored,
)
from .schema import (
    APP_ID,
    SCHEMA_VERSION,
    alerts,
    blocks,
    claim_states,
    deliveries,
    meta,
    metadata,
    notifiers,
    sources,
    versions,
)


class StoreError(Exception):
    """The state database cannot be used (corrupt, foreign, or from a newer watcher)."""


def now() -> float:
    return datetime.now(UTC).timestamp()


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # pragma: no cover - driver callback
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


class Store:
    """A thin, typed facade over the tables; one instance per process."""

    def __init__(self, url: str) -> None:
        self.url = url
        if url.startswith("sqlite:///"):
            path = Path(url.removeprefix("sqlite:///"))
            path.parent.mkdir(parents=True, exist_ok=True)
            self._check_sqlite_file(path)
        self.engine: Engine = create_engine(url, future=True)
        self._init_schema()
        if self.engine.dialect.name == "sqlite":
            # only now: journal_mode=WAL rewrites the file header, and a stranger's file must stay as it was
            self.engine.dispose()
            event.listen(self.engine, "connect", _sqlite_pragmas)

    @staticmethod
    def _check_sqlite_file(path: Path) -> None:
        if path.exists() and not path.is_file():
            raise StoreError(f"{path} is not a file; point state_dir elsewhere or move it away")
        if path.exists() and path.stat().st_size > 0:
            with path.open("rb") as f:
                if f.read(16) != b"SQLite format 3\x00":
                    raise StoreError(f"{path} is not a SQLite database (corrupt or foreign file); "
                                     "move it away to start a fresh state")

    def _init_schema(self) -> None:
        try:
            with self.engine.begin() as c:
                existing = set(self.engine.dialect.get_table_names(c))
                app = self._app(c, existing)
                strangers = existing - set(metadata.tables) - {"sqlite_sequence"}
                # before any DDL: never touch a stranger's database (a half-made one of ours is fine)
                if existing and app != APP_ID and (app is not None or strangers):
                    raise StoreError(f"{self.url}: database belongs to another program (no watcher tables); "
                                     "set state_dir or database_url to a place of its own")
                metadata.create_all(c)
                row = c.execute(select(meta.c.value).where(meta.c.key == "schema")).scalar()
                if row is None:
                    c.execute(insert(meta).values(key="schema", value=str(SCHEMA_VERSION)))
                    c.execute(insert(meta).values(key="app", value=APP_ID))
                elif int(row) > SCHEMA_VERSION:
                    raise StoreError(f"{self.url}: written by a newer watcher (schema {row})")
                elif int(row) < 2:  # additive: versions stored before it have no ignored blocks
                    cols = {col["name"] for col in self.engine.dialect.get_columns(c, "versions")}
                    if "ignored_z" not in cols:
                        c.exec_driver_sql("ALTER TABLE versions ADD COLUMN ignored_z BLOB"
                                          if self.engine.dialect.name == "sqlite" else
                                          "ALTER TABLE versions ADD COLUMN ignored_z BYTEA")
                    c.execute(update(meta).where(meta.c.key == "schema").values(value=str(SCHEMA_VERSION)))
        except (DatabaseError, OperationalError) as e:
            hint = ("; it looks corrupt: move it away to start a fresh state"
                    if "malformed" in str(e) or "not a database" in str(e) else "")
            raise StoreError(f"cannot open state database {self.url}: {e.orig or e}{hint}") from None

    @staticmethod
    def _app(c: Connection, existing: set[str]) -> str | None:
        """Which program wrote this database, per its ``meta`` table (None: no ``meta`` row says)."""
        if "meta" not in existing:
            return None
        try:
            return c.execute(select(meta.c.value).where(meta.c.key == "app")).scalar()
        except (DatabaseError, OperationalError):  # a ``meta`` table of another shape
            return "another program"

    @contextmanager
    def transaction(self, immediate: bool = False) -> Iterator[Connection]:
        """One transaction. ``immediate``: take SQLite's write lock at the start, for a transaction that
        reads state and then writes what follows from it. Two processes checking one source at once
        (the service and a hand-run ``watcher check``) then take turns, and the second sees what the
        first stored, instead of both numbering a new version from the same stale read."""
        with self.engine.begin() as c:
            if immediate and c.dialect.name == "sqlite":
                c.exec_driver_sql("BEGIN IMMEDIATE")
            yield c

    def close(self) -> None:
        self.engine.dispose()

    # -- sources -------------------------------------------------------------------------------

    def ensure_source(self, c: Connection, source_id: str, url: str) -> SourceState:
        """The state of ``source_id``, created when new. A source whose URL changed forgets the old
        page's validators and body hash: they describe another page."""
        row = c.execute(select(sources).where(sources.c.id == source_id)).mappings().first()
        if row is None:
            c.execute(insert(sources).values(id=source_id, url=url, failures=0))
            return SourceState(id=source_id, url=url)
        state = SourceState.from_row(row)
        if state.url != url:
            c.execute(update(sources).where(sources.c.id == source_id).values(url=url, etag=None,
                                                                               last_modified=None, raw_hash=None))
            state = replace(state, url=url, etag=None, last_modified=None, raw_hash=None)
        return state

    def ensure_sources(self, c: Connection, wanted: list[tuple[str, str]]) -> dict[str, SourceState]:
        """States of many sources in one round trip (missing ones created): a pass's first read."""
        ids = [i for i, _ in wanted]
        q = select(sources).where(sources.c.id.in_(ids)) if len(ids) < 30000 else select(sources)
        states = {r["id"]: SourceState.from_row(r) for r in c.execute(q).mappings()}
        for sid, url in wanted:
            if sid not in states or states[sid].url != url:
                states[sid] = self.ensure_source(c, sid, url)
        return states

    def source_state(self, source_id: str) -> SourceState | None:
        with self.engine.connect() as c:
            row = c.execute(select(sources).where(sources.c.id == source_id)).mappings().first()
        return SourceState.from_row(row) if row else None

    def source_states(self) -> dict[str, SourceState]:
        with self.engine.connect() as c:
            return {r["id"]: SourceState.from_row(r) for r in c.execute(select(sources)).mappings()}

    def update_source(self, c: Connection, source_id: str, **values) -> None:
        c.execute(update(sources).where(sources.c.id == source_id).values(**values))

    # -- versions ------------------------------------------------------------------------------

    def add_version(self, c: Connection, source_id: str, *, text: str, content_hash: str, title: str | None,
                    url: str | None, origin: str, is_baseline: bool,
                    ignored: tuple[tuple[str, str], ...] = ()) -> Version:
        number = (c.execute(select(func.max(versions.c.number)).where(versions.c.source == source_id)).scalar()
                  or 0) + 1
        if is_baseline:
            c.execute(update(versions).where(versions.c.source == source_id).values(is_baseline=False))
        ts = now()
        vid = c.execute(insert(versions).values(  # type: ignore[index]  # an INSERT has its new key
            source=source_id, number=number, created_at=ts, origin=origin, is_baseline=is_baseline,
            content_hash=content_hash, title=title, url=url, text_z=zlib.compress(text.encode("utf-8"), 6),
            ignored_z=pack_ignored(ignored),
        )).inserted_primary_key[0]
        return Version(id=vid, source=source_id, number=number, created_at=ts, origin=origin,
                       is_baseline=is_baseline, content_hash=content_hash, title=title, url=url, text=text,
                       ignored=tuple(ignored))

    def baseline_ref(self, c: Connection, source_id: str) -> BaselineRef | None:
        """Origin and content hash of the baseline, without loading its text (the cheap path)."""
        row = c.execute(select(versions.c.origin, versions.c.content_hash)
                        .where(versions.c.source == source_id, versions.c.is_baseline)
                        .order_by(versions.c.number.desc()).limit(1)).first()
        return BaselineRef(origin=row[0], content_hash=row[1]) if row else None

    def pass_meta(self, c: Connection) -> dict[str, PassMeta]:
        """Per source: its baseline (origin, hash) and latest fetched version number, in two queries
        for all sources (no texts loaded)."""
        base = {r[0]: BaselineRef(origin=r[2], content_hash=r[1]) for r in c.execute(
            select(versions.c.source, versions.c.content_hash, versions.c.origin).where(versions.c.is_baseline))}
        latest = {r[0]: r[1] for r in c.execute(select(versions.c.source, func.max(versions.c.number))
                                                .where(versions.c.origin == "fetch").group_by(versions.c.source))}
        return {sid: PassMeta(baseline=base.get(sid), latest=latest.get(sid)) for sid in base.keys() | latest.keys()}

    def latest_number(self, c: Connection, source_id: str) -> int | None:
        return c.execute(select(func.max(versions.c.number)).where(versions.c.source == source_id,
                                                                    versions.c.origin == "fetch")).scalar()

    def baseline(self, c: Connection, source_id: str) -> Version | None:
        row = c.execute(select(versions).where(versions.c.source == source_id, versions.c.is_baseline)
                        .order_by(versions.c.number.desc()).limit(1)).mappings().first()
        return Version.from_row(row) if row else None

    def latest(self, c: Connection, source_id: str, origin: str | None = "fetch") -> Version | None:
        q = select(versions).where(versions.c.source == source_id)
        if origin:
            q = q.where(versions.c.origin == origin)
        row = c.execute(q.order_by(versions.c.number.desc()).limit(1)).mappings().first()
        return Version.from_row(row) if row else None

    def versions(self, source_id: str) -> list[Version]:
        with self.engine.connect() as c:
            rows = c.execute(select(versions).where(versions.c.source == source_id)
                             .order_by(versions.c.number)).mappings().all()
        return [Version.from_row(r) for r in rows]

    def version(self, source_id: str, number: int) -> Version | None:
        with self.engine.connect() as c:
            row = c.execute(select(versions).where(versions.c.source == source_id,
                                                   versions.c.number == number)).mappings().first()
        return Version.from_row(row) if row else None

    # -- claim states --------------------------------------------------------------------------

    def version_number(self, c: Connection, version_id: int | None) -> int | None:
        if version_id is None:
            return None
        return c.execute(select(versions.c.number).where(versions.c.id == version_id)).scalar()

    def set_blocks(self, c: Connection, host: str, source_id: str, hashes: set[str], replace: bool = True) -> None:
        """The short blocks of a source's latest version (replacing the previous version's; a first
        fetched version has none to replace, and the delete by source scans the table)."""
        if replace:
            c.execute(blocks.delete().where(blocks.c.source == source_id))
        if hashes:
            c.execute(insert(blocks), [{"host": host, "hash": h, "source": source_id} for h in sorted(hashes)])

    def shared_blocks(self, c: Connection, host: str, source_id: str, hashes: set[str]) -> dict[str, set[str]]:
        """For each of ``hashes``, the other sources of ``host`` whose latest version has it."""
        out: dict[str, set[str]] = {}
        wanted = sorted(hashes)
        for i in range(0, len(wanted), 500):
            rows = c.execute(select(blocks.c.hash, blocks.c.source).where(
                blocks.c.host == host, blocks.c.hash.in_(wanted[i:i + 500]), blocks.c.source != source_id))
            for h, src in rows:
                out.setdefault(h, set()).add(src)
        return out

    def claim_states(self, c: Connection, source_id: str) -> dict[str, ClaimState]:
        rows = c.execute(select(claim_states).where(claim_states.c.source == source_id)).mappings()
        return {r["key"]: ClaimState.from_row(r) for r in rows}

    def set_claim_state(self, c: Connection, source_id: str, key: str, *, kind: str, state: str,
                        baseline_text: str | None, last_text: str | None, changes: Sequence[dict],
                        version_id: int | None) -> None:
        exists = c.execute(select(claim_states.c.key).where(claim_states.c.source == source_id,
                                                            claim_states.c.key == key)).first()
        values = dict(kind=kind, state=state, baseline_text=baseline_text, last_text=last_text,
                      changes=json.dumps(list(changes), ensure_ascii=False), version_id=version_id,
                      updated_at=now())
        if exists:
            c.execute(update(claim_states).where(claim_states.c.source == source_id, claim_states.c.key == key)
                      .values(**values))
        else:
            c.execute(insert(claim_states).values(source=source_id, key=key, **values))

    def delete_claim_state(self, c: Connection, source_id: str, key: str) -> None:
        c.execute(claim_states.delete().where(claim_states.c.source == source_id, claim_states.c.key == key))

    def clear_claim_states(self, c: Connection, source_id: str) -> None:
        c.execute(claim_states.delete().where(claim_states.c.source == source_id))

    # -- alerts --------------------------------------------------------------------------------

    def add_alert(self, c: Connection, *, source: str, kind: str, severity: str, before: str | None,
                  after: str | None, explanation: str, data: AlertData, version_id: int | None,
                  fingerprint: str) -> AlertRecord | None:
        """Insert an alert unless its fingerprint is already stored (then None: said once). The record
        returned holds ``data`` as read back from its JSON, as every later read of the row will."""
        if c.execute(select(alerts.c.id).where(alerts.c.fingerprint == fingerprint)).first():
            return None
        row = dict(source=source, kind=kind, severity=severity, before=before, after=after,
                   explanation=explanation, data=data.to_json(), version_id=version_id,
                   created_at=now(), fingerprint=fingerprint, reviewed=False)
        row["id"] = c.execute(insert(alerts).values(**row)).inserted_primary_key[0]  # type: ignore[index]
        return AlertRecord.from_row(row)

    def alerts(self, source: str | None = None, since_id: int = 0) -> list[AlertRecord]:
        q = select(alerts).where(alerts.c.id > since_id)
        if source:
            q = q.where(alerts.c.source == source)
        with self.engine.connect() as c:
            return [AlertRecord.from_row(r) for r in c.execute(q.order_by(alerts.c.id)).mappings()]

    def alert(self, alert_id: int) -> AlertRecord | None:
        with self.engine.connect() as c:
            row = c.execute(select(alerts).where(alerts.c.id == alert_id)).mappings().first()
        return AlertRecord.from_row(row) if row else None

    def set_reviewed(self, alert_id: int, reviewed: bool = True) -> bool:
        """Mark an alert reviewed (or open again); False when there is no such alert."""
        with self.engine.begin() as c:
            return c.execute(update(alerts).where(alerts.c.id == alert_id).values(reviewed=reviewed)).rowcount > 0

    def alerts_by_id(self, c: Connection, ids: list[int]) -> dict[int, AlertRecord]:
        if not ids:
            return {}
        rows = c.execute(select(alerts).where(alerts.c.id.in_(ids))).mappings()
        return {r["id"]: AlertRecord.from_row(r) for r in rows}

    def alerts_created_since(self, c: Connection, ts: float) -> list[AlertHead]:
        """Id, source, kind, severity and time of the alerts created since ``ts`` (no texts: cheap)."""
        q = (select(alerts.c.id, alerts.c.source, alerts.c.kind, alerts.c.severity, alerts.c.created_at)
             .where(alerts.c.created_at >= ts).order_by(alerts.c.id))
        return [AlertHead(*r) for r in c.execute(q)]

    # -- notification deliveries ---------------------------------------------------------------

    def notifier_since(self, c: Connection, key: str, display: str, since: float) -> float:
        """When ``key`` was first configured (recorded now as ``since`` if it is new)."""
        row = c.execute(select(notifiers).where(notifiers.c.key == key)).mappings().first()
        if row is None:
            c.execute(insert(notifiers).values(key=key, display=display, since=since))
            return since
        if row["display"] != display:
            c.execute(update(notifiers).where(notifiers.c.key == key).values(display=display))
        return row["since"]

    def delivery_keys(self, c: Connection, min_alert_id: int) -> set[tuple[int, str]]:
        q = select(deliveries.c.alert_id, deliveries.c.notifier).where(deliveries.c.alert_id >= min_alert_id)
        return {(r[0], r[1]) for r in c.execute(q)}

    def add_delivery(self, c: Connection, *, alert_id: int, notifier: str, mode: str, next_attempt: float,
                     expires_at: float) -> None:
        c.execute(insert(deliveries).values(alert_id=alert_id, notifier=notifier, mode=mode, state="pending",
                                            attempts=0, next_attempt=next_attempt, expires_at=expires_at,
                                            created_at=now()))

    def pending_deliveries(self, c: Connection, at: float) -> list[Delivery]:
        """Deliveries not done yet: pending ones, and those whose sender's lease ran out by ``at``."""
        q = select(deliveries).where((deliveries.c.state == "pending") | (
            (deliveries.c.state == "sending") & (deliveries.c.next_attempt <= at))).order_by(deliveries.c.alert_id)
        return [Delivery.from_row(r) for r in c.execute(q).mappings()]

    def claim_delivery(self, c: Connection, delivery: Delivery, until: float, attempt: bool = True) -> bool:
        """Change a delivery as read unless another process changed it since (compare-and-set on state
        and ``next_attempt``): take it for an attempt — state "sending" with a lease until ``until``,
        after which it counts as pending again (the sender died) — or postpone it to ``until``."""
        values: dict = {"next_attempt": until, "state": "pending"}
        if attempt:
            values.update(state="sending", attempts=deliveries.c.attempts + 1)
        res = c.execute(update(deliveries).where(
            deliveries.c.id == delivery.id, deliveries.c.state == delivery.state,
            deliveries.c.next_attempt == delivery.next_attempt,
        ).values(**values))
        return res.rowcount == 1

    def update_delivery(self, c: Connection, delivery_id: int, **values) -> None:
        c.execute(update(deliveries).where(deliveries.c.id == delivery_id).values(**values))

    def deliveries(self, alert_id: int | None = None) -> list[Delivery]:
        q = select(deliveries, notifiers.c.display).join(notifiers, notifiers.c.key == deliveries.c.notifier,
                                                         isouter=True)
        if alert_id is not None:
            q = q.where(deliveries.c.alert_id == alert_id)
        with self.engine.connect() as c:
            return [Delivery.from_row(r) for r in c.execute(q.order_by(deliveries.c.id)).mappings()]
