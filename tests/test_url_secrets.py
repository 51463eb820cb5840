"""Credentials in a source URL (``http://user:password@host/…``, ``?token=…``) are used for the
fetch and masked everywhere else: ``sources``, ``alerts --json``, ``diff`` in every format, the
report, the review UI, config errors, messages, logs, notifications and the database itself.

The server here really requires the credentials (Basic auth and the token), so the test also
proves that masking never reaches the request.
"""

from __future__ import annotations

import base64
import json
import logging
import sqlite3
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

from watcher.service import checklog

from .conftest import watcher, write_config
from .fixtures.receivers import Receiver
from .sitegen import news_page
from .test_serve import serving

USER, PASSWORD, TOKEN = "alice", "s3cret-pw!42", "tok-9f8e7d6c5b4a"
SECRETS = (PASSWORD, TOKEN, "s3cret-pw%2142")
PARAS = ["The county board approved a budget of $310 million for next year, officials said on Tuesday.",
         "Spending on roads rises by 12 percent, while the library budget stays flat at $3 million.",
         "The vote was 7 to 2, and the chair said the plan keeps property taxes unchanged."]


class Guarded:
    """A site that answers only a request with the right Basic credentials and token; its robots.txt
    disallows /private, so a source there fails with a message naming the site's origin."""

    def __init__(self) -> None:
        self.body = news_page("County budget", PARAS).encode()
        self.authorized = 0
        site = self
        expected = "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()

        class H(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # no ~40 ms Nagle/delayed-ACK stall per kept-alive response

            def do_GET(self):  # noqa: N802 - http.server API
                parts = urlsplit(self.path)
                if parts.path == "/robots.txt":
                    self.answer(200, b"User-agent: *\nDisallow: /private\n", "text/plain")
                elif self.headers.get("Authorization") != expected or parse_qs(parts.query).get("token") != [TOKEN]:
                    self.answer(401, b"no", "text/plain")
                else:
                    site.authorized += 1
                    self.answer(200, site.body, "text/html; charset=utf-8")

            def answer(self, status, body, ctype):
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *a):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), H)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.base = f"http://{USER}:s3cret-pw%2142@127.0.0.1:{self.server.server_address[1]}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def no_secret(text: str, where: str = "") -> None:
    for s in SECRETS:
        assert s not in text, (where, s, text[:3000])


