"""The state database's tables (SQLAlchemy Core), dialect-neutral: SQLite by default, PostgreSQL by
changing ``database_url``. The schema version is kept in ``meta``; :class:`watcher.store.db.Store`
creates the tables and upgrades an older schema when it opens a database.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

SCHEMA_VERSION = 2  # 2: versions.ignored_z (blocks left out as boilerplate, with reasons)
APP_ID = "watcher"

metadata = MetaData()

meta = Table("meta", metadata, Column("key", String(64), primary_key=True), Column("value", Text))

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
)

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
