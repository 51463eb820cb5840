"""Alembic's environment for watcher's state database.

Always run in code (:mod:`watcher.store.migrate`), never by the ``alembic`` command: the caller
hands over its connection, already inside the transaction that holds the schema lock, in
``config.attributes["connection"]``. So there is no ``alembic.ini`` and no database URL in a file,
and the whole upgrade (several revisions) commits or rolls back as one. On SQLite, ALTERs are
rendered as batch operations (table copies), since SQLite's ALTER TABLE is limited.
"""

from alembic import context

from watcher.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("watcher's migrations run through `watcher db upgrade` (watcher.store.migrate), "
                       "not the alembic command")
context.configure(connection=connection, target_metadata=metadata,
                  render_as_batch=connection.dialect.name == "sqlite", compare_type=True)
with context.begin_transaction():
    context.run_migrations()
