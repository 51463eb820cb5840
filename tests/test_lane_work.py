"""A check does a changed page's heavy work beside its extraction, in the extraction lane: the WARC
records, the compressed columns and the claim comparison with the baseline. What is stored must not depend on where that
work ran: a comparison made with another baseline than the one the store holds when the version
is written is made again, so no alert is lost or invented by a stale hand-off."""

from __future__ import annotations

import hashlib
import time
import zlib

from watcher import pipeline
from watcher.claims.compare import compare
from watcher.config import Source
from watcher.extract import Document
from watcher.fetch import FetchResult
from watcher.store import Store

BASE = ("The ministry said on Monday that an estimated 7,000 containers of munitions had been shipped since August.",
        "Officials declined to say how the shipments were paid for, citing the security of the route.")
EDITED = ("The ministry said on Monday that an estimated 10,000 containers of munitions had been shipped since August.",
          BASE[1])


def page(paras: tuple[str, ...]) -> bytes:
    return ("<html><head><title>Shipments</title></head><body><article><h1>Shipments</h1>"
            + "".join(f"<p>{p}</p>" for p in paras) + "</article></body></html>").encode()


def test_the_lane_compares_a_new_page_with_the_baseline_it_is_given_and_only_a_new_one():
    base = pipeline.BaselineText(id=7, paragraphs=BASE, seed=False)
    doc, _, prepared = pipeline._extract(page(EDITED), None, None, None, None, base)
    assert prepared is not None and prepared.packed is None  # no exchange handed over: no records
    compared = prepared.compared
    assert compared is not None and compared[0] == 7
    assert prepared.columns is not None and zlib.decompress(prepared.columns[0]).decode() == doc.text
    assert [f.kind for f in compared[1]] == [f.kind for f in compare(BASE, doc.paragraphs)]
    assert any(f.kind == "estimate_changed" and "10,000" in (f.after or "") for f in compared[1])
    # the same text as the latest version: it will not be stored, so nothing is compared
    assert pipeline._extract(page(EDITED), None, None, None, doc.content_hash, base)[2] is None


def test_a_comparison_made_with_another_baseline_is_made_again(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'w.db'}")
    source = Source(id="s", url="https://example.org/shipments", interval=3600, timeout=30, user_agent="t")

    def run(paras: tuple[str, ...], compared=None) -> pipeline.CheckResult:
        state = pipeline._begin(store, source)
        doc = Document(title="Shipments", paragraphs=paras)
        res = FetchResult(url=source.url, final_url=source.url, status=200, fetched_at=time.time())
        raw = hashlib.sha256(doc.text.encode()).hexdigest()
        prepared = pipeline.Prepared(compared=compared) if compared is not None else None
        return pipeline.process(store, source, res, doc, state, 0.0, {}, raw, None, None, None, prepared)

    try:
        assert run(BASE).outcome == "baseline"
        # a hand-off made against a baseline the store does not hold (id 999), and that found nothing
        r = run(EDITED, compared=(999, []))
        assert r.outcome == "new_version"
        assert [a.kind for a in r.alerts] == ["estimate_changed"]
    finally:
        store.close()
