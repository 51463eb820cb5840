"""How often a discovered article is checked as it ages: the check ladder, as pure functions.

Why a ladder: news articles change most in their first hours (corrections, updated figures, a
developing story) and rarely after a week; checking 10,000 articles hourly forever wastes the
outlet's bandwidth and ours on pages that stopped changing long ago, while checking a fresh article
only daily misses the edits that matter. Like :mod:`watcher.service.schedule`, this module is only
arithmetic over epoch seconds, so the policy can be read and tested without a scheduler; jitter and
failure back-off stay there and apply on top of the interval given here.

The default, :data:`DEFAULT_LADDER`, is NewsDiffs' (ecprice/newsdiffs,
``website/frontend/management/commands/scraper.py``, ``get_update_delay``, as of its last change
in 2017)::

    age < 3 hours    every 15 minutes
    age < 1 day      every hour
    age < 7 days     every 3 hours
    age < 30 days    every 3 days
    age < 360 days   every 30 days
    older            never

and so is the age: NewsDiffs measures it from the later of the article's discovery and its last
*change* (``max(last_update, initial_date)``), so an article that was just edited is watched
closely again — edits come in bursts. :func:`ladder_age` does the same, and also counts from the
publication date a feed gives when that is earlier than the discovery (a sitemap lists articles
from years ago: found today, they are still old). A publication date in the future is ignored.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

MINUTE, HOUR, DAY = 60.0, 3600.0, 86400.0


@dataclass(frozen=True)
class Ladder:
    """``steps``: ``(age, interval)`` pairs — an article younger than ``age`` (seconds) is checked
    every ``interval`` seconds; ages strictly increase, intervals never shrink. ``stop_after``:
    the age from which it is not checked any more; at least the last step's age (beyond that
    step, its interval goes on)."""

    steps: tuple[tuple[float, float], ...]
    stop_after: float

    def __post_init__(self) -> None:
        if not self.steps:
            raise ValueError("a ladder needs at least one (age, interval) step")
        last_age, last_interval = 0.0, 0.0
        for age, interval in self.steps:
            if age <= last_age:
                raise ValueError("ladder ages must be positive and increase from step to step")
            if interval <= 0:
                raise ValueError("ladder intervals must be positive")
            if interval < last_interval:
                raise ValueError("ladder intervals must not shrink as articles age")
            last_age, last_interval = age, interval
        if self.stop_after < last_age:
            raise ValueError("stop_after must not come before the ladder's last age")


def make_ladder(steps: Iterable[tuple[float, float]], stop_after: float | None = None) -> Ladder:
    """A validated :class:`Ladder`; ``stop_after`` defaults to the last step's age."""
    pairs = tuple((float(a), float(i)) for a, i in steps)
    return Ladder(pairs, float(stop_after) if stop_after is not None else (pairs[-1][0] if pairs else 0.0))


DEFAULT_LADDER = make_ladder([(3 * HOUR, 15 * MINUTE), (DAY, HOUR), (7 * DAY, 3 * HOUR),
                              (30 * DAY, 3 * DAY), (360 * DAY, 30 * DAY)])


def age_anchor(discovered: float, published: float | None = None, changed: float | None = None) -> float:
    """The moment an article's age counts from (epoch seconds); see the module doc: its discovery,
    or its publication when a feed says it was published earlier, or its last change if later."""
    anchor = discovered if published is None or published > discovered else published
    return anchor if changed is None else max(anchor, changed)


def ladder_age(now: float, discovered: float, published: float | None = None,
               changed: float | None = None) -> float:
    """Seconds an article counts as old at ``now`` (never negative)."""
    return max(0.0, now - age_anchor(discovered, published, changed))


def interval_for(age: float, ladder: Ladder = DEFAULT_LADDER) -> float | None:
    """The check interval for an article ``age`` seconds old; None once it is ``stop_after`` old."""
    if age >= ladder.stop_after:
        return None
    for until, interval in ladder.steps:
        if age < until:
            return interval
    return ladder.steps[-1][1]


def next_check(last_check: float | None, anchor: float, ladder: Ladder = DEFAULT_LADDER) -> float | None:
    """When to check an article next (epoch seconds), given its last check and its
    :func:`age_anchor`; None when it is not to be checked again.

    Never checked (``last_check`` None) means due at once: the anchor itself is returned (in the
    past for an old article), so the scheduler's start-up staggering spreads a batch of new
    articles. The last check falls at ``stop_after`` exactly, not an interval beyond it: "checked
    until 360 days old" holds.
    """
    if last_check is None:
        return anchor
    age = max(0.0, last_check - anchor)
    interval = interval_for(age, ladder)
    if interval is None:
        return None
    return last_check + min(interval, ladder.stop_after - age)
