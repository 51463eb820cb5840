"""fetch(): bounds, redirects, retries, robots.txt and politeness, against real servers on 127.0.0.1."""

from __future__ import annotations

import asyncio
import gzip
import math
import socket
import time
import tracemalloc
import zlib
from email.utils import formatdate

import pytest

from watcher.fetch import FetchResult, Politeness, fetch, make_client

from .fixtures import fault_server as fs

PAGE = "<html><head><title>T</title></head><body><p>" + "Hello world. " * 200 + "</p></body></html>"


@pytest.fixture
def server():
    s = fs.FaultServer().start()
    yield s
    s.stop()


def get(url: str, **kw) -> FetchResult:
    return asyncio.run(_get(url, **kw))


async def _get(url: str, **kw) -> FetchResult:
    async with make_client("watcher-test/1.0") as client:
        return await fetch(client, url, **kw)


def get_many(urls: list[str], polite: Politeness | None = None, **kw) -> list[FetchResult]:
    async def main():
        async with make_client("watcher-test/1.0") as client:
            p = polite or Politeness()
            return await asyncio.gather(*(fetch(client, u, polite=p, **kw) for u in urls))
    return asyncio.run(main())


# -- bounded memory -------------------------------------------------------------------------------


def get_with_peak(url: str, **kw) -> tuple[FetchResult, int]:
    """The result and the peak bytes Python allocated meanwhile (bytes objects included)."""
    tracemalloc.start()
    try:
        res = get(url, **kw)
        return res, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_gzip_bomb_stops_at_the_cap_without_being_allocated(server):
    server.routes["/bomb"] = fs.gzip_bomb(blocks=10240)  # 10 GB of zeros
    res, peak = get_with_peak(server.url("/bomb"), max_decompressed=2_000_000)
    assert res.error and "decompressed body too large (over 2,000,000 bytes" in res.error
    assert peak < 8_000_000, f"peak Python allocation {peak:,} bytes"  # httpx's own decoding: ~150 MB


def test_double_gzip_bomb_is_bounded_too(server):
    first, unit, _ = fs.bomb_parts(1000)
    inner = first + unit * 999  # 1 GB of zeros in ~1 MB, itself gzipped again to a few KB
    server.routes["/bomb2"] = fs.page(gzip.compress(inner), Content_Encoding="gzip, gzip")
    res, peak = get_with_peak(server.url("/bomb2"), max_decompressed=1_000_000)
    assert res.error and "decompressed body too large" in res.error
    assert peak < 8_000_000, f"peak Python allocation {peak:,} bytes"


def test_compressed_pages_are_inflated_whatever_the_flavour(server):
    body = PAGE.encode()
    half = len(body) // 2
    raw = zlib.compressobj(6, zlib.DEFLATED, -15)
    server.routes.update({
        "/gzip": fs.page(gzip.compress(body), Content_Encoding="gzip"),
        "/members": fs.page(gzip.compress(body[:half]) + gzip.compress(body[half:]), Content_Encoding="gzip"),
        "/deflate": fs.page(zlib.compress(body), Content_Encoding="deflate"),
        "/raw-deflate": fs.page(raw.compress(body) + raw.flush(), Content_Encoding="deflate"),
        "/br": fs.page(b"\x1b\x00\x00", Content_Encoding="br"),
        "/corrupt": fs.page(b"\x1f\x8b\x08\x00garbage-not-gzip", Content_Encoding="gzip"),
    })
    for path in ("/gzip", "/members", "/deflate", "/raw-deflate"):
        res = get(server.url(path))
        assert res.ok and res.body == body, (path, res.error)
    assert "unsupported content encoding 'br'" in get(server.url("/br")).error
    assert "bad content encoding" in get(server.url("/corrupt")).error
    assert server.seen[-1][1]["accept-encoding"] == "gzip, deflate"


