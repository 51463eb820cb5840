"""``[[feeds]]`` and ``[retention]`` (watcher.config.feeds), read by ``config.load()``: what a valid
table becomes, and one line naming file, feed and field for every mistake."""

from __future__ import annotations

import tomllib

import pytest

from watcher.config import ConfigError, NotifyTarget, load
from watcher.config.feeds import parse_retention
from watcher.discover import DEFAULT_LADDER, interval_for

FEED = '[[feeds]]\nid = "outlet"\nurl = "https://o.test/rss.xml"\nkind = "rss"\n'
H, D = 3600.0, 86400.0


def feeds(text: str, tmp_path):
    path = tmp_path / "watcher.toml"
    path.write_text('state_dir = "state"\n' + text, encoding="utf-8")
    return load(path).feeds, path


def test_a_full_feed_table(tmp_path):
    (f, page), path = feeds(FEED + '''
interval = "10m"
include = ["https://o.test/news/*", "re:/live/\\\\d+"]
exclude = ["*/sponsored/*"]
max_articles = 50
title = "The Outlet"
  [feeds.defaults]
  notify = ["json://localhost/"]
  notify_min_severity = "high"
  ladder = [["6h", "30m"], ["2d", "2h"]]
  stop_after = "30d"
  timeout = "20s"
  [feeds.defaults.extract]
  exclude = ["aside.related"]
[[feeds]]
id = "front"
url = "https://o.test/news/"
kind = "page"
links = "https://o.test/news/20*"
''', tmp_path)
    assert (f.id, f.kind, f.interval, f.max_articles, f.title, f.config_file) == ("outlet", "rss", 600.0, 50, "The Outlet", path)
    assert f.include[0].matches("https://o.test/news/a") and f.include[1].matches("https://o.test/live/12")
    assert f.exclude[0].matches("https://o.test/x/sponsored/y") and not f.exclude[0].matches("https://o.test/news/a")
    t = f.source  # the template of its sources, resolved as a [[sources]] entry is
    assert t.ladder is not None and interval_for(3 * D, t.ladder) == 2 * H
    assert interval_for(30 * D, t.ladder) is None
    assert (t.feed, t.notify, t.timeout, t.extract.exclude) == (
        "outlet", (NotifyTarget("json://localhost/", "high"),), 20.0, ("aside.related",))
    assert page.links is not None and page.links.matches("https://o.test/news/2024/a") and page.max_articles == 100
    assert page.source.ladder is DEFAULT_LADDER and page.interval == 900.0


def test_the_ladder_can_be_turned_off_for_a_fixed_interval(tmp_path):
    (f,), _ = feeds(FEED + '[feeds.defaults]\nladder = false\ninterval = "2h"\n', tmp_path)
    assert f.source.ladder is None and f.source.interval == 2 * H


def test_a_later_stop_with_the_default_steps(tmp_path):
    (f,), _ = feeds(FEED + '[feeds.defaults]\nstop_after = "720d"\n', tmp_path)
    assert f.source.ladder.steps == DEFAULT_LADDER.steps and interval_for(500 * D, f.source.ladder) == 30 * D


def test_disabled_feeds_are_left_out_but_still_checked(tmp_path):
    (f,), _ = feeds(FEED + 'enabled = false\n' + FEED.replace('"outlet"', '"other"'), tmp_path)
    assert f.id == "other"
    with pytest.raises(ConfigError, match="field 'kind'"):
        feeds(FEED.replace('"rss"', '"rdf"') + 'enabled = false\n', tmp_path)


