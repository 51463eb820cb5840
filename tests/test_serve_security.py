"""`watcher serve`'s security model over real HTTP: a real `watcher serve` subprocess per case.

Forged "mark reviewed" requests (no form token, another session's token, a foreign or ``null``
Origin, ``Sec-Fetch-Site`` cross-site/same-site) change nothing; DNS rebinding fails on every kind
of bind; a bind other machines can reach refuses to start without a token and then lets no request
through without it; malformed ids in any address are 404s, never a 500 or a traceback.
"""

from __future__ import annotations

import socket
from pathlib import Path

import httpx
import lxml.html
import pytest

from .conftest import alerts_json, watcher
from .test_serve import form_token, review, serving

pytestmark = pytest.mark.slow  # end-to-end: real processes, locks and timeouts (make test-fast leaves it out)

TOKEN = "correct-horse-battery-staple-42"


def _reviewed(cfg: Path) -> set[int]:
    return {a["id"] for a in alerts_json(cfg) if a["reviewed"]}


def _config_with_serve(base: Path, path: Path, serve: str) -> Path:
    """A copy of the config ``base`` (same state) at ``path``, with a ``[serve]`` table."""
    text = base.read_text(encoding="utf-8").replace('state_dir = "state"', f'state_dir = "{base.parent / "state"}"')
    path.write_text(text + "\n[serve]\n" + serve + "\n", encoding="utf-8")
    return path


def _ipv6_loopback() -> bool:
    try:
        with socket.socket(socket.AF_INET6) as s:
            s.bind(("::1", 0))
        return True
    except OSError:
        return False


def test_review_needs_the_sessions_form_token(alert_copy: Path):
    aid = alerts_json(alert_copy)[0]["id"]
    with serving(alert_copy) as srv:
        me, other = srv.session(), srv.session()
        pages = ["/", "/alerts.html", "/source-analysis.html", "/change-analysis-v3.html"]
        tokens = {p: form_token(me.get(p).text) for p in pages if me.get(p).text.count('method="post"')}
        assert len(tokens) >= 2 and len(set(tokens.values())) == 1, f"one token per session on every page: {tokens}"
        mine = next(iter(tokens.values()))
        theirs = form_token(other.get("/alerts.html").text)
        assert theirs != mine, "each session has its own token"

        no_token = me.post(f"/alerts/{aid}/review", data={"reviewed": "1", "next": "alerts.html"})
        assert no_token.status_code == 403 and "reload the page" in no_token.text
        assert review(me, aid, token="x" * 43).status_code == 403
        assert review(me, aid, token=theirs).status_code == 403, "another session's token"
        assert review(srv.session(), aid, token=mine).status_code == 403, "a token without its session cookie"
        assert _reviewed(alert_copy) == set()

        # curl: no Origin, no Sec-Fetch-Site, but the session cookie and its token: allowed
        ok = review(me, aid, token=mine)
        assert ok.status_code == 303 and ok.headers["location"] == "/alerts.html"
    assert _reviewed(alert_copy) == {aid}


def test_cross_site_posts_are_refused_even_with_a_valid_token(alert_copy: Path):
    aid = alerts_json(alert_copy)[0]["id"]
    with serving(alert_copy) as srv:
        me = srv.session()
        token = form_token(me.get("/alerts.html").text, required=False)
        other_port = f"http://127.0.0.1:{srv.port + 1 if srv.port < 65535 else 1}"
        forged = [
            {"Origin": "null"},  # a sandboxed iframe, a file:// page, a data: URL
            {"Origin": "null", "Sec-Fetch-Site": "cross-site"},
            {"Origin": "http://evil.example"},
            {"Origin": other_port},  # another server on this machine
            {"Origin": srv.base.replace("http://", "https://")},
            {"Origin": f"http://localhost:{srv.port}"},  # not the origin the page was loaded from
            {"Origin": "garbage"},
            {"Sec-Fetch-Site": "cross-site"},  # no Origin at all
            {"Sec-Fetch-Site": "same-site"},  # another port of this host is "same-site"
            {"Sec-Fetch-Site": "same-site", "Origin": other_port},
            {"Sec-Fetch-Site": "cross-site", "Origin": srv.base},
        ]
        for headers in forged:
            r = review(me, aid, token=token, headers=headers)
            assert r.status_code == 403, (headers, r.status_code, r.text)
            assert "cross-site request refused" in r.text
        assert _reviewed(alert_copy) == set()

        r = review(me, aid, token=token, headers={"Origin": srv.base, "Sec-Fetch-Site": "same-origin"})
        assert r.status_code == 303
    assert _reviewed(alert_copy) == {aid}


