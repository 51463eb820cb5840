"""The whole pipeline over every real page of ``../shared/realworld-dev``, then over edited
versions of it, must never meet an internal error.

Per page: its extraction is stored as the baseline, then consecutive versions made from edits
that hypothesis draws — numbers changed, inserted or deleted, paragraphs deleted, duplicated,
reordered, merged or split, a sentence with a figure inserted — go through
:func:`watcher.pipeline.process` exactly as a check runs it: fault check, a version in a real
SQLite file, comparison with the baseline, ``alerts.record_findings``. The versions are an edit,
a further edit, the baseline's text again ("back to baseline") and the first edit again
("again"), so every alert path runs. A sample of pages is also edited in its HTML and extracted
again. Any exception is an internal error (a check would report it as ``source_error``).

Bounded for the suite: pages are extracted once, in worker processes; few examples per page,
``derandomize`` for the same examples on every run, no deadline (large pages are slow).
"""

from __future__ import annotations

import hashlib
import os
import re
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from watcher import pipeline
from watcher.config import Source
from watcher.extract import Document, decode, extract
from watcher.fetch import FetchResult
from watcher.store import Store

from .conftest import once_per_run

pytestmark = pytest.mark.slow  # `make test-fast` leaves it out; `make test` and CI run it

PAGES = Path(__file__).resolve().parent.parent.parent / "shared" / "realworld-dev" / "pages"
NAMES = sorted(p.name for p in PAGES.glob("*.html")) if PAGES.is_dir() else []
HTML_SAMPLE = NAMES[::8]  # pages also edited in their HTML (each edit costs an extraction)
EXAMPLES = int(os.environ.get("WATCHER_REALWORLD_EXAMPLES", "2"))  # more for a longer hunt
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                           HealthCheck.data_too_large])
needs_pages = pytest.mark.skipif(not NAMES, reason=f"real pages not found at {PAGES}")

NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
FIGURE_SENTENCES = ("The agency said 3,400 households were affected, up 12 percent from 2022.",
                    "Officials put the cost at $4.5 million, about 0.3% of the annual budget.",
                    "Laut Behörde waren es 1.250 Fälle, 17 Prozent mehr als im Vorjahr.")


def _extract_file(name: str) -> Document:
    return extract((PAGES / name).read_bytes())


@pytest.fixture
def db_dir(tmp_path: Path):
    """Where the examples' SQLite files go: memory-backed when the machine has /dev/shm (a real
    file all the same; only the fsync of each check's commit is not paid ~2,000 times)."""
    shm = Path("/dev/shm")
    if not (shm.is_dir() and os.access(shm, os.W_OK)):
        yield tmp_path
        return
    import tempfile

    with tempfile.TemporaryDirectory(dir=shm, prefix="watcher-test-") as d:
        yield Path(d)


def _extract_all() -> dict[str, Document]:
    with ProcessPoolExecutor(max_workers=os.cpu_count(), mp_context=get_context("fork")) as pool:
        return dict(zip(NAMES, pool.map(_extract_file, NAMES, chunksize=4), strict=True))


@pytest.fixture(scope="session")
def extracted(tmp_path_factory, worker_id) -> dict[str, Document]:
    """Every page extracted once, in worker processes (as the service extracts) — once per run,
    however many xdist workers ask for it."""
    return once_per_run(tmp_path_factory, worker_id, "realworld-extracted", _extract_all)


# -- edits ---------------------------------------------------------------------------------------

EDIT_KINDS = ("change_number", "insert_number", "delete_number", "delete", "duplicate", "reorder", "merge",
              "split", "insert_sentence")
edits = st.lists(st.tuples(st.sampled_from(EDIT_KINDS), st.integers(0, 10**6), st.integers(0, 10**6)),
                 min_size=1, max_size=3)


def _with_number(paras: list[str], i: int) -> int | None:
    idx = [k for k, p in enumerate(paras) if NUMBER.search(p)]
    return idx[i % len(idx)] if idx else None


def _number_edit(kind: str, paras: list[str], i: int, j: int) -> None:
    """Change, insert or delete one number in a paragraph (one with a number, for change/delete)."""
    if kind == "insert_number":
        k = i % len(paras)
        words = paras[k].split(" ")
        words.insert(j % (len(words) + 1), str(j % 997 + 3))
        paras[k] = " ".join(words)
        return
    k = _with_number(paras, i)
    if k is None:
        return
    hits = list(NUMBER.finditer(paras[k]))
    m = hits[j % len(hits)]
    new = "" if kind == "delete_number" else str(int(re.sub(r"\D", "", m.group())[:6] or 0) + 1 + j % 50)
    paras[k] = paras[k][:m.start()] + new + paras[k][m.end():]


