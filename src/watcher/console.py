"""The terminal every command prints through: Rich, with nothing a watched page wrote able to
drive the terminal.

Rich strips a few control codes from text (bell, backspace, carriage return, vertical tab, form
feed) but passes ESC through, so ``\\x1b[2J`` in a page's text — shown by ``alerts``, ``diff``,
``claims`` — cleared the analyst's screen, and an OSC sequence could retitle the window or write a
hyperlink. A render hook here wraps everything printed: the text of each segment Rich lays out is
passed through :func:`watcher.sanitize.strip_controls`, while Rich's own styling (colours, bold),
which is rendered from the segments' styles and never lives in their text, stays. So the guard
holds for every command and every future line of output, whatever its data came from.
"""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, ConsoleRenderable, RenderableType, RenderHook, RenderResult
from rich.measure import Measurement
from rich.segment import Segment

from .sanitize import strip_controls


class _Safe:
    """A renderable printed with the text of its segments made safe (control segments — Rich's own
    cursor movements — are Rich's, not data, and pass)."""

    def __init__(self, inner: RenderableType) -> None:
        self.inner = inner

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for seg in console.render(self.inner, options):
            if seg.control or not seg.text:
                yield seg
            else:
                text = strip_controls(seg.text)
                yield seg if text is seg.text else Segment(text, seg.style)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.inner)


class _SafeHook(RenderHook):
    def process_renderables(self, renderables: list[ConsoleRenderable]) -> list[ConsoleRenderable]:
        return [_Safe(r) for r in renderables]


def safe_console(**kwargs) -> Console:
    """A Rich console that never writes a control character taken from data to the terminal."""
    console = Console(**kwargs)
    console.push_render_hook(_SafeHook())
    return console
