"""Benchmark: three `watcher check` passes over N local article pages, optionally vs urlwatch.

A threaded server per host address (127.0.0.1 … 127.0.0.H, loopback only) serves N synthetic
article pages of ~25 KB with realistic markup and boilerplate (tests/sitegen.py). Passes:
  first    all pages new
  same     nothing changed
  changed  10 % of pages change one figure
Per pass: pages/s, p50/p95 per stage (fetch, extract, compare, store), peak RSS of the checking
process and its extraction workers, database bytes per stored version. With --vs-urlwatch, urlwatch (installed into this
environment on demand) checks the same pages in the same run (html2text filter, method
pyhtml2text) and the time ratio is printed per pass.

usage: python bench/bench.py [--n 500] [--hosts 20] [--vs-urlwatch] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))  # the page generators live with the tests (tests/sitegen.py)

from tests import sitegen  # noqa: E402

SUBJECTS = ["the port authority", "the regional health board", "the defence ministry", "the central bank",
            "the water utility", "the transit agency", "the state auditor", "the fisheries council"]
TEMPLATES = [
    "{S} said on Tuesday that it had processed about {a:,} applications in the first quarter, up {p} percent "
    "from a year earlier, as demand continued to outstrip the capacity of its regional offices.",
    "According to estimates by {S}, the programme will cost an estimated ${m} million over the next {y} years, "
    "roughly {k} times the amount originally budgeted when the plan was announced.",
    "Officials said more than {b:,} households were affected, and that repairs may take between {d} and {d2} "
    "days depending on the weather and the availability of specialised crews.",
    "The report found that {p2} percent of inspected sites met the new standard, compared with {p3} percent "
    "in the previous survey, a gap that critics say reflects chronic underfunding.",
    "{S} appears to be preparing a second round of measures, though a spokesperson declined to say whether "
    "the {c:,} staff hired last year would be retained beyond the end of the fiscal year.",
    "Analysts at two independent research groups estimated that the shortfall could reach ${m2} million by "
    "the end of the decade unless contributions rise by at least {p4} percentage points.",
]


def article(i: int, changed: bool = False) -> tuple[str, list[str]]:
    r = random.Random(i)
    v = dict(S=r.choice(SUBJECTS).capitalize(), a=r.randint(1000, 90000), p=r.randint(2, 40),
             m=r.randint(10, 900), y=r.randint(2, 12), k=r.randint(2, 6), b=r.randint(500, 50000),
             d=r.randint(3, 9), d2=r.randint(10, 20), p2=r.randint(30, 60), p3=r.randint(61, 90),
             c=r.randint(100, 5000), m2=r.randint(50, 2000), p4=r.randint(1, 5))
    paras = []
    for k in range(14):
        t = TEMPLATES[(i + k) % len(TEMPLATES)]
        vals = {key: (val + k if isinstance(val, int) else val) for key, val in v.items()}
        paras.append(t.format(**vals))
    if changed:
        paras[3] = paras[3].replace("percent", "percent (revised)", 1) if "percent" not in paras[3] else \
            paras[3].replace(f"{v['p2'] + 3}", f"{v['p2'] + 13}", 1)
        paras[2] = paras[2] + f" The latest count stands at {v['a'] * 2:,}."
    return f"Budget update {i}: {v['S']} revises its figures", paras


def page(i: int, changed: bool = False) -> bytes:
    title, paras = article(i, changed)
    kind = i % 3
    if kind == 0:
        html = sitegen.magazine_page(title, paras, dek="What the new numbers mean",
                                     teasers=sitegen.rotate(sitegen.TEASER_POOL, 3, i))
    elif kind == 1:
        html = sitegen.thinktank_page(title, paras, caption="Officials at a briefing, June 3, 2024",
                                      credit="Photo by Staff via Reuters", bio="Jane Roe is a senior fellow at the institute.")
    else:
        html = sitegen.news_page(title, paras, sidebar=[t.title for t in sitegen.rotate(sitegen.TEASER_POOL, 4, i)],
                                 updated="Updated: June 5, 2024 10:30 am")
    pad = 25_000 - len(html)
    if pad > 0:  # analytics config blobs are what make real pages this heavy
        html = html.replace("</head>", f"<script>window.__CONFIG__={json.dumps({'k': 'x' * pad})}</script></head>")
    return html.encode("utf-8")


class Farm:
    """One local site per loopback host address; pages rendered once per pass."""

    def __init__(self, n: int, hosts: int) -> None:
        self.n, self.pages = n, {}
        self.sites = [sitegen.LocalSite(self.pages.get, host=f"127.0.0.{h + 1}") for h in range(hosts)]

    def url(self, i: int) -> str:
        return self.sites[i % len(self.sites)].url(f"/a/{i}")

    def publish(self, changed_every: int = 0) -> None:
        self.pages.clear()
        self.pages.update({f"/a/{i}": page(i, changed=bool(changed_every) and i % changed_every == 0)
                           for i in range(self.n)})

    def close(self) -> None:
        for s in self.sites:
            s.close()


def _rss_kb(pid: int) -> int:
    """Proportional set size: forked workers share pages with their parent, counted once."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _tree_rss_kb(pid: int) -> int:
    """Memory (PSS) of a process plus its direct children (the extraction workers), from /proc."""
    total = _rss_kb(pid)
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                if int((d / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    total += _rss_kb(int(d.name))
            except (OSError, ValueError, IndexError):
                continue
    return total


def run_measured(cmd: list[str], cwd: Path) -> tuple[float, tuple[int, int], str]:
    """Wall time, (peak RSS of the child, peak PSS of the child with its workers) in KB, stdout."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        t = time.perf_counter()
        p = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=err, text=True)
        peak = [0]

        def sample() -> None:
            while p.returncode is None:
                peak[0] = max(peak[0], _tree_rss_kb(p.pid))
                time.sleep(0.05)

        import threading

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t
        p.returncode = os.waitstatus_to_exitcode(status)
        sampler.join()
        out.seek(0)
        err.seek(0)
        if p.returncode != 0:
            raise SystemExit(f"{cmd[0]} failed ({p.returncode}): {err.read()[-2000:]}")
        return wall, (ru.ru_maxrss, peak[0]), out.read()


def pct(xs: list[float], q: float) -> float:
    if not xs:
        return 0.0
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=500)
    ap.add_argument("--hosts", type=int, default=20)
    ap.add_argument("--vs-urlwatch", action="store_true")
    ap.add_argument("--keep", type=Path)
    args = ap.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="watcher-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    farm = Farm(args.n, args.hosts)
    watcher = shutil.which("watcher", path=str(Path(sys.executable).parent)) or "watcher"
    cfg = work / "watcher.toml"
    lines = ['state_dir = "state"', "[defaults]", "respect_robots = false"]
    for i in range(args.n):
        lines += ["[[sources]]", f'id = "a{i}"', f'url = "{farm.url(i)}"']
    cfg.write_text("\n".join(lines) + "\n")
    if args.vs_urlwatch:
        uw = setup_urlwatch(work, farm, args.n)
    print(f"{args.n} pages on {args.hosts} loopback hosts, {os.cpu_count()} cores; work dir {work}")
    for name, every in (("first", 0), ("same", 0), ("changed", 10)):
        farm.publish(every)
        wall, rss, out = run_measured([watcher, "check", "--json", "--config", str(cfg)], work)
        rows = [json.loads(x) for x in out.splitlines() if x.startswith("{")]
        stages = {s: [r["timings"][s] * 1000 for r in rows if s in r.get("timings", {})]
                  for s in ("fetch", "extract", "compare", "store")}
        db = work / "state" / "watcher.db"
        size = sum(p.stat().st_size for p in db.parent.glob("watcher.db*"))
        versions, ratio = count_versions(db)
        line = (f"{name:8s} {args.n / wall:7.1f} pages/s  wall {wall:6.2f}s  peak RSS {rss[0] / 1024:4.0f} MB "
                f"(PSS with workers {rss[1] / 1024:4.0f} MB)  "
                f"db {size / max(1, versions) / 1024:5.1f} KB/version, text stored at {ratio:.0%} of raw")
        line += "  " + "  ".join(f"{s} p50/p95 {statistics.median(v) if v else 0:.1f}/{pct(v, .95):.1f}ms"
                                 for s, v in stages.items())
        errors = [r for r in rows if r["outcome"] == "error"]
        if errors:
            line += f"  ERRORS {len(errors)}: {errors[0]['message']}"
        if args.vs_urlwatch:
            uwall, urss, _ = run_measured(uw, work)
            line += f"\n{'':8s} urlwatch {args.n / uwall:7.1f} pages/s  wall {uwall:6.2f}s  peak RSS {urss[0] / 1024:.0f} MB" \
                    f"  → watcher/urlwatch time ratio {wall / uwall:.2f}"
        print(line, flush=True)
    farm.close()
    return 0


def count_versions(db: Path) -> tuple[int, float]:
    """Stored versions, and their compressed text size as a share of the raw text."""
    import sqlite3
    import zlib

    with sqlite3.connect(db) as c:
        rows = c.execute("select text_z from versions").fetchall()
    raw = sum(len(zlib.decompress(r[0])) for r in rows)
    return len(rows), sum(len(r[0]) for r in rows) / max(1, raw)


def setup_urlwatch(work: Path, farm: Farm, n: int) -> list[str]:
    """Install urlwatch into this environment if needed and write its jobs for the same pages."""
    exe = shutil.which("urlwatch", path=str(Path(sys.executable).parent))
    if not exe:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "urlwatch", "html2text"], check=True)
        exe = shutil.which("urlwatch", path=str(Path(sys.executable).parent))
    jobs = work / "urls.yaml"
    jobs.write_text("\n---\n".join(f"name: a{i}\nurl: {farm.url(i)}\nfilter:\n  - html2text:\n      method: pyhtml2text"
                                   for i in range(n)) + "\n")
    conf = work / "urlwatch.yaml"
    conf.write_text("report:\n  text:\n    enabled: false\n  stdout:\n    enabled: false\n")
    return [exe, "--urls", str(jobs), "--config", str(conf), "--cache", str(work / "urlwatch-cache.db")]


if __name__ == "__main__":
    sys.exit(main())
