"""Discovery against a local outlet whose feeds change over time (tests/feedsite.py), over real HTTP:
every kind of feed, articles added/edited/removed, a sitemap index with a gzipped child, a section
front, faults, and one article under several URLs becoming one source."""

from __future__ import annotations

import asyncio
import re
import time
from dataclasses import dataclass, field

import pytest

from watcher.config import load
from watcher.discover import (
    FeedRead,
    UrlPattern,
    canonical_after_fetch,
    compile_pattern,
    discover_new,
    fetch_feed,
)
from watcher.fetch import fetch, make_client

from .feedsite import Outlet

ID = re.compile(r"\A[a-z0-9_-]+\Z")


@dataclass(frozen=True)
class F:
    """A feed as discovery sees it (the config's Feed has these fields and more)."""

    id: str
    url: str
    kind: str
    links: UrlPattern | None = None
    include: tuple[UrlPattern, ...] = ()
    exclude: tuple[UrlPattern, ...] = ()
    max_articles: int = 100


@dataclass
class Watchlist:
    """What the store will hold: canonical URL -> source id, across every feed."""

    sources: dict[str, str] = field(default_factory=dict)

    def take(self, feed: F, read: FeedRead) -> list[str]:
        assert read.error is None, read.error
        new = discover_new(feed, read.entries, self.sources.keys(), set(self.sources.values()))
        for d in new:
            self.sources[d.url] = d.source_id
        return [d.url for d in new]


async def _read(feed: F, **kw) -> FeedRead:
    async with make_client("watcher-test") as client:
        return await fetch_feed(client, feed, respect_robots=False, retries=0, timeout=10.0, **kw)


def read(feed: F, **kw) -> FeedRead:
    return asyncio.run(_read(feed, **kw))


@pytest.fixture
def outlet():
    o = Outlet().start()
    o.add("budget-deficit", "Budget deficit widens", "The deficit is 3.1% of GDP.")
    o.add("rates-held", "Central bank holds rates", "Rates stay at 4.5%.")
    o.add("harvest", "Harvest up", "Wheat output rose 12%.")
    yield o
    o.stop()


def slugs(urls):
    return sorted(u.rsplit("/", 1)[1].removesuffix(".html") for u in urls)


@pytest.mark.parametrize("kind, path", [("rss", "/rss.xml"), ("atom", "/atom.xml"), ("jsonfeed", "/feed.json"),
                                        ("sitemap", "/sitemap_index.xml")])
def test_each_kind_finds_the_articles_once_and_nothing_new_on_the_second_read(outlet, kind, path):
    feed = F("outlet", outlet.url(path), kind)
    watch = Watchlist()
    first = watch.take(feed, read(feed))
    assert slugs(first) == ["budget-deficit", "harvest", "rates-held"]
    # canonical: absolute, no tracking parameters (the RSS links carry utm_*, the JSON Feed fbclid)
    assert set(first) == {outlet.article_url(s) for s in ("budget-deficit", "harvest", "rates-held")}
    assert all(ID.match(sid) and sid.startswith("outlet-") and len(sid) <= 60 for sid in watch.sources.values())
    assert watch.take(feed, read(feed)) == []  # idempotent


def test_an_article_added_later_is_the_only_new_one_and_edits_or_removals_add_nothing(outlet):
    feed = F("outlet", outlet.url("/rss.xml"), "rss")
    watch = Watchlist()
    watch.take(feed, read(feed))
    outlet.add("new-poll", "New poll", "Support at 41%.")
    assert watch.take(feed, read(feed)) == [outlet.article_url("new-poll")]
    outlet.edit("budget-deficit", "The deficit is 3.4% of GDP.")
    outlet.remove("harvest")
    assert watch.take(feed, read(feed)) == []
    assert outlet.article_url("harvest") in watch.sources  # leaving the feed drops nothing


def test_one_article_in_three_feeds_and_a_sitemap_is_one_source(outlet):
    watch = Watchlist()
    found = []
    for kind, path in (("rss", "/rss.xml"), ("atom", "/atom.xml"), ("jsonfeed", "/feed.json"),
                       ("sitemap", "/sitemap_index.xml")):
        feed = F(kind, outlet.url(path), kind)
        found += watch.take(feed, read(feed))
    assert len(found) == len(set(found)) == 3
    assert all(sid.startswith("rss-") for sid in watch.sources.values())  # the first feed to see them names them


def test_the_canonical_link_and_redirects_make_other_urls_of_an_article_the_same_source(outlet):
    async def landed(path: str) -> str:
        async with make_client("watcher-test") as client:
            res = await fetch(client, outlet.url(path), respect_robots=False, retries=0)
        assert res.ok, res.error
        return canonical_after_fetch(outlet.url(path), res.final_url, res.body)

    want = outlet.article_url("rates-held")
    assert asyncio.run(landed("/amp/rates-held.html")) == want  # rel=canonical of the AMP copy
    assert asyncio.run(landed("/go/rates-held")) == want  # redirect to a URL with utm_campaign
    assert asyncio.run(landed("/articles/rates-held.html?fbclid=x#top")) == want


