"""What a fetch returns, and how a network fault is put into one line a person can act on.

A fetch never raises for a network fault (a failing source must not stop the others): it returns
a :class:`FetchResult` that is either ``ok`` or carries an ``error`` or ``warning``. Inside the
fetch, a :class:`Fault` carries such a line up from wherever it was met (a redirect, a body, a
status) together with whether trying again may help.
"""

from __future__ import annotations

import socket
from dataclasses import dataclass, field

import httpx


@dataclass(frozen=True)
class FetchResult:
    url: str
    final_url: str | None = None
    status: int | None = None
    content_type: str | None = None
    body: bytes = b""
    encoding: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None
    warning: str | None = None
    not_modified: bool = False
    elapsed: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)
    attempts: int = 1
    redirects: int = 0

    @property
    def ok(self) -> bool:
        return self.error is None and self.warning is None and not self.not_modified


class Fault(Exception):
    """A fetch fault with a one-line message; ``retry`` says whether trying again may help,
    ``retry_after`` how long the server asked us to wait, ``result`` what to report if no retry
    comes."""

    def __init__(self, message: str, *, retry: bool = False, retry_after: float | None = None,
                 result: FetchResult | None = None) -> None:
        super().__init__(message)
        self.retry, self.retry_after, self.result = retry, retry_after, result


# Transport errors worth another attempt (a DNS failure among them is not: see dns_failure).
RETRY_ERRORS = (httpx.ConnectError, httpx.ConnectTimeout, httpx.RemoteProtocolError, httpx.ReadError,
                httpx.WriteError, httpx.PoolTimeout, httpx.ProxyError)


def describe(exc: BaseException) -> str:
    """A transport error as the line ``watcher sources`` shows: what happened, not the class name."""
    name = type(exc).__name__
    if isinstance(exc, httpx.ConnectTimeout):
        return "connection timed out"
    if isinstance(exc, httpx.ReadTimeout):
        return "timed out waiting for the server"
    if isinstance(exc, httpx.ConnectError):
        if dns_failure(exc):
            return f"cannot resolve the host name: {exc}"
        return f"cannot connect: {exc or name}"
    if isinstance(exc, httpx.RemoteProtocolError | httpx.ReadError):
        return f"connection broken by the server ({exc or 'reset'})"
    if isinstance(exc, httpx.UnsupportedProtocol):
        return f"not a web URL: {exc}"
    if isinstance(exc, httpx.ProxyError):
        return f"proxy error: {exc}"
    return f"{name}: {exc}" if str(exc) else name


def dns_failure(exc: BaseException) -> bool:
    """A name that does not resolve will not resolve a second later: not worth a retry."""
    seen: BaseException | None = exc
    for _ in range(5):
        if seen is None:
            return False
        if isinstance(seen, socket.gaierror):
            return True
        seen = seen.__cause__ or seen.__context__
    return False
