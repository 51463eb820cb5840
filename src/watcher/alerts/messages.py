"""Notification messages for alerts: a title and a body in the format a channel takes.

A person reading a notification on a phone must be able to judge the change without opening
anything: the message names the kind and the article, shows the old and the new sentence with the
changed words marked, the baseline sentence when the figure had already moved before, the source
URL and where to read the full diff report.

Body formats form a small registry (urlwatch's idea, as in :mod:`watcher.report.formats`): one class per
Apprise body format, keyed by the format's word (``text``, ``markdown``, ``html``). A message is
built once per format the channel asks for, so nothing is converted after the fact (email gets
real HTML with a plain-text part, Slack real Markdown, a webhook plain text).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from .. import kinds as kinds_mod
from .. import timefmt
from ..claims import word_diff
from ..evidence import edittype
from ..sanitize import strip_controls
from ..store import AlertRecord


@dataclass(frozen=True)
class Context:
    """What a message says about the alert's source beyond the alert row itself."""

    article_title: str
    diff_pointer: str | None  # where the full diff report is (a command for now; a path or URL later)


class TextFormat:
    """Plain text: changes marked like ``watcher diff`` does, ``[-old-]`` and ``{+new+}``."""

    word = "text"

    def esc(self, s: str) -> str:
        return s

    def old(self, s: str) -> str:
        return f"[-{s}-]"

    def new(self, s: str) -> str:
        return f"{{+{s}+}}"

    def label(self, s: str) -> str:
        return f"{s}:"

    def link(self, url: str) -> str:
        return url

    def code(self, s: str) -> str:
        return s

    def heading(self, s: str) -> str:
        return f"{s}\n{'─' * min(len(s), 60)}"

    def paragraph(self, lines: list[str]) -> str:
        return "\n".join(lines)

    def join(self, blocks: list[str]) -> str:
        return "\n\n".join(blocks)


_MD_SPECIAL = re.compile(r"([\\`*_~\[\]<>#|])")


def md_escape(text: str) -> str:
    """Markdown syntax escaped, so article text shows as written (in messages and in reports)."""
    return _MD_SPECIAL.sub(r"\\\1", text)


class MarkdownFormat(TextFormat):
    word = "markdown"

    def esc(self, s: str) -> str:
        return md_escape(s)

    def old(self, s: str) -> str:
        return f"~~{s}~~" if s.strip() else s

    def new(self, s: str) -> str:
        return f"**{s}**" if s.strip() else s

    def label(self, s: str) -> str:
        return f"**{s}:**"

    def link(self, url: str) -> str:
        return "<" + url.replace("<", "%3C").replace(">", "%3E") + ">"

    def code(self, s: str) -> str:
        return f"`{s}`"

    def heading(self, s: str) -> str:
        return f"### {self.esc(s)}"

    def paragraph(self, lines: list[str]) -> str:
        return "  \n".join(lines)


class HtmlFormat(TextFormat):
    word = "html"

    def esc(self, s: str) -> str:
        return html.escape(s, quote=False)

    def old(self, s: str) -> str:
        return f'<del style="color:#b00020">{s}</del>'

    def new(self, s: str) -> str:
        return f'<ins style="color:#006400"><b>{s}</b></ins>'

    def label(self, s: str) -> str:
        return f"<b>{s}:</b>"

    def link(self, url: str) -> str:
        u = html.escape(url)
        return f'<a href="{u}">{u}</a>'

    def code(self, s: str) -> str:
        return f"<code>{html.escape(s)}</code>"

    def heading(self, s: str) -> str:
        return f"<h3>{self.esc(s)}</h3>"

    def paragraph(self, lines: list[str]) -> str:
        return "<p>" + "<br>\n".join(lines) + "</p>"

    def join(self, blocks: list[str]) -> str:
        return "\n".join(blocks)


FORMATS: dict[str, TextFormat] = {f.word: f for f in (TextFormat(), MarkdownFormat(), HtmlFormat())}


def title(alert: AlertRecord, ctx: Context) -> str:
    """"Estimate changed — <article title>"."""
    kind = kinds_mod.title(alert.kind)
    if alert.data.reverted:
        kind += " (back to baseline)"
    return f"{kind} — {ctx.article_title}"


