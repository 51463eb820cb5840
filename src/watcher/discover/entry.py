"""What every feed parser yields (:class:`Entry`), the one error they raise (:class:`FeedError`), and
the reading of the dates feeds carry.

Why one entry type for RSS, Atom, JSON Feed, sitemaps and section pages: discovery only needs a link,
and, where the format has them, a title and the publication/update times (to take the newest articles
first and to age them on the check ladder). Times are epoch seconds (UTC), as everywhere in watcher.

Why one exception: a feed that 404s or returns garbage must become one clear warning for that feed,
never a traceback and never a silently shortened list; callers catch :class:`FeedError` and print
``str(err)``, a single line.
"""

from __future__ import annotations

import calendar
import re
import time
from dataclasses import dataclass
from datetime import UTC, datetime

_DATE_ONLY = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
MAX_MESSAGE = 200  # characters of a parser's own message kept in a FeedError (hostile input can be long)


class FeedError(Exception):
    """A feed could not be read as what it claims to be; ``str(err)`` is one line for the operator."""

    def __init__(self, message: str) -> None:
        super().__init__(one_line(message))


def one_line(text: object, limit: int = MAX_MESSAGE) -> str:
    """``text`` on one line, control characters removed, at most ``limit`` characters."""
    flat = " ".join("".join(c if c.isprintable() else " " for c in str(text)).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


@dataclass(frozen=True)
class Entry:
    """One article link found in a feed; ``url`` is absolute, the rest is what the feed said."""

    url: str
    title: str | None = None
    published: float | None = None
    updated: float | None = None

    @property
    def when(self) -> float | None:
        """The entry's date for "newest first": when it was last updated, else published."""
        return self.updated if self.updated is not None else self.published


@dataclass(frozen=True)
class Parsed:
    """What one feed document held: article entries, child sitemaps (a sitemap index), and a
    ``warning`` when the document was read only leniently (say, an RSS feed that is not well-formed
    XML) or matched nothing — the entries are real, but the operator should hear about it."""

    entries: tuple[Entry, ...] = ()
    sitemaps: tuple[Entry, ...] = ()
    warning: str | None = None


def parse_time(text: str | None) -> float | None:
    """Epoch seconds from a W3C/RFC 3339 date-time (sitemaps, JSON Feed); None when absent or unreadable.

    A bad date must not cost the entry (the link is what matters), so nothing raises. A date
    without a time is midnight UTC; a time without a zone is taken as UTC. ``YYYY`` and
    ``YYYY-MM`` (allowed by the W3C profile sitemaps use) are the first day of the year/month.
    """
    if not text:
        return None
    s = text.strip()
    if _DATE_ONLY.match(s):
        s = (s + "-01-01")[:10] if len(s) < 10 else s
    try:
        dt = datetime.fromisoformat(s.replace("z", "Z"))
    except ValueError:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.timestamp()


def struct_time_seconds(value: time.struct_time | None) -> float | None:
    """Epoch seconds from feedparser's ``*_parsed`` fields, which are UTC struct_times."""
    if value is None:
        return None
    try:
        return float(calendar.timegm(value))
    except (TypeError, ValueError, OverflowError):
        return None
