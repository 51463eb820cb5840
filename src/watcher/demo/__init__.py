"""``watcher demo``: the scripted story (story), the pages it serves (pages, teasers), the local web
site that serves them (localsite) and the seed articles (seeds/, package data).

The story is imported by its module, ``watcher.demo.story``.
"""

from .localsite import LocalSite

__all__ = ["LocalSite"]
