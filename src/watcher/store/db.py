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
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import bindparam, delete, func, insert, select, text, update
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import BindParameter

from ..redact import mask_url
from . import captures, migrate
from .access import LOCK_TIMEOUT, StoreError
from .engine import insert_new, open_engine, upsert, use_sqlite_pragmas
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
    pack_text,
)
from .schema import (
    alert_select,
    alerts,
    claim_states,
    cluster_config,
    deliveries,
    host_slots,
    notifiers,
    robots,
    sources,
    versions,
)

__all__ = ["Store", "StoreError", "now"]


# The most values one ``IN (…)`` binds (SQLite takes 32,766 bound parameters): past it a query
# reads the whole table and filters in Python.
_MAX_IN = 30000


def now() -> float:
    return datetime.now(UTC).timestamp()


# The statements of a check's hot path, built once. Building a statement costs more than running it
# (SQLAlchemy coerces every clause and derives a cache key each time: ~70 µs against ~12 µs to
# execute a prebuilt one on SQLite), and a check of a new page runs a dozen of them.
_SOURCE: BindParameter[str] = bindparam("_source")
_UPDATE_SOURCE = update(sources).where(sources.c.id == _SOURCE)  # SET: the keys of the parameters
_MAX_NUMBER = select(func.max(versions.c.number)).where(versions.c.source == _SOURCE)
_MAX_FETCHED = _MAX_NUMBER.where(versions.c.origin == "fetch")
_UNSET_BASELINE = update(versions).where(versions.c.source == _SOURCE).values(is_baseline=False)
_INSERT_VERSION = insert(versions)
_BASELINE = (select(versions).where(versions.c.source == _SOURCE, versions.c.is_baseline)
             .order_by(versions.c.number.desc()).limit(1))
_BASELINE_REF = (select(versions.c.origin, versions.c.content_hash)
                 .where(versions.c.source == _SOURCE, versions.c.is_baseline)
                 .order_by(versions.c.number.desc()).limit(1))
_CLAIM_STATES = select(claim_states).where(claim_states.c.source == _SOURCE)
_CLAIM_KEY = (claim_states.c.source == _SOURCE) & (claim_states.c.key == bindparam("_key"))
_CLAIM_STATE_EXISTS = select(claim_states.c.key).where(_CLAIM_KEY)
_UPDATE_CLAIM_STATE = update(claim_states).where(_CLAIM_KEY)  # SET: the keys of the parameters
_INSERT_CLAIM_STATE = insert(claim_states)
_ALERT_BY_FINGERPRINT = select(alerts.c.id).where(alerts.c.fingerprint == bindparam("_fingerprint"))
_LATEST_HASH = (select(versions.c.content_hash).where(versions.c.source == _SOURCE, versions.c.origin == "fetch")
                .order_by(versions.c.number.desc()).limit(1))
_LATEST_ANY = select(versions).where(versions.c.source == _SOURCE).order_by(versions.c.number.desc()).limit(1)
_LATEST = (select(versions).where(versions.c.source == _SOURCE, versions.c.origin == bindparam("_origin"))
           .order_by(versions.c.number.desc()).limit(1))


