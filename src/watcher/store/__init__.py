"""The state database: versions, alerts, per-source health and the notification queue.

``schema`` holds the tables, ``records`` the typed rows the store hands out, ``db`` the
:class:`Store` that reads and writes them; ``reviews`` the reviewers' verdicts and the rules they
made, ``paging`` alerts a page at a time (import those two by their module); ``discovered`` the
rows of feeds and the sources they created (plain functions over a Store connection).
"""

from . import discovered
from .access import StoreError, StoreFault
from .db import Store, now
from .records import (
    AlertData,
    AlertHead,
    AlertRecord,
    BaselineRef,
    ClaimState,
    Delivery,
    PassMeta,
    ReviewCounts,
    Rule,
    SourceState,
    Version,
)

__all__ = ["AlertData", "AlertHead", "AlertRecord", "BaselineRef", "ClaimState", "Delivery", "PassMeta",
           "ReviewCounts", "Rule", "SourceState", "Store", "StoreError", "StoreFault", "Version", "discovered", "now"]
