"""A watched page as the rest of watcher sees it, every default applied: :class:`Source` (with
its extraction rules and notification targets).

Apart from :mod:`watcher.config.model`, which builds sources from the config file, because feeds
(:mod:`watcher.config.feeds`) carry one too — the template their discovered articles are made
from — and load before the model.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..discover.ladder import Ladder
from ..redact import url_secrets


@dataclass(frozen=True)
class SiteRules:
    """A source's own extraction settings: selectors of blocks that are never article text
    (``exclude``) and of the article's container (``include``)."""

    exclude: tuple[str, ...] = ()
    include: tuple[str, ...] = ()


@dataclass(frozen=True)
class NotifyTarget:
    """One Apprise URL, with the filter and digest period that apply to it for one source."""

    url: str
    min_severity: str = "claims"  # "claims" (claim alerts only) or the lowest severity sent
    digest: float = 0.0  # seconds to collect alerts into one message; 0: send each alert at once


@dataclass(frozen=True)
class Source:
    """One watched page, with every default already applied.

    ``feed``: the feed that discovered it (None for a source written in the config). ``ladder``:
    checked by the article's age on this ladder (:mod:`watcher.discover.ladder`) instead of every
    ``interval`` — the default for discovered sources, an opt-in (``ladder = true``) for others.

    ``url`` is the page's address as it may be shown and stored: a password or a secret query
    parameter in it is masked (:mod:`watcher.redact`). The address as configured, secrets and all,
    is ``secret_url`` (set only when it differs) and is used by the fetch alone (:attr:`fetch_url`),
    so no report, log line, alert or notification can quote it by mistake.
    """

    id: str
    url: str
    interval: float
    timeout: float
    user_agent: str
    baseline: Path | None = None
    title: str | None = None
    respect_robots: bool = True
    config_file: Path | None = None
    notify: tuple[NotifyTarget, ...] = ()
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    max_bytes: int = 10_000_000
    max_decompressed: int = 20_000_000
    retries: int = 2
    min_delay: float = 0.0
    extract: SiteRules | None = None
    feed: str | None = None
    ladder: Ladder | None = None
    allow_private: bool | None = None  # non-public targets: True all, False none, None the URL's own IP literal
    secret_url: str | None = field(default=None, repr=False)

    @property
    def fetch_url(self) -> str:
        """The URL to request: the configured one, with its credentials."""
        return self.secret_url or self.url

    @property
    def secrets(self) -> tuple[str, ...]:
        """The secret strings of the configured URL, to redact from any message about this source."""
        return url_secrets(self.secret_url) if self.secret_url else ()
