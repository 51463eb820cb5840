"""Load the TOML configuration into a :class:`Config`: every default applied, every path absolute.

Every user error becomes a :class:`ConfigError` whose one-line ``str`` is what the CLI prints
(exit 2), naming the file, the source and the field; what each key accepts is checked by the
models of :mod:`watcher.config.keys`.

Relative paths (``state_dir``, ``baseline``, ``include``) resolve against the folder of the file
that names them, so a config can be moved together with its seeds.
"""

from __future__ import annotations

import glob
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..redact import mask_url, url_secrets
from .keys import ClusterModel, DefaultsModel, FileModel, SourceModel
from .serve import ServeModel

DEFAULT_CONFIG = "config/watcher.toml"


class ConfigError(Exception):
    """A user error in the configuration; ``str(err)`` is a one-line message for the terminal."""

    def __init__(self, message: str, *, file: Path | str | None = None, source: str | None = None,
                 field: str | None = None) -> None:
        self.file, self.source, self.field, self.message = file, source, field, message
        where = []
        if file is not None:
            where.append(str(file))
        if source is not None:
            where.append(f"source {source!r}")
        if field is not None:
            where.append(f"field {field!r}")
        super().__init__(("config error: " + ": ".join(where) + ": " if where else "config error: ") + message)


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
class Source:
    """One watched page, with every default already applied.

    ``url`` is the page's address as it may be shown and stored: a password or a secret query
    parameter in it is masked (:mod:`watcher.redact`). The address as configured, secrets and all,
    is ``secret_url`` (set only when it differs) and is used by the fetch alone (:attr:`fetch_url`),
    so no report, log line, alert or notification can quote it by mistake."""

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

    def source(self, source_id: str) -> Source:
        for s in self.sources:
            if s.id == source_id:
                return s
        raise ConfigError(f"no source with id {source_id!r}", file=self.path)


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


def _first_error(err: ValidationError) -> tuple[str, str]:
    """(field, message) of the first pydantic error, phrased for a person."""
    e = err.errors()[0]
    loc = ".".join(str(p) for p in e["loc"] if not isinstance(p, int)) or "?"
    if e["type"] == "extra_forbidden":
        return loc, f"unknown key {loc!r}"
    if e["type"] == "missing":
        return loc, f"required key {loc!r} is missing"
    msg = e["msg"].removeprefix("Value error, ")
    return loc, msg


def _source_models(raw: list[Any], path: Path) -> list[SourceModel]:
    out = []
    for i, entry in enumerate(raw):
        if not isinstance(entry, dict):
            raise ConfigError(f"sources[{i}] must be a table ([[sources]])", file=path)
        sid = entry.get("id") if isinstance(entry.get("id"), str) else f"#{i + 1}"
        try:
            out.append(SourceModel.model_validate(entry))
        except ValidationError as e:
            fld, msg = _first_error(e)
            raise ConfigError(msg, file=path, source=sid, field=fld) from None
    return out


def _fetch_settings(m: SourceModel, d: DefaultsModel) -> dict[str, Any]:
    """Per-source fetch limits: the source's own value, else ``[defaults]``."""
    keys = ("connect_timeout", "read_timeout", "max_bytes", "max_decompressed", "retries", "min_delay",
            "allow_private")
    return {k: getattr(d, k) if getattr(m, k) is None else getattr(m, k) for k in keys}


def load(path: str | os.PathLike[str] | None = None) -> Config:
    """Read, validate and resolve the configuration at ``path`` (and the files it includes)."""
    path = config_path(path).resolve()
    raw = _read_toml(path)
    try:
        top = FileModel.model_validate(raw)
    except ValidationError as e:
        fld, msg = _first_error(e)
        raise ConfigError(msg, file=path, field=fld) from None
    base = path.parent
    files = [path]
    models: list[tuple[SourceModel, Path]] = [(m, path) for m in _source_models(top.sources, path)]
    for pattern in top.include:
        for inc in sorted(glob.glob(str(base / pattern))):
            inc_path = Path(inc).resolve()
            data = _read_toml(inc_path)
            unknown = set(data) - {"sources"}
            if unknown:
                k = sorted(unknown)[0]
                raise ConfigError(f"unknown key {k!r} (included files hold only [[sources]])", file=inc_path, field=k)
            files.append(inc_path)
            models += [(m, inc_path) for m in _source_models(data.get("sources", []), inc_path)]

    d = top.defaults
    ua = d.user_agent or default_user_agent()
    global_notify = _notify_targets(top.notify, top.notify_min_severity, top.notify_digest)
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
        if not m.enabled:
            continue
        shown = mask_url(m.url)
        sources.append(Source(
            id=m.id, url=shown, secret_url=None if shown == m.url else m.url,
            interval=m.interval or d.interval, timeout=m.timeout or d.timeout,
            user_agent=m.user_agent or ua, baseline=baseline, title=m.title,
            respect_robots=d.respect_robots if m.respect_robots is None else m.respect_robots, config_file=f,
            notify=_source_notify(m, top),
            extract=SiteRules(tuple(m.extract.exclude), tuple(m.extract.include)) if m.extract else None,
            **_fetch_settings(m, d),
        ))
    state_dir = (base / (top.state_dir or "../state")).resolve()
    db_url = top.database_url or f"sqlite:///{state_dir / 'watcher.db'}"
    return Config(path=path, state_dir=state_dir, database_url=db_url, sources=tuple(sources), defaults=d,
                  files=tuple(files), notify=global_notify, notify_expire=top.notify_expire,
                  notify_retry=top.notify_retry, includes=tuple(str(base / p) for p in top.include),
                  lock_timeout=top.lock_timeout, serve=top.serve, cluster=top.cluster)

