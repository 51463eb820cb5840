"""Fetch a page over HTTP(S) within bounded time and memory, politely.

This stage knows HTTP and nothing about HTML: it turns a URL into a :class:`FetchResult` that is
either ``ok`` (bytes plus what the server said about them) or carries a one-line ``error`` or
``warning`` a person can act on. It never raises for network faults — a failing source must not
stop the others.

The parts: :func:`fetch` asks robots.txt (:mod:`.polite`), then :func:`_retrying` makes attempts
within the total time budget — retries with exponential backoff and jitter on connection errors,
5xx and 429 — each attempt (:func:`_attempt`) following redirects by hand and reading the body
within bounds (:mod:`.body`). Why redirects are followed by hand: to count them, to name a loop as
a loop, to refuse a redirect to a non-web scheme, and to record the final URL.
"""

from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass, replace
from typing import Any

import aiohttp
from yarl import URL

from .body import read_body, sniff_binary
from .guard import Policy
from .polite import (
    MAX_CRAWL_DELAY,
    MAX_RETRY_AFTER,
    ROBOTS_TIMEOUT,
    Politeness,
    origin_of,
    parse_retry_after,
    robots_url,
)
from .result import RETRY_ERRORS, Fault, FetchResult, describe, dns_failure
from .session import Client, make_client

HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml")
MAX_REDIRECTS = 10
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
BACKOFF_BASE = 0.5          # seconds before the first retry; doubles each time, ±50 % jitter
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})

__all__ = ["Client", "fetch", "make_client"]


@dataclass(frozen=True)
class _Request:
    """One fetch's request and its bounds: the same for every attempt."""

    client: Client
    url: str
    headers: dict[str, str]
    timeouts: aiohttp.ClientTimeout
    max_bytes: int
    max_decompressed: int
    max_redirects: int
    policy: Policy  # which non-public addresses it may reach (watcher.fetch.guard)
    any_content: bool = False


# -- one attempt: a request and its redirects --------------------------------------------------


async def _attempt(req: _Request, start: float) -> FetchResult:
    target = URL(req.url, encoded=False)
    visits: dict[str, int] = {}
    for hop in range(req.max_redirects + 1):
        async with req.client.get(target, req.policy, headers=req.headers, timeout=req.timeouts,
                                  allow_redirects=False, proxy=req.client.proxy_for(str(target))) as r:
            nxt = _redirect_target(r)
            if nxt is None:
                return await _response(r, req, hop, start)
            if nxt.scheme not in ("http", "https"):
                raise Fault(f"redirect to a non-web URL refused: {str(nxt)[:200]}")
            key = str(nxt)
            visits[key] = visits.get(key, 0) + 1
            if visits[key] > 2:
                raise Fault(f"redirect loop: {str(r.url)[:200]} → {key[:200]} → … ({hop + 1} redirects)")
            target = nxt
    raise Fault(f"too many redirects (more than {req.max_redirects})")


def _redirect_target(r: aiohttp.ClientResponse) -> URL | None:
    """Where a redirect points (a relative Location resolved against the response's URL), else None."""
    location = r.headers.get("Location")
    if r.status not in REDIRECT_STATUSES or not location:
        return None
    try:
        return r.url.join(URL(location.strip(), encoded=False)).with_fragment(None)
    except ValueError:
        raise Fault(f"redirect to an unreadable location refused: {location[:200]!r}") from None


def _charset(r: aiohttp.ClientResponse) -> str | None:
    """The charset the Content-Type header declares, if any (never guessed here: extraction decides)."""
    try:
        return r.charset
    except (ValueError, LookupError):
        return None


def _exchange(r: aiohttp.ClientResponse) -> dict[str, Any]:
    """What the raw capture keeps of the exchange besides the body (:class:`FetchResult`'s
    ``fetched_at``, ``reason``, ``http_version``, ``request_headers``, ``raw_headers``)."""
    def text(b: bytes | str) -> str:
        return b.decode("latin-1") if isinstance(b, bytes) else b

    return dict(fetched_at=time.time(), reason=r.reason, http_version=f"{r.version.major}.{r.version.minor}"
                if r.version else "1.1", request_headers=tuple((str(k), str(v)) for k, v in r.request_info.headers.items()),
                raw_headers=tuple((text(k), text(v)) for k, v in r.raw_headers))


