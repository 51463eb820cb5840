"""Fetch a page over HTTP(S) within bounded time and memory, politely.

This stage knows HTTP and nothing about HTML: it turns a URL into a :class:`FetchResult` that is
either ``ok`` (bytes plus what the server said about them) or carries a one-line ``error`` or
``warning`` a person can act on. It never raises for network faults — a failing source must not
stop the others.

Why the body is read raw and inflated here rather than by httpx: httpx inflates a whole network
read (up to 64 KB) in one call, and 64 KB of a gzip bomb is ~66 MB of zeros; chained encodings
multiply that. :class:`_Inflater` inflates in pieces of at most :data:`PIECE` bytes, so a bomb is
cut off at ``max_decompressed`` without ever being allocated. We advertise only ``gzip, deflate``
(what we can bound); a server that sends ``br`` or ``zstd`` anyway gets a clear error.

Why redirects are followed by hand: to count them, to name a loop as a loop, to refuse a redirect
to a non-web scheme, and to record the final URL.

Politeness (DESIGN.md §3, Scrapy-like defaults): a per-host concurrency limit, no fixed delay
unless the config sets ``min_delay``, robots.txt asks for a ``Crawl-delay`` or a 429 says
``Retry-After``; robots.txt honoured by default (:mod:`protego`); retries with exponential backoff
and jitter on connection errors, 5xx and 429 — all inside the request's total time budget.
"""

from __future__ import annotations

import asyncio
import email.utils
import random
import socket
import time
import zlib
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from urllib.parse import urlsplit

import httpx
from protego import Protego

HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml")
MAX_REDIRECTS = 10
ACCEPT_ENCODING = "gzip, deflate"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
BACKOFF_BASE = 0.5          # seconds before the first retry; doubles each time, ±50 % jitter
MAX_RETRY_AFTER = 60.0      # longest Retry-After we wait for; longer means "not this check"
MAX_CRAWL_DELAY = 60.0      # a robots.txt Crawl-delay above this is capped (a pass must end)
ROBOTS_MAX_BYTES = 512_000  # Google reads the first 500 KiB of a robots.txt; so do we
ROBOTS_TIMEOUT = 10.0
ROBOTS_TTL = 3600.0         # how long a long-running service trusts a robots.txt it read
PIECE = 256 * 1024          # largest piece of inflated output produced at once
MAX_ENCODINGS = 3
_MAGIC = ((b"%PDF-", "a PDF document"), (b"\x89PNG", "a PNG image"), (b"GIF8", "a GIF image"),
          (b"\xff\xd8\xff", "a JPEG image"), (b"PK\x03\x04", "a ZIP archive"),
          (b"\x1f\x8b", "gzip-compressed data"), (b"RIFF", "a media file"), (b"\x7fELF", "a program"))


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


KEEPALIVE_CONNECTIONS = 100


def make_client(user_agent: str, timeout: float = 30.0, max_connections: int = 16, *,
                proxy: str | None = None, max_redirects: int = MAX_REDIRECTS) -> httpx.AsyncClient:
    """One pooled client for a whole check pass (connection reuse is most of the speed).

    ``proxy`` comes from the config; without it ``trust_env`` lets ``HTTP(S)_PROXY``/``NO_PROXY``
    from the environment apply, as users of curl expect.
    """
    return httpx.AsyncClient(
        follow_redirects=True,
        max_redirects=max_redirects,
        timeout=httpx.Timeout(timeout, connect=min(10.0, timeout)),
        headers={"User-Agent": user_agent, "Accept": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.5",
                 "Accept-Language": "en;q=1.0, *;q=0.5", "Accept-Encoding": ACCEPT_ENCODING},
        # idle connections to many hosts stay open: the pass's semaphore, not the pool, bounds
        # concurrency, and a pool as small as the concurrency thrashes when sources span more hosts
        limits=httpx.Limits(max_connections=max(max_connections, KEEPALIVE_CONNECTIONS),
                            max_keepalive_connections=KEEPALIVE_CONNECTIONS, keepalive_expiry=30.0),
        proxy=proxy,
        trust_env=True,
    )


