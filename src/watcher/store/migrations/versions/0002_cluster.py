"""cluster: the shared schedule of sources, host slots and turns, the pushed config (meta.schema 3)

Cluster mode (watcher.cluster) keeps each source's resolved config and its place in the shared
schedule on the ``sources`` row, the per-host concurrency slots in ``host_slots``, the per-origin
request turns (min_delay, Crawl-delay) in ``host_turns`` and the config in force in
``cluster_config``. ``meta.schema`` goes to 3: a watcher from before migrations checks without the
idempotency key, so it must not run against this database (it refuses a higher schema).

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

WAITING = "enabled AND dispatched_due IS NULL"


def upgrade() -> None:
    op.create_table(
        "cluster_config",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("file_mtime", sa.Float(), nullable=False),
        sa.Column("per_host", sa.Integer(), nullable=False),
        sa.Column("pushed_by", sa.Text(), nullable=False),
        sa.Column("pushed_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "host_slots",
        sa.Column("host", sa.String(length=255), nullable=False),
        sa.Column("slot", sa.Integer(), nullable=False),
        sa.Column("holder", sa.String(length=300), nullable=True),
        sa.Column("lease_until", sa.Float(), nullable=True),
        sa.PrimaryKeyConstraint("host", "slot"),
        sa.UniqueConstraint("holder"),
    )
    op.create_table(
        "host_turns",
        sa.Column("origin", sa.String(length=300), nullable=False),
        sa.Column("next_allowed", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("origin"),
    )
    with op.batch_alter_table("sources") as b:
        b.add_column(sa.Column("host", sa.String(length=255), nullable=True))
        b.add_column(sa.Column("enabled", sa.Boolean(), server_default=sa.false(), nullable=False))
        b.add_column(sa.Column("spec", sa.Text(), nullable=True))
        b.add_column(sa.Column("dispatched_due", sa.Float(), nullable=True))
        b.add_column(sa.Column("last_due", sa.Float(), nullable=True))
        b.create_index("ix_sources_due", ["next_due"], unique=False,
                       postgresql_where=sa.text(WAITING), sqlite_where=sa.text(WAITING))
        b.create_index("ix_sources_host_due", ["host", "next_due"], unique=False,
                       postgresql_where=sa.text(WAITING), sqlite_where=sa.text(WAITING))
    op.execute("UPDATE meta SET value = '3' WHERE key = 'schema'")


def downgrade() -> None:
    op.execute("UPDATE meta SET value = '2' WHERE key = 'schema'")
    with op.batch_alter_table("sources") as b:
        b.drop_index("ix_sources_host_due")
        b.drop_index("ix_sources_due")
        for col in ("last_due", "dispatched_due", "spec", "enabled", "host"):
            b.drop_column(col)
    for table in ("host_turns", "host_slots", "cluster_config"):
        op.drop_table(table)
