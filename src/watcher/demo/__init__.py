"""``watcher demo``: the scripted story (story), realistic pages and a local page server for the
demo, the benchmark and the tests (sitegen) and the seed articles (seeds/, package data).

The story is imported by its module, ``watcher.demo.story``.
"""

from .sitegen import ARTICLES, LocalSite, Teaser, news_page

__all__ = ["ARTICLES", "LocalSite", "Teaser", "news_page"]