# -- politeness: per-host state shared by the fetches of a pass ---------------------------------


@dataclass
class _Host:
    slots: asyncio.Semaphore
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    next_start: float = 0.0  # monotonic time before which no request to this host may start


@dataclass
class Politeness:
    """What the fetches of one check pass (or one service run) share about each host.

    Held by the caller, not in module globals (DESIGN.md §5): a per-host concurrency limit, the
    earliest time the next request may start (``min_delay``, ``Crawl-delay``, ``Retry-After``) and
    parsed robots.txt files, each fetched once per host and kept ``robots_ttl`` seconds.
    """

    per_host: int = 4
    robots_ttl: float = ROBOTS_TTL
    _hosts: dict[str, _Host] = field(default_factory=dict)
    _robots: dict[str, tuple[float, Protego | None]] = field(default_factory=dict)
    _robots_locks: dict[str, asyncio.Lock] = field(default_factory=dict)

    def _host(self, origin: str) -> _Host:
        h = self._hosts.get(origin)
        if h is None:
            h = self._hosts[origin] = _Host(asyncio.Semaphore(self.per_host))
        return h

    @asynccontextmanager
    async def slot(self, origin: str) -> AsyncIterator[None]:
        async with self._host(origin).slots:
            yield

    async def turn(self, origin: str, delay: float) -> None:
        """Wait until a request to ``origin`` may start; the next one may start ``delay`` s later."""
        h = self._host(origin)
        async with h.lock:
            wait = h.next_start - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            h.next_start = time.monotonic() + delay

    def pause(self, origin: str, seconds: float) -> None:
        """The server asked for a break (Retry-After): no request to it before then."""
        h = self._host(origin)
        h.next_start = max(h.next_start, time.monotonic() + seconds)

    async def robots(self, client: httpx.AsyncClient, origin: str, user_agent: str,
                     timeout: float) -> Protego | None:
        """The parsed robots.txt of ``origin`` (None: none there, or unreadable — all allowed)."""
        lock = self._robots_locks.setdefault(origin, asyncio.Lock())
        async with lock:  # concurrent sources on one host fetch it once
            cached = self._robots.get(origin)
            if cached and cached[0] > time.monotonic():
                return cached[1]
            rules = await _load_robots(client, origin, user_agent, timeout)
            self._robots[origin] = (time.monotonic() + self.robots_ttl, rules)
            return rules


async def _load_robots(client: httpx.AsyncClient, origin: str, user_agent: str, timeout: float) -> Protego | None:
    try:
        async with asyncio.timeout(timeout):
            req = client.build_request("GET", origin + "/robots.txt", headers={"User-Agent": user_agent},
                                       timeout=timeout)
            r = await client.send(req, stream=True, follow_redirects=True)
            try:
                if r.status_code != 200:
                    return None  # 4xx: no rules; 5xx/other: treated as allowed too (project's choice)
                body = await _read_body(r, ROBOTS_MAX_BYTES, ROBOTS_MAX_BYTES, truncate=True)
            finally:
                await r.aclose()
        return Protego.parse(body.decode("utf-8", errors="replace"))
    except (httpx.HTTPError, OSError, TimeoutError, _Fault, ValueError):
        return None


def _origin(url: httpx.URL | str) -> str:
    parts = urlsplit(str(url))
    return f"{parts.scheme}://{parts.netloc}".lower()


# -- reading a body within bounds ---------------------------------------------------------------


class _Fault(Exception):
    """A fetch fault with a one-line message; ``retry`` says whether trying again may help."""

    def __init__(self, message: str, *, retry: bool = False, retry_after: float | None = None,
                 result: FetchResult | None = None) -> None:
        super().__init__(message)
        self.retry, self.retry_after, self.result = retry, retry_after, result


