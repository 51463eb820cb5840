"""The parts of cluster mode, each on a real PostgreSQL database of its own.

* dispatch: never more checks of a host than its free slots, and two dispatchers at once get
  disjoint sources and slots;
* the idempotency key: a second run of one (source, due) stores nothing, even while the first
  holds the row;
* request turns (min_delay, Crawl-delay) are spaced across callers;
* the config push: same config → nothing; an older different file → the cluster's stays; an edit →
  sources added, disabled and re-timed by the shared timing policy;
* the periodic tasks' crons fire when meant (the seconds field is the sixth);
* a check run by hand on the cluster's database holds a host slot like the nodes' checks;
* a source on a ladder keeps it in its spec; the feeds' articles join the schedule (at a push, or
  from the feed task) with their feed's defaults, and leave it with their feed.
"""

from __future__ import annotations

import asyncio
import dataclasses
import os
import threading
import time
from datetime import UTC, datetime

import psycopg
import pytest
from croniter import croniter
from sqlalchemy import select

from watcher.cluster import push, slots, spec
from watcher.cluster.feeds import add_new, tick_every
from watcher.cluster.guard import DueGuard
from watcher.cluster.node import stalled_every
from watcher.config import Feed, load
from watcher.discover.ladder import DEFAULT_LADDER
from watcher.pipeline import AlreadyStored
from watcher.store import Store, discovered
from watcher.store.engine import libpq_url
from watcher.store.schema import sources

from .conftest import write_config


def _config(tmp_path, n: int, hosts: int = 2, **defaults):
    srcs = [{"id": f"s{i}", "url": f"http://h{i % hosts}.example/{i}"} for i in range(n)]
    path = write_config(tmp_path, srcs)
    text = path.read_text().replace("\n[[sources]]", "\n[defaults]\n" + "".join(
        f"{k} = {v!r}\n".replace("'", '"') for k, v in defaults.items()) + "\n[[sources]]", 1)
    path.write_text(text)
    return load(path)


async def _pushed(url: str, config, node: str = "t", reason: str = "start") -> str:
    async with await psycopg.AsyncConnection.connect(url) as conn:
        return await push.push(conn, config, node, reason)


def _make_due(url: str) -> None:
    with psycopg.connect(url, autocommit=True) as c:
        c.execute("UPDATE sources SET next_due = extract(epoch FROM now()) - 10 - random()")


def test_dispatch_takes_at_most_the_free_slots_and_concurrent_dispatchers_never_share(tmp_path, pg_url):
    Store(pg_url).close()
    url = libpq_url(pg_url)
    cfg = _config(tmp_path, 40, hosts=2, per_host=3)
    assert asyncio.run(_pushed(url, cfg)) == "pushed"
    _make_due(url)

    async def two_at_once():
        a = await psycopg.AsyncConnection.connect(url)
        b = await psycopg.AsyncConnection.connect(url)
        async with a, b, a.transaction(), b.transaction():
            got_a = await slots.dispatch(a, per_host=3)
            got_b = await slots.dispatch(b, per_host=3)  # a's rows are locked: b skips them
            return got_a, got_b

    got_a, got_b = asyncio.run(two_at_once())
    picked = got_a + got_b
    assert len(picked) == 6 and len({d.source for d in picked}) == 6 and len({d.holder for d in picked}) == 6
    per_host: dict[str, int] = {}
    for d in picked:
        host = spec.host_of(cfg.source(d.source).url)
        per_host[host] = per_host.get(host, 0) + 1
    assert per_host == {"h0.example": 3, "h1.example": 3}

    async def release_one_then_dispatch():
        async with await psycopg.AsyncConnection.connect(url) as c, c.transaction():
            host = await slots.release(c, picked[0])
            again = await slots.dispatch(c, per_host=3)
            more = await slots.dispatch(c, per_host=3)
            return host, again, more

    host, again, more = asyncio.run(release_one_then_dispatch())
    assert host == spec.host_of(cfg.source(picked[0].source).url)
    assert len(again) == 1 and spec.host_of(cfg.source(again[0].source).url) == host and more == []


