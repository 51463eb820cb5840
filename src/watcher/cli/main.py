"""The entry point: every command registered, and how an error ends the process — exit 2 and one
line for what the user can fix (config, usage, the state database), exit 130 when interrupted,
exit 1 with one line for a bug (``--debug`` or ``WATCHER_DEBUG`` shows its traceback).
"""

from __future__ import annotations

import atexit
import logging
import os
import sys
import threading
from typing import Annotated

import typer

from ..sanitize import one_line
from . import common, reading, rules, running  # noqa: F401  (each registers its commands on the app)
from .common import UsageError, app
from .db import db_app

app.add_typer(db_app, name="db")

# `watcher --help` lists the commands in the order a new user needs them, not in import order
_ORDER = ("check", "run", "discover", "sources", "alerts", "history", "diff", "claims", "report", "serve", "demo",
          "export", "rules", "notify-test", "gc")


def _rank(command: typer.models.CommandInfo) -> int:
    name = command.name or getattr(command.callback, "__name__", "").replace("_", "-")
    return _ORDER.index(name) if name in _ORDER else len(_ORDER)


app.registered_commands.sort(key=_rank)



@app.callback()
def _main(version: Annotated[bool, typer.Option("--version", help="Show the version and exit.")] = False) -> None:
    if version:
        from .. import __version__

        print(f"watcher {__version__}")
        raise typer.Exit(0)


def _user_error(e: BaseException) -> bool:
    """Config, usage and state-database errors are the user's to fix: exit 2, one line, no traceback.

    Imported here, not at the top, so `watcher --help` does not pay for pydantic and SQLAlchemy."""
    from ..config import ConfigError
    from ..service import StateDirError
    from ..store import StoreError

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


def entry() -> None:
    """What the installed ``watcher`` command runs (``watcher.__main__``, once
    :func:`watcher.startup.begin` has turned the collector off): :func:`main`, then the process
    ends without tearing the interpreter down.

    Tearing down ~700 imported modules (SQLAlchemy, aiohttp, pydantic, trafilatura) and collecting
    their objects took 0.16–0.2 s after every command — a third of a one-source ``watcher check``.
    Everything that must outlive the process is done by then: the database is closed by
    :func:`main`, output and logs are flushed here and the exit handlers run. When a thread is
    still alive, or flushing fails (a closed pipe), the interpreter ends as usual, waiting for it
    and reporting what it must."""
    try:
        main()
        status: object = 0
    except SystemExit as e:
        status = e.code
    code = 0 if status is None else status if isinstance(status, int) else 1
    if not isinstance(status, int | None):
        print(status, file=sys.stderr)
    if threading.active_count() > 1:
        sys.exit(code)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        sys.exit(code)
    logging.shutdown()
    atexit._run_exitfuncs()
    os._exit(code)


def main() -> None:
    """Console-script entry: map user errors to exit 2, bugs to exit 1."""
    from ..service.checklog import setup_commands

    setup_commands()  # `watcher run` replaces it with the service's log
    try:
        _run()
    finally:
        while common.opened:
            common.opened.pop().close()


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
