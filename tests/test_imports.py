"""No import cycles inside the package — counting imports inside functions too, which is where a
cycle hides. The graph is read from the source (ast), so the test needs no import side effects."""

from __future__ import annotations

import ast
import os
import subprocess
import sys

from .conftest import ROOT, write_config

PKG = ROOT / "src" / "watcher"


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in PKG.rglob("*.py"):
        mod = ".".join(path.relative_to(PKG.parent).with_suffix("").parts).removesuffix(".__init__")
        pkg = mod if path.name == "__init__.py" else mod.rsplit(".", 1)[0]
        deps: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = pkg.rsplit(".", node.level - 1)[0] if node.level > 1 else pkg
                target = f"{base}.{node.module}" if node.module else base
                if node.module:
                    deps.add(target)
                else:
                    deps.update(f"{target}.{a.name}" for a in node.names)
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("watcher"):
                deps.add(node.module)
            elif isinstance(node, ast.Import):
                deps.update(a.name for a in node.names if a.name.startswith("watcher"))
        graph[mod] = {d for d in deps if d != mod}
    known = set(graph)
    return {m: {d for d in ds if d in known} for m, ds in graph.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in graph:
        if v not in index:
            visit(v)
    return out


def test_the_package_has_no_import_cycles():
    graph = _graph()
    assert len(graph) > 20 and graph["watcher.pipeline"], graph
    assert _cycles(graph) == []


# What a check of one page loads, read from the process that ran it: imports are most of a short
# check's time (SQLAlchemy, aiohttp and Typer alone take ~0.35 s), so what a check does not need
# must stay out of it.
_LOADED = """
import sys
from watcher.cli.main import main
sys.argv = ["watcher", "check", "--config", *sys.argv[1:]]
try:
    main()
except SystemExit as e:
    assert not e.code, e.code
wanted = ("trafilatura", "lxml", "watcher.extract.clean", "watcher.claims.numbers", "watcher.claims.compare",
          "warcio", "zlib_ng", "alembic", "sqlalchemy.dialects.postgresql", "rich")
print("loaded:", *(m for m in wanted if m in sys.modules))
"""


def _loaded_by_a_check(cfg, *args: str, env: dict[str, str] | None = None) -> set[str]:
    p = subprocess.run([sys.executable, "-c", _LOADED, str(cfg), *args], capture_output=True, text=True, timeout=120,
                       env={**os.environ, **(env or {})})
    assert p.returncode == 0, p.stderr
    return set(p.stdout.splitlines()[-1].split()[1:])


def test_a_check_of_one_page_loads_only_what_that_check_needs(site, tmp_path):
    site.put("/a", "<html><head><title>Port update</title></head><body><article>"
             + "".join(f"<p>The port authority said it handled {1200 + i} containers in week {i} of the "
                       f"year, up {i} percent on a year earlier.</p>" for i in range(8))
             + "</article></body></html>")
    cfg = write_config(tmp_path, [{"id": "port", "url": site.url("/a")}])
    # the first check extracts, cleans and captures the page, into a database made from the schema
    # (no Alembic; SQLite needs nothing of the PostgreSQL dialect) — with no baseline yet, nothing
    # to compare: no claim engine
    # (and no Rich: the output is captured, so its line is written as plain text)
    assert _loaded_by_a_check(cfg) == {"trafilatura", "lxml", "watcher.extract.clean", "warcio", "zlib_ng"}
    assert site.hits["/a"] == 1
    # the same page again: no extraction, no cleaning, no capture or compression, no comparison
    assert _loaded_by_a_check(cfg, "--json") == set()
    assert site.hits["/a"] == 2
    assert _loaded_by_a_check(cfg) == set()
    # a styled line (a terminal; here colour forced) is what Rich is for
    assert _loaded_by_a_check(cfg, env={"FORCE_COLOR": "1"}) == {"rich"}
