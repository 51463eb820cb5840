"""The system's trusted certificates, read when the first TLS request needs them rather than when
aiohttp is imported.

Why: aiohttp makes its two default SSL contexts as it is imported, and each reads the system's
whole certificate store (~140 certificates, ~16 ms apiece on one machine): ~33 ms, a tenth of a
one-source ``watcher check``, paid by every command that fetches. A pass over ``http://`` sources
never uses either context, and one over ``https://`` sources uses only the one that verifies.

How: importing this module imports aiohttp inside :func:`deferred` (the fetch package imports it
before anything else); while that runs, a context that asks for the
default certificates (``SSLContext.set_default_verify_paths``, which ``create_default_context``
calls too) is noted instead of filled. :func:`before_request` fills the noted contexts that verify
peers — the very objects aiohttp keeps and hands every TLS connection it opens — before the first
request that may use TLS (an ``https`` URL or proxy, or a redirect hop to one). Verification is
unchanged: no TLS handshake can happen before the contexts hold what they asked for, and
``SSL_CERT_FILE``/``SSL_CERT_DIR`` are read then, as OpenSSL always reads them, when the store is
loaded.

Only contexts made inside :func:`deferred`, on its thread, are touched: a process that imported
aiohttp before watcher keeps aiohttp's contexts as they were, and nothing else in the process is
changed once the import is over.
"""

from __future__ import annotations

import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

_pending: list[ssl.SSLContext] = []  # noted contexts; emptied only once every one of them is filled
_lock = threading.Lock()
_ssl_set_default_verify_paths = ssl.SSLContext.set_default_verify_paths  # OpenSSL's own (the C method)


@contextmanager
def deferred() -> Iterator[None]:
    """Inside: a new SSL context's request for the default certificates, made on this thread, is
    noted for :func:`load`, not served; another thread's context (one that happens to be made
    meanwhile) is served at once. Meant for one import."""
    cls: Any = ssl.SSLContext
    if "set_default_verify_paths" in vars(cls):  # already inside (or someone else's override): leave it
        yield
        return
    here = threading.get_ident()

    def note(context: ssl.SSLContext) -> None:
        if threading.get_ident() == here:
            _pending.append(context)
        else:
            _ssl_set_default_verify_paths(context)

    cls.set_default_verify_paths = note
    try:
        yield
    finally:
        del cls.set_default_verify_paths


def load() -> None:
    """Give every noted context that verifies peers the default certificates it asked for (once;
    thread-safe: a thread that finds contexts still noted waits here until they are filled). A
    context that verifies nothing (``CERT_NONE``: aiohttp's one for ``ssl=False``, which watcher
    never asks for) never consults them and is left as it is: 16 ms saved for a process whose
    sources are ``https``."""
    with _lock:
        for context in _pending:
            if context.verify_mode != ssl.CERT_NONE:
                _ssl_set_default_verify_paths(context)
        _pending.clear()


def before_request(url: object, proxy: object) -> None:
    """Called before each request: loads the noted certificates unless the request is plain HTTP
    to a plain-HTTP proxy (or none). Redirects pass through here too, hop by hop."""
    if _pending and not (str(url).startswith("http://") and (proxy is None or str(proxy).startswith("http://"))):
        load()


with deferred():  # aiohttp's first import: its SSL contexts get their certificates when first used
    import aiohttp  # noqa: F401,E402