class _Inflater:
    """One gzip or deflate layer, inflated in pieces of at most :data:`PIECE` bytes.

    ``zlib``'s ``max_length`` leaves the input it could not yet inflate in ``unconsumed_tail``,
    so however much a chunk expands, no piece is larger than PIECE. Concatenated gzip members
    (legal, and a way to build bombs that naive decoders stop early on) are followed.
    """

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._start(zlib.MAX_WBITS | 16 if kind == "gzip" else zlib.MAX_WBITS)

    def _start(self, wbits: int) -> None:
        self.wbits, self.d, self.fresh = wbits, zlib.decompressobj(wbits), True

    def feed(self, data: bytes) -> Iterator[bytes]:
        while data:
            try:
                out = self.d.decompress(data, PIECE)
            except zlib.error:
                if self.kind == "deflate" and self.fresh and self.wbits > 0:  # raw deflate, as browsers allow
                    self._start(-zlib.MAX_WBITS)
                    continue
                raise
            self.fresh = False
            if out:
                yield out
            if self.d.eof:
                rest = self.d.unused_data
                if self.kind == "gzip" and rest.lstrip(b"\x00"):
                    self._start(self.wbits)
                    data = rest
                    continue
                return  # trailing bytes after the stream are ignored, as browsers do
            tail = self.d.unconsumed_tail
            if not out and tail == data:
                return
            data = tail


def _through(layers: list[_Inflater], data: bytes) -> Iterator[bytes]:
    if not layers:
        yield data
        return
    for piece in layers[0].feed(data):
        yield from _through(layers[1:], piece)


def _inflaters(content_encoding: str | None) -> list[_Inflater]:
    """Decoders for a Content-Encoding header, outermost (last applied) first."""
    names = [e.strip().lower() for e in (content_encoding or "").split(",") if e.strip()]
    names = [{"x-gzip": "gzip"}.get(n, n) for n in names if n != "identity"]
    unknown = [n for n in names if n not in ("gzip", "deflate")]
    if unknown:
        raise _Fault(f"unsupported content encoding {unknown[0]!r} (we asked for {ACCEPT_ENCODING})")
    if len(names) > MAX_ENCODINGS:
        raise _Fault(f"content encoded {len(names)} times (at most {MAX_ENCODINGS} accepted)")
    return [_Inflater(n) for n in reversed(names)]


async def _read_body(r: httpx.Response, max_bytes: int, max_decompressed: int, *, truncate: bool = False) -> bytes:
    """The body, inflated; raw bytes capped at ``max_bytes``, inflated at ``max_decompressed``.

    Both caps apply while the bytes arrive, so nothing larger than a cap plus one piece is ever
    held. ``truncate`` keeps what fits instead of failing (robots.txt).
    """
    layers = _inflaters(r.headers.get("content-encoding"))
    chunks: list[bytes] = []
    raw = size = 0
    try:
        async for chunk in r.aiter_raw():
            raw += len(chunk)
            if raw > max_bytes and not truncate:
                raise _Fault(f"response too large (over {max_bytes:,} bytes)")
            for piece in _through(layers, chunk):
                size += len(piece)
                if size > max_decompressed:
                    if truncate:
                        chunks.append(piece[: len(piece) - (size - max_decompressed)])
                        return b"".join(chunks)
                    raise _Fault(f"decompressed body too large (over {max_decompressed:,} bytes from "
                                 f"{raw:,} received; a compression bomb?)")
                chunks.append(piece)
            if raw > max_bytes:
                break
    except zlib.error as e:
        raise _Fault(f"bad content encoding ({r.headers.get('content-encoding')}): {e}") from None
    return b"".join(chunks)


def _sniff_binary(body: bytes) -> str | None:
    head = body[:4096]
    for magic, what in _MAGIC:
        if head.lstrip()[: len(magic)] == magic:
            return what
    return "binary data" if b"\x00" in head else None


def parse_retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _describe(exc: BaseException) -> str:
    name = type(exc).__name__
    if isinstance(exc, httpx.ConnectTimeout):
        return "connection timed out"
    if isinstance(exc, httpx.ReadTimeout):
        return "timed out waiting for the server"
    if isinstance(exc, httpx.ConnectError):
        if _dns_failure(exc):
            return f"cannot resolve the host name: {exc}"
        return f"cannot connect: {exc or name}"
    if isinstance(exc, httpx.RemoteProtocolError | httpx.ReadError):
        return f"connection broken by the server ({exc or 'reset'})"
    if isinstance(exc, httpx.UnsupportedProtocol):
        return f"not a web URL: {exc}"
    if isinstance(exc, httpx.ProxyError):
        return f"proxy error: {exc}"
    return f"{name}: {exc}" if str(exc) else name


