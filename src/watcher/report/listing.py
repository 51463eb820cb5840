"""What ``watcher sources`` and ``watcher history`` list: one plain dict per source, feed or version,
printed as a table for people or as JSON Lines (``--json``) for programs. The field names are
documented in README ("JSON output"); times are ISO 8601 UTC, or null.

Why dicts built here and not in the CLI: the table and the JSON show the same facts, computed once —
a source's next check above all, which is :func:`watcher.service.schedule.next_due`, the decision
the service itself makes, not a second guess at it.
"""

from __future__ import annotations

from collections.abc import Iterable

from .. import timefmt
from ..alerts.feedback import review_counts
from ..config import Config, Retention, Source
from ..discover.watched import Watched
from ..service import schedule
from ..store import ReviewCounts, SourceState, Store, Version, discovered, now
from ..store.captures import Dropped
from ..store.retention import Collected
from .sources import health


def next_check(source: Source, state: SourceState | None, anchor: float | None, config: Config,
               at: float) -> float | None:
    """When ``source`` is checked next: the service's plan if it made one, else when it is due
    (``at`` when it is due now); None when it is not checked any more (too old for its ladder)."""
    policy = schedule.policy_for(source, state, anchor)
    due = schedule.next_due(policy, state.last_check if state else None, state.failures if state else 0,
                            config.defaults.backoff_max, state.next_due if state else None)
    if due is None:
        return None
    if state is not None and state.last_check is None and state.next_due is not None:
        return state.next_due  # a first check the service planned (staggered)
    return max(due, at)


def source_rows(config: Config, store: Store, w: Watched) -> list[dict]:
    """One dict per watched source, those written in the config first."""
    states, reviews = store.source_states(), review_counts(store)
    with store.transaction() as c:
        rows = {r.source: r for r in discovered.discovered_rows(c, {s.feed for s in w.sources if s.feed})}
    t = now()
    out = []
    for s in w.sources:
        st, found = states.get(s.id), rows.get(s.id)
        out.append({
            "id": s.id, "url": s.url, "feed": s.feed, "title": s.title or (st.title if st else None),
            "interval": None if s.ladder else s.interval, "ladder": s.ladder is not None,
            "last_check": timefmt.iso(st.last_check if st else None),
            "last_change": timefmt.iso(st.last_change if st else None),
            "next_check": timefmt.iso(next_check(s, st, w.anchors.get(s.id), config, t)),
            "failures": st.failures if st else 0, "health": health(st)[0],
            "last_error": st.last_error if st else None,
            "first_seen": timefmt.iso(found.first_seen) if found else None,
            "published": timefmt.iso(found.published) if found else None,
            "last_seen_in_feed": timefmt.iso(found.last_seen) if found else None,
            "reviews": _reviews(reviews.get(s.id)),
        })
    return out


def _reviews(n: ReviewCounts | None) -> dict[str, int]:
    """A source's claim alerts and what reviewers said of them (as the JSON API reports them)."""
    n = n or ReviewCounts()
    return {"alerts": n.alerts, "reviewed": n.reviewed, "confirmed": n.confirmed, "dismissed": n.dismissed}


def feed_rows(config: Config, store: Store, w: Watched) -> list[dict]:
    """One dict per configured feed: how its reads go and how many sources it made."""
    with store.transaction() as c:
        states = discovered.feed_states(c)
    made: dict[str, int] = {}
    for s in w.sources:
        if s.feed:
            made[s.feed] = made.get(s.feed, 0) + 1
    out = []
    for f in config.feeds:
        st = states.get(f.id)
        out.append({
            "id": f.id, "url": f.url, "kind": f.kind, "interval": f.interval, "sources": made.get(f.id, 0),
            "last_read": timefmt.iso(st.last_read if st else None), "last_ok": timefmt.iso(st.last_ok if st else None),
            "next_read": timefmt.iso(st.next_due if st else None), "entries": st.entries if st else None,
            "outcome": st.last_outcome if st else None, "failures": st.failures if st else 0,
            "last_error": st.last_error if st else None,
        })
    return out