def test_body_cap_applies_while_streaming_and_to_declared_length(server):
    server.routes["/huge"] = fs.chunked(50 * fs.MB)
    server.routes["/declared"] = fs.page(b"x" * 3_000_000)
    res = get(server.url("/huge"), max_bytes=2_000_000)
    assert res.error == "response too large (over 2,000,000 bytes)"
    assert get(server.url("/declared"), max_bytes=2_000_000).error.startswith("response too large (3,000,000")


# -- bounded time ---------------------------------------------------------------------------------


def test_read_timeout_and_total_timeout(server):
    server.routes["/hang"] = fs.hang(server)
    server.routes["/drip"] = fs.drip(server)
    t = time.monotonic()
    res = get(server.url("/hang"), timeout=10, read_timeout=1, respect_robots=False)
    assert res.error == "timed out waiting for the server" and time.monotonic() - t < 3
    t = time.monotonic()
    res = get(server.url("/drip"), timeout=2, read_timeout=1.5, respect_robots=False)
    assert res.error.startswith("timed out after 2 s in total") and time.monotonic() - t < 4


# -- redirects ------------------------------------------------------------------------------------


def test_redirects_are_followed_counted_and_limited(server):
    server.routes.update({"/a": fs.redirect("/b", 301), "/b": fs.redirect("/final", 307), "/final": fs.page(PAGE)})
    for i in range(12):
        server.routes[f"/r{i}"] = fs.redirect(f"/r{i + 1}")
    res = get(server.url("/a"))
    assert res.ok and res.final_url == server.url("/final") and res.redirects == 2
    assert get(server.url("/r0")).error == "too many redirects (more than 10)"
    assert get(server.url("/r0"), max_redirects=20).error == "HTTP 404 Not Found"


# -- retries --------------------------------------------------------------------------------------


def test_5xx_is_retried_with_growing_backoff_then_succeeds(server):
    server.routes["/flaky"] = fs.sequence(fs.page("down", status=503), fs.page("down", status=502), fs.page(PAGE))
    res = get(server.url("/flaky"))
    assert res.ok and res.attempts == 3
    t = server.times["/flaky"]
    assert t[1] - t[0] >= 0.24 and t[2] - t[1] >= 0.49  # 0.5 s then 1 s, each ±50 % jitter


def test_no_retries_when_configured_and_none_for_client_errors(server):
    server.routes["/down"] = fs.page("down", status=503)
    server.routes["/gone"] = fs.page("gone", status=404)
    assert get(server.url("/down"), retries=0).error == "HTTP 503 Service Unavailable"
    assert get(server.url("/gone")).error == "HTTP 404 Not Found"
    assert server.hits["/down"] == 1 and server.hits["/gone"] == 1


def test_retry_after_is_honoured_as_seconds_or_date(server):
    server.routes["/secs"] = fs.rate_limited(PAGE, retry_after="1")
    res = get(server.url("/secs"))
    assert res.ok and res.attempts == 2
    t = server.times["/secs"]
    assert t[1] - t[0] >= 0.95
    # an HTTP date has whole seconds: round up first, so the date is at least 2 s ahead, not 1.01 s
    server.routes["/date"] = fs.rate_limited(PAGE, retry_after=formatdate(math.ceil(time.time()) + 2, usegmt=True))
    assert get(server.url("/date")).ok
    t = server.times["/date"]
    assert t[1] - t[0] >= 0.95


def test_a_long_retry_after_or_one_beyond_the_budget_is_not_waited_for(server):
    server.routes["/later"] = fs.page("busy", status=429, Retry_After="3600")
    server.routes["/busy"] = fs.page("busy", status=503, Retry_After="3")
    t = time.monotonic()
    res = get(server.url("/later"))
    assert res.error == "HTTP 429 Too Many Requests (server asks to retry after 3600 s)"
    res = get(server.url("/busy"), timeout=2)
    assert res.error == "HTTP 503 Service Unavailable (no retry: waiting 3.0 s would pass the 2 s time limit)"
    assert time.monotonic() - t < 1.5 and server.hits["/later"] == 1 and server.hits["/busy"] == 1