@pytest.mark.parametrize("extra, field, words", [
    ('kind = "rss2"', "kind", "'rss', 'atom', 'jsonfeed', 'sitemap' or 'page'"),
    ('links = "*"', "links", "applies only to kind 'page'"),
    ('intervall = "5m"', "intervall", "unknown key 'intervall'"),
    ('interval = "0s"', "interval", "positive"),
    ('interval = "soon"', "interval", "not a duration"),
    ('include = ["re:("]', "include", "invalid regular expression"),
    ('exclude = [""]', "exclude", "empty URL pattern"),
    ('include = "https://o.test/*"', "include", "valid list"),
    ('max_articles = 0', "max_articles", "greater than 0"),
    ('max_articles = 1000000', "max_articles", "less than or equal to 50000"),
    ('[feeds.defaults]\nbaseline = "a.txt"', "defaults.baseline", "cannot be set for discovered sources"),
    ('[feeds.defaults]\nid = "x"', "defaults.id", "cannot be set"),
    ('[feeds.defaults]\ninterval = "1h"', "defaults.interval", "only with ladder = false"),
    ('[feeds.defaults]\nladder = [["1d", "1h"], ["1h", "5m"]]', "defaults.ladder", "increase"),
    ('[feeds.defaults]\nladder = [["1h", "1h"], ["1d", "5m"]]', "defaults.ladder", "must not shrink"),
    ('[feeds.defaults]\nladder = [["1d"]]', "defaults.ladder", "not an [age, interval] pair"),
    ('[feeds.defaults]\nladder = [["1d", "often"]]', "defaults.ladder", "not a duration"),
    ('[feeds.defaults]\nladder = "newsdiffs"', "defaults.ladder", "must be true, false or a list"),
    ('[feeds.defaults]\nladder = false\nstop_after = "1d"', "defaults.stop_after", "needs the ladder"),
    ('[feeds.defaults]\nladder = [["1d", "1h"]]\nstop_after = "1h"', "defaults.stop_after", "must not come before"),
    ('[feeds.defaults]\nnotfy = ["x"]', "defaults.notfy", "unknown key 'defaults.notfy'"),
    ('[feeds.defaults]\nnotify = ["nonsense://x"]', "defaults.notify", "Apprise"),
    ('[feeds.defaults]\nretries = 99', "defaults.retries", "less than or equal to 10"),
    ('[feeds.defaults.extract]\nexclude = ["div[["]', "defaults.extract.exclude", "invalid CSS selector"),
])
def test_mistakes_name_file_feed_and_field(tmp_path, extra, field, words):
    body = FEED.replace('kind = "rss"\n', "") + extra + "\n" if extra.startswith("kind") else FEED + extra + "\n"
    with pytest.raises(ConfigError) as err:
        feeds(body, tmp_path)
    msg = str(err.value)
    assert msg.startswith(f"config error: {tmp_path / 'watcher.toml'}: feed 'outlet': field '{field}': "), msg
    assert words in msg and "\n" not in msg, msg


@pytest.mark.parametrize("text, feed, field, words", [
    ('[[feeds]]\nurl = "https://o.test/"\nkind = "rss"', "#1", "id", "required key 'id' is missing"),
    ('[[feeds]]\nid = "Outlet News"\nurl = "https://o.test/"\nkind = "rss"', "Outlet News", "id", "[a-z0-9_-]+"),
    ('[[feeds]]\nid = "' + "x" * 33 + '"\nurl = "https://o.test/"\nkind = "rss"', "x" * 33, "id", "32 characters"),
    ('[[feeds]]\nid = "ok\\n"\nurl = "https://o.test/"\nkind = "rss"', "ok\n", "id", "must match"),
    ('[[feeds]]\nid = "o"\nkind = "rss"', "o", "url", "required key 'url'"),
    ('[[feeds]]\nid = "o"\nurl = "file:///etc/passwd"\nkind = "rss"', "o", "url", "only http and https"),
    ('[[feeds]]\nid = "o"\nurl = "https://o.test/"\nkind = "page"', "o", "links", "needs a 'links' pattern"),
    ('[[feeds]]\nid = "o"\nurl = "https://o.test/"\nkind = "page"\nlinks = "re:[a-"', "o", "links", "invalid regular"),
    (FEED + FEED, "outlet", "id", "duplicate feed id"),
])
def test_mistakes_in_feed_identity(tmp_path, text, feed, field, words):
    with pytest.raises(ConfigError) as err:
        feeds(text, tmp_path)
    msg = str(err.value)
    assert f": feed {feed!r}: field '{field}': " in msg and words in msg, msg


def test_feeds_that_are_not_tables(tmp_path):
    with pytest.raises(ConfigError, match="'feeds' must be an array of tables"):
        feeds('[feeds]\nid = "x"\n', tmp_path)
    with pytest.raises(ConfigError, match=r"feeds\[0\] must be a table"):
        feeds('feeds = ["https://o.test/rss"]\n', tmp_path)


def test_retention():
    r = parse_retention(tomllib.loads('max_age = "730d"\nmax_versions = 50\ncaptures = "90d"'), "w.toml")
    assert (r.max_age, r.max_versions, r.captures) == (730 * D, 50, 90 * D)
    none = parse_retention(None, "w.toml")
    assert (none.max_age, none.max_versions, none.captures) == (None, None, None)  # nothing is ever removed
    assert parse_retention({"captures": 0}, "w.toml").captures == 0.0


@pytest.mark.parametrize("text, field, words", [
    ('max_age = "0d"', "retention.max_age", "positive"),
    ('max_versions = 0', "retention.max_versions", "greater than or equal to 1"),
    ('captures = "sometimes"', "retention.captures", "not a duration"),
    ('keep = "all"', "retention.keep", "unknown key 'retention.keep'"),
])
def test_retention_mistakes(text, field, words):
    with pytest.raises(ConfigError) as err:
        parse_retention(tomllib.loads(text), "w.toml")
    assert f"config error: w.toml: field '{field}': " in str(err.value) and words in str(err.value)
