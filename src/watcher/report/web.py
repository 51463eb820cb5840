"""``watcher serve``: the report pages live from the store, plus an alert queue to work through.

Starlette + uvicorn: a small ASGI app with no front-end build step — plain HTML forms (GET filters,
POST "mark reviewed") and the same templates as the static site, at the same flat addresses, so a
link copied from one works in the other.

Bound to 127.0.0.1 by default. Because a page in any browser tab can POST to a local port, a POST
whose ``Origin`` is another site is refused, and on a loopback bind only loopback ``Host`` names
are accepted (DNS-rebinding guard).
"""

from __future__ import annotations

import re
import signal
import socket
from urllib.parse import urlsplit

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from ..config import Config
from ..store import Store
from . import site as pages
from . import views

LOOPBACK = ("127.0.0.1", "localhost")
_NEXT = re.compile(r"^[A-Za-z0-9._-]+\.html(?:\?[A-Za-z0-9._~%&=+-]*)?$")
STATUSES = ("open", "reviewed", "all")


def _not_found(what: str) -> HTMLResponse:
    return HTMLResponse(f"<!doctype html><title>Not found</title><p>{what} not found. "
                        '<a href="index.html">All sources</a></p>', status_code=404)


def _filter(request: Request) -> views.AlertFilter:
    q = request.query_params
    status = q.get("status", "open")
    return views.AlertFilter(source=q.get("source", ""), kind=q.get("kind", ""), severity=q.get("severity", ""),
                             status=status if status in STATUSES else "open")


def create_app(cfg: Config, store: Store, host: str = "127.0.0.1") -> Starlette:
    def index(request: Request) -> Response:
        return HTMLResponse(pages.index_page(cfg, store, live=True))

    def alerts(request: Request) -> Response:
        query = request.url.query
        here = "alerts.html" + (f"?{query}" if query else "")
        return HTMLResponse(pages.alerts_page(cfg, store, _filter(request), live=True, here=here))

    def feed(request: Request) -> Response:
        return Response(pages.feed(cfg, store), media_type="application/atom+xml")

    def source(request: Request) -> Response:
        html = pages.source_page(cfg, store, request.path_params["sid"], live=True)
        return HTMLResponse(html) if html else _not_found("Source")

    def change(request: Request) -> Response:
        p = request.path_params
        html = pages.change_page(cfg, store, p["sid"], p["n"], live=True)
        return HTMLResponse(html) if html else _not_found("Change page")

    async def review(request: Request) -> Response:
        origin = request.headers.get("origin")
        if origin and origin != "null" and urlsplit(origin).netloc != request.headers.get("host"):
            return PlainTextResponse("cross-site request refused", status_code=403)
        form = await request.form()
        reviewed = str(form.get("reviewed", "1")) != "0"
        aid = request.path_params["aid"]
        if not await run_in_threadpool(store.set_reviewed, aid, reviewed):
            return _not_found(f"Alert {aid}")
        nxt = str(form.get("next", ""))
        target = "/" + nxt if _NEXT.match(nxt) else "/alerts.html"
        if not target.startswith("/alerts.html"):
            target += f"#alert-{aid}"
        return RedirectResponse(target, status_code=303)

    routes = [
        Route("/", index), Route("/index.html", index), Route("/alerts.html", alerts), Route("/alerts.xml", feed),
        Route("/source-{sid}.html", source), Route("/change-{sid}-v{n:int}.html", change),
        Route("/alerts/{aid:int}/review", review, methods=["POST"]),
    ]
    middleware = [Middleware(TrustedHostMiddleware, allowed_hosts=["127.0.0.1", "localhost"])] \
        if host in LOOPBACK else []
    return Starlette(routes=routes, middleware=middleware)


def bind(host: str = "127.0.0.1", port: int = 8765) -> socket.socket:
    """The listening socket, bound here so a busy port is a clear user error (port 0: any free one)."""
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


def serve(cfg: Config, store: Store, sock: socket.socket, host: str = "127.0.0.1") -> None:
    """Run the UI on ``sock`` until Ctrl-C / SIGTERM (uvicorn shuts down gracefully on both)."""
    import uvicorn

    addr, port = sock.getsockname()[:2]
    shown = f"[{addr}]" if ":" in addr else addr
    print(f"watcher: serving the review UI on http://{shown}:{port}/ (Ctrl-C stops it)", flush=True)
    server = uvicorn.Server(uvicorn.Config(create_app(cfg, store, host), log_level="warning"))
    # uvicorn shuts down gracefully on SIGINT/SIGTERM, then re-raises the signal to the handler that
    # was installed before it; a no-op one makes a requested stop exit 0, as `watcher run` does.
    previous = {sig: signal.signal(sig, lambda *_: None) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        server.run(sockets=[sock])
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
