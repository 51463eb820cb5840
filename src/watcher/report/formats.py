"""Diff reports a person reviews: the claim changes first, then a word-level text diff.

Formats form a small registry (urlwatch's idea: one function and one word per format); the
terminal one renders with Rich, ``json`` gives the structured diff for other tools, ``html`` one
standalone page (:mod:`watcher.report.site`), ``md`` Markdown for tickets (:mod:`watcher.report.markdown`).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable

from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .. import kinds
from ..claims import Finding
from ..timefmt import iso
from .diff import CLAIM_ORDER, DiffReport, build, paragraph_diff  # noqa: F401 (the report surface)
from .markdown import markdown
from .site import change_html
from .views import change_view


def _finding_table(findings: list[Finding]) -> Table:
    t = Table(title="Claim changes", show_lines=True, expand=True)
    t.add_column("kind", style="bold", no_wrap=True)
    t.add_column("what changed")
    t.add_column("before")
    t.add_column("after")
    for f in findings:
        if not f.is_claim:
            continue
        style = kinds.BY_NAME[f.kind].style
        t.add_row(Text(f.kind, style=style), f.explanation, f.before or "—", f.after or "—")
    return t


def _ops_text(ops: list[tuple[int, str]]) -> Text:
    t = Text()
    for op, chunk in ops:
        if op == -1:
            t.append("[-" + chunk + "-]", style="bold red strike")
        elif op == 1:
            t.append("{+" + chunk + "+}", style="bold green underline")
        else:
            t.append(chunk)
    return t


def render_terminal(r: DiffReport, console: Console | None = None) -> None:
    console = console or Console()
    console.print(Panel.fit(
        f"[bold]{r.source}[/]  version {r.old.number} ({'baseline' if r.old.is_baseline else r.old.origin}, "
        f"{iso(r.old.created_at)}) → version {r.new.number} ({iso(r.new.created_at)})"))
    claims = [f for f in r.findings if f.is_claim]
    if claims:
        console.print(_finding_table(claims))
    else:
        console.print("[green]No claim changed.[/]")
    console.print(Text("Text diff", style="bold underline"))
    folded = 0
    for status, ops in r.paragraphs:
        if status == "same":
            folded += 1
            continue
        if folded:
            console.print(Text(f"  … {folded} unchanged paragraph(s)", style="dim"))
            folded = 0
        console.print(_ops_text(ops))
        console.print()
    if folded:
        console.print(Text(f"  … {folded} unchanged paragraph(s)", style="dim"))
    if r.show_ignored:
        console.print(Text(f"Left out of version {r.new.number} as boilerplate", style="bold underline"))
        if not r.new.ignored:
            console.print(Text("  (nothing recorded for this version)", style="dim"))
        for text, reason in r.new.ignored:
            line = Text("  ")
            line.append(f"[{reason}] ", style="yellow")
            line.append(text if len(text) <= 200 else text[:199] + "…", style="dim")
            console.print(line)


def render_json(r: DiffReport, console: Console | None = None) -> None:
    doc = {
        "source": r.source, "from": r.old.number, "to": r.new.number,
        "claims": [{"kind": f.kind, "severity": f.severity, "before": f.before, "after": f.after,
                    "explanation": f.explanation, "changes": list(f.changes)} for f in r.findings if f.is_claim],
        "text_changes": [{"kind": f.kind, "before": f.before, "after": f.after} for f in r.findings
                         if not f.is_claim],
        "paragraphs": [{"status": s, "ops": ops} for s, ops in r.paragraphs if s != "same"],
    }
    if r.show_ignored:
        doc["ignored"] = [{"text": t, "reason": why} for t, why in r.new.ignored]
    print(json.dumps(doc, ensure_ascii=False, indent=2))


def render_html(r: DiffReport, console: Console | None = None) -> None:
    """One standalone page (inline CSS, no links to other pages), the same as a report change page."""
    sys.stdout.write(change_html(change_view(r), title=r.new.title or r.source, url=r.new.url, standalone=True))


def render_md(r: DiffReport, console: Console | None = None) -> None:
    sys.stdout.write(markdown(r))


FORMATS: dict[str, Callable[[DiffReport, Console | None], None]] = {
    "terminal": render_terminal,
    "json": render_json,
    "html": render_html,
    "md": render_md,
}
