"""The access rules of `watcher serve` as functions and as an app (Starlette's TestClient): which
Host names a bind answers to, what counts as cross-site, where the token comes from, and that the
session cookie and the login's ``next`` cannot be forged into access or an open redirect.

Over real HTTP against a real `watcher serve`: tests/test_serve_security.py.
"""

from __future__ import annotations

import base64
import json
import warnings
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from starlette.datastructures import Headers

from watcher.config import ConfigError, load
from watcher.report import security, web
from watcher.report.hosts import allow_list, parse_host
from watcher.store import Store

with warnings.catch_warnings():  # starlette >= 1.x suggests httpx2 for its test client; httpx still works
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

TOKEN = "correct-horse-battery-staple-42"
PORT = 8765


@pytest.mark.parametrize(("value", "parsed"), [
    ("127.0.0.1:8765", ("127.0.0.1", 8765)), ("LocalHost", ("localhost", None)), ("[::1]:8765", ("::1", 8765)),
    ("[::1]", ("::1", None)), ("::1", ("::1", None)), ("[0:0::1]", ("::1", None)), ("w.example:443", ("w.example", 443)),
    ("", None), ("evil.example@127.0.0.1", None), ("127.0.0.1:0", None), ("127.0.0.1:65536", None),
    ("127.0.0.1:", None), ("127.0.0.1:80x", None), ("[::1]x", None), ("[127.0.0.1]", None), ("a b", None),
    ("host/path", None), ("-lead", None), ("ünïcode.example", None), ("[::1", None), ("x:y", None),
])
def test_parse_host(value: str, parsed):
    assert parse_host(value) == parsed


@pytest.mark.parametrize(("bind", "bound", "expected"), [
    ("127.0.0.1", "127.0.0.1", {"127.0.0.1", "localhost", "::1"}),
    ("localhost", "127.0.0.1", {"127.0.0.1", "localhost", "::1"}),
    ("::1", "::1", {"127.0.0.1", "localhost", "::1"}),
    ("[::1]", "::1", {"127.0.0.1", "localhost", "::1"}),
    ("127.0.0.2", "127.0.0.2", {"127.0.0.1", "localhost", "::1", "127.0.0.2"}),
    ("192.0.2.10", "192.0.2.10", {"192.0.2.10"}),  # a LAN address: itself, not the loopback names
    ("watcher.lan", "192.0.2.10", {"192.0.2.10", "watcher.lan"}),
])
def test_the_allow_list_derived_from_the_bind(bind: str, bound: str, expected: set[str]):
    hosts = allow_list(bind, bound, PORT)
    assert hosts.names == expected
    for name in expected:
        shown = f"[{name}]" if ":" in name else name
        assert hosts.allows(shown) and hosts.allows(f"{shown}:{PORT}"), name
        assert not hosts.allows(f"{shown}:{PORT + 1}"), "another port is another server"


def test_a_wildcard_bind_answers_only_configured_names():
    with pytest.raises(ValueError, match="--allow-host"):
        allow_list("0.0.0.0", "0.0.0.0", PORT)
    hosts = allow_list("::", "::", PORT, ["w.example", "proxy.example:443"])
    assert hosts.allows("w.example") and hosts.allows(f"w.example:{PORT}") and hosts.allows("proxy.example:443")
    for host in ("localhost", "127.0.0.1", f"[::]:{PORT}", "0.0.0.0", "proxy.example", f"proxy.example:{PORT}"):
        assert not hosts.allows(host), host


_LABEL = st.from_regex(r"\A[a-z0-9](?:[a-z0-9-]{0,20}[a-z0-9])?\Z")


@given(labels=st.lists(_LABEL, min_size=1, max_size=4), port=st.one_of(st.none(), st.integers(1, 65535)))
def test_no_other_name_is_ever_answered(labels: list[str], port: int | None):
    """DNS rebinding sends the attacker's name: whatever it is, a loopback bind refuses it."""
    name = ".".join(labels)
    hosts = allow_list("127.0.0.1", "127.0.0.1", PORT, ["w.example"])
    header = name if port is None else f"{name}:{port}"
    assert hosts.allows(header) == (name in {"localhost", "w.example"} and port in (None, PORT))


