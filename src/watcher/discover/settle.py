"""One article, one source, after its first fetch: what the page says its URL is.

A feed's link is canonicalised before any fetch (:func:`watcher.discover.canon.canonical_url`), but
only the page can say that ``/amp/story.html`` is ``/story``, or the redirect that
``/go/123`` lands there. So the first fetch of a discovered source, before anything is stored,
asks the page (:func:`watcher.discover.canon.canonical_after_fetch`: a trusted ``rel=canonical`` /
``og:url``, else where the redirects ended) and settles the source's URL in one transaction:

* the same URL: nothing to do;
* a URL another source already holds (a discovered one, or a source written in the config): the
  two are one article — this source is merged into that one and never checked again (its URLs
  stay known, so no feed creates it anew);
* a URL nobody holds: this source claims it and moves there (the next fetch is of the canonical
  page, so the baseline is the canonical page's text, not the AMP copy's).

The store's unique URL key settles a race between two sources that land on one URL at once: one
claims it, the other is merged into it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..store import Store, discovered, now

MAX_CHAIN = 16  # merged_into links followed to the source that is watched (a loop is not possible, but bounded)


@dataclass(frozen=True)
class Settled:
    """``outcome``: ``keep`` (the URL stands), ``moved`` (to ``url``) or ``merged`` (into ``into``)."""

    outcome: str
    url: str
    into: str | None = None


def _watched(c, source_id: str) -> str:
    """The source an article is watched as: ``source_id``, or what it was merged into."""
    for _ in range(MAX_CHAIN):
        row = discovered.discovered_row(c, source_id)
        if row is None or row.merged_into is None:
            return source_id
        source_id = row.merged_into
    return source_id


def settle(store: Store, source_id: str, url: str, canonical: str, reserved: Mapping[str, str]) -> Settled:
    """Settle the URL of discovered source ``source_id`` (fetched at ``url``) whose page says it is
    ``canonical``; ``reserved``: canonical URLs of the config's sources (see the module doc)."""
    with store.transaction(immediate=True) as c:
        if canonical == url:
            return Settled("keep", url)
        owner = reserved.get(canonical)
        if owner is None:
            claimed = discovered.claim_url(c, canonical, source_id)
            owner = None if claimed == source_id else _watched(c, claimed)
        if owner is not None and owner != source_id:
            discovered.merge(c, source_id, owner)
            store.update_source(c, source_id, last_check=now(), last_outcome="merged", last_error=None)
            return Settled("merged", canonical, owner)
        discovered.move(c, source_id, canonical)
        store.ensure_source(c, source_id, canonical)  # a new URL: the old page's validators go
        return Settled("moved", canonical)
