"""Notice edits of the config files (the main file and every file its ``include`` globs match).

Why polling file contents every second instead of inotify: it is a handful of small files, it
works the same on every filesystem (network mounts, bind mounts in containers, editors that save
by rename), and it sees a file newly dropped into ``config/sources/`` because the include globs
are re-expanded at every poll. Contents are hashed rather than compared by mtime, so two quick
saves within one timestamp tick are not missed.

A change is reported once; whether the new config is valid is for the caller to find out.
"""

from __future__ import annotations

import glob
import hashlib
from pathlib import Path

from .model import Config

Fingerprint = dict[str, str | None]


def fingerprint(config: Config) -> Fingerprint:
    """Content hash of the main config file and of every file the include globs match now."""
    paths = {str(config.path)}
    for pattern in config.includes:
        paths.update(glob.glob(pattern))
    out: Fingerprint = {}
    for p in sorted(paths):
        try:
            out[p] = hashlib.sha256(Path(p).read_bytes()).hexdigest()
        except OSError:  # deleted or unreadable right now: that is a change too
            out[p] = None
    return out


class ConfigWatcher:
    """``changed()`` is True once after any config file was edited, added or removed."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.seen = fingerprint(config)

    def use(self, config: Config) -> None:
        """Watch the files of ``config`` from now on (after a successful reload: its includes may
        differ). The last fingerprint is kept, so an edit made during the reload is not missed."""
        self.config = config

    def changed(self) -> bool:
        now = fingerprint(self.config)
        if now == self.seen:
            return False
        self.seen = now
        return True
