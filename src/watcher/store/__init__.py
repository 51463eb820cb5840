"""The state database: versions, alerts, per-source health and the notification queue (db).
"""

from .db import Store, StoreError, Version, iso, now

__all__ = ["Store", "StoreError", "Version", "iso", "now"]
