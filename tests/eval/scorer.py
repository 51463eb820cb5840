"""Score claim alerts end to end: serve each scenario step over HTTP, run a real check, match alerts.

For every scenario a fresh state dir and config (one ``[[sources]]`` pointing at a local
``http.server``) are written, and :func:`watcher.passes.run_check` runs in-process after each
step (the same path as ``watcher check``). The first check sets the baseline — or, for a scenario
with ``seed``, the seed file is the baseline and that first fetch is itself scored (expect nothing).

Scoring, per step, on the alerts that step added (``store.alerts(since_id=…)``):

* a claim alert (estimate_changed, claim_changed, claim_removed, claim_added) matching an expected
  ``(kind, substring)`` is a true positive; unmatched claim alerts are false positives; unmatched
  expectations are false negatives (one alert per expectation: a duplicate is a false positive);
* ``source_warning`` / ``source_error`` are scored separately (expected warnings found / missed,
  unexpected fault alerts); ``text_changed`` is ignored.

Results are broken down per markup (the native ones extraction was developed on and the unseen
ones of :mod:`tests.eval.markups`), and the real-page figure edits of
``bench/realworld_claims.py`` are added per half of ../shared/realworld-dev (half A: first hex
digit of sha1(file name) even; half B: odd), so a rule tuned on one half shows on the other.

Scenarios run in parallel worker processes (``WATCHER_EVAL_JOBS``, default: the CPU count, at most
4), each with its own local server: the set is ~8,000 steps (2–3 minutes on 2 cores) and must stay
inside the test suite's time budget on a 2-core machine. ``WATCHER_EVAL_JOBS=1`` runs everything in
this process. Workers are spawned (not forked: the caller, e.g. pytest, may hold threads), so a
script calling :func:`evaluate` needs the usual ``if __name__ == "__main__":`` guard.

``python -m tests.eval.scorer`` prints the failing steps, the per-markup / per-half table and the
totals; :func:`evaluate` returns them.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from tests.eval.scenarios import (
    CLAIM_KINDS,
    FAULT_KINDS,
    MARKUPS,
    NATIVE_MARKUPS,
    SCENARIOS,
    Expect,
    Scenario,
    Step,
    render,
    stats,
)
from watcher.demo import LocalSite
from watcher.store import AlertRecord

# ------------------------------------------------------------------------------------------ server


class PageServer:
    """One local site (watcher.demo.localsite.LocalSite) for the whole run; page contents swapped per step."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[int, str, bytes]] = {}

    def __enter__(self) -> PageServer:
        self.site = LocalSite(lambda path: self.pages.get(path.split("?", 1)[0]))
        return self

    def __exit__(self, *exc) -> None:
        self.site.close()

    def url(self, path: str) -> str:
        return self.site.url(path)

    def set(self, path: str, html: str, status: int = 200) -> None:
        self.pages[path] = (status, "text/html; charset=utf-8", html.encode("utf-8"))


# ------------------------------------------------------------------------------------------ matching


@dataclass
class StepResult:
    scenario: str
    markup: str
    step: str
    expect: tuple[Expect, ...]
    claims: list[AlertRecord]  # claim alerts this step raised
    faults: list[AlertRecord]  # source_warning / source_error alerts this step raised
    matched: list[tuple[Expect, AlertRecord]] = field(default_factory=list)
    missing: list[Expect] = field(default_factory=list)
    unexpected: list[AlertRecord] = field(default_factory=list)
    fault_missing: list[Expect] = field(default_factory=list)
    fault_unexpected: list[AlertRecord] = field(default_factory=list)
    outcome: str = ""

    @property
    def harmless(self) -> bool:
        return not self.expect

    @property
    def failed(self) -> bool:
        return bool(self.missing or self.unexpected or self.fault_missing or self.fault_unexpected)