def test_a_second_run_of_one_due_stores_nothing_even_while_the_first_holds_the_row(tmp_path, pg_url):
    store = Store(pg_url)
    url = libpq_url(pg_url)
    cfg = _config(tmp_path, 1)
    asyncio.run(_pushed(url, cfg))
    source, due = cfg.sources[0], 1000.0
    entered, release = threading.Event(), threading.Event()
    outcome: dict[str, object] = {}

    def first():
        with store.transaction(immediate=True) as c:
            store.lock_source(c, source.id)
            g = DueGuard(source, due, 3600)
            g.enter(c)
            entered.set()
            release.wait(10)
            store.update_source(c, source.id, last_outcome="unchanged", failures=0)
            g.leave(c)
            outcome["next"] = g.next_due

    def second():
        entered.wait(10)
        try:
            with store.transaction(immediate=True) as c:
                store.lock_source(c, source.id)  # waits for the first's commit
                DueGuard(source, due, 3600).enter(c)
                store.update_source(c, source.id, last_outcome="should not be stored")
        except AlreadyStored:
            outcome["second"] = "refused"

    t1, t2 = threading.Thread(target=first), threading.Thread(target=second)
    t1.start()
    t2.start()
    time.sleep(0.5)
    assert "second" not in outcome  # blocked on the row
    release.set()
    t1.join(10)
    t2.join(10)
    assert outcome["second"] == "refused"
    with store.engine.connect() as c:
        row = c.execute(select(sources).where(sources.c.id == source.id)).mappings().one()
    assert row["last_due"] == due and row["last_outcome"] == "unchanged" and row["dispatched_due"] is None
    assert row["next_due"] == outcome["next"] and row["next_due"] >= time.time() + source.interval - 5
    store.close()


def test_request_turns_are_spaced_across_callers(pg_url):
    Store(pg_url).close()
    url = libpq_url(pg_url)

    async def reserve():
        conns = [await psycopg.AsyncConnection.connect(url, autocommit=True) for _ in range(4)]
        t0 = time.time()
        waits = await asyncio.gather(*(slots.turn(c, "http://slow.example", 0.5) for c in conns))
        for c in conns:
            await c.close()
        return sorted(t0 + w for w in waits)

    starts = asyncio.run(reserve())
    gaps = [b - a for a, b in zip(starts, starts[1:], strict=False)]
    assert all(g == pytest.approx(0.5, abs=0.05) for g in gaps), gaps


def test_the_push_follows_the_newest_file_and_replans_with_the_shared_policy(tmp_path, pg_url):
    Store(pg_url).close()
    url = libpq_url(pg_url)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = _config(tmp_path / "a", 10, interval=600, stagger=5)
    assert asyncio.run(_pushed(url, first, "n0")) == "pushed"
    assert asyncio.run(_pushed(url, first, "n1")) == "same"
    with psycopg.connect(url) as c:
        due = dict(c.execute("SELECT id, next_due FROM sources").fetchall())
    t = time.time()
    assert all(t - 2 < d < t + 6 for d in due.values()), due  # first checks staggered over `stagger`

    # an older, different file on another node: the cluster keeps its config
    other = _config(tmp_path / "b", 12, interval=600)
    os.utime(other.path, (1, 1))
    other = dataclasses.replace(other, files=(other.path,))
    assert asyncio.run(_pushed(url, other, "n2")) == "older"

    # an edit (newer file): 2 sources removed, 1 added, 1 re-timed
    with psycopg.connect(url) as c:
        c.execute("UPDATE sources SET last_check = %s, next_due = %s WHERE id = 's2'", [t - 100, t + 500])
    edited = dataclasses.replace(first, sources=tuple(
        dataclasses.replace(s, interval=120) if s.id == "s2" else s for s in first.sources[2:])
        + (dataclasses.replace(first.sources[0], id="new", url="http://h0.example/new"),))
    assert asyncio.run(_pushed(url, edited, "n1", reason="changed")) == "pushed"
    with psycopg.connect(url) as c:
        rows = {r[0]: r[1:] for r in c.execute("SELECT id, enabled, next_due FROM sources").fetchall()}
        assert c.execute("SELECT version, pushed_by FROM cluster_config").fetchone() == (2, "n1")
    assert not rows["s0"][0] and not rows["s1"][0] and rows["new"][0] and rows["s2"][0]
    assert rows["s3"][1] == due["s3"]  # untouched
    assert rows["s2"][1] == pytest.approx(t - 100 + 120, abs=0.01)  # the new interval from the last check


