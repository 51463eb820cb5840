"""When each source is checked next: jitter, failure back-off, restart-safe first runs, staggering.

Pure functions over plain numbers (epoch seconds), kept apart from :mod:`watcher.service.scheduler` so the
timing policy can be read and tested without a running scheduler. Why each rule exists:

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
from collections.abc import Sequence

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
