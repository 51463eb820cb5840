"""The state database: versions, alerts, per-source health and the notification queue.

``schema`` holds the tables, ``records`` the typed rows the store hands out, ``db`` the
:class:`Store` that reads and writes them.
"""

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
           "SourceState", "Store", "StoreError", "Version", "now"]
