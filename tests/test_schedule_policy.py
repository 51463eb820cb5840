"""``next_due``: the one "when is this source due" decision, for fixed intervals and the age ladder."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from watcher.config import Source
from watcher.discover.ladder import DEFAULT_LADDER, make_ladder
from watcher.service.schedule import Aging, Fixed, changes, interval_after, next_due, plan, policy_for
from watcher.store import SourceState

M, H, D = 60.0, 3600.0, 86400.0
T = 1_800_000_000.0


def src(sid: str = "s", **kw) -> Source:
    return Source(id=sid, url=f"https://o.test/{sid}", interval=kw.pop("interval", H), timeout=30.0, user_agent="t",
                  **kw)


def test_fixed_interval_with_backoff_and_a_stored_plan():
    assert next_due(Fixed(H), None) == -math.inf  # never checked: due at once
    assert next_due(Fixed(H), T) == T + H
    assert next_due(Fixed(H), T, failures=3, cap=6 * H) == T + 4 * H
    assert next_due(Fixed(H), T, planned=T + 1800) == T + 1800  # the plan (with its jitter) stands…
    assert next_due(Fixed(60), T, planned=T + H) == T + 60  # …unless the interval was shortened since


def test_a_new_article_is_checked_often_then_rarely_then_never():
    new = Aging(DEFAULT_LADDER, anchor=T)
    assert next_due(new, None) == T  # never checked: due from its anchor (staggered by the caller)
    assert next_due(new, T + 10 * M) == T + 25 * M  # younger than 3 h: every 15 min
    assert next_due(new, T + 5 * H) == T + 6 * H  # younger than a day: hourly
    assert next_due(new, T + 3 * D) == T + 3 * D + 3 * H
    assert next_due(new, T + 20 * D) == T + 23 * D
    assert next_due(new, T + 359 * D) == T + 360 * D  # the last check falls on the stop, not beyond
    assert next_due(new, T + 360 * D) is None  # then never again
    assert next_due(Aging(DEFAULT_LADDER, anchor=T - 2 * 365 * D), T) is None  # an old sitemap entry: once


def test_an_edited_article_is_young_again_and_the_old_plan_gives_way():
    edited = Aging(DEFAULT_LADDER, anchor=T + 20 * D)  # anchor moved to its last change
    assert next_due(edited, T + 20 * D + M, planned=T + 23 * D) == T + 20 * D + 16 * M


def test_policy_of_a_source():
    assert policy_for(src(interval=600)) == Fixed(600)
    ladder = make_ladder([(H, M)])
    assert policy_for(src(feed="f", ladder=ladder), None, anchor=T) == Aging(ladder, T)
    # a config source that opted in ages from its last change (its first version starts its age)
    assert policy_for(src(ladder=ladder), SourceState(id="s", url="u", last_change=T)) == Aging(ladder, T)
    assert interval_after(Aging(ladder, None), T) == M  # no anchor yet: the check itself is the start


@given(anchor=st.floats(0, 1e9), age=st.floats(0, 400 * D), failures=st.integers(0, 12))
def test_the_ladder_never_plans_into_the_past_and_backs_off(anchor, age, failures):
    policy = Aging(DEFAULT_LADDER, anchor)
    last = anchor + age
    due = next_due(policy, last, failures, cap=6 * H)
    healthy = next_due(policy, last)
    assert (due is None) == (healthy is None) == (age >= DEFAULT_LADDER.stop_after)
    if due is not None and healthy is not None:
        assert last < healthy <= due


def test_plan_staggers_what_is_due_and_drops_articles_too_old():
    ladder = DEFAULT_LADDER
    sources = [src("cfg"), src("young", feed="f", ladder=ladder), src("old", feed="f", ladder=ladder),
               src("later")]
    states = {"old": SourceState(id="old", url="u", last_check=T - D), "later": SourceState(id="later", url="u",
                                                                                          last_check=T - 60)}
    due = plan(sources, states, {"young": T - 60, "old": T - 400 * D}, T, cap=6 * H, window=60.0)
    assert due["old"] is None and due["later"] == T - 60 + H
    assert T <= due["cfg"] < T + 1 and T <= due["young"] < T + 1  # two sources: started within half a second


def test_changes_sees_a_source_moved_onto_the_ladder_as_retimed():
    old = {"a": src("a"), "b": src("b"), "c": src("c")}
    new = {"a": src("a", ladder=DEFAULT_LADDER), "b": src("b", title="B"), "d": src("d")}
    added, removed, retimed, edited = changes(old, new)
    assert [s.id for s in added] == ["d"] and removed == ["c"] and [s.id for s in retimed] == ["a"] and edited == ["b"]
