"""The ``watcher`` command: argument handling and output only, no pipeline logic.

Exit codes (DESIGN.md §2): 0 done — a failing source is reported, not fatal; 2 bad usage or bad
config, with a one-line message naming file, source and field; 1 an unexpected internal error.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from .console import safe_console
from .dbcli import db_app
from .sanitize import json_text, one_line, strip_controls

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Watch article pages and alert when a figure or a claim in them changes.")
out = safe_console(highlight=False)  # text from pages never drives the terminal (watcher.console)
if not out.is_terminal:  # piped or captured: don't wrap tables at 80 columns
    out.width = 160

ConfigOpt = Annotated[Path | None, typer.Option("--config", "-c", help="Config file (default: "
                                                "$WATCHER_CONFIG or config/watcher.toml).")]
app.add_typer(db_app, name="db")


class UsageError(Exception):
    """A user error outside the config file (unknown source id, missing version)."""


_opened: list = []  # the stores this command opened: closed when it ends (main), however it ends


def _load(config: Path | None):
    from .config import model as config_mod
    from .store import Store

    cfg = config_mod.load(config)
    store = Store(cfg.database_url, lock_timeout=cfg.lock_timeout, captures_dir=cfg.state_dir / "captures")
    _opened.append(store)
    return cfg, store


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
            print(json_text({k: v for k, v in fields.items() if k not in ("event", "next_read", "failures")}))
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
    from .pipeline import CheckInterrupted, run_check

    cfg, store = _load(config)
    _writable(store, cfg, "check")
    if not ids and cfg.feeds and not no_discover:
        _discover(cfg, store, None, json_out)
    w = watched(cfg, store)
    named = [w.source(i) or cfg.source(i) for i in ids or []]  # cfg.source raises for an unknown id
    try:
        results = run_check(cfg, store, sources=named or w.live(store.source_states()))
    except CheckInterrupted as e:  # the database failed: show what was saved, then say why it stopped
        _print_checks(e.results, json_out)
        raise
    _print_checks(results, json_out)


def _writable(store, cfg, command: str) -> None:
    """Refuse a command that writes when the state database can only be read (a read-only state
    directory): before it fetches anything it could not save."""
    from .store import StoreFault

    if store.read_only:
        raise StoreFault(f"cannot {command}: the state directory {cfg.state_dir} is read-only, so nothing could be "
                         "saved (the reading commands work: sources, alerts, history, diff, claims, report --out DIR)")


def _print_checks(results, json_out: bool) -> None:
    from .kinds import CLAIM_KINDS

    for r in results:
        if json_out:
            print(json_text({"source": r.source, "outcome": r.outcome, "version": r.version,
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
            line += f" — {escape(r.message)}"
        if claim_n:
            line += f" — [bold red]{claim_n} claim alert(s)[/]"
        out.print(line + f"  [dim]{r.duration:.2f}s[/]")
        for a in r.alerts:
            if a.kind in CLAIM_KINDS:
                out.print(f"   [red]{a.kind}[/]: {escape(a.explanation or '')}")


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
            sys.stdout.write(json_text(to_json(a)) + "\n")
        return
    if not rows:
        out.print("No alerts.")
        return
    for a in rows:
        j = to_json(a)
        colour = {"high": "red", "medium": "yellow", "low": "cyan"}.get(a.severity, "dim")
        out.print(f"[dim]{_fmt_ts(a.created_at)}[/] [bold]{a.source}[/] [{colour}]{a.kind}[/] "
                  f"({a.severity}): {escape(a.explanation or '')}")
        if j["before"]:
            out.print(f"    [red]- {escape(j['before'])}[/]")
        if j["after"]:
            out.print(f"    [green]+ {escape(j['after'])}[/]")


@app.command()
def sources(config: ConfigOpt = None,
            json_out: Annotated[bool, typer.Option("--json", help="One JSON object a line.")] = False) -> None:
    """Each source: id, url, interval, last check, last change, next check, health, feed, its claim alerts
    with the reviewers' verdicts (confirmed, dismissed as not a claim or a wrong figure); then the feeds."""
    from .discover.watched import watched
    from .report import listing

    cfg, store = _load(config)
    w = watched(cfg, store)
    rows = listing.source_rows(cfg, store, w)
    if json_out:
        sys.stdout.writelines(json_text(r) + "\n" for r in rows)
        return
    _table(*listing.sources_table(rows))
    if cfg.feeds:
        _table(*listing.feeds_table(listing.feed_rows(cfg, store, w)), title="feeds")


PLAIN_ROWS = 200  # above this many rows a table prints as plain aligned columns


