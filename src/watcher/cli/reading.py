"""Commands that read the state: ``alerts``, ``sources``, ``history``, ``diff``, ``claims``, ``export`` and the
static ``report``. They never fetch; on a read-only state directory they still work.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ..sanitize import json_text
from . import common
from .common import app, escape


@app.command("alerts")
def alerts_cmd(config: common.ConfigOpt = None,
               json_out: Annotated[bool, typer.Option("--json", help="One JSON object a line.")] = False,
               source: Annotated[str | None, typer.Option("--source", help="Only this source.")] = None,
               claims_only: Annotated[bool, typer.Option("--claims", help="Only claim alerts.")] = False) -> None:
    """Alerts so far, oldest first."""
    from ..alerts.record import is_claim, to_json

    cfg, store = common.load(config)
    rows = [a for a in store.alerts(source=source) if not claims_only or is_claim(a)]
    if json_out:
        for a in rows:
            sys.stdout.write(json_text(to_json(a)) + "\n")
        return
    if not rows:
        common.out.print("No alerts.")
        return
    for a in rows:
        j = to_json(a)
        colour = {"high": "red", "medium": "yellow", "low": "cyan"}.get(a.severity, "dim")
        common.out.print(f"[dim]{common.fmt_ts(a.created_at)}[/] [bold]{a.source}[/] [{colour}]{a.kind}[/] "
                  f"({a.severity}): {escape(a.explanation or '')}")
        if j["before"]:
            common.out.print(f"    [red]- {escape(j['before'])}[/]")
        if j["after"]:
            common.out.print(f"    [green]+ {escape(j['after'])}[/]")


@app.command()
def sources(config: common.ConfigOpt = None,
            json_out: Annotated[bool, typer.Option("--json", help="One JSON object a line.")] = False) -> None:
    """Each source: id, url, interval, last check, last change, next check, health, feed, its claim alerts
    with the reviewers' verdicts (confirmed, dismissed as not a claim or a wrong figure); then the feeds."""
    from ..discover.watched import watched
    from ..report import listing

    cfg, store = common.load(config)
    w = watched(cfg, store)
    rows = listing.source_rows(cfg, store, w)
    if json_out:
        sys.stdout.writelines(json_text(r) + "\n" for r in rows)
        return
    common.table(*listing.sources_table(rows))
    if cfg.feeds:
        common.table(*listing.feeds_table(listing.feed_rows(cfg, store, w)), title="feeds")


@app.command()
def history(source_id: Annotated[str, typer.Argument(metavar="ID")], config: common.ConfigOpt = None,
            json_out: Annotated[bool, typer.Option("--json", help="One JSON object a line.")] = False) -> None:
    """The stored versions of a source."""
    from ..report import listing

    cfg, store = common.load(config)
    common.known(cfg, store, source_id)
    rows = listing.version_rows(store.versions(source_id))
    if json_out:
        sys.stdout.writelines(json_text(r) + "\n" for r in rows)
    elif not rows:
        common.out.print(f"No versions of {source_id} yet (run `watcher check {source_id}`).")
    else:
        common.table(*listing.history_table(rows))


@app.command()
def export(source_id: Annotated[str, typer.Argument(metavar="ID")],
           warc_out: Annotated[Path, typer.Option("--warc", help="The WARC file to write (OUT.warc.gz).")],
           from_version: Annotated[int | None, typer.Option("--from", help="First version (default: the first).")] = None,
           to_version: Annotated[int | None, typer.Option("--to", help="Last version (default: the latest).")] = None,
           config: common.ConfigOpt = None) -> None:
    """Write a source's raw captures as a WARC file that replay tools (pywb, ReplayWeb.page) open."""
    from ..evidence.export import export as write_warc

    cfg, store = common.load(config)
    common.known(cfg, store, source_id)
    if not warc_out.parent.is_dir():
        raise common.UsageError(f"cannot write {warc_out}: the folder {warc_out.parent} does not exist")
    done = write_warc(store, source_id, warc_out, from_version, to_version)
    gone = f"; version(s) {', '.join(map(str, done.missing))} not on disk (removed by gc, or cut short by a power cut)" if done.missing else ""
    common.out.print(f"wrote {done.captures} capture(s) of {source_id} to {warc_out}{gone}", markup=False)


