"""The JSON API of `watcher serve` (/api/v1) over real HTTP: a `watcher serve` subprocess on a free
127.0.0.1 port, in front of a state made by real checks of local pages (tests/alert_state.py).

Each endpoint answers what the matching CLI command prints (alerts, diff, claims), filters and
pages alerts (no alert lost or repeated while checks add new ones), records reviews, and refuses
what it must: malformed ids (404/422, never 500), bodies not sent as JSON (415), cross-site
requests (403), requests without the token when one is set (401) — each as {"error": ...}.
"""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from . import sitegen as pages
from .conftest import alerts_json, watcher, write_config
from .test_serve import serving

pytestmark = pytest.mark.slow  # end-to-end: real processes, locks and timeouts (make test-fast leaves it out)

TOKEN = "api-test-token-0123456789abcdef"
JSON = {"Content-Type": "application/json"}


def _json_lines(*args: str) -> list[dict]:
    p = watcher(*args)
    assert p.returncode == 0, p.stderr
    return [json.loads(line) for line in p.stdout.splitlines() if line.strip()]


def _error(r: httpx.Response, status: int) -> str:
    assert r.status_code == status, (r.status_code, r.text)
    assert r.headers["content-type"].startswith("application/json"), r.headers
    return r.json()["error"]


def test_sources_versions_diff_and_claims_say_what_the_cli_says(alert_copy: Path):
    cfg = str(alert_copy)
    with serving(alert_copy) as srv:
        api = f"{srv.base}/api/v1"
        sources = {s["id"]: s for s in httpx.get(f"{api}/sources").json()}
        assert list(sources) == ["analysis", "county", "down"]
        down = sources["down"]["health"]
        assert down["state"] == "failing" and down["failures"] == 2 and "connect" in down["last_error"]
        analysis = sources["analysis"]
        assert analysis["health"]["state"] == "ok" and analysis["health"]["last_check"]
        assert analysis["latest_version"] == 3 and analysis["title"] == "Putin and Kim in Pyongyang"
        assert analysis["reviews"] == {"alerts": 2, "open": 2, "reviewed": 0, "confirmed": 0, "dismissed": 0,
                                       "not_a_claim": 0, "wrong_figure": 0}
        for sid, listed in sources.items():  # one source, read from its own rows, reads as it is listed
            assert httpx.get(f"{api}/sources/{sid}").json() == listed

        versions = httpx.get(f"{api}/sources/analysis/versions").json()
        assert [(v["number"], v["origin"], v["is_baseline"]) for v in versions] == \
            [(1, "seed", True), (2, "fetch", False), (3, "fetch", False)]
        assert all(v["text"] is None for v in versions)
        v3 = httpx.get(f"{api}/sources/analysis/versions/3", params={"text": "true"}).json()
        assert "11,000 containers" in v3["text"] and v3["words"] == len(v3["text"].split())

        p = watcher("diff", "analysis", "--format", "json", "--config", cfg)
        assert httpx.get(f"{api}/sources/analysis/diff").json() == json.loads(p.stdout)
        p = watcher("diff", "analysis", "2", "3", "--format", "json", "--ignored", "--config", cfg)
        assert httpx.get(f"{api}/sources/analysis/diff",
                         params={"from": 2, "to": 3, "ignored": "true"}).json() == json.loads(p.stdout)
        assert "no version 9" in _error(httpx.get(f"{api}/sources/analysis/diff", params={"to": 9}), 404)
        assert "no versions" in _error(httpx.get(f"{api}/sources/down/diff"), 404)

        claims = _json_lines("claims", "analysis", "--json", "--config", cfg)
        assert httpx.get(f"{api}/sources/analysis/claims").json() == claims
        changed = httpx.get(f"{api}/sources/analysis/claims", params={"changed": "true"}).json()
        assert changed == _json_lines("claims", "analysis", "--changed", "--json", "--config", cfg) and changed


@pytest.mark.parametrize("path", [
    "/sources/nosuch", "/sources/%2e%2e", "/sources/%2e%2e%2fetc", "/sources/Analysis", "/sources/analysis%0a",
    "/sources/analysis%00/versions", "/sources/a%0Ab/versions/3", "/sources/nosuch/diff", "/sources/analysis/versions/99",
    "/alerts/99999", "/rules/77", "/nothing-here",
])
def test_unknown_and_malformed_ids_are_404(path: str, request):
    srv = request.getfixturevalue("shared_server")
    assert _error(httpx.get(f"{srv.base}/api/v1{path}"), 404)


