"""``watcher rules``: the rules reviewers' verdicts taught, listed and removed.
"""

from __future__ import annotations

from typing import Annotated

import typer

from ..sanitize import json_text
from . import common
from .common import app

rules_app = typer.Typer(help="Rules reviewers taught: claim findings they matched are kept as text changes.")
app.add_typer(rules_app, name="rules")



@rules_app.callback(invoke_without_command=True)
def rules_cmd(ctx: typer.Context, config: common.ConfigOpt = None,
              source: Annotated[str | None, typer.Option("--source", help="Only this source's rules.")] = None,
              json_out: Annotated[bool, typer.Option("--json", help="One JSON object per rule.")] = False) -> None:
    """List the rules made by "not a claim" and "wrong figure" verdicts (`watcher rules remove ID` removes one)."""
    if ctx.invoked_subcommand:
        return
    from ..alerts.feedback import rule_json, rules

    cfg, store = common.load(config)
    found = rules(store, source)
    if json_out:
        for r in found:
            print(json_text(rule_json(r)))
        return
    if not found:
        common.out.print("No rules" + (f" for {source}." if source else ".") + " (A \"not a claim\" or \"wrong figure\" "
                  "verdict in watcher serve or the API makes one.)", markup=False)
        return
    from rich.table import Table

    t = Table()
    for col in ("id", "source", "reason", "scope", "alert", "created", "text"):
        t.add_column(col, overflow="fold")
    for r in found:
        text = r.text if len(r.text) <= 160 else r.text[:159] + "…"
        t.add_row(str(r.id), r.source, r.reason, r.scope, str(r.alert_id or "—"), common.fmt_ts(r.created_at), text)
    common.out.print(t)


@rules_app.command("remove")
def rules_remove(rule_id: Annotated[int, typer.Argument(metavar="ID", min=1, max=2**63 - 1)],
                 config: common.ConfigOpt = None) -> None:
    """Remove a rule: the next change of what it matched is alerted again."""
    from ..alerts.feedback import remove_rule

    _, store = common.load(config)
    gone = remove_rule(store, rule_id)
    if gone is None:
        raise common.UsageError(f"no rule {rule_id} (see `watcher rules`)")
    common.out.print(f"Removed rule {gone.id} ({gone.reason}, {gone.source}).", markup=False)