def test_every_response_forbids_framing_and_caching(alert_state: Path):
    with serving(alert_state) as srv:
        for path in ("/", "/alerts.html", "/change-analysis-v3.html", "/alerts.xml", "/nosuch"):
            r = srv.get(path)
            assert r.headers["x-frame-options"] == "DENY", path
            assert "frame-ancestors 'none'" in r.headers["content-security-policy"], path
            assert r.headers["cache-control"] == "no-store", path
        assert srv.get("/", headers={"Host": "evil.example"}).headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize("bind", ["::1", "127.0.0.2"])
def test_dns_rebinding_fails_on_other_loopback_binds(alert_state: Path, bind: str):
    if bind == "::1" and not _ipv6_loopback():
        pytest.skip("no IPv6 loopback on this machine")
    with serving(alert_state, args=("--host", bind)) as srv:
        p = srv.port
        own = f"[{bind}]" if ":" in bind else bind
        for host in (f"{own}:{p}", own, f"localhost:{p}", "localhost", f"127.0.0.1:{p}", f"[::1]:{p}"):
            assert srv.get("/", headers={"Host": host}).status_code == 200, host
        for host in (f"evil.example:{p}", "evil.example", f"{own}:{p + 1}", f"localhost.evil.example:{p}",
                     f"127.0.0.1.nip.io:{p}", f"{own}@evil.example", ""):
            r = srv.get("/", headers={"Host": host})
            assert r.status_code == 400 and "Putin" not in r.text, host
        assert "loopback only" in srv.banner and "no login" in srv.banner


def test_wildcard_bind_answers_only_the_configured_names(alert_state: Path):
    bearer = {"Authorization": f"Bearer {TOKEN}"}
    with serving(alert_state, args=("--host", "0.0.0.0", "--allow-host", "watcher.test",
                                    "--allow-host", "review.test:8443"),
                 env={"WATCHER_SERVE_TOKEN": TOKEN}, ready={"Host": "watcher.test", **bearer}) as srv:
        p = srv.port
        assert "exposed beyond this machine" in srv.banner and "authenticated" in srv.banner
        for host in (f"watcher.test:{p}", "watcher.test", "WATCHER.TEST", "review.test:8443"):
            assert srv.get("/", headers={"Host": host, **bearer}).status_code == 200, host
        for host in (f"127.0.0.1:{p}", "localhost", f"0.0.0.0:{p}", f"evil.example:{p}", "review.test",
                     f"review.test:{p}", f"watcher.test:{p + 1}"):
            assert srv.get("/", headers={"Host": host, **bearer}).status_code == 400, host


