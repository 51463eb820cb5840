"""The state database's tables (SQLAlchemy Core), dialect-neutral: SQLite by default, PostgreSQL by
changing ``database_url``.

These definitions are what the code reads and writes; the database gets them through the Alembic
revisions in ``migrations/versions`` (:mod:`watcher.store.migrate`). A table added here needs one
revision file too (``migrations/README``); tests/test_migrations.py fails until the revisions
produce exactly these tables.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Select,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
    select,
    text,
)

APP_ID = "watcher"  # meta.app: a database holding it is ours (meta.schema: see watcher.store.migrate)
# The ``meta`` rows of a database at the newest revision (a new one is created holding them): raise
# ``schema`` with a revision that an older watcher must not run against.
META_ROWS = {"schema": "3", "app": APP_ID}

metadata = MetaData()

meta = Table("meta", metadata, Column("key", String(64), primary_key=True), Column("value", Text))

# the partial indexes' condition: sources due and not already queued (cluster mode)
_DUE = text("enabled AND dispatched_due IS NULL")

sources = Table(
    "sources", metadata,
    Column("id", String(128), primary_key=True),
    Column("url", Text, nullable=False),
    Column("title", Text),
    Column("last_check", Float),
    Column("last_ok", Float),
    Column("last_change", Float),
    Column("last_outcome", String(32)),
    Column("failures", Integer, nullable=False, default=0),
    Column("last_error", Text),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("raw_hash", String(64)),
    Column("next_due", Float),
    # cluster mode (watcher.cluster; unused on SQLite): the source as the cluster's config says, and
    # its place in the shared schedule
    Column("host", String(255)),  # per_host slots are counted by host name
    Column("enabled", Boolean, nullable=False, server_default=false()),  # in the pushed config
    Column("spec", Text),  # JSON of the resolved source (watcher.cluster.spec): every node checks with it
    Column("dispatched_due", Float),  # the due time of the check job queued or running, else NULL
    Column("last_due", Float),  # idempotency key: the due time of the last check stored
    Index("ix_sources_due", "next_due", sqlite_where=_DUE),
    Index("ix_sources_host_due", "host", "next_due", sqlite_where=_DUE),
)


def postgresql_options() -> None:
    """Give the partial indexes their condition on PostgreSQL too (``postgresql_where``), before
    anything renders this schema's DDL for PostgreSQL or compares it with a PostgreSQL database.

    Why not in the declarations above: a ``postgresql_*`` argument makes SQLAlchemy import its
    whole PostgreSQL dialect to validate it (20–30 ms), which every command on SQLite — the
    default — would pay at start-up for nothing. Every PostgreSQL engine is opened by
    :func:`watcher.store.engine.open_engine`, which calls this first; it is idempotent."""
    for ix in sources.indexes:
        if ix.name in ("ix_sources_due", "ix_sources_host_due"):
            ix.dialect_options["postgresql"]["where"] = _DUE

versions = Table(
    "versions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", String(128), ForeignKey("sources.id"), nullable=False, index=True),
    Column("number", Integer, nullable=False),
    Column("created_at", Float, nullable=False),
    Column("origin", String(16), nullable=False),  # "seed" | "fetch"
    Column("is_baseline", Boolean, nullable=False, default=False),
    Column("content_hash", String(64), nullable=False),
    Column("title", Text),
    Column("url", Text),
    Column("text_z", LargeBinary, nullable=False),
    Column("ignored_z", LargeBinary),  # zlib JSON [[text, reason], ...]: what extraction left out and why
    UniqueConstraint("source", "number", name="uq_version_number"),
)

blocks = Table(  # short paragraphs of each source's latest version, by host: template evidence
    "blocks", metadata,
    Column("host", String(255), primary_key=True),
    Column("hash", String(16), primary_key=True),
    Column("source", String(128), primary_key=True),
    Index("ix_blocks_source", "source"),  # a new version replaces its source's blocks: found without a scan
)

claim_states = Table(
    "claim_states", metadata,
    Column("source", String(128), primary_key=True),
    Column("key", String(64), primary_key=True),
    Column("kind", String(32), nullable=False),
    Column("state", String(64), nullable=False),
    Column("baseline_text", Text),
    Column("last_text", Text),
    Column("changes", Text),
    Column("version_id", Integer),
    Column("updated_at", Float, nullable=False),
)

alerts = Table(
    "alerts", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", String(128), nullable=False, index=True),
    Column("kind", String(32), nullable=False),
    Column("severity", String(16), nullable=False),
    Column("before", Text),
    Column("after", Text),
    Column("explanation", Text),
    Column("data", Text),  # JSON: changes, baseline, version numbers, url
    Column("version_id", Integer),
    Column("created_at", Float, nullable=False),
    Column("fingerprint", String(64), nullable=False, unique=True),
    Column("reviewed", Boolean, nullable=False, default=False),
)

# Notification delivery (see watcher.alerts.deliver): the alert log stays the source of truth; these tables only
# say, per alert and notifier, whether it was delivered. ``notifier`` is a hash of the Apprise URL,
# so no secret is stored twice; ``display`` is the URL with its secrets masked.
notifiers = Table(
    "notifiers", metadata,
    Column("key", String(64), primary_key=True),
    Column("display", Text, nullable=False),
    Column("since", Float, nullable=False),  # alerts created before this are not sent to it
)

deliveries = Table(
    "deliveries", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("alert_id", Integer, ForeignKey("alerts.id"), nullable=False, index=True),
    Column("notifier", String(64), nullable=False, index=True),
    Column("mode", String(16), nullable=False),  # "now" | "digest"
    Column("state", String(16), nullable=False),  # "pending" | "sending" (leased) | "delivered" | "expired"
    Column("attempts", Integer, nullable=False, default=0),
    Column("next_attempt", Float, nullable=False),
    Column("expires_at", Float, nullable=False),
    Column("last_error", Text),
    Column("created_at", Float, nullable=False),
    Column("delivered_at", Float),
    UniqueConstraint("alert_id", "notifier", name="uq_delivery"),
)

# Reviewer feedback (see watcher.alerts.feedback). New tables, not new columns of ``alerts``: a verdict
# is the reviewer's, said after the alert was raised, and a database of an older watcher gains these
# tables on open (``create_all``) without an ALTER of a table it already holds.
reviews = Table(  # the verdict on an alert, at most one (the latest); an alert without a row has none
    "reviews", metadata,
    Column("alert_id", Integer, ForeignKey("alerts.id"), primary_key=True),
    Column("source", String(128), nullable=False, index=True),
    Column("verdict", String(16), nullable=False),  # confirmed | not_a_claim | wrong_figure
    Column("created_at", Float, nullable=False),
)

rules = Table(  # what a verdict taught: findings of the source that match are not claim alerts any more
    "rules", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", String(128), nullable=False, index=True),
    Column("reason", String(16), nullable=False),  # not_a_claim | wrong_figure
    Column("scope", String(16), nullable=False),  # block | sentence
    Column("alert_id", Integer),  # the alert whose verdict made it (kept when that alert is gone)
    Column("match", Text, nullable=False),  # JSON list of sentence keys ("m:<hash>" masked form, "k:<claim key>")
    Column("text", Text, nullable=False),  # the block or sentence it was made from, for people
    Column("created_at", Float, nullable=False),
)


def alert_select() -> Select:
    """The alerts as every reader gets them: each row with its verdict (None when nobody gave one)."""
    return select(alerts, reviews.c.verdict).select_from(alerts.outerjoin(reviews, reviews.c.alert_id == alerts.c.id))


# cluster mode (watcher.cluster): the config in force, the per-host concurrency slots and the
# per-origin request turns shared by every node
cluster_config = Table(
    "cluster_config", metadata,
    Column("id", Integer, primary_key=True),  # always 1
    Column("hash", String(64), nullable=False),  # of the resolved sources and limits
    Column("version", Integer, nullable=False),
    Column("file_mtime", Float, nullable=False),  # newest mtime of the pushing node's config files
    Column("per_host", Integer, nullable=False),
    Column("pushed_by", Text, nullable=False),
    Column("pushed_at", Float, nullable=False),
)

host_slots = Table(  # per_host rows per host; a check holds one from dispatch to its end
    "host_slots", metadata,
    Column("host", String(255), primary_key=True),
    Column("slot", Integer, primary_key=True),
    Column("holder", String(300), unique=True),  # "<source>@<due>" of the check holding it
    Column("lease_until", Float),  # free again after this, whoever holds it (its node died)
)

host_turns = Table(  # min_delay / robots.txt Crawl-delay across nodes: when the next request may start
    "host_turns", metadata,
    Column("origin", String(300), primary_key=True),
    Column("next_allowed", Float, nullable=False),
)


# Discovery (issue 16; see watcher.store.discovered): new tables only, so an older database gains
# them from ``create_all`` and no existing column changes.
feeds = Table(  # each [[feeds]] entry's reading state: conditional GET, failure streak, next read
    "feeds", metadata,
    Column("id", String(64), primary_key=True),
    Column("url", Text, nullable=False),
    Column("last_read", Float),
    Column("last_ok", Float),
    Column("next_due", Float),
    Column("failures", Integer, nullable=False, default=0),
    Column("last_error", Text),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("entries", Integer),  # entries of the last good read
    Column("last_outcome", String(32)),  # ok | not_modified | warning | error
)

discovered = Table(  # one row per source a feed created
    "discovered", metadata,
    Column("source", String(128), primary_key=True),
    Column("feed", String(64), nullable=False, index=True),
    Column("url", Text, nullable=False),  # the canonical URL the source is fetched at
    Column("title", Text),
    Column("first_seen", Float, nullable=False),
    Column("published", Float),  # as the feed said, if it did
    Column("last_seen", Float, nullable=False),  # last read of a feed that listed it
    Column("anchor", Float, nullable=False),  # the ladder's age counts from here (watcher.discover.ladder)
    Column("merged_into", String(128)),  # the same article as this source (found after the first fetch)
    Column("retired", Float),  # when `watcher gc` retired it (past retention.max_age): no longer checked
)

discovered_urls = Table(  # every URL a discovered article is known by: one article, one source
    "discovered_urls", metadata,
    Column("key", String(64), primary_key=True),  # sha256 of the canonical URL: unique, whatever its length
    Column("url", Text, nullable=False),
    Column("source", String(128), nullable=False, index=True),
)


# Evidence (issue 17; see watcher.store.captures and watcher.evidence): new tables only, so an older
# database gains them from its upgrade and no existing column changes.
captures = Table(  # a fetched version's raw HTTP exchange, in a WARC file under <state_dir>/captures
    "captures", metadata,
    Column("version_id", Integer, ForeignKey("versions.id"), primary_key=True),
    Column("source", String(128), nullable=False, index=True),
    Column("warc_file", String(255), nullable=False),  # relative to the captures folder
    Column("warc_offset", BigInteger, nullable=False),  # the response record's gzip member starts here
    Column("warc_length", BigInteger, nullable=False),  # response + request members
    Column("record_id", String(64), nullable=False),  # the response's WARC-Record-ID
    Column("payload_digest", String(64), nullable=False),
    Column("block_digest", String(64), nullable=False),
    Column("fetched_at", Float, nullable=False, index=True),
    Column("final_url", Text, nullable=False),
    Column("status", Integer, nullable=False),
    Column("page_published", String(64)),  # the page's own dates, as it wrote them (watcher.evidence.pagedates)
    Column("page_modified", String(64)),
    Column("page_updated", Text),  # its visible "Updated …" line
)

corrections = Table(  # a correction or update note that appeared in a version (watcher.evidence.corrections)
    "corrections", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", String(128), nullable=False, index=True),
    Column("version_id", Integer, ForeignKey("versions.id"), nullable=False, index=True),
    Column("text", Text, nullable=False),
    Column("created_at", Float, nullable=False),
)


# robots.txt files as last read (watcher.fetch.polite): a pass started within the hour (``watcher
# check`` from cron, a restarted service) reads them from here instead of asking every host again.
# A new table only: older watchers never read it.
robots = Table(
    "robots", metadata,
    Column("origin", String(300), primary_key=True),  # scheme://host:port, as politeness counts by
    Column("fetched_at", Float, nullable=False, index=True),  # wall clock: its age across processes
    Column("body", Text),  # NULL: the host has none (a 4xx answer), everything allowed
)
