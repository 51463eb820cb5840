"""Discovering articles to watch from an outlet's feeds.

The pure parts — functions of their inputs, no I/O: parsing RSS/Atom (syndication), JSON Feed
(jsonfeed), sitemaps (sitemap) and section fronts (page) into entries (entry); canonical URLs
(canon); the config's URL patterns (patterns); which entries are new articles and their ids
(select); the age-based check ladder (ladder). Reading a feed over HTTP is :mod:`.read`.

Wired into watcher by :mod:`.run` (:func:`~watcher.discover.run.discover_feed`: read a feed, store
its new articles as sources, one ``source_warning`` per failure streak) and :mod:`.watched` (the
sources a config and its feeds watch, discovered ones built from their feed's defaults).

Why the names below are imported lazily (on first use, through ``__getattr__``): the config imports
:mod:`.ladder` and :mod:`.patterns` to validate ``[[feeds]]``, and importing this package runs this
file first; eager imports here would load lxml, feedparser and the HTTP client on every
``watcher`` command that reads a config, the unchanged-page check path included.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import exports

if TYPE_CHECKING:
    from .canon import (
        TRACKING_PARAMS,
        TRACKING_PREFIXES,
        canonical_after_fetch,
        canonical_link,
        canonical_url,
        is_tracking_param,
    )
    from .entry import Entry, FeedError, Parsed, parse_time
    from .jsonfeed import parse_jsonfeed
    from .ladder import DEFAULT_LADDER, Ladder, age_anchor, interval_for, ladder_age, make_ladder, next_check
    from .page import parse_page
    from .patterns import UrlPattern, compile_pattern, wanted
    from .read import KINDS, FeedRead, ReadableFeed, fetch_feed, parse_feed
    from .select import Discovered, FeedSpec, discover_new, slug, source_id
    from .sitemap import parse_sitemap
    from .syndication import parse_syndication

_WHERE = {
    "canon": ("TRACKING_PARAMS", "TRACKING_PREFIXES", "canonical_after_fetch", "canonical_link", "canonical_url",
              "is_tracking_param"),
    "entry": ("Entry", "FeedError", "Parsed", "parse_time"),
    "jsonfeed": ("parse_jsonfeed",),
    "ladder": ("DEFAULT_LADDER", "Ladder", "age_anchor", "interval_for", "ladder_age", "make_ladder", "next_check"),
    "page": ("parse_page",),
    "patterns": ("UrlPattern", "compile_pattern", "wanted"),
    "read": ("KINDS", "FeedRead", "ReadableFeed", "fetch_feed", "parse_feed"),
    "select": ("Discovered", "FeedSpec", "discover_new", "slug", "source_id"),
    "sitemap": ("parse_sitemap",),
    "syndication": ("parse_syndication",),
}
__all__ = [
    "DEFAULT_LADDER", "KINDS", "TRACKING_PARAMS", "TRACKING_PREFIXES", "Discovered", "Entry", "FeedError",
    "FeedRead", "FeedSpec", "Ladder", "Parsed", "ReadableFeed", "UrlPattern", "age_anchor",
    "canonical_after_fetch", "canonical_link", "canonical_url", "compile_pattern", "discover_new", "fetch_feed",
    "interval_for", "is_tracking_param", "ladder_age", "make_ladder", "next_check", "parse_feed",
    "parse_jsonfeed", "parse_page", "parse_sitemap", "parse_syndication", "parse_time", "slug", "source_id",
    "wanted",
]
assert set(__all__) == {name for names in _WHERE.values() for name in names}

__getattr__ = exports(__name__, globals(), _WHERE)
