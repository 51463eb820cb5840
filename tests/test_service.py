"""`watcher run` as a daemon: the real service in a subprocess, pages served on 127.0.0.1, 1–4 s intervals.

What a user relies on: a change is alerted within a few intervals; config edits (including a file
dropped into config/sources/) take effect without a restart; a broken edit keeps the service on the
last good config; SIGTERM exits 0 promptly; restarts and kill -9 neither lose nor repeat alerts.
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

import pytest

import watcher.service.schedule as schedule
from watcher.store import SourceState

from . import sitegen as pages
from .conftest import Site, alerts_json, claim_alerts, watcher
from .seed_expected import SEED_ANALYSIS
from .test_check import edit, magazine

pytestmark = pytest.mark.slow  # `make test-fast` leaves it out; `make test` and CI run it

EXE = Path(sys.executable).parent / "watcher"
CMD = [str(EXE)] if EXE.exists() else [sys.executable, "-m", "watcher"]


# -- a site whose pages the test edits, recording when each path was requested ----------------------

@dataclass
class LiveSite(Site):
    """The test site, also recording when each path was asked for, answering slowly (``delay``) or
    in pairs (``pairs``: a request waits for a second one for the same URL), counting requests
    that wait at the server at once (``busy``)."""

    delay: dict[str, float] = field(default_factory=dict)
    pairs: set[str] = field(default_factory=set)
    times: dict[str, list[float]] = field(default_factory=dict)
    busy: int = 0
    max_busy: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    cond: threading.Condition = field(default_factory=threading.Condition)
    waiting: dict[str, int] = field(default_factory=dict)

    def start(self) -> LiveSite:
        super().start()
        self.server.daemon_threads = True  # a hung request must not hold up the test's teardown
        return self

    def on_request(self, path: str) -> None:
        with self.lock:
            self.times.setdefault(path, []).append(time.monotonic())
            self.busy += 1
            self.max_busy = max(self.max_busy, self.busy)
        try:
            time.sleep(self.delay.get(path, 0))
        finally:  # "busy" = waiting for this slow server; the client may go on once it answers
            with self.lock:
                self.busy -= 1
        if path in self.pairs:
            self.pair_up(path)

    def pair_up(self, key: str) -> None:
        """Hold a request until a second one for the same URL arrives (at most 10 s), then answer both."""
        with self.cond:
            self.waiting[key] = self.waiting.get(key, 0) + 1
            if self.waiting[key] % 2 == 0:
                self.cond.notify_all()
                return
            mine = self.waiting[key]
            self.cond.wait_for(lambda: self.waiting[key] > mine, timeout=10)

    def n(self, path: str) -> int:
        return len(self.times.get(path, []))


@pytest.fixture
def live():
    s = LiveSite().start()
    yield s
    s.stop()


TITLE, PARAS = pages.ARTICLES["county_budget"]
_FIG = next(p for p in PARAS if re.search(r"\d", p))
_NUM = re.search(r"\d[\d,.]*\d|\d", _FIG).group(0)


def budget(version: int = 0) -> str:
    """The news page; ``version`` n > 0 changes one figure (n distinct edits of the same claim)."""
    paras = [p.replace(_NUM, f"{_NUM}{version}", 1) if p == _FIG and version else p for p in PARAS]
    return pages.news_page(TITLE, paras, sidebar=["Mayor resigns", "Storm warning"])


def article(version: int = 0) -> str:
    """A long magazine article (its comparison takes a while); ``version`` n > 0 edits one estimate."""
    paras = SEED_ANALYSIS if not version else edit(SEED_ANALYSIS, "an estimated 7,000 containers",
                                                   f"an estimated {7000 + 1000 * version:,} containers")
    return magazine(paras)


# -- the service as a user runs it ------------------------------------------------------------------

class Daemon:
    """``watcher run`` in a subprocess; its log goes to a file the test reads."""

    def __init__(self, cfg: Path, log: Path, json_log: bool = True) -> None:
        self.cfg, self.log, self.json = cfg, log, json_log
        self.proc: subprocess.Popen | None = None

    def start(self) -> Daemon:
        env = {k: v for k, v in os.environ.items() if k != "WATCHER_CONFIG"}
        args = CMD + ["run", "--config", str(self.cfg)] + (["--log-json"] if self.json else [])
        with self.log.open("a") as f:
            self.proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=f, env=env)
        return self

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8") if self.log.exists() else ""

    def records(self) -> list[dict]:
        out = []
        for line in self.text().splitlines():
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError:
                pass  # a line being written right now
        return out

    def checks(self, source: str | None = None) -> list[dict]:
        return [r for r in self.records() if r.get("event") == "check" and source in (None, r["source"])]

    def wait_for(self, pred, timeout: float, what: str):
        """The first log record (or text, for a text log) satisfying ``pred``, within ``timeout`` s."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            items = self.records() if self.json else self.text().splitlines()
            for item in items:
                if pred(item):
                    return item
            if self.proc.poll() is not None:
                pytest.fail(f"service exited ({self.proc.returncode}) waiting for {what}:\n{self.text()[-3000:]}")
            time.sleep(0.1)
        pytest.fail(f"timed out after {timeout}s waiting for {what}:\n{self.text()[-3000:]}")

    def stop(self, sig: int = signal.SIGTERM) -> tuple[int, float]:
        t = time.monotonic()
        self.proc.send_signal(sig)
        rc = self.proc.wait(timeout=15)
        return rc, time.monotonic() - t

    def kill9(self) -> None:
        self.proc.kill()
        self.proc.wait(timeout=5)


