"""What the report pages show, computed from the store and the config — no HTML here.

The static site (``watcher report``), the live UI (``watcher serve``) and ``watcher diff --format
html|md`` all render these view objects, so a figure reads the same wherever a reviewer meets it.
Page addresses live here too (:func:`source_href`, :func:`change_href`): the static site and the
web app use the same flat file names, so every link is relative and works from ``file://`` and
over HTTP alike.

A *change page* is one stored version compared with the source's current baseline (what
``watcher diff ID`` shows by default); the alerts raised when that version was checked are listed
on it, so the alert queue links each alert to the page of its version.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from uuid import NAMESPACE_URL, uuid5

from .. import kinds
from ..claims import attribution, word_diff
from ..claims.compare import CUE_FIELDS, describe_cue
from ..evidence import edittype
from ..store import AlertRecord, Store, Version
from .diff import DiffReport, build

SEVERITIES = kinds.SEVERITIES
ALERT_KINDS = kinds.ALL
QUALIFIER_WORDS = {"approx": "about", "more_than": "more than", "at_least": "at least", "at_most": "at most",
                   "less_than": "less than", "nearly": "nearly", "up_to": "up to"}
FIGURE_FIELDS = ("value", "range", "qualifier", "unit", "figure_added", "figure_removed")
HERO_MAX = 4  # figures in the block at the top of a change page; the rest are in the table


def source_href(source_id: str) -> str:
    return f"source-{source_id}.html"


def change_href(source_id: str, number: int) -> str:
    return f"change-{source_id}-v{number}.html"


def qualifier_word(q: str | None) -> str:
    return QUALIFIER_WORDS.get(q, q.replace("_", " ")) if q else ""


# -- figures and claims ----------------------------------------------------------------------


@dataclass(frozen=True)
class FigureChange:
    """One figure of a claim, old and new as the article wrote them."""

    old: str | None
    new: str | None
    noun: str | None
    field: str
    relative: float | None = None
    old_qualifier: str = ""
    new_qualifier: str = ""

    @property
    def delta(self) -> str:
        return "" if self.relative in (None, 0.0) else f"{self.relative:+.0%}"

    @property
    def qualifier_changed(self) -> bool:
        return self.old_qualifier != self.new_qualifier


def figure_changes(changes: list[dict] | tuple[dict, ...]) -> list[FigureChange]:
    return [FigureChange(old=c.get("old"), new=c.get("new"), noun=c.get("noun"), field=c["field"],
                         relative=c.get("relative_change"), old_qualifier=qualifier_word(c.get("old_qualifier")),
                         new_qualifier=qualifier_word(c.get("new_qualifier")))
            for c in changes if c.get("field") in FIGURE_FIELDS]


def cue_changes(changes: list[dict] | tuple[dict, ...]) -> list[str]:
    """Attribution, hedging and polarity changes, phrased for a reader."""
    out = []
    for c in changes:
        if c.get("field") == "hedge":  # one line per direction, as the report lists them
            out += [describe_cue({**c, "added": []})] if c.get("removed") else []
            out += [describe_cue({**c, "removed": []})] if c.get("added") else []
        elif c.get("field") in CUE_FIELDS:
            out.append(describe_cue(c))
    return out


def sentence_ops(before: str | None, after: str | None) -> list[tuple[int, str]]:
    if before is not None and after is not None:
        return word_diff(before, after)
    return [(-1, before)] if before is not None else [(1, after or "")]


@dataclass(frozen=True)
class ClaimRow:
    """One row of the claim-change table."""

    key: str
    kind: str
    severity: str
    explanation: str
    figures: list[FigureChange]
    cues: list[str]
    qualifier: str
    attribution: str
    ops: list[tuple[int, str]]
    alerts: list[AlertView] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"claim-{self.key}"


def _qualifier_cell(figs: list[FigureChange]) -> str:
    cells = []
    for f in figs:
        if f.qualifier_changed:
            cells.append(f"{f.old_qualifier or 'none'} → {f.new_qualifier or 'none'}")
        elif f.new_qualifier or f.old_qualifier:
            cells.append(f.new_qualifier or f.old_qualifier)
    return "; ".join(dict.fromkeys(cells))


def _attribution_cell(changes: tuple[dict, ...], before: str | None, after: str | None) -> str:
    for c in changes:
        if c.get("field") == "attribution":
            return f"{', '.join(c['old']) or 'none'} → {', '.join(c['new']) or 'none'}"
    return ", ".join(sorted(attribution(after or before or "")))


# -- alerts ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class AlertView:
    id: int
    source: str
    kind: str
    severity: str
    explanation: str
    created_at: float
    reviewed: bool
    before: str | None
    after: str | None
    version: int | None
    key: str | None
    figures: list[FigureChange]
    href: str  # the change page of its version (or the source page), relative to the site root
    fingerprint: str = ""
    verdict: str | None = None  # the reviewer's (kinds.VERDICTS)
    rule: int | None = None  # the rule that kept this finding as a text change
    edit_type: str | None = None  # watcher.evidence.edittype
    silent: bool = False
    correction: str | None = None
    evidence: dict | None = None  # the capture of its version (alert JSON ``evidence``)

    @property
    def anchor(self) -> str:
        return f"alert-{self.id}"

    @property
    def edit_title(self) -> str:
        return edittype.title(self.edit_type)

    @property
    def edit_explanation(self) -> str:
        return edittype.explanation(self.edit_type)

    @property
    def is_claim(self) -> bool:
        return kinds.is_claim(self.kind)

    @property
    def entry_id(self) -> str:
        """A stable Atom entry id (feed readers dedupe on it)."""
        return f"urn:uuid:{uuid5(NAMESPACE_URL, 'watcher-alert:' + self.fingerprint)}"

    @property
    def ops(self) -> list[tuple[int, str]]:
        return sentence_ops(self.before, self.after) if (self.before or self.after) else []


def alert_view(a: AlertRecord, pages: set[tuple[str, int]] | None = None) -> AlertView:
    """``pages``: the (source, version) change pages that exist; else every versioned alert has one."""
    version = a.data.version if a.version_id is not None else None
    has_page = version is not None and (pages is None or (a.source, version) in pages)
    href = (change_href(a.source, int(version)) + f"#alert-{a.id}") if has_page and version is not None \
        else source_href(a.source)
    return AlertView(id=a.id, source=a.source, kind=a.kind, severity=a.severity,
                     explanation=a.explanation or "", created_at=a.created_at,
                     reviewed=a.reviewed, before=a.before, after=a.after,
                     version=version, key=a.data.key, figures=figure_changes(a.data.changes),
                     href=href, fingerprint=a.fingerprint or str(a.id), verdict=a.verdict, rule=a.data.rule,
                     edit_type=a.data.edit_type, silent=a.data.silent, correction=a.data.correction,
                     evidence=a.data.evidence)


@dataclass(frozen=True)
class AlertFilter:
    source: str = ""
    kind: str = ""
    severity: str = ""
    status: str = "open"  # open | reviewed | all
    edit_type: str = ""  # watcher.evidence.edittype.NAMES

    def keep(self, a: AlertRecord) -> bool:
        return ((not self.source or a.source == self.source) and (not self.kind or a.kind == self.kind)
                and (not self.severity or a.severity == self.severity)
                and (not self.edit_type or a.data.edit_type == self.edit_type)
                and (self.status == "all" or a.reviewed == (self.status == "reviewed")))


def _queued(store: Store, flt: AlertFilter) -> list[AlertRecord]:
    """Alerts matching ``flt``: silent edits first, then the most severe, then the newest."""
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    return sorted((a for a in store.alerts() if flt.keep(a)),
                  key=lambda a: (not a.data.silent, rank.get(a.severity, 9), -a.created_at, -a.id))


def alert_queue(store: Store, flt: AlertFilter = AlertFilter()) -> list[AlertView]:
    """The whole queue (the static report lists it on one page)."""
    return [alert_view(a) for a in _queued(store, flt)]


PAGE_SIZE = 100  # rows on one page of the live UI's lists


@dataclass(frozen=True)
class Paging:
    """Where one page of a long list is: the live UI shows ``PAGE_SIZE`` rows a page, so a page of
    10,000 sources or alerts costs its rows, not the list. ``base``: the page's address with its
    other query parameters, ready for ``page=N``."""

    number: int
    pages: int
    total: int
    base: str

    @property
    def first_row(self) -> int:
        return (self.number - 1) * PAGE_SIZE

    def href(self, number: int) -> str:
        return f"{self.base}page={number}"


def paging(total: int, number: int | None, base: str) -> Paging:
    pages = max(1, -(-total // PAGE_SIZE))
    return Paging(number=min(max(1, number or 1), pages), pages=pages, total=total, base=base)


def alert_queue_page(store: Store, flt: AlertFilter, number: int | None, base: str) -> tuple[list[AlertView], Paging]:
    """One page of the queue: every alert is filtered and ordered, only the page's are made views."""
    rows = _queued(store, flt)
    p = paging(len(rows), number, base)
    return [alert_view(a) for a in rows[p.first_row:p.first_row + PAGE_SIZE]], p


