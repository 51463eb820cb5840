"""Who may use ``watcher serve`` and how a state change must arrive: the guard in front of every route.

Four layers, each closing a hole the others leave open:

- **Host allow-list** (:mod:`watcher.report.hosts`), on every request: defeats DNS rebinding.
- **Authentication**, on every request when a token is set (always off loopback): ``Authorization:
  Bearer TOKEN`` for scripts, or a session cookie from the login form for people. Why both: a
  browser cannot add a header to a link it follows or a form it posts, so a page-by-page UI needs
  a cookie; a script has no use for a login page.
- **Same-origin check** on every state-changing method: a cross-site ``Origin`` — ``null`` from a
  sandboxed frame or a ``file://`` page included — or a ``Sec-Fetch-Site`` other than
  ``same-origin``/``none`` (a page on another site, or on another port of this host, which is
  "same-site") is refused. A request with neither header (curl, old browsers) falls through to:
- **CSRF token**: every form carries the session's random token; the POST must send it back
  (compared in constant time). A request authenticated by a Bearer header needs none: a browser
  never attaches that header by itself, so a forged cross-site request cannot carry it.

Every response also forbids framing (clickjacking a "Mark reviewed" button) and caching.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

from starlette.datastructures import FormData, Headers, MutableHeaders
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..config import Config, ConfigError
from ..config.serve import check_token
from .hosts import HostAllowList, HostError, allow_list, is_loopback, parse_host

TOKEN_ENV = "WATCHER_SERVE_TOKEN"
CSRF_FIELD = "csrf_token"
SAFE_METHODS = frozenset({"GET", "HEAD"})
LOGIN_PATH = "/login"
SESSION_MAX_AGE = 7 * 86400  # seconds a login (and a form token) lasts
_DEFAULT_PORTS = {"http": 80, "https": 443}
HEADERS = {
    "Content-Security-Policy": "frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}


class AccessError(ValueError):
    """The server cannot start with these settings (exit 2): a bad ``--allow-host``, a wildcard bind
    with no name to answer to, a short token, or a non-loopback bind without a token."""


@dataclass(frozen=True)
class Access:
    """The access policy of one running server."""

    hosts: HostAllowList
    token: str | None = None  # None: no authentication (a loopback bind without a configured token)
    token_from: str = ""  # where the token came from, for the start message
    exposed: bool = False  # bound to an address other machines can reach

    def session_secret(self) -> str:
        """The key that signs session cookies. Derived from the token, so a login outlives a restart
        and a new token logs everyone out; random per process when there is no token (the session
        then only carries form tokens: a restart asks for a page reload, nothing more)."""
        if self.token is None:
            return secrets.token_hex(32)
        return hmac.new(self.token.encode(), b"watcher serve session v1", hashlib.sha256).hexdigest()

    def describe(self) -> str:
        """What the start message says about exposure and authentication."""
        where = "exposed beyond this machine" if self.exposed else "loopback only"
        auth = (f"authenticated (token from {self.token_from})" if self.token
                else f"no login (set ${TOKEN_ENV} to require one)")
        return f"{where}, {auth}; Host names answered: {self.hosts.shown()}"


def access_for(cfg: Config, bind_host: str, bound_addr: str, port: int, allow_hosts: list[str] | tuple[str, ...] = (),
               env: Mapping[str, str] | None = None) -> Access:
    """The policy for a server bound to ``bound_addr:port``. Raises :class:`ConfigError` for a bad
    ``[serve]`` entry and :class:`AccessError` otherwise (both exit 2) — among them a non-loopback
    bind without a token: exposing the review queue unauthenticated is never the default."""
    environ: Mapping[str, str] = os.environ if env is None else env
    bad = next((e for e in cfg.serve.allow_hosts if parse_host(e) is None), None)
    if bad is not None:
        raise ConfigError(f"{bad!r} is not a host name or address with an optional port", file=cfg.path,
                          field="serve.allow_hosts")
    try:
        hosts = allow_list(bind_host, bound_addr, port, [*cfg.serve.allow_hosts, *allow_hosts])
    except HostError as e:
        raise AccessError(str(e)) from None
    token, token_from = cfg.serve.token, f"[serve] token in {cfg.path}"
    if environ.get(TOKEN_ENV, "").strip():
        try:
            token, token_from = check_token(environ[TOKEN_ENV]), f"${TOKEN_ENV}"
        except ValueError as e:
            raise AccessError(f"${TOKEN_ENV}: {e}") from None
    exposed = not is_loopback(bound_addr)
    if exposed and token is None:
        raise AccessError(f"--host {bind_host} is reachable from other machines, so the review UI needs a token: "
                          f"set ${TOKEN_ENV} (or [serve] token) to one of 16+ characters, or bind to 127.0.0.1")
    return Access(hosts, token, token_from if token else "", exposed)


def _origin_of(url: str) -> tuple[str, str, int] | None:
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in _DEFAULT_PORTS or not parts.hostname:
        return None
    return parts.scheme, parts.hostname.lower(), port or _DEFAULT_PORTS[parts.scheme]


def cross_site(headers: Headers, own_origin: str) -> str | None:
    """Why a state-changing request is not same-origin, or None when nothing says it is foreign.

    ``own_origin`` is this request's ``scheme://host[:port]`` as the browser addressed it."""
    fetch_site = headers.get("sec-fetch-site")
    if fetch_site is not None and fetch_site.lower() not in ("same-origin", "none"):
        return f"Sec-Fetch-Site: {fetch_site}"
    origin = headers.get("origin")
    if origin is None:
        return None
    if origin.strip().lower() == "null":
        return "Origin: null (a sandboxed frame or a local file)"
    theirs = _origin_of(origin.strip())
    if theirs is None or theirs != _origin_of(own_origin):
        return f"Origin: {origin[:200]}"
    return None


