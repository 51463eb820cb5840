"""The pooled HTTP client every fetch of a pass (or of a service's life) goes through.

Why aiohttp: it is the asyncio HTTP client the field uses for crawling at scale, and on the same
pages it costs about a quarter of the CPU per request of httpx (0.25 against 1.0–2.2 ms, measured
on 500 loopback pages over 20 hosts: httpx's pool scans every idle connection on each request,
asking each socket whether it is readable). A monitor whose unchanged pages cost one request
each spends most of its time here.

The session is configured so that the fetch stage keeps the decisions it must bound itself:
bodies arrive still content-encoded (``auto_decompress=False``: :mod:`watcher.fetch.body`
inflates them within limits) and redirects are not followed here (:mod:`watcher.fetch.client`
follows them by hand to count them and to refuse non-web targets).
"""

from __future__ import annotations

import urllib.request
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import aiohttp

ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.5"
ACCEPT_ENCODING = "gzip, deflate"  # what :mod:`watcher.fetch.body` can inflate within bounds
KEEPALIVE_CONNECTIONS = 100
MAX_HEADER_LINE = 16384  # a header line longer than this is a broken or hostile server


@dataclass
class Client:
    """An aiohttp session with our default headers and proxy; ``async with`` closes it.

    ``proxy`` is the configured proxy; without one, ``env_proxies`` (``HTTP(S)_PROXY``, read once)
    apply to every host ``NO_PROXY`` does not exempt. Decided here once per host rather than by
    aiohttp's ``trust_env``, which reads the environment and ``~/.netrc`` again on every request
    (a quarter of an unchanged page's CPU)."""

    session: aiohttp.ClientSession
    headers: dict[str, str]
    proxy: str | None = None
    env_proxies: dict[str, str] = field(default_factory=dict)
    _by_host: dict[tuple[str, str], str | None] = field(default_factory=dict)

    def proxy_for(self, url: str) -> str | None:
        """The proxy a request to ``url`` goes through, if any."""
        if self.proxy or not self.env_proxies:
            return self.proxy
        parts = urlsplit(url)
        key = (parts.scheme, parts.hostname or "")
        if key not in self._by_host:
            via = self.env_proxies.get(parts.scheme)
            self._by_host[key] = None if via is None or urllib.request.proxy_bypass(key[1]) else via
        return self._by_host[key]

    async def __aenter__(self) -> Client:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.session.close()


def make_client(user_agent: str, timeout: float = 30.0, max_connections: int = 16, *,
                proxy: str | None = None) -> Client:
    """One pooled client for a whole check pass (connection reuse is most of the speed). Call it
    inside the running event loop that will use it.

    ``proxy`` comes from the config; without it ``trust_env`` lets ``HTTP(S)_PROXY``/``NO_PROXY``
    from the environment apply, as users of curl expect. Cookies a site sets (a consent wall's,
    a redirect that needs one) are kept for the client's life, IP-address hosts included.
    """
    connector = aiohttp.TCPConnector(
        # idle connections to many hosts stay open: the pass's semaphore, not the pool, bounds
        # concurrency, and a pool as small as the concurrency thrashes when sources span more hosts
        limit=max(max_connections, KEEPALIVE_CONNECTIONS), limit_per_host=0, keepalive_timeout=30.0,
        ttl_dns_cache=300)
    headers = {"User-Agent": user_agent, "Accept": ACCEPT, "Accept-Language": "en;q=1.0, *;q=0.5",
               "Accept-Encoding": ACCEPT_ENCODING}
    session = aiohttp.ClientSession(
        connector=connector, headers=headers, auto_decompress=False,
        cookie_jar=aiohttp.CookieJar(unsafe=True), timeout=aiohttp.ClientTimeout(total=timeout),
        max_line_size=MAX_HEADER_LINE, max_field_size=MAX_HEADER_LINE)
    env = {} if proxy else {k: v for k, v in urllib.request.getproxies().items() if k in ("http", "https")}
    return Client(session, headers, proxy, env)
