"""What a fetch returns, and how a network fault is put into one line a person can act on.

A fetch never raises for a network fault (a failing source must not stop the others): it returns
a :class:`FetchResult` that is either ``ok`` or carries an ``error`` or ``warning``. Inside the
fetch, a :class:`Fault` carries such a line up from wherever it was met (a redirect, a body, a
status) together with whether trying again may help.
"""

from __future__ import annotations

import socket
from dataclasses import dataclass, field

import aiohttp


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
    # the exchange as it went over the wire, kept for the raw capture (watcher.evidence.warc): the
    # request's headers as sent, the response's status line and headers in their order and case
    fetched_at: float | None = None  # wall-clock time the final response arrived (epoch seconds)
    reason: str | None = None
    http_version: str = "1.1"
    request_headers: tuple[tuple[str, str], ...] = ()
    raw_headers: tuple[tuple[str, str], ...] = ()

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


# Transport errors worth another attempt (a DNS failure among them is not: see dns_failure). A server
# that stops sending mid-response (a read timeout) is not retried: it would only drip again.
RETRY_ERRORS = (aiohttp.ClientConnectorError, aiohttp.ConnectionTimeoutError, aiohttp.ServerDisconnectedError,
                aiohttp.ClientOSError, aiohttp.ClientPayloadError, aiohttp.ClientResponseError)


def _cause(exc: BaseException | None) -> str:
    return (str(exc) or type(exc).__name__) if exc is not None else "unknown cause"


def describe(exc: BaseException) -> str:
    """A transport error as the line ``watcher sources`` shows: what happened, not the class name."""
    if isinstance(exc, aiohttp.ClientProxyConnectionError):
        return f"proxy error: {_cause(exc)}"
    if isinstance(exc, aiohttp.ConnectionTimeoutError):
        return "connection timed out"
    if isinstance(exc, aiohttp.SocketTimeoutError):
        return "timed out waiting for the server"
    if isinstance(exc, aiohttp.ClientConnectorError):
        if dns_failure(exc):
            return f"cannot resolve the host name: {exc.host} ({_cause(exc.os_error)})"
        return f"cannot connect: {_cause(exc.os_error)}"
    if isinstance(exc, aiohttp.ServerDisconnectedError | aiohttp.ClientOSError | aiohttp.ClientPayloadError):
        return f"connection broken by the server ({_cause(exc)})"
    if isinstance(exc, aiohttp.ClientResponseError):  # a response that is not HTTP
        return f"connection broken by the server (bad HTTP response: {exc.message})"
    if isinstance(exc, aiohttp.InvalidURL):
        return f"not a web URL: {exc}"
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def dns_failure(exc: BaseException) -> bool:
    """A name that does not resolve will not resolve a second later: not worth a retry."""
    if isinstance(exc, aiohttp.ClientConnectorDNSError):
        return True
    seen: BaseException | None = exc
    for _ in range(5):
        if seen is None:
            return False
        if isinstance(seen, socket.gaierror):
            return True
        seen = getattr(seen, "os_error", None) or seen.__cause__ or seen.__context__
    return False
