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
    base: str  # where to connect (for a wildcard bind: 127.0.0.1 on the bound port)
    banner: str
    port: int

    def get(self, path: str, **kw) -> httpx.Response:
        return httpx.get(self.base + path, timeout=10, **kw)

    def post(self, path: str, data: dict, **kw) -> httpx.Response:
        return httpx.post(self.base + path, data=data, timeout=10, **kw)

    def session(self, **kw) -> httpx.Client:
        """A client with a cookie jar, as a browser has: it keeps the session cookie between requests."""
        return httpx.Client(base_url=self.base, timeout=10, **kw)


def form_token(html: str, required: bool = True) -> str:
    """The CSRF token the page's POST forms carry (all of them the same one); "" when there is none
    and it is not ``required``."""
    tokens = set(lxml.html.fromstring(html).xpath("//form[@method='post']/input[@name='csrf_token']/@value"))
    if not tokens and not required:
        return ""
    assert len(tokens) == 1, f"expected one form token in the page, got {tokens}"
    return tokens.pop()


def review(client: httpx.Client, aid: int | str, reviewed: str = "1", nxt: str = "alerts.html",
           token: str | None = None, **kw) -> httpx.Response:
    """POST "mark reviewed" as the page's form does: with the session's token (read from a page
    unless given)."""
    if token is None:
        token = form_token(client.get("/alerts.html", params={"status": "all"}).text, required=False)
    return client.post(f"/alerts/{aid}/review", data={"reviewed": reviewed, "next": nxt, "csrf_token": token}, **kw)


@contextmanager
def serving(cfg: Path, stop: signal.Signals = signal.SIGINT, args: tuple[str, ...] = (),
            env: dict[str, str] | None = None, ready: dict[str, str] | None = None) -> Iterator[Server]:
    """Run `watcher serve --port 0 ARGS` until the block ends, then stop it with ``stop`` (Ctrl-C:
    SIGINT). ``env`` adds variables; ``ready`` are the headers of the request that waits for it to answer."""
    exe = Path(sys.executable).parent / "watcher"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "watcher"]
    environ = {k: v for k, v in os.environ.items() if k not in ("WATCHER_CONFIG", "WATCHER_SERVE_TOKEN")}
    proc = subprocess.Popen(cmd + ["serve", "--config", str(cfg), "--port", "0", *args], env=environ | (env or {}),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        banner = proc.stdout.readline()
        m = re.search(r"on http://(\S+):(\d+)/", banner)
        if not m:
            proc.kill()
            pytest.fail(f"watcher serve did not start: {banner!r} {proc.stderr.read()}")
        addr, port = m.group(1), int(m.group(2))
        connect = {"0.0.0.0": "127.0.0.1", "[::]": "[::1]"}.get(addr, addr)
        server = Server(proc, f"http://{connect}:{port}", banner, port)
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None:
                pytest.fail(f"watcher serve exited {proc.returncode}: {proc.stderr.read()}")
            try:
                if server.get("/", headers=ready or {}).status_code == 200:
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
        browser = srv.session()
        forged = review(browser, est["id"], headers={"Origin": "http://evil.example"})
        assert forged.status_code == 403
        assert srv.get("/", headers={"Host": "evil.example"}).status_code == 400
        assert review(browser, 99999).status_code == 404

        r = review(browser, est["id"], nxt="change-analysis-v3.html", headers={"Origin": srv.base})
        assert r.status_code == 303 and r.headers["location"] == f"/change-analysis-v3.html#alert-{est['id']}"
        assert est["id"] not in alert_ids(srv.get("/alerts.html").text)
        assert alert_ids(srv.get("/alerts.html", params={"status": "reviewed"}).text) == [est["id"]]
        # an absolute "next" is not followed (no open redirect)
        r = review(browser, est["id"], reviewed="0", nxt="https://evil.example/")
        assert r.status_code == 303 and r.headers["location"] == "/alerts.html"
        assert est["id"] in alert_ids(srv.get("/alerts.html").text), "reopened"
        review(browser, est["id"])
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
