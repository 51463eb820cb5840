"""``watcher diff --format md``: Markdown to paste into a ticket.

GitHub-flavoured: a claim-change table, each changed sentence as a quote with ``~~deleted~~`` and
``**inserted**`` words (readable as plain text too), then the changed paragraphs with unchanged
ones folded into a count.
"""

from __future__ import annotations

from ..alerts.messages import md_escape
from .diff import DiffReport
from .views import FigureChange, change_view


def esc(text: str) -> str:
    """Escape Markdown syntax so article text shows as written (one line: a table cell or an item)."""
    return md_escape(text.replace("\n", " "))


def _mark(chunk: str, marker: str) -> str:
    """``marker`` around the words only: ``~~ x~~`` would not render, so spaces go outside."""
    core = chunk.strip()
    if not core:
        return chunk
    lead, trail = chunk[: len(chunk) - len(chunk.lstrip())], chunk[len(chunk.rstrip()):]
    return f"{lead}{marker}{esc(core)}{marker}{trail}"


def ops_md(ops: list[tuple[int, str]]) -> str:
    return "".join(_mark(c, "~~") if op == -1 else _mark(c, "**") if op == 1 else esc(c) for op, c in ops)


def figure_md(f: FigureChange) -> str:
    old = f"~~{esc(f.old)}~~" if f.old else "none"
    new = f"**{esc(f.new)}**" if f.new else "dropped"
    noun = f" {esc(f.noun)}" if f.noun else ""
    delta = f" ({f.delta})" if f.delta else ""
    return f"{old} → {new}{noun}{delta}"


def markdown(r: DiffReport) -> str:
    v = change_view(r)
    old_label = f"version {r.old.number}" + (" (baseline)" if r.old.is_baseline else "")
    lines = [f"### {esc(r.new.title or r.source)}", "",
             f"`{r.source}`: {old_label} → version {r.new.number}" + (f" · <{r.new.url}>" if r.new.url else ""), ""]
    if v.claims:
        lines += ["| Severity | Change | Figure (old → new) | Qualifier | Attribution |", "|---|---|---|---|---|"]
        for c in v.claims:
            change = " · ".join([c.kind.replace("_", " ")] + [esc(x) for x in c.cues])
            figs = "<br>".join(figure_md(f) for f in c.figures) or "—"
            lines.append(f"| **{c.severity}** | {change} | {figs} | {esc(c.qualifier) or '—'} "
                         f"| {esc(c.attribution) or '—'} |")
        lines.append("")
        for c in v.claims:
            lines += [f"> {ops_md(c.ops)}", ""]
    else:
        lines += ["No claim changed.", ""]
    lines += ["#### Text", ""]
    for b in v.blocks:
        if b.status == "fold":
            lines.append(f"_… {len(b.folded)} unchanged paragraph(s)_")
        else:
            tag = {"added": "(added) ", "removed": "(removed) "}.get(b.status, "")
            lines.append(tag + ops_md(b.ops))
        lines.append("")
    return "\n".join(lines)