def _table(cols: Sequence[str], rows: Sequence[Sequence[str]], title: str | None = None) -> None:
    """A table for the terminal. Rich lays out every cell (about a millisecond a row); a list of
    10,000 sources prints as plain aligned columns instead, in a fraction of a second, and reads
    the same to ``grep`` and ``awk``. Cells are data (page titles, URLs, server messages): never
    read as Rich markup, and never passing a control character to the terminal."""
    if len(rows) <= PLAIN_ROWS:
        t = Table(show_lines=False, title=title)
        for col in cols:
            t.add_column(col, overflow="fold")
        for row in rows:
            t.add_row(*(escape(c) for c in row))
        out.print(t)
        return
    widths = [max(len(c), *(len(r[k]) for r in rows)) for k, c in enumerate(cols)]
    lines = ([title] if title else []) + ["  ".join(c.ljust(w) for c, w in zip(cols, widths, strict=True)).rstrip()]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    sys.stdout.write(strip_controls("\n".join(lines)) + "\n")


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
        sys.stdout.writelines(json_text(r) + "\n" for r in rows)
    elif not rows:
        out.print(f"No versions of {source_id} yet (run `watcher check {source_id}`).")
    else:
        _table(*listing.history_table(rows))


@app.command()
def gc(config: ConfigOpt = None,
       dry_run: Annotated[bool, typer.Option("--dry-run", "-n", help="Say what would go; remove nothing.")] = False
       ) -> None:
    """Apply [retention]: retire old discovered sources, drop old versions and raw captures (never a baseline
    or one an open alert cites)."""
    from .evidence import expire
    from .report.listing import gc_lines
    from .store import now
    from .store.retention import collect

    cfg, store = _load(config)
    r, at = cfg.retention, now()
    if not dry_run:
        _writable(store, cfg, "collect garbage")
    done = collect(store, at, max_age=r.max_age, max_versions=r.max_versions, dry_run=dry_run)
    for line in gc_lines(done, r, expire.collect(store, at, r.captures, dry_run)):
        out.print(line, markup=False)


@app.command()
def export(source_id: Annotated[str, typer.Argument(metavar="ID")],
           warc_out: Annotated[Path, typer.Option("--warc", help="The WARC file to write (OUT.warc.gz).")],
           from_version: Annotated[int | None, typer.Option("--from", help="First version (default: the first).")] = None,
           to_version: Annotated[int | None, typer.Option("--to", help="Last version (default: the latest).")] = None,
           config: ConfigOpt = None) -> None:
    """Write a source's raw captures as a WARC file that replay tools (pywb, ReplayWeb.page) open."""
    from .evidence.export import export as write_warc

    cfg, store = _load(config)
    _known(cfg, store, source_id)
    if not warc_out.parent.is_dir():
        raise UsageError(f"cannot write {warc_out}: the folder {warc_out.parent} does not exist")
    done = write_warc(store, source_id, warc_out, from_version, to_version)
    gone = f"; version(s) {', '.join(map(str, done.missing))} no longer captured (gc)" if done.missing else ""
    out.print(f"wrote {done.captures} capture(s) of {source_id} to {warc_out}{gone}", markup=False)


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
    old, new = report.endpoints(vs, from_version, to_version)
    if old is None or new is None:
        missing = from_version if old is None else to_version
        raise UsageError(f"{source_id!r} has no version {missing} (see `watcher history {source_id}`)")
    report.FORMATS[fmt](report.build(source_id, old, new, ignored), None if fmt != "terminal" else out)


@app.command("notify-test")
def notify_test(config: ConfigOpt = None) -> None:
    """Send a test message to every configured notifier and report each result (exit 1 if one failed)."""
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
            print(json_text(asdict(t)))
        return
    if not rows:
        out.print(f"No tracked claims for {source_id} yet (run `watcher check {source_id}`).")
        return
    for n, t in enumerate(rows, 1):
        colour = "green" if t.status == "unchanged" else "red"
        figs = f"  [dim]figures: {escape(', '.join(t.figures))}[/]" if t.figures else ""
        out.print(f"[bold]{n}.[/] [{colour}]{t.status}[/]{figs}")
        out.print(f"   baseline: {t.baseline or '—'}", markup=False)
        if t.current and t.current != t.baseline:
            out.print(f"   now:      {t.current}", markup=False)
        for h in t.history:
            out.print(f"   [dim]v{h['version']} {h['created_at']}[/] {h['kind']}: {escape(h['explanation'] or '')}")


rules_app = typer.Typer(help="Rules reviewers taught: claim findings they matched are kept as text changes.")
app.add_typer(rules_app, name="rules")


@rules_app.callback(invoke_without_command=True)
def rules_cmd(ctx: typer.Context, config: ConfigOpt = None,
              source: Annotated[str | None, typer.Option("--source", help="Only this source's rules.")] = None,
              json_out: Annotated[bool, typer.Option("--json", help="One JSON object per rule.")] = False) -> None:
    """List the rules made by "not a claim" and "wrong figure" verdicts (`watcher rules remove ID` removes one)."""
    if ctx.invoked_subcommand:
        return
    from .alerts.feedback import rule_json, rules

    cfg, store = _load(config)
    found = rules(store, source)
    if json_out:
        for r in found:
            print(json_text(rule_json(r)))
        return
    if not found:
        out.print("No rules" + (f" for {source}." if source else ".") + " (A \"not a claim\" or \"wrong figure\" "
                  "verdict in watcher serve or the API makes one.)", markup=False)
        return
    t = Table()
    for col in ("id", "source", "reason", "scope", "alert", "created", "text"):
        t.add_column(col, overflow="fold")
    for r in found:
        text = r.text if len(r.text) <= 160 else r.text[:159] + "…"
        t.add_row(str(r.id), r.source, r.reason, r.scope, str(r.alert_id or "—"), _fmt_ts(r.created_at), text)
    out.print(t)


