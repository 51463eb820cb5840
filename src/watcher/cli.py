"""The ``watcher`` command: argument handling and output only, no pipeline logic.

Exit codes (DESIGN.md §2): 0 done — a failing source is reported, not fatal; 2 bad usage or bad
config, with a one-line message naming file, source and field; 1 an unexpected internal error.
"""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Watch article pages and alert when a figure or a claim in them changes.")
out = Console(highlight=False)
if not out.is_terminal:  # piped or captured: don't wrap tables at 80 columns
    out.width = 160

ConfigOpt = Annotated[Path | None, typer.Option("--config", "-c", help="Config file (default: "
                                                "$WATCHER_CONFIG or config/watcher.toml).")]


class UsageError(Exception):
    """A user error outside the config file (unknown source id, missing version)."""


def _load(config: Path | None):
    from .config import model as config_mod
    from .store import Store

    cfg = config_mod.load(config)
    return cfg, Store(cfg.database_url)


def _known(cfg, store, source_id: str) -> None:
    """``source_id`` names a source written in the config or one a feed discovered; else a usage error."""
    from .store import discovered

    if any(s.id == source_id for s in cfg.sources):
        return
    with store.transaction() as c:
        if discovered.discovered_row(c, source_id) is None:
            cfg.source(source_id)  # raises, naming the config file


def _discover(cfg, store, feed_ids: list[str] | None, json_out: bool) -> None:
    """Read the feeds now; one line (or JSON object) per feed."""
    from .pipeline import discover_all
    from .service.checklog import feed_line

    for o in asyncio.run(discover_all(cfg, store, feed_ids)):
        line, fields = feed_line(o, 0, 0.0)
        if json_out:
            print(json.dumps({k: v for k, v in fields.items() if k not in ("event", "next_read", "failures")}))
        else:
            out.print(line, markup=False, style="yellow" if o.error or o.warnings else None)


def _fmt_ts(ts: float | None) -> str:
    from .timefmt import iso

    return (iso(ts) or "—").replace("+00:00", "Z")


@app.command()
def check(ids: Annotated[list[str] | None, typer.Argument(help="Source ids (default: all).")] = None,
          config: ConfigOpt = None,
          json_out: Annotated[bool, typer.Option("--json", help="One JSON object per source.")] = False,
          no_discover: Annotated[bool, typer.Option("--no-discover", help="Do not read the feeds first.")] = False
          ) -> None:
    """Check every (or the named) source once now, store new versions and record alerts.

    Without ids, the feeds are read first and their new articles checked too."""
    from .discover.watched import watched
    from .kinds import CLAIM_KINDS
    from .pipeline import run_check

    cfg, store = _load(config)
    if not ids and cfg.feeds and not no_discover:
        _discover(cfg, store, None, json_out)
    w = watched(cfg, store)
    named = [w.source(i) or cfg.source(i) for i in ids or []]  # cfg.source raises for an unknown id
    results = run_check(cfg, store, sources=named or w.live(store.source_states()))
    for r in results:
        if json_out:
            print(json.dumps({"source": r.source, "outcome": r.outcome, "version": r.version,
                              "duration": round(r.duration, 3), "message": r.message,
                              "alerts": [a.kind for a in r.alerts],
                              "timings": {k: round(v, 4) for k, v in r.timings.items()}}))
            continue
        style = {"error": "red", "warning": "yellow", "new_version": "cyan", "baseline": "cyan"}.get(r.outcome, "")
        claim_n = sum(1 for a in r.alerts if a.kind in CLAIM_KINDS)
        line = f"[bold]{r.source}[/]: [{style or 'default'}]{r.outcome}[/]"
        if r.version is not None:
            line += f" (version {r.version})"
        if r.message:
            line += f" — {r.message}"
        if claim_n:
            line += f" — [bold red]{claim_n} claim alert(s)[/]"
        out.print(line + f"  [dim]{r.duration:.2f}s[/]")
        for a in r.alerts:
            if a.kind in CLAIM_KINDS:
                out.print(f"   [red]{a.kind}[/]: {a.explanation}")