@pytest.fixture
def daemons():
    started: list[Daemon] = []

    def make(cfg: Path, log: Path, json_log: bool = True) -> Daemon:
        d = Daemon(cfg, log, json_log)
        started.append(d)
        return d.start()

    yield make
    for d in started:
        if d.proc and d.proc.poll() is None:
            d.proc.kill()
            d.proc.wait()


def toml(state_dir: str = "state", defaults: dict | None = None, sources: list[dict] = (),
         include: list[str] | None = None) -> str:
    lines = [f'state_dir = "{state_dir}"']
    if include is not None:
        lines.append(f"include = {json.dumps(include)}")
    if defaults:
        lines.append("[defaults]")
        lines += [f"{k} = {json.dumps(v)}" for k, v in defaults.items()]
    for s in sources:
        lines.append("[[sources]]")
        lines += [f"{k} = {json.dumps(v)}" for k, v in s.items()]
    return "\n".join(lines) + "\n"


def is_check(source: str, **want):
    return lambda r: r.get("event") == "check" and r["source"] == source and all(
        (v(r.get(k)) if callable(v) else r.get(k) == v) for k, v in want.items())


# -- the timing policy (pure functions) ------------------------------------------------------------

def test_backoff_doubles_from_the_second_failure_up_to_the_cap_and_never_below_the_interval():
    assert [schedule.backoff_delay(60, f, 600) for f in range(7)] == [60, 60, 120, 240, 480, 600, 600]
    assert schedule.backoff_delay(3600, 5, 600) == 3600  # a cap below the interval does not speed up
    assert schedule.backoff_delay(1, 10_000, 30) == 30


def test_due_time_survives_a_restart_and_follows_a_shortened_interval():
    row = SourceState(id="s", url="http://e.org/", last_check=1000.0, next_due=1050.0, failures=0)
    assert schedule.due_from_state(None, 60, 600) is None
    assert schedule.due_from_state(row, 60, 600) == 1050.0
    assert schedule.due_from_state(row, 10, 600) == 1010.0  # interval shortened while down
    assert schedule.due_from_state(replace(row, next_due=None), 60, 600) == 1060.0
    assert schedule.due_from_state(replace(row, next_due=None, failures=3), 60, 600) == 1240.0


