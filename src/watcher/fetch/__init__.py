"""Fetching a page over HTTP(S) within bounded time and memory, politely: the request and its
retries (client), reading a body within bounds (body), per-host politeness and robots.txt
(polite), what a fetch returns (result), the pooled HTTP client (session), the trusted
certificates read at the first TLS request (certs).
"""

from . import certs  # noqa: F401  # first: aiohttp is imported there, its certificates read when needed
from .client import fetch
from .polite import Politeness, parse_retry_after
from .result import FetchResult
from .session import Client, make_client

__all__ = ["Client", "FetchResult", "Politeness", "fetch", "make_client", "parse_retry_after"]
