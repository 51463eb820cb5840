"""What the cluster tests (and bench/cluster_bench.py) need: pages on several loopback hosts that count
what they were asked, and ``watcher run`` nodes as subprocesses.

:class:`Hosts` serves realistic article pages (tests/sitegen.py) from one threaded HTTP server per
address 127.0.0.1 … 127.0.0.N, all on one port, and records per host the requests in flight at once
(the peak is what ``per_host`` must bound, counted where it matters: at the server) and per path
every request with its time. A path's page can be edited (a figure changes), so checks store new
versions and raise alerts.
"""

from __future__ import annotations

import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from .sitegen import news_page

EXE = Path(sys.executable).parent / "watcher"
CMD = [str(EXE)] if EXE.exists() else [sys.executable, "-m", "watcher"]


def article(path: str, edition: int) -> str:
    n = sum(map(ord, path))
    return news_page(f"Report {path}", [
        f"The council said {1000 + n % 900 + 17 * edition} households were affected by the works on {path}.",
        f"Officials estimated the cost at {40 + n % 50} million euros, according to the county's own figures.",
        "Residents were told that the road would reopen once the inspection had been completed.",
        f"A second phase covering {3 + n % 7} districts is planned for next year, the report added.",
    ])


@dataclass
class Hosts:
    n: int = 10
    delay: tuple[float, float] = (0.02, 0.06)  # seconds each page takes, so requests overlap
    port: int = 0
    inflight: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    peak: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    requests: dict[tuple[str, str], list[float]] = field(default_factory=lambda: defaultdict(list))
    edition: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.servers: list[ThreadingHTTPServer] = []
        self.running = False

    @property
    def hosts(self) -> list[str]:
        return [f"127.0.0.{i}" for i in range(1, self.n + 1)]

    def url(self, host: str, path: str) -> str:
        return f"http://{host}:{self.port}{path}"

    def start(self) -> Hosts:
        for _ in range(20):  # one port free on every address
            try:
                self._bind()
                break
            except OSError:
                self.stop()
                self.port = 0
        else:
            raise RuntimeError("no port free on every loopback address")
        for s in self.servers:
            threading.Thread(target=s.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
        self.running = True
        return self

    def _bind(self) -> None:
        kit = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # no ~40 ms Nagle/delayed-ACK stall per kept-alive response

            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                host = self.server.server_address[0]
                if self.path == "/robots.txt":
                    return self._send(404, b"")
                with kit.lock:
                    kit.inflight[host] += 1
                    kit.peak[host] = max(kit.peak[host], kit.inflight[host])
                    kit.requests[(host, self.path)].append(time.time())
                    edition = kit.edition.get(self.path, 0)
                try:
                    time.sleep(random.uniform(*kit.delay))
                    self._send(200, article(self.path, edition).encode())
                finally:
                    with kit.lock:
                        kit.inflight[host] -= 1

            def _send(self, status: int, body: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        class Server(ThreadingHTTPServer):
            daemon_threads = True
            request_queue_size = 256

        for host in self.hosts:
            s = Server((host, self.port), Handler)
            self.servers.append(s)
            self.port = s.server_address[1]

    def stop(self) -> None:
        for s in self.servers:
            if self.running:
                s.shutdown()
            s.server_close()
        self.servers = []
        self.running = False

    def counts(self) -> dict[tuple[str, str], int]:
        with self.lock:
            return {k: len(v) for k, v in self.requests.items()}


def loopback_aliases_work(n: int) -> bool:
    """127.0.0.2 … answer on Linux without setup; elsewhere they may not."""
    try:
        with socket.socket() as s:
            s.bind((f"127.0.0.{n}", 0))
        return True
    except OSError:
        return False


@dataclass
class Nodes:
    """``watcher run`` nodes on one config, each a subprocess with its log in ``logs``."""

    config: Path
    logs: Path
    procs: dict[str, subprocess.Popen] = field(default_factory=dict)

    def start(self, name: str, config: Path | None = None) -> subprocess.Popen:
        env = {k: v for k, v in os.environ.items() if k != "WATCHER_CONFIG"}
        env["WATCHER_NODE"] = name
        log = open(self.logs / f"{name}.log", "ab")  # noqa: SIM115 - the child keeps it
        p = subprocess.Popen(CMD + ["run", "--log-json", "--config", str(config or self.config)], stdout=log,
                             stderr=subprocess.STDOUT, env=env)
        self.procs[name] = p
        return p

    def kill(self, name: str) -> None:
        self.procs[name].send_signal(signal.SIGKILL)
        self.procs[name].wait(10)

    def stop(self, timeout: float = 30) -> dict[str, int | None]:
        for p in self.procs.values():
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
        codes = {}
        for name, p in self.procs.items():
            try:
                codes[name] = p.wait(timeout)
            except subprocess.TimeoutExpired:
                p.kill()
                codes[name] = None
        return codes

    def log(self, name: str) -> str:
        return (self.logs / f"{name}.log").read_text(errors="replace")
