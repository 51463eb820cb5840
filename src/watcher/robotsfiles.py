"""robots.txt files kept in the state database, shared by every process that fetches.

Why: robots.txt is the same for every page of a host and changes rarely, but ``watcher check`` is a
new process each time (from cron, every few minutes), a service restarts, and a cluster has many
nodes: each asked every host again. A file read within the hour is used instead, wherever it was
read (RFC 9309 lets a crawler trust one for a day). The rules themselves stay in
:class:`watcher.fetch.Politeness`; this module only moves files between it and the store: a pass
reads its hosts' files in one query before it starts (:func:`robots_origins`) and keeps what it
read at its end, a service or node asks per host when it needs one (:func:`robots_recall`) and keeps
what each check read (:func:`keep_read`). A host's answer is kept (its file, or none: a 4xx); a
failure never is, so the next process asks again.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping

from .config import Source
from .fetch.polite import ROBOTS_TTL, Politeness, Recall, RobotsFile, origin_of
from .lanes import Workers
from .store import Store, StoreFault, now

log = logging.getLogger("watcher.check")

ROBOTS_FORGET = 7 * 86400.0  # a robots.txt file kept this long unread is of a host no longer watched


def robots_origins(sources: Iterable[Source]) -> list[str]:
    """The origins whose robots.txt the checks of ``sources`` ask about (those that respect it)."""
    return [origin_of(s.fetch_url) for s in sources if s.respect_robots]


def robots_recall(store: Store, workers: Workers) -> Recall:
    """How a long-lived :class:`Politeness` (a service, a cluster node) asks the store for a host's
    robots.txt as kept (read within ``robots_ttl`` by any process); None when the store cannot say."""

    def kept(origin: str, since: float) -> RobotsFile | None:
        with store.transaction() as c:
            return store.robots_files(c, [origin], since).get(origin)

    async def recall(origin: str) -> RobotsFile | None:
        try:
            return await workers.run_db(kept, origin, now() - ROBOTS_TTL)
        except StoreFault:  # the check's own writes meet the fault next
            return None

    return recall


def _keep(store: Store, files: Mapping[str, RobotsFile]) -> None:
    """Keep robots.txt ``files`` read from their hosts (:meth:`Politeness.take_robots_read`), for the
    passes (and the restarted service) of the next hour; forget those kept a week ago. A cache: when
    the database cannot take them, the hosts are simply asked again."""
    if not files or store.read_only:
        return
    try:
        with store.transaction() as c:
            store.keep_robots_files(c, files, forget_before=now() - ROBOTS_FORGET)
    except StoreFault as e:
        log.warning("robots.txt files not kept (%s); they are read from their hosts again", e)


async def keep_read(polite: Politeness, store: Store, workers: Workers) -> None:
    """Keep, on the store's thread, what ``polite`` read from hosts since last asked (by a pass, or
    by one check or feed read of a service or a node): often nothing, and then no hop to that thread."""
    files = polite.take_robots_read()
    if files:
        await workers.run_db(_keep, store, files)