def bearer_ok(headers: Headers, token: str) -> bool | None:
    """None without an ``Authorization`` header, else whether it is ``Bearer <token>`` (constant time)."""
    value = headers.get("authorization")
    if value is None:
        return None
    scheme, _, given = value.partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), token.encode())


def token_matches(given: str, token: str) -> bool:
    return hmac.compare_digest(given.strip().encode(), token.encode())


def csrf_token(request: Request) -> str:
    """The session's form token, made on first use (the session cookie carries it)."""
    value = request.session.get("csrf")
    if not isinstance(value, str) or len(value) < 32:
        value = secrets.token_urlsafe(32)
        request.session["csrf"] = value
    return value


async def checked_form(request: Request) -> FormData:
    """The form of a state-changing request once its CSRF token matched the session's.

    Raises a 403 that tells a person what to do: a form older than the session (a restart, an
    expired login) is the usual cause, and a reload gives a fresh one."""
    form = await request.form()
    if request.scope.get("state", {}).get("bearer"):
        return form
    sent, expected = form.get(CSRF_FIELD), request.session.get("csrf")
    if not (isinstance(sent, str) and isinstance(expected, str)
            and hmac.compare_digest(sent.encode(), expected.encode())):
        raise HTTPException(403, "The form's security token is missing or out of date (did the server restart?): "
                                 "reload the page and try again.")
    return form


def _refuse(status: int, text: str, as_json: bool = False, **headers: str) -> Response:
    if as_json:
        return JSONResponse({"error": text}, status_code=status, headers=headers or None)
    return PlainTextResponse(text, status_code=status, headers=headers or None)


class Guard:
    """ASGI middleware (inside Starlette's SessionMiddleware): Host, authentication and origin
    checks before any route runs, and the security headers on every response. Under
    ``json_prefix`` (the JSON API) a refusal is ``{"error": ...}`` and a missing login is a 401,
    never a redirect to the login page."""

    def __init__(self, app: ASGIApp, access: Access, json_prefix: str | None = None) -> None:
        self.app, self.access, self.json_prefix = app, access, json_prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for k, v in HEADERS.items():
                    headers.setdefault(k, v)
            await send(message)

        refusal = self._check(Request(scope))
        if refusal is not None:
            await refusal(scope, receive, send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)

    def _check(self, request: Request) -> Response | None:
        headers = request.headers
        api = self.json_prefix is not None and request.url.path.startswith(self.json_prefix)
        if not self.access.hosts.allows(headers.get("host")):
            return _refuse(400, "Invalid host header", api)
        if self.access.token is not None:
            refusal = self._authenticate(request, api)
            if refusal is not None:
                return refusal
        if request.method not in SAFE_METHODS:
            own = f"{request.url.scheme}://{headers.get('host')}"
            why = cross_site(headers, own)
            if why:
                return _refuse(403, f"cross-site request refused ({why})", api)
        return None

    def _authenticate(self, request: Request, api: bool) -> Response | None:
        assert self.access.token is not None
        bearer = bearer_ok(request.headers, self.access.token)
        if bearer:
            request.scope.setdefault("state", {})["bearer"] = True
            return None
        if bearer is None and (request.session.get("auth") is True or request.url.path == LOGIN_PATH):
            return None
        if bearer is None and not api and request.method in SAFE_METHODS \
                and "text/html" in request.headers.get("accept", ""):
            here = request.url.path.lstrip("/") + (f"?{request.url.query}" if request.url.query else "")
            return RedirectResponse(f"{LOGIN_PATH}?{urlencode({'next': here})}" if here else LOGIN_PATH, 303)
        return _refuse(401, "authentication required: log in, or send Authorization: Bearer <token>", api,
                       **{"WWW-Authenticate": 'Bearer realm="watcher"'})

