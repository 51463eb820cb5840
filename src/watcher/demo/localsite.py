"""A local web site for the demo: pages served on a loopback address, edited between checks."""

from __future__ import annotations

import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class LocalSite:
    """A threaded HTTP server on a loopback address serving pages from ``lookup(path)``.

    ``lookup`` returns the page body (str or bytes, served as UTF-8 HTML), a ``(status,
    content_type, body)`` triple, or None for a 404. Used by ``watcher demo``, the benchmark and the
    tests, so pages can be edited between checks without restarting anything.
    """

    def __init__(self, lookup: Callable[[str], str | bytes | tuple[int, str, bytes] | None],
                 host: str = "127.0.0.1") -> None:
        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # headers and body go out in two writes; with Nagle on, the body's last segment waits for
            # the client's delayed ACK of the first (~40 ms per response on a kept-alive connection),
            # a stall real web servers avoid (TCP_NODELAY) that would make every request look slow
            disable_nagle_algorithm = True

            def do_GET(self) -> None:  # noqa: N802 - http.server API
                found = lookup(self.path)
                status, ctype, raw = ((404, "text/html; charset=utf-8", b"<h1>Not found</h1>") if found is None
                                      else found if isinstance(found, tuple)
                                      else (200, "text/html; charset=utf-8", found))
                body = raw.encode("utf-8") if isinstance(raw, str) else raw
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer((host, 0), Handler)
        self.server.daemon_threads = True
        self.server.handle_error = lambda *a: None  # type: ignore[method-assign]  # a client closing a kept-alive connection is not news
        # polled every 50 ms, not http.server's 0.5 s: close() waits for the loop to notice
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()

    def url(self, path: str) -> str:
        host, port = self.server.server_address[:2]
        host = host.decode() if isinstance(host, bytes) else host
        return f"http://{host}:{port}/{path.lstrip('/')}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
