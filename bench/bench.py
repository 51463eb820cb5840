"""Benchmark: three `watcher check` passes over N local article pages, optionally vs urlwatch.

A threaded server per host address (127.0.0.1 … 127.0.0.H, loopback only) serves N synthetic
article pages of ~25 KB with realistic markup and boilerplate (tests/sitegen.py). Passes:
  first    all pages new
  same     nothing changed
  changed  10 % of pages change one figure
Per pass: pages/s, wall time, CPU per page of the checker and its extraction workers (user + sys,
from wait4; the checker's own share sampled from /proc), that CPU as a multiple of the floor — trafilatura alone extracting the same pages in
one process, measured in the same run on both sides of the first pass (the mean of the two; the
first pass also shows its ratio against each) — p50/p95 per stage (fetch, extract, compare, store), peak
memory (PSS of the checker with its workers) and database bytes per stored version. With
--vs-urlwatch, urlwatch (installed into this environment on demand) checks the same pages in the
same run (html2text filter, method pyhtml2text) and the wall and CPU ratios are printed per pass.
With --profile each pass is run a second time, from the same state, under py-spy (all processes),
and its top 15 functions are printed. Last, `watcher check` of a one-source config is timed from
process start (its first check, then unchanged ones), beside the time importing the libraries it
stands on takes alone.

With --pages realworld the pages are instead the real ones of ../shared/realworld-dev/ (read there
at run time, served as they were saved, without a charset in the header so that every reader
detects it from the page): at most 199, from news sites, blogs and institutions in many languages,
~20–500 KB each. In the changed pass every tenth page has a figure inside one of its annotated
main-text snippets edited (as bench/realworld_claims.py edits them). On such pages trafilatura
itself costs ~10× what it costs on the synthetic ones, so the fixed costs per page (fetching,
storing, start-up) weigh far less in the ratios.

usage: python bench/bench.py [--n 500] [--hosts 20] [--pages synthetic|realworld] [--vs-urlwatch] [--profile]
                             [--keep DIR]
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
import threading
import time
from dataclasses import dataclass
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


class RealFarm(Farm):
    """The real pages of the development set, one per source (see the module doc)."""

    def __init__(self, n: int, hosts: int) -> None:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        import realworld_claims as rc

        self._rc = rc
        data = json.loads((rc.DATA / "evaldata.json").read_text())
        self.files = sorted(d["file"] for d in data.values())[:n]
        self.snippets = {d["file"]: d.get("with", []) for d in data.values()}
        self.n, self.pages = len(self.files), {}
        self.sites = [sitegen.LocalSite(self._answer, host=f"127.0.0.{h + 1}") for h in range(hosts)]

    def _answer(self, path: str) -> tuple[int, str, bytes] | None:
        body = self.pages.get(path)
        return None if body is None else (200, "text/html", body)

    def _edited(self, raw: bytes, file: str) -> bytes:
        """The page with the first figure of its first annotated main-text snippet that occurs
        once in it changed; as it was when it has none."""
        text = raw.decode("utf-8", errors="replace")
        for s in self.snippets[file]:
            if self._rc.NUM.search(s) and text.count(s) == 1:
                return text.replace(s, self._rc.bump(s)).encode("utf-8")
        return raw

    def publish(self, changed_every: int = 0) -> None:
        self.pages.clear()
        for i, f in enumerate(self.files):
            raw = (self._rc.DATA / "pages" / f).read_bytes()
            self.pages[f"/a/{i}"] = self._edited(raw, f) if changed_every and i % changed_every == 0 else raw


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


@dataclass
class Run:
    """One measured process: wall seconds, CPU seconds (user + sys of the process and every worker
    it started and reaped), peak RSS of the process and peak PSS of it with its workers, stdout."""

    wall: float
    cpu: float
    rss_kb: int
    pss_kb: int
    out: str
    own_cpu: float = 0.0  # of the process alone, without its workers (last /proc sample: ≤ 50 ms short)


def run_measured(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run ``cmd`` and measure it. CPU comes from ``wait4``: the kernel adds the user and system
    time of reaped children (the extraction workers) to the process's own, so one number covers
    the checker and its workers; PSS is sampled from /proc every 50 ms."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        t = time.perf_counter()
        p = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=err, text=True, env=env)
        peak = [0]
        own = [0.0]

        def sample() -> None:
            while p.returncode is None:
                peak[0] = max(peak[0], _tree_rss_kb(p.pid))
                own[0] = max(own[0], _own_cpu(p.pid))
                time.sleep(0.05)

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
        return Run(wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss, peak[0], out.read(), own[0])


def _own_cpu(pid: int) -> float:
    """User + system seconds of the process itself so far (not of its children), from /proc."""
    try:
        f = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    return (int(f[11]) + int(f[12])) / os.sysconf("SC_CLK_TCK")


FLOOR_SCRIPT = """
import sys, pathlib, trafilatura
for f in sorted(pathlib.Path(sys.argv[1]).glob("*.html")):
    trafilatura.extract(f.read_bytes())