# -- sources and timelines -------------------------------------------------------------------


@dataclass(frozen=True)
class TimelineEntry:
    version: Version
    is_current_baseline: bool
    alerts: list[AlertView]

    @property
    def href(self) -> str | None:
        return None if self.is_current_baseline else change_href(self.version.source, self.version.number)

    @property
    def words(self) -> int:
        return len(self.version.text.split())

    @property
    def open_alerts(self) -> dict[str, int]:
        c = Counter(a.severity for a in self.alerts if not a.reviewed)
        return {s: c[s] for s in SEVERITIES if c[s]}


@dataclass(frozen=True)
class Timeline:
    versions: list[TimelineEntry]  # newest first
    problems: list[AlertView]      # source_error / source_warning, newest first


def baseline_of(versions: list[Version]) -> Version | None:
    return next((v for v in reversed(versions) if v.is_baseline), versions[0] if versions else None)


def timeline(store: Store, source_id: str) -> Timeline:
    vs = store.versions(source_id)
    base = baseline_of(vs)
    by_vid: dict[int, list[AlertView]] = defaultdict(list)
    problems = []
    for a in store.alerts(source=source_id):
        if a.version_id is None:
            problems.append(alert_view(a))
        else:
            by_vid[a.version_id].append(alert_view(a))
    entries = [TimelineEntry(v, base is not None and v.id == base.id, by_vid.get(v.id, [])) for v in reversed(vs)]
    return Timeline(entries, problems[::-1])


