"""Fetching a page over HTTP(S) within bounded time and memory, politely: the request and its
retries (client), reading a body within bounds (body), per-host politeness and robots.txt
(polite), what a fetch returns (result).
"""

from .client import fetch, make_client
from .polite import Politeness, parse_retry_after
from .result import FetchResult

__all__ = ["FetchResult", "Politeness", "fetch", "make_client", "parse_retry_after"]
