"""Fetching a page over HTTP(S) within bounded time and memory, politely (client).
"""

from .client import FetchResult, Politeness, fetch, make_client, parse_retry_after

__all__ = ["FetchResult", "Politeness", "fetch", "make_client", "parse_retry_after"]
