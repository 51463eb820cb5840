"""The routes of the JSON API (``/api/v1``): sources with their health, versions, diffs, tracked
claims, alerts a page at a time, reviews with verdicts, and the rules verdicts made.

Built as a FastAPI app mounted inside ``watcher serve``'s Starlette app, so the review UI's guard
(:class:`watcher.report.security.Guard`: Host allow-list, token, same-origin check) stands in front
of both. What the API adds for state changes: a body must be sent as ``application/json``. A
browser sends that content type cross-origin only after a CORS preflight, which this server never
answers, so a page on another site cannot post to it even where no token is set (loopback) —
the JSON counterpart of the UI's form token. ``DELETE`` has no body and needs no such rule: a
browser preflights every cross-origin ``DELETE``.

Handlers are plain functions (FastAPI runs them in its thread pool; the store is thread-safe).
Every id in a path is checked before the store sees it: an unknown or malformed source id is a
404, a number out of the 64-bit range a 422 — never a 500. Errors are ``{"error": "..."}``.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.security import HTTPBearer
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from .. import __version__
from ..alerts import feedback
from ..alerts.record import to_json, tracked_claims
from ..config import Config
from ..config.keys import ID_RE
from ..report import diff as diffs
from ..report.security import Access
from ..report.sources import health
from ..store import ReviewCounts, Store, Version
from ..store.paging import AlertQuery, alerts_page
from ..timefmt import iso
from . import cursor as cursors
from . import models as m

MAX_ID = 2**63 - 1  # the largest id the store's integer columns hold
Id = Annotated[int, Path(ge=1, le=MAX_ID)]
SourceId = Annotated[str, Path(description="a source id ([a-z0-9_-]+); unknown ones are a 404")]
Responses = dict[int | str, dict[str, Any]]
_ERR: dict[str, Any] = {"model": m.Error}
READ: Responses = {404: {**_ERR, "description": "no such resource"}, 422: {**_ERR, "description": "invalid request"}}
WRITE: Responses = {**READ, 400: {**_ERR, "description": "the body is not valid JSON"}, 409: {**_ERR, "description": "a verdict on an alert that is not a claim alert"},
         415: {**_ERR, "description": "the body is not sent as application/json"}}
GUARDED: Responses = {401: {**_ERR, "description": "no valid token (servers with a token)"},
           403: {**_ERR, "description": "a cross-site request"}}


def _json_body(request: Request) -> None:
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype != "application/json":
        raise HTTPException(415, "send the body as JSON with Content-Type: application/json (e.g. {})")


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    headers = dict(exc.headers or {})
    if exc.status_code == 405:  # every method of the path, not only those of the route that matched first
        methods = {meth for route in request.app.router.routes
                   if route.matches(request.scope)[0] == Match.PARTIAL for meth in getattr(route, "methods", ())}
        headers["Allow"] = ", ".join(sorted(methods))
    return JSONResponse({"error": str(exc.detail)}, status_code=exc.status_code, headers=headers)


async def _invalid(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    detail = [{"loc": [str(x) for x in e.get("loc", ())], "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
              for e in exc.errors()]
    text = "; ".join(f"{'.'.join(d['loc'])}: {d['msg']}" for d in detail)
    return JSONResponse({"error": f"invalid request: {text}", "detail": detail}, status_code=422)


def _version(v: Version, text: bool) -> m.Version:
    return m.Version(number=v.number, created_at=iso(v.created_at) or "", origin=v.origin, is_baseline=v.is_baseline,
                     content_hash=v.content_hash, title=v.title, url=v.url, paragraphs=len(v.paragraphs),
                     words=len(v.text.split()), ignored=len(v.ignored), text=v.text if text else None)


def _since(value: datetime | None) -> float | None:
    return None if value is None else value.timestamp()


def create_api(cfg: Config, store: Store, access: Access) -> FastAPI:
    """The API app for one server (its OpenAPI document says a Bearer token is needed when ``access`` has one)."""
    security = [Depends(HTTPBearer(auto_error=False, description="the serve token ([serve] token or "
                                                                 "$WATCHER_SERVE_TOKEN)"))] if access.token else []
    app = FastAPI(title="watcher", version=__version__, docs_url=None, redoc_url=None, dependencies=security,
                  redirect_slashes=False,
                  responses=GUARDED if access.token else {403: GUARDED[403]},
                  description="Sources, versions, diffs, claims and alerts of a watcher state, and the reviews "
                              "that teach it. See the README section 'JSON API'.")
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid)
    configured = {s.id: s for s in cfg.sources}

    def known(source_id: str) -> str:
        if ID_RE.fullmatch(source_id) and (source_id in configured or store.source_state(source_id) is not None):
            return source_id
        raise HTTPException(404, f"no source {source_id[:100]!r}")

    def alert_or_404(alert_id: int) -> m.Alert:
        a = store.alert(alert_id)
        if a is None:
            raise HTTPException(404, f"no alert {alert_id}")
        return m.Alert.model_validate(to_json(a))

    def rule_or_404(rule_id: int) -> m.Rule:
        r = feedback.rule(store, rule_id)
        if r is None:
            raise HTTPException(404, f"no rule {rule_id}")
        return m.Rule.model_validate(feedback.rule_json(r))

    def sources(only: str | None = None) -> list[m.Source]:
        """Every source, or the ``only`` one — read from its own rows, not from every source's (at
        10,000 sources one source took 0.23 s when it was picked out of the whole list)."""
        if only is None:
            states, counts = store.source_states(), feedback.review_counts(store)
            with store.transaction() as c:
                latest = {sid: meta.latest for sid, meta in store.pass_meta(c).items()}
            ids = list(configured) + sorted(set(states) - set(configured))
        else:
            row = store.source_state(only)
            states, counts = ({only: row} if row else {}), feedback.review_counts(store, only)
            with store.transaction() as c:
                latest = {only: store.latest_number(c, only)}
            ids = [only]
        out = []
        for sid in ids:
            s, st = configured.get(sid), states.get(sid)
            state, text = health(st)
            n = counts.get(sid) or ReviewCounts()
            out.append(m.Source(
                id=sid, title=(s.title if s else None) or (st.title if st else None) or sid,
                url=s.url if s else (st.url if st else ""), configured=s is not None,
                interval=s.interval if s else None, latest_version=latest.get(sid),
                health=m.Health(state=state, text=text, last_check=iso(st.last_check) if st else None,
                                last_ok=iso(st.last_ok) if st else None,
                                last_change=iso(st.last_change) if st else None,
                                last_outcome=st.last_outcome if st else None, failures=st.failures if st else 0,
                                last_error=st.last_error if st else None, next_check=iso(st.next_due) if st else None),
                reviews=m.Reviews(alerts=n.alerts, open=n.alerts - n.reviewed, reviewed=n.reviewed,
                                  confirmed=n.confirmed, dismissed=n.dismissed, not_a_claim=n.not_a_claim,
                                  wrong_figure=n.wrong_figure)))
        return out

    @app.get("/sources", tags=["sources"], summary="Every source with its health and review counts")
    def list_sources() -> list[m.Source]:
        return sources()

    @app.get("/sources/{source_id}", tags=["sources"], responses=READ, summary="One source")
    def get_source(source_id: SourceId) -> m.Source:
        return sources(known(source_id))[0]

    @app.get("/sources/{source_id}/versions", tags=["sources"], responses=READ, summary="Stored versions, oldest first")
    def list_versions(source_id: SourceId,
                      text: Annotated[bool, Query(description="include each version's text")] = False
                      ) -> list[m.Version]:
        return [_version(v, text) for v in store.versions(known(source_id))]

    @app.get("/sources/{source_id}/versions/{number}", tags=["sources"], responses=READ, summary="One version")
    def get_version(source_id: SourceId, number: Id,
                    text: Annotated[bool, Query(description="include the text")] = False) -> m.Version:
        v = store.version(known(source_id), number)
        if v is None:
            raise HTTPException(404, f"{source_id} has no version {number}")
        return _version(v, text)

    @app.get("/sources/{source_id}/diff", tags=["sources"], responses=READ, response_model_exclude_unset=True,
             summary="The JSON form of `watcher diff` (default: baseline → latest)")
    def get_diff(source_id: SourceId,
                 from_: Annotated[int | None, Query(alias="from", ge=1, le=MAX_ID, description="default: the baseline")] = None,
                 to: Annotated[int | None, Query(ge=1, le=MAX_ID, description="default: the latest version")] = None,
                 ignored: Annotated[bool, Query(description="also the blocks left out as boilerplate")] = False
                 ) -> m.Diff:
        vs = store.versions(known(source_id))
        if not vs:
            raise HTTPException(404, f"no versions of {source_id} yet")
        old, new = diffs.endpoints(vs, from_, to)
        if old is None or new is None:
            raise HTTPException(404, f"{source_id} has no version {from_ if old is None else to}")
        return m.Diff.model_validate(diffs.to_json(diffs.build(source_id, old, new, ignored)))

    @app.get("/sources/{source_id}/claims", tags=["sources"], responses=READ,
             summary="Tracked claims, as `watcher claims --json`")
    def list_claims(source_id: SourceId,
                    changed: Annotated[bool, Query(description="only claims that changed")] = False
                    ) -> list[m.TrackedClaim]:
        rows = tracked_claims(store, known(source_id))
        return [m.TrackedClaim.model_validate(asdict(t)) for t in rows
                if not changed or t.history or t.status != "unchanged"]

    @app.get("/alerts", tags=["alerts"], responses=READ, summary="Alerts, a page at a time, in id order")
    def list_alerts(
        source: Annotated[str | None, Query(description="only this source")] = None,
        kind: Annotated[list[m.Kind] | None, Query(description="only these kinds (repeatable)")] = None,
        severity: Annotated[m.Severity | None, Query()] = None,
        since: Annotated[m.Instant | None, Query(description="raised at or after this RFC 3339 time "
                                                             "(e.g. 2026-11-25T16:10:00Z)")] = None,
        reviewed: Annotated[bool | None, Query()] = None,
        verdict: Annotated[m.Verdict | None, Query()] = None,
        order: Annotated[str, Query(pattern="^(asc|desc)$", description="by id; a cursor keeps its own")] = "asc",
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
        cursor: Annotated[str | None, Query(pattern=cursors.PATTERN, description="next_cursor of the page before")]
        = None,
    ) -> m.AlertPage:
        pos = cursors.decode(cursor) if cursor else cursors.Cursor(descending=order == "desc", after=0)
        q = AlertQuery(source=source, kinds=tuple(kind or ()), severity=severity, since=_since(since),
                       reviewed=reviewed, verdict=verdict)
        with store.transaction() as c:
            rows = alerts_page(c, q, after=pos.after if cursor else None, descending=pos.descending, limit=limit + 1)
        items = rows[:limit]
        return m.AlertPage(items=[m.Alert.model_validate(to_json(a)) for a in items], has_more=len(rows) > limit,
                           next_cursor=cursors.Cursor(pos.descending, items[-1].id).encode() if items else cursor)

    @app.get("/alerts/{alert_id}", tags=["alerts"], responses=READ, summary="One alert")
    def get_alert(alert_id: Id) -> m.Alert:
        return alert_or_404(alert_id)

    def reviewed(alert_id: int, **kw: Any) -> m.Reviewed:
        try:
            done = feedback.review(store, alert_id, **kw)
        except feedback.VerdictError as e:
            raise HTTPException(409, str(e)) from None
        if done is None:
            raise HTTPException(404, f"no alert {alert_id}")
        return m.Reviewed(alert=m.Alert.model_validate(to_json(done.alert)),
                          rule=m.Rule.model_validate(feedback.rule_json(done.rule)) if done.rule else None,
                          removed_rules=[m.Rule.model_validate(feedback.rule_json(r)) for r in done.removed])

    @app.post("/alerts/{alert_id}/review", tags=["alerts"], responses=WRITE, dependencies=[Depends(_json_body)],
              summary="Mark reviewed, with a verdict: confirmed, not_a_claim or wrong_figure (the last two make a rule)")
    def review_alert(alert_id: Id, body: m.ReviewIn) -> m.Reviewed:
        return reviewed(alert_id, reviewed=True, verdict=body.verdict)

    @app.patch("/alerts/{alert_id}", tags=["alerts"], responses=WRITE, dependencies=[Depends(_json_body)],
               summary="Set the reviewed flag (false reopens the alert, clearing its verdict and rule)")
    def patch_alert(alert_id: Id, body: m.ReviewedIn) -> m.Reviewed:
        return reviewed(alert_id, reviewed=body.reviewed)

    @app.get("/rules", tags=["rules"], responses=READ, summary="Rules reviewers' verdicts made")
    def list_rules(source: Annotated[str | None, Query(description="only this source's")] = None) -> list[m.Rule]:
        return [m.Rule.model_validate(feedback.rule_json(r)) for r in feedback.rules(store, source)]

    @app.get("/rules/{rule_id}", tags=["rules"], responses=READ, summary="One rule")
    def get_rule(rule_id: Id) -> m.Rule:
        return rule_or_404(rule_id)

    @app.delete("/rules/{rule_id}", tags=["rules"], responses=READ,
                summary="Remove a rule: the next change of what it matched is alerted again")
    def delete_rule(rule_id: Id) -> m.Rule:
        gone = feedback.remove_rule(store, rule_id)
        if gone is None:
            raise HTTPException(404, f"no rule {rule_id}")
        return m.Rule.model_validate(feedback.rule_json(gone))

    return app