def version_rows(versions: Iterable[Version]) -> list[dict]:
    """One dict per stored version of a source, oldest first."""
    return [{"source": v.source, "version": v.number, "created_at": timefmt.iso(v.created_at), "origin": v.origin,
             "baseline": v.is_baseline, "content_hash": v.content_hash, "title": v.title, "url": v.url,
             "paragraphs": len(v.paragraphs), "words": len(v.text.split())} for v in versions]


def _when(iso: str | None) -> str:
    return (iso or "—").replace("+00:00", "Z")


Table = tuple[tuple[str, ...], list[tuple[str, ...]]]  # (columns, rows of cells) for the terminal


def sources_table(rows: list[dict]) -> Table:
    cols = ("id", "url", "interval", "last check", "last change", "next run", "failures", "health", "feed",
            "alerts (confirmed/dismissed)", "last error")
    return cols, [(r["id"], r["url"], "ladder" if r["ladder"] else timefmt.interval(r["interval"]),
                   _when(r["last_check"]), _when(r["last_change"]),
                   _when(r["next_check"]) if r["next_check"] else "no more (too old)", str(r["failures"]),
                   "never checked" if r["health"] == "never" else r["health"], r["feed"] or "—",
                   "{alerts} ({confirmed}/{dismissed})".format(**r["reviews"]), r["last_error"] or "") for r in rows]


def feeds_table(rows: list[dict]) -> Table:
    cols = ("feed", "kind", "url", "interval", "sources", "last read", "next read", "outcome", "last error")
    return cols, [(r["id"], r["kind"], r["url"], timefmt.interval(r["interval"]), str(r["sources"]),
                   _when(r["last_read"]), _when(r["next_read"]), r["outcome"] or "never read", r["last_error"] or "")
                  for r in rows]


def history_table(rows: list[dict]) -> Table:
    cols = ("version", "stored", "origin", "paragraphs", "words", "hash", "title")
    return cols, [(f"{r['version']}{' (baseline)' if r['baseline'] else ''}", _when(r["created_at"]), r["origin"],
                   str(r["paragraphs"]), str(r["words"]), r["content_hash"][:12], r["title"] or "") for r in rows]


def gc_lines(done: Collected, retention: Retention, dropped: Dropped | None = None) -> list[str]:
    """What ``watcher gc`` says it removed (or, dry, would remove): every source and version by name."""
    if retention.max_age is None and retention.max_versions is None and retention.captures is None:
        return ["no [retention] in the config: nothing is removed"]
    would = "would " if done.dry_run else ""
    lines = []
    if retention.max_age is not None:
        lines.append(f"{would}{'retire' if would else 'retired'} {len(done.retired)} discovered source(s) older than "
                     f"{timefmt.interval(retention.max_age)}" + (": " + ", ".join(done.retired) if done.retired else ""))
    n = done.removed_versions
    lines.append(f"{would}{'remove' if would else 'removed'} {n} version(s)"
                 + (f" of {len(done.versions)} source(s)" if n else ""))
    lines += [f"  {sid}: version(s) {', '.join(map(str, numbers))}" for sid, numbers in sorted(done.versions.items())]
    if done.kept:
        lines.append(f"kept {done.kept} version(s) beyond max_versions = {retention.max_versions}: baselines, versions "
                     "alerts or tracked claims point at, and latest versions are never removed")
    if retention.captures is not None and dropped is not None:
        lines.append(f"{would}{'remove' if would else 'removed'} {dropped.captures} capture(s) older than "
                     f"{timefmt.interval(retention.captures)} in {len(dropped.files)} day file(s)"
                     + (": " + ", ".join(dropped.files) if dropped.files else ""))
        if dropped.kept:
            lines.append(f"kept {dropped.kept} capture(s) that open alerts cite ({'would be ' if would else ''}"
                         "copied into today's file)")
    return lines