def test_connection_refused_is_retried_then_reported():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    res = get(f"http://127.0.0.1:{port}/x")
    assert res.error.startswith("cannot connect") and res.attempts == 3


# -- robots.txt and politeness ---------------------------------------------------------------------


def test_robots_txt_disallow_is_honoured_unless_opted_out(server):
    server.routes["/robots.txt"] = fs.page("User-agent: *\nDisallow: /private\n", ctype="text/plain")
    server.routes["/private/page"] = fs.page(PAGE)
    server.routes["/public"] = fs.page(PAGE)
    res = get(server.url("/private/page"))
    assert "robots.txt" in res.error and "respect_robots = false" in res.error
    assert "/private/page" not in server.hits
    assert get(server.url("/public")).ok
    assert get(server.url("/private/page"), respect_robots=False).ok


def test_robots_rules_for_our_agent_beat_the_wildcard(server):
    server.routes["/robots.txt"] = fs.page("User-agent: watcher-test\nDisallow: /\n\nUser-agent: *\nAllow: /\n",
                                           ctype="text/plain")
    server.routes["/page"] = fs.page(PAGE)
    assert "disallows" in get(server.url("/page")).error
    assert get(server.url("/page"), user_agent="otherbot/2.0").ok


@pytest.mark.parametrize("robots", [fs.page("oops", status=500), fs.page("", status=404),
                                    fs.page(b"\x00\xff" * 100, ctype="application/octet-stream")])
def test_unreadable_or_missing_robots_txt_means_allowed(server, robots):
    server.routes["/robots.txt"] = robots
    server.routes["/page"] = fs.page(PAGE)
    assert get(server.url("/page")).ok


def test_hanging_robots_txt_costs_a_bounded_wait_then_allows(server):
    server.routes["/robots.txt"] = fs.hang(server)
    server.routes["/page"] = fs.page(PAGE)
    t = time.monotonic()
    assert get(server.url("/page"), timeout=1.5).ok
    assert time.monotonic() - t < 4


def test_robots_read_once_per_pass_and_crawl_delay_spaces_requests(server):
    server.routes["/robots.txt"] = fs.page("User-agent: *\nCrawl-delay: 1\n", ctype="text/plain")
    for p in ("/1", "/2", "/3"):
        server.routes[p] = fs.page(PAGE)
    res = get_many([server.url(p) for p in ("/1", "/2", "/3")])
    assert all(r.ok for r in res)
    assert server.hits["/robots.txt"] == 1
    starts = sorted(server.times["/1"] + server.times["/2"] + server.times["/3"])
    assert all(b - a >= 0.95 for a, b in zip(starts, starts[1:], strict=False)), starts


def test_min_delay_spaces_requests_and_default_does_not_throttle(server):
    server.routes["/p"] = fs.slow(fs.page(PAGE), 0.3)
    get_many([server.url("/p")] * 3, min_delay=0.5)
    t = server.times["/p"]
    assert all(b - a >= 0.45 for a, b in zip(t, t[1:], strict=False)), t
    server.times["/p"] = []
    start = time.monotonic()
    res = get_many([server.url("/p")] * 8, polite=Politeness(per_host=4))
    took = time.monotonic() - start
    assert all(r.ok for r in res)
    assert 0.55 < took < 1.5, took  # two waves of four: per-host limit, but no delay


def test_politeness_counts_hosts_without_credentials_but_robots_txt_is_asked_with_them():
    """Two sources with different logins on one host are one host to be polite to, and the origin
    (a key kept in the store) never holds a password; robots.txt is still asked for as the source
    would ask (a site behind a login may answer it only then)."""
    from watcher.fetch.polite import origin_of, robots_url

    assert origin_of("https://alice:pw@Example.com:8443/a?b=1") == "https://example.com:8443"
    assert origin_of("https://bob:other@example.com:8443/c") == origin_of("https://example.com:8443/")
    assert robots_url("https://alice:pw@example.com:8443/a?b=1") == "https://alice:pw@example.com:8443/robots.txt"
