"""How many checks ``watcher run`` lets run at once: in total, and against one host."""

from __future__ import annotations

import asyncio
from contextlib import asynccontextmanager
from urllib.parse import urlsplit


class Limits:
    """A cap on checks at once, and a cap per host (by host name, as Scrapy's per-domain slots).

    Why a host gate here besides the request slots of :class:`watcher.fetch.polite.Politeness`: a check
    waits for its host *before* it takes a global slot, so a queue of checks for one busy host
    never holds the global slots that other hosts' checks need. (The same semaphore cannot serve
    both levels: checks holding every host slot would then wait on it again inside the fetch.)
    """

    def __init__(self, total: int, per_host: int) -> None:
        self.key = (total, per_host)
        self.total = asyncio.Semaphore(total)
        self.per_host = per_host
        self.hosts: dict[str, asyncio.Semaphore] = {}

    @asynccontextmanager
    async def slot(self, url: str):
        host = (urlsplit(url).hostname or "").lower()
        sem = self.hosts.get(host)
        if sem is None:
            sem = self.hosts[host] = asyncio.Semaphore(self.per_host)
        async with sem, self.total:
            yield
