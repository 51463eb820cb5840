"""The shared schedule in SQL: due sources become check jobs, each holding a slot of its host.

Why the schedule is not the queue: each source's next due time stays on its ``sources`` row
(indexed), and the dispatcher puts into Procrastinate's queue only checks that can run now. One
future job per source would make every job fetch scan the not-yet-due ones (measured: 12 ms a
fetch at 10k queued, 18–35 ms at 50k); the dispatcher's tick takes ~43 ms for 300 due sources
among 1,000,000.

Why host slots are rows taken at dispatch: a check job is queued only with a free slot of its
host, taken in the same transaction that marks the source dispatched and inserts the job (a
transactional outbox: Procrastinate defers on our connection). So ``per_host`` holds across every
node, no worker ever waits for a slot, and a busy host's backlog stays in ``sources`` instead of
churning the queue. (Procrastinate's own ``lock`` would serialize per key, but a job scheduled
later blocks the due ones with the same lock — upstream #1599 — and each fetch then tests every
waiting job of the lock.) A slot's ``holder`` is the check's key ``<source>@<due>``, so a job run
again after its node died finds its slot still its own; a ``lease`` frees a slot whose holder
vanished. Two dispatchers at once (the tick, and a finished check handing its slot on) lock
disjoint slots and sources (``SKIP LOCKED``).

Times are epoch seconds from the database's clock, so nodes whose clocks differ agree.
"""

from __future__ import annotations

from dataclasses import dataclass

CLOCK = "extract(epoch FROM clock_timestamp())::float8"
QUEUE_LEASE = 300.0  # a slot taken at dispatch: the job must start within this (a busy queue waits)
MAX_HOSTS_PER_TICK = 2000  # one tick's transaction stays short under a backlog

DISPATCH = f"""
WITH clock AS (SELECT {CLOCK} AS t),
due_hosts AS (  -- hosts with something due: only their free slots are locked, not every slot
    SELECT host FROM sources, clock
    WHERE enabled AND dispatched_due IS NULL AND next_due <= clock.t
      AND (%(host)s::text IS NULL OR host = %(host)s)
    GROUP BY host ORDER BY min(next_due) LIMIT %(hosts)s
), free AS (
    SELECT h.host, h.slot FROM host_slots h, clock
    WHERE h.host IN (SELECT host FROM due_hosts) AND h.slot < %(per_host)s
      AND (h.holder IS NULL OR h.lease_until < clock.t)
    FOR UPDATE OF h SKIP LOCKED
), free_n AS (
    SELECT host, count(*) AS n FROM free GROUP BY host
), free_k AS (
    SELECT host, slot, row_number() OVER (PARTITION BY host ORDER BY slot) AS k FROM free
), due AS (  -- per host, as many of its most overdue sources as it has free slots
    SELECT s.id, s.host, s.next_due FROM free_n f, clock CROSS JOIN LATERAL (
        SELECT id, host, next_due FROM sources s
        WHERE s.host = f.host AND s.enabled AND s.dispatched_due IS NULL AND s.next_due <= clock.t
        ORDER BY s.next_due LIMIT f.n
        FOR UPDATE SKIP LOCKED) s
), due_k AS (
    SELECT id, host, next_due, row_number() OVER (PARTITION BY host ORDER BY next_due, id) AS k FROM due
), pick AS (
    SELECT d.id, d.host, d.next_due, f.slot, d.id || '@' || d.next_due::text AS holder
    FROM due_k d JOIN free_k f ON f.host = d.host AND f.k = d.k
), take AS (
    UPDATE host_slots h SET holder = p.holder, lease_until = (SELECT t FROM clock) + %(lease)s
    FROM pick p WHERE h.host = p.host AND h.slot = p.slot RETURNING 1
), mark AS (
    UPDATE sources s SET dispatched_due = p.next_due FROM pick p WHERE s.id = p.id RETURNING 1
)
SELECT p.id, p.next_due, p.holder, (SELECT count(*) FROM take), (SELECT count(*) FROM mark) FROM pick p
"""

START = f"""
WITH lease AS (
    UPDATE host_slots SET lease_until = {CLOCK} + %(lease)s WHERE holder = %(holder)s RETURNING 1
)
SELECT spec, enabled, last_due, (SELECT count(*) FROM lease), url FROM sources WHERE id = %(src)s
"""

UNMARK = "UPDATE sources SET dispatched_due = NULL WHERE id = %(src)s AND dispatched_due = %(due)s"

RELEASE = "UPDATE host_slots SET holder = NULL, lease_until = NULL WHERE holder = %(holder)s RETURNING host"

ADD_SLOTS = """
INSERT INTO host_slots (host, slot)
SELECT DISTINCT s.host, g FROM sources s, generate_series(0, %(per_host)s - 1) g WHERE s.enabled
ON CONFLICT DO NOTHING
"""

TURN = f"""
INSERT INTO host_turns AS h (origin, next_allowed) VALUES (%(origin)s, {CLOCK} + %(delay)s)
ON CONFLICT (origin) DO UPDATE SET next_allowed = greatest(h.next_allowed, {CLOCK}) + %(delay)s
RETURNING next_allowed - %(delay)s - {CLOCK}
"""


@dataclass(frozen=True)
class Dispatched:
    """A check job's arguments: which source, for which due time, holding which slot."""

    source: str
    due: float
    holder: str


async def dispatch(conn, per_host: int, host: str | None = None) -> list[Dispatched]:
    """Due sources (of ``host``, or all) with a free slot of their host: slots taken, sources marked,
    in the caller's transaction. The caller inserts their jobs in the same transaction."""
    cur = await conn.execute(DISPATCH, {"host": host, "hosts": MAX_HOSTS_PER_TICK, "per_host": per_host,
                                        "lease": QUEUE_LEASE})
    rows = await cur.fetchall()
    if rows:
        assert rows[0][3] == rows[0][4] == len(rows), rows[0]  # every pick took its slot and its source
    return [Dispatched(r[0], r[1], r[2]) for r in rows]


@dataclass(frozen=True)
class Start:
    """What a check job finds when it starts."""

    spec: str | None  # None: the source is gone from the cluster's config
    done: bool  # a run of this (source, due) already stored its result
    leased: bool  # its slot is still its own
    url: str | None = None  # where the source is now (a discovered article moves to its canonical URL)


async def start(conn, job: Dispatched, lease: float) -> Start:
    """Renew the job's slot for the check's length and read its source."""
    row = await (await conn.execute(START, {"src": job.source, "holder": job.holder, "lease": lease})).fetchone()
    if row is None or not row[1]:
        return Start(None, False, bool(row and row[3]))
    return Start(row[0], row[2] is not None and row[2] >= job.due, bool(row[3]), row[4])


async def unmark(conn, job: Dispatched) -> None:
    """The source is waiting again (its job ends without a check): the next tick dispatches it."""
    await conn.execute(UNMARK, {"src": job.source, "due": job.due})


async def release(conn, job: Dispatched) -> str | None:
    """Give the job's slot back; the host it belonged to (None: it was no longer the job's)."""
    row = await (await conn.execute(RELEASE, {"holder": job.holder})).fetchone()
    return row[0] if row else None


async def turn(conn, origin: str, delay: float) -> float:
    """Reserve the next request turn of ``origin``, ``delay`` after the previous one across all nodes;
    seconds to wait for it."""
    row = await (await conn.execute(TURN, {"origin": origin, "delay": delay})).fetchone()
    return float(row[0]) if row else 0.0