def test_the_periodic_tasks_fire_when_meant():
    assert [stalled_every(x) for x in (1, 6, 30, 300)] == [1, 3, 15, 15]
    start = datetime(2026, 1, 1, 12, 0, 7, tzinfo=UTC)
    for cron, step in (("* * * * * *", 1), ("* * * * * */3", 3), ("* * * * * */15", 15)):
        it = croniter(cron, start)
        a, b = it.get_next(datetime), it.get_next(datetime)
        assert (b - a).total_seconds() == step and (a - start).total_seconds() <= step, (cron, a, b)


def test_a_check_run_by_hand_waits_for_a_slot_of_its_host(tmp_path, pg_url):
    store = Store(pg_url)
    url = libpq_url(pg_url)
    cfg = _config(tmp_path, 4, hosts=1, per_host=2)
    asyncio.run(_pushed(url, cfg))
    assert store.cluster_per_host() == 2
    assert store.take_host_slot("h0.example", "node-a", 2, 60) and store.take_host_slot("h0.example", "node-b", 2, 60)
    assert not store.take_host_slot("h0.example", "manual", 2, 60)  # both held: wait
    assert store.take_host_slot("unknown.example", "manual", 2, 60)  # not the cluster's host: no slot to hold
    store.release_host_slot("node-a")
    assert store.take_host_slot("h0.example", "manual", 2, 60)
    store.close()


def test_a_source_on_a_ladder_keeps_it_in_the_cluster_and_feed_ticks_follow_the_shortest_interval(tmp_path):
    cfg = _config(tmp_path, 1)
    aging = dataclasses.replace(cfg.sources[0], ladder=DEFAULT_LADDER, config_file=None)
    assert spec.from_json(spec.to_json(aging)) == aging  # checked by age on every node, not every interval
    assert tick_every(cfg) == 15  # no feeds
    feed = Feed(id="f", url="http://h0.example/rss", kind="rss", source=aging, interval=900, max_articles=10)
    assert [tick_every(dataclasses.replace(cfg, feeds=(dataclasses.replace(feed, interval=i),)))
            for i in (1, 7, 20, 900)] == [1, 3, 10, 15]


async def _add_new(url: str, config) -> int:
    async with await psycopg.AsyncConnection.connect(url) as conn:
        return await add_new(conn, config, spec.config_hash(config))


def test_discovered_articles_join_the_shared_schedule_and_leave_it_with_their_feed(tmp_path, pg_url):
    store = Store(pg_url)
    url = libpq_url(pg_url)
    path = tmp_path / "watcher.toml"
    path.write_text('[defaults]\nstagger = "2s"\n[[sources]]\nid = "s0"\nurl = "http://h0.example/0"\n'
                    '[[feeds]]\nid = "f"\nurl = "http://h1.example/rss"\nkind = "rss"\n'
                    '[feeds.defaults]\nretries = 0\n')
    cfg = load(path)
    t = time.time()

    def found(sid: str) -> None:
        with store.transaction() as c:
            discovered.add_articles(c, [discovered.DiscoveredRow(sid, "f", f"http://h1.example/{sid}", sid, t, None,
                                                                 t, t - 60)])

    def rows() -> dict:
        with psycopg.connect(url) as c:
            return {r[0]: r[1:] for r in c.execute("SELECT id, enabled, spec, next_due FROM sources")}

    found("f-a")  # before the first push (a database copied from SQLite, say)
    assert asyncio.run(_pushed(url, cfg)) == "pushed"
    found("f-b")  # after it: the feed task schedules it
    assert asyncio.run(_add_new(url, cfg)) == 1
    got = rows()
    for sid in ("f-a", "f-b"):
        enabled, text, due = got[sid]
        source = spec.from_json(text)
        assert enabled and source.feed == "f" and source.retries == 0 and source.ladder == cfg.feeds[0].source.ladder
        assert due <= time.time() + 2  # the first check soon
    assert asyncio.run(_add_new(url, cfg)) == 0  # nothing twice

    assert asyncio.run(_pushed(url, dataclasses.replace(cfg, feeds=()), reason="changed")) == "pushed"
    got = rows()
    assert got["s0"][0] and not got["f-a"][0] and not got["f-b"][0]  # the feed is gone: its articles too
    store.close()
