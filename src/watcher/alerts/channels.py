"""Apprise notifier URLs: validate, mask and key them — all a config needs to check a ``notify``
entry, without the delivery machinery (alerts, store, messages) behind it.

Apprise is imported on first use: reading a config without notify URLs never pays for it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from ..redact import redact


@dataclass(frozen=True)
class Notifier:
    """One Apprise URL. ``url`` holds secrets: it is only handed to Apprise, never shown."""

    key: str
    display: str
    url: str = field(repr=False)
    secrets: tuple[str, ...] = field(default=(), repr=False)

    def redact(self, text: str) -> str:
        return redact(text, self.secrets)


# -- URLs --------------------------------------------------------------------------------------


def plugin_for(url: str):
    import apprise

    return apprise.Apprise.instantiate(url, suppress_exceptions=True)


def key_of(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:32]


def mask_url(url: str, plugin=None) -> str:
    """The URL as it may be shown: Apprise's privacy form, without the query of defaults."""
    plugin = plugin if plugin is not None else plugin_for(url)
    if plugin is not None:
        return plugin.url(privacy=True).split("?", 1)[0]
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
    except ValueError:
        return "<unparseable URL>"
    rest = "/…" if parts.path.strip("/") or parts.query or parts.password else ""
    return f"{parts.scheme or '?'}://{host}{rest}"


def check_url(url: str) -> None:
    """Raise ``ValueError`` (with the URL masked) unless Apprise can build a notifier from ``url``."""
    if "://" not in url:
        raise ValueError("a notify entry is not an Apprise URL (expected service://…)")
    if plugin_for(url) is None:
        raise ValueError(f"notify URL {mask_url(url)!r} is not one Apprise can use "
                         "(unknown service, or a required part is missing)")


def notifier(url: str) -> Notifier:
    plugin = plugin_for(url)
    full_masked = plugin.url(privacy=True) if plugin is not None else mask_url(url)
    tokens = {unquote(t) for t in re.split(r"[/:@?&=#,;+]", url.split("://", 1)[-1])}
    secrets = tuple(sorted((t for t in tokens if len(t) >= 4 and t not in full_masked), key=len, reverse=True))
    return Notifier(key_of(url), mask_url(url, plugin), url, secrets)


