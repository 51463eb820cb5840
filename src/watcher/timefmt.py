"""Every way watcher writes a time or a duration, in one place (all times UTC, epoch seconds in).

* :func:`iso` — machine-readable, to the second (JSON, Atom, logs);
* :func:`iso_ms` — to the millisecond (JSON log lines);
* :func:`human` — for people: ``2026-11-25 16:10 UTC``;
* :func:`interval` — a configured interval as it would be written in the config (``6h``, ``90s``);
* :func:`span` — a measured duration, rounded for reading (``4h``, ``1.5d``, ``8.2s``).
"""

from __future__ import annotations

from datetime import UTC, datetime

_UNITS = (("d", 86400), ("h", 3600), ("m", 60))


def _dt(ts: float) -> datetime:
    return datetime.fromtimestamp(ts, UTC)


def iso(ts: float | None) -> str | None:
    return None if ts is None else _dt(ts).isoformat(timespec="seconds")


def iso_ms(ts: float) -> str:
    return _dt(ts).isoformat(timespec="milliseconds")


def human(ts: float | None, missing: str = "—") -> str:
    return missing if ts is None else _dt(ts).strftime("%Y-%m-%d %H:%M UTC")


def interval(seconds: float) -> str:
    for unit, n in _UNITS:
        if seconds >= n and seconds % n == 0:
            return f"{int(seconds // n)}{unit}"
    return f"{seconds:g}s"


def span(seconds: float) -> str:
    for unit, n in _UNITS:
        if seconds >= n:
            return f"{seconds / n:.1f}{unit}".replace(".0" + unit, unit)
    return f"{seconds:.0f}s" if seconds >= 10 else f"{seconds:.1f}s"
