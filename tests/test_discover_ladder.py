"""The check ladder (watcher.discover.ladder): NewsDiffs' steps, the age an article counts from, and
when it is checked next — pure functions, no clock."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from watcher.discover import DEFAULT_LADDER, age_anchor, interval_for, ladder_age, make_ladder, next_check

M, H, D = 60.0, 3600.0, 86400.0


@pytest.mark.parametrize("age, expected", [
    (0, 15 * M), (3 * H - 1, 15 * M),        # the first 3 hours: every 15 minutes
    (3 * H, H), (D - 1, H),                  # then hourly for the first day
    (D, 3 * H), (7 * D - 1, 3 * H),          # every 3 hours for the first week
    (7 * D, 3 * D), (30 * D - 1, 3 * D),     # every 3 days for the first month
    (30 * D, 30 * D), (360 * D - 1, 30 * D),  # monthly until 360 days
    (360 * D, None), (5 * 365 * D, None),    # then never
])
def test_the_default_is_newsdiffs_ladder(age, expected):
    assert interval_for(age) == expected


def test_a_custom_ladder_with_a_later_stop_keeps_its_last_interval():
    ladder = make_ladder([(H, 5 * M), (D, H)], stop_after=7 * D)
    assert [interval_for(a, ladder) for a in (0, H, 2 * D, 7 * D)] == [5 * M, H, H, None]


@pytest.mark.parametrize("steps, stop, words", [
    ([], None, "at least one"),
    ([(D, H), (H, M)], None, "increase"),
    ([(0, M)], None, "positive"),
    ([(H, 0)], None, "intervals must be positive"),
    ([(H, H), (D, M)], None, "must not shrink"),
    ([(D, H)], H, "stop_after"),
])
def test_bad_ladders_are_refused(steps, stop, words):
    with pytest.raises(ValueError, match=words):
        make_ladder(steps, stop)


def test_age_counts_from_discovery_or_an_earlier_publication_or_the_last_change():
    assert age_anchor(1000.0) == 1000.0
    assert age_anchor(1000.0, published=400.0) == 400.0          # found today, published long ago: old
    assert age_anchor(1000.0, published=5000.0) == 1000.0        # a publication date in the future is ignored
    assert age_anchor(1000.0, published=400.0, changed=3000.0) == 3000.0  # edited: watched closely again
    assert ladder_age(900.0, discovered=1000.0) == 0.0           # never negative


def test_next_check_follows_the_ladder_and_the_last_falls_at_the_stop_age():
    t0 = 1_000_000.0
    assert next_check(None, t0) == t0                             # never checked: due at once
    assert next_check(t0 + H, t0) == t0 + H + 15 * M
    assert next_check(t0 + 2 * D, t0) == t0 + 2 * D + 3 * H
    assert next_check(t0 + 350 * D, t0) == t0 + 360 * D          # not 380 days: the stop age is the last check
    assert next_check(t0 + 360 * D, t0) is None


@given(st.floats(0, 400 * D), st.floats(0, 400 * D))
def test_an_older_article_is_never_checked_more_often(a, b):
    young, old = sorted((a, b))
    iy, io = interval_for(young), interval_for(old)
    assert io is None or (iy is not None and iy <= io)


def test_the_default_ladder_is_what_the_module_documents():
    assert DEFAULT_LADDER.steps == ((3 * H, 15 * M), (D, H), (7 * D, 3 * H), (30 * D, 3 * D), (360 * D, 30 * D))
    assert DEFAULT_LADDER.stop_after == 360 * D
