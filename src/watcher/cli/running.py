"""Commands that fetch or change what is watched: ``check``, ``discover``, ``run``, ``serve``,
``demo``, ``notify-test`` and ``gc``. Pipeline logic lives in the stages; these parse arguments
and print results.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Annotated

import typer

from ..sanitize import json_text
from . import common
from .common import app, escape


@app.command()
def check(ids: Annotated[list[str] | None, typer.Argument(help="Source ids (default: all).")] = None,
          config: common.ConfigOpt = None,
          json_out: Annotated[bool, typer.Option("--json", help="One JSON object per source.")] = False,
          no_discover: Annotated[bool, typer.Option("--no-discover", help="Do not read the feeds first.")] = False
          ) -> None:
    """Check every (or the named) source once now, store new versions and record alerts.

    Without ids, the feeds are read first and their new articles checked too."""
    from ..discover.watched import watched
    from ..passes import run_check
    from ..pipeline import CheckInterrupted

    cfg, store = common.load(config)
    common.writable(store, cfg, "check")
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


def _print_checks(results, json_out: bool) -> None:
    from ..kinds import CLAIM_KINDS

    for r in results:
        if json_out:
            print(json_text({"source": r.source, "outcome": r.outcome, "version": r.version,
                             "duration": round(r.duration, 3), "message": r.message,
                             "alerts": [a.kind for a in r.alerts],
                             "timings": {k: round(v, 4) for k, v in r.timings.items()}}))
            continue
        style = {"error": "red", "warning": "yellow", "new_version": "cyan", "baseline": "cyan"}.get(r.outcome, "")
        claim_n = sum(1 for a in r.alerts if a.kind in CLAIM_KINDS)
        line: list[common.Piece] = [(r.source, "bold"), ": ", (r.outcome, style)]
        if r.version is not None:
            line.append(f" (version {r.version})")
        if r.message:
            line.append(f" — {r.message}")
        if claim_n:
            line.append((f" — {claim_n} claim alert(s)", "bold red"))
        common.say(*line, (f"  {r.duration:.2f}s", "dim"))
        for a in r.alerts:
            if a.kind in CLAIM_KINDS:
                common.say("   ", (a.kind, "red"), f": {a.explanation or ''}")


@app.command()
def discover(feed_ids: Annotated[list[str] | None, typer.Argument(metavar="[FEED]...", help="Feed ids "
                                                                  "(default: all).")] = None,
             config: common.ConfigOpt = None,
             json_out: Annotated[bool, typer.Option("--json", help="One JSON object per feed.")] = False) -> None:
    """Read every (or the named) feed once now and add its new articles as sources."""
    cfg, store = common.load(config)
    for f in feed_ids or []:
        cfg.feed(f)
    _discover(cfg, store, feed_ids, json_out)


def _discover(cfg, store, feed_ids: list[str] | None, json_out: bool) -> None:
    """Read the feeds now; one line (or JSON object) per feed."""
    from ..passes import discover_all
    from ..service.checklog import feed_line

    for o in asyncio.run(discover_all(cfg, store, feed_ids)):
        line, fields = feed_line(o, 0, 0.0)
        if json_out:
            print(json_text({k: v for k, v in fields.items() if k not in ("event", "next_read", "failures")}))
        else:
            common.say((line, "yellow" if o.error or o.warnings else ""))


@app.command()
def gc(config: common.ConfigOpt = None,
       dry_run: Annotated[bool, typer.Option("--dry-run", "-n", help="Say what would go; remove nothing.")] = False
       ) -> None:
    r"""Apply \[retention]: retire old discovered sources, drop old versions and raw captures (never a baseline
    or one an open alert cites)."""
    from ..evidence import expire
    from ..report.listing import gc_lines
    from ..store import now
    from ..store.retention import collect

    cfg, store = common.load(config)
    r, at = cfg.retention, now()
    if not dry_run:
        common.writable(store, cfg, "collect garbage")
    done = collect(store, at, max_age=r.max_age, max_versions=r.max_versions, dry_run=dry_run)
    for line in gc_lines(done, r, expire.collect(store, at, r.captures, dry_run)):
        common.say(line)


@app.command("notify-test")
def notify_test(config: common.ConfigOpt = None) -> None:
    """Send a test message to every configured notifier and report each result (exit 1 if one failed)."""
    from ..alerts.deliver import notify_test as send_tests

    cfg = common.load_config(config)
    results = send_tests(cfg)
    if not results:
        raise common.UsageError(f"no notifiers configured in {cfg.path} (add notify = [\"<apprise URL>\", ...])")
    for r in results:
        used_by = ", ".join(r.sources) if r.sources else "no enabled source"
        status = "[green]OK  [/]" if r.ok else "[red]FAIL[/]"
        line = f"{status} {escape(r.notifier)}  [dim](sources: {escape(used_by)})[/]"
        common.out.print(line + ("" if r.ok else f"\n     {escape(r.error or '')}"))
    failed = sum(not r.ok for r in results)
    common.out.print(f"{len(results) - failed} of {len(results)} notifier(s) reached.")
    if failed:
        raise SystemExit(1)


@app.command()
def run(config: common.ConfigOpt = None,
        log_json: Annotated[bool, typer.Option("--log-json", help="Log JSON Lines instead of text.")] = False) -> None:
    """Run the service: check every source on its interval until SIGTERM/SIGINT (SIGHUP: reload config).

    On PostgreSQL, one node of a cluster: start it on as many machines as needed."""
    from ..store.engine import is_postgres

    cfg, store = common.load(config)  # the database is opened (and refused) here, before the service starts
    common.writable(store, cfg, "run the service")
    store.close()
    if is_postgres(cfg.database_url):
        from ..store import queue_schema

        if queue_schema.installed() is None:
            raise common.UsageError("watcher run on PostgreSQL is a cluster node and needs Procrastinate: "
                             "pip install 'watcher[postgres]'")
        from ..cluster import node

        node.run(cfg, log_json=log_json)
        return
    from ..service import process as service

    service.run(cfg, log_json=log_json)


@app.command()
def serve(config: common.ConfigOpt = None,
          host: Annotated[str, typer.Option("--host", help="Address to bind (default: loopback only; any other "
                                            "address needs a token, see README).")] = "127.0.0.1",
          port: Annotated[int, typer.Option("--port", "-p", min=0, max=65535, help="TCP port (0: any free port).")] = 8765,
          allow_host: Annotated[list[str] | None, typer.Option(
              "--allow-host", help="A Host name (or name:port) clients use to reach the UI, besides those derived "
                                   "from --host; repeatable.")] = None) -> None:
    """Serve the review UI: the report pages live from the store and an alert queue to mark reviewed."""
    from ..report import web
    from ..report.security import AccessError, access_for

    cfg, store = common.load(config)
    try:
        sock = web.bind(host, port)
    except OSError as e:
        raise common.UsageError(f"cannot listen on {host}:{port}: {e.strerror or e}") from None
    try:
        bound_addr, bound_port = sock.getsockname()[:2]
        access = access_for(cfg, host, bound_addr, bound_port, allow_hosts=allow_host or [])
    except AccessError as e:
        sock.close()
        raise common.UsageError(str(e)) from None
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
    from ..demo import story as demo_mod

    common.started()  # the demo makes its own config and store
    demo_mod.run(keep, serve=serve_ui, console=common.out)
