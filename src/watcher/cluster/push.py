"""How the nodes agree on the config: the last pushed config is the cluster's.

Each node loads its own config file, but checks run from the database's copy of each source
(:mod:`watcher.cluster.spec`). A node *pushes* its config — every resolved source written to its
row, removed sources disabled (their versions stay), host slots made, ``cluster_config`` bumped —

* when one of its config files changes while it runs (polled every second, or SIGHUP), so an edit on
  any node reaches the cluster's schedule within a couple of seconds;
* at start, only when the database has no config yet or this node's files are newer (mtime) than
  the pushed one's. A node started with an older, different file logs a warning and follows the
  cluster. The same files everywhere hash the same, so nothing is written.

A push is one transaction under an advisory lock, so two pushes never interleave. New sources are
planned by the shared timing policy (:func:`watcher.service.schedule.plan`: first checks staggered),
re-timed ones from their last check with the new interval (or ladder).

The sources pushed are those the config watches (:func:`watcher.discover.watched.watched`'s rule):
its own, and the articles its feeds discovered — each with its feed's ``[feeds.defaults]``, on its
ladder from its age anchor — but not those merged into another source or retired by ``watcher gc``.
Articles found between two pushes are added by the feed task (:mod:`watcher.cluster.feeds`), under
the same lock.
"""

from __future__ import annotations

import json
import logging

from psycopg.rows import dict_row

from ..config import Config, Source
from ..discover.watched import source_for
from ..service import schedule
from ..store import SourceState, discovered
from . import slots, spec

log = logging.getLogger("watcher.cluster")

CONFIG_LOCK = 0x77636667  # pg_advisory_xact_lock key of a config push ("wcfg")


def files_mtime(config: Config) -> float:
    return max((f.stat().st_mtime for f in config.files if f.exists()), default=0.0)


async def push(conn, config: Config, node: str, reason: str) -> str:
    """Make ``config`` the cluster's if it should be (rules above): ``pushed``, ``same`` or ``older``."""
    digest, mtime = spec.config_hash(config), files_mtime(config)
    async with conn.transaction():
        await conn.execute("SELECT pg_advisory_xact_lock(%s)", [CONFIG_LOCK])
        row = await (await conn.execute("SELECT hash, version, file_mtime FROM cluster_config WHERE id = 1")).fetchone()
        if row and row[0] == digest:
            return "same"
        if row and reason == "start" and mtime <= row[2]:
            log.warning("%s: this node's config (%s) differs from the cluster's (version %d, pushed from a newer "
                        "file): following the cluster's", config.path, digest[:12], row[1])
            return "older"
        t = (await (await conn.execute(f"SELECT {slots.CLOCK}")).fetchone())[0]
        found, anchors = await discovered_sources(conn, config)
        watched = [*config.sources, *found]
        due = await _plan(conn, config, watched, anchors, t)
        await conn.execute("CREATE TEMP TABLE incoming (id text, url text, host text, spec text, next_due float8) "
                           "ON COMMIT DROP")
        async with conn.cursor().copy("COPY incoming FROM STDIN") as cp:
            for s in watched:
                await cp.write_row((s.id, s.url, spec.host_of(s.url), spec.to_json(s), due.get(s.id)))
        await conn.execute("""
            INSERT INTO sources (id, url, host, spec, enabled, next_due, failures)
            SELECT id, url, host, spec, true, next_due, 0 FROM incoming
            ON CONFLICT (id) DO UPDATE SET
                enabled = true, host = excluded.host, spec = excluded.spec,
                next_due = coalesce(excluded.next_due, sources.next_due),
                etag = CASE WHEN sources.url = excluded.url THEN sources.etag END,
                last_modified = CASE WHEN sources.url = excluded.url THEN sources.last_modified END,
                raw_hash = CASE WHEN sources.url = excluded.url THEN sources.raw_hash END,
                url = excluded.url""")
        gone = await conn.execute("UPDATE sources SET enabled = false WHERE enabled AND id NOT IN "
                                  "(SELECT id FROM incoming)")
        await conn.execute(slots.ADD_SLOTS, {"per_host": config.defaults.per_host})
        await conn.execute("""
            INSERT INTO cluster_config (id, hash, version, file_mtime, per_host, pushed_by, pushed_at)
            VALUES (1, %(h)s, 1, %(m)s, %(p)s, %(n)s, %(t)s)
            ON CONFLICT (id) DO UPDATE SET hash = excluded.hash, version = cluster_config.version + 1,
                file_mtime = excluded.file_mtime, per_host = excluded.per_host, pushed_by = excluded.pushed_by,
                pushed_at = excluded.pushed_at""",
                           {"h": digest, "m": mtime, "p": config.defaults.per_host, "n": node, "t": t})
    log.info("pushed the config of %s to the cluster (%s): %d source(s) (%d discovered), %d planned anew, "
             "%d disabled", config.path, reason, len(watched), len(found), len(due), gone.rowcount)
    return "pushed"


DISCOVERED = """
SELECT * FROM discovered WHERE feed = ANY(%(feeds)s) AND merged_into IS NULL AND retired IS NULL
ORDER BY first_seen, source
"""


async def discovered_sources(conn, config: Config, only_new: bool = False) -> tuple[list[Source], dict[str, float]]:
    """The articles ``config``'s feeds discovered that it watches (see the module doc), as sources,
    and their age anchors; ``only_new``: those the cluster does not know yet (no spec)."""
    feeds = {f.id: f for f in config.feeds}
    if not feeds:
        return [], {}
    query = DISCOVERED
    if only_new:
        query = query.replace("WHERE", "WHERE source IN (SELECT id FROM sources WHERE spec IS NULL) AND")
    async with conn.cursor(row_factory=dict_row) as cur:
        await cur.execute(query, {"feeds": list(feeds)})
        rows = [discovered.DiscoveredRow.from_row(r) for r in await cur.fetchall()]
    rows = [r for r in rows if r.source not in config.reserved_ids]  # a config source took its id since
    return [source_for(feeds[r.feed], r) for r in rows], {r.source: r.anchor for r in rows}


def _timing(spec_json: str | None) -> tuple:
    """What decides when a source is checked: its interval and its ladder."""
    data = json.loads(spec_json) if spec_json else {}
    return data.get("interval"), data.get("ladder")


async def _plan(conn, config: Config, watched: list[Source], anchors: dict[str, float],
                t: float) -> dict[str, float | None]:
    """The due times to write: new and re-enabled sources, and re-timed ones that are not running."""
    cur = await conn.execute("SELECT id, url, enabled, spec, dispatched_due, last_check, failures, next_due "
                             "FROM sources")
    have = {r[0]: r for r in await cur.fetchall()}
    states: dict[str, SourceState] = {}
    wanted: list[Source] = []
    for s in watched:
        r = have.get(s.id)
        if r is not None:
            fresh = not r[2]
            if not fresh and (_timing(r[3]) == _timing(spec.to_json(s)) or r[4] is not None):
                continue  # in force as it is (a running check plans its own next run)
            # re-timed: the new interval counts from the last check, not from the run planned with the old one
            states[s.id] = SourceState(id=s.id, url=r[1], last_check=r[5], failures=r[6] or 0,
                                       next_due=r[7] if fresh else None)
        wanted.append(s)
    return schedule.plan(wanted, states, anchors, t, config.defaults.backoff_max, config.defaults.stagger)
