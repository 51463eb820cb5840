"""The one error a config mistake becomes, and the first pydantic error phrased for a person.

Apart from :mod:`watcher.config.model` so that the parts of the config that load before it (the
``[[feeds]]`` tables of :mod:`watcher.config.feeds`) raise the same error without importing it.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError


class ConfigError(Exception):
    """A user error in the configuration; ``str(err)`` is a one-line message for the terminal,
    naming what is known of where: the file, the source or feed, the field."""

    def __init__(self, message: str, *, file: Path | str | None = None, source: str | None = None,
                 field: str | None = None, feed: str | None = None) -> None:
        self.file, self.source, self.feed, self.field, self.message = file, source, feed, field, message
        where = []
        if file is not None:
            where.append(str(file))
        if source is not None:
            where.append(f"source {source!r}")
        if feed is not None:
            where.append(f"feed {feed!r}")
        if field is not None:
            where.append(f"field {field!r}")
        super().__init__(("config error: " + ": ".join(where) + ": " if where else "config error: ") + message)


def first_error(err: ValidationError) -> tuple[str, str]:
    """(field, message) of the first pydantic error, phrased for a person."""
    e = err.errors()[0]
    loc = ".".join(str(p) for p in e["loc"] if not isinstance(p, int)) or "?"
    if e["type"] == "extra_forbidden":
        return loc, f"unknown key {loc!r}"
    if e["type"] == "missing":
        return loc, f"required key {loc!r} is missing"
    msg = e["msg"].removeprefix("Value error, ")
    return loc, msg