@app.command("alerts")
def alerts_cmd(config: ConfigOpt = None,
               json_out: Annotated[bool, typer.Option("--json", help="One JSON object a line.")] = False,
               source: Annotated[str | None, typer.Option("--source", help="Only this source.")] = None,
               claims_only: Annotated[bool, typer.Option("--claims", help="Only claim alerts.")] = False) -> None:
    """Alerts so far, oldest first."""
    from .alerts.record import is_claim, to_json

    cfg, store = _load(config)
    rows = [a for a in store.alerts(source=source) if not claims_only or is_claim(a)]
    if json_out:
        for a in rows:
            sys.stdout.write(json.dumps(to_json(a), ensure_ascii=False) + "\n")
        return
    if not rows:
        out.print("No alerts.")
        return
    for a in rows:
        j = to_json(a)
        colour = {"high": "red", "medium": "yellow", "low": "cyan"}.get(a.severity, "dim")
        out.print(f"[dim]{_fmt_ts(a.created_at)}[/] [bold]{a.source}[/] [{colour}]{a.kind}[/] "
                  f"({a.severity}): {a.explanation}")
        if j["before"]:
            out.print(f"    [red]- {j['before']}[/]")
        if j["after"]:
            out.print(f"    [green]+ {j['after']}[/]")


@app.command()
def sources(config: ConfigOpt = None,
            json_out: Annotated[bool, typer.Option("--json", help="One JSON object a line.")] = False) -> None:
    """Each source: id, feed, url, interval, last check, last change, next check, health; then the feeds."""
    from .discover.watched import watched
    from .report import listing

    cfg, store = _load(config)
    w = watched(cfg, store)
    rows = listing.source_rows(cfg, store, w)
    if json_out:
        sys.stdout.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        return
    out.print(listing.sources_table(rows))
    if cfg.feeds:
        out.print(listing.feeds_table(listing.feed_rows(cfg, store, w)))


@app.command()
def discover(feed_ids: Annotated[list[str] | None, typer.Argument(metavar="[FEED]...", help="Feed ids "
                                                                  "(default: all).")] = None,
             config: ConfigOpt = None,
             json_out: Annotated[bool, typer.Option("--json", help="One JSON object per feed.")] = False) -> None:
    """Read every (or the named) feed once now and add its new articles as sources."""
    cfg, store = _load(config)
    for f in feed_ids or []:
        cfg.feed(f)
    _discover(cfg, store, feed_ids, json_out)


@app.command()
def history(source_id: Annotated[str, typer.Argument(metavar="ID")], config: ConfigOpt = None,
            json_out: Annotated[bool, typer.Option("--json", help="One JSON object a line.")] = False) -> None:
    """The stored versions of a source."""
    from .report import listing

    cfg, store = _load(config)
    _known(cfg, store, source_id)
    rows = listing.version_rows(store.versions(source_id))
    if json_out:
        sys.stdout.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    elif not rows:
        out.print(f"No versions of {source_id} yet (run `watcher check {source_id}`).")
    else:
        out.print(listing.history_table(rows))


@app.command()
def gc(config: ConfigOpt = None,
       dry_run: Annotated[bool, typer.Option("--dry-run", "-n", help="Say what would go; remove nothing.")] = False
       ) -> None:
    """Apply [retention]: retire old discovered sources, drop old versions (never a baseline or one an alert cites)."""
    from .report.listing import gc_lines
    from .store import now
    from .store.retention import collect

    cfg, store = _load(config)
    r = cfg.retention
    for line in gc_lines(collect(store, now(), max_age=r.max_age, max_versions=r.max_versions, dry_run=dry_run), r):
        out.print(line, markup=False)