def test_refused_starts_are_one_line_usage_errors(alert_state: Path, tmp_path: Path, monkeypatch):
    monkeypatch.delenv("WATCHER_SERVE_TOKEN", raising=False)

    def start(*args: str, cfg: Path = alert_state) -> str:
        p = watcher("serve", "--config", str(cfg), "--port", "0", *args, timeout=30)
        assert p.returncode == 2 and p.stdout == "", (p.returncode, p.stdout, p.stderr)
        assert "Traceback" not in p.stderr and len(p.stderr.strip().splitlines()) == 1, p.stderr
        return p.stderr

    err = start("--host", "0.0.0.0", "--allow-host", "watcher.test")
    assert "needs a token" in err and "WATCHER_SERVE_TOKEN" in err
    err = start("--host", "0.0.0.0")
    assert "listens on every interface" in err and "--allow-host" in err
    err = start("--allow-host", "http://evil.example/")
    assert "'http://evil.example/' is not a host name" in err

    short = _config_with_serve(alert_state, tmp_path / "short.toml", 'token = "hunter2"')
    err = start(cfg=short)
    assert str(short) in err and "serve.token" in err and "at least 16 characters" in err
    bad_host = _config_with_serve(alert_state, tmp_path / "badhost.toml", 'allow_hosts = ["a b"]')
    err = start(cfg=bad_host)
    assert str(bad_host) in err and "serve.allow_hosts" in err
    unknown = _config_with_serve(alert_state, tmp_path / "unknown.toml", 'tokn = "x"')
    assert "unknown key 'serve.tokn'" in start(cfg=unknown)

    monkeypatch.setenv("WATCHER_SERVE_TOKEN", "short")
    assert start().startswith("watcher: $WATCHER_SERVE_TOKEN: the token must be at least 16 characters")


def test_exposed_bind_lets_nothing_through_without_the_token(alert_copy: Path):
    aid = alerts_json(alert_copy)[0]["id"]
    bearer = {"Authorization": f"Bearer {TOKEN}"}
    with serving(alert_copy, args=("--host", "0.0.0.0", "--allow-host", "127.0.0.1"),
                 env={"WATCHER_SERVE_TOKEN": TOKEN}, ready=bearer) as srv:
        assert "exposed beyond this machine" in srv.banner and "token from $WATCHER_SERVE_TOKEN" in srv.banner
        html = {"Accept": "text/html"}
        for path in ("/", "/alerts.html", "/change-analysis-v3.html", "/source-analysis.html", "/alerts.xml"):
            anon = srv.get(path)
            assert anon.status_code == 401 and anon.headers["www-authenticate"].startswith("Bearer"), path
            assert "Putin" not in anon.text
            assert srv.get(path, headers={"Authorization": "Bearer wrong-token-wrong-token"}).status_code == 401
            assert srv.get(path, headers={"Authorization": f"Basic {TOKEN}"}).status_code == 401
            assert srv.get(path, headers=bearer).status_code == 200, path
        page = srv.get("/change-analysis-v3.html", headers=html)
        assert page.status_code == 303 and page.headers["location"] == "/login?next=change-analysis-v3.html"
        assert srv.post(f"/alerts/{aid}/review", {"reviewed": "1"}).status_code == 401
        assert _reviewed(alert_copy) == set()

        # a script: the Bearer header authenticates, and a browser never sends one by itself, so no form token
        r = srv.post(f"/alerts/{aid}/review", {"reviewed": "1"}, headers=bearer)
        assert r.status_code == 303
        assert _reviewed(alert_copy) == {aid}
        # ...but it is still refused from another origin
        assert srv.post(f"/alerts/{aid}/review", {"reviewed": "0"}, headers={**bearer, "Origin": "null"}).status_code == 403

        # a person: the login form sets the session cookie
        me = srv.session(headers=html)
        login = me.get("/change-analysis-v3.html", follow_redirects=True)
        assert login.url.path == "/login" and login.status_code == 200
        form = lxml.html.fromstring(login.text).xpath("//form[@action='login']")[0]
        fields = {i.get("name"): i.get("value") or "" for i in form.xpath(".//input")}
        assert set(fields) == {"csrf_token", "next", "token"} and fields["next"] == "change-analysis-v3.html"
        before = dict(me.cookies)  # the session of the login page, before logging in
        wrong = me.post("/login", data={**fields, "token": "not-the-token-at-all"})
        assert wrong.status_code == 401 and "not the access token" in wrong.text
        assert me.get("/alerts.html").status_code == 303
        assert me.post("/login", data={**fields, "token": TOKEN, "csrf_token": "forged"}).status_code == 403
        ok = me.post("/login", data={**fields, "token": TOKEN})
        assert ok.status_code == 303 and ok.headers["location"] == "/change-analysis-v3.html"
        assert srv.session(cookies=before, headers=html).get("/alerts.html").status_code == 303, \
            "logging in makes a new session: the cookie from before stays logged out (no session fixation)"
        queue = me.get("/alerts.html", params={"status": "all"})
        assert queue.status_code == 200 and "Log out" in queue.text
        assert review(me, aid, reviewed="0").status_code == 303
        assert _reviewed(alert_copy) == set()
        assert review(me, aid, token="forged").status_code == 403, "a logged-in session still needs its form token"

        assert me.post("/logout", data={"csrf_token": form_token(queue.text)}).status_code == 303
        assert me.get("/alerts.html").status_code == 303, "logged out"


