"""The state database: versions, alerts, per-source health and the notification queue.

``schema`` holds the tables, ``records`` the typed rows the store hands out, ``db`` the
:class:`Store` that reads and writes them; ``discovered`` the rows of feeds and the sources they
created (plain functions over a Store connection).
"""

from . import discovered
from .db import Store, StoreError, now
from .records import (
    AlertData,
    AlertHead,
    AlertRecord,
    BaselineRef,
    ClaimState,
    Delivery,
    PassMeta,
    SourceState,
    Version,
)

__all__ = ["AlertData", "AlertHead", "AlertRecord", "BaselineRef", "ClaimState", "Delivery", "PassMeta",
           "SourceState", "Store", "StoreError", "Version", "discovered", "now"]
