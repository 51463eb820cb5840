"""Load the TOML configuration into a :class:`Config`: every default applied, every path absolute.

Every user error becomes a :class:`ConfigError` whose one-line ``str`` is what the CLI prints
(exit 2), naming the file, the source and the field; what each key accepts is checked by the
models of :mod:`watcher.config.keys`.

Relative paths (``state_dir``, ``baseline``, ``include``) resolve against the folder of the file
that names them, so a config can be moved together with its seeds. ``[[feeds]]`` (in the main file
or an included one) are read by :mod:`watcher.config.feeds`; their ``[feeds.defaults]`` are resolved
here by the same code as a ``[[sources]]`` entry.
"""

from __future__ import annotations

import glob
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..redact import mask_url
from .errors import ConfigError, first_error
from .feeds import Feed, Retention, parse_feeds, parse_retention
from .keys import ClusterModel, DefaultsModel, FileModel, LadderError, SourceModel, resolve_ladder
from .serve import ServeModel
from .source import NotifyTarget, SiteRules, Source

__all__ = ["Config", "ConfigError", "Feed", "NotifyTarget", "Retention", "SiteRules", "Source", "load"]

DEFAULT_CONFIG = "config/watcher.toml"


def _notify_targets(urls: list[str], min_severity: str, digest: float | None) -> tuple[NotifyTarget, ...]:
    return tuple(NotifyTarget(u, min_severity, digest or 0.0) for u in dict.fromkeys(urls))


def _source_notify(m: SourceModel, top: FileModel) -> tuple[NotifyTarget, ...]:
    """Where this source's alerts go: its own ``notify`` URLs plus, unless ``notify_replace``, the
    top-level ones — each URL once, all with the source's ``notify_min_severity``/``notify_digest``
    when it sets them (else the top-level values)."""
    urls = (m.notify or []) + ([] if m.notify_replace else top.notify)
    return _notify_targets(urls, m.notify_min_severity or top.notify_min_severity,
                           top.notify_digest if m.notify_digest is None else m.notify_digest)


@dataclass(frozen=True)
class Config:
    path: Path
    state_dir: Path
    database_url: str
    sources: tuple[Source, ...]
    defaults: DefaultsModel = field(default_factory=DefaultsModel)
    files: tuple[Path, ...] = ()
    notify: tuple[NotifyTarget, ...] = ()  # the top-level list (notify-test sends to these too)
    notify_expire: float = 2 * 86400.0
    notify_retry: float = 60.0
    includes: tuple[str, ...] = ()  # absolute glob patterns of included files (the service watches them)
    lock_timeout: float = 30.0  # seconds a write waits for a database another process holds
    serve: ServeModel = field(default_factory=ServeModel)  # [serve]: watcher serve's Host names and token
    cluster: ClusterModel = field(default_factory=ClusterModel)
    feeds: tuple[Feed, ...] = ()  # enabled ones
    retention: Retention = field(default_factory=Retention)
    reserved_ids: frozenset[str] = frozenset()  # ids of every [[sources]] and [[feeds]] entry, disabled ones too

    def source(self, source_id: str) -> Source:
        for s in self.sources:
            if s.id == source_id:
                return s
        raise ConfigError(f"no source with id {source_id!r}", file=self.path)

    @property
    def notifying(self) -> tuple[Source, ...]:
        """Whose ``notify`` settings route alerts: each config source, and each feed's template
        (under the feed's id), which routes the feed's own alerts and those of its articles."""
        return self.sources + tuple(f.source for f in self.feeds)

    def feed(self, feed_id: str) -> Feed:
        for f in self.feeds:
            if f.id == feed_id:
                return f
        raise ConfigError(f"no feed with id {feed_id!r}", file=self.path)


def default_user_agent() -> str:
    from .. import __version__

    return f"watcher/{__version__} (+https://github.com/watcher-project/watcher; article change monitor)"


def config_path(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """The config file: the CLI option, else ``$WATCHER_CONFIG``, else ``config/watcher.toml``."""
    return Path(cli_value or os.environ.get("WATCHER_CONFIG") or DEFAULT_CONFIG)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError("file not found", file=path) from None
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(f"cannot read: {e}", file=path) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"malformed TOML: {e}", file=path) from None


def _source_models(raw: list[Any], path: Path) -> list[SourceModel]:
    out = []
    for i, entry in enumerate(raw):
        if not isinstance(entry, dict):
            raise ConfigError(f"sources[{i}] must be a table ([[sources]])", file=path)
        sid = entry.get("id") if isinstance(entry.get("id"), str) else f"#{i + 1}"
        try:
            out.append(SourceModel.model_validate(entry))
        except ValidationError as e:
            fld, msg = first_error(e)
            raise ConfigError(msg, file=path, source=sid, field=fld) from None
    return out


def _fetch_settings(m: SourceModel, d: DefaultsModel) -> dict[str, Any]:
    """Per-source fetch limits: the source's own value, else ``[defaults]``."""
    keys = ("connect_timeout", "read_timeout", "max_bytes", "max_decompressed", "retries", "min_delay",
            "allow_private")
    return {k: getattr(d, k) if getattr(m, k) is None else getattr(m, k) for k in keys}