def _paragraph_edit(kind: str, paras: list[str], i: int, j: int) -> None:
    """Delete, duplicate, reorder, merge or split paragraphs, or insert a sentence with a figure."""
    k = i % len(paras)
    if kind == "delete" and len(paras) > 1:
        del paras[k]
    elif kind == "duplicate":
        paras.insert(k, paras[k])
    elif kind == "reorder":
        m = j % len(paras)
        paras[k], paras[m] = paras[m], paras[k]
    elif kind == "merge" and k + 1 < len(paras):
        paras[k:k + 2] = [paras[k] + " " + paras[k + 1]]
    elif kind == "split":
        cut = [mm.end() for mm in re.finditer(r"[.!?] ", paras[k])] or [len(paras[k]) // 2]
        at = cut[j % len(cut)]
        head, tail = paras[k][:at].strip(), paras[k][at:].strip()
        paras[k:k + 1] = [x for x in (head, tail) if x]
    elif kind == "insert_sentence":
        paras.insert(k, FIGURE_SENTENCES[j % len(FIGURE_SENTENCES)])


def apply_edits(paras: tuple[str, ...], ops: list[tuple[str, int, int]]) -> tuple[str, ...]:
    out = list(paras) or [""]
    for kind, i, j in ops:
        if kind.endswith("_number"):
            _number_edit(kind, out, i, j)
        else:
            _paragraph_edit(kind, out, i, j)
    return tuple(p for p in out if p.strip())


# -- the pipeline, as pipeline.check runs it after extraction --------------------------------------


class Pipeline:
    """One source in a real SQLite file; :meth:`check` runs a version through ``process``."""

    def __init__(self, db: Path, name: str) -> None:
        self.store = Store(f"sqlite:///{db}")
        self.source = Source(id="page", url=f"https://example.org/{name}", interval=3600, timeout=30,
                                      user_agent="watcher-test")

    def check(self, doc: Document) -> pipeline.CheckResult:
        row = pipeline._begin(self.store, self.source)
        res = FetchResult(url=self.source.url, final_url=self.source.url, status=200)
        raw_hash = hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
        return pipeline.process(self.store, self.source, res, doc, row, 0.0, {}, raw_hash)

    def close(self) -> None:
        self.store.close()


def run_versions(tmp: Path, name: str, versions: list[Document]) -> list[str]:
    """Check the versions in turn in a fresh store; the outcomes (any exception propagates)."""
    tmp.mkdir(parents=True, exist_ok=True)
    db = tmp / f"{len(list(tmp.iterdir()))}.db"
    p = Pipeline(db, name)
    try:
        return [p.check(v).outcome for v in versions]
    finally:
        p.close()


def doc_with(base: Document, paras: tuple[str, ...]) -> Document:
    return Document(title=base.title, paragraphs=paras)


@needs_pages
@pytest.mark.parametrize("name", NAMES or ["(none)"])
def test_edited_versions_of_a_real_page_run_the_pipeline_without_internal_error(name, extracted, db_dir):
    base = extracted[name]

    @SETTINGS
    @given(first=edits, second=edits)
    def run(first, second):
        v1 = apply_edits(base.paragraphs, first)
        v2 = apply_edits(v1, second)
        outcomes = run_versions(db_dir, name, [base, doc_with(base, v1), doc_with(base, v2), base,
                                                 doc_with(base, v1)])
        assert outcomes[0] == "baseline"
        assert set(outcomes) <= {"baseline", "new_version", "unchanged", "warning"}

    run()


HTML_EDITS = ("change_number", "delete_paragraph", "duplicate_paragraph", "insert_paragraph")
TEXT_NUMBER = re.compile(r"(>[^<]*?)(\d+)")
P_ELEMENT = re.compile(r"<p\b[^>]*>.*?</p>", re.DOTALL | re.IGNORECASE)


def edit_html(html: str, kind: str, i: int) -> str:
    """One edit of the markup: a number in a text node, or a whole <p> deleted/duplicated/added."""
    if kind == "change_number":
        hits = list(TEXT_NUMBER.finditer(html))
        if not hits:
            return html
        m = hits[i % len(hits)]
        return html[:m.start(2)] + str(int(m.group(2)[:6]) + 7) + html[m.end(2):]
    ps = list(P_ELEMENT.finditer(html))
    if not ps:
        return html
    m = ps[i % len(ps)]
    new = {"delete_paragraph": "", "duplicate_paragraph": m.group() * 2,
           "insert_paragraph": m.group() + f"<p>{FIGURE_SENTENCES[i % len(FIGURE_SENTENCES)]}</p>"}[kind]
    return html[:m.start()] + new + html[m.end():]


@needs_pages
@pytest.mark.parametrize("name", HTML_SAMPLE or ["(none)"])
def test_html_edits_of_a_real_page_run_the_pipeline_without_internal_error(name, extracted, db_dir):
    base = extracted[name]
    html = decode((PAGES / name).read_bytes())  # as a check decodes it

    @settings(SETTINGS, max_examples=1)
    @given(ops=st.lists(st.tuples(st.sampled_from(HTML_EDITS), st.integers(0, 10**6)), min_size=1, max_size=3))
    def run(ops):
        edited = html
        for kind, i in ops:
            edited = edit_html(edited, kind, i)
        v1 = extract(edited)
        outcomes = run_versions(db_dir, name, [base, v1, base, v1])
        assert outcomes[0] == "baseline"

    run()
