"""The ``watcher`` command: argument handling and output only, no pipeline logic.

Exit codes: 0 done — a failing source is reported, not fatal; 2 bad usage or bad config, with a
one-line message naming file, source and field; 1 an unexpected internal error.

One module per group of commands (:mod:`.running` fetches and changes, :mod:`.reading` reads the
state, :mod:`.rules`, :mod:`.db`), what they share in :mod:`.common`, the entry point in
:mod:`.main`.
"""

from .main import app, main

__all__ = ["app", "main"]