def test_overdue_sources_are_spread_over_the_window_not_fired_at_once():
    due = schedule.stagger([(f"s{i}", 3600) for i in range(500)], 0.0, 60.0)
    times = sorted(due.values())
    assert 0 <= times[0] < 0.2 and 59 < times[-1] <= 60
    assert max(sum(1 for t in times if k <= t < k + 1) for k in range(60)) <= 10
    few = schedule.stagger([(f"s{i}", 3600) for i in range(100)], 0.0, 60.0)  # 4 a second: over 25 s
    assert 24 < max(few.values()) <= 25 and max(sum(1 for t in few.values() if k <= t < k + 1)
                                                 for k in range(25)) <= 6
    two = schedule.stagger([("a", 3600), ("b", 3600)], 0.0, 60.0)  # a newcomer's config starts at once
    assert max(two.values()) <= 0.5
    short = schedule.stagger([("fast", 2.0), ("slow", 3600.0)], 0.0, 60.0)
    assert short["fast"] <= 2.0  # never held back beyond its own interval

# -- the service end to end -------------------------------------------------------------------------

def test_change_alerted_config_edits_applied_live_broken_edit_survived_and_failing_source_backs_off(
        live, daemons, tmp_path):
    live.put("/a", budget())
    live.put("/b", pages.news_page(*pages.ARTICLES["county_budget"]))
    live.put("/flaky", "<h1>Internal error</h1>", status=500)
    conf = tmp_path / "config"
    (conf / "sources").mkdir(parents=True)
    main = conf / "watcher.toml"
    defaults = {"interval": 1, "stagger": 0.5, "backoff_max": 3, "retries": 0}  # one request per check
    a = {"id": "a", "url": live.url("/a")}
    flaky = {"id": "flaky", "url": live.url("/flaky")}
    main.write_text(toml("../state", defaults, [a, flaky], include=["sources/*.toml"]))
    d = daemons(main, tmp_path / "run.log")

    d.wait_for(is_check("a", outcome="baseline"), 10, "the first check of a")
    live.put("/a", budget(1))
    d.wait_for(is_check("a", alert_kinds=lambda k: "estimate_changed" in k), 6, "the alert for the edited figure")

    # a new file in config/sources/ is picked up without a restart
    (conf / "sources" / "b.toml").write_text(f'[[sources]]\nid = "b"\nurl = "{live.url("/b")}"\n')
    d.wait_for(lambda r: r.get("event") == "reload" and r["added"] == ["b"], 5, "the reload adding b")
    d.wait_for(is_check("b", outcome="baseline"), 5, "the first check of b")

    # a broken edit is logged with file, source and field; the service goes on with the last good config
    (conf / "sources" / "b.toml").write_text(f'[[sources]]\nid = "b"\nurl = "{live.url("/b")}"\nintervall = 1\n')
    err = d.wait_for(lambda r: r.get("event") == "config_error", 5, "the config error")
    assert err["file"].endswith("b.toml") and err["source"] == "b" and err["field"] == "intervall", err
    assert "b.toml" in err["message"] and "intervall" in err["message"]
    n_b = live.n("/b")
    d.wait_for(lambda r: live.n("/b") > n_b + 1, 4, "b checked again under the last good config")

    # removing the file removes the source; a longer interval re-times a
    (conf / "sources" / "b.toml").unlink()
    main.write_text(toml("../state", defaults, [{**a, "interval": 3600}, flaky], include=["sources/*.toml"]))
    d.wait_for(lambda r: r.get("event") == "reload" and "b" in r["removed"], 5, "the reload removing b")
    d.wait_for(lambda r: r.get("event") == "reload" and "a" in r["retimed"], 5, "the reload re-timing a")
    time.sleep(0.8)  # a check that had already started may still end
    n_a, n_b = live.n("/a"), live.n("/b")
    time.sleep(1.5)
    assert (live.n("/a"), live.n("/b")) == (n_a, n_b), "removed b and re-timed a were checked again"

    # the failing source backed off (1 s, 2 s, then the 3 s cap) and `watcher sources` says so
    d.wait_for(is_check("flaky", failures=4), 8, "the fourth failure of flaky")
    fails = d.checks("flaky")
    assert [r["failures"] for r in fails[:4]] == [1, 2, 3, 4], fails
    assert all(r["outcome"] == "error" and "HTTP 500" in r["error"] for r in fails)
    gaps = [b - a for a, b in zip(live.times["/flaky"], live.times["/flaky"][1:], strict=False)]
    assert gaps[0] < 1.8 and all(g > 1.8 for g in gaps[1:]) and all(g < 4.5 for g in gaps), gaps
    p = watcher("sources", "--config", str(main))
    cells = [c.strip() for c in next(ln for ln in p.stdout.splitlines() if "flaky" in ln).split("│")]
    assert "failing" in cells and int(cells[7]) >= 4 and "HTTP 500" in p.stdout, p.stdout
    assert "next run" in p.stdout

    live.put("/flaky", budget())  # the site recovers: so does the source, by itself
    d.wait_for(is_check("flaky", outcome="baseline", failures=0), 6, "flaky recovering")

    rc, took = d.stop()
    assert rc == 0 and took < 10, (rc, took, d.text()[-2000:])
    assert d.records()[-1]["event"] == "stopped"
    est = [x for x in claim_alerts(alerts_json(main)) if x["source"] == "a"]
    assert [x["kind"] for x in est] == ["estimate_changed"], est
    errors = [x for x in alerts_json(main) if x["kind"] == "source_error"]
    assert [x["source"] for x in errors] == ["flaky"], "a failure streak is alerted once"


