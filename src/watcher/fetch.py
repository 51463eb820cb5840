"""Fetch a page over HTTP(S) with bounded time and memory.

This stage knows HTTP and nothing about HTML: it turns a URL into a :class:`FetchResult` that is
either ``ok`` (bytes plus what the server said about them) or carries a one-line ``error`` a person
can act on. It never raises for network faults — a failing source must not stop the others.

Why streaming with a byte cap instead of ``response.content``: a 300 MB body or a gzip bomb must
be cut off while it arrives, not after it filled memory.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

import httpx

HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml")
MAX_REDIRECTS = 10


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

    @property
    def ok(self) -> bool:
        return self.error is None and self.warning is None and not self.not_modified


def make_client(user_agent: str, timeout: float = 30.0, max_connections: int = 16) -> httpx.AsyncClient:
    """One pooled client for a whole check pass (connection reuse is most of the speed)."""
    return httpx.AsyncClient(
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        timeout=httpx.Timeout(timeout, connect=min(10.0, timeout)),
        headers={"User-Agent": user_agent, "Accept": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.5",
                 "Accept-Language": "en;q=1.0, *;q=0.5"},
        limits=httpx.Limits(max_connections=max_connections, max_keepalive_connections=max_connections),
        trust_env=True,
    )


def _describe(exc: BaseException) -> str:
    name = type(exc).__name__
    if isinstance(exc, httpx.TooManyRedirects):
        return f"too many redirects (more than {MAX_REDIRECTS})"
    if isinstance(exc, httpx.ConnectTimeout):
        return "connection timed out"
    if isinstance(exc, httpx.ReadTimeout | asyncio.TimeoutError | TimeoutError):
        return "timed out waiting for the server"
    if isinstance(exc, httpx.ConnectError):
        return f"cannot connect: {exc or name}"
    if isinstance(exc, httpx.DecodingError):
        return f"bad content encoding: {exc}"
    return f"{name}: {exc}" if str(exc) else name


async def fetch(client: httpx.AsyncClient, url: str, *, timeout: float = 30.0, max_bytes: int = 10_000_000,
                etag: str | None = None, last_modified: str | None = None,
                user_agent: str | None = None) -> FetchResult:
    """GET ``url`` within ``timeout`` seconds in total and ``max_bytes`` of (decoded) body."""
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    if user_agent:
        headers["User-Agent"] = user_agent
    start = time.monotonic()
    try:
        async with asyncio.timeout(timeout):
            return await _get(client, url, headers, max_bytes, start)
    except (httpx.HTTPError, OSError, TimeoutError) as e:
        return FetchResult(url=url, error=_describe(e), elapsed=time.monotonic() - start)


async def _get(client: httpx.AsyncClient, url: str, headers: dict[str, str], max_bytes: int,
               start: float) -> FetchResult:
    async with client.stream("GET", url, headers=headers) as r:
        ctype = r.headers.get("content-type", "").split(";")[0].strip().lower() or None
        base = dict(url=url, final_url=str(r.url), status=r.status_code, content_type=ctype,
                    etag=r.headers.get("etag"), last_modified=r.headers.get("last-modified"),
                    encoding=r.charset_encoding, headers={k.lower(): v for k, v in r.headers.items()})
        if r.status_code == 304:
            return FetchResult(**base, not_modified=True, elapsed=time.monotonic() - start)
        if r.status_code >= 400:
            return FetchResult(**base, error=f"HTTP {r.status_code} {r.reason_phrase}".strip(),
                               elapsed=time.monotonic() - start)
        if ctype and not any(ctype.startswith(t) for t in HTML_TYPES):
            return FetchResult(**base, warning=f"not an HTML page (content type {ctype})",
                               elapsed=time.monotonic() - start)
        declared = r.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > max_bytes:
            return FetchResult(**base, error=f"response too large ({int(declared):,} bytes > {max_bytes:,})",
                               elapsed=time.monotonic() - start)
        chunks: list[bytes] = []
        size = 0
        async for chunk in r.aiter_bytes():
            size += len(chunk)
            if size > max_bytes:
                return FetchResult(**base, error=f"response too large (over {max_bytes:,} bytes)",
                                   elapsed=time.monotonic() - start)
            chunks.append(chunk)
        body = b"".join(chunks)
    if not body.strip():
        return FetchResult(**base, warning="empty response body", elapsed=time.monotonic() - start)
    if b"\x00" in body[:4096]:
        return FetchResult(**base, warning="binary content, not an HTML page", elapsed=time.monotonic() - start)
    return FetchResult(**base, body=body, elapsed=time.monotonic() - start)