def _resolver(top: FileModel):
    """Turns a validated ``[[sources]]`` entry (or a feed's ``[feeds.defaults]``) of the file at
    ``f`` into its :class:`Source`, every default applied; the same code for both, so a key means
    the same wherever it is written. Raises :class:`LadderError` for ``ladder``/``interval``."""
    d = top.defaults
    ua = d.user_agent or default_user_agent()

    def resolve(m: SourceModel, f: Path, *, baseline: Path | None = None, feed: str | None = None) -> Source:
        ladder = resolve_ladder(m, default_on=feed is not None)
        shown = mask_url(m.url)  # the secrets stay in secret_url, for the fetch alone (watcher.redact)
        return Source(
            id=m.id, url=shown, secret_url=None if shown == m.url else m.url, interval=m.interval or d.interval, timeout=m.timeout or d.timeout,
            user_agent=m.user_agent or ua, baseline=baseline, title=m.title,
            respect_robots=d.respect_robots if m.respect_robots is None else m.respect_robots, config_file=f,
            notify=_source_notify(m, top),
            extract=SiteRules(tuple(m.extract.exclude), tuple(m.extract.include)) if m.extract else None,
            feed=feed, ladder=ladder, **_fetch_settings(m, d),
        )

    return resolve


def _included(top: FileModel, base: Path) -> list[tuple[Path, dict[str, Any]]]:
    """The files the ``include`` globs match now, read, in order (each holds only sources and feeds)."""
    out = []
    for pattern in top.include:
        for inc in sorted(glob.glob(str(base / pattern))):
            inc_path = Path(inc).resolve()
            data = _read_toml(inc_path)
            unknown = set(data) - {"sources", "feeds"}
            if unknown:
                k = sorted(unknown)[0]
                raise ConfigError(f"unknown key {k!r} (included files hold only [[sources]] and [[feeds]])",
                                  file=inc_path, field=k)
            out.append((inc_path, data))
    return out


def _sources(models: list[tuple[SourceModel, Path]], resolve) -> tuple[list[Source], set[str]]:
    """The enabled sources, and the ids of all (a disabled entry still holds its id)."""
    seen: dict[str, Path] = {}
    sources = []
    for m, f in models:
        if m.id in seen:
            raise ConfigError(f"duplicate source id (first defined in {seen[m.id]})", file=f, source=m.id, field="id")
        seen[m.id] = f
        baseline = None
        if m.baseline:
            baseline = (f.parent / m.baseline).resolve()
            if not baseline.is_file():
                raise ConfigError(f"baseline file {str(baseline)!r} does not exist", file=f, source=m.id,
                                  field="baseline")
        try:
            source = resolve(m, f, baseline=baseline)
        except LadderError as e:
            raise ConfigError(str(e), file=f, source=m.id, field=e.key) from None
        if m.enabled:
            sources.append(source)
    return sources, set(seen)


def _feeds(raw: list[tuple[Any, Path]], resolve, source_ids: set[str]) -> tuple[Feed, ...]:
    """The enabled feeds of every file; an id used twice, or also by a source, is an error (a feed's
    id prefixes the ids of its sources and names it in alerts and reports)."""
    seen: dict[str, Path] = {}
    out = []
    for entries, f in raw:
        for feed in parse_feeds(entries, f, lambda m, p: resolve(m, p, feed=m.id)):
            if feed.id in seen:
                raise ConfigError(f"duplicate feed id (first defined in {seen[feed.id]})", file=f, feed=feed.id,
                                  field="id")
            if feed.id in source_ids:
                raise ConfigError("a [[sources]] entry has this id too (feed and source ids must differ)", file=f,
                                  feed=feed.id, field="id")
            seen[feed.id] = f
            if feed.enabled:
                out.append(feed)
    return tuple(out)


def load(path: str | os.PathLike[str] | None = None) -> Config:
    """Read, validate and resolve the configuration at ``path`` (and the files it includes)."""
    path = config_path(path).resolve()
    raw = _read_toml(path)
    try:
        top = FileModel.model_validate(raw)
    except ValidationError as e:
        fld, msg = first_error(e)
        raise ConfigError(msg, file=path, field=fld) from None
    base = path.parent
    included = _included(top, base)
    models: list[tuple[SourceModel, Path]] = [(m, path) for m in _source_models(top.sources, path)]
    for inc_path, data in included:
        models += [(m, inc_path) for m in _source_models(data.get("sources", []), inc_path)]
    resolve = _resolver(top)
    sources, source_ids = _sources(models, resolve)
    feeds = _feeds([(top.feeds, path)] + [(data.get("feeds", []), p) for p, data in included], resolve, source_ids)
    state_dir = (base / (top.state_dir or "../state")).resolve()
    db_url = top.database_url or f"sqlite:///{state_dir / 'watcher.db'}"
    return Config(path=path, state_dir=state_dir, database_url=db_url, sources=tuple(sources), defaults=top.defaults,
                  files=(path, *(p for p, _ in included)), notify=_notify_targets(top.notify, top.notify_min_severity,
                                                                                  top.notify_digest),
                  notify_expire=top.notify_expire, notify_retry=top.notify_retry,
                  includes=tuple(str(base / p) for p in top.include), feeds=feeds,
                  retention=parse_retention(top.retention, path),
                  reserved_ids=frozenset(source_ids | {f.id for f in feeds}),
                  lock_timeout=top.lock_timeout, serve=top.serve, cluster=top.cluster)
