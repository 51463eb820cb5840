"""``[[feeds]]`` and ``[retention]``: the outlets watcher discovers articles from, and how long what it
found is kept.

Validated like the rest of the config (pydantic, ``extra="forbid"``): every user error is a
:class:`ConfigError` whose one line names the file, the feed and the field, so the CLI prints it
and exits 2. The helpers of :mod:`watcher.config.keys` are reused, not copied: durations, web URLs,
and — for ``[feeds.defaults]`` — the whole ``[[sources]]`` model.

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
      notify = ["mailto://…"]      # id, url, baseline, title and enabled
      ladder = [["3h", "15m"], ["1d", "1h"], ["7d", "3h"], ["30d", "3d"], ["360d", "30d"]]
      stop_after = "360d"          # no more checks past this age (default: the ladder's last age)

``[feeds.defaults]`` is validated as a ``[[sources]]`` entry and resolved by the same code as one
(:func:`watcher.config.model.load` passes it in as ``resolve``), so a key means the same under a
feed as under a source, top-level ``notify`` and ``[defaults]`` included. The one difference: the
check ladder is on unless ``ladder = false`` (see :func:`watcher.config.keys.resolve_ladder`).

``[retention]``::

    max_age = "730d"     # discovered sources older than this (by the ladder's age) are retired by gc
    max_versions = 50    # versions kept per source (gc never removes a baseline or a version an alert cites)
    captures = "90d"     # raw captures older than this are dropped (0: keep none past what alerts cite)

Each key is optional; left out, nothing of that kind is ever removed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..discover.patterns import UrlPattern, compile_pattern
from .errors import ConfigError, first_error
from .keys import LadderError, SourceModel
from .source import Source

NOT_IN_DEFAULTS = ("id", "url", "baseline", "title", "enabled")
Resolve = Callable[[SourceModel, Path], Source]  # a validated [[sources]] entry -> its Source (LadderError)


def _patterns(values: list[str]) -> tuple[UrlPattern, ...]:
    return tuple(compile_pattern(v) for v in values)


@dataclass(frozen=True)
class Feed:
    """One ``[[feeds]]`` table, validated, its patterns compiled. ``source`` is the template every
    article it discovers is made from (id and url are the feed's until replaced by the article's)."""

    id: str
    url: str
    kind: str
    source: Source
    interval: float  # seconds between reads
    max_articles: int  # the newest entries considered at each read
    links: UrlPattern | None = None
    include: tuple[UrlPattern, ...] = ()
    exclude: tuple[UrlPattern, ...] = ()
    title: str | None = None
    enabled: bool = True
    config_file: Path | None = None


def _template(raw: Any, m: Any, path: Path, resolve: Resolve) -> Source:
    """The resolved ``[feeds.defaults]`` of feed ``m``: a Source with the feed's id and url."""
    def fail(message: str, field: str) -> ConfigError:
        return ConfigError(message, file=path, feed=m.id, field=f"defaults.{field}")

    for key in NOT_IN_DEFAULTS:
        if key in raw:
            raise fail(f"{key!r} cannot be set for discovered sources (each gets its own)", key)
    try:
        model = SourceModel.model_validate({**raw, "id": m.id, "url": m.url})
    except ValidationError as e:
        fld, msg = first_error(e)
        raise fail(msg.replace(f"'{fld}'", f"'defaults.{fld}'"), fld) from None
    try:
        return resolve(model, path)
    except LadderError as e:
        raise fail(str(e).replace(f"'{e.key}'", f"'defaults.{e.key}'"), e.key) from None


def _feed(entry: Any, i: int, path: Path, resolve: Resolve) -> Feed:
    from .feedkeys import FeedModel  # its pydantic model is built only for a config with feeds

    if not isinstance(entry, dict):
        raise ConfigError(f"feeds[{i}] must be a table ([[feeds]])", file=path)
    fid = entry["id"] if isinstance(entry.get("id"), str) else f"#{i + 1}"
    try:
        m = FeedModel.model_validate(entry)
    except ValidationError as e:
        fld, msg = first_error(e)
        if fld == "?" and "'links'" in msg:
            fld = "links"
        raise ConfigError(msg, file=path, feed=fid, field=fld) from None
    return Feed(id=m.id, url=m.url, kind=m.kind, source=_template(m.defaults, m, path, resolve), interval=m.interval,
                links=compile_pattern(m.links) if m.links is not None else None, include=_patterns(m.include),
                exclude=_patterns(m.exclude), max_articles=m.max_articles, title=m.title, enabled=m.enabled,
                config_file=path)


def parse_feeds(raw: Any, path: Path | str, resolve: Resolve) -> list[Feed]:
    """The ``[[feeds]]`` array of the config file at ``path``, validated, disabled feeds included
    (the caller checks ids across files first, then leaves them out).

    Raises :class:`ConfigError` (one line: file, feed, field) at the first error. Whether a feed id
    is used twice, or also names a ``[[sources]]`` entry, is for the caller, who sees every file.
    """
    path = Path(path)
    if not isinstance(raw, list):
        raise ConfigError("'feeds' must be an array of tables ([[feeds]])", file=path, field="feeds")
    return [_feed(entry, i, path, resolve) for i, entry in enumerate(raw)]


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
    from .feedkeys import RetentionModel  # built only for a config with [retention]

    try:
        m = RetentionModel.model_validate(raw)
    except ValidationError as e:
        fld, msg = first_error(e)
        raise ConfigError(msg.replace(f"'{fld}'", f"'retention.{fld}'"), file=path, field=f"retention.{fld}") from None
    return Retention(max_age=m.max_age, max_versions=m.max_versions, captures=m.captures)