class Store:
    """A thin, typed facade over the tables; one instance per process.

    Opening it makes the database usable or refuses it (:func:`watcher.store.migrate.ensure`:
    created when empty, upgraded in place on SQLite, a PostgreSQL database that needs an upgrade
    refused with what to do)."""

    def __init__(self, url: str, *, lock_timeout: float = LOCK_TIMEOUT, captures_dir: Path | None = None) -> None:
        """Open (creating if need be) the database at ``url``. A SQLite file whose directory cannot be
        written is opened read-only (``read_only``): reading commands work, writes are a :class:`StoreFault`.
        ``lock_timeout``: how long a write waits for another process's lock. ``captures_dir``: where
        raw captures go (default: beside a SQLite file, else none are kept)."""
        self.url = url
        self.captures_dir = captures_dir or captures.beside(url)
        self.unsynced: set[Path] | None = None  # capture files a pass syncs at its end (None: every write syncs)
        self.engine, self.read_only = open_engine(url, lock_timeout)
        try:
            migrate.ensure(self.engine, url)
        except BaseException:
            self.engine.dispose()  # a refused database is left alone, no connection kept open on it
            raise
        use_sqlite_pragmas(self.engine, self.read_only, lock_timeout)

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

    @contextmanager
    def captures_synced_at_end(self) -> Iterator[None]:
        """Within this block, capture files are fsynced once each, when it ends, not at every record:
        a pass of many checks gets the database's own durability (its WAL commits are not synced
        either) without a journal commit per new version."""
        outer = self.unsynced is not None
        if not outer:
            self.unsynced = set()
        try:
            yield
        finally:
            if not outer:
                paths, self.unsynced = self.unsynced or set(), None
                captures.sync_files(paths)

    def defer_capture_sync(self, path: Path) -> bool:
        """Whether the capture file ``path``, about to be appended to, is fsynced at the end of the
        pass under way (:meth:`captures_synced_at_end`) rather than by its writer, now."""
        if self.unsynced is None:
            return False
        self.unsynced.add(path)
        return True

    def close(self) -> None:
        self.engine.dispose()

    # -- sources -------------------------------------------------------------------------------

    def ensure_source(self, c: Connection, source_id: str, url: str) -> SourceState:
        """The state of ``source_id``, created when new. A source whose URL changed forgets the old
        page's validators and body hash: they describe another page."""
        url = mask_url(url)  # the store never holds a URL's secrets (watcher.redact)
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
        q = select(sources).where(sources.c.id.in_(ids)) if len(ids) < _MAX_IN else select(sources)
        states = {r["id"]: SourceState.from_row(r) for r in c.execute(q).mappings()}
        new = [(sid, mask_url(url)) for sid, url in wanted if sid not in states]
        if new:  # one multi-row insert: a first pass over 10,000 sources is not 20,000 statements
            c.execute(insert(sources), [{"id": sid, "url": url, "failures": 0} for sid, url in new])
            states.update((sid, SourceState(id=sid, url=url)) for sid, url in new)
        for sid, url in wanted:
            if states[sid].url != mask_url(url):
                states[sid] = self.ensure_source(c, sid, url)
        return states

    def source_state(self, source_id: str) -> SourceState | None:
        with self.engine.connect() as c:
            row = c.execute(select(sources).where(sources.c.id == source_id)).mappings().first()
        return SourceState.from_row(row) if row else None

    def source_states(self) -> dict[str, SourceState]:
        with self.engine.connect() as c:
            return {r["id"]: SourceState.from_row(r) for r in c.execute(select(sources)).mappings()}

    def source_titles(self) -> dict[str, str]:
        """The page titles stored, by source (one narrow query: lists that only name sources)."""
        with self.engine.connect() as c:
            return dict(c.execute(select(sources.c.id, sources.c.title).where(sources.c.title.is_not(None))).all())

    def lock_source(self, c: Connection, source_id: str) -> None:
        """Lock the source's row until the transaction ends (PostgreSQL; SQLite's ``BEGIN IMMEDIATE``
        already serializes every writer)."""
        if c.dialect.name != "sqlite":
            c.execute(select(sources.c.id).where(sources.c.id == source_id).with_for_update())

    def update_source(self, c: Connection, source_id: str, **values) -> None:
        c.execute(_UPDATE_SOURCE, {"_source": source_id, **values})

    def update_sources(self, c: Connection, items: Sequence[tuple[str, dict]]) -> None:
        """Many sources' columns at once: one statement run for each set of columns written."""
        groups: dict[tuple[str, ...], list[dict]] = {}
        for source_id, values in items:
            groups.setdefault(tuple(sorted(values)), []).append({"_source": source_id, **values})
        for params in groups.values():
            c.execute(_UPDATE_SOURCE, params)

    # -- robots.txt files as last read (watcher.fetch.polite) ---------------------------------

    def robots_files(self, c: Connection, origins: Sequence[str], since: float) -> dict[str, tuple[float, str | None]]:
        """The robots.txt files of ``origins`` read at ``since`` or later: (when, text or None)."""
        wanted = set(origins)
        if not wanted:
            return {}
        q = select(robots.c.origin, robots.c.fetched_at, robots.c.body).where(robots.c.fetched_at >= since)
        if len(wanted) < _MAX_IN:  # else every recent row, filtered here
            q = q.where(robots.c.origin.in_(sorted(wanted)))
        return {o: (at, body) for o, at, body in c.execute(q) if o in wanted}

    def keep_robots_files(self, c: Connection, files: Mapping[str, tuple[float, str | None]], forget_before: float) -> None:
        """Keep ``files`` (origin → (when read, text or None)), replacing what was kept for those
        origins, and forget files read before ``forget_before`` (hosts no longer watched)."""
        rows = [{"origin": o, "fetched_at": at, "body": body} for o, (at, body) in files.items()
                if len(o) <= robots.c.origin.type.length]  # type: ignore[attr-defined]  # String(n)
        if rows:
            c.execute(upsert(c, robots, ["origin"]), rows)
        c.execute(delete(robots).where(robots.c.fetched_at < forget_before))

    # -- a cluster's host slots, for a check run by hand (watcher.cluster.slots hands them to nodes) --

    def cluster_per_host(self) -> int | None:
        """The per-host limit a cluster on this database enforces (None: no cluster has pushed a config)."""
        with self.engine.connect() as c:
            return c.execute(select(cluster_config.c.per_host).where(cluster_config.c.id == 1)).scalar()

    def take_host_slot(self, host: str, holder: str, per_host: int, lease: float) -> bool:
        """Take a free slot of ``host`` for ``holder`` for ``lease`` seconds by the database's clock, the one
        the nodes use (False: none is free; True without a slot for a host the cluster has none of)."""
        with self.engine.begin() as c:
            t = float(c.execute(text("SELECT extract(epoch FROM clock_timestamp())::float8")).scalar_one())
            slot = c.execute(select(host_slots.c.slot).where(
                host_slots.c.host == host, host_slots.c.slot < per_host,
                (host_slots.c.holder.is_(None)) | (host_slots.c.lease_until < t),
            ).limit(1).with_for_update(skip_locked=True)).scalar()
            if slot is None:
                return not c.execute(select(host_slots.c.slot).where(host_slots.c.host == host)).first()
            c.execute(update(host_slots).where(host_slots.c.host == host, host_slots.c.slot == slot)
                      .values(holder=holder, lease_until=t + lease))
            return True

    def release_host_slot(self, holder: str) -> None:
        with self.engine.begin() as c:
            c.execute(update(host_slots).where(host_slots.c.holder == holder).values(holder=None, lease_until=None))

    def add_version(self, c: Connection, source_id: str, *, text: str, content_hash: str, title: str | None,
                    url: str | None, origin: str, is_baseline: bool,
                    ignored: tuple[tuple[str, str], ...] = (),
                    packed: tuple[bytes, bytes | None] | None = None, replaces: bool = True,
                    number: int | None = None) -> Version:
        """A new version, numbered after the source's last. ``packed``: its ``text`` and ``ignored``
        already compressed (:func:`pack_text`, :func:`pack_ignored`), by the extraction lane.
        ``replaces=False``: the caller found no baseline for the source in this same transaction, so
        a new baseline has none to unset (one statement fewer for every new source's first page).
        ``number``: the caller read the source's highest number in this same transaction
        (:meth:`max_number`), and this is the one after it."""
        if number is None:
            number = (self.max_number(c, source_id) or 0) + 1
        if is_baseline and replaces:
            c.execute(_UNSET_BASELINE, {"_source": source_id})
        ts = now()
        vid = c.execute(_INSERT_VERSION, dict(  # type: ignore[index]  # an INSERT has its new key
            source=source_id, number=number, created_at=ts, origin=origin, is_baseline=is_baseline,
            content_hash=content_hash, title=title, url=url and mask_url(url),
            text_z=packed[0] if packed else pack_text(text), ignored_z=packed[1] if packed else pack_ignored(ignored),
        )).inserted_primary_key[0]
        return Version(id=vid, source=source_id, number=number, created_at=ts, origin=origin, is_baseline=is_baseline,
                       content_hash=content_hash, title=title, url=url and mask_url(url), text=text, ignored=tuple(ignored))

    def baseline_ref(self, c: Connection, source_id: str) -> BaselineRef | None:
        """Origin and content hash of the baseline, without loading its text (the cheap path)."""
        row = c.execute(_BASELINE_REF, {"_source": source_id}).first()
        return BaselineRef(origin=row[0], content_hash=row[1]) if row else None

    def pass_meta(self, c: Connection) -> dict[str, PassMeta]:
        """Per source: its baseline (origin, hash) and latest fetched version (number, hash), in two
        queries for all sources (no texts loaded)."""
        base = {r[0]: BaselineRef(origin=r[2], content_hash=r[1]) for r in c.execute(
            select(versions.c.source, versions.c.content_hash, versions.c.origin).where(versions.c.is_baseline))}
        newest = (select(versions.c.source, func.max(versions.c.number).label("n"))
                  .where(versions.c.origin == "fetch").group_by(versions.c.source).subquery())
        latest = {r[0]: (r[1], r[2]) for r in c.execute(
            select(versions.c.source, versions.c.number, versions.c.content_hash)
            .join(newest, (versions.c.source == newest.c.source) & (versions.c.number == newest.c.n)))}
        return {sid: PassMeta(baseline=base.get(sid), latest=latest.get(sid, (None, None))[0],
                              latest_hash=latest.get(sid, (None, None))[1])
                for sid in base.keys() | latest.keys()}

    def max_number(self, c: Connection, source_id: str) -> int | None:
        """The source's highest version number, seeds included (None: it has no version)."""
        return c.execute(_MAX_NUMBER, {"_source": source_id}).scalar()

    def latest_number(self, c: Connection, source_id: str) -> int | None:
        return c.execute(_MAX_FETCHED, {"_source": source_id}).scalar()

    def latest_hash(self, c: Connection, source_id: str) -> str | None:
        """The content hash of the latest fetched version (no text loaded)."""
        return c.execute(_LATEST_HASH, {"_source": source_id}).scalar()

    def baseline(self, c: Connection, source_id: str) -> Version | None:
        row = c.execute(_BASELINE, {"_source": source_id}).mappings().first()
        return Version.from_row(row) if row else None

    def latest(self, c: Connection, source_id: str, origin: str | None = "fetch") -> Version | None:
        q, params = (_LATEST, {"_source": source_id, "_origin": origin}) if origin else \
            (_LATEST_ANY, {"_source": source_id})
        row = c.execute(q, params).mappings().first()
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

    def claim_states(self, c: Connection, source_id: str) -> dict[str, ClaimState]:
        rows = c.execute(_CLAIM_STATES, {"_source": source_id}).mappings()
        return {r["key"]: ClaimState.from_row(r) for r in rows}

    def set_claim_state(self, c: Connection, source_id: str, key: str, *, kind: str, state: str,
                        baseline_text: str | None, last_text: str | None, changes: Sequence[dict],
                        version_id: int | None) -> None:
        where = {"_source": source_id, "_key": key}
        exists = c.execute(_CLAIM_STATE_EXISTS, where).first()
        values = dict(kind=kind, state=state, baseline_text=baseline_text, last_text=last_text,
                      changes=json.dumps(list(changes), ensure_ascii=False), version_id=version_id,
                      updated_at=now())
        if exists:
            c.execute(_UPDATE_CLAIM_STATE, {**where, **values})
        else:
            c.execute(_INSERT_CLAIM_STATE, dict(source=source_id, key=key, **values))

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
        if c.execute(_ALERT_BY_FINGERPRINT, {"_fingerprint": fingerprint}).first():
            return None  # the common case, answered by the index without a write
        if data.url:
            data = replace(data, url=mask_url(data.url))
        row = dict(source=source, kind=kind, severity=severity, before=before, after=after,
                   explanation=explanation, data=data.to_json(), version_id=version_id,
                   created_at=now(), fingerprint=fingerprint, reviewed=False)
        # Two writers raising one alert at once (two nodes, or threads, on PostgreSQL) both pass the
        # read above; the conflict clause lets the second insert nothing instead of failing.
        new_id = c.execute(insert_new(c, alerts, ["fingerprint"]).values(**row).returning(alerts.c.id)).scalar()
        if new_id is None:
            return None
        row["id"] = new_id
        return AlertRecord.from_row(row)

    def alerts(self, source: str | None = None, since_id: int = 0) -> list[AlertRecord]:
        q = alert_select().where(alerts.c.id > since_id)
        if source:
            q = q.where(alerts.c.source == source)
        with self.engine.connect() as c:
            return [AlertRecord.from_row(r) for r in c.execute(q.order_by(alerts.c.id)).mappings()]

    def open_alert_counts(self, source: str | None = None) -> dict[str, dict[str, int]]:
        """Per source, the number of alerts not yet reviewed by severity — counted by the database,
        so a page listing 10,000 sources does not load and parse every alert."""
        q = select(alerts.c.source, alerts.c.severity, func.count()).where(alerts.c.reviewed.is_(False))
        if source:
            q = q.where(alerts.c.source == source)
        out: dict[str, dict[str, int]] = {}
        with self.engine.connect() as c:
            for sid, sev, n in c.execute(q.group_by(alerts.c.source, alerts.c.severity)):
                out.setdefault(sid, {})[sev] = n
        return out

    def alert(self, alert_id: int) -> AlertRecord | None:
        with self.engine.connect() as c:
            row = c.execute(alert_select().where(alerts.c.id == alert_id)).mappings().first()
        return AlertRecord.from_row(row) if row else None

    def set_reviewed(self, alert_id: int, reviewed: bool = True) -> bool:
        """Mark an alert reviewed (or open again); False when there is no such alert."""
        with self.engine.begin() as c:
            return c.execute(update(alerts).where(alerts.c.id == alert_id).values(reviewed=reviewed)).rowcount > 0

    def alerts_by_id(self, c: Connection, ids: list[int]) -> dict[int, AlertRecord]:
        if not ids:
            return {}
        rows = c.execute(alert_select().where(alerts.c.id.in_(ids))).mappings()
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