@app.command()
def diff(source_id: Annotated[str, typer.Argument(metavar="ID")],
         from_version: Annotated[int | None, typer.Argument(metavar="[FROM]")] = None,
         to_version: Annotated[int | None, typer.Argument(metavar="[TO]")] = None,
         config: ConfigOpt = None,
         fmt: Annotated[str, typer.Option("--format", "-f", help="terminal | json | html | md")] = "terminal",
         ignored: Annotated[bool, typer.Option("--ignored", help="also list the blocks left out as boilerplate, "
                                                                  "with the reason (terminal, json)")] = False) -> None:
    """A diff report between two versions (default: baseline → latest)."""
    from .report import formats as report

    cfg, store = _load(config)
    _known(cfg, store, source_id)
    if fmt not in report.FORMATS:
        raise UsageError(f"unknown format {fmt!r} (choose from {', '.join(report.FORMATS)})")
    vs = store.versions(source_id)
    if not vs:
        raise UsageError(f"no versions of {source_id!r} yet (run `watcher check {source_id}`)")
    by_num = {v.number: v for v in vs}
    base = next((v for v in reversed(vs) if v.is_baseline), vs[0])
    old = by_num.get(from_version) if from_version is not None else base
    new = by_num.get(to_version) if to_version is not None else vs[-1]
    if old is None or new is None:
        missing = from_version if old is None else to_version
        raise UsageError(f"{source_id!r} has no version {missing} (see `watcher history {source_id}`)")
    report.FORMATS[fmt](report.build(source_id, old, new, ignored), None if fmt != "terminal" else out)


@app.command("notify-test")
def notify_test(config: ConfigOpt = None) -> None:
    """Send a test message to every configured notifier and report each result (exit 1 if one failed)."""
    from rich.markup import escape

    from .alerts.deliver import notify_test as send_tests
    from .config import model as config_mod

    cfg = config_mod.load(config)
    results = send_tests(cfg)
    if not results:
        raise UsageError(f"no notifiers configured in {cfg.path} (add notify = [\"<apprise URL>\", ...])")
    for r in results:
        used_by = ", ".join(r.sources) if r.sources else "no enabled source"
        status = "[green]OK  [/]" if r.ok else "[red]FAIL[/]"
        line = f"{status} {escape(r.notifier)}  [dim](sources: {escape(used_by)})[/]"
        out.print(line + ("" if r.ok else f"\n     {escape(r.error or '')}"))
    failed = sum(not r.ok for r in results)
    out.print(f"{len(results) - failed} of {len(results)} notifier(s) reached.")
    if failed:
        raise SystemExit(1)


@app.command()
def claims(source_id: Annotated[str, typer.Argument(metavar="ID")], config: ConfigOpt = None,
           changed: Annotated[bool, typer.Option("--changed", help="Only claims that changed.")] = False,
           json_out: Annotated[bool, typer.Option("--json", help="One JSON object per claim.")] = False) -> None:
    """The tracked claims of a source: baseline sentence, figures, current state, each change."""
    from dataclasses import asdict

    from .alerts.record import tracked_claims

    cfg, store = _load(config)
    _known(cfg, store, source_id)
    rows = [t for t in tracked_claims(store, source_id) if not changed or t.history or t.status != "unchanged"]
    if json_out:
        for t in rows:
            print(json.dumps(asdict(t), ensure_ascii=False))
        return
    if not rows:
        out.print(f"No tracked claims for {source_id} yet (run `watcher check {source_id}`).")
        return
    for n, t in enumerate(rows, 1):
        colour = "green" if t.status == "unchanged" else "red"
        figs = f"  [dim]figures: {', '.join(t.figures)}[/]" if t.figures else ""
        out.print(f"[bold]{n}.[/] [{colour}]{t.status}[/]{figs}")
        out.print(f"   baseline: {t.baseline or '—'}", markup=False)
        if t.current and t.current != t.baseline:
            out.print(f"   now:      {t.current}", markup=False)
        for h in t.history:
            out.print(f"   [dim]v{h['version']} {h['created_at']}[/] {h['kind']}: {h['explanation']}")