def test_restart_resumes_each_source_when_due_and_raises_no_duplicate_alert(live, daemons, tmp_path):
    live.put("/a", budget())
    cfg = tmp_path / "watcher.toml"
    cfg.write_text(toml(defaults={"interval": 4, "stagger": 0.5}, sources=[{"id": "a", "url": live.url("/a")}]))
    d = daemons(cfg, tmp_path / "run1.log", json_log=False)  # the human-readable log
    d.wait_for(lambda ln: "a: baseline, new version 1, no alerts" in ln, 10, "the first check")
    live.put("/a", budget(1))
    line = d.wait_for(lambda ln: "a: new_version, new version 2" in ln, 8, "the check seeing the edit")
    assert re.search(r"INFO a: new_version, new version 2, \d+ alerts? \(.*estimate_changed.*\), \d+\.\d\ds$", line)
    rc, took = d.stop()
    assert rc == 0 and took < 10
    before = alerts_json(cfg)
    last = live.times["/a"][-1]

    d2 = daemons(cfg, tmp_path / "run2.log", json_log=False)
    d2.wait_for(lambda ln: "watching 1 source(s)" in ln, 10, "the restart")
    time.sleep(max(0.0, last + 3.5 - time.monotonic()))
    # not checked again before it was due (on a loaded machine the restart itself may outlast the wait)
    assert live.times["/a"][-1] == last or live.times["/a"][-1] - last > 3.9, "checked again before it was due"
    d2.wait_for(lambda ln: "a: unchanged" in ln, 8, "the check when due")
    assert live.times["/a"][-1] - last > 3.9
    rc, _ = d2.stop()
    assert rc == 0
    assert alerts_json(cfg) == before, "the restart repeated an alert"


