"""One ``watcher run`` per state directory: an exclusive lock on ``<state_dir>/watcher.lock``.

Why ``flock`` on an open file rather than "a pid file exists": the kernel drops the lock when the
process ends in any way (including ``kill -9`` or a power cut), so a crash never leaves a stale
lock behind that a person has to delete. The file itself stays (deleting a lock file races with
the next starter) and holds the pid and start time of the owner, for the error message.

``watcher check`` and the read-only commands do not take the lock: SQLite (WAL, busy timeout) lets
them run beside the service.
"""

from __future__ import annotations

import fcntl
import os
from datetime import UTC, datetime
from pathlib import Path

LOCK_NAME = "watcher.lock"


class StateDirError(Exception):
    """The state directory cannot hold the service's lock; ``str`` is the message for the terminal."""


class AlreadyRunning(StateDirError):
    """Another service holds the state directory."""


class StateLock:
    """Hold the service lock of ``state_dir`` for the life of this object (or until :meth:`release`)."""

    def __init__(self, state_dir: Path) -> None:
        self.path = state_dir / LOCK_NAME
        try:
            state_dir.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as e:  # a read-only state directory, one of another user
            raise StateDirError(f"cannot take the service lock {self.path}: {e.strerror or e} "
                                "(`watcher run` must be able to write its state directory)") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            owner = os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "unknown pid"
            os.close(fd)
            raise AlreadyRunning(
                f"another `watcher run` ({owner}) is already using the state directory {state_dir} "
                f"(lock {self.path}); stop it first, or give this config another state_dir"
            ) from None
        os.ftruncate(fd, 0)
        started = datetime.now(UTC).isoformat(timespec="seconds")
        os.pwrite(fd, f"pid {os.getpid()}, started {started}\n".encode(), 0)
        self._fd: int | None = fd

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> StateLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