@rules_app.command("remove")
def rules_remove(rule_id: Annotated[int, typer.Argument(metavar="ID", min=1, max=2**63 - 1)],
                 config: ConfigOpt = None) -> None:
    """Remove a rule: the next change of what it matched is alerted again."""
    from .alerts.feedback import remove_rule

    _, store = _load(config)
    gone = remove_rule(store, rule_id)
    if gone is None:
        raise UsageError(f"no rule {rule_id} (see `watcher rules`)")
    out.print(f"Removed rule {gone.id} ({gone.reason}, {gone.source}).", markup=False)


@app.command()
def run(config: ConfigOpt = None,
        log_json: Annotated[bool, typer.Option("--log-json", help="Log JSON Lines instead of text.")] = False) -> None:
    """Run the service: check every source on its interval until SIGTERM/SIGINT (SIGHUP: reload config).

    On PostgreSQL, one node of a cluster: start it on as many machines as needed."""
    from .store.engine import is_postgres

    cfg, store = _load(config)  # the database is opened (and refused) here, before the service starts
    _writable(store, cfg, "run the service")
    store.close()
    if is_postgres(cfg.database_url):
        from .store import queue_schema

        if queue_schema.installed() is None:
            raise UsageError("watcher run on PostgreSQL is a cluster node and needs Procrastinate: "
                             "pip install 'watcher[postgres]'")
        from .cluster import node

        node.run(cfg, log_json=log_json)
        return
    from .service import scheduler as service

    service.run(cfg, log_json=log_json)


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
          host: Annotated[str, typer.Option("--host", help="Address to bind (default: loopback only; any other "
                                            "address needs a token, see README).")] = "127.0.0.1",
          port: Annotated[int, typer.Option("--port", "-p", min=0, max=65535, help="TCP port (0: any free port).")] = 8765,
          allow_host: Annotated[list[str] | None, typer.Option(
              "--allow-host", help="A Host name (or name:port) clients use to reach the UI, besides those derived "
                                   "from --host; repeatable.")] = None) -> None:
    """Serve the review UI: the report pages live from the store and an alert queue to mark reviewed."""
    from .report import web
    from .report.security import AccessError, access_for

    cfg, store = _load(config)
    try:
        sock = web.bind(host, port)
    except OSError as e:
        raise UsageError(f"cannot listen on {host}:{port}: {e.strerror or e}") from None
    try:
        bound_addr, bound_port = sock.getsockname()[:2]
        access = access_for(cfg, host, bound_addr, bound_port, allow_hosts=allow_host or [])
    except AccessError as e:
        sock.close()
        raise UsageError(str(e)) from None
    except BaseException:
        sock.close()
        raise
    web.serve(cfg, store, sock, host=host, access=access)


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
    from .service import StateDirError
    from .store import StoreError

    return isinstance(e, ConfigError | UsageError | StoreError | StateDirError)


def _click_classes(name: str) -> tuple[type, ...]:
    """Click's exception class ``name``, as Typer uses it: its own vendored copy of Click (Typer ≥ 0.22,
    whose classes derive from ``typer.exceptions.TyperException``) or the ``click`` package."""
    found = []
    for module in ("typer._click.exceptions", "click.exceptions"):
        cls = getattr(sys.modules.get(module), name, None)
        if isinstance(cls, type):
            found.append(cls)
    return tuple(found)


def _usage_error(e: BaseException) -> bool:
    """A command line Click could not parse (unknown option, missing argument, unknown command)."""
    return isinstance(e, _click_classes("ClickException"))


def _aborted(e: BaseException) -> bool:
    return isinstance(e, _click_classes("Abort"))


def main() -> None:
    """Console-script entry: map user errors to exit 2, bugs to exit 1."""
    from .service.checklog import setup_commands

    setup_commands()  # `watcher run` replaces it with the service's log
    try:
        _run()
    finally:
        while _opened:
            _opened.pop().close()


def _run() -> None:
    try:
        app(standalone_mode=False, prog_name="watcher")
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as e:
        if _user_error(e):
            print(f"watcher: {one_line(str(e))}", file=sys.stderr)
            sys.exit(2)
        if _usage_error(e):
            e.show()  # type: ignore[attr-defined]  # the usage line, a pointer to --help, the error
            if getattr(e, "ctx", None) is None:  # Click knew no command to show the usage of
                print("Try 'watcher --help' for help.", file=sys.stderr)
            if "option" in str(e) and not getattr(getattr(e, "ctx", None), "parent", True):
                print("Options go after the command's name: `watcher COMMAND --config FILE`.", file=sys.stderr)
            sys.exit(2)
        if _aborted(e):
            sys.exit(130)
        print(f"watcher: internal error: {type(e).__name__}: {e}", file=sys.stderr)
        if "--debug" in sys.argv or __import__("os").environ.get("WATCHER_DEBUG"):
            raise
        sys.exit(1)
    sys.exit(0)