@pytest.mark.parametrize(("headers", "refused"), [
    ({}, False),  # curl: nothing says it is foreign; the form token decides
    ({"Origin": "http://127.0.0.1:8765"}, False),
    ({"Origin": "http://127.0.0.1:8765", "Sec-Fetch-Site": "same-origin"}, False),
    ({"Sec-Fetch-Site": "none"}, False),  # typed or bookmarked by the user
    ({"Origin": "HTTP://127.0.0.1:8765"}, False),
    ({"Origin": "null"}, True), ({"Origin": " NULL "}, True),
    ({"Origin": "http://127.0.0.1:8766"}, True), ({"Origin": "http://127.0.0.1"}, True),
    ({"Origin": "https://127.0.0.1:8765"}, True), ({"Origin": "http://localhost:8765"}, True),
    ({"Origin": "file://"}, True), ({"Origin": "http://127.0.0.1:99999"}, True),
    ({"Sec-Fetch-Site": "cross-site"}, True), ({"Sec-Fetch-Site": "same-site"}, True),
    ({"Sec-Fetch-Site": "cross-site", "Origin": "http://127.0.0.1:8765"}, True),
])
def test_what_counts_as_cross_site(headers: dict[str, str], refused: bool):
    assert (security.cross_site(Headers(headers), "http://127.0.0.1:8765") is not None) == refused


def test_the_token_comes_from_the_environment_first(alert_state: Path, tmp_path: Path):
    cfg = load(alert_state)
    assert security.access_for(cfg, "127.0.0.1", "127.0.0.1", PORT, env={}).token is None
    with pytest.raises(security.AccessError, match="needs a token"):
        security.access_for(cfg, "0.0.0.0", "0.0.0.0", PORT, ["w.example"], env={})
    exposed = security.access_for(cfg, "0.0.0.0", "0.0.0.0", PORT, ["w.example"], env={security.TOKEN_ENV: f" {TOKEN}\n"})
    assert exposed.token == TOKEN and exposed.exposed and "exposed beyond this machine" in exposed.describe()

    text = alert_state.read_text(encoding="utf-8").replace('state_dir = "state"', f'state_dir = "{alert_state.parent / "state"}"')
    with_token = tmp_path / "w.toml"
    with_token.write_text(text + f'\n[serve]\ntoken = "{"c" * 20}"\nallow_hosts = ["w.example"]\n', encoding="utf-8")
    cfg = load(with_token)
    own = security.access_for(cfg, "127.0.0.1", "127.0.0.1", PORT, env={})
    assert own.token == "c" * 20 and "w.example" in own.hosts.names and str(with_token) in own.token_from
    assert security.access_for(cfg, "127.0.0.1", "127.0.0.1", PORT, env={security.TOKEN_ENV: TOKEN}).token == TOKEN
    with_token.write_text(text + '\n[serve]\nallow_hosts = ["w.example/x"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="serve.allow_hosts"):
        security.access_for(load(with_token), "127.0.0.1", "127.0.0.1", PORT, env={})


@pytest.fixture
def client(alert_state: Path):
    cfg = load(alert_state)
    access = security.access_for(cfg, "0.0.0.0", "0.0.0.0", PORT, ["127.0.0.1"], env={security.TOKEN_ENV: TOKEN})
    store = Store(cfg.database_url)
    with TestClient(web.create_app(cfg, store, access), base_url=f"http://127.0.0.1:{PORT}",
                    follow_redirects=False) as c:
        yield c
    store.close()


def _login(client: TestClient, nxt: str) -> str:
    page = client.get("/login", params={"next": nxt})
    token = page.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    r = client.post("/login", data={"csrf_token": token, "next": nxt, "token": TOKEN})
    assert r.status_code == 303
    return r.headers["location"]


@pytest.mark.parametrize("nxt", ["//evil.example/", "https://evil.example/", "/\\evil.example", "alerts.html\n",
                                 "javascript:alert(1)", "../../etc/passwd"])
def test_login_never_redirects_off_the_site(client: TestClient, nxt: str):
    assert _login(client, nxt) == "/"


def test_login_returns_to_the_page_asked_for(client: TestClient):
    assert _login(client, "alerts.html?source=analysis&status=all") == "/alerts.html?source=analysis&status=all"


def test_a_forged_session_cookie_is_not_a_login(client: TestClient):
    name = f"watcher_session_{PORT}"

    def status_with(cookie: str) -> int:
        client.cookies.clear()
        client.cookies.set(name, cookie)
        return client.get("/alerts.html").status_code

    forged = base64.b64encode(json.dumps({"auth": True}).encode()).decode()
    assert status_with(forged) == 401
    assert status_with(forged + ".aaaaaa.bbbbbbbbbbbbbbbbbbbbbbbbbbb") == 401
    client.cookies.clear()
    _login(client, "alerts.html")
    real = client.cookies[name]
    payload, stamp, sig = real.rsplit(".", 2)
    data = json.loads(base64.b64decode(payload))
    assert data["auth"] is True
    other = base64.b64encode(json.dumps({**data, "csrf": "x" * 43}).encode()).decode()
    assert status_with(f"{other}.{stamp}.{sig}") == 401, "a changed payload breaks the signature"
    assert status_with(real) == 200