def test_one_service_per_state_dir_hand_run_check_is_safe_and_kill_9_loses_nothing(live, daemons, tmp_path):
    live.put("/a", article())
    cfg = tmp_path / "watcher.toml"
    cfg.write_text(toml(defaults={"interval": 1, "stagger": 0.5}, sources=[{"id": "a", "url": live.url("/a")}]))
    d = daemons(cfg, tmp_path / "run1.log")
    d.wait_for(is_check("a", outcome="baseline"), 10, "the first check")

    second = watcher("run", "--config", str(cfg), timeout=30)
    assert second.returncode == 2, second.stderr
    assert "already" in second.stderr and "watcher.lock" in second.stderr
    assert f"pid {d.proc.pid}" in second.stderr and "Traceback" not in second.stderr

    live.put("/a", article(1))  # an edit checked by hand while the service runs
    p = watcher("check", "--config", str(cfg))
    assert p.returncode == 0 and "error" not in p.stdout, p.stdout
    live.put("/a", article(2))
    d.wait_for(is_check("a", version=3), 5, "the service storing the next edit")

    live.put("/a", article(3))
    time.sleep(random.uniform(0.2, 1.2))  # any moment: before, during or after the check of the edit
    d.kill9()
    p = watcher("check", "--config", str(cfg))
    assert p.returncode == 0 and "error" not in p.stdout, p.stdout

    d2 = daemons(cfg, tmp_path / "run2.log")  # the kernel dropped the dead service's lock
    d2.wait_for(is_check("a"), 10, "a check after the restart")
    rc, _ = d2.stop()
    assert rc == 0

    got = [(x["kind"], x["after"]) for x in claim_alerts(alerts_json(cfg))]
    assert [k for k, _ in got] == ["estimate_changed"] * 3, got  # each edit once: none lost, none repeated
    assert len(set(got)) == 3
    hist = watcher("history", "a", "--config", str(cfg)).stdout
    hashes = re.findall(r"\b[0-9a-f]{12}\b", hist)
    assert len(hashes) == 4 and len(set(hashes)) == 4, hist


def test_hand_run_checks_at_once_store_each_change_once(live, daemons, tmp_path):
    # Eight sources on one page, checked by two `watcher check`s at once while the service runs; the site
    # answers each page to both at the same instant, so both store their results for it at the same time.
    ids = [f"m{i}" for i in range(8)]
    for i in ids:
        live.put(f"/{i}", article())
    cfg = tmp_path / "watcher.toml"
    cfg.write_text(toml(defaults={"interval": 3600, "stagger": 0.5},
                        sources=[{"id": i, "url": live.url(f"/{i}")} for i in ids]))
    d = daemons(cfg, tmp_path / "run.log")
    for i in ids:
        d.wait_for(is_check(i, outcome="baseline"), 15, f"the first check of {i}")
    for i in ids:
        live.put(f"/{i}", article(1))
        live.pairs.add(f"/{i}")
    hand = [subprocess.Popen(CMD + ["check", "--json", "--config", str(cfg)], stdout=subprocess.PIPE, text=True)
            for _ in range(2)]
    outs = [[json.loads(line) for line in h.communicate(timeout=60)[0].splitlines()] for h in hand]
    assert [h.returncode for h in hand] == [0, 0]
    assert all(o["outcome"] in ("new_version", "unchanged") for out in outs for o in out), outs
    rc, _ = d.stop()
    assert rc == 0
    got = claim_alerts(alerts_json(cfg))
    assert sorted(a["source"] for a in got) == ids, [(a["source"], a["kind"]) for a in got]
    for i in ids:
        hist = watcher("history", i, "--config", str(cfg)).stdout
        assert len(re.findall(r"\b[0-9a-f]{12}\b", hist)) == 2, hist


def test_500_due_sources_all_run_once_even_when_the_loop_stalls(live, daemons, tmp_path):
    # Pages that are gone: each check is a real fetch and a stored source_error, cheap enough that the
    # test measures the scheduler rather than extraction. While they are due, another process holds the
    # database's write lock for 2.5 s (as a hand-run `watcher check` or a backup may): the service's
    # loop stalls, runs come up late — and must run anyway, not be dropped as "misfired".
    cfg = tmp_path / "watcher.toml"
    cfg.write_text(toml(defaults={"interval": 3600, "stagger": 3, "per_host": 16},
                        sources=[{"id": f"p{i}", "url": live.url(f"/p{i}")} for i in range(500)]))
    d = daemons(cfg, tmp_path / "run.log")
    d.wait_for(lambda r: r.get("event") == "start", 15, "the start")
    db = sqlite3.connect(tmp_path / "state" / "watcher.db", timeout=30, isolation_level=None)
    db.execute("BEGIN IMMEDIATE")
    time.sleep(2.5)
    db.execute("COMMIT")
    db.close()
    end = time.monotonic() + 30
    while len(d.checks()) < 500 and time.monotonic() < end and d.proc.poll() is None:
        time.sleep(0.25)
    rc, _ = d.stop()
    done = [r["source"] for r in d.checks()]
    assert sorted(done) == sorted(f"p{i}" for i in range(500)), f"{len(set(done))} of 500 ran, {len(done)} checks"
    assert all(live.n(f"/p{i}") == 1 for i in range(500))
    assert rc == 0
    assert "missed" not in d.text() and "skipped" not in d.text()