@pytest.fixture(scope="module")
def state(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("secrets")
    site, hook = Guarded(), Receiver()
    try:
        cfg = write_config(tmp, [
            {"id": "budget", "url": f"{site.base}/budget?token={TOKEN}&page=1"},
            {"id": "hidden", "url": f"{site.base}/private/memo?token={TOKEN}"},
        ], notify=[hook.url()], notify_min_severity="low")
        first = watcher("check", "--config", str(cfg))
        site.body = news_page("County budget", [PARAS[0].replace("$310 million", "$340 million"), *PARAS[1:]]).encode()
        second = watcher("check", "--config", str(cfg))
        yield {"cfg": cfg, "site": site, "hook": hook, "out": first.stdout + first.stderr + second.stdout + second.stderr}
    finally:
        site.close()
        hook.stop()


def test_the_fetch_uses_the_real_credentials(state):
    assert state["site"].authorized == 2, state["out"]
    rows = [json.loads(line) for line in watcher("alerts", "--json", "--config", str(state["cfg"])).stdout.splitlines()]
    assert any(a["source"] == "budget" and a["kind"] == "estimate_changed" for a in rows), rows
    no_secret(state["out"], "check output")


@pytest.mark.parametrize("args", [["sources"], ["alerts"], ["alerts", "--json"], ["history", "budget"],
                                  ["diff", "budget"], ["diff", "budget", "--format", "md"],
                                  ["diff", "budget", "--format", "html"], ["diff", "budget", "--format", "json"],
                                  ["claims", "budget"], ["check", "--json"]], ids=" ".join)
def test_no_command_shows_a_secret(state, args):
    p = watcher(*args, "--config", str(state["cfg"]))
    assert p.returncode == 0, p.stderr
    no_secret(p.stdout + p.stderr, " ".join(args))


def table_column(table: str, name: str) -> list[str]:
    """The cells of column ``name`` in a Rich table, each row's wrapped lines joined back together."""
    lines = [ln for ln in table.splitlines() if ln.startswith(("┃", "│"))]
    heads = [[c.strip() for c in ln.split("┃")[1:-1]] for ln in lines if ln.startswith("┃")]
    k = next(h.index(name) for h in heads if name in h)  # a long header wraps too
    cells: list[str] = []
    for ln in lines:
        if not ln.startswith("│"):
            continue
        parts = [c.strip() for c in ln.split("│")[1:-1]]
        if parts[0]:  # a new row starts where its first cell has text
            cells.append(parts[k])
        elif cells:
            cells[-1] += parts[k]
    return cells


def test_the_masked_url_still_names_the_page(state):
    port = state["site"].server.server_address[1]
    p = watcher("sources", "--config", str(state["cfg"]))
    urls = table_column(p.stdout, "url")  # a table wraps long cells over several lines: joined back
    assert any(u.startswith(f"http://{USER}:****@127.0.0.1:") and "token=****" in u for u in urls), p.stdout
    [alert] = [a for a in map(json.loads, watcher("alerts", "--json", "--config", str(state["cfg"])).stdout.splitlines())
               if a["kind"] == "estimate_changed"]
    assert alert["url"] == f"http://{USER}:****@127.0.0.1:{port}/budget?token=****&page=1"
    md = watcher("diff", "budget", "--format", "md", "--config", str(state["cfg"])).stdout
    assert f"<http://127.0.0.1:{port}/budget?token=****&page=1>" in md, md  # the final URL (aiohttp drops the user)


def test_an_error_message_quoting_the_origin_carries_no_credentials(state):
    rows = [json.loads(line) for line in watcher("alerts", "--json", "--config", str(state["cfg"])).stdout.splitlines()]
    [err] = [a for a in rows if a["source"] == "hidden"]
    # the origin politeness counts by (and keeps robots.txt files under) is the host, without the user
    assert "robots.txt of http://127.0.0.1:" in err["explanation"], err
    no_secret(json.dumps(err), "source_error alert")


def test_report_pages_and_the_database_hold_no_secret(state, tmp_path):
    out = tmp_path / "report"
    assert watcher("report", "--config", str(state["cfg"]), "--out", str(out)).returncode == 0
    for f in out.iterdir():
        no_secret(f.read_text("utf-8"), f.name)
    db = sqlite3.connect(state["cfg"].parent / "state" / "watcher.db")
    try:
        no_secret("\n".join(db.iterdump()), "database dump")
    finally:
        db.close()


def test_notifications_hold_no_secret(state):
    payloads = state["hook"].payloads
    assert payloads, "the alerts were sent"
    no_secret(json.dumps(payloads), "webhook payloads")
    assert any("alice:****@127.0.0.1" in p["message"] for p in payloads), payloads


def test_the_review_ui_shows_no_secret(state):
    with serving(state["cfg"]) as server:
        pages = ["/", "/alerts.html", "/source-budget.html", "/change-budget-v2.html", "/alerts.xml"]
        for path in pages:
            r = server.get(path)
            assert r.status_code == 200, (path, r.status_code)
            no_secret(r.text, path)


@pytest.mark.parametrize("url, field", [
    ("ftp://alice:s3cret-pw!42@e.org/file", "url"),
    ("http://alice:s3cret-pw!42@e.org:99999/a", "url"),
    ("http://alice:s3cret-pw!42@e.org/a b?token=tok-9f8e7d6c5b4a", "url"),
])
def test_config_errors_mask_the_url(tmp_path, run, url, field):
    cfg = tmp_path / "watcher.toml"
    cfg.write_text(f'[[sources]]\nid = "s"\nurl = "{url}"\n', encoding="utf-8")
    p = run("check", "--config", str(cfg))
    assert p.returncode == 2 and f"field {field!r}" in p.stderr, p.stderr
    no_secret(p.stdout + p.stderr, url)


def test_config_errors_mask_a_proxy_password(tmp_path, run):
    cfg = tmp_path / "watcher.toml"
    cfg.write_text('[defaults]\nproxy = "socks5://alice:s3cret-pw!42@proxy:1080"\n', encoding="utf-8")
    p = run("check", "--config", str(cfg))
    assert p.returncode == 2 and "proxy" in p.stderr, p.stderr
    no_secret(p.stderr, "proxy error")


def test_service_log_lines_mask_urls(capsys):
    """The service's formatter masks any URL a message or a traceback quotes."""
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    try:
        checklog.setup()
        try:
            raise ValueError(f"bad response from http://{USER}:{PASSWORD}@e.org/x?token={TOKEN}")
        except ValueError:
            logging.getLogger("watcher.check").exception("check of %s failed at http://%s:%s@e.org/",
                                                         "s", USER, PASSWORD)
    finally:
        root.handlers[:], level = saved
        root.setLevel(level)
    err = capsys.readouterr().err
    assert "check of s failed at http://alice:****@e.org/" in err and "ValueError" in err, err
    no_secret(err, "log")


@pytest.mark.parametrize("url, shown", [
    ("https://u:p@h.org/a", "https://u:****@h.org/a"),
    ("https://ghp_t0k3n@h.org/a", "https://****@h.org/a"),
    ("https://h.org/a?Token=x&page=2&X-Amz-Signature=abc&api-key=k&q=", "https://h.org/a?Token=****&page=2&X-Amz-Signature=****&api-key=****&q="),
    ("https://h.org/cb#access_token=abc&state=1", "https://h.org/cb#access_token=****&state=1"),
    ("https://h.org/a?page=2&sort=new", "https://h.org/a?page=2&sort=new"),
    ("https://h.org/a/b.html", "https://h.org/a/b.html"),
])
def test_mask_url(url, shown):
    from watcher.redact import mask_url  # here: the rest of the module runs against older code too

    assert mask_url(url) == shown
