"""``watcher serve``: the report pages live from the store, plus an alert queue to work through.

Starlette + uvicorn: a small ASGI app with no front-end build step — plain HTML forms (GET filters,
POST "mark reviewed") and the same templates as the static site, at the same flat addresses, so a
link copied from one works in the other.

Bound to 127.0.0.1 by default. Who may call it and how a state change must arrive (Host
allow-list, token login off loopback, same-origin check, CSRF token) is
:mod:`watcher.report.security`; this module only routes. Every id in an address is checked
before the store sees it: anything malformed is a 404, never a 500.
"""

from __future__ import annotations

import html
import re
import signal
import socket
from urllib.parse import urlencode

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Mount, Route

from ..alerts import feedback
from ..api import PREFIX as API_PREFIX
from ..api.app import create_api
from ..config import Config
from ..config.keys import ID_RE
from ..evidence import edittype
from ..store import Store
from . import security, views
from . import site as pages
from .security import Access
from .templating import Live, render

_NEXT = re.compile(r"[A-Za-z0-9._-]+\.html(?:\?[A-Za-z0-9._~%&=+-]*)?")
_NUMBER = re.compile(r"[0-9]{1,19}")
MAX_ID = 2**63 - 1  # the largest integer the store's id and number columns hold
STATUSES = ("open", "reviewed", "all")


def _not_found(what: str) -> HTMLResponse:
    return HTMLResponse(f"<!doctype html><title>Not found</title><p>{what} not found. "
                        '<a href="index.html">All sources</a></p>', status_code=404)


async def _outer_not_found(request: Request, exc: Exception) -> Response:
    """A path no route takes: JSON under the API's prefix (even one the mount's pattern does not reach,
    such as an id with a newline inside), plain text elsewhere."""
    if request.url.path.startswith(API_PREFIX):
        return JSONResponse({"error": "Not Found"}, status_code=404)
    return PlainTextResponse("Not Found", status_code=404)


def _number(text: str) -> int | None:
    """A non-negative integer id the store can hold, or None (then the page is a 404)."""
    return int(text) if _NUMBER.fullmatch(text) and int(text) <= MAX_ID else None


def _source_id(text: str) -> str | None:
    return text if ID_RE.fullmatch(text) else None


def _next_page(value: object) -> str | None:
    """A page of this site to return to (a flat relative name, never another host)."""
    return value if isinstance(value, str) and _NEXT.fullmatch(value) else None


def _filter(request: Request) -> views.AlertFilter:
    q = request.query_params
    status = q.get("status", "open")
    edit = q.get("edit_type", "")
    return views.AlertFilter(source=q.get("source", ""), kind=q.get("kind", ""), severity=q.get("severity", ""),
                             status=status if status in STATUSES else "open",
                             edit_type=edit if edit in edittype.NAMES else "")


def _page(request: Request) -> int | None:
    """The ``page`` a list is asked at (from 1); anything else is the first page."""
    return _number(request.query_params.get("page", ""))


def _live(request: Request) -> Live:
    return Live(csrf=security.csrf_token(request), logout=request.session.get("auth") is True)


