"""Which sources the report pages list, in which groups, and how each is doing — no HTML here.

Sources are grouped as an analyst meets them: those written in the config first, then each feed
(a row of its own: a feed can fail, and its ``source_warning`` alerts need a page) followed by the
articles it discovered, then whatever the store still holds but nobody watches any more (removed
from the config, or retired by ``watcher gc``). An article merged into another source has no
versions of its own and is not listed.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..config import Config
from ..discover.watched import watched
from ..kinds import SEVERITIES
from ..store import SourceState, Store, discovered
from .views import source_href


def health(state: SourceState | None) -> tuple[str, str]:
    """(state, text) of a source: state is ok | failing | warning | never."""
    if state is None or not state.last_outcome:
        return "never", "never checked"
    if state.failures:
        return "failing", f"failing ×{state.failures}: {state.last_error}"
    if state.last_outcome == "source_warning":
        return "warning", f"warning: {state.last_error}"
    return "ok", "ok"


def feed_health(state: discovered.FeedState | None) -> tuple[str, str]:
    """(state, text) of a feed, in the words of :func:`health`."""
    if state is None or not state.last_outcome:
        return "never", "never read"
    if state.failures:
        return "failing", f"failing ×{state.failures}: {state.last_error}"
    if state.last_outcome == "warning":
        return "warning", f"warning: {state.last_error}"
    return "ok", "ok"


@dataclass(frozen=True)
class SourceSummary:
    id: str
    title: str
    url: str
    health_state: str
    health: str
    last_check: float | None
    last_change: float | None
    open_alerts: dict[str, int]
    configured: bool = True
    feed: str | None = None  # the feed that discovered it (for a feed's own row: its id)
    kind: str = "source"  # source | feed
    note: str | None = None  # why it is listed though not watched: "no longer configured", "retired"

    @property
    def href(self) -> str:
        return source_href(self.id)

    @property
    def open_total(self) -> int:
        return sum(self.open_alerts.values())


def summaries(cfg: Config, store: Store) -> list[SourceSummary]:
    """Every watched source and feed, grouped (see the module doc), and what the store still holds."""
    states = store.source_states()
    w = watched(cfg, store)
    with store.transaction() as c:
        feeds = discovered.feed_states(c)
        found = {r.source: r for r in discovered.discovered_rows(c, active_only=False)}
    open_by = store.open_alert_counts()  # counted by the database: no alert is loaded

    def counts(sid: str) -> dict[str, int]:
        mine = open_by.get(sid, {})
        return {sev: mine[sev] for sev in SEVERITIES if mine.get(sev)}

    def row(sid: str, title: str | None, url: str | None, feed: str | None = None,
            note: str | None = None) -> SourceSummary:
        st = states.get(sid)
        state, text = health(st)
        return SourceSummary(id=sid, title=title or (st.title if st else None) or sid, url=url or (st.url if st else ""),
                             health_state=state, health=text, last_check=st.last_check if st else None,
                             last_change=st.last_change if st else None, open_alerts=counts(sid),
                             configured=note is None, feed=feed, note=note)

    out = [row(s.id, s.title, s.url) for s in w.sources if s.feed is None]
    by_feed: dict[str, list[SourceSummary]] = defaultdict(list)
    for s in w.sources:
        if s.feed is not None:
            by_feed[s.feed].append(row(s.id, s.title, s.url, s.feed))
    for f in cfg.feeds:
        state, text = feed_health(feeds.get(f.id))
        fs = feeds.get(f.id)
        out.append(SourceSummary(id=f.id, title=f.title or f.id, url=f.url, health_state=state, health=text,
                                 last_check=fs.last_read if fs else None, last_change=None, open_alerts=counts(f.id),
                                 feed=f.id, kind="feed"))
        out += by_feed[f.id]
    listed = {s.id for s in out}
    for sid in sorted(set(states) - listed):
        r = found.get(sid)
        if r is not None and r.merged_into is not None:
            continue
        out.append(row(sid, None, None, r.feed if r else None,
                       "retired: older than retention.max_age" if r is not None and r.retired else "no longer configured"))
    return out


def titles(cfg: Config, store: Store) -> list[tuple[str, str]]:
    """(id, title) of every watched source and feed, in the index's order without its grouping:
    what the alert queue's source filter lists and how its rows are named — without the health and
    alert counts a full summary reads."""
    names = store.source_titles()
    out = [(s.id, s.title or names.get(s.id) or s.id) for s in watched(cfg, store).sources]
    out += [(f.id, f.title or f.id) for f in cfg.feeds]
    return out


def summary(cfg: Config, store: Store, source_id: str) -> SourceSummary | None:
    """One source's (or feed's) summary, read for it alone: a source page must not cost the whole
    list (at 10,000 sources, the static site would grow quadratically)."""
    mine = store.open_alert_counts(source_id).get(source_id, {})
    counts = {sev: mine[sev] for sev in SEVERITIES if mine.get(sev)}
    st = store.source_state(source_id)
    feed = next((f for f in cfg.feeds if f.id == source_id), None)
    if feed is not None:
        with store.transaction() as c:
            fs = discovered.feed_state(c, feed.id)
        state, text = feed_health(fs)
        return SourceSummary(id=feed.id, title=feed.title or feed.id, url=feed.url, health_state=state, health=text,
                             last_check=fs.last_read if fs else None, last_change=None, open_alerts=counts,
                             feed=feed.id, kind="feed")
    configured = next((x for x in cfg.sources if x.id == source_id), None)
    with store.transaction() as c:
        r = discovered.discovered_row(c, source_id) if configured is None else None
    if configured is None and st is None:
        return None
    if r is not None and r.merged_into is not None:
        return None
    live = configured is not None or (r is not None and r.retired is None and r.source not in cfg.reserved_ids
                                      and any(f.id == r.feed for f in cfg.feeds))
    note = None if live else ("retired: older than retention.max_age" if r is not None and r.retired
                              else "no longer configured")
    state, text = health(st)
    title = (configured.title if configured else (r.title if r else None)) or (st.title if st else None) or source_id
    url = configured.url if configured else (r.url if r else (st.url if st else ""))
    return SourceSummary(id=source_id, title=title, url=url, health_state=state, health=text,
                         last_check=st.last_check if st else None, last_change=st.last_change if st else None,
                         open_alerts=counts, configured=note is None, feed=r.feed if r else None, note=note)
