"""The sources a config watches: those written in it, and the articles its feeds discovered.

A discovered source is a :class:`watcher.config.Source` like any other — the rest of watcher
(pipeline, service, reports, CLI) cannot tell it apart except by its ``feed`` — built from its
feed's template (``[feeds.defaults]``, resolved by the config loader) with the article's id, URL
and title. Sources of a feed no longer in the config are not watched (their history stays), and
neither are sources merged into another or retired by ``watcher gc``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..config import Config, Feed, Source
from ..service import schedule
from ..store import SourceState, Store, discovered


def source_for(feed: Feed, row: discovered.DiscoveredRow) -> Source:
    """The Source of a discovered article, from its feed's template."""
    return replace(feed.source, id=row.source, url=row.url, title=row.title)


@dataclass(frozen=True)
class Watched:
    """Every watched source, config ones first, and the age anchors of those a feed discovered."""

    sources: tuple[Source, ...]
    anchors: dict[str, float] = field(default_factory=dict)

    def source(self, source_id: str) -> Source | None:
        return next((s for s in self.sources if s.id == source_id), None)

    def live(self, states: dict[str, SourceState]) -> list[Source]:
        """The sources still to be checked: all but articles too old for their ladder."""
        out = []
        for s in self.sources:
            st = states.get(s.id)
            policy = schedule.policy_for(s, st, self.anchors.get(s.id))
            if schedule.next_due(policy, st.last_check if st else None) is not None:
                out.append(s)
        return out


def watched(config: Config, store: Store) -> Watched:
    """The sources ``config`` watches now (see the module doc)."""
    feeds = {f.id: f for f in config.feeds}
    if not feeds:
        return Watched(tuple(config.sources))
    with store.transaction() as c:
        rows = discovered.discovered_rows(c, feeds)
    rows = [r for r in rows if r.source not in config.reserved_ids]  # a config source took its id since
    return Watched(tuple(config.sources) + tuple(source_for(feeds[r.feed], r) for r in rows),
                   {r.source: r.anchor for r in rows})
