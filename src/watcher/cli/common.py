"""What every ``watcher`` command shares: the Typer app, the terminal, the config option, opening
the config and the store, and the user errors that end a command with exit 2.

``out`` is looked up on this module at each use (``common.out``), so a caller running the CLI in
its own process (tests) can replace the console for one run. It is made at its first use: Rich
costs ~20 ms to import, which a command printing JSON (``check --json``) never needs.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..sanitize import strip_controls
from ..startup import started

if TYPE_CHECKING:
    from rich.console import Console

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Watch article pages and alert when a figure or a claim in them changes.")


def _new_console() -> Console:
    from ..console import safe_console

    console = safe_console(highlight=False)  # text from pages never drives the terminal (watcher.console)
    if not console.is_terminal:  # piped or captured: don't wrap tables at 80 columns
        console.width = 160
    return console


def console() -> Console:
    """The terminal every command prints to (``common.out``), made at its first use; a console a
    caller put in its place is the one returned."""
    g = globals()
    if "out" not in g:
        g["out"] = _new_console()
    return g["out"]


def __getattr__(name: str) -> Console:
    if name == "out":  # read before its first use: make it (then it is an attribute like any other)
        return console()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


Piece = str | tuple[str, str]  # a piece of a line: its text, or its text and a Rich style


def say(*pieces: Piece) -> None:
    """One line of output made of pieces, each a text or a (text, Rich style) pair; their text is
    never read as markup, so data needs no escaping.

    On a terminal (or with ``FORCE_COLOR`` set, or once a console exists: see :func:`console`) Rich
    styles the pieces. Piped, redirected or captured — where Rich would print the same characters
    without their styles — the text is written as it is: a pass of 500 sources prints 500 lines,
    and Rich laying out each cost ~0.13 ms of CPU a line, besides importing Rich at all (~20 ms,
    most of what separates a one-source check from its 0.3 s); nor is a long line wrapped at a width
    the reader (``grep``, ``awk``, a log) never had. No control character from data is written
    either way (:func:`watcher.sanitize.strip_controls` here, :mod:`watcher.console` there)."""
    if "out" not in globals() and not _styled():
        sys.stdout.write(strip_controls("".join(p if isinstance(p, str) else p[0] for p in pieces)) + "\n")
        return
    from rich.text import Text

    console().print(Text.assemble(*pieces))


def _styled() -> bool:
    """Whether Rich would style this output: a terminal, or colour forced (Rich's own rule)."""
    if os.environ.get("FORCE_COLOR"):
        return True
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):  # no stdout, or a closed one
        return False


def escape(text: str) -> str:
    """``text`` shown as it is inside Rich markup (Rich's own escape, imported at first use)."""
    from rich.markup import escape as rich_escape

    return rich_escape(text)

ConfigOpt = Annotated[Path | None, typer.Option("--config", "-c", help="Config file (default: "
                                                "$WATCHER_CONFIG or config/watcher.toml).")]


class UsageError(Exception):
    """A user error outside the config file (unknown source id, missing version)."""


opened: list = []  # the stores this command opened: closed when it ends (main), however it ends


def load(config: Path | None):
    from ..config import model as config_mod
    from ..store import Store

    cfg = config_mod.load(config)
    store = Store(cfg.database_url, lock_timeout=cfg.lock_timeout, captures_dir=cfg.state_dir / "captures")
    opened.append(store)
    started()
    return cfg, store


def load_config(config: Path | None):
    """The config alone, for a command that opens no store through :func:`load` (``notify-test``,
    ``watcher db``, which opens the database without the store's checks)."""
    from ..config import model as config_mod

    cfg = config_mod.load(config)
    started()
    return cfg


def known(cfg, store, source_id: str) -> None:
    """``source_id`` names a source written in the config or one a feed discovered; else a usage error."""
    from ..store import discovered

    if any(s.id == source_id for s in cfg.sources):
        return
    with store.transaction() as c:
        if discovered.discovered_row(c, source_id) is None:
            cfg.source(source_id)  # raises, naming the config file


def writable(store, cfg, command: str) -> None:
    """Refuse a command that writes when the state database can only be read (a read-only state
    directory): before it fetches anything it could not save."""
    from ..store import StoreFault

    if store.read_only:
        raise StoreFault(f"cannot {command}: the state directory {cfg.state_dir} is read-only, so nothing could be "
                         "saved (the reading commands work: sources, alerts, history, diff, claims, report --out DIR)")


def fmt_ts(ts: float | None) -> str:
    from ..timefmt import iso

    return (iso(ts) or "—").replace("+00:00", "Z")


PLAIN_ROWS = 200  # above this many rows a table prints as plain aligned columns


def table(cols: Sequence[str], rows: Sequence[Sequence[str]], title: str | None = None) -> None:
    """A table for the terminal. Rich lays out every cell (about a millisecond a row); a list of
    10,000 sources prints as plain aligned columns instead, in a fraction of a second, and reads
    the same to ``grep`` and ``awk``. Cells are data (page titles, URLs, server messages): never
    read as Rich markup, and never passing a control character to the terminal."""
    if len(rows) <= PLAIN_ROWS:
        from rich.table import Table

        t = Table(show_lines=False, title=title)
        for col in cols:
            t.add_column(col, overflow="fold")
        for row in rows:
            t.add_row(*(escape(c) for c in row))
        console().print(t)
        return
    widths = [max(len(c), *(len(r[k]) for r in rows)) for k, c in enumerate(cols)]
    lines = ([title] if title else []) + ["  ".join(c.ljust(w) for c, w in zip(cols, widths, strict=True)).rstrip()]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    sys.stdout.write(strip_controls("\n".join(lines)) + "\n")
