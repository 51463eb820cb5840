"""Fetching a page over HTTP(S) within bounded time and memory, politely: the request and its
retries (client), reading a body within bounds (body), per-host politeness and robots.txt
(polite), what a fetch returns (result), the pooled HTTP client (session), the trusted
certificates read at the first TLS request (certs).
"""

from . import certs

with certs.deferred():  # aiohttp's first import: its SSL contexts get their certificates when used
    import aiohttp  # noqa: F401

from .client import fetch  # noqa: E402
from .polite import Politeness, parse_retry_after  # noqa: E402
from .result import FetchResult  # noqa: E402
from .session import Client, make_client  # noqa: E402

__all__ = ["Client", "FetchResult", "Politeness", "fetch", "make_client", "parse_retry_after"]