# -- change pages ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Block:
    """A run of the text diff: ``fold`` (unchanged paragraphs) or one changed/added/removed one."""

    status: str
    ops: list[tuple[int, str]] = field(default_factory=list)
    folded: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ChangeView:
    report: DiffReport
    claims: list[ClaimRow]
    blocks: list[Block]
    alerts: list[AlertView]  # raised when this version was checked
    text_edits: int

    @property
    def hero(self) -> list[tuple[ClaimRow, FigureChange]]:
        """The figures shown big at the top: those alerted at this version first."""
        rows = sorted((r for r in self.claims if r.figures), key=lambda r: (not r.alerts, SEVERITIES.index(
            r.severity) if r.severity in SEVERITIES else 9))
        return [(r, f) for r in rows for f in r.figures if f.old is not None and f.new is not None][:HERO_MAX]

    @property
    def hero_cues(self) -> list[tuple[ClaimRow, str]]:
        return [(r, c) for r in self.claims if not r.figures for c in r.cues][:HERO_MAX]

    @property
    def source(self) -> str:
        return self.report.source


def blocks(paragraphs: list[tuple[str, list[tuple[int, str]]]]) -> list[Block]:
    out: list[Block] = []
    for status, ops in paragraphs:
        if status == "same":
            if out and out[-1].status == "fold":
                out[-1].folded.append(ops[0][1])
            else:
                out.append(Block("fold", folded=[ops[0][1]]))
        else:
            out.append(Block(status, ops))
    return out


def change_view(report: DiffReport, alerts: Sequence[AlertRecord] = ()) -> ChangeView:
    views = sorted((alert_view(a) for a in alerts), key=lambda a: not a.silent)  # silent edits first
    by_key: dict[str, list[AlertView]] = defaultdict(list)
    for a in views:
        if a.key:
            by_key[a.key].append(a)
    rows = []
    for f in report.findings:
        if not f.is_claim:
            continue
        figs = figure_changes(f.changes)
        rows.append(ClaimRow(key=f.key, kind=f.kind, severity=f.severity, explanation=f.explanation, figures=figs,
                             cues=cue_changes(f.changes), qualifier=_qualifier_cell(figs),
                             attribution=_attribution_cell(f.changes, f.before, f.after),
                             ops=sentence_ops(f.before, f.after), alerts=by_key.get(f.key, [])))
    return ChangeView(report, rows, blocks(report.paragraphs), views,
                      text_edits=sum(1 for f in report.findings if not f.is_claim))


def change_pages(store: Store, source_id: str, numbers: list[int] | None = None) -> list[ChangeView]:
    """Change pages of a source (every non-baseline version, or those ``numbers``), oldest first.

    One read of the versions and alerts serves them all, so a report of a long history stays linear.
    """
    vs = store.versions(source_id)
    base = baseline_of(vs)
    if base is None:
        return []
    alerts = store.alerts(source=source_id)
    wanted = None if numbers is None else set(numbers)
    return [change_view(build(source_id, base, v), [a for a in alerts if a.version_id == v.id])
            for v in vs if v.id != base.id and (wanted is None or v.number in wanted)]


def change_for(store: Store, source_id: str, number: int) -> ChangeView | None:
    """The change page of version ``number`` against the current baseline (None: no such page)."""
    pages = change_pages(store, source_id, [number])
    return pages[0] if pages else None