def _hits(e: Expect, a: AlertRecord) -> bool:
    if a.kind != e.kind:
        return False
    hay = " ".join(t or "" for t in (a.before, a.after, a.explanation)).casefold()
    expl = (a.explanation or "").casefold()
    return e.text.casefold() in hay and all(w.casefold() in expl for w in e.explains)


def _match(expected: list[Expect], got: list[AlertRecord]
           ) -> tuple[list[tuple[Expect, AlertRecord]], list[Expect], list[AlertRecord]]:
    """Maximum one-to-one matching of expectations to alerts (augmenting paths; sets are tiny)."""
    owner: dict[int, int] = {}  # alert index -> expectation index

    def augment(i: int, seen: set[int]) -> bool:
        for j, a in enumerate(got):
            if j in seen or not _hits(expected[i], a):
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(expected)):
        augment(i, set())
    matched = [(expected[i], got[j]) for j, i in sorted(owner.items(), key=lambda x: x[1])]
    missing = [e for i, e in enumerate(expected) if i not in owner.values()]
    unexpected = [a for j, a in enumerate(got) if j not in owner]
    return matched, missing, unexpected


def score_step(sc: Scenario, st: Step | None, name: str, new_alerts: list[AlertRecord], outcome: str) -> StepResult:
    expect = st.expect if st else ()
    claims = [a for a in new_alerts if a.kind in CLAIM_KINDS]
    faults = [a for a in new_alerts if a.kind in FAULT_KINDS]
    r = StepResult(sc.id, sc.markup, name, expect, claims, faults, outcome=outcome)
    r.matched, r.missing, r.unexpected = _match([e for e in expect if e.is_claim], claims)
    _, r.fault_missing, r.fault_unexpected = _match([e for e in expect if e.kind in FAULT_KINDS], faults)
    return r


# ------------------------------------------------------------------------------------------ running


def _toml_str(s: str) -> str:
    return "'" + s.replace("'", "") + "'"  # literal string: no escapes (paths and URLs only)


def run_scenario(sc: Scenario, server: PageServer, verbose: bool = False) -> list[StepResult]:
    import watcher.config.model as config_mod
    from watcher.passes import run_check
    from watcher.store import Store

    path = f"/{sc.id}/article.html"
    results: list[StepResult] = []
    with tempfile.TemporaryDirectory(prefix=f"watcher-eval-{sc.id}-") as tmp:
        cfg_file = Path(tmp) / "watcher.toml"
        lines = ['state_dir = "state"', "", "[[sources]]", f'id = "{sc.id}"', f"url = {_toml_str(server.url(path))}"]
        if sc.seed is not None:
            lines.append(f"baseline = {_toml_str(str(sc.seed))}")
        cfg_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
        cfg = config_mod.load(cfg_file)
        store = Store(cfg.database_url)
        try:
            last_id = 0

            def check() -> tuple[list[AlertRecord], str]:
                nonlocal last_id
                res = run_check(cfg, store)
                new = store.alerts(source=sc.id, since_id=last_id)
                if new:
                    last_id = max(a.id for a in new)
                outcome = ",".join(f"{r.outcome}{': ' + r.message if r.message else ''}" for r in res)
                return new, outcome

            state = sc.initial_state()
            server.set(path, render(sc, state))
            new, outcome = check()
            if sc.seed is not None:  # the first fetch is compared with the seed: nothing should alert
                results.append(score_step(sc, None, "00 first fetch vs seed baseline", new, outcome))
            for n, (st, state) in enumerate(sc.states(), start=1):
                server.set(path, render(sc, state))
                new, outcome = check()
                results.append(score_step(sc, st, f"{n:02d} {st.name}", new, outcome))
                if verbose:
                    r = results[-1]
                    mark = "FAIL" if r.failed else "ok  "
                    print(f"  {mark} {sc.id} / {r.step}  [{outcome}]", file=sys.stderr)
        finally:
            store.close()
    return results


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


# ------------------------------------------------------------------------------------------ parallel run

HALVES = ("A", "B")
_server: PageServer | None = None  # one per worker process