def _dns_failure(exc: BaseException) -> bool:
    """A name that does not resolve will not resolve a second later: not worth a retry."""
    seen: BaseException | None = exc
    for _ in range(5):
        if seen is None:
            return False
        if isinstance(seen, socket.gaierror):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


_RETRY_ERRORS = (httpx.ConnectError, httpx.ConnectTimeout, httpx.RemoteProtocolError, httpx.ReadError,
                 httpx.WriteError, httpx.PoolTimeout, httpx.ProxyError)


# -- one attempt: a request and its redirects --------------------------------------------------


async def _attempt(client: httpx.AsyncClient, url: str, headers: dict[str, str], timeouts: httpx.Timeout,
                   max_bytes: int, max_decompressed: int, max_redirects: int, start: float, *,
                   any_content: bool = False) -> FetchResult:
    request = client.build_request("GET", url, headers=headers, timeout=timeouts)
    visits: dict[str, int] = {}
    for hop in range(max_redirects + 1):
        r = await client.send(request, stream=True, follow_redirects=False)
        try:
            nxt = r.next_request
            if nxt is None:
                return await _response(r, url, hop, max_bytes, max_decompressed, start, any_content=any_content)
            target = str(nxt.url)
            if nxt.url.scheme not in ("http", "https"):
                raise _Fault(f"redirect to a non-web URL refused: {target[:200]}")
            visits[target] = visits.get(target, 0) + 1
            if visits[target] > 2:
                raise _Fault(f"redirect loop: {str(r.url)[:200]} → {target[:200]} → … ({hop + 1} redirects)")
            request = nxt
        finally:
            await r.aclose()
    raise _Fault(f"too many redirects (more than {max_redirects})")


async def _response(r: httpx.Response, url: str, hops: int, max_bytes: int, max_decompressed: int,
                    start: float, *, any_content: bool = False) -> FetchResult:
    ctype = r.headers.get("content-type", "").split(";")[0].strip().lower() or None
    base = dict(url=url, final_url=str(r.url), status=r.status_code, content_type=ctype, redirects=hops,
                etag=r.headers.get("etag"), last_modified=r.headers.get("last-modified"),
                encoding=r.charset_encoding, headers={k.lower(): v for k, v in r.headers.items()})

    def done(**kw) -> FetchResult:
        return FetchResult(**base, **kw, elapsed=time.monotonic() - start)

    if r.status_code == 304:
        return done(not_modified=True)
    if r.status_code in RETRY_STATUSES:
        message = f"HTTP {r.status_code} {r.reason_phrase}".strip()
        raise _Fault(message, retry=True, retry_after=parse_retry_after(r.headers.get("retry-after")),
                     result=done(error=message))
    if r.status_code >= 400:
        return done(error=f"HTTP {r.status_code} {r.reason_phrase}".strip())
    if r.status_code >= 300:
        return done(error=f"HTTP {r.status_code} redirect without a usable Location")
    if ctype and not any_content and not any(ctype.startswith(t) for t in HTML_TYPES):
        return done(warning=f"not an HTML page (content type {ctype})")
    declared = r.headers.get("content-length", "").strip()
    if declared.isascii() and declared.isdigit() and int(declared) > max_bytes:
        return done(error=f"response too large ({int(declared):,} bytes > {max_bytes:,})")
    body = await _read_body(r, max_bytes, max_decompressed)
    if not body.strip():
        return done(warning="empty response body")
    what = None if any_content else _sniff_binary(body)
    if what:
        return done(warning=f"not an HTML page ({what})")
    return done(body=body)


# -- the public entry ---------------------------------------------------------------------------


def _backoff(attempt: int) -> float:
    return BACKOFF_BASE * 2 ** attempt * random.uniform(0.5, 1.5)


