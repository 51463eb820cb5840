"""``[[feeds]]`` and ``[retention]``: the outlets watcher discovers articles from, and how long what it
found is kept.

Validated like the rest of the config (pydantic, ``extra="forbid"``): every user error is a
:class:`FeedConfigError` — a :class:`ConfigError` whose one line names the file, the feed and the
field, so the CLI prints it and exits 2. The helpers of :mod:`watcher.config.model` are reused, not
copied: durations, web URLs, the first pydantic error in words, and — for ``[feeds.defaults]`` —
the whole ``[[sources]]`` model, so a key means the same under a feed as under a source.

A feed::

    [[feeds]]
    id = "example"                 # [a-z0-9_-]+, at most 32 characters (it prefixes source ids)
    url = "https://example.com/rss.xml"
    kind = "rss"                   # rss | atom | jsonfeed | sitemap | page
    links = "re:/20\\d\\d/"         # page only, and required there: which links are articles
    interval = "15m"               # how often the feed itself is read (default 15m)
    include = ["https://example.com/news/*"]   # URL patterns (glob, or "re:" + regex); default all
    exclude = ["*/live/*"]
    max_articles = 100             # the feed's newest entries considered at each read (default 100)

      [feeds.defaults]             # for the sources the feed makes: any [[sources]] key except
      notify = ["mailto://…"]      # id, url, baseline, title and enabled, plus:
      ladder = [["3h", "15m"], ["1d", "1h"], ["7d", "3h"], ["30d", "3d"], ["360d", "30d"]]
      stop_after = "360d"          # no more checks past this age (default: the ladder's last age)

``ladder`` is a list of ``[age, interval]`` steps (articles younger than ``age`` are checked every
``interval``; see :mod:`watcher.discover.ladder`, whose default is NewsDiffs'); ``ladder = false``
opts out, and the sources are then checked every ``interval`` (``[feeds.defaults]``, else
``[defaults]``) like sources written in the config. Setting ``interval`` without ``ladder = false``
is refused: the ladder decides the intervals, and a silently ignored key is what ``extra="forbid"``
is there to prevent.

``[retention]``::

    max_age = "730d"     # discovered sources older than this (by the ladder's age) are retired by gc
    max_versions = 50    # versions kept per source (gc never removes a baseline or a version an alert cites)
    captures = "90d"     # raw captures older than this are dropped (0: keep none past what alerts cite)

Each key is optional; left out, nothing of that kind is ever removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError, field_validator, model_validator

from ..discover.ladder import DEFAULT_LADDER, Ladder, make_ladder
from ..discover.patterns import UrlPattern, compile_pattern
from .model import ConfigError, SourceModel, _first_error, _Strict, _web_url, parse_duration

FEED_ID_RE = re.compile(r"\A[a-z0-9_-]{1,32}\Z")
DEFAULT_FEED_INTERVAL = 900.0
DEFAULT_MAX_ARTICLES = 100
MAX_ARTICLES_LIMIT = 50_000  # a sitemap's own limit: more is a typo, not a plan
NOT_IN_DEFAULTS = ("id", "url", "baseline", "title", "enabled")
FeedKind = Literal["rss", "atom", "jsonfeed", "sitemap", "page"]


class FeedConfigError(ConfigError):
    """A :class:`ConfigError` about a feed: ``config error: FILE: feed 'ID': field 'F': message``."""

    def __init__(self, message: str, *, file: Path | str, feed: str | None = None, field: str | None = None) -> None:
        super().__init__(message, file=file, field=field)
        self.feed = feed
        where = [str(file)] + ([f"feed {feed!r}"] if feed else []) + ([f"field {field!r}"] if field else [])
        self.args = ("config error: " + ": ".join(where) + ": " + message,)

    def __str__(self) -> str:
        return str(self.args[0])


def _patterns(values: list[str]) -> tuple[UrlPattern, ...]:
    return tuple(compile_pattern(v) for v in values)


class FeedModel(_Strict):
    id: str
    url: str
    kind: FeedKind
    links: str | None = None
    interval: float = DEFAULT_FEED_INTERVAL
    include: list[str] = []
    exclude: list[str] = []
    max_articles: int = Field(default=DEFAULT_MAX_ARTICLES, gt=0, le=MAX_ARTICLES_LIMIT)
    title: str | None = None
    enabled: bool = True
    defaults: dict[str, Any] = {}

    @field_validator("id")
    @classmethod
    def _id(cls, v: str) -> str:
        if not FEED_ID_RE.match(v):
            raise ValueError(f"id {v!r} must match [a-z0-9_-]+ and be at most 32 characters")
        return v

    @field_validator("url")
    @classmethod
    def _url(cls, v: str) -> str:
        return _web_url(v, "url")

    @field_validator("interval", mode="before")
    @classmethod
    def _duration(cls, v: Any) -> float:
        return parse_duration(v)

    @field_validator("links", "include", "exclude")
    @classmethod
    def _valid_patterns(cls, v: Any) -> Any:
        for p in [v] if isinstance(v, str) else v or []:
            compile_pattern(p)
        return v

    @model_validator(mode="after")
    def _links_for_pages(self) -> FeedModel:
        if self.kind == "page" and self.links is None:
            raise ValueError("a feed of kind 'page' needs a 'links' pattern (which links are articles)")
        if self.kind != "page" and self.links is not None:
            raise ValueError(f"'links' applies only to kind 'page', not {self.kind!r}")
        return self


@dataclass(frozen=True)
class FeedDefaults:
    """Settings for the sources a feed makes. ``template`` is a validated ``[[sources]]`` entry
    (id and url are the feed's, as placeholders) from which each discovered source is built the way
    :func:`watcher.config.model.load` builds a configured one; ``ladder`` None means a fixed interval."""

    template: SourceModel
    ladder: Ladder | None = DEFAULT_LADDER


@dataclass(frozen=True)
class Feed:
    """One ``[[feeds]]`` table, validated, its patterns compiled."""

    id: str
    url: str
    kind: str
    defaults: FeedDefaults
    interval: float = DEFAULT_FEED_INTERVAL
    links: UrlPattern | None = None
    include: tuple[UrlPattern, ...] = ()
    exclude: tuple[UrlPattern, ...] = ()
    max_articles: int = DEFAULT_MAX_ARTICLES
    title: str | None = None
    enabled: bool = True
    config_file: Path | None = None


def _ladder(raw: Any, stop_after: Any) -> Ladder | None:
    """``ladder``/``stop_after`` of ``[feeds.defaults]`` as a Ladder; None for ``ladder = false``."""
    if raw is False:
        if stop_after is not None:
            raise ValueError("'stop_after' needs the ladder (it is off: ladder = false)")
        return None
    stop = None if stop_after is None else parse_duration(stop_after)
    if raw is None or raw is True:
        return DEFAULT_LADDER if stop is None else make_ladder(DEFAULT_LADDER.steps, stop)
    if not isinstance(raw, list) or not raw:
        raise ValueError('ladder must be false or a list of [age, interval] pairs, e.g. [["3h", "15m"], ["1d", "1h"]]')
    steps = []
    for step in raw:
        if not isinstance(step, list) or len(step) != 2:
            raise ValueError(f"ladder step {step!r} is not an [age, interval] pair")
        steps.append((parse_duration(step[0]), parse_duration(step[1])))
    return make_ladder(steps, stop)


def _defaults(raw: Any, m: FeedModel, path: Path) -> FeedDefaults:
    def fail(message: str, field: str) -> FeedConfigError:
        return FeedConfigError(message, file=path, feed=m.id, field=f"defaults.{field}")

    rest = dict(raw)
    for key in NOT_IN_DEFAULTS:
        if key in rest:
            raise fail(f"{key!r} cannot be set for discovered sources (each gets its own)", key)
    ladder_raw, stop_after = rest.pop("ladder", None), rest.pop("stop_after", None)
    try:
        ladder = _ladder(ladder_raw, stop_after)
    except ValueError as e:
        raise fail(str(e), "stop_after" if "stop_after" in str(e) else "ladder") from None
    if ladder is not None and "interval" in rest:
        raise fail("'interval' applies only with ladder = false (the ladder sets the intervals)", "interval")
    try:
        template = SourceModel.model_validate({**rest, "id": m.id, "url": m.url})
    except ValidationError as e:
        fld, msg = _first_error(e)
        raise fail(msg.replace(f"'{fld}'", f"'defaults.{fld}'"), fld) from None
    return FeedDefaults(template=template, ladder=ladder)


def _feed(entry: Any, i: int, path: Path) -> Feed:
    if not isinstance(entry, dict):
        raise FeedConfigError(f"feeds[{i}] must be a table ([[feeds]])", file=path)
    fid = entry["id"] if isinstance(entry.get("id"), str) else f"#{i + 1}"
    try:
        m = FeedModel.model_validate(entry)
    except ValidationError as e:
        fld, msg = _first_error(e)
        if fld == "?" and "'links'" in msg:
            fld = "links"
        raise FeedConfigError(msg, file=path, feed=fid, field=fld) from None
    return Feed(id=m.id, url=m.url, kind=m.kind, defaults=_defaults(m.defaults, m, path), interval=m.interval,
                links=compile_pattern(m.links) if m.links is not None else None, include=_patterns(m.include),
                exclude=_patterns(m.exclude), max_articles=m.max_articles, title=m.title, enabled=m.enabled,
                config_file=path)


def parse_feeds(raw: Any, path: Path | str) -> tuple[Feed, ...]:
    """The ``[[feeds]]`` array of the config file at ``path``, validated; disabled feeds left out.

    Raises :class:`FeedConfigError` (one line: file, feed, field) at the first error, and for two
    feeds with one id. Whether a feed id also names a ``[[sources]]`` entry is for the caller, who
    sees both lists.
    """
    path = Path(path)
    if not isinstance(raw, list):
        raise FeedConfigError("'feeds' must be an array of tables ([[feeds]])", file=path, field="feeds")
    feeds: list[Feed] = []
    seen: set[str] = set()
    for i, entry in enumerate(raw):
        feed = _feed(entry, i, path)
        if feed.id in seen:
            raise FeedConfigError("duplicate feed id", file=path, feed=feed.id, field="id")
        seen.add(feed.id)
        if feed.enabled:
            feeds.append(feed)
    return tuple(feeds)


class RetentionModel(_Strict):
    max_age: float | None = None
    max_versions: int | None = Field(default=None, ge=1)
    captures: float | None = None

    @field_validator("max_age", mode="before")
    @classmethod
    def _age(cls, v: Any) -> float | None:
        return None if v is None else parse_duration(v)

    @field_validator("captures", mode="before")
    @classmethod
    def _captures(cls, v: Any) -> float | None:
        return None if v is None else parse_duration(v, allow_zero=True)


@dataclass(frozen=True)
class Retention:
    """What ``watcher gc`` may remove; None: nothing of that kind is ever removed."""

    max_age: float | None = None
    max_versions: int | None = None
    captures: float | None = None


def parse_retention(raw: Any, path: Path | str) -> Retention:
    """The ``[retention]`` table of the config file at ``path``; :class:`ConfigError` naming the field."""
    if raw is None:
        return Retention()
    if not isinstance(raw, dict):
        raise ConfigError("'retention' must be a table ([retention])", file=path, field="retention")
    try:
        m = RetentionModel.model_validate(raw)
    except ValidationError as e:
        fld, msg = _first_error(e)
        raise ConfigError(msg.replace(f"'{fld}'", f"'retention.{fld}'"), file=path, field=f"retention.{fld}") from None
    return Retention(max_age=m.max_age, max_versions=m.max_versions, captures=m.captures)
