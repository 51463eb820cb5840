"""Which entries become new sources (watcher.discover.select): patterns, the newest-N window,
de-duplication by canonical URL, idempotence, and source ids that are short, stable and never collide."""

from __future__ import annotations

import re
from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from watcher.discover import Entry, UrlPattern, compile_pattern, discover_new, slug, source_id

ID = re.compile(r"\A[a-z0-9_-]+\Z")


@dataclass(frozen=True)
class F:
    id: str = "outlet"
    include: tuple[UrlPattern, ...] = ()
    exclude: tuple[UrlPattern, ...] = ()
    max_articles: int = 100


def e(path: str, when: float | None = None, **kw) -> Entry:
    return Entry(f"https://o.test{path}", updated=when, **kw)


def urls(found) -> list[str]:
    return [d.url.removeprefix("https://o.test") for d in found]


def test_include_and_exclude_patterns_apply_to_the_canonical_url():
    feed = F(include=(compile_pattern("https://o.test/news/*"), compile_pattern("re:/live/\\d+$")),
             exclude=(compile_pattern("*/news/sponsored/*"), compile_pattern("re:[?&]page=")))
    found = discover_new(feed, [e("/news/a?utm_source=x"), e("/sport/b"), e("/live/12"), e("/news/sponsored/c"),
                                e("/news/d?page=2"), e("/news/e?utm_medium=page=2")], set())
    assert urls(found) == ["/news/a", "/live/12", "/news/e"]


def test_only_the_newest_entries_are_considered_and_undated_ones_keep_their_order_after_them():
    entries = [e("/old", 100.0), e("/undated-1"), e("/newest", 300.0), e("/undated-2"), e("/middle", 200.0)]
    assert urls(discover_new(F(max_articles=3), entries, set())) == ["/newest", "/middle", "/old"]
    assert urls(discover_new(F(max_articles=10), entries, set())) == ["/newest", "/middle", "/old", "/undated-1",
                                                                       "/undated-2"]


def test_the_window_is_the_feed_s_newest_even_when_they_are_already_known():
    entries = [e(f"/a{i}", float(i)) for i in range(10)]
    known = {"https://o.test/a9", "https://o.test/a8"}
    # the two newest are known: the window of 3 holds one new article, older ones are not back-filled
    assert urls(discover_new(F(max_articles=3), entries, known)) == ["/a7"]


def test_duplicates_within_a_feed_and_known_urls_count_once():
    entries = [e("/a?fbclid=1"), e("/a"), e("/a#comments"), e("/b"), Entry("HTTPS://O.TEST:443/b"),
               Entry("mailto:x@o.test"), Entry("javascript:void(0)")]
    found = discover_new(F(), entries, {"https://o.test/b"})
    assert urls(found) == ["/a"] and found[0].link == "https://o.test/a?fbclid=1"


def test_discovering_twice_finds_nothing_the_second_time():
    entries = [e(f"/story/{i}") for i in range(20)]
    first = discover_new(F(), entries, set())
    assert len(first) == 20
    assert discover_new(F(), entries, {d.url for d in first}, {d.source_id for d in first}) == ()


def test_titles_and_dates_are_carried_over():
    (d,) = discover_new(F(), [Entry("https://o.test/a", "A title", 100.0, 200.0)], set())
    assert (d.title, d.published, d.updated, d.feed_id) == ("A title", 100.0, 200.0, "outlet")


def test_source_ids_are_readable_stable_and_short():
    sid = source_id("outlet", "https://o.test/2024/05/01/Budget-Deficit-Widens-Again.html")
    assert re.fullmatch(r"outlet-budget-deficit-widens-again-[0-9a-f]{8}", sid)
    assert source_id("outlet", "https://o.test/2024/05/01/Budget-Deficit-Widens-Again.html") == sid
    assert slug("https://o.test/news/%C3%A9t%C3%A9-caf%C3%A9/index.html") == "ete-cafe"
    assert slug("https://o.test/article.php?id=5") == "" and re.fullmatch(
        r"outlet-[0-9a-f]{8}", source_id("outlet", "https://o.test/article.php?id=5"))
    long = source_id("f", "https://o.test/" + "-".join(["word"] * 40))
    assert len(long) <= 2 + 40 + 9


def test_a_taken_id_makes_the_hash_longer_instead_of_colliding():
    url = "https://o.test/a/story"
    first = source_id("outlet", url)
    second = source_id("outlet", url, taken={first})
    assert second != first and second.startswith(first) and len(second) == len(first) + 4


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=30), min_size=1, max_size=30))
def test_ids_always_match_the_id_pattern_and_never_repeat_within_a_batch(paths):
    entries = [Entry("https://o.test/" + p.replace("#", "").replace("?", "")) for p in paths]
    found = discover_new(F(), entries, set())
    ids = [d.source_id for d in found]
    assert all(ID.match(i) for i in ids) and len(ids) == len(set(ids))
    assert len({d.url for d in found}) == len(found)