def _local_env(empty_dir: str) -> dict[str, str | None]:
    """Environment for checks of pages on 127.0.0.1 (inherited by the workers); returns the saved
    values for :func:`_restore_env`.

    * the local server is never reached through a proxy (``NO_PROXY``);
    * the CA store is an empty directory: every check builds an HTTP client, and loading the CA
      bundle into each one was about half the CPU time of the set, for plain-http local pages that
      never use it (``SSL_CERT_DIR`` is read lazily; ``SSL_CERT_FILE`` would win, so it is unset).
    """
    saved = {k: os.environ.get(k) for k in ("NO_PROXY", "no_proxy", "SSL_CERT_DIR", "SSL_CERT_FILE")}
    for k in ("NO_PROXY", "no_proxy"):
        os.environ[k] = ",".join(x for x in (saved[k], "127.0.0.1", "localhost") if x)
    os.environ["SSL_CERT_DIR"] = empty_dir
    os.environ.pop("SSL_CERT_FILE", None)
    return saved


def _restore_env(saved: dict[str, str | None]) -> None:
    for k, v in saved.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


def _worker_init() -> None:
    """Start this process's own local server: scenarios use distinct paths, but a server per
    process keeps the workers independent (its daemon threads end with the worker)."""
    global _server
    _server = PageServer().__enter__()


def _worker_stop() -> None:
    global _server
    if _server is not None:
        _server.__exit__()
        _server = None


def _realworld_half(half: str) -> dict | None:
    """bench/realworld_claims.py on one half, or None when ../shared/realworld-dev is absent."""
    bench = Path(__file__).resolve().parents[2] / "bench"
    if str(bench) not in sys.path:
        sys.path.insert(0, str(bench))
    import realworld_claims

    if not (realworld_claims.DATA / "evaldata.json").exists():
        return None
    r = realworld_claims.evaluate(half=half)
    main, boiler = r["tp"] + r["fn"], r["fp"] + r["tn"]
    return {
        "half": half,
        "main_text_edits": main,
        "main_text_alerted": r["tp"],
        "main_text_shown": r["shown"],  # alerted with both the old and the new figure in the alert
        "boilerplate_edits": boiler,
        "boilerplate_alerted": r["fp"],
        "main_text_recall": _ratio(r["tp"], main),
        "main_text_shown_recall": _ratio(r["shown"], main),
        "boilerplate_alert_rate": r["fp"] / boiler if boiler else 0.0,
        "failures": [" | ".join(f) for f in r["failures"]],
    }


def _task(job: tuple[str, str | int], verbose: bool = False) -> tuple[str, str | int, object]:
    kind, key = job
    if kind == "half":
        return kind, key, _realworld_half(str(key))
    assert _server is not None
    return kind, key, run_scenario(SCENARIOS[int(key)], _server, verbose)


def _task_verbose(job: tuple[str, str | int]) -> tuple[str, str | int, object]:
    return _task(job, verbose=True)


def _jobs() -> list[tuple[str, str | int]]:
    """Longest first, so the workers finish together: the real-page halves, then big scenarios."""
    order = sorted(range(len(SCENARIOS)), key=lambda i: -len(SCENARIOS[i].steps))
    return [("half", h) for h in HALVES] + [("scenario", i) for i in order]


def _workers() -> int:
    env = os.environ.get("WATCHER_EVAL_JOBS")
    return max(1, int(env)) if env else min(4, os.cpu_count() or 1)


