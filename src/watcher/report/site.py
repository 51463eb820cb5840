"""The report pages as HTML strings, and the static site that writes them to a folder.

``watcher report`` writes these pages once; ``watcher serve`` renders the very same functions per
request (``live``, a :class:`~watcher.report.templating.Live`, adds the review buttons and the queue
filters). Every page has a flat file
name at the site root (see :mod:`watcher.report.views`), so links are relative and the written site works
from ``file://`` — no server, no remote asset.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from uuid import NAMESPACE_URL, uuid5

from ..alerts import feedback
from ..config import Config
from ..evidence import edittype
from ..store import Store, now
from . import sources as listed
from . import views
from .templating import Live, render

FEED_MAX = 200  # entries in alerts.xml, newest first
FEED_KINDS = set(views.ALERT_KINDS) - {"text_changed"}  # wording edits are diff material, not feed news
_GENERATED = re.compile(r"^(?:index|alerts|rules|source-.+|change-.+-v\d+)\.html$|^alerts\.xml$")


def index_page(cfg: Config, store: Store, live: Live | None = None, page: int | None = None) -> str:
    """The sources; live, one page of them (``page``, from 1), the static report all on one."""
    sources = listed.summaries(cfg, store)
    p = views.paging(len(sources), page, "index.html?") if live else None
    shown = sources[p.first_row:p.first_row + views.PAGE_SIZE] if p else sources
    return render("index.html", sources=shown, total=len(sources), open_total=sum(s.open_total for s in sources),
                  live=live, paging=p)


def alerts_page(cfg: Config, store: Store, flt: views.AlertFilter | None = None, live: Live | None = None,
                here: str = "alerts.html", page: int | None = None, base: str = "alerts.html?") -> str:
    """The alert queue; live, one page of it (``page``; ``base``: the address with the filters)."""
    flt = flt or views.AlertFilter(status="open" if live else "all")
    sources = listed.titles(cfg, store)
    if live:
        alerts, p = views.alert_queue_page(store, flt, page, base)
    else:
        alerts = views.alert_queue(store, flt)
        p = views.paging(len(alerts), 1, base)
    return render("alerts.html", alerts=alerts, total=p.total, paging=p if live else None, f=flt, sources=sources,
                  titles=dict(sources), kinds=views.ALERT_KINDS, here=here, live=live,
                  edit_types=edittype.EDIT_TYPES)


def rules_page(cfg: Config, store: Store, live: Live | None = None) -> str:
    """The rules reviewers' verdicts made (removable in the live UI)."""
    titles = dict(listed.titles(cfg, store))
    return render("rules.html", rules=feedback.rules(store), titles=titles, live=live)


def source_page(cfg: Config, store: Store, source_id: str, live: Live | None = None,
                s: listed.SourceSummary | None = None) -> str | None:
    """A source's page; ``s``: its summary when the caller has it already (the static site lists thousands)."""
    s = s or listed.summary(cfg, store, source_id)
    if s is None:
        return None
    return render("source.html", s=s, t=views.timeline(store, source_id), here=s.href, live=live)


def change_html(view: views.ChangeView, title: str, url: str | None, live: Live | None = None,
                standalone: bool = False) -> str:
    r = view.report
    return render("change.html", v=view, title=title, url=url, live=live, standalone=standalone,
                  here=views.change_href(r.source, r.new.number), source_href=views.source_href(r.source))


def change_page(cfg: Config, store: Store, source_id: str, number: int, live: Live | None = None) -> str | None:
    s = listed.summary(cfg, store, source_id)
    view = views.change_for(store, source_id, number) if s else None
    return None if view is None or s is None else change_html(view, s.title, s.url, live=live)


def feed(cfg: Config, store: Store, sources: list[listed.SourceSummary] | None = None) -> str:
    """The Atom feed of claim alerts and fetch problems (newest first)."""
    rows = [a for a in store.alerts() if a.kind in FEED_KINDS][-FEED_MAX:][::-1]
    alerts = [views.alert_view(a) for a in rows]
    sources = sources if sources is not None else listed.summaries(cfg, store)
    return render("alerts.xml", alerts=alerts, titles={s.id: s.title for s in sources},
                  feed_id=f"urn:uuid:{uuid5(NAMESPACE_URL, 'watcher-feed:' + store.url)}",
                  updated=alerts[0].created_at if alerts else now())


@dataclass(frozen=True)
class SiteResult:
    out: Path
    pages: int
    removed: int


def _write(path: Path, text: str) -> None:
    """Write via a temporary file and rename, so a reader never sees half a page."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def write_site(cfg: Config, store: Store, out: Path) -> SiteResult:
    """Write every page into ``out``; pages of versions or sources that are gone are removed."""
    out.mkdir(parents=True, exist_ok=True)
    files: dict[str, str] = {"index.html": index_page(cfg, store), "alerts.html": alerts_page(cfg, store),
                             "rules.html": rules_page(cfg, store)}
    sources = listed.summaries(cfg, store)
    files["alerts.xml"] = feed(cfg, store, sources)
    for s in sources:  # each page costs its own source's rows only: the site grows linearly
        files[s.href] = source_page(cfg, store, s.id, s=s) or ""
        for view in views.change_pages(store, s.id):
            files[views.change_href(s.id, view.report.new.number)] = change_html(view, s.title, s.url)
    for name, text in files.items():
        _write(out / name, text)
    stale = [p for p in out.iterdir() if p.is_file() and _GENERATED.match(p.name) and p.name not in files]
    for p in stale:
        p.unlink()
    return SiteResult(out, len(files), len(stale))