async def fetch(client: httpx.AsyncClient, url: str, *, timeout: float = 30.0, max_bytes: int = 10_000_000,
                etag: str | None = None, last_modified: str | None = None, user_agent: str | None = None,
                connect_timeout: float = 10.0, read_timeout: float = 20.0,
                max_decompressed: int = 20_000_000, retries: int = 2, max_redirects: int = MAX_REDIRECTS,
                min_delay: float = 0.0, respect_robots: bool = True,
                polite: Politeness | None = None, any_content: bool = False) -> FetchResult:
    """GET ``url``: at most ``timeout`` seconds in total (retries and their waits included).

    ``connect_timeout``/``read_timeout`` bound each connection and each wait for bytes; the total
    bounds a server that drips. Waiting for a per-host slot or a politeness delay is not counted:
    it is our choice, not the server's fault. ``polite`` is shared by the fetches of a pass; without
    it this call is polite on its own (it reads robots.txt itself). ``any_content`` returns the body
    whatever its content type, unsniffed, for callers that parse the bytes themselves and say what is
    wrong with them (feeds: RSS, JSON Feed, gzip-compressed sitemaps).
    """
    polite = polite or Politeness()
    ua = user_agent or client.headers.get("User-Agent", "watcher")
    origin = _origin(url)
    delay = min_delay
    if respect_robots:
        rules = await polite.robots(client, origin, ua, min(ROBOTS_TIMEOUT, timeout))
        if rules is not None:
            if not rules.can_fetch(url, ua):
                return FetchResult(url=url, error=f"robots.txt of {origin} disallows this URL for our user agent "
                                                  "(set respect_robots = false for this source to override)")
            delay = max(delay, min(MAX_CRAWL_DELAY, rules.crawl_delay(ua) or 0.0))
    headers = {"User-Agent": ua}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    timeouts = httpx.Timeout(timeout, connect=min(connect_timeout, timeout), read=min(read_timeout, timeout))
    async with polite.slot(origin):
        start = time.monotonic()
        deadline = start + timeout
        last: FetchResult | None = None
        attempt = 0
        try:
            async with asyncio.timeout(timeout):
                while True:
                    attempt += 1
                    await polite.turn(origin, delay)
                    try:
                        res = await _attempt(client, url, headers, timeouts, max_bytes, max_decompressed,
                                             max_redirects, start, any_content=any_content)
                        return _with(res, attempts=attempt)
                    except _Fault as f:
                        if not f.retry:
                            return FetchResult(url=url, error=str(f), elapsed=time.monotonic() - start,
                                               attempts=attempt)
                        last, wait = f.result, f.retry_after
                    except _RETRY_ERRORS as e:
                        if _dns_failure(e):
                            raise
                        last, wait = FetchResult(url=url, error=_describe(e)), None
                    assert last is not None  # set by either branch above
                    if wait is not None and wait > MAX_RETRY_AFTER:
                        return _with(last, error=f"{last.error} (server asks to retry after {wait:.0f} s)",
                                     attempts=attempt, elapsed=time.monotonic() - start)
                    if wait is not None:
                        polite.pause(origin, wait)  # the whole host asked for a break
                    else:
                        wait = _backoff(attempt - 1)
                    if attempt > retries or time.monotonic() + wait >= deadline:
                        note = f" (after {attempt} attempts)" if attempt > 1 else ""
                        if attempt <= retries:
                            note = f" (no retry: waiting {wait:.1f} s would pass the {timeout:g} s time limit)"
                        return _with(last, error=(last.error or "") + note, attempts=attempt,
                                     elapsed=time.monotonic() - start)
                    await asyncio.sleep(wait)
        except TimeoutError:
            note = f"; earlier attempt: {last.error}" if last and last.error else ""
            return FetchResult(url=url, error=f"timed out after {timeout:g} s in total{note}",
                               elapsed=time.monotonic() - start, attempts=attempt)
        except (httpx.HTTPError, OSError) as e:
            return FetchResult(url=url, error=_describe(e), elapsed=time.monotonic() - start, attempts=attempt)


def _with(res: FetchResult, **changes) -> FetchResult:
    return replace(res, **changes)
