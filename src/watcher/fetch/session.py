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

Two sessions, because ``allow_private`` is a per-source setting while the pool is shared by all
sources of a pass: ``session`` connects only to public addresses (its connector resolves through
:class:`~watcher.fetch.guard.GuardedResolver`, and a request's :func:`~watcher.fetch.guard.guard`
middleware checks IP literals and proxied targets with the source's :class:`~watcher.fetch.guard.Policy`);
the unguarded one is made at the first request of a source with ``allow_private = true``.
:meth:`Client.get` picks the session for a policy. Two pools also mean that a connection opened
for a source allowed to reach a private address is never reused for a source that is not.
"""

from __future__ import annotations

import urllib.request
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import aiohttp

from . import certs
from .guard import STRICT, GuardedResolver, Policy, guard

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

    session: aiohttp.ClientSession  # guarded: public addresses only, unless a request's policy says more
    headers: dict[str, str]
    proxy: str | None = None
    env_proxies: dict[str, str] = field(default_factory=dict)
    _by_host: dict[tuple[str, str], str | None] = field(default_factory=dict)
    _settings: dict[str, Any] = field(default_factory=dict)  # to make the unguarded session alike
    _open: aiohttp.ClientSession | None = None
    _resolver: GuardedResolver | None = None  # the connector does not own a resolver it was given

    def get(self, url: Any, policy: Policy = STRICT, **kwargs: Any) -> Any:
        """``session.get(url, **kwargs)`` on the session ``policy`` calls for (the request's context
        manager): the guarded one with the policy's middleware, or for ``allow_private = true`` the
        unguarded one."""
        certs.before_request(url, kwargs.get("proxy"))
        if policy.allow:
            if self._open is None:
                self._open = _session(aiohttp.TCPConnector(**self._settings["connector"]), **self._settings["session"])
            return self._open.get(url, **kwargs)
        return self.session.get(url, middlewares=(guard(policy),), **kwargs)

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
        if self._open is not None:
            await self._open.close()
        if self._resolver is not None:
            await self._resolver.close()


def _session(connector: aiohttp.BaseConnector, **settings: Any) -> aiohttp.ClientSession:
    return aiohttp.ClientSession(connector=connector, auto_decompress=False, max_line_size=MAX_HEADER_LINE,
                                 max_field_size=MAX_HEADER_LINE, **settings)


def make_client(user_agent: str, timeout: float = 30.0, max_connections: int = 16, *,
                proxy: str | None = None) -> Client:
    """One pooled client for a whole check pass (connection reuse is most of the speed). Call it
    inside the running event loop that will use it.

    ``proxy`` comes from the config; without it ``trust_env`` lets ``HTTP(S)_PROXY``/``NO_PROXY``
    from the environment apply, as users of curl expect. Cookies a site sets (a consent wall's,
    a redirect that needs one) are kept for the client's life, IP-address hosts included.
    """
    connector: dict[str, Any] = dict(
        # idle connections to many hosts stay open: the pass's semaphore, not the pool, bounds
        # concurrency, and a pool as small as the concurrency thrashes when sources span more hosts
        limit=max(max_connections, KEEPALIVE_CONNECTIONS), limit_per_host=0, keepalive_timeout=30.0,
        ttl_dns_cache=300)
    headers = {"User-Agent": user_agent, "Accept": ACCEPT, "Accept-Language": "en;q=1.0, *;q=0.5",
               "Accept-Encoding": ACCEPT_ENCODING}
    settings: dict[str, Any] = dict(headers=headers, cookie_jar=aiohttp.CookieJar(unsafe=True),
                    timeout=aiohttp.ClientTimeout(total=timeout))
    env = {} if proxy else {k: v for k, v in urllib.request.getproxies().items() if k in ("http", "https")}
    proxy_hosts = [h for h in (urlsplit(p).hostname for p in [proxy, *env.values()] if p) if h]
    resolver = GuardedResolver(exempt=proxy_hosts)
    guarded = _session(aiohttp.TCPConnector(resolver=resolver, **connector), middlewares=(guard(STRICT),), **settings)
    return Client(guarded, headers, proxy, env, _settings={"connector": connector, "session": settings},
                  _resolver=resolver)
