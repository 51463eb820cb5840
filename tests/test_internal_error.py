"""An internal error in one source: logged with its traceback, one ``source_error`` alert, the
failing bytes remembered and skipped until the page changes, the other sources unaffected.

A real pass (:func:`watcher.passes.run_check`, worker processes, a real SQLite file) against
pages served on 127.0.0.1. The fault is injected by making one pipeline stage (the fault check,
which runs for every new page) raise on pages carrying a marker, so the same source recovers
when its page no longer carries it.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

import watcher.config.model as config_mod
from watcher import passes
from watcher.extract import faults
from watcher.store import Store

from .conftest import write_config
from .sitegen import ARTICLES, news_page

MARKER = "Injected-fault marker paragraph."
TITLE, PARAS = ARTICLES["county_budget"]


def page(*, failing: bool, extra: str = "") -> str:
    paras = list(PARAS) + ([MARKER] if failing else []) + ([extra] if extra else [])
    return news_page(TITLE, paras)


@pytest.fixture
def assess_calls(monkeypatch) -> list[str]:
    """The fault check raises on a page with MARKER; returns the texts it was called on."""
    calls: list[str] = []
    real = faults.assess

    def assess(doc, base_doc):
        calls.append(doc.text)
        if MARKER in doc.text:
            raise RuntimeError("injected failure in the fault check")
        return real(doc, base_doc)

    monkeypatch.setattr(faults, "assess", assess)  # the module the pipeline asks at each check
    return calls


def check_once(cfg_path: Path) -> tuple[dict, dict, list[dict]]:
    cfg = config_mod.load(cfg_path)
    store = Store(cfg.database_url)
    try:
        results = {r.source: r for r in passes.run_check(cfg, store)}
        return results, store.source_states(), store.alerts()
    finally:
        store.close()


def sources_table(cfg_path: Path) -> str:
    """`watcher sources` as a user runs it, wide enough not to fold the last error."""
    root = Path(__file__).resolve().parent.parent
    env = dict(os.environ, COLUMNS="400", PYTHONPATH=os.pathsep.join([str(root / "src"), str(root)]))
    env.pop("WATCHER_CONFIG", None)
    p = subprocess.run([sys.executable, "-m", "watcher", "sources", "--config", str(cfg_path)], capture_output=True,
                       text=True, timeout=60, env=env)
    assert p.returncode == 0, p.stderr
    return p.stdout


def last_error_shown(table: str, source_id: str) -> str:
    """The "last error" cell of ``source_id``'s row in `watcher sources` (rich folds long cells
    over several lines: their pieces are joined again)."""
    cells = [[c.strip() for c in line.split("│")[1:-1]] for line in table.splitlines() if line.startswith("│")]
    out: list[str] = []
    for row in cells:
        if row[0] and out:
            break
        if row[0] == source_id or (out and not row[0]):
            out.append(row[-1])
    return " ".join(x for x in out if x)


def test_internal_error_is_raised_once_skipped_until_the_page_changes(site, tmp_path, assess_calls, caplog):
    site.put("/ok", page(failing=False))
    site.put("/bad", page(failing=True))
    cfg = write_config(tmp_path, [{"id": "ok", "url": site.url("/ok")}, {"id": "bad", "url": site.url("/bad")}])

    with caplog.at_level(logging.ERROR, logger="watcher.check"):
        results, rows, alerts = check_once(cfg)
    assert results["ok"].outcome == "baseline"  # the failing source stops nobody
    assert results["bad"].outcome == "error" and "RuntimeError: injected failure" in results["bad"].message
    logged = [r for r in caplog.records if "check of bad failed" in r.getMessage()]
    assert logged and logged[0].exc_info and "Traceback" in caplog.text  # logged with its traceback
    errors = [a for a in alerts if a.kind == "source_error"]
    assert [a.source for a in errors] == ["bad"]
    assert "not processed again until it changes" in rows["bad"].last_error
    calls_after_first = len(assess_calls)

    site.put("/ok", page(failing=False, extra="The council will meet again on 4 July."))
    results, rows, alerts = check_once(cfg)  # the same failing bytes: skipped, not failed again
    assert results["bad"].outcome == "error" and results["ok"].outcome == "new_version"
    assert len(assess_calls) == calls_after_first + 1  # only "ok" reached the fault check
    assert [a.source for a in alerts if a.kind == "source_error"] == ["bad"]  # raised once
    assert "not processed again until it changes" in rows["bad"].last_error
    assert site.hits["/bad"] == 2  # still fetched: a changed page must be noticed
    shown = last_error_shown(sources_table(cfg), "bad")
    assert shown.startswith("internal error: RuntimeError") and shown.endswith("not processed again until it changes)")

    site.put("/bad", page(failing=False))  # the page changes: processed normally again
    results, rows, alerts = check_once(cfg)
    assert results["bad"].outcome == "baseline" and results["bad"].version == 1
    assert rows["bad"].last_error is None and rows["bad"].failures == 0
    assert [a.source for a in alerts if a.kind == "source_error"] == ["bad"]
    assert last_error_shown(sources_table(cfg), "bad") == ""
