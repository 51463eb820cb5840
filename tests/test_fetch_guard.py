"""Fetch safety: loopback, private, link-local and other non-public targets are refused — at the
first request and at every redirect hop, after DNS resolution, through a proxy too — unless the
source allows them, and the error names the refused target.

Real servers on loopback addresses stand in for the internal services an attacker would aim at:
a refused target is a server that is really there and counts its requests, so "refused" is shown
to mean "never connected", not "connected and failed".
"""

from __future__ import annotations

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from ipaddress import ip_address

import pytest

from .conftest import alerts_json, watcher, write_config
from .sitegen import news_page

PAGE = news_page("Bridge repairs", ["Engineers found corrosion in 14 of the 40 girders, the county said on Monday.",
                                    "The repair is expected to cost about $3.2 million and take eight weeks."])


class Server:
    """A server on ``host`` answering from ``routes`` (path → (status, headers, body)), counting hits
    per path; a forward proxy too: a request in absolute form (``GET http://name/path``) is
    answered by the path and recorded in ``proxied``."""

    def __init__(self, host: str = "127.0.0.1", routes: dict | None = None) -> None:
        self.routes: dict[str, tuple[int, dict[str, str], bytes]] = routes or {}
        self.hits: dict[str, int] = {}
        self.proxied: list[str] = []
        srv = self

        class H(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # no ~40 ms Nagle/delayed-ACK stall per kept-alive response

            def do_GET(self):  # noqa: N802 - http.server API
                path = self.path
                if "://" in path:
                    srv.proxied.append(path)
                    path = "/" + path.split("://", 1)[1].split("/", 1)[-1]
                srv.hits[path] = srv.hits.get(path, 0) + 1
                status, headers, body = srv.routes.get(path, (404, {}, b"not here"))
                self.send_response(status)
                for k, v in {"Content-Type": "text/html; charset=utf-8", **headers}.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *a):
                pass

        self.httpd = ThreadingHTTPServer((host, 0), H)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def url(self, path: str, host: str | None = None) -> str:
        return f"http://{host or self.httpd.server_address[0]}:{self.port}{path}"

    def page(self, path: str) -> None:
        self.routes[path] = (200, {}, PAGE.encode())

    def redirect(self, path: str, to: str) -> None:
        self.routes[path] = (302, {"Location": to}, b"")

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def servers():
    made: list[Server] = []

    def make(host: str = "127.0.0.1") -> Server:
        made.append(Server(host))
        return made[-1]

    yield make
    for s in made:
        s.close()


def errors(cfg) -> dict[str, str]:
    return {a["source"]: a["explanation"] for a in alerts_json(cfg) if a["kind"] == "source_error"}


def check(cfg):
    p = watcher("check", "--config", str(cfg))
    assert p.returncode == 0, p.stderr
    return p


def test_a_redirect_to_another_internal_address_is_refused_before_connecting(servers, tmp_path):
    site, internal = servers(), servers("127.0.0.2")
    internal.page("/latest/meta-data/")
    site.redirect("/story", internal.url("/latest/meta-data/"))
    cfg = write_config(tmp_path, [{"id": "story", "url": site.url("/story")}])
    check(cfg)
    assert internal.hits == {}, "the guard must refuse before connecting"
    msg = errors(cfg)["story"]
    assert msg == (f"refused: {internal.url('/latest/meta-data/')} resolves to 127.0.0.2, a loopback address; "
                   "set allow_private = true for this source to allow it"), msg


def test_every_redirect_hop_is_checked(servers, tmp_path):
    site, internal = servers(), servers("127.0.0.3")
    internal.page("/admin")
    site.redirect("/a", site.url("/b"))  # same host: allowed (the address the URL names)
    site.redirect("/b", site.url("/c"))
    site.redirect("/c", internal.url("/admin"))
    cfg = write_config(tmp_path, [{"id": "hops", "url": site.url("/a")}])
    check(cfg)
    assert site.hits.get("/c") == 1 and internal.hits == {}
    assert "refused: http://127.0.0.3:" in errors(cfg)["hops"]


def test_a_host_name_is_judged_by_the_address_it_resolves_to(servers, tmp_path):
    """'localhost' resolves to loopback: a redirect there, or a source named so, is refused after
    the lookup, by the addresses the connection would use."""
    site = servers()
    site.page("/target")
    site.redirect("/story", site.url("/target", host="localhost"))
    cfg = write_config(tmp_path, [{"id": "via-redirect", "url": site.url("/story")},
                                  {"id": "by-name", "url": site.url("/target", host="localhost")}])
    check(cfg)
    assert site.hits.get("/target") is None
    errs = errors(cfg)
    assert errs["via-redirect"].startswith(f"refused: {site.url('/target', host='localhost')} resolves to ")
    assert "a loopback address" in errs["via-redirect"] and "a loopback address" in errs["by-name"]


def test_allow_private_per_source_and_in_defaults(servers, tmp_path):
    site, internal = servers(), servers("127.0.0.2")
    internal.page("/page")
    site.page("/named")
    site.redirect("/story", internal.url("/page"))
    cfg = write_config(tmp_path, [{"id": "allowed", "url": site.url("/story"), "allow_private": True},
                                  {"id": "named", "url": site.url("/named", host="localhost"), "allow_private": True},
                                  {"id": "default", "url": site.url("/story")}])
    check(cfg)
    assert internal.hits["/page"] == 1 and site.hits["/named"] == 1
    assert set(errors(cfg)) == {"default"}
    (tmp_path / "d").mkdir()
    cfg2 = write_config(tmp_path / "d", [{"id": "default", "url": site.url("/story")}])
    cfg2.write_text(cfg2.read_text() + "\n[defaults]\nallow_private = true\n")
    check(cfg2)
    assert errors(cfg2) == {} and internal.hits["/page"] == 2, errors(cfg2)