def marked(old: str, new: str, fmt: TextFormat) -> tuple[str, str]:
    """``old`` and ``new`` with the words that differ marked (a word diff, so figures stand out)."""
    a, b = [], []
    for op, chunk in word_diff(old, new):
        text = fmt.esc(chunk)
        if op <= 0:
            a.append(fmt.old(text) if op < 0 else text)
        if op >= 0:
            b.append(fmt.new(text) if op > 0 else text)
    return "".join(a), "".join(b)


def alert_body(alert: AlertRecord, ctx: Context, fmt: TextFormat) -> str:
    """The body for one alert: what changed, before/after, baseline, links."""
    data = alert.data
    before, after = alert.before, alert.after
    head = [fmt.esc(alert.explanation or "")]
    if data.edit_type:
        why = " — silent edit: no correction note, page modified date unchanged" if data.silent else ""
        head.append(f"{fmt.label('Edit type')} {fmt.esc(edittype.title(data.edit_type) + why)}")
    if data.correction:
        head.append(f"{fmt.label('Correction note')} {fmt.esc(data.correction)}")
    sentences: list[str] = []
    if before and after:
        b, a = marked(before, after, fmt)
        sentences += [f"{fmt.label('Before')} {b}", f"{fmt.label('After')} {a}"]
    elif before:
        sentences.append(f"{fmt.label('Removed')} {fmt.old(fmt.esc(before))}")
    elif after:
        sentences.append(f"{fmt.label('Added')} {fmt.new(fmt.esc(after))}")
    baseline, previous = data.baseline, data.previous
    if previous and baseline and baseline != previous and not data.reverted:
        base_marked, _ = marked(baseline, after or previous, fmt)
        sentences.append(f"{fmt.label('At baseline')} {base_marked}")
    links = [f"{fmt.label('Source')} {fmt.esc(alert.source)} — {fmt.link(data.url)}" if data.url
             else f"{fmt.label('Source')} {fmt.esc(alert.source)}"]
    if ctx.diff_pointer and alert.kind not in ("source_error", "source_warning"):
        links.append(f"{fmt.label('Diff report')} {fmt.code(ctx.diff_pointer)}")
    links.append(f"{fmt.label('Severity')} {alert.severity} · {timefmt.human(alert.created_at)}")
    blocks = [fmt.paragraph(head)] + ([fmt.paragraph(sentences)] if sentences else []) + [fmt.paragraph(links)]
    if data.evidence:
        blocks.append(fmt.paragraph(evidence_lines(data.evidence, fmt)))
    return fmt.join(blocks)


def evidence_lines(e: dict, fmt: TextFormat) -> list[str]:
    """The capture an alert can be cited by: WARC record, payload digest, fetch time and URL, the
    page's own modified date."""
    return [f"{fmt.label('Capture')} {fmt.code(str(e.get('warc_record_id')))}",
            f"{fmt.label('Payload digest')} {fmt.code(str(e.get('payload_digest')))}",
            f"{fmt.label('Fetched')} {fmt.esc(str(e.get('fetched_at')))} — {fmt.link(str(e.get('final_url')))}",
            f"{fmt.label('Page modified')} {fmt.esc(str(e.get('page_modified') or 'not stated by the page'))}"]


def single(alert: AlertRecord, ctx: Context, fmt: str) -> tuple[str, str]:
    """(title, body) of the message for one alert."""
    return strip_controls(title(alert, ctx)), strip_controls(alert_body(alert, ctx, FORMATS[fmt]))


def digest(items: list[tuple[AlertRecord, Context]], fmt: str) -> tuple[str, str]:
    """(title, body) of one message collecting several alerts: silent edits first, then oldest first."""
    f = FORMATS[fmt]
    items = sorted(items, key=lambda item: not item[0].data.silent)
    kinds: dict[str, int] = {}
    for a, _ in items:
        kinds[a.kind] = kinds.get(a.kind, 0) + 1
    summary = ", ".join(f"{n} {kinds_mod.title(k).lower()}" for k, n in kinds.items())
    sources = sorted({a.source for a, _ in items})
    head = f"watcher digest: {len(items)} alert(s) from {len(sources)} source(s) ({summary})"
    blocks = [f.heading(title(a, ctx)) + "\n" + alert_body(a, ctx, f) for a, ctx in items]
    return strip_controls(head), strip_controls(f.join(blocks))


def test_message(config_path: str, fmt: str) -> tuple[str, str]:
    f = FORMATS[fmt]
    return ("watcher: test notification",
            f.paragraph([f.esc(f"This is a test message from watcher ({config_path})."),
                         f.esc("Claim alerts for the sources that list this notifier will arrive here.")]))