"""


def floor(pages: dict[str, bytes], work: Path) -> Run:
    """The floor: trafilatura alone (default settings, as a plain script would call it) extracting
    the same pages in one process, its import included — what the page costs before watcher adds
    fetching, boilerplate evidence, claims and storage."""
    folder = work / "floor-pages"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    for k, (_, body) in enumerate(sorted(pages.items())):
        (folder / f"{k:06d}.html").write_bytes(body)
    return run_measured([sys.executable, "-c", FLOOR_SCRIPT, str(folder)], work)


def profiled(cmd: list[str], out: Path) -> list[str]:
    """``cmd`` under py-spy (sampling, all subprocesses: the checker and its extraction workers)."""
    spy = shutil.which("py-spy", path=str(Path(sys.executable).parent)) or shutil.which("py-spy")
    if not spy:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "py-spy"], check=True)
        spy = shutil.which("py-spy", path=str(Path(sys.executable).parent))
    return [str(spy), "record", "--subprocesses", "--rate", "400", "--format", "raw", "--nonblocking",
            "-o", str(out), "--", *cmd]


def top_functions(raw: Path, n: int = 15) -> list[str]:
    """The ``n`` functions with the most samples in a py-spy raw (collapsed stacks) file, merged over
    every process: self samples (the function was running) and total (it was on the stack)."""
    own: dict[str, int] = {}
    total: dict[str, int] = {}
    samples = 0
    for line in raw.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        k = int(count)
        frames = [f for f in stack.split(";") if not f.startswith("process ")]
        if not frames:
            continue
        samples += k
        own[frames[-1]] = own.get(frames[-1], 0) + k
        for f in set(frames):
            total[f] = total.get(f, 0) + k
    rows = sorted(own.items(), key=lambda kv: -kv[1])[:n]
    return [f"{k / max(1, samples):6.1%} self {total[f] / max(1, samples):6.1%} total  {f}" for f, k in rows]


def cpu_of(r: Run, n: int) -> float:
    """CPU ms per page of a measured run over ``n`` pages."""
    return r.cpu / n * 1000


def pct(xs: list[float], q: float) -> float:
    if not xs:
        return 0.0
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))]


PASSES = (("first", 0), ("same", 0), ("changed", 10))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=500)
    ap.add_argument("--hosts", type=int, default=20)
    ap.add_argument("--vs-urlwatch", action="store_true")
    ap.add_argument("--profile", action="store_true",
                    help="also run each pass under py-spy and print its top 15 functions (merged over workers)")
    ap.add_argument("--keep", type=Path)
    ap.add_argument("--pages", choices=("synthetic", "realworld"), default="synthetic")
    args = ap.parse_args()
    # the command measured as an installed wheel runs: its modules compiled ahead (an editable
    # install under PYTHONDONTWRITEBYTECODE would compile them from source at every start)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src")], check=False)
    work = args.keep or Path(tempfile.mkdtemp(prefix="watcher-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    farm = (RealFarm if args.pages == "realworld" else Farm)(args.n, args.hosts)
    args.n = farm.n
    watcher = shutil.which("watcher", path=str(Path(sys.executable).parent)) or "watcher"
    cfg = work / "watcher.toml"
    lines = ['state_dir = "state"', "[defaults]", "respect_robots = false"]
    for i in range(args.n):
        lines += ["[[sources]]", f'id = "a{i}"', f'url = "{farm.url(i)}"']
    cfg.write_text("\n".join(lines) + "\n")
    if args.vs_urlwatch:
        uw = setup_urlwatch(work, farm, args.n)
    print(f"{args.n} {args.pages} pages on {args.hosts} loopback hosts, {os.cpu_count()} cores; work dir {work}")
    farm.publish(0)
    fl = floor(farm.pages, work)
    floor_ms = cpu_of(fl, args.n)
    print(f"floor    trafilatura alone on the same pages: CPU {floor_ms:.2f} ms/page "
          f"({fl.cpu:.2f} s for {args.n}, its import included), before the passes", flush=True)
    cmd = [watcher, "check", "--json", "--config", str(cfg)]
    for name, every in PASSES:
        farm.publish(every)
        before = stored_bytes(work / "state" / "watcher.db")
        r = run_measured(cmd, work)
        spread = ""
        if name == "first":
            # the machine's speed moves by a third within minutes: the floor is measured on both
            # sides of the first pass, and every ratio is taken against the mean of the two
            again = cpu_of(floor(farm.pages, work), args.n)
            print(f"floor    again, right after the first pass: CPU {again:.2f} ms/page", flush=True)
            spread = f" ({cpu_of(r, args.n) / max(floor_ms, again):4.2f}–{cpu_of(r, args.n) / min(floor_ms, again):4.2f}× against each)"
            floor_ms = (floor_ms + again) / 2
        stored = stored_bytes(work / "state" / "watcher.db") - before
        rows = [json.loads(x) for x in r.out.splitlines() if x.startswith("{")]
        stages = {s: [row["timings"][s] * 1000 for row in rows if s in row.get("timings", {})]
                  for s in ("fetch", "extract", "compare", "store")}
        db = work / "state" / "watcher.db"
        size = sum(p.stat().st_size for p in db.parent.glob("watcher.db*"))
        versions, ratio = count_versions(db)
        cpu_ms = cpu_of(r, args.n)
        line = (f"{name:8s} {args.n / r.wall:7.1f} pages/s  wall {r.wall:6.2f}s  CPU {cpu_ms:6.2f} ms/page "
                f"= {cpu_ms / floor_ms:4.2f}× the floor{spread}  peak RSS {r.rss_kb / 1024:4.0f} MB "
                f"(PSS with workers {r.pss_kb / 1024:4.0f} MB)  "
                f"db {size / max(1, versions) / 1024:5.1f} KB/version, text stored at {ratio:.0%} of raw, "
                f"this pass stored {stored:,} bytes")
        line += (f"\n         of which the checker process {r.own_cpu / args.n * 1000:5.2f} ms/page, its extraction "
                 f"workers {(r.cpu - r.own_cpu) / args.n * 1000:5.2f} ms/page (the checker's own CPU is sampled "
                 f"from /proc every 50 ms)")
        line += "\n" + " " * 9 + "  ".join(f"{s} p50/p95 {statistics.median(v) if v else 0:.1f}/{pct(v, .95):.1f}ms"
                                            for s, v in stages.items())
        errors = [row for row in rows if row["outcome"] == "error"]
        if errors:
            line += f"  ERRORS {len(errors)}: {errors[0]['message']}"
        if args.vs_urlwatch:
            u = run_measured(uw, work)
            line += (f"\n{'':8s} urlwatch {args.n / u.wall:7.1f} pages/s  wall {u.wall:6.2f}s  "
                     f"CPU {cpu_of(u, args.n):6.2f} ms/page  peak RSS {u.rss_kb / 1024:.0f} MB"
                     f"  → watcher/urlwatch wall ratio {r.wall / u.wall:.2f}, CPU ratio {r.cpu / max(u.cpu, 1e-9):.2f}")
        print(line, flush=True)
        if args.profile:
            # the same pass again under the sampler: the store is reset to its state before the pass
            raw = work / f"profile-{name}.txt"
            saved = work / "state-measured"
            shutil.rmtree(saved, ignore_errors=True)
            shutil.copytree(work / "state", saved)
            _restore_state(work, name)
            run_measured(profiled(cmd, raw), work)
            print(f"         top functions of the {name} pass (py-spy, checker + workers):")
            for row in top_functions(raw):
                print("           " + row)
            shutil.rmtree(work / "state")
            shutil.move(saved, work / "state")
        _snapshot_state(work, name)
    one_source(farm, work, watcher)
    farm.close()
    return 0


ONE_SOURCE_RUNS = 5


def one_source(farm: Farm, work: Path, watcher: str) -> None:
    """`watcher check` of a config with one source, from process start to exit (target 0.3 s): its
    first check, then the median of ``ONE_SOURCE_RUNS`` unchanged ones, next to what importing the
    libraries the command stands on costs by itself in the same run (its floor as built)."""
    one = work / "one"
    shutil.rmtree(one, ignore_errors=True)
    one.mkdir()
    cfg = one / "watcher.toml"
    cfg.write_text(f'state_dir = "state"\n[[sources]]\nid = "one"\nurl = "{farm.url(0)}"\n')
    cmd = [watcher, "check", "--config", str(cfg)]
    first = run_measured(cmd, one).wall
    again = statistics.median(run_measured(cmd, one).wall for _ in range(ONE_SOURCE_RUNS))
    libs = [sys.executable, "-c", "import sqlalchemy, aiohttp, typer, pydantic, rich.console"]
    floor = statistics.median(run_measured(libs, one).wall for _ in range(ONE_SOURCE_RUNS))
    print(f"one source  `watcher check` from process start: first {first:.2f}s, unchanged {again:.2f}s "
          f"(median of {ONE_SOURCE_RUNS}); importing SQLAlchemy, aiohttp, Typer, pydantic and Rich "
          f"alone: {floor:.2f}s", flush=True)


def _snapshot_state(work: Path, name: str) -> None:
    """Keep the state as it was before the next pass, so a profiled re-run starts from it."""
    dst = work / f"state-after-{name}"
    shutil.rmtree(dst, ignore_errors=True)
    shutil.copytree(work / "state", dst)


def _restore_state(work: Path, name: str) -> None:
    """Put back the state the pass ``name`` started from (none before the first pass)."""
    order = [p for p, _ in PASSES]
    shutil.rmtree(work / "state", ignore_errors=True)
    k = order.index(name)
    if k:
        shutil.copytree(work / f"state-after-{order[k - 1]}", work / "state")


def count_versions(db: Path) -> tuple[int, float]:
    """Stored versions, and their compressed text size as a share of the raw text."""
    import sqlite3
    import zlib

    with sqlite3.connect(db) as c:
        rows = c.execute("select text_z from versions").fetchall()
    raw = sum(len(zlib.decompress(r[0])) for r in rows)
    return len(rows), sum(len(r[0]) for r in rows) / max(1, raw)


def stored_bytes(db: Path) -> int:
    """Bytes of what checks store for good — versions (text and left-out blocks) and alerts — as
    opposed to the bookkeeping updated in place (check times, validators)."""
    import sqlite3

    if not db.exists():
        return 0
    with sqlite3.connect(db) as c:
        v = c.execute("select coalesce(sum(length(text_z) + coalesce(length(ignored_z), 0)), 0) from versions").fetchone()
        a = c.execute("select coalesce(sum(length(coalesce(before, '')) + length(coalesce(after, '')) + "
                      "length(coalesce(data, '')) + length(coalesce(explanation, ''))), 0) from alerts").fetchone()
    return int(v[0]) + int(a[0])


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
