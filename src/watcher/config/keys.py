"""The keys a config file may hold, and what each accepts: pydantic models of the TOML.

Why pydantic with ``extra="forbid"``: a misspelt key (``intervall``) must stop the program with a
message naming the file, the source and the field instead of being silently ignored. A validator
raises ``ValueError`` with a message for a person; :mod:`watcher.config.model` turns it into a
:class:`~watcher.config.model.ConfigError` naming file, source and field, and resolves the models
(defaults applied, paths made absolute) into the :class:`~watcher.config.model.Config` the rest
of watcher reads.
"""

from __future__ import annotations

import re
from typing import Any, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..alerts import check_url
from ..discover.ladder import DEFAULT_LADDER, Ladder, make_ladder
from ..redact import mask_url
from ..sanitize import one_line
from .serve import ServeModel

ID_RE = re.compile(r"\A[a-z0-9_-]+\Z")  # \Z, not $: "ok\n" is not an id (``$`` matches before a final newline)
_DURATION_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d|w)?\s*$", re.IGNORECASE)
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
MinSeverity = Literal["claims", "high", "medium", "low", "info"]


def parse_duration(value: Any, *, allow_zero: bool = False) -> float:
    """Seconds from a number or a string such as ``"90s"``, ``"30m"``, ``"6h"``, ``"1d"``.

    Zero, negative and unparseable values are refused: a zero interval would hammer a site.
    ``allow_zero`` is for delays, where 0 means "none".
    """
    if isinstance(value, bool):
        raise ValueError(f"not a duration: {value!r}")
    if isinstance(value, int | float):
        seconds = float(value)
    elif isinstance(value, str):
        m = _DURATION_RE.match(value)
        if not m:
            raise ValueError(f"not a duration: {value!r} (use seconds or e.g. '90s', '30m', '6h', '1d')")
        seconds = float(m.group(1)) * _UNIT_SECONDS[(m.group(2) or "s").lower()]
    else:
        raise ValueError(f"not a duration: {value!r}")
    if seconds == 0 and allow_zero:
        return 0.0
    if seconds <= 0:
        raise ValueError(f"duration must be positive, got {value!r}")
    return seconds


def _web_url(v: str, what: str) -> str:
    """``v`` if it is an http(s) URL with a host: no other scheme may ever be read through a source.
    The errors quote the URL with its secrets masked (a config error is shown and logged)."""
    try:
        parts = urlsplit(v)
    except ValueError as e:
        raise ValueError(f"{what} {mask_url(v)!r} is not a URL ({e})") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise ValueError(f"{what} {mask_url(v)!r}: only http and https URLs can be used")
    if not parts.hostname:
        raise ValueError(f"{what} {mask_url(v)!r} has no host")
    # every white-space character but the ASCII space is unprintable too (checked over all of Unicode)
    if " " in v or not v.isprintable():
        raise ValueError(f"{what} {mask_url(v)!r} contains spaces or control characters")
    try:
        parts.port  # noqa: B018 - raises on a bad port
    except ValueError:
        raise ValueError(f"{what} {mask_url(v)!r} has a bad port") from None
    return v


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _NotifyKeys(_Strict):
    """Validation shared by the top-level and the per-source ``notify*`` keys."""

    @field_validator("notify", check_fields=False)
    @classmethod
    def _notify_urls(cls, v: list[str] | None) -> list[str] | None:
        return _check_notify_urls(v)

    @field_validator("notify_digest", mode="before", check_fields=False)
    @classmethod
    def _notify_digest(cls, v: Any) -> float | None:
        return _digest(v)


class ExtractModel(_Strict):
    """``[sources.extract]``: what no general rule reaches on one site."""

    include: list[str] = []
    exclude: list[str] = []

    @field_validator("include", "exclude")
    @classmethod
    def _selectors(cls, v: list[str]) -> list[str]:
        for sel in v:
            check_selector(sel)
        return v