def run_all(verbose: bool = False, workers: int | None = None) -> tuple[list[StepResult], dict[str, dict | None]]:
    """Every scenario's step results (in set order) and the realworld rows per half."""
    workers = workers or _workers()
    done: dict[tuple[str, str | int], object] = {}
    empty = tempfile.TemporaryDirectory(prefix="watcher-eval-no-ca-")
    saved = _local_env(empty.name)
    try:
        if workers == 1:
            _worker_init()
            try:
                for job in _jobs():
                    done[job[:2]] = _task(job, verbose)[2]
            finally:
                _worker_stop()
        else:
            ctx = multiprocessing.get_context("spawn")  # no fork of a process that may hold threads
            with ctx.Pool(workers, initializer=_worker_init) as pool:
                fn = _task_verbose if verbose else _task
                for kind, key, res in pool.imap_unordered(fn, _jobs()):
                    done[(kind, key)] = res
    finally:
        _restore_env(saved)
        empty.cleanup()
    results = [r for i in range(len(SCENARIOS)) for r in done[("scenario", i)]]
    return results, {h: done[("half", h)] for h in HALVES}


# ------------------------------------------------------------------------------------------ scoring


def _counts(results: list[StepResult]) -> dict:
    """TP/FP/FN, precision, recall and false alerts per 100 harmless steps of some step results."""
    tp = sum(len(r.matched) for r in results)
    fp = sum(len(r.unexpected) for r in results)
    fn = sum(len(r.missing) for r in results)
    harmless = [r for r in results if r.harmless]
    harmless_fp = sum(len(r.unexpected) for r in harmless)
    fault_expected = sum(1 for r in results for e in r.expect if e.kind in FAULT_KINDS)
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    return {
        "scored_steps": len(results),
        "tp": tp, "fp": fp, "fn": fn,
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "harmless_scored": len(harmless),
        "harmless_steps_with_claim_alerts": sum(1 for r in harmless if r.unexpected),
        "false_alerts_per_100_harmless": 100.0 * harmless_fp / len(harmless) if harmless else 0.0,
        "faults_expected": fault_expected,
        "faults_detected": fault_expected - sum(len(r.fault_missing) for r in results),
        "unexpected_fault_alerts": sum(len(r.fault_unexpected) for r in results),
        "failed_steps": sum(r.failed for r in results),
    }


def evaluate(verbose: bool = False, workers: int | None = None) -> dict:
    """Run every scenario and both realworld halves; return the totals (counts, precision, recall,
    false alerts per 100 harmless steps, failing steps), ``by_markup`` (the same counts per markup,
    plus its failures) and ``realworld`` (per half: main-text edits alerted / shown, boilerplate
    edits alerted; ``{}`` when ../shared/realworld-dev is absent)."""
    t0 = time.monotonic()
    results, halves = run_all(verbose, workers)
    by_kind: dict[str, Counter] = {k: Counter() for k in CLAIM_KINDS}
    for r in results:
        for e, _ in r.matched:
            by_kind[e.kind]["tp"] += 1
        for e in r.missing:
            by_kind[e.kind]["fn"] += 1
        for a in r.unexpected:
            by_kind[a.kind]["fp"] += 1
    by_markup = {}
    for m in MARKUPS:
        rs = [r for r in results if r.markup == m]
        if rs:
            by_markup[m] = {**_counts(rs), "native": m in NATIVE_MARKUPS,
                            "failures": [_failure(r) for r in rs if r.failed]}
    return {
        **stats(),
        **_counts(results),
        "by_kind": {k: dict(v) for k, v in by_kind.items()},
        "failures": [_failure(r) for r in results if r.failed],
        "by_markup": by_markup,
        "realworld": {h: v for h, v in halves.items() if v is not None},
        "seconds": time.monotonic() - t0,
    }


# ------------------------------------------------------------------------------------------ report


