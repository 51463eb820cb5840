"""Benchmark: `watcher run` discovering and checking N articles from F feeds, on one machine.

A threaded server per loopback address (127.0.0.1 … 127.0.0.H) serves N synthetic ~25 KB article
pages (bench/bench.py's pages: three realistic markups with boilerplate) and F feeds, half RSS
(links with utm_* parameters, as feeds have them) and half sitemaps, each listing N/F articles
published within the last two days. `watcher run --log-json` starts with a config of the F
``[[feeds]]`` and nothing else; the run is measured until every article has been checked
``--rounds`` times (the ladder's first step is set to ``--every`` so that the second round comes
within the run; the default ladder would wait 15 minutes), then stopped with SIGTERM.

Printed: when the feeds were read and the articles all discovered, each round's duration and pages/s,
CPU per check of the service and its extraction workers (user + sys, from wait4), peak memory — PSS
of the service with its workers, sampled from /proc/PID/smaps_rollup every 0.2 s (pages shared
after fork counted once), as bench/bench.py does — and the peak RSS of the service alone.

usage: python bench/discover_bench.py [--articles 10000] [--feeds 50] [--hosts 20] [--rounds 2] [--every 60]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench.py, beside this file

from bench import _tree_rss_kb, page, sitegen  # noqa: E402


class Outlet:
    """Articles and feeds on ``hosts`` loopback addresses; article i is listed by feed i % feeds."""

    def __init__(self, articles: int, feeds: int, hosts: int) -> None:
        self.n, self.f = articles, feeds
        now = time.time()
        rnd = random.Random(7)
        self.published = [now - rnd.uniform(0, 2 * 86400) for _ in range(articles)]
        self.sites = [sitegen.LocalSite(self.answer, host=f"127.0.0.{h + 1}") for h in range(hosts)]

    def site(self, i: int) -> sitegen.LocalSite:
        return self.sites[i % len(self.sites)]

    def article_url(self, i: int) -> str:
        return self.site(i).url(f"/a/{i}")

    def feed_url(self, k: int) -> str:
        return self.site(k).url(f"/feed/{k}.xml" if k % 2 == 0 else f"/sitemap/{k}.xml")

    def answer(self, path: str):
        if path.startswith("/a/"):
            return page(int(path[3:]))
        k = int(path.rsplit("/", 1)[1].split(".")[0])
        ids = range(k, self.n, self.f)
        if path.startswith("/feed/"):
            items = "".join(f"<item><title>Story {i}</title><link>{self.article_url(i)}?utm_source=rss</link>"
                            f"<pubDate>{format_datetime(datetime.fromtimestamp(self.published[i], UTC), usegmt=True)}"
                            "</pubDate></item>" for i in ids)
            return 200, "application/rss+xml", f'<rss version="2.0"><channel><title>Feed {k}</title>{items}</channel></rss>'
        urls = "".join(f"<url><loc>{self.article_url(i)}</loc><lastmod>"
                       f"{datetime.fromtimestamp(self.published[i], UTC).isoformat()}</lastmod></url>" for i in ids)
        return 200, "application/xml", f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'

    def close(self) -> None:
        for s in self.sites:
            s.close()


def config(outlet: Outlet, feeds: int, per_feed: int, every: int) -> str:
    lines = ['state_dir = "state"', "[defaults]", "respect_robots = false"]
    for k in range(feeds):
        kind = "rss" if k % 2 == 0 else "sitemap"
        lines += ["[[feeds]]", f'id = "f{k}"', f'url = "{outlet.feed_url(k)}"', f'kind = "{kind}"',
                  f"max_articles = {per_feed}", "[feeds.defaults]", f'ladder = [["3d", "{every}s"]]']
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--feeds", type=int, default=50)
    ap.add_argument("--hosts", type=int, default=20)
    ap.add_argument("--rounds", type=int, default=2, help="checks of every article before the run is stopped")
    ap.add_argument("--every", type=int, default=60, help="seconds between checks of an article (its ladder)")
    ap.add_argument("--keep", type=Path)
    args = ap.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="watcher-discover-bench-"))
    shutil.rmtree(work / "state", ignore_errors=True)
    work.mkdir(parents=True, exist_ok=True)
    outlet = Outlet(args.articles, args.feeds, args.hosts)
    cfg = work / "watcher.toml"
    cfg.write_text(config(outlet, args.feeds, -(-args.articles // args.feeds), args.every))
    watcher = shutil.which("watcher", path=str(Path(sys.executable).parent)) or "watcher"
    log_path = work / "run.log"
    print(f"{args.articles} articles in {args.feeds} feeds on {args.hosts} loopback hosts, {os.cpu_count()} cores; "
          f"work dir {work}", flush=True)
    with log_path.open("w") as log:
        t0 = time.perf_counter()
        p = subprocess.Popen([watcher, "run", "--log-json", "--config", str(cfg)], stderr=log,
                             stdout=subprocess.DEVNULL)
    peak = [0]

    def sample() -> None:
        while p.returncode is None:
            peak[0] = max(peak[0], _tree_rss_kb(p.pid))
            time.sleep(0.2)

    threading.Thread(target=sample, daemon=True).start()
    seen: dict[str, int] = {}
    marks: dict[str, float] = {}
    offset = 0
    feeds_read = 0
    errors = 0
    while True:
        time.sleep(0.5)
        with log_path.open() as f:
            f.seek(offset)
            chunk = f.read()
        done = chunk.rfind("\n") + 1
        offset += len(chunk[:done].encode())
        for line in chunk[:done].splitlines():
            try:
                r = json.loads(line)
            except json.JSONDecodeError:
                continue
            if r.get("event") == "feed":
                feeds_read += 1
                if feeds_read == args.feeds:
                    marks["feeds read"] = time.perf_counter() - t0
            elif r.get("event") == "check":
                n = seen[r["source"]] = seen.get(r["source"], 0) + 1
                errors += r["outcome"] == "error"
                if len(seen) == args.articles and "discovered and checked once" not in marks:
                    marks["discovered and checked once"] = time.perf_counter() - t0
                if n >= args.rounds and sum(1 for v in seen.values() if v >= args.rounds) == args.articles:
                    marks[f"checked {args.rounds}×"] = time.perf_counter() - t0
        if f"checked {args.rounds}×" in marks or p.poll() is not None:
            break
    p.send_signal(signal.SIGTERM)
    _, status, ru = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - t0
    outlet.close()
    checks = sum(seen.values())
    print(f"exit {p.returncode}; {len(seen)} sources checked, {checks} checks ({errors} errors) in {wall:.1f} s")
    for what, t in marks.items():
        print(f"  {what:30s} at {t:7.1f} s")
    once = marks.get("discovered and checked once")
    if once:
        print(f"  first round: {args.articles / once:.0f} pages/s (discovery, staggered start and first "
              "extraction of every article included)")
    print(f"CPU (service + workers, wait4): {ru.ru_utime + ru.ru_stime:.1f} s = "
          f"{(ru.ru_utime + ru.ru_stime) / max(checks, 1) * 1000:.2f} ms per check")
    print(f"peak PSS of the service with its workers: {peak[0] / 1024:.0f} MB; peak RSS of the service alone: "
          f"{ru.ru_maxrss / 1024:.0f} MB (largest of it and its reaped workers)")
    return 0 if p.returncode == 0 and len(seen) == args.articles else 1


if __name__ == "__main__":
    sys.exit(main())
