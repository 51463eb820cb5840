"""When each source is checked next: its interval policy, jitter, failure back-off, restart-safe
first runs, staggering.

Pure functions over plain numbers (epoch seconds), kept apart from :mod:`watcher.service.scheduler` so the
timing policy can be read and tested without a running scheduler — and so that every runner decides
"when is this source due" the same way: :func:`next_due` is *the* decision, called by the service,
by ``watcher sources`` and by a cluster node (:mod:`watcher.cluster`); :func:`plan` when sources
are new, re-timed or overdue. A new rule goes into these functions and reaches every runner. Why each rule exists:

* **interval policy** — a source is checked every fixed ``interval`` (:class:`Fixed`: sources written
  in the config), or by its age on a check ladder (:class:`Aging`: discovered articles, checked
  often while new and rarely once old, then never; :mod:`watcher.discover.ladder`).

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

import math
import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..config import Source
from ..discover.ladder import Ladder
from ..discover.ladder import next_check as ladder_next
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


@dataclass(frozen=True)
class Fixed:
    """Checked every ``interval`` seconds."""

    interval: float


@dataclass(frozen=True)
class Aging:
    """Checked by age on ``ladder``; the age counts from ``anchor`` (epoch seconds; None: not known
    yet, and the first check is then its start — see :func:`watcher.discover.ladder.age_anchor`)."""

    ladder: Ladder
    anchor: float | None = None


Policy = Fixed | Aging


def policy_for(source: Source, state: SourceState | None = None, anchor: float | None = None) -> Policy:
    """The interval policy of ``source``: its ladder, else its interval. On the ladder, a discovered
    article ages from its ``anchor`` (:mod:`watcher.store.discovered`); a source written in the
    config, which has none, from its last change (NewsDiffs' rule: the later of first sight and
    last change), so its first version starts its age."""
    if source.ladder is None:
        return Fixed(source.interval)
    return Aging(source.ladder, anchor if source.feed is not None else (state.last_change if state else None))


def interval_after(policy: Policy, at: float) -> float | None:
    """The normal wait after a check at ``at`` (no back-off); None: no more checks (too old)."""
    if isinstance(policy, Fixed):
        return policy.interval
    nxt = ladder_next(at, at if policy.anchor is None else policy.anchor, policy.ladder)
    return None if nxt is None else nxt - at


def next_due(policy: Policy, last_check: float | None, failures: int = 0, cap: float = math.inf,
             planned: float | None = None) -> float | None:
    """When a source is due next (epoch seconds), or None when it is not to be checked again.

    * never checked (``last_check`` None): due at once — ``-inf``, or for an aging article its age
      anchor (also past), so that callers put the most overdue first; ``planned`` is not trusted
      then (a first check planned before a restart is staggered again);
    * else one interval of the policy after the last check, backed off after failures
      (:func:`backoff_delay`, up to ``cap``);
    * ``planned`` (the stored next run, jitter included) is used as it is, except that it never lies
      further out than that — the interval may have been shortened, or the article edited (it is
      young again), since it was planned.
    """
    if last_check is None:
        return policy.anchor if isinstance(policy, Aging) and policy.anchor is not None else -math.inf
    interval = interval_after(policy, last_check)
    if interval is None:
        return None
    latest = last_check + backoff_delay(interval, failures, cap)
    return latest if planned is None else min(planned, latest)


def due_from_state(state: SourceState | None, interval: float, cap: float) -> float | None:
    """When a source on a fixed ``interval`` is due by its stored state; None if never checked."""
    if state is None or state.last_check is None:
        return None
    return next_due(Fixed(interval), state.last_check, state.failures, cap, state.next_due)


def after_check(policy: Policy, t: float, failures: int, cap: float) -> float | None:
    """When a source whose check ended at ``t`` (``failures`` in a row so far) is checked next, jitter
    included (:func:`jitter`); None: not again (too old for its ladder)."""
    due = next_due(policy, t, failures, cap)
    return None if due is None else due + random.uniform(0, jitter(due - t))


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


def plan(sources: Iterable[Source], states: Mapping[str, SourceState], anchors: Mapping[str, float], now: float,
         cap: float, window: float) -> dict[str, float | None]:
    """The next run of each source from its stored state (None: too old for its ladder, no more
    runs); those due now are staggered over ``window`` (:func:`stagger`), most overdue first."""
    due: dict[str, float | None] = {}
    overdue: list[tuple[float, str, float]] = []
    for s in sources:
        st = states.get(s.id)
        policy = policy_for(s, st, anchors.get(s.id))
        d = next_due(policy, st.last_check if st else None, st.failures if st else 0, cap, st.next_due if st else None)
        if d is not None and d <= now:
            overdue.append((d, s.id, interval_after(policy, now) or s.interval))
        else:
            due[s.id] = d
    overdue.sort(key=lambda x: x[0])
    due.update(stagger([(sid, iv) for _, sid, iv in overdue], now, window))
    return due


def changes(old: Mapping[str, Source], new: Mapping[str, Source]) -> tuple[list[Source], list[str], list[Source], list[str]]:
    """What a config reload changed: sources added, ids removed, sources re-timed (their interval
    policy changed: they are planned again from their last check) and ids otherwise edited."""
    added = [s for s in new.values() if s.id not in old]
    removed = [sid for sid in old if sid not in new]
    retimed = [s for s in new.values() if s.id in old and (old[s.id].interval, old[s.id].ladder) != (s.interval, s.ladder)]
    edited = [s.id for s in new.values() if s.id in old and old[s.id] != s and s not in retimed]
    return added, removed, retimed, edited
