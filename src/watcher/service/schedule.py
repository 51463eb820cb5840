"""When each source is checked next: jitter, failure back-off, restart-safe first runs, staggering.

Pure functions over plain numbers (epoch seconds), kept apart from :mod:`watcher.service.scheduler` so the
timing policy can be read and tested without a running scheduler, and so both schedulers use the
same policy: the embedded service (APScheduler, SQLite) and a cluster node (:mod:`watcher.cluster`)
ask :func:`next_due` when a source is checked next and :func:`plan` when sources are new, re-timed
or overdue. A new rule (another interval for a kind of source) goes into these two functions and
reaches both. Why each rule exists:

* **jitter** — sources configured with the same interval would otherwise fire in lock-step for
  months; a small random delay (10 % of the interval, at most 30 s) keeps them apart.
* **back-off** — a site that is down gets checked less and less often (interval × 2ⁿ⁻¹, capped),
  and goes back to its normal interval at the first good check.
* **restart-safe first runs** — the time of the last check survives a restart, so a source is
  checked when it is due: not immediately (a restart loop would hammer every site) and not never.
* **staggering** — sources that are overdue at start-up (never checked, or the service was down)
  are spread over a window instead of all being fetched in the first second.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence

from ..store import SourceState

MAX_JITTER = 30.0


def jitter(interval: float) -> float:
    """The most a run may be delayed at random: 10 % of the interval, at most 30 s."""
    return min(MAX_JITTER, interval * 0.1)


def backoff_delay(interval: float, failures: int, cap: float) -> float:
    """Seconds to wait after a check, given the failures in a row so far (0 = healthy).

    One failure waits the normal interval (a single blip is not a reason to slow down); each
    further failure doubles the wait, up to ``cap`` — never below the interval itself.
    """
    if failures <= 1:
        return interval
    return min(interval * 2.0 ** min(failures - 1, 60), max(interval, cap))


def due_from_state(state: SourceState | None, interval: float, cap: float) -> float | None:
    """When a source is due according to its stored state; None if it was never checked.

    The stored ``next_due`` is used as it is, except that it never lies further out than one
    (backed-off) interval after the last check — the interval may have been shortened in the
    config while the service was down.
    """
    if state is None or state.last_check is None:
        return None
    latest = state.last_check + backoff_delay(interval, state.failures, cap)
    nxt = state.next_due
    return latest if nxt is None else min(nxt, latest)


def next_due(interval: float, state: SourceState | None, t: float, cap: float) -> float:
    """When a source is checked next, after a check that ended at ``t`` and left ``state`` (its row,
    with the failures in a row so far): the interval, or the back-off after failures, plus jitter."""
    failures = state.failures if state else 0
    return t + backoff_delay(interval, failures, cap) + random.uniform(0, jitter(interval))


def plan(sources: Sequence[tuple[str, float]], states: Mapping[str, SourceState], t: float, window: float,
         cap: float) -> dict[str, float]:
    """The next run of each ``(source id, interval)`` from its stored state; those overdue (never
    checked, or due while nothing ran) staggered over ``window``, most overdue first."""
    due: dict[str, float] = {}
    overdue: list[tuple[float, str, float]] = []
    for sid, interval in sources:
        d = due_from_state(states.get(sid), interval, cap)
        if d is None or d <= t:
            overdue.append((d if d is not None else float("-inf"), sid, interval))
        else:
            due[sid] = d
    overdue.sort(key=lambda x: x[0])
    due.update(stagger([(sid, iv) for _, sid, iv in overdue], t, window))
    return due


START_RATE = 4.0  # overdue first checks per second at start-up, at most


def stagger(overdue: Sequence[tuple[str, float]], now: float, window: float) -> dict[str, float]:
    """Spread ``(source id, interval)`` pairs that are due now over ``window`` seconds.

    The window shrinks to what START_RATE needs (two sources start within half a second, not over a
    minute). Each source gets a random moment within its own slot of the window, and the window is kept
    within the source's interval, so a 1 s source is not held back by a 60 s window. The order
    given is kept (callers put the most overdue first).
    """
    n = len(overdue)
    window = min(window, n / START_RATE)  # a handful of sources start at once; a thousand spread out
    out = {}
    for k, (sid, interval) in enumerate(overdue):
        slot = min(window, interval) / n
        out[sid] = now + slot * (k + random.random())
    return out