def check_selector(sel: str) -> None:
    """A CSS selector, or an XPath expression when it starts with ``/`` or ``(``; else ValueError."""
    from lxml import etree

    if not sel.strip():
        raise ValueError("empty selector")
    if sel.lstrip().startswith(("/", "(")):
        try:
            etree.XPath(sel)
        except etree.XPathSyntaxError as e:
            raise ValueError(f"invalid XPath {sel!r}: {e}") from None
        return
    from cssselect import SelectorError
    from lxml.cssselect import CSSSelector

    try:
        CSSSelector(sel)
    except (SelectorError, etree.XPathSyntaxError) as e:
        raise ValueError(f"invalid CSS selector {sel!r}: {e}") from None


class SourceModel(_NotifyKeys):
    id: str
    url: str
    baseline: str | None = None
    interval: float | None = None
    title: str | None = None
    enabled: bool = True
    timeout: float | None = None
    user_agent: str | None = None
    respect_robots: bool | None = None
    notify: list[str] | None = None
    notify_replace: bool = False
    notify_min_severity: MinSeverity | None = None
    notify_digest: float | None = None
    connect_timeout: float | None = None
    read_timeout: float | None = None
    max_bytes: int | None = Field(default=None, gt=0)
    max_decompressed: int | None = Field(default=None, gt=0)
    retries: int | None = Field(default=None, ge=0, le=10)
    min_delay: float | None = None
    allow_private: bool | None = None
    extract: ExtractModel | None = None
    ladder: Any = None  # true | false | [[age, interval], ...]: see resolve_ladder
    stop_after: float | None = None

    @field_validator("id")
    @classmethod
    def _id(cls, v: str) -> str:
        if not ID_RE.fullmatch(v):
            raise ValueError(f"id {v!r} must be lowercase letters, digits, '_' and '-' only ([a-z0-9_-]+)")
        return v

    @field_validator("url")
    @classmethod
    def _url(cls, v: str) -> str:
        return _web_url(v, "url")

    @field_validator("title")
    @classmethod
    def _title(cls, v: str | None) -> str | None:
        return None if v is None else one_line(v)  # shown in every report: no control characters

    @field_validator("interval", "timeout", "connect_timeout", "read_timeout", "stop_after", mode="before")
    @classmethod
    def _duration(cls, v: Any) -> float | None:
        return None if v is None else parse_duration(v)

    @field_validator("min_delay", mode="before")
    @classmethod
    def _delay(cls, v: Any) -> float | None:
        return None if v is None else parse_duration(v, allow_zero=True)

    @field_validator("ladder")
    @classmethod
    def _ladder(cls, v: Any) -> Any:
        if v is None or isinstance(v, bool) or (isinstance(v, list) and v):
            return v
        raise ValueError('ladder must be true, false or a list of [age, interval] pairs, '
                         'e.g. [["3h", "15m"], ["1d", "1h"]]')


