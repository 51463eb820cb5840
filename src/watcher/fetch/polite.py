"""Politeness (DESIGN.md §3, Scrapy-like defaults): what the fetches of a pass share about each host.

A per-host concurrency limit, no fixed delay unless the config sets ``min_delay``, robots.txt asks
for a ``Crawl-delay`` or a 429 says ``Retry-After``; robots.txt honoured by default (:mod:`protego`),
read once per host and kept for a while.
"""

from __future__ import annotations

import asyncio
import email.utils
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urlsplit

import aiohttp
from protego import Protego

from .body import read_body
from .guard import STRICT, Policy
from .result import Fault
from .session import Client

Turns = Callable[[str, float], Awaitable[float]]  # (origin, delay) -> seconds until this request's turn

MAX_RETRY_AFTER = 60.0      # longest Retry-After we wait for; longer means "not this check"
MAX_CRAWL_DELAY = 60.0      # a robots.txt Crawl-delay above this is capped (a pass must end)
ROBOTS_MAX_BYTES = 512_000  # Google reads the first 500 KiB of a robots.txt; so do we
ROBOTS_TIMEOUT = 10.0
ROBOTS_TTL = 3600.0         # how long a robots.txt is trusted once read (RFC 9309 allows a day)

RobotsFile = tuple[float, str | None]  # when it was read (wall clock) and its text (None: the host has none)
Recall = Callable[[str], Awaitable[RobotsFile | None]]  # origin -> its robots.txt as kept, if any


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

    The robots.txt files a process read before count as read: handed over at the start
    (:meth:`remember_robots`, a pass) or asked for when a host is first met and each time its file
    expires (``recall``, a service or a cluster node: another process may have read it since). So a
    pass started from cron every few minutes asks each host once an hour, not once a pass. What this
    one read, it hands back (:meth:`take_robots_read`) to be kept in turn.

    ``shared_turns``: where processes that fetch from the same hosts (the nodes of a cluster) reserve
    their turns, so ``min_delay`` and ``Crawl-delay`` hold across all of them, not per process.
    """

    per_host: int = 4
    robots_ttl: float = ROBOTS_TTL
    shared_turns: Turns | None = None
    recall: Recall | None = None
    _hosts: dict[str, _Host] = field(default_factory=dict)
    _robots: dict[str, tuple[float, Protego | None]] = field(default_factory=dict)
    _robots_locks: dict[str, asyncio.Lock] = field(default_factory=dict)
    _remembered: dict[str, RobotsFile] = field(default_factory=dict)  # read before, parsed at first use
    _read: dict[str, RobotsFile] = field(default_factory=dict)  # read by this one, to be kept

    def remember_robots(self, files: Mapping[str, RobotsFile]) -> None:
        """robots.txt files read before, by origin: each is used until ``robots_ttl`` after it was
        read instead of asking the host again (parsed when its host is first asked about)."""
        self._remembered.update(files)

    def take_robots_read(self) -> dict[str, RobotsFile]:
        """The robots.txt files this one read from their hosts since the last call (not those it was
        told about): each an answer the host gave — its file, or none (4xx) —, not a failure, which
        is asked again."""
        read, self._read = self._read, {}
        return read

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
            if delay > 0 and self.shared_turns is not None:
                wait = await self.shared_turns(origin, delay)
                if wait > 0:
                    await asyncio.sleep(wait)
                    h.next_start = time.monotonic() + delay

    def pause(self, origin: str, seconds: float) -> None:
        """The server asked for a break (Retry-After): no request to it before then."""
        h = self._host(origin)
        h.next_start = max(h.next_start, time.monotonic() + seconds)

    async def robots(self, client: Client, origin: str, user_agent: str, timeout: float,
                     policy: Policy = STRICT, url: str | None = None) -> Protego | None:
        """The parsed robots.txt of ``origin`` (None: none there, unreadable, or at an address
        ``policy`` refuses — all allowed; the page's own request then says why it is refused),
        read from ``url`` (default: the origin's ``/robots.txt``)."""
        lock = self._robots_locks.setdefault(origin, asyncio.Lock())
        async with lock:  # concurrent sources on one host fetch it once
            cached = self._robots.get(origin)
            if cached and cached[0] > time.monotonic():
                return cached[1]
            known = self._remembered.pop(origin, None)
            if known is None and self.recall is not None:
                known = await self.recall(origin)
            if known is not None and 0 <= (age := time.time() - known[0]) < self.robots_ttl:
                rules = _parse_robots(known[1])  # read by another process (or before): its time left
                self._robots[origin] = (time.monotonic() + self.robots_ttl - age, rules)
                return rules
            read_at = time.time()
            answered, text = await _load_robots(client, url or origin + "/robots.txt", user_agent, timeout, policy)
            rules = _parse_robots(text)
            self._robots[origin] = (time.monotonic() + self.robots_ttl, rules)
            if answered:
                self._read[origin] = (read_at, text)
            return rules


def _parse_robots(text: str | None) -> Protego | None:
    """The rules of a robots.txt (None: none, or one protego cannot read — everything allowed)."""
    if text is None:
        return None
    try:
        return Protego.parse(text)
    except ValueError:
        return None


async def _load_robots(client: Client, url: str, user_agent: str, timeout: float,
                       policy: Policy) -> tuple[bool, str | None]:
    """Whether the host answered (200 or 4xx, not a failure) and the robots.txt it sent, if any."""
    try:
        async with asyncio.timeout(timeout):
            async with client.get(url, policy, headers={"User-Agent": user_agent},
                                  timeout=aiohttp.ClientTimeout(total=timeout), proxy=client.proxy_for(url),
                                  allow_redirects=True, max_redirects=5) as r:
                if r.status != 200:
                    # 4xx: no rules; 5xx/other: treated as allowed too (project's choice), but only
                    # for now: a host that failed to answer is asked again by the next pass
                    return 400 <= r.status < 500, None
                body = await read_body(r, ROBOTS_MAX_BYTES, ROBOTS_MAX_BYTES, truncate=True)
        return True, body.decode("utf-8", errors="replace")
    except (aiohttp.ClientError, OSError, TimeoutError, Fault, ValueError):
        return False, None


def origin_of(url: object) -> str:
    """``scheme://host:port`` of a URL: the unit politeness counts by. Without the URL's credentials
    (``user:password@``): two sources with different ones are still one host to be polite to, and
    the origin is a key kept in the store (robots.txt files, a cluster's request turns)."""
    parts = urlsplit(str(url))
    return f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}".lower()


def robots_url(url: str) -> str:
    """Where the robots.txt of ``url``'s host is: at its origin, asked with the URL's own
    credentials (a site behind a login may answer robots.txt only to them)."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/robots.txt"


def host_of(url: str) -> str:
    """The host name of a URL, lower-case: the unit ``per_host`` counts checks by."""
    return (urlsplit(url).hostname or "").lower()


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
