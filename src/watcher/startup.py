"""How the installed ``watcher`` command starts (:func:`begin`): with the cyclic garbage collector
off until the command has its config and store (:func:`started`).

Why: starting a command imports ~600 modules (SQLAlchemy, aiohttp, pydantic, Typer) and reads the
config, which makes ~120,000 objects that live as long as the process and almost no garbage. The
collector, run every 700 new objects, walks them again and again meanwhile: ~10–20 % of the
libraries' import (280 → 246 ms on one machine). When start-up is over, what it made is frozen
(``gc.freeze``: kept where the collector never looks again, so no later full collection of a
long pass or of the service walks it either) and the collector is on again for the work itself.
The few thousand cyclic objects start-up leaves as garbage are kept, once, instead of found.

Also before anything is imported: pydantic looks for plugins of its own among every installed
distribution's entry points the first time a model is built (~5–12 ms, every command, for plugins
watcher does not use). :func:`begin` tells it there are none, unless the environment says
otherwise (``PYDANTIC_DISABLE_PLUGINS`` set, even empty, is left as it is: set it empty to have
pydantic's plugins, such as an instrumentation's, see watcher's config models).

Only the installed command and ``python -m watcher`` begin here (``watcher.__main__``, before
anything else is imported): a program or a test that runs :func:`watcher.cli.main.main` in its own
process keeps its collector as it is.
"""

from __future__ import annotations

import gc
import os

_starting = False


def begin() -> None:
    """The process starts a command: the collector is off until :func:`started`, and pydantic
    looks for no plugins."""
    global _starting
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    gc.disable()
    _starting = True


def started() -> None:
    """Start-up is over (the command has read its config and opened its store): freeze what it
    made and turn the collector on again. Nothing when the process did not :func:`begin` here, or
    when this was already said."""
    global _starting
    if _starting:
        _starting = False
        gc.freeze()
        gc.enable()
