"""The timing policy of `watcher run` (watcher.service.schedule), table by table: pure functions, no clock."""

from __future__ import annotations

import random

import pytest

from watcher.service.schedule import START_RATE, backoff_delay, due_from_state, jitter, stagger
from watcher.store import SourceState

H = 3600.0


@pytest.mark.parametrize("interval, expected", [(60.0, 6.0), (300.0, 30.0), (H, 30.0), (1.0, 0.1)])
def test_jitter_is_a_tenth_of_the_interval_at_most_30_seconds(interval, expected):
    assert jitter(interval) == pytest.approx(expected)


@pytest.mark.parametrize("failures, expected", [
    (0, H), (1, H),           # healthy, and a single blip: the normal interval
    (2, 2 * H), (3, 4 * H),   # then doubling
    (4, 6 * H), (50, 6 * H),  # up to the cap
])
def test_backoff_doubles_after_the_second_failure_up_to_the_cap(failures, expected):
    assert backoff_delay(H, failures, cap=6 * H) == expected


def test_backoff_never_waits_less_than_the_interval_even_with_a_small_cap():
    assert backoff_delay(H, 5, cap=60.0) == H


@pytest.mark.parametrize("row, expected", [
    (None, None),                                                  # never seen
    ({"last_check": None}, None),                                  # known, never checked
    ({"last_check": 1000.0, "failures": 0}, 1000.0 + H),           # no stored next run: one interval on
    ({"last_check": 1000.0, "failures": 0, "next_due": 1500.0}, 1500.0),
    # the interval was shortened while the service was down: the stored next run is capped
    ({"last_check": 1000.0, "failures": 0, "next_due": 1000.0 + 10 * H}, 1000.0 + H),
    # a failing source's stored next run may lie one backed-off interval out
    ({"last_check": 1000.0, "failures": 3, "next_due": 1000.0 + 4 * H}, 1000.0 + 4 * H),
])
def test_due_time_survives_a_restart(row, expected):
    state = None if row is None else SourceState(id="s", url="http://e.org/", **row)
    assert due_from_state(state, H, cap=6 * H) == expected


def test_stagger_spreads_overdue_sources_in_order_within_the_window():
    random.seed(7)
    ids = [(f"s{i}", H) for i in range(400)]
    got = stagger(ids, now=0.0, window=60.0)
    times = [got[f"s{i}"] for i in range(400)]
    assert times == sorted(times), "the order given (most overdue first) is kept"
    assert 0.0 <= times[0] and times[-1] <= 60.0
    assert times[-1] > 50.0, "400 sources use the whole minute"


def test_a_few_sources_start_at_once_and_short_intervals_are_not_held_back():
    got = stagger([("a", H), ("b", H)], now=100.0, window=60.0)
    assert all(100.0 <= t <= 100.0 + 2 / START_RATE for t in got.values())
    fast = stagger([(f"f{i}", 1.0) for i in range(100)], now=0.0, window=60.0)
    assert max(fast.values()) <= 1.0