@pytest.mark.parametrize("path", [
    "/alerts/0", "/alerts/-1", "/alerts/abc", "/alerts/99999999999999999999999", "/alerts/9223372036854775808",
    "/sources/analysis/versions/x", "/sources/analysis/versions/99999999999999999999", "/rules/1e3",
])
def test_numbers_out_of_range_are_422(path: str, request):
    srv = request.getfixturevalue("shared_server")
    r = httpx.get(f"{srv.base}/api/v1{path}")
    assert "invalid request" in _error(r, 422) and r.json()["detail"]


@pytest.fixture(scope="module")
def shared_server(alert_state: Path, tmp_path_factory):
    """One read-only server for the tests that only ask questions (the state is never changed here)."""
    with serving(alert_state) as srv:
        yield srv


def test_alert_filters(alert_copy: Path):
    rows = alerts_json(alert_copy)
    with serving(alert_copy) as srv:
        api = f"{srv.base}/api/v1"

        def ids(**params) -> list[int]:
            r = httpx.get(f"{api}/alerts", params=params)
            assert r.status_code == 200, r.text
            return [a["id"] for a in r.json()["items"]]

        assert httpx.get(f"{api}/alerts").json()["items"] == rows  # the very lines of `watcher alerts --json`
        assert ids(source="analysis") == [a["id"] for a in rows if a["source"] == "analysis"]
        assert ids(kind=["claim_changed", "source_error"]) == \
            [a["id"] for a in rows if a["kind"] in ("claim_changed", "source_error")]
        assert ids(severity="high") == [a["id"] for a in rows if a["severity"] == "high"]
        assert ids(source="nosuch") == []
        newest = max(a["created_at"] for a in rows)
        assert ids(since=newest) == [a["id"] for a in rows if a["created_at"] >= newest]
        assert ids(since=newest.replace("+00:00", "Z")) == ids(since=newest)
        assert ids(since="2999-01-01T00:00:00Z") == []
        assert ids(reviewed="false") == [a["id"] for a in rows]

        target = next(a for a in rows if a["kind"] == "estimate_changed")
        r = httpx.post(f"{api}/alerts/{target['id']}/review", json={"verdict": "confirmed"})
        assert r.status_code == 200 and r.json()["alert"]["reviewed"] is True
        assert ids(reviewed="true") == [target["id"]] == ids(verdict="confirmed")
        assert target["id"] not in ids(reviewed="false")
        for bad in ({"kind": "estimate_change"}, {"severity": "urgent"}, {"since": "yesterday"}, {"since": "0.5"},
                    {"since": newest.replace("+00:00", "")},
                    {"reviewed": "maybe"}, {"limit": 0}, {"limit": 501}, {"order": "up"}, {"cursor": "x1"}):
            assert "invalid request" in _error(httpx.get(f"{api}/alerts", params=bad), 422), bad


def test_pages_walk_every_alert_once_in_both_orders(alert_copy: Path):
    every = [a["id"] for a in alerts_json(alert_copy)]
    with serving(alert_copy) as srv:
        api = f"{srv.base}/api/v1"
        for order, expected in (("asc", every), ("desc", every[::-1])):
            seen, cursor, pages_read = [], None, 0
            while True:
                params = {"limit": 1, "order": order} | ({"cursor": cursor} if cursor else {})
                page = httpx.get(f"{api}/alerts", params=params).json()
                seen += [a["id"] for a in page["items"]]
                cursor, pages_read = page["next_cursor"], pages_read + 1
                if not page["has_more"]:
                    break
            assert seen == expected and pages_read == len(expected)
        # a cursor keeps its order even if the next request says otherwise
        first = httpx.get(f"{api}/alerts", params={"limit": 2, "order": "desc"}).json()
        rest = httpx.get(f"{api}/alerts", params={"cursor": first["next_cursor"], "order": "asc"}).json()
        assert [a["id"] for a in first["items"] + rest["items"]] == every[::-1]