def _short(s: str | None, n: int = 110) -> str:
    s = " ".join((s or "").split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _alert_line(a: AlertRecord) -> str:
    parts = [a.kind, f"expl={_short(a.explanation, 120)!r}"]
    if a.before:
        parts.append(f"before={_short(a.before, 90)!r}")
    if a.after:
        parts.append(f"after={_short(a.after, 90)!r}")
    return " ".join(parts)


def _failure(r: StepResult) -> dict:
    return {
        "scenario": r.scenario,
        "markup": r.markup,
        "step": r.step,
        "outcome": r.outcome,
        "expected": [str(e) for e in r.expect],
        "missing": [str(e) for e in r.missing + r.fault_missing],
        "unexpected": [_alert_line(a) for a in r.unexpected + r.fault_unexpected],
        "got": [_alert_line(a) for a in r.claims + r.faults],
    }


def format_failures(failures: list[dict]) -> str:
    out = []
    for f in failures:
        out.append(f"[{f['scenario']}] {f['step']}   (check: {f['outcome']})")
        out.append(f"    expected : {', '.join(f['expected']) or '(no claim alert)'}")
        if f["missing"]:
            out.append(f"    missing  : {', '.join(f['missing'])}")
        for line in f["got"] or ["(no claim or fault alert)"]:
            flag = "  ✗" if line in f["unexpected"] else "   "
            out.append(f"    got{flag}   {line}")
    return "\n".join(out)


def format_table(res: dict) -> str:
    """One row per markup (``*`` = native: extraction was developed on it) and per realworld half."""
    out = [f"{'markup':<14}{'steps':>6}{'TP':>5}{'FP':>5}{'FN':>5}{'prec':>7}{'recall':>7}{'FA/100h':>9}",
           "-" * 58]
    for m, v in res["by_markup"].items():
        name = m + ("*" if v["native"] else "")
        out.append(f"{name:<14}{v['scored_steps']:>6}{v['tp']:>5}{v['fp']:>5}{v['fn']:>5}{v['precision']:>7.2f}"
                   f"{v['recall']:>7.2f}{v['false_alerts_per_100_harmless']:>9.1f}")
    if res["realworld"]:
        out += ["", f"{'realworld':<14}{'main-text edits alerted':>26}{'with both figures':>20}"
                    f"{'boilerplate edits alerted':>28}", "-" * 88]
        for h, v in res["realworld"].items():
            n = v["main_text_edits"]
            out.append(f"{'half ' + h:<14}{v['main_text_alerted']:>8}/{n:<4} ({v['main_text_recall']:6.1%})"
                       f"{v['main_text_shown']:>8}/{n:<4}({v['main_text_shown_recall']:6.1%})"
                       f"{v['boilerplate_alerted']:>12}/{v['boilerplate_edits']:<4}({v['boilerplate_alert_rate']:6.1%})")
    return "\n".join(out)


def format_report(res: dict) -> str:
    lines = ["", "failing steps (✗ = unexpected alert):", "", format_failures(res["failures"]) or "(none)", "",
             "per markup (* = native) and per realworld half (sha1(file name) first hex digit even = A):", "",
             format_table(res), "",
             "totals:",
             f"  set            : {res['steps']} steps ({res['claim_steps']} claim, {res['harmless_steps']} harmless, "
             f"{res['fault_steps']} fault), {res['scenarios']} scenarios, {res['articles']} articles, "
             f"{res['markups']} markups",
             f"  claim alerts   : TP {res['tp']}  FP {res['fp']}  FN {res['fn']}",
             f"  precision      : {res['precision']:.3f}",
             f"  recall         : {res['recall']:.3f}",
             f"  F1             : {res['f1']:.3f}",
             f"  false alerts   : {res['false_alerts_per_100_harmless']:.1f} per 100 harmless steps "
             f"({res['harmless_steps_with_claim_alerts']} of {res['harmless_scored']} harmless steps alerted)",
             f"  faults         : {res['faults_detected']}/{res['faults_expected']} detected, "
             f"{res['unexpected_fault_alerts']} unexpected source warnings/errors",
             "  by kind        : " + "; ".join(
                 f"{k} tp={v.get('tp', 0)} fn={v.get('fn', 0)} fp={v.get('fp', 0)}" for k, v in res["by_kind"].items()),
             f"  failing steps  : {res['failed_steps']} of {res['scored_steps']}",
             f"  time           : {res['seconds']:.1f} s"]
    return "\n".join(lines)


if __name__ == "__main__":
    print(format_report(evaluate(verbose="-v" in sys.argv[1:])))