def test_a_configured_token_protects_a_loopback_bind_too(alert_state: Path, tmp_path: Path):
    cfg = _config_with_serve(alert_state, tmp_path / "token.toml", f'token = "{TOKEN}"')
    with serving(cfg, ready={"Authorization": f"Bearer {TOKEN}"}) as srv:
        assert "loopback only" in srv.banner and f"[serve] token in {cfg}" in srv.banner
        assert srv.get("/").status_code == 401
        assert srv.get("/", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
    with serving(alert_state) as srv:
        assert srv.get("/").status_code == 200, "no token configured: loopback stays open"


_MALFORMED_POSTS = ["/alerts/99999999999999999999999/review", "/alerts/9223372036854775808/review",
                    "/alerts/-1/review", "/alerts/abc/review", "/alerts/1.5/review", "/alerts/1e3/review",
                    "/alerts/%2e%2e/review", "/alerts/%00/review", "/alerts/0/review", "/alerts/%EF%BC%91/review"]
_MALFORMED_GETS = ["/change-analysis-v99999999999999999999.html", "/change-analysis-v9223372036854775808.html",
                   "/change-analysis-v-3.html", "/change-analysis-vabc.html", "/change-analysis-v3.5.html",
                   "/change-..%2F..%2Fetc-v1.html", "/source-..%2F..%2Fetc%2Fpasswd.html", "/source-%2e%2e.html",
                   "/source-" + "a" * 5000 + ".html", "/source-%00.html", "/source-ANALYSIS.html",
                   "/source-analysis%0A.html", "/change-analysis%0A-v3.html", "/source-%E2%80%AEx.html",
                   "/source-%ff%fe.html", "/alerts/1/review"]


def test_malformed_ids_are_404s_never_a_500_or_a_traceback(alert_state: Path):
    with serving(alert_state) as srv:
        me = srv.session()
        token = form_token(me.get("/alerts.html").text, required=False)
        for path in _MALFORMED_POSTS:
            r = me.post(path, data={"reviewed": "1", "csrf_token": token})
            assert r.status_code == 404, (path, r.status_code, r.text[:300])
            assert "Traceback" not in r.text and "Error" not in r.text
        for path in _MALFORMED_GETS:
            r = me.get(path)
            assert r.status_code in (404, 405), (path, r.status_code, r.text[:300])
            assert "Traceback" not in r.text and "Error" not in r.text
        assert me.get("/change-analysis-v3.html").status_code == 200 and me.get("/source-analysis.html").status_code == 200
    assert "Traceback" not in srv.proc.stderr.read()
    assert _reviewed(alert_state) == set()


def test_the_form_token_survives_only_its_server(alert_copy: Path):
    """Without a token the session key is random per process: a form from before a restart is refused
    with a message saying to reload, and the reloaded page works."""
    aid = alerts_json(alert_copy)[0]["id"]
    with serving(alert_copy) as srv:
        jar = srv.session()
        stale = form_token(jar.get("/alerts.html").text)
        cookies = dict(jar.cookies)
    with serving(alert_copy) as srv:
        me = httpx.Client(base_url=srv.base, cookies={f"watcher_session_{srv.port}": v for v in cookies.values()},
                          timeout=10)
        r = review(me, aid, token=stale)
        assert r.status_code == 403 and "reload the page" in r.text
        assert review(me, aid).status_code == 303
    assert _reviewed(alert_copy) == {aid}