@app.command()
def run(config: ConfigOpt = None,
        log_json: Annotated[bool, typer.Option("--log-json", help="Log JSON Lines instead of text.")] = False) -> None:
    """Run the service: check every source on its interval until SIGTERM/SIGINT (SIGHUP: reload config)."""
    from .config import model as config_mod
    from .service import scheduler as service

    service.run(config_mod.load(config), log_json=log_json)


@app.command()
def report(config: ConfigOpt = None,
           out_dir: Annotated[Path | None, typer.Option("--out", "-o", help="Folder for the site "
                                                       "(default: <state_dir>/report).")] = None) -> None:
    """Write a static HTML report: sources, version timelines, change pages, alerts and an Atom feed."""
    from .report import write_site

    cfg, store = _load(config)
    target = out_dir or cfg.state_dir / "report"
    if target.exists() and not target.is_dir():
        raise UsageError(f"--out {target}: exists and is not a folder")
    try:
        res = write_site(cfg, store, target)
    except OSError as e:
        raise UsageError(f"cannot write the report to {target}: {e}") from None
    out.print(f"Wrote {res.pages} file(s) to {res.out}" + (f", removed {res.removed} stale" if res.removed else ""))
    out.print(f"Open {(res.out / 'index.html').resolve().as_uri()}", soft_wrap=True)


@app.command()
def serve(config: ConfigOpt = None,
          host: Annotated[str, typer.Option("--host", help="Address to bind (default: loopback only).")] = "127.0.0.1",
          port: Annotated[int, typer.Option("--port", "-p", min=0, max=65535, help="TCP port (0: any free port).")] = 8765) -> None:
    """Serve the review UI: the report pages live from the store and an alert queue to mark reviewed."""
    from .report import web

    cfg, store = _load(config)
    try:
        sock = web.bind(host, port)
    except OSError as e:
        raise UsageError(f"cannot listen on {host}:{port}: {e.strerror or e}") from None
    web.serve(cfg, store, sock, host=host)


@app.command()
def demo(keep: Annotated[Path | None, typer.Option("--keep", help="Keep state and report in DIR "
                                                   "(default: a new temporary folder).")] = None,
         serve_ui: Annotated[bool, typer.Option("--serve", help="Open the review UI on 127.0.0.1 afterwards.")] = False
         ) -> None:
    """Show the whole loop offline: a local site, scripted edits, the alerts and the report."""
    from .demo import story as demo_mod

    demo_mod.run(keep, serve=serve_ui, console=out)


@app.callback()
def _main(version: Annotated[bool, typer.Option("--version", help="Show the version and exit.")] = False) -> None:
    if version:
        from . import __version__

        print(f"watcher {__version__}")
        raise typer.Exit(0)


def _user_error(e: BaseException) -> bool:
    """Config, usage and state-database errors are the user's to fix: exit 2, one line, no traceback.

    Imported here, not at the top, so `watcher --help` does not pay for pydantic and SQLAlchemy."""
    from .config import ConfigError
    from .service import AlreadyRunning
    from .store import StoreError

    return isinstance(e, ConfigError | UsageError | StoreError | AlreadyRunning)


def main() -> None:
    """Console-script entry: map user errors to exit 2, bugs to exit 1."""
    try:
        app(standalone_mode=False)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as e:  # click usage errors come as ClickException
        import click

        if _user_error(e):
            print(f"watcher: {e}", file=sys.stderr)
            sys.exit(2)
        if isinstance(e, click.exceptions.ClickException):
            e.show()
            sys.exit(2)
        if isinstance(e, click.exceptions.Abort):
            sys.exit(130)
        print(f"watcher: internal error: {type(e).__name__}: {e}", file=sys.stderr)
        if "--debug" in sys.argv or __import__("os").environ.get("WATCHER_DEBUG"):
            raise
        sys.exit(1)
    sys.exit(0)
