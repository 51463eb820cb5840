"""Discovering articles to watch from an outlet's feeds: parsing RSS/Atom (syndication), JSON Feed
(jsonfeed), sitemaps (sitemap) and section fronts (page) into entries (entry); canonical URLs (canon);
the config's URL patterns (patterns); which entries become new sources and their ids (select);
fetching a feed (read); and the age-based check ladder (ladder).

Everything here is a function of its inputs except :func:`fetch_feed`, which does HTTP through
:func:`watcher.fetch.fetch`. Nothing here imports the config, the store or the pipeline: the config
imports :mod:`.patterns` and :mod:`.ladder` to validate ``[[feeds]]``, and the feed types are
described by protocols (:class:`FeedSpec`, :class:`ReadableFeed`) that ``watcher.config.feeds.Feed``
satisfies.
"""

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

__all__ = [
    "DEFAULT_LADDER", "KINDS", "TRACKING_PARAMS", "TRACKING_PREFIXES", "Discovered", "Entry", "FeedError",
    "FeedRead", "FeedSpec", "Ladder", "Parsed", "ReadableFeed", "UrlPattern", "age_anchor",
    "canonical_after_fetch", "canonical_link", "canonical_url", "compile_pattern", "discover_new", "fetch_feed",
    "interval_for", "is_tracking_param", "ladder_age", "make_ladder", "next_check", "parse_feed",
    "parse_jsonfeed", "parse_page", "parse_sitemap", "parse_syndication", "parse_time", "slug", "source_id",
    "wanted",
]
