"""Which ``Host`` names ``watcher serve`` answers to, derived from the address it is bound to.

Why a Host allow-list on every bind: a page on ``evil.example`` can make its own name resolve to
the address watcher listens on (DNS rebinding); the browser then treats watcher's pages as
``evil.example``'s and lets its scripts read them and post forms. The one thing the attacker cannot
change is the ``Host`` header, which carries the attacker's name — so only names the operator
uses are answered. A loopback bind derives them (``127.0.0.1``, ``localhost``, ``::1``, the bound
address); any other bind answers to its own address and to the names given with ``--allow-host``
or ``[serve] allow_hosts``; a wildcard bind (``0.0.0.0``, ``::``) has no address of its own to
derive from, so it answers to the configured names only.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")
_LABELS = re.compile(r"\A[a-z0-9_](?:[a-z0-9_.-]*[a-z0-9_.])?\Z", re.IGNORECASE)  # a DNS name or IPv4 address


def _ip(addr: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        ip = ipaddress.ip_address(addr.split("%", 1)[0])
    except ValueError:
        return None
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        return ip.ipv4_mapped
    return ip


def is_loopback(addr: str) -> bool:
    """True for an address only this machine can reach (127.0.0.0/8, ::1)."""
    ip = _ip(addr)
    return ip is not None and ip.is_loopback


def is_wildcard(addr: str) -> bool:
    """True for ``0.0.0.0`` and ``::``: every interface, so no name of its own."""
    ip = _ip(addr)
    return ip is not None and ip.is_unspecified


def parse_host(value: str) -> tuple[str, int | None] | None:
    """``(name, port)`` of a ``Host`` header or an ``--allow-host`` entry: the name lower-cased, an IP
    address in its canonical form without brackets; None when it is not a plain host name or
    address with an optional port (a user part, a path or a bad port never passes)."""
    value = value.strip()
    if not value.isascii() or any(c.isspace() or c in "/?#@\\" for c in value):
        return None
    if value.startswith("["):
        name, bracket, rest = value[1:].partition("]")
        ip = _ip(name) if bracket else None
        if ip is None or ip.version != 6:
            return None
        name = str(ip)
    elif value.count(":") > 1:  # an IPv6 address without brackets (an --allow-host entry, a bind address)
        ip = _ip(value)
        if ip is None:
            return None
        name, rest = str(ip), ""
    else:
        name, colon, port = value.partition(":")
        rest = colon + port
        if not _LABELS.match(name):
            return None
    if not rest:
        return name.lower(), None
    digits = rest[1:]
    if not rest.startswith(":") or not digits.isdigit() or len(digits) > 5 or not 0 < int(digits) < 65536:
        return None
    return name.lower(), int(digits)


@dataclass(frozen=True)
class HostAllowList:
    """The ``Host`` names answered: ``names`` on the bound port or with no port, and ``exact``
    name/port pairs (``--allow-host name:port``, e.g. the port of a reverse proxy)."""

    port: int
    names: frozenset[str]
    exact: frozenset[tuple[str, int]]

    def allows(self, host_header: str | None) -> bool:
        parsed = parse_host(host_header or "")
        if parsed is None:
            return False
        name, port = parsed
        if name in self.names and port in (None, self.port):
            return True
        return port is not None and (name, port) in self.exact

    def shown(self) -> str:
        """The names for the start message."""
        items = sorted(self.names) + sorted(f"[{n}]:{p}" if ":" in n else f"{n}:{p}" for n, p in self.exact)
        return ", ".join(items)


class HostError(ValueError):
    """An ``--allow-host`` entry that is not a host name, or a bind that would answer to no name."""


def allow_list(bind_host: str, bound_addr: str, port: int, extra: tuple[str, ...] | list[str] = ()) -> HostAllowList:
    """The allow-list of a server bound to ``bound_addr:port`` (given on the command line as
    ``bind_host``), plus the operator's ``extra`` entries (``name`` or ``name:port``)."""
    names: set[str] = set()
    exact: set[tuple[str, int]] = set()
    for entry in extra:
        parsed = parse_host(entry)
        if parsed is None:
            raise HostError(f"allowed host {entry!r} is not a host name or address (e.g. 'watcher.example' "
                            "or 'watcher.example:8443')")
        name, entry_port = parsed
        if entry_port is None:
            names.add(name)
        else:
            exact.add((name, entry_port))
    if is_loopback(bound_addr):
        names.update(LOOPBACK_NAMES)
    if not is_wildcard(bound_addr):
        for named in (bound_addr.split("%", 1)[0], bind_host):
            parsed = parse_host(named)
            if parsed:
                names.add(parsed[0])
    elif not names and not exact:
        raise HostError(f"--host {bind_host} listens on every interface, so there is no name to answer to: "
                        "name the host names clients use with --allow-host NAME (or [serve] allow_hosts)")
    return HostAllowList(port, frozenset(names), frozenset(exact))