def test_limits_follow_config_edits_sighup_reloads_and_stop_cancels_hung_checks(live, daemons, tmp_path):
    for i in range(8):
        live.put(f"/slow{i}", budget())
        live.delay[f"/slow{i}"] = 0.6
    cfg = tmp_path / "watcher.toml"
    srcs = [{"id": f"s{i}", "url": live.url(f"/slow{i}")} for i in range(8)]
    cfg.write_text(toml(defaults={"interval": 1, "stagger": 0.2, "concurrency": 8, "per_host": 2}, sources=srcs))
    d = daemons(cfg, tmp_path / "run.log")
    d.wait_for(lambda r: len(d.checks()) >= 8, 15, "a round of checks")
    assert live.max_busy == 2, "per-host limit"

    cfg.write_text(toml(defaults={"interval": 1, "stagger": 0.2, "concurrency": 3, "per_host": 8}, sources=srcs))
    d.wait_for(lambda r: r.get("event") == "reload", 5, "the reload")
    time.sleep(1.5)  # checks queued under the old limits drain
    live.max_busy = 0
    n = len(d.checks())
    d.wait_for(lambda r: len(d.checks()) >= n + 8, 15, "a round under the new limits")
    assert live.max_busy == 3, "global limit"

    d.proc.send_signal(signal.SIGHUP)  # re-read now, although no file changed
    d.wait_for(lambda r: r.get("event") == "reload" and r["reason"] == "SIGHUP", 5, "the reload on SIGHUP")

    # the site hangs: checks in progress cannot finish, so the stop cancels them — still exit 0 in < 10 s
    for i in range(8):
        live.delay[f"/slow{i}"] = 30
    time.sleep(0.8)  # requests that got the 0.6 s delay are answered
    d.wait_for(lambda r: live.busy == 3, 5, "three checks hanging")
    rc, took = d.stop()
    assert rc == 0 and took < 10, (rc, took)
    assert "cancelled the check(s) of" in d.text()


def test_the_service_reads_robots_txt_once_and_a_restart_within_the_hour_does_not_ask_again(live, daemons, tmp_path):
    """robots.txt is asked for once (later checks use it), and kept: a service restarted within the
    hour still obeys it without asking the host again."""
    live.put("/robots.txt", "User-agent: *\nDisallow: /private\n", ctype="text/plain")
    live.put("/a", budget())
    live.put("/private/b", budget())
    cfg = tmp_path / "watcher.toml"
    cfg.write_text(toml(defaults={"interval": 2, "stagger": 0.2},
                        sources=[{"id": "a", "url": live.url("/a")}, {"id": "b", "url": live.url("/private/b")}]))
    d = daemons(cfg, tmp_path / "run1.log")
    d.wait_for(is_check("a", outcome="unchanged"), 15, "a second check of a")
    d.wait_for(is_check("b", outcome="error", error=lambda e: "robots.txt" in (e or "")), 5, "b refused")
    assert live.hits["/robots.txt"] == 1
    rc, _ = d.stop()
    assert rc == 0
    d2 = daemons(cfg, tmp_path / "run2.log")
    d2.wait_for(is_check("a", outcome="unchanged"), 15, "a check after the restart")
    d2.wait_for(is_check("b", outcome="error", error=lambda e: "robots.txt" in (e or "")), 5, "b still refused")
    assert live.hits["/robots.txt"] == 1, "the restarted service asked for robots.txt again"
    assert live.hits.get("/private/b", 0) == 0
    d2.stop()
