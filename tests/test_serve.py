"""`watcher serve` over real HTTP: the CLI started as a subprocess on a free 127.0.0.1 port."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import lxml.html
import pytest

from .conftest import alerts_json, watcher


@dataclass
class Server:
    proc: subprocess.Popen
    base: str

    def get(self, path: str, **kw) -> httpx.Response:
        return httpx.get(self.base + path, timeout=10, **kw)

    def post(self, path: str, data: dict, **kw) -> httpx.Response:
        return httpx.post(self.base + path, data=data, timeout=10, **kw)


@contextmanager
def serving(cfg: Path, stop: signal.Signals = signal.SIGINT) -> Iterator[Server]:
    """Run `watcher serve --port 0` until the block ends, then stop it with ``stop`` (Ctrl-C: SIGINT)."""
    exe = Path(sys.executable).parent / "watcher"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "watcher"]
    env = {k: v for k, v in os.environ.items() if k != "WATCHER_CONFIG"}
    proc = subprocess.Popen(cmd + ["serve", "--config", str(cfg), "--port", "0"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        banner = proc.stdout.readline()
        m = re.search(r"on (http://127\.0\.0\.1:\d+)/", banner)
        if not m:
            proc.kill()
            pytest.fail(f"watcher serve did not start: {banner!r} {proc.stderr.read()}")
        server = Server(proc, m.group(1))
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None:
                pytest.fail(f"watcher serve exited {proc.returncode}: {proc.stderr.read()}")
            try:
                if server.get("/").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("watcher serve did not answer within 30 s")
            time.sleep(0.1)
        yield server
    finally:
        if proc.poll() is None:
            proc.send_signal(stop)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def alert_ids(html: str) -> list[int]:
    doc = lxml.html.fromstring(html)
    return [int(i.removeprefix("alert-")) for i in doc.xpath("//ul[@class='alerts']/li/@id")]


def test_serve_pages_filters_and_review(alert_copy: Path):
    rows = alerts_json(alert_copy)
    est = next(a for a in rows if a["source"] == "analysis" and a["kind"] == "estimate_changed")
    highs = {a["id"] for a in rows if a["severity"] == "high"}
    with serving(alert_copy) as srv:
        index = srv.get("/index.html")
        assert index.status_code == 200 and "Putin and Kim in Pyongyang" in index.text
        assert "text/html" in index.headers["content-type"]

        queue = srv.get("/alerts.html")
        assert sorted(alert_ids(queue.text)) == sorted(a["id"] for a in rows)
        assert set(alert_ids(srv.get("/alerts.html", params={"severity": "high"}).text)) == highs
        only = srv.get("/alerts.html", params={"source": "county", "kind": "estimate_changed"}).text
        assert [a["source"] for a in rows if a["id"] in alert_ids(only)] == ["county"]
        assert alert_ids(srv.get("/alerts.html", params={"status": "reviewed"}).text) == []

        change = srv.get("/change-analysis-v3.html")
        assert change.status_code == 200
        hero = lxml.html.fromstring(change.text).xpath("//section[contains(@class, 'hero')]")[0]
        assert hero.xpath(".//del/text()")[0] == "7,000" and hero.xpath(".//ins/text()")[0] == "11,000"
        assert f'action="alerts/{est["id"]}/review"' in change.text
        assert srv.get("/change-analysis-v99.html").status_code == 404
        assert srv.get("/source-nosuch.html").status_code == 404
        assert srv.get("/source-down.html").status_code == 200

        feed = srv.get("/alerts.xml")
        assert feed.headers["content-type"].startswith("application/atom+xml")
        assert len(ET.fromstring(feed.content).findall("{http://www.w3.org/2005/Atom}entry")) == 4

        # a page on another site cannot mark alerts reviewed; a foreign Host name is refused
        forged = srv.post(f"/alerts/{est['id']}/review", {"reviewed": "1", "next": "alerts.html"},
                          headers={"Origin": "http://evil.example"})
        assert forged.status_code == 403
        assert srv.get("/", headers={"Host": "evil.example"}).status_code == 400
        assert srv.post("/alerts/99999/review", {"reviewed": "1"}).status_code == 404

        r = srv.post(f"/alerts/{est['id']}/review", {"reviewed": "1", "next": "change-analysis-v3.html"},
                     headers={"Origin": srv.base})
        assert r.status_code == 303 and r.headers["location"] == f"/change-analysis-v3.html#alert-{est['id']}"
        assert est["id"] not in alert_ids(srv.get("/alerts.html").text)
        assert alert_ids(srv.get("/alerts.html", params={"status": "reviewed"}).text) == [est["id"]]
        # an absolute "next" is not followed (no open redirect)
        r = srv.post(f"/alerts/{est['id']}/review", {"reviewed": "0", "next": "https://evil.example/"})
        assert r.status_code == 303 and r.headers["location"] == "/alerts.html"
        assert est["id"] in alert_ids(srv.get("/alerts.html").text), "reopened"
        srv.post(f"/alerts/{est['id']}/review", {"reviewed": "1", "next": "alerts.html"})
    assert srv.proc.returncode == 0, srv.proc.stderr.read()
    # the reviewed state is stored: the CLI sees it after the server is gone
    after = {a["id"]: a["reviewed"] for a in alerts_json(alert_copy)}
    assert after[est["id"]] is True and not any(v for k, v in after.items() if k != est["id"])


def test_serve_stops_cleanly_on_sigterm_and_a_busy_port_is_a_usage_error(alert_state: Path):
    with serving(alert_state, stop=signal.SIGTERM) as srv:
        port = int(srv.base.rsplit(":", 1)[1])
        busy = watcher("serve", "--config", str(alert_state), "--port", str(port), timeout=30)
        assert busy.returncode == 2 and f"cannot listen on 127.0.0.1:{port}" in busy.stderr
    assert srv.proc.returncode == 0, srv.proc.stderr.read()
