"""Politeness (DESIGN.md §3, Scrapy-like defaults): what the fetches of a pass share about each host.

A per-host concurrency limit, no fixed delay unless the config sets ``min_delay``, robots.txt asks
for a ``Crawl-delay`` or a 429 says ``Retry-After``; robots.txt honoured by default (:mod:`protego`),
read once per host and kept for a while.
"""

from __future__ import annotations

import asyncio
import email.utils
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urlsplit

import aiohttp
from protego import Protego

from .body import read_body
from .result import Fault
from .session import Client

MAX_RETRY_AFTER = 60.0      # longest Retry-After we wait for; longer means "not this check"
MAX_CRAWL_DELAY = 60.0      # a robots.txt Crawl-delay above this is capped (a pass must end)
ROBOTS_MAX_BYTES = 512_000  # Google reads the first 500 KiB of a robots.txt; so do we
ROBOTS_TIMEOUT = 10.0
ROBOTS_TTL = 3600.0         # how long a long-running service trusts a robots.txt it read


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

    async def robots(self, client: Client, origin: str, user_agent: str, timeout: float) -> Protego | None:
        """The parsed robots.txt of ``origin`` (None: none there, or unreadable — all allowed)."""
        lock = self._robots_locks.setdefault(origin, asyncio.Lock())
        async with lock:  # concurrent sources on one host fetch it once
            cached = self._robots.get(origin)
            if cached and cached[0] > time.monotonic():
                return cached[1]
            rules = await _load_robots(client, origin, user_agent, timeout)
            self._robots[origin] = (time.monotonic() + self.robots_ttl, rules)
            return rules


async def _load_robots(client: Client, origin: str, user_agent: str, timeout: float) -> Protego | None:
    try:
        async with asyncio.timeout(timeout):
            async with client.session.get(origin + "/robots.txt", headers={"User-Agent": user_agent},
                                          timeout=aiohttp.ClientTimeout(total=timeout), proxy=client.proxy_for(origin),
                                          allow_redirects=True, max_redirects=5) as r:
                if r.status != 200:
                    return None  # 4xx: no rules; 5xx/other: treated as allowed too (project's choice)
                body = await read_body(r, ROBOTS_MAX_BYTES, ROBOTS_MAX_BYTES, truncate=True)
        return Protego.parse(body.decode("utf-8", errors="replace"))
    except (aiohttp.ClientError, OSError, TimeoutError, Fault, ValueError):
        return None


def origin_of(url: object) -> str:
    """``scheme://host:port`` of a URL: the unit politeness counts by."""
    parts = urlsplit(str(url))
    return f"{parts.scheme}://{parts.netloc}".lower()


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
