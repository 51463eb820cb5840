"""``watcher run`` on one machine: the state directory's lock, the store, the service until a signal.

Apart from :mod:`watcher.service.scheduler` (what the service does while it runs) because this is
the process around it: signals, logging, the lock that keeps a second service off the same state.
"""

from __future__ import annotations

import asyncio
import logging
import signal

from ..config import Config
from ..pipeline import client_for
from ..store import Store
from . import checklog
from .scheduler import Service
from .statelock import StateLock

log = logging.getLogger("watcher.service")


async def serve(config: Config, store: Store) -> None:
    """Run until SIGTERM/SIGINT; SIGHUP re-reads the config."""
    loop = asyncio.get_running_loop()
    async with client_for(config) as client:
        svc = Service(config, store, client)
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, svc.request_stop, sig.name)
        loop.add_signal_handler(signal.SIGHUP, svc.reload_soon, "SIGHUP")
        await svc.start()
        await svc.stop_requested.wait()
        await svc.stop()
    log.info("stopped", extra={checklog.FIELDS: {"event": "stopped"}})


def run(config: Config, log_json: bool = False) -> None:
    """``watcher run``: take the state directory's lock, open the store, serve until stopped."""
    checklog.setup(json_lines=log_json)
    with StateLock(config.state_dir):
        store = Store(config.database_url, lock_timeout=config.lock_timeout,
                      captures_dir=config.state_dir / "captures")
        try:
            asyncio.run(serve(config, store))
        finally:
            store.close()
