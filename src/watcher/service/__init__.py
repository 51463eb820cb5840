"""``watcher run``: the process (process: lock, signals), the scheduler (scheduler), its pure timing
functions (schedule), one service per state directory (statelock) and the check log lines (checklog).

The scheduler (APScheduler and the whole pipeline) is imported by its module,
``watcher.service.process``, not here: the CLI's error handler imports this package.
"""

from .statelock import AlreadyRunning, StateDirError, StateLock

__all__ = ["AlreadyRunning", "StateDirError", "StateLock"]
