"""Cluster mode: many ``watcher run`` nodes on one PostgreSQL database, scheduled with Procrastinate.

``spec`` (a source as the cluster stores it), ``push`` (how nodes agree on the config), ``slots``
(the shared schedule: dispatch, host slots and turns), ``guard`` (one stored result per source and
due time), ``node`` (one node: its workers, periodic tasks and stop). Imported only by
``watcher run`` on PostgreSQL: SQLite installs never load Procrastinate.
"""
