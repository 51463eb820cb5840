"""Cluster mode measured: checks/s, PostgreSQL and node CPU, WAL, rows and NOTIFYs per check.

Starts N ``watcher run`` nodes on a fresh PostgreSQL database (127.0.0.1:5432, dropped afterwards)
over S sources served from H loopback hosts (tests/clusterkit.py), waits until every source was
checked once (first checks extract and store a baseline), then measures a steady window of
unchanged pages. For comparison it first runs one ``watcher check`` pass over the same sources on
the same database: the pipeline's own cost on PostgreSQL without queue or schedule, so the
difference is what cluster mode adds per check.

    .venv/bin/python bench/cluster_bench.py --nodes 1 --sources 3000 --hosts 100 --per-host 4 \\
        --interval 10 --seconds 60          # CPU-bound: demand 300 checks/s
    .venv/bin/python bench/cluster_bench.py --nodes 3 ...

Prints one JSON object. CPU is read from /proc: all ``postgres`` processes, and each node with its
extraction workers.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402

from tests.clusterkit import CMD, Hosts, Nodes  # noqa: E402
from tests.pg import create_db, drop_db, url_of  # noqa: E402

STATS = """SELECT pg_current_wal_lsn(),
  (SELECT xact_commit FROM pg_stat_database WHERE datname = current_database())"""
TABLES = "SELECT relname, n_tup_ins, n_tup_upd, n_tup_del FROM pg_stat_user_tables"


class Cpu(threading.Thread):
    """utime + stime (s) of every ``postgres`` process, and of the given processes with their children,
    sampled every 0.1 s: a process that exits (a pass's backends) keeps the CPU it was last seen with."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.pids: set[int] = set()
        self.seen: dict[tuple[str, int], float] = {}  # (what, pid) -> cpu seconds
        self.lock = threading.Lock()
        self.start()

    def run(self) -> None:
        tick = os.sysconf("SC_CLK_TCK")
        while True:
            for p in os.listdir("/proc"):
                if not p.isdigit():
                    continue
                try:
                    st = Path(f"/proc/{p}/stat").read_text()
                except OSError:
                    continue
                comm = st[st.index("(") + 1:st.rindex(")")]
                f = st[st.rindex(")") + 2:].split()
                what = "pg" if comm.startswith("postgres") else (
                    "nodes" if int(p) in self.pids or int(f[1]) in self.pids else None)
                if what:
                    with self.lock:
                        self.seen[(what, int(p))] = (int(f[11]) + int(f[12])) / tick
            time.sleep(0.1)

    def total(self, what: str) -> float:
        time.sleep(0.25)  # one more sample
        with self.lock:
            return sum(v for (w, _), v in self.seen.items() if w == what)


CPU: Cpu | None = None


def snap(url: str, pids: set[int]) -> dict:
    with psycopg.connect(url, autocommit=True) as c:
        c.execute("SELECT pg_stat_force_next_flush()")
        lsn, commits = c.execute(STATS).fetchone()
        tables = {r[0]: r[1:] for r in c.execute(TABLES)}
        checks = c.execute("SELECT count(*) FROM sources WHERE last_due IS NOT NULL").fetchone()[0]
    assert CPU is not None
    CPU.pids = pids
    return {"t": time.time(), "lsn": lsn, "commits": commits, "tables": tables, "pg": CPU.total("pg"),
            "nodes": CPU.total("nodes"), "checks": checks}


def delta(url: str, a: dict, b: dict, n: int) -> dict:
    with psycopg.connect(url, autocommit=True) as c:
        wal = float(c.execute("SELECT pg_wal_lsn_diff(%s, %s)", [b["lsn"], a["lsn"]]).fetchone()[0])
    jobs = b["tables"].get("procrastinate_jobs", (0,))[0] - a["tables"].get("procrastinate_jobs", (0,))[0]
    rows = {"queue": [0, 0, 0], "ours": [0, 0, 0]}
    for name, after in b["tables"].items():
        before = a["tables"].get(name, (0, 0, 0))
        part = rows["queue" if name.startswith("procrastinate") else "ours"]
        for i in range(3):
            part[i] += after[i] - before[i]
    per = max(n, 1)
    return {"checks": n, "seconds": round(b["t"] - a["t"], 1), "checks_per_s": round(n / (b["t"] - a["t"]), 1),
            "pg_cpu_ms": round(1000 * (b["pg"] - a["pg"]) / per, 2),
            "node_cpu_ms": round(1000 * (b["nodes"] - a["nodes"]) / per, 2),
            "wal_bytes": round(wal / per), "commits": round((b["commits"] - a["commits"]) / per, 2),
            "rows_queue_ins_upd_del": [round(x / per, 2) for x in rows["queue"]],
            "rows_ours_ins_upd_del": [round(x / per, 2) for x in rows["ours"]],
            "jobs": round(jobs / per, 2),
            "notify": round(2 * jobs / per, 2)}  # the jobs table's insert trigger: 2 pg_notify a job


def queue_alone(url: str, n: int = 3000) -> dict:
    """Procrastinate by itself on this database: ``n`` no-op jobs deferred in batches, one worker
    (16 at once) runs them; PostgreSQL CPU per job is the queue's floor under every cluster check."""
    import asyncio

    import procrastinate

    app = procrastinate.App(connector=procrastinate.PsycopgConnector(conninfo=url))
    done = 0

    @app.task(name="noop", queue="bench")
    async def noop() -> None:
        nonlocal done
        done += 1

    async def go() -> dict:
        async with app.open_async():
            a = snap(url, set())
            task = app.tasks["noop"]
            for i in range(0, n, 500):
                await app.job_manager.batch_defer_jobs_async([task.configure().job for _ in range(min(500, n - i))])
            worker = asyncio.create_task(app.run_worker_async(queues=["bench"], concurrency=16, wait=False,
                                                              delete_jobs="successful",
                                                              install_signal_handlers=False))
            await worker
            b = snap(url, set())
        d = delta(url, a, b, n)
        return {k: d[k] for k in ("pg_cpu_ms", "wal_bytes", "commits", "rows_queue_ins_upd_del", "notify")} | {
            "jobs_per_s": round(n / (b["t"] - a["t"]), 1)}

    return asyncio.run(go())


def dispatch_at_scale(url: str, n: int, hosts: int, due: int, rounds: int = 20) -> dict:
    """One dispatch tick over ``n`` sources on ``hosts`` hosts (4 slots each) with ``due`` of them due,
    plus one hot host holding a backlog of 5,000 due sources: ms per tick, and the hot host's cap."""
    import asyncio
    import random

    from watcher.cluster import slots

    with psycopg.connect(url, autocommit=True) as c:
        t = time.time()
        with c.cursor().copy("COPY sources (id, url, host, enabled, next_due, failures) FROM STDIN") as cp:
            for i in range(n):
                host = "hot.example" if i < 5000 else f"h{i % hosts}.example"
                cp.write_row((f"s{i}", f"http://{host}/{i}", host, True, t + 3600 * random.random(), 0))
        c.execute(slots.ADD_SLOTS, {"per_host": 4})
        c.execute("ANALYZE sources")
        c.execute("ANALYZE host_slots")

    async def tick() -> tuple[float, int, int]:
        with psycopg.connect(url, autocommit=True) as c:  # `due` sources fall due, and the hot host's backlog
            c.execute("UPDATE sources SET next_due = extract(epoch FROM now()) - 1 WHERE id IN "
                      "(SELECT id FROM sources WHERE host <> 'hot.example' ORDER BY random() LIMIT %s) "
                      "OR host = 'hot.example'", [due])
        async with await psycopg.AsyncConnection.connect(url) as conn:
            t0 = time.perf_counter()
            async with conn.transaction():
                got = await slots.dispatch(conn, per_host=4)
            ms = 1000 * (time.perf_counter() - t0)
        with psycopg.connect(url, autocommit=True) as c:  # everything back to waiting for the next round
            c.execute("UPDATE host_slots SET holder = NULL, lease_until = NULL WHERE holder IS NOT NULL")
            c.execute("UPDATE sources SET dispatched_due = NULL, next_due = extract(epoch FROM now()) + 3600 "
                      "WHERE dispatched_due IS NOT NULL OR next_due < extract(epoch FROM now())")
        return ms, len(got), sum(1 for d in got if int(d.source[1:]) < 5000)

    results = [asyncio.run(tick()) for _ in range(rounds)]
    ms = sorted(r[0] for r in results)
    return {"sources": n, "hosts": hosts, "due_per_tick": due, "ms_p50": round(ms[len(ms) // 2], 1),
            "ms_max": round(ms[-1], 1), "dispatched": results[-1][1], "hot_host_dispatched": max(r[2] for r in results)}


def count_checks(nodes: Nodes, names: list[str], since: float, until: float) -> int:
    n = 0
    for name in names:
        for line in nodes.log(name).splitlines():
            if line.startswith("{") and '"event": "check"' in line:
                t = json.loads(line)["time"]
                ts = time.mktime(time.strptime(t[:19], "%Y-%m-%dT%H:%M:%S")) - time.timezone + float(t[19:23])
                n += since <= ts < until
    return n


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--nodes", type=int, default=3)
    ap.add_argument("--sources", type=int, default=1000)
    ap.add_argument("--hosts", type=int, default=10)
    ap.add_argument("--per-host", type=int, default=2)
    ap.add_argument("--interval", type=float, default=30)
    ap.add_argument("--concurrency", type=int, default=16)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--delay", default="0.02,0.08")
    ap.add_argument("--dispatch-at", type=int, default=0, help="only time one dispatch tick over this many sources")
    a = ap.parse_args()
    if a.dispatch_at:
        name = create_db()
        try:
            url = url_of(name, "postgresql")
            subprocess.run([sys.executable, "-c", f"from watcher.store import Store; Store({url!r})"], check=True)
            print(json.dumps(dispatch_at_scale(url, a.dispatch_at, a.dispatch_at // 50, 300), indent=1))
        finally:
            drop_db(name)
        return
    global CPU
    CPU = Cpu()
    lo, hi = (float(x) for x in a.delay.split(","))
    hosts = Hosts(n=a.hosts, delay=(lo, hi)).start()
    name = create_db()
    url = url_of(name, "postgresql")
    work = Path(tempfile.mkdtemp(prefix="cluster-bench-"))
    try:
        lines = [f'state_dir = "{work}/state"', f'database_url = "{url}"', "[defaults]", f"interval = {a.interval}",
                 f"per_host = {a.per_host}", f"concurrency = {a.concurrency}", 'stagger = "10s"']
        for i in range(a.sources):
            lines += ["[[sources]]", f'id = "p{i}"', f'url = "{hosts.url(hosts.hosts[i % a.hosts], f"/p{i}")}"']
        cfg = work / "w.toml"
        cfg.write_text("\n".join(lines) + "\n")
        subprocess.run(CMD + ["db", "upgrade", "--config", str(cfg)], capture_output=True, check=True)
        # the pipeline alone on PostgreSQL: a first pass stores the baselines, a second one is unchanged pages
        subprocess.run(CMD + ["check", "--config", str(cfg)], capture_output=True, check=True)
        s0 = snap(url, set())
        t0 = time.time()
        subprocess.run(CMD + ["check", "--config", str(cfg)], capture_output=True, check=True)
        one_pass = delta(url, s0, snap(url, set()), a.sources)
        one_pass["checks_per_s"] = round(a.sources / (time.time() - t0), 1)
        one_pass.pop("node_cpu_ms")
        queue = queue_alone(url)
        nodes = Nodes(cfg, work)
        names = [f"n{k}" for k in range(a.nodes)]
        for n in names:
            nodes.start(n)
        pids = {p.pid for p in nodes.procs.values()}
        time.sleep(max(15.0, a.interval))  # warm: every node has its pools, workers and first checks
        start = snap(url, pids)
        time.sleep(a.seconds)
        end = snap(url, pids)
        codes = nodes.stop()
        n = count_checks(nodes, names, start["t"], end["t"])
        print(json.dumps({"args": vars(a), "watcher_check_pass": one_pass, "queue_alone": queue,
                          "cluster": delta(url, start, end, n),
                          "exit_codes": codes, "host_peak": max(hosts.peak.values())}, indent=1))
    finally:
        hosts.stop()
        drop_db(name)


if __name__ == "__main__":
    main()