class LadderError(ValueError):
    """A mistake in ``ladder``/``stop_after``/``interval`` of a source; ``key`` names the one at fault."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key


def resolve_ladder(m: SourceModel, default_on: bool) -> Ladder | None:
    """The check ladder ``m`` asks for (None: a fixed ``interval``); :class:`LadderError` naming the key.

    ``ladder`` is ``true`` (the default ladder, NewsDiffs'), ``false``, or a list of ``[age,
    interval]`` steps; left out, it is ``default_on`` (on for the sources a feed discovers, off for
    sources written in the config). ``stop_after`` moves the age after which an article is not
    checked any more. An ``interval`` beside a ladder is refused: the ladder sets the intervals, and
    a silently ignored key is what ``extra="forbid"`` is there to prevent.
    """
    raw = default_on if m.ladder is None else m.ladder
    if raw is False:
        if m.stop_after is not None:
            raise LadderError("stop_after", "'stop_after' needs the ladder (it is off: ladder = false)")
        return None
    if m.interval is not None:
        raise LadderError("interval", "'interval' applies only with ladder = false (the ladder sets the intervals)")
    if raw is True:
        return DEFAULT_LADDER if m.stop_after is None else make_ladder(DEFAULT_LADDER.steps, m.stop_after)
    steps = []
    for step in raw:
        if not isinstance(step, list) or len(step) != 2:
            raise LadderError("ladder", f"ladder step {step!r} is not an [age, interval] pair")
        try:
            steps.append((parse_duration(step[0]), parse_duration(step[1])))
        except ValueError as e:
            raise LadderError("ladder", str(e)) from None
    try:
        return make_ladder(steps, m.stop_after)
    except ValueError as e:
        raise LadderError("stop_after" if "stop_after" in str(e) else "ladder", str(e)) from None


class DefaultsModel(_Strict):
    interval: float = 3600.0
    timeout: float = 30.0
    user_agent: str | None = None
    max_bytes: int = Field(default=10_000_000, gt=0)
    concurrency: int = Field(default=32, gt=0)
    per_host: int = Field(default=4, gt=0)
    respect_robots: bool = True
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    max_decompressed: int = Field(default=20_000_000, gt=0)
    retries: int = Field(default=2, ge=0, le=10)
    max_redirects: int = Field(default=10, ge=0, le=50)
    min_delay: float = 0.0
    # fetches may reach loopback/private/link-local/reserved addresses: true (all), false (none),
    # unset (none but the IP address a source's URL names literally) — see watcher.fetch.guard
    allow_private: bool | None = None
    proxy: str | None = None
    stagger: float = 60.0  # `watcher run`: overdue first checks are spread over this long after start-up
    backoff_max: float = 21600.0  # `watcher run`: longest wait between checks of a failing source

    @field_validator("interval", "timeout", "connect_timeout", "read_timeout", "stagger", "backoff_max",
                     mode="before")
    @classmethod
    def _duration(cls, v: Any) -> float:
        return parse_duration(v)

    @field_validator("min_delay", mode="before")
    @classmethod
    def _delay(cls, v: Any) -> float:
        return parse_duration(v, allow_zero=True)

    @field_validator("proxy")
    @classmethod
    def _proxy(cls, v: str | None) -> str | None:
        return None if v is None else _web_url(v, "proxy")


class ClusterModel(_Strict):
    """``[cluster]``: how the nodes of a cluster (``database_url`` on PostgreSQL) watch each other."""

    heartbeat: float = 10.0  # how often a node says it is alive
    dead_after: float = 30.0  # a node silent this long is dead: its checks are run again elsewhere

    @field_validator("heartbeat", "dead_after", mode="before")
    @classmethod
    def _duration(cls, v: Any) -> float:
        return parse_duration(v)


class FileModel(_NotifyKeys):
    state_dir: str | None = None
    database_url: str | None = None
    include: list[str] = Field(default_factory=list)
    defaults: DefaultsModel = Field(default_factory=DefaultsModel)
    cluster: ClusterModel = Field(default_factory=ClusterModel)
    sources: list[dict[str, Any]] = Field(default_factory=list)
    feeds: Any = Field(default_factory=list)  # validated by watcher.config.feeds, naming the feed
    retention: Any = None
    notify: list[str] = Field(default_factory=list)
    notify_min_severity: MinSeverity = "claims"
    notify_digest: float | None = None
    notify_expire: float = 2 * 86400.0
    notify_retry: float = 60.0
    lock_timeout: float = 30.0  # how long a write waits for a database another process holds
    serve: ServeModel = Field(default_factory=ServeModel)

    @field_validator("notify_expire", "notify_retry", "lock_timeout", mode="before")
    @classmethod
    def _duration(cls, v: Any) -> float:
        return parse_duration(v)


def _check_notify_urls(urls: list[str] | None) -> list[str] | None:
    """Refuse a URL Apprise cannot use now, not at the first alert (message has secrets masked)."""
    if urls:
        for u in urls:
            check_url(u)
    return urls


def _digest(v: Any) -> float | None:
    """``notify_digest``: a duration, or ``false`` for "send each alert at once"."""
    if v is None:
        return None
    return 0.0 if v is False else parse_duration(v)