def test_a_sitemap_index_reads_its_gzipped_child_and_takes_the_newest_first(outlet):
    for i in range(6):
        outlet.add(f"older-{i}", f"Older {i}", "…", when=1_600_000_000.0 + i)
    feed = F("maps", outlet.url("/sitemap_index.xml"), "sitemap", max_articles=2)
    r = read(feed)
    assert r.error is None and r.warnings == ()
    # the recent child (gzip, newest lastmod) alone holds the two newest: the archive is not fetched
    assert r.documents == 2 and outlet.hits.get("/sitemaps/archive.xml") is None
    watch = Watchlist()
    assert slugs(watch.take(feed, r)) == ["harvest", "rates-held"]
    recent = {e.url: e for e in r.entries}[outlet.article_url("harvest")]
    assert recent.title == "Harvest up" and recent.published is not None  # Google News extension read
    everything = read(F("maps", outlet.url("/sitemap_index.xml"), "sitemap", max_articles=100))
    assert everything.documents == 3 and len(everything.entries) == 9


def test_a_section_front_yields_only_links_matching_the_pattern_resolved_against_its_base(outlet):
    feed = F("front", outlet.url("/news/"), "page", links=compile_pattern("re:/articles/[a-z-]+\\.html$"))
    r = read(feed)
    assert r.error is None and r.warnings == ()
    assert [e.url for e in r.entries] == [outlet.article_url(s) for s in ("harvest", "rates-held", "budget-deficit")]
    assert r.entries[0].title == "Harvest up"
    wrong = read(F("front", outlet.url("/news/"), "page", links=compile_pattern("*/story/*")))
    assert wrong.entries == () and "no link on the page matches" in wrong.warnings[0]


@pytest.mark.parametrize("path, kind, words", [
    ("/garbage.json", "jsonfeed", ["not a JSON Feed", "not valid JSON"]),
    ("/not-a-feed.xml", "rss", ["not an RSS or Atom feed", "HTML page"]),
    ("/not-a-feed.xml", "sitemap", ["not a sitemap", "<html>"]),
    ("/rss.xml", "jsonfeed", ["not a JSON Feed", "XML or HTML"]),
    ("/missing.xml", "rss", ["HTTP 404"]),
])
def test_a_feed_that_fails_gives_one_line_and_no_entries(outlet, path, kind, words):
    r = read(F("bad", outlet.url(path), kind))
    assert r.entries == () and r.error is not None and "\n" not in r.error
    assert r.error.startswith(f"feed {outlet.url(path)}: ")
    for w in words:
        assert w in r.error, r.error


def test_a_feed_cut_off_mid_item_keeps_what_was_read_and_says_so(outlet):
    r = read(F("cut", outlet.url("/broken.xml"), "rss"))
    assert r.error is None and len(r.warnings) == 1
    assert "not well-formed XML" in r.warnings[0] and "read leniently" in r.warnings[0]
    assert {e.url.split("?")[0] for e in r.entries} >= {outlet.article_url("harvest"), outlet.article_url("rates-held")}


def test_a_child_sitemap_that_fails_is_a_warning_while_the_others_are_read(outlet):
    outlet.extra["/sitemaps/archive.xml"] = (500, "text/plain", b"oops")
    r = read(F("maps", outlet.url("/sitemap_index.xml"), "sitemap"))
    assert r.error is None and slugs(e.url for e in r.entries) == ["harvest", "rates-held"]
    assert len(r.warnings) == 1 and "archive.xml" in r.warnings[0] and "HTTP 500" in r.warnings[0]
    outlet.extra["/sitemaps/recent.xml.gz"] = (200, "application/gzip", b"\x1f\x8b\x08\x00broken")
    r = read(F("maps", outlet.url("/sitemap_index.xml"), "sitemap"))
    assert r.entries == () and r.error and "none of the 2 child sitemaps read" in r.error


def test_an_unchanged_feed_is_not_downloaded_again(outlet):
    feed = F("outlet", outlet.url("/rss.xml"), "rss")
    first = read(feed)
    again = read(feed, etag=first.etag)
    assert first.etag and again.not_modified and again.entries == () and again.error is None
    outlet.add("late", "Late news", "…")
    assert not read(feed, etag=first.etag).not_modified


def test_discovering_a_5000_entry_sitemap_over_http_takes_well_under_a_second_of_cpu(outlet):
    for i in range(5000):
        outlet.add(f"story-{i}", f"Story {i}", "…", when=1_700_000_000.0 + 60 * i)
    feed = F("big", outlet.url("/sitemaps/all.xml"), "sitemap", max_articles=5003)

    async def discover() -> tuple[int, float]:
        start = time.thread_time()  # this thread only: the server's threads are not counted
        r = await _read(feed, max_bytes=50_000_000)
        n = len(discover_new(feed, r.entries, set()))
        return n, time.thread_time() - start

    n, cpu = asyncio.run(discover())
    assert n == 5003
    print(f"5,003-entry sitemap: fetched, parsed and discovered in {cpu:.3f} s of CPU")
    assert cpu < 1.0, f"{cpu:.2f} s of CPU"


def test_feeds_from_the_config_drive_discovery(outlet, tmp_path):
    cfg = tmp_path / "watcher.toml"
    cfg.write_text(f'''
[[feeds]]
id = "front"
url = "{outlet.url('/news/')}"
kind = "page"
links = "re:/articles/"
exclude = ["*/rates-*"]
max_articles = 1

[[feeds]]
id = "map"
url = "{outlet.url('/sitemap_index.xml')}"
kind = "sitemap"
''', encoding="utf-8")
    front, sitemap = load(cfg).feeds
    watch = Watchlist()
    assert slugs(watch.take(front, read(front))) == ["harvest"]  # newest on the page, window of one
    assert slugs(watch.take(sitemap, read(sitemap))) == ["budget-deficit", "rates-held"]
    assert sorted(watch.sources.values())[0].startswith("front-harvest-")