def create_app(cfg: Config, store: Store, access: Access) -> Starlette:
    def index(request: Request) -> Response:
        return HTMLResponse(pages.index_page(cfg, store, live=_live(request), page=_page(request)))

    def alerts(request: Request) -> Response:
        query = request.url.query
        here = "alerts.html" + (f"?{query}" if query else "")
        kept = urlencode([(k, v) for k, v in request.query_params.multi_items() if k != "page"])
        return HTMLResponse(pages.alerts_page(cfg, store, _filter(request), live=_live(request), here=here,
                                              page=_page(request), base=f"alerts.html?{kept + '&' if kept else ''}"))

    def feed(request: Request) -> Response:
        return Response(pages.feed(cfg, store), media_type="application/atom+xml")

    def source(request: Request) -> Response:
        sid = _source_id(request.path_params["sid"])
        html = pages.source_page(cfg, store, sid, live=_live(request)) if sid else None
        return HTMLResponse(html) if html else _not_found("Source")

    def change(request: Request) -> Response:
        sid, n = _source_id(request.path_params["sid"]), _number(request.path_params["n"])
        html = pages.change_page(cfg, store, sid, n, live=_live(request)) if sid and n is not None else None
        return HTMLResponse(html) if html else _not_found("Change page")

    async def review(request: Request) -> Response:
        aid = _number(request.path_params["aid"])
        if aid is None:
            return _not_found("Alert")
        form = await security.checked_form(request)
        reviewed = str(form.get("reviewed", "1")) != "0"
        verdict = form.get("verdict") if reviewed else None
        try:
            done = await run_in_threadpool(feedback.review, store, aid, reviewed=reviewed,
                                           verdict=verdict if isinstance(verdict, str) and verdict else None)
        except feedback.VerdictError as e:
            return HTMLResponse(f"<!doctype html><title>Refused</title><p>{html.escape(str(e))}</p>", status_code=409)
        if done is None:
            return _not_found(f"Alert {aid}")
        nxt = _next_page(form.get("next"))
        target = "/" + (nxt or "alerts.html")
        if not target.startswith("/alerts.html"):
            target += f"#alert-{aid}"
        return RedirectResponse(target, status_code=303)

    def rules(request: Request) -> Response:
        return HTMLResponse(pages.rules_page(cfg, store, live=_live(request)))

    async def remove_rule(request: Request) -> Response:
        rid = _number(request.path_params["rid"])
        if rid is None:
            return _not_found("Rule")
        await security.checked_form(request)
        if await run_in_threadpool(feedback.remove_rule, store, rid) is None:
            return _not_found(f"Rule {rid}")
        return RedirectResponse("/rules.html", status_code=303)

    async def login(request: Request) -> Response:
        nxt = _next_page(request.query_params.get("next") if request.method == "GET" else None)
        if request.method == "POST":
            form = await security.checked_form(request)
            nxt = _next_page(form.get("next"))
            given = form.get("token")
            if access.token and isinstance(given, str) and security.token_matches(given, access.token):
                request.session.clear()  # a new session on login: no cookie set before it carries over
                request.session["auth"] = True
                security.csrf_token(request)
                return RedirectResponse("/" + (nxt or ""), status_code=303)
            error, status = "That is not the access token.", 401
        elif access.token is None or request.session.get("auth") is True:
            return RedirectResponse("/" + (nxt or ""), status_code=303)
        else:
            error, status = "", 200
        return HTMLResponse(render("login.html", csrf=security.csrf_token(request), next=nxt or "", error=error),
                            status_code=status)

    async def logout(request: Request) -> Response:
        await security.checked_form(request)
        request.session.clear()
        return RedirectResponse(security.LOGIN_PATH if access.token else "/", status_code=303)

    routes = [
        Route("/", index), Route("/index.html", index), Route("/alerts.html", alerts), Route("/alerts.xml", feed),
        Route("/source-{sid}.html", source), Route("/change-{sid}-v{n}.html", change),
        Route("/alerts/{aid}/review", review, methods=["POST"]),
        Route("/rules.html", rules), Route("/rules/{rid}/remove", remove_rule, methods=["POST"]),
        Mount(API_PREFIX, app=create_api(cfg, store, access)),
        Route(security.LOGIN_PATH, login, methods=["GET", "POST"]), Route("/logout", logout, methods=["POST"]),
    ]
    # the session cookie's name carries the port: browsers share cookies between the ports of one
    # host, and two servers on one machine must not overwrite each other's sessions
    middleware = [Middleware(SessionMiddleware, secret_key=access.session_secret(),
                             session_cookie=f"watcher_session_{access.hosts.port}", max_age=security.SESSION_MAX_AGE,
                             same_site="lax"),
                  Middleware(security.Guard, access=access, json_prefix=API_PREFIX + "/")]
    return Starlette(routes=routes, middleware=middleware, exception_handlers={404: _outer_not_found})


def bind(host: str = "127.0.0.1", port: int = 8765) -> socket.socket:
    """The listening socket, bound here so a busy port is a clear user error (port 0: any free one)."""
    if host.startswith("[") and host.endswith("]"):  # "[::1]", as in a URL
        host = host[1:-1]
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    family, _, _, _, addr = infos[0]
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(addr)
    except OSError:
        sock.close()
        raise
    return sock


def serve(cfg: Config, store: Store, sock: socket.socket, host: str = "127.0.0.1",
          access: Access | None = None) -> None:
    """Run the UI on ``sock`` until Ctrl-C / SIGTERM (uvicorn shuts down gracefully on both).

    ``access`` defaults to the policy :func:`~watcher.report.security.access_for` derives from
    ``host``, the bound address and the config."""
    import uvicorn

    addr, port = sock.getsockname()[:2]
    access = access or security.access_for(cfg, host, addr, port)
    shown = f"[{addr}]" if ":" in addr else addr
    print(f"watcher: serving the review UI on http://{shown}:{port}/ (Ctrl-C stops it); {access.describe()}",
          flush=True)
    server = uvicorn.Server(uvicorn.Config(create_app(cfg, store, access), log_level="warning"))
    # uvicorn shuts down gracefully on SIGINT/SIGTERM, then re-raises the signal to the handler that
    # was installed before it; a no-op one makes a requested stop exit 0, as `watcher run` does.
    previous = {sig: signal.signal(sig, lambda *_: None) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        server.run(sockets=[sock])
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