def test_false_refuses_even_the_address_the_url_names(servers, tmp_path):
    site = servers()
    site.page("/page")
    cfg = write_config(tmp_path, [{"id": "strict", "url": site.url("/page"), "allow_private": False},
                                  {"id": "as-written", "url": site.url("/page")}])
    check(cfg)
    assert site.hits["/page"] == 1  # the default source only
    assert errors(cfg) == {"strict": f"refused: {site.url('/page')} resolves to 127.0.0.1, a loopback address; "
                                     "set allow_private = true for this source to allow it"}


def test_robots_txt_redirects_are_checked_too(servers, tmp_path):
    """robots.txt is fetched with aiohttp following redirects itself: each hop is still checked."""
    site, internal = servers(), servers("127.0.0.2")
    internal.routes["/robots.txt"] = (200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /\n")
    site.redirect("/robots.txt", internal.url("/robots.txt"))
    site.page("/page")
    cfg = write_config(tmp_path, [{"id": "page", "url": site.url("/page")}])
    check(cfg)
    assert internal.hits == {}
    assert site.hits["/page"] == 1 and errors(cfg) == {}  # a robots.txt that cannot be read allows all


def test_through_a_proxy_the_target_is_checked_and_the_proxy_is_not(servers, tmp_path):
    proxy = servers()  # a forward proxy on loopback: the operator's choice, exempt
    proxy.page("/news")
    proxy.redirect("/moved", "http://10.11.12.13/admin")
    cfg = write_config(tmp_path, [{"id": "public", "url": "http://watched.invalid/news"},
                                  {"id": "moved", "url": "http://watched.invalid/moved"},
                                  {"id": "local", "url": f"http://localhost:{proxy.port}/news"}])
    cfg.write_text(cfg.read_text() + f'\n[defaults]\nproxy = "{proxy.url("")}"\n')
    check(cfg)
    assert "http://watched.invalid/news" in proxy.proxied  # a name only the proxy resolves: its call
    assert all("localhost" not in u and "10.11.12.13" not in u for u in proxy.proxied), proxy.proxied
    errs = errors(cfg)
    assert "public" not in errs
    assert errs["moved"].startswith("refused: http://10.11.12.13/admin resolves to 10.11.12.13, a private address")
    assert errs["local"].startswith(f"refused: http://localhost:{proxy.port}/news resolves to ")


@pytest.mark.parametrize("address, kind", [
    ("127.0.0.1", "loopback"), ("127.9.9.9", "loopback"), ("::1", "loopback"),
    ("10.1.2.3", "private"), ("172.16.0.1", "private"), ("172.31.255.254", "private"), ("192.168.1.1", "private"),
    ("fd12:3456::1", "private"), ("fc00::1", "private"),
    ("169.254.169.254", "link-local"), ("fe80::1", "link-local"),
    ("100.64.0.1", "shared (carrier-grade NAT)"), ("100.127.255.254", "shared (carrier-grade NAT)"),
    ("224.0.0.1", "multicast"), ("239.255.255.250", "multicast"), ("ff02::1", "multicast"),
    ("0.0.0.0", "unspecified"), ("::", "unspecified"),
    ("::ffff:127.0.0.1", "loopback"), ("::ffff:10.0.0.1", "private"), ("2002:7f00:1::", "loopback"),
    ("64:ff9b::a9fe:a9fe", "link-local"),
    ("192.0.2.10", "reserved"), ("198.18.0.1", "reserved"), ("240.0.0.1", "reserved"),
    ("255.255.255.255", "reserved"), ("0.1.2.3", "reserved"), ("2001:db8::1", "reserved"),
    ("8.8.8.8", None), ("93.184.216.34", None), ("172.32.0.1", None), ("100.128.0.1", None),
    ("2606:4700:4700::1111", None), ("::ffff:8.8.8.8", None),
])
def test_classify(address, kind):
    from watcher.fetch.guard import classify

    assert classify(ip_address(address)) == kind


def test_the_resolver_connects_only_to_the_public_addresses_it_returns():
    """What the connector connects to is the resolver's answer with every non-public address
    removed (so a name answering both a public and an internal address reaches only the public one),
    and a name with only non-public addresses is refused. aiohttp's own resolver is stubbed with a
    fixed DNS answer (no DNS server here)."""
    import asyncio

    from watcher.fetch.guard import GuardedResolver, Refused

    def answer(*hosts):
        return [{"hostname": "h", "host": h, "port": 80, "family": socket.AF_INET, "proto": 0, "flags": 0}
                for h in hosts]

    class Fixed:
        def __init__(self, hosts):
            self.hosts = hosts

        async def resolve(self, host, port=0, family=socket.AF_INET):
            return answer(*self.hosts)

        async def close(self):
            pass

    async def run():
        r = GuardedResolver(exempt=["proxy.corp"])
        r._inner = Fixed(["127.0.0.1", "93.184.216.34", "10.0.0.7"])
        assert [a["host"] for a in await r.resolve("rebind.example", 80)] == ["93.184.216.34"]
        r._inner = Fixed(["169.254.169.254"])
        with pytest.raises(Refused) as e:
            await r.resolve("metadata.example", 80)
        assert "169.254.169.254, a link-local address" in str(e.value)
        r._inner = Fixed(["10.0.0.7"])
        assert [a["host"] for a in await r.resolve("proxy.corp", 3128)] == ["10.0.0.7"]

    asyncio.run(run())