async def _response(r: aiohttp.ClientResponse, req: _Request, hops: int, start: float) -> FetchResult:
    """The final response of an attempt as a result: a status the check can use, or what is wrong."""
    ctype = r.headers.get("Content-Type", "").split(";")[0].strip().lower() or None
    status, reason = r.status, (r.reason or "").strip()
    base: dict[str, Any] = dict(url=req.url, final_url=str(r.url), status=status, content_type=ctype,
                                redirects=hops, etag=r.headers.get("ETag"), last_modified=r.headers.get("Last-Modified"),
                                encoding=_charset(r), headers={k.lower(): v for k, v in r.headers.items()},
                                **_exchange(r))

    def done(**kw) -> FetchResult:
        return FetchResult(**base, **kw, elapsed=time.monotonic() - start)

    if status == 304:
        return done(not_modified=True)
    if status in RETRY_STATUSES:
        message = f"HTTP {status} {reason}".strip()
        raise Fault(message, retry=True, retry_after=parse_retry_after(r.headers.get("Retry-After")),
                    result=done(error=message))
    if status >= 400:
        return done(error=f"HTTP {status} {reason}".strip())
    if status >= 300:
        return done(error=f"HTTP {status} redirect without a usable Location")
    if ctype and not req.any_content and not any(ctype.startswith(t) for t in HTML_TYPES):
        return done(warning=f"not an HTML page (content type {ctype})")
    declared = r.headers.get("Content-Length", "").strip()
    if declared.isascii() and declared.isdigit() and int(declared) > req.max_bytes:
        return done(error=f"response too large ({int(declared):,} bytes > {req.max_bytes:,})")
    body = await read_body(r, req.max_bytes, req.max_decompressed)
    if not body.strip():
        return done(warning="empty response body")
    what = None if req.any_content else sniff_binary(body)
    if what:
        return done(warning=f"not an HTML page ({what})")
    return done(body=body)


# -- attempts within the time budget -----------------------------------------------------------


def _backoff(attempt: int) -> float:
    return BACKOFF_BASE * 2 ** attempt * random.uniform(0.5, 1.5)


def _before_retry(last: FetchResult, asked: float | None, attempt: int, retries: int, deadline: float,
                  timeout: float, polite: Politeness, origin: str) -> tuple[float, FetchResult | None]:
    """After a failed attempt: how long to wait before the next one, or the result to give up with.

    A Retry-After the server sent is honoured for the whole host (up to :data:`MAX_RETRY_AFTER`;
    longer means "not this check"), else the wait is an exponential backoff. No retry is tried when
    the retries are used up or the wait would pass the time budget, and the error says which."""
    if asked is not None and asked > MAX_RETRY_AFTER:
        return 0.0, replace(last, error=f"{last.error} (server asks to retry after {asked:.0f} s)")
    if asked is not None:
        polite.pause(origin, asked)  # the whole host asked for a break
        wait = asked
    else:
        wait = _backoff(attempt - 1)
    if attempt > retries or time.monotonic() + wait >= deadline:
        note = f" (after {attempt} attempts)" if attempt > 1 else ""
        if attempt <= retries:
            note = f" (no retry: waiting {wait:.1f} s would pass the {timeout:g} s time limit)"
        return wait, replace(last, error=(last.error or "") + note)
    return wait, None