def test_no_alert_lost_or_repeated_while_new_ones_arrive(site, tmp_path: Path):
    """Page through the alerts two at a time while `watcher check` records new ones between pages."""
    title, article = pages.ARTICLES["measles_outbreak"]
    figures = ["64 cases", "41 cases", "11 patients", "18,000 additional", "3,200 shots", "2,000 people"]

    def publish(step: int) -> None:
        paras = list(article)
        for i, fig in enumerate(figures[:step]):
            n, rest = fig.split(" ", 1)
            paras = [p.replace(fig, f"{int(n.replace(',', '')) + 7 * (i + 1)} {rest}") for p in paras]
        site.put("/m", pages.news_page(title, paras))

    publish(0)
    cfg = write_config(tmp_path, [{"id": "m", "url": site.url("/m")}])
    for step in (0, 2):
        publish(step)
        assert watcher("check", "--config", str(cfg)).returncode == 0
    with serving(cfg) as srv:
        api = f"{srv.base}/api/v1"
        seen, cursor, step = [], None, 2
        while True:
            page = httpx.get(f"{api}/alerts", params={"limit": 2} | ({"cursor": cursor} if cursor else {})).json()
            seen += [a["id"] for a in page["items"]]
            cursor = page["next_cursor"]
            if step < len(figures):  # another figure changes: new alerts arrive between two pages
                step += 2
                publish(step)
                assert watcher("check", "--config", str(cfg)).returncode == 0
            elif not page["has_more"]:
                break
        final = [a["id"] for a in alerts_json(cfg)]
        assert len(final) >= 5, final
        assert seen == final  # each once, in order, those raised during the walk included
        # the last cursor stays usable: it yields exactly what arrives later
        publish(1)
        assert watcher("check", "--config", str(cfg)).returncode == 0
        later = httpx.get(f"{api}/alerts", params={"cursor": cursor}).json()["items"]
        assert [a["id"] for a in later] == [a["id"] for a in alerts_json(cfg)][len(final):] != []


def test_review_state_changes_and_their_refusals(alert_copy: Path):
    rows = alerts_json(alert_copy)
    claim = next(a for a in rows if a["kind"] == "estimate_changed")
    problem = next(a for a in rows if a["kind"] == "source_error")
    with serving(alert_copy) as srv:
        api = f"{srv.base}/api/v1"
        url = f"{api}/alerts/{claim['id']}/review"
        assert "Content-Type: application/json" in _error(httpx.post(url), 415)
        assert _error(httpx.post(url, content=b'{"verdict": "confirmed"}', headers={"Content-Type": "text/plain"}), 415)
        assert _error(httpx.post(url, data={"verdict": "confirmed"}), 415)  # a plain HTML form
        assert _error(httpx.patch(f"{api}/alerts/{claim['id']}", data={"reviewed": "true"}), 415)
        assert "cross-site" in _error(httpx.post(url, json={}, headers={"Origin": "http://evil.example"}), 403)
        assert "cross-site" in _error(httpx.post(url, json={}, headers={"Origin": "null"}), 403)
        assert _error(httpx.post(url, json={}, headers={"Sec-Fetch-Site": "cross-site"}), 403)
        assert _error(httpx.options(url, headers={"Origin": "http://evil.example",
                                                  "Access-Control-Request-Method": "POST"}), 403)
        assert not any(a["reviewed"] for a in alerts_json(alert_copy)), "a refused request changed nothing"

        assert _error(httpx.post(url, json={"verdict": "maybe"}), 422)
        assert _error(httpx.post(url, json={"verdict": "confirmed", "reviewed": False}), 422)  # unknown field
        assert "claim alerts" in _error(httpx.post(f"{api}/alerts/{problem['id']}/review",
                                                   json={"verdict": "not_a_claim"}), 409)
        assert _error(httpx.post(f"{api}/alerts/424242/review", json={}), 404)

        same_origin = {"Origin": srv.base, "Sec-Fetch-Site": "same-origin"}
        done = httpx.post(url, json={}, headers=same_origin).json()
        assert done["alert"]["reviewed"] is True and done["alert"]["verdict"] is None and done["rule"] is None
        assert httpx.get(f"{api}/alerts/{claim['id']}").json() == done["alert"]
        [cli] = [a for a in alerts_json(alert_copy) if a["id"] == claim["id"]]
        assert cli == done["alert"]
        done = httpx.post(url, json={"verdict": "not_a_claim"}).json()
        assert done["alert"]["verdict"] == "not_a_claim" and done["rule"]["alert_id"] == claim["id"]
        rule = done["rule"]
        assert httpx.get(f"{api}/rules/{rule['id']}").json() == rule
        changed = httpx.post(url, json={"verdict": "confirmed"}).json()  # a changed mind takes the rule away
        assert changed["rule"] is None and [r["id"] for r in changed["removed_rules"]] == [rule["id"]]
        assert httpx.get(f"{api}/rules").json() == []

        src = claim["source"]
        counted = httpx.get(f"{api}/sources/{src}").json()["reviews"]  # its own counts, not the list's
        assert counted["reviewed"] == counted["confirmed"] == 1 and counted["open"] == counted["alerts"] - 1
        assert counted == {s["id"]: s for s in httpx.get(f"{api}/sources").json()}[src]["reviews"]

        again = httpx.post(url, json={"verdict": "wrong_figure"}).json()["rule"]
        r = httpx.delete(f"{api}/rules/{again['id']}")
        assert r.status_code == 200 and r.json() == again
        assert _error(httpx.delete(f"{api}/rules/{again['id']}"), 404)
        assert httpx.get(f"{api}/alerts/{claim['id']}").json()["verdict"] == "wrong_figure", \
            "removing a rule keeps the verdict"
        reopened = httpx.patch(f"{api}/alerts/{claim['id']}", json={"reviewed": False}).json()["alert"]
        assert reopened["reviewed"] is False and reopened["verdict"] is None