@app.command()
def diff(source_id: Annotated[str, typer.Argument(metavar="ID")],
         from_version: Annotated[int | None, typer.Argument(metavar="[FROM]")] = None,
         to_version: Annotated[int | None, typer.Argument(metavar="[TO]")] = None,
         config: common.ConfigOpt = None,
         fmt: Annotated[str, typer.Option("--format", "-f", help="terminal | json | html | md")] = "terminal",
         ignored: Annotated[bool, typer.Option("--ignored", help="also list the blocks left out as boilerplate, "
                                                                  "with the reason (terminal, json)")] = False) -> None:
    """A diff report between two versions (default: baseline → latest)."""
    from ..report import formats as report

    cfg, store = common.load(config)
    common.known(cfg, store, source_id)
    if fmt not in report.FORMATS:
        raise common.UsageError(f"unknown format {fmt!r} (choose from {', '.join(report.FORMATS)})")
    vs = store.versions(source_id)
    if not vs:
        raise common.UsageError(f"no versions of {source_id!r} yet (run `watcher check {source_id}`)")
    old, new = report.endpoints(vs, from_version, to_version)
    if old is None or new is None:
        missing = from_version if old is None else to_version
        raise common.UsageError(f"{source_id!r} has no version {missing} (see `watcher history {source_id}`)")
    report.FORMATS[fmt](report.build(source_id, old, new, ignored), None if fmt != "terminal" else common.out)


@app.command()
def claims(source_id: Annotated[str, typer.Argument(metavar="ID")], config: common.ConfigOpt = None,
           changed: Annotated[bool, typer.Option("--changed", help="Only claims that changed.")] = False,
           json_out: Annotated[bool, typer.Option("--json", help="One JSON object per claim.")] = False) -> None:
    """The tracked claims of a source: baseline sentence, figures, current state, each change."""
    from dataclasses import asdict

    from ..alerts.record import tracked_claims

    cfg, store = common.load(config)
    common.known(cfg, store, source_id)
    rows = [t for t in tracked_claims(store, source_id) if not changed or t.history or t.status != "unchanged"]
    if json_out:
        for t in rows:
            print(json_text(asdict(t)))
        return
    if not rows:
        common.out.print(f"No tracked claims for {source_id} yet (run `watcher check {source_id}`).")
        return
    for n, t in enumerate(rows, 1):
        colour = "green" if t.status == "unchanged" else "red"
        figs = f"  [dim]figures: {escape(', '.join(t.figures))}[/]" if t.figures else ""
        common.out.print(f"[bold]{n}.[/] [{colour}]{t.status}[/]{figs}")
        common.out.print(f"   baseline: {t.baseline or '—'}", markup=False)
        if t.current and t.current != t.baseline:
            common.out.print(f"   now:      {t.current}", markup=False)
        for h in t.history:
            common.out.print(f"   [dim]v{h['version']} {h['created_at']}[/] {h['kind']}: {escape(h['explanation'] or '')}")


@app.command()
def report(config: common.ConfigOpt = None,
           out_dir: Annotated[Path | None, typer.Option("--out", "-o", help="Folder for the site "
                                                       "(default: <state_dir>/report).")] = None) -> None:
    """Write a static HTML report: sources, version timelines, change pages, alerts and an Atom feed."""
    from ..report import write_site

    cfg, store = common.load(config)
    target = out_dir or cfg.state_dir / "report"
    if target.exists() and not target.is_dir():
        raise common.UsageError(f"--out {target}: exists and is not a folder")
    try:
        res = write_site(cfg, store, target)
    except OSError as e:
        raise common.UsageError(f"cannot write the report to {target}: {e}") from None
    common.out.print(f"Wrote {res.pages} file(s) to {res.out}" + (f", removed {res.removed} stale" if res.removed else ""))
    common.out.print(f"Open {(res.out / 'index.html').resolve().as_uri()}", soft_wrap=True)