async def _retrying(req: _Request, polite: Politeness, origin: str, delay: float, timeout: float,
                    retries: int) -> FetchResult:
    """Attempts, each after the host's politeness ``delay``, until one answers, a fault is final, or
    the retries or the ``timeout`` (for all attempts and waits together) run out."""
    start = time.monotonic()
    last: FetchResult | None = None
    attempt = 0
    try:
        async with asyncio.timeout(timeout):
            while True:
                attempt += 1
                await polite.turn(origin, delay)
                try:
                    return replace(await _attempt(req, start), attempts=attempt)
                except Fault as f:
                    if not f.retry:
                        return FetchResult(url=req.url, error=str(f), elapsed=time.monotonic() - start,
                                           attempts=attempt)
                    last, asked = f.result or FetchResult(url=req.url, error=str(f)), f.retry_after
                except RETRY_ERRORS as e:
                    if dns_failure(e):
                        raise
                    last, asked = FetchResult(url=req.url, error=describe(e)), None
                assert last is not None  # set by either branch above
                wait, final = _before_retry(last, asked, attempt, retries, start + timeout, timeout, polite, origin)
                if final is not None:
                    return replace(final, attempts=attempt, elapsed=time.monotonic() - start)
                await asyncio.sleep(wait)
    except aiohttp.ServerTimeoutError as e:  # a TimeoutError too, but the server's, not our budget
        return FetchResult(url=req.url, error=describe(e), elapsed=time.monotonic() - start, attempts=attempt)
    except TimeoutError:
        note = f"; earlier attempt: {last.error}" if last and last.error else ""
        return FetchResult(url=req.url, error=f"timed out after {timeout:g} s in total{note}",
                           elapsed=time.monotonic() - start, attempts=attempt)
    except (aiohttp.ClientError, OSError, ValueError) as e:
        return FetchResult(url=req.url, error=describe(e), elapsed=time.monotonic() - start, attempts=attempt)


# -- the public entry ---------------------------------------------------------------------------


async def _robots_delay(client: Client, polite: Politeness, url: str, origin: str, ua: str,
                        timeout: float, min_delay: float, policy: Policy) -> float | FetchResult:
    """The delay robots.txt asks between requests to the host (at least ``min_delay``), or the
    result refusing ``url`` when robots.txt disallows it for our user agent."""
    rules = await polite.robots(client, origin, ua, min(ROBOTS_TIMEOUT, timeout), policy, robots_url(url))
    if rules is None:
        return min_delay
    if not rules.can_fetch(url, ua):
        return FetchResult(url=url, error=f"robots.txt of {origin} disallows this URL for our user agent "
                                          "(set respect_robots = false for this source to override)")
    return max(min_delay, min(MAX_CRAWL_DELAY, rules.crawl_delay(ua) or 0.0))


def _headers(ua: str, etag: str | None, last_modified: str | None) -> dict[str, str]:
    """The request's own headers: our user agent and the validators of the last fetch (a 304 then
    costs the server nothing)."""
    headers = {"User-Agent": ua}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


async def fetch(client: Client, url: str, *, timeout: float = 30.0, max_bytes: int = 10_000_000,
                etag: str | None = None, last_modified: str | None = None, user_agent: str | None = None,
                connect_timeout: float = 10.0, read_timeout: float = 20.0,
                max_decompressed: int = 20_000_000, retries: int = 2, max_redirects: int = MAX_REDIRECTS,
                min_delay: float = 0.0, respect_robots: bool = True,
                polite: Politeness | None = None, allow_private: bool | None = None,
                any_content: bool = False) -> FetchResult:
    """GET ``url``: at most ``timeout`` seconds in total (retries and their waits included).

    ``connect_timeout``/``read_timeout`` bound each connection and each wait for bytes; the total
    bounds a server that drips. Waiting for a per-host slot or a politeness delay is not counted:
    it is our choice, not the server's fault. ``polite`` is shared by the fetches of a pass; without
    it this call is polite on its own (it reads robots.txt itself). ``allow_private``: which
    non-public addresses the request and its redirects may reach (:class:`~watcher.fetch.guard.Policy`;
    None: only the one ``url`` names literally). ``any_content`` returns the body
    whatever its content type, unsniffed, for callers that parse the bytes themselves and say what is
    wrong with them (feeds: RSS, JSON Feed, gzip-compressed sitemaps).
    """
    polite = polite or Politeness()
    ua = user_agent or client.headers.get("User-Agent", "watcher")
    origin = origin_of(url)
    policy = Policy.for_url(url, allow_private)
    delay = (await _robots_delay(client, polite, url, origin, ua, timeout, min_delay, policy) if respect_robots
             else min_delay)
    if isinstance(delay, FetchResult):
        return delay  # disallowed
    timeouts = aiohttp.ClientTimeout(total=None, connect=min(connect_timeout, timeout),
                                     sock_read=min(read_timeout, timeout))
    req = _Request(client, url, _headers(ua, etag, last_modified), timeouts, max_bytes, max_decompressed,
                   max_redirects, policy, any_content)
    async with polite.slot(origin):
        return await _retrying(req, polite, origin, delay, timeout, retries)
