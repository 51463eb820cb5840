"""Which addresses a fetch may connect to: loopback, private, link-local and other non-public
targets are refused unless a source allows them (``allow_private``).

Why: watcher runs on servers and follows what pages say. A watched page that redirects to
``http://169.254.169.254/latest/meta-data/`` (a cloud's instance metadata), a host name whose DNS
answers ``127.0.0.1``, or a discovered URL naming an internal service would otherwise make watcher
fetch it and store what it says (SSRF).

How the check cannot be raced: the decision is taken on the addresses the connection is then made
to, not on a name looked up separately.

* **Host names** are resolved by :class:`GuardedResolver`, the resolver of the connector the
  guarded session uses. It drops every non-public address from the answer (and refuses the host
  when none is left), and the connector connects to exactly the addresses it returned — the same
  ones, also from its DNS cache: no second lookup an attacker's DNS could answer differently
  (DNS rebinding).
* **IP literals** (``http://10.0.0.5/``) never reach a resolver — aiohttp connects to them
  directly — so :func:`guard` checks them: a client middleware, which aiohttp runs for every
  request and again for every redirect hop it follows itself (robots.txt), before connecting.
* **Through a proxy**, the proxy resolves the target, not us. The middleware then resolves the
  target host itself and refuses a non-public answer; the proxy looks the name up again, so a
  DNS answer that changes between the two lookups is not caught (a limitation of any client
  behind a proxy; the proxy's own rules are the place for that). The proxy itself, an address
  the operator configured, is exempt.

The policy of a source (:class:`Policy`): ``allow_private = true`` allows every target (it is
fetched through a separate, unguarded session: :meth:`watcher.fetch.session.Client.get`);
``false`` refuses every non-public target; unset (the default) refuses them too, except the IP
address the source's own URL names literally (``http://127.0.0.1:8080/``): the operator wrote
that address down, nobody else could have chosen it, so local use, the demo and the tests work
as written, while redirects and host names resolving to private addresses are still refused.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from ipaddress import IPv4Address, IPv6Address, ip_address, ip_network
from urllib.parse import urlsplit

import aiohttp
from aiohttp.abc import AbstractResolver, ResolveResult
from yarl import URL

from .result import Fault

IPAddress = IPv4Address | IPv6Address

_PRIVATE = tuple(ip_network(n) for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"))
_SHARED = ip_network("100.64.0.0/10")  # carrier-grade NAT (RFC 6598)
_NAT64 = ip_network("64:ff9b::/96")


@lru_cache(maxsize=4096)  # every request to an IP-literal host asks again; ipaddress's tests cost ~10 µs
def classify(ip: IPAddress) -> str | None:
    """What kind of non-public address ``ip`` is ("loopback", "private", "link-local", …), or None
    for a public one. An IPv6 address that carries an IPv4 one (mapped, 6to4, NAT64) is judged by
    the IPv4 address it reaches."""
    if isinstance(ip, IPv6Address):
        v4 = ip.ipv4_mapped or ip.sixtofour or (IPv4Address(int(ip) & 0xFFFFFFFF) if ip in _NAT64 else None)
        if v4 is not None:
            return classify(v4)
    if ip.is_loopback:
        return "loopback"
    if ip.is_unspecified:
        return "unspecified"
    if ip.is_link_local:
        return "link-local"
    if ip.is_multicast:
        return "multicast"
    if any(ip in net for net in _PRIVATE):
        return "private"
    if ip in _SHARED:
        return "shared (carrier-grade NAT)"
    if ip.is_reserved or not ip.is_global:
        return "reserved"
    return None


@lru_cache(maxsize=4096)  # asked at every request: parsing (and failing to parse) costs 4–8 µs
def _literal(host: str | None) -> IPAddress | None:
    """The IP address a URL's host is, when it is one (not a name)."""
    try:
        return ip_address(host or "")
    except ValueError:
        return None


class Refused(Fault):
    """A target refused because of the address it resolves to; ``str`` names both."""

    def __init__(self, target: str, address: str, kind: str) -> None:
        article = "an" if kind[0] in "aeiou" else "a"
        super().__init__(f"refused: {target[:200]} resolves to {address}, {article} {kind} address; "
                         "set allow_private = true for this source to allow it")
        self.target, self.address, self.kind = target, address, kind


@dataclass(frozen=True)
class Policy:
    """Which non-public targets one source may reach (see the module's docstring).

    ``allow``: True (any), False (none), None (none but ``literal``, the address its URL names)."""

    allow: bool | None = None
    literal: IPAddress | None = None

    @classmethod
    def for_url(cls, url: str, allow: bool | None) -> Policy:
        return cls(allow, _literal(urlsplit(url).hostname) if allow is None else None)

    def refuses(self, ip: IPAddress) -> str | None:
        """The kind of address ``ip`` is when this policy refuses it, else None."""
        if self.allow or (self.allow is None and ip == self.literal):
            return None
        return classify(ip)


STRICT = Policy(allow=False)


class GuardedResolver(AbstractResolver):
    """aiohttp's default resolver, with every non-public address dropped from its answers.

    ``exempt`` names hosts whose answers pass as they are: the configured proxies (an operator's
    choice, commonly on a private address)."""

    def __init__(self, exempt: Iterable[str] = ()) -> None:
        self._inner = aiohttp.DefaultResolver()
        self._exempt = {h.lower() for h in exempt}

    async def resolve(self, host: str, port: int = 0,
                      family: socket.AddressFamily = socket.AF_INET) -> list[ResolveResult]:
        answers = await self._inner.resolve(host, port, family)
        if host.lower().rstrip(".") in self._exempt:
            return answers
        kept = [a for a in answers if classify(ip_address(a["host"])) is None]
        if not kept:
            first = answers[0]["host"] if answers else "no address"
            raise Refused(host, first, classify(ip_address(first)) or "non-public")
        return kept

    async def close(self) -> None:
        await self._inner.close()


async def _check_via_proxy(url: URL, policy: Policy) -> None:
    """The target of a proxied request, resolved by us (see the module's docstring on proxies)."""
    host = url.raw_host or ""
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, url.port or 80, type=socket.SOCK_STREAM)
    except OSError:  # a name only the proxy can resolve (split-horizon DNS): the proxy decides
        return
    addresses = [str(info[4][0]) for info in infos]
    for a in addresses:
        kind = policy.refuses(ip_address(a))
        if kind is not None:
            raise Refused(str(url), a, kind)


def guard(policy: Policy) -> aiohttp.ClientMiddlewareType:
    """The client middleware that enforces ``policy`` on every request and every redirect hop:
    IP-literal targets here, host names by :class:`GuardedResolver` (whose refusal is given the
    request's URL here), proxied targets by a lookup of our own."""

    async def middleware(req: aiohttp.ClientRequest, handler: aiohttp.ClientHandlerType) -> aiohttp.ClientResponse:
        ip = _literal(req.url.host)
        if ip is not None:
            kind = policy.refuses(ip)
            if kind is not None:
                raise Refused(str(req.url), str(ip), kind)
        elif req.proxy is not None and not policy.allow:
            await _check_via_proxy(req.url, policy)
        try:
            return await handler(req)
        except Refused as e:
            if e.target == str(req.url):
                raise
            raise Refused(str(req.url), e.address, e.kind) from None

    return middleware