def test_token_and_host_guard_the_api(alert_copy: Path):
    bearer = {"Authorization": f"Bearer {TOKEN}"}
    with serving(alert_copy, env={"WATCHER_SERVE_TOKEN": TOKEN}, ready=bearer) as srv:
        api = f"{srv.base}/api/v1"
        for path in ("/alerts", "/sources", "/openapi.json"):
            r = httpx.get(api + path, headers={"Accept": "text/html"})
            assert "authentication required" in _error(r, 401), path  # never the login page's redirect
            assert r.headers["www-authenticate"].startswith("Bearer")
            assert _error(httpx.get(api + path, headers={"Authorization": "Bearer wrong-token-wrong-token"}), 401)
            assert httpx.get(api + path, headers=bearer).status_code == 200
        assert _error(httpx.post(f"{api}/alerts/2/review", json={}), 401)
        assert httpx.post(f"{api}/alerts/2/review", json={}, headers=bearer).json()["alert"]["reviewed"] is True
        assert "Invalid host" in _error(httpx.get(f"{api}/alerts", headers={**bearer, "Host": "evil.example"}), 400)

        doc = httpx.get(f"{api}/openapi.json", headers=bearer).json()
        assert doc["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
        assert all(op.get("security") for ops in doc["paths"].values() for op in ops.values())


def test_the_openapi_document_is_generated_from_the_code(request):
    srv = request.getfixturevalue("shared_server")
    doc = httpx.get(f"{srv.base}/api/v1/openapi.json").json()
    assert doc["openapi"].startswith("3.") and doc["servers"] == [{"url": "/api/v1"}]
    assert set(doc["paths"]) == {
        "/sources", "/sources/{source_id}", "/sources/{source_id}/versions", "/sources/{source_id}/versions/{number}",
        "/sources/{source_id}/diff", "/sources/{source_id}/claims", "/alerts", "/alerts/{alert_id}",
        "/alerts/{alert_id}/review", "/rules", "/rules/{rule_id}"}
    assert set(doc["paths"]["/alerts/{alert_id}"]) == {"get", "patch"}
    alert = doc["components"]["schemas"]["Alert"]
    assert set(alert["properties"]["kind"]["enum"]) >= {"estimate_changed", "source_error"}
    assert "securitySchemes" not in doc.get("components", {}), "no token on this server: none is asked for"
    params = {p["name"]: p for p in doc["paths"]["/alerts"]["get"]["parameters"]}
    assert set(params) == {"source", "kind", "severity", "since", "reviewed", "verdict", "order", "limit", "cursor"}
    assert doc["paths"]["/alerts/{alert_id}/review"]["post"]["responses"]["415"]
