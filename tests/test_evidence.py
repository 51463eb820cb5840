"""Evidence a fact-checker can cite (issue 17): raw captures in WARC, the page's own dates,
correction notes, silent edits and edit types — end to end against pages served on 127.0.0.1,
checked with the real pipeline into a real SQLite file."""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from warcio.archiveiterator import ArchiveIterator

from watcher.alerts import messages
from watcher.evidence import corrections, edittype, pagedates
from watcher.store import Store

from .conftest import alerts_json, claim_alerts, cli, write_config
from .fixtures import fault_server as fs

LEAD = ("The regional authority said on Tuesday that {n} people were evacuated from the valley after the river "
        "burst its banks overnight.")
REST = ["Officials estimate the damage at $3.2 million, according to a preliminary report released by the county.",
        "Residents were told to stay away from the lower town until engineers have inspected the bridges and roads.",
        "The weather service expects the water level to fall slowly over the weekend as the rain moves east."]


def article(n: int, *, modified: str = "2024-06-19T14:30:00Z", extra: tuple[str, ...] = (),
            updated: str = "") -> bytes:
    """A news page that declares its dates in JSON-LD (and, optionally, shows an "Updated" line)."""
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Flood toll",
                     "datePublished": "2024-06-19T14:30:00Z", "dateModified": modified})
    stamp = f'<p class="stamp">Updated {updated}</p>' if updated else ""
    body = "".join(f"<p>{p}</p>" for p in [LEAD.format(n=n), *REST, *extra])
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>Flood toll – Die Zeitung</title>"
            f"<script type='application/ld+json'>{ld}</script></head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>Flood toll</h1>{stamp}{body}</article><footer>© Ledger</footer></body></html>"
            ).encode()


@pytest.fixture
def server():
    s = fs.FaultServer().start()
    yield s
    s.stop()


def setup(tmp_path: Path, server, ids: list[str], retention: str = "") -> Path:
    cfg = write_config(tmp_path, [{"id": i, "url": server.url(f"/{i}")} for i in ids])
    if retention:
        cfg.write_text(cfg.read_text() + "\n" + retention)
    return cfg


def check(cfg: Path) -> None:
    r = cli("check", "--config", str(cfg))
    assert r.returncode == 0, r.stderr


def capture_rows(cfg: Path) -> list[dict]:
    db = sqlite3.connect(cfg.parent / "state" / "watcher.db")
    db.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in db.execute("select * from captures order by version_id")]
    finally:
        db.close()


def sha1_b32(data: bytes) -> str:
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode()


def test_captures_read_back_byte_for_byte_with_correct_digests(tmp_path, server):
    first, second = article(250), article(320)
    server.routes["/a"] = fs.page(gzip.compress(first), Content_Encoding="gzip")  # inflated by the fetch
    cfg = setup(tmp_path, server, ["a"])
    check(cfg)
    server.routes["/a"] = fs.page(second)
    check(cfg)
    check(cfg)  # unchanged: no capture, nothing appended
    rows = capture_rows(cfg)
    assert len(rows) == 2
    captures = cfg.parent / "state" / "captures"
    [warc_file] = list(captures.iterdir())
    size = warc_file.stat().st_size
    check(cfg)
    assert warc_file.stat().st_size == size and len(capture_rows(cfg)) == 2
    server.routes["/a"] = fs.page(second.replace(b"</body>", b"<!-- served 12:04 --></body>"))
    check(cfg)  # other bytes, the same text: no new version, so no capture either
    assert warc_file.stat().st_size == size and len(capture_rows(cfg)) == 2

    for row, body in zip(rows, (first, second), strict=True):
        with open(captures / row["warc_file"], "rb") as f:
            f.seek(row["warc_offset"])
            it = ArchiveIterator(f, check_digests=True)
            resp = next(it)
            assert resp.rec_type == "response" and resp.rec_headers.get_header("WARC-Record-ID") == row["record_id"]
            payload = resp.content_stream().read()
            assert payload == body  # the body as the pipeline read it, byte for byte
            assert resp.rec_headers.get_header("WARC-Payload-Digest") == sha1_b32(body) == row["payload_digest"]
            assert resp.rec_headers.get_header("WARC-Target-URI") == server.url("/a")
            assert resp.http_headers.get_statuscode() == "200"
            assert resp.http_headers.get_header("Content-Length") == str(len(body))
            assert resp.http_headers.get_header("Content-Encoding") is None  # stored inflated, said so
            req = next(it)
            assert req.rec_type == "request"
            assert req.rec_headers.get_header("WARC-Concurrent-To") == row["record_id"]
            assert req.http_headers.get_header("User-Agent")
    first_resp = rows[0]
    with open(captures / first_resp["warc_file"], "rb") as f:
        f.seek(first_resp["warc_offset"])
        rec = next(ArchiveIterator(f))
        assert rec.http_headers.get_header("X-Archive-Orig-Content-Encoding") == "gzip"
    check_tool = subprocess.run([str(Path(sys.executable).parent / "warcio"), "check", str(warc_file)],
                                capture_output=True, text=True)
    assert check_tool.returncode == 0, check_tool.stdout + check_tool.stderr  # block and payload digests hold

    out = tmp_path / "a.warc.gz"
    r = cli("export", "a", "--from", "2", "--warc", str(out), "--config", str(cfg))
    assert r.returncode == 0 and "wrote 1 capture(s) of a" in r.stdout, r.stderr
    with open(out, "rb") as f:
        recs = [(rec.rec_type, rec.content_stream().read() if rec.rec_type == "response" else None)
                for rec in ArchiveIterator(f, check_digests="raise")]
    assert [t for t, _ in recs] == ["warcinfo", "response", "request"] and recs[1][1] == second
    bad = cli("export", "a", "--warc", str(tmp_path / "no" / "x.warc.gz"), "--config", str(cfg))
    assert bad.returncode == 2 and "does not exist" in bad.stderr

    # a power cut before the pass synced its captures: the file ends inside the second record
    with open(warc_file, "r+b") as f:
        f.truncate(rows[1]["warc_offset"] + 10)
    r = cli("export", "a", "--warc", str(out), "--config", str(cfg))
    assert r.returncode == 0 and "wrote 1 capture(s) of a" in r.stdout and "version(s) 2 not on disk" in r.stdout
    with open(out, "rb") as f:
        assert [rec.rec_type for rec in ArchiveIterator(f, check_digests="raise")] == ["warcinfo", "response", "request"]


def test_a_noted_correction_and_a_silent_edit_are_told_apart(tmp_path, server):
    server.routes["/noted"] = fs.page(article(250))
    server.routes["/silent"] = fs.page(article(250))
    server.routes["/dated"] = fs.page(article(250))
    cfg = setup(tmp_path, server, ["noted", "silent", "dated"])
    check(cfg)
    note = "Correction: An earlier version of this article misstated the number of people evacuated as 250."
    server.routes["/noted"] = fs.page(article(320, extra=(note,)))  # a note, the modified date unchanged
    server.routes["/silent"] = fs.page(article(320))
    server.routes["/dated"] = fs.page(article(320, modified="2024-06-20T08:00:00Z"))  # the date moves, no note
    check(cfg)
    by_source = {a["source"]: a for a in claim_alerts(alerts_json(cfg))}
    assert set(by_source) == {"noted", "silent", "dated"}  # the note's own figure raises no claim alert
    noted, silent, dated = by_source["noted"], by_source["silent"], by_source["dated"]
    assert noted["edit_type"] == "noted_correction" and noted["silent"] is False and noted["correction"] == note
    assert silent["edit_type"] == "figure_update" and silent["silent"] is True and silent["correction"] is None
    assert dated["edit_type"] == "figure_update" and dated["silent"] is False and dated["correction"] is None
    assert dated["evidence"]["page_modified"] == "2024-06-20T08:00:00Z"
    assert silent["evidence"]["page_modified"] == "2024-06-19T14:30:00Z"
    rows = {r["source"]: r for r in capture_rows(cfg) if r["version_id"] > 3}
    for sid, a in by_source.items():
        ev = a["evidence"]
        assert ev["warc_record_id"] == rows[sid]["record_id"] and ev["payload_digest"] == rows[sid]["payload_digest"]
        assert ev["final_url"] == server.url(f"/{sid}") and ev["fetched_at"]

    store = Store(f"sqlite:///{cfg.parent / 'state' / 'watcher.db'}")
    try:
        records = {a.id: a for a in store.alerts()}
    finally:
        store.close()
    _, body = messages.single(records[silent["id"]], messages.Context("Flood toll", None), "text")
    assert "Edit type: Figure update — silent edit" in body and silent["evidence"]["payload_digest"] in body
    _, body = messages.single(records[noted["id"]], messages.Context("Flood toll", None), "text")
    assert f"Correction note: {note}" in body and noted["evidence"]["warc_record_id"] in body
    _, digest = messages.digest([(records[noted["id"]], messages.Context("N", None)),
                                 (records[silent["id"]], messages.Context("S", None))], "text")
    assert digest.index("— S") < digest.index("— N")  # the silent edit first

    r = cli("report", "--config", str(cfg))
    assert r.returncode == 0, r.stderr
    page = (cfg.parent / "state" / "report" / "alerts.html").read_text(encoding="utf-8")
    assert silent["evidence"]["warc_record_id"].strip("<>") in page and silent["evidence"]["payload_digest"] in page
    assert "Page modified" in page and note in page
    first_alert = page.index('class="alert ')
    assert page.index("silent edit") < page.index("Noted correction") and page.index("silent edit") < first_alert + 400


def test_a_visible_updated_line_counts_as_a_moved_date(tmp_path, server):
    server.routes["/a"] = fs.page(article(250, updated="19 June 2024, 14:30"))
    cfg = setup(tmp_path, server, ["a"])
    check(cfg)
    server.routes["/a"] = fs.page(article(320, updated="20 June 2024, 09:10"))
    check(cfg)
    [a] = claim_alerts(alerts_json(cfg))
    assert a["silent"] is False and a["edit_type"] == "figure_update"


def test_gc_drops_old_capture_files_but_keeps_what_open_alerts_cite(tmp_path, server):
    server.routes["/a"] = fs.page(article(250))
    cfg = setup(tmp_path, server, ["a"], retention='[retention]\ncaptures = "30d"\n')
    check(cfg)
    server.routes["/a"] = fs.page(article(320))
    check(cfg)
    captures = cfg.parent / "state" / "captures"
    [today] = list(captures.iterdir())
    old = captures / "2020-01-01.warc.gz"  # as if fetched long ago
    today.rename(old)
    db = sqlite3.connect(cfg.parent / "state" / "watcher.db")
    db.execute("update captures set warc_file = ?", (old.name,))
    db.commit()
    db.close()
    cited = capture_rows(cfg)[1]
    dry = cli("gc", "--dry-run", "--config", str(cfg))
    assert "would remove 1 capture(s) older than 30d in 1 day file(s): 2020-01-01.warc.gz" in dry.stdout, dry.stdout
    assert old.exists()
    done = cli("gc", "--config", str(cfg))
    assert done.returncode == 0 and "removed 1 capture(s)" in done.stdout and "kept 1 capture(s)" in done.stdout
    assert not old.exists()
    [kept] = capture_rows(cfg)
    assert kept["version_id"] == cited["version_id"] and kept["record_id"] == cited["record_id"]
    with open(captures / kept["warc_file"], "rb") as f:
        f.seek(kept["warc_offset"])
        rec = next(ArchiveIterator(f, check_digests="raise"))
        assert rec.content_stream().read() == article(320)
    [alert] = claim_alerts(alerts_json(cfg))
    assert alert["evidence"]["warc_record_id"] == kept["record_id"]  # what the alert cites is still there


@pytest.mark.parametrize("note", [
    "Correction: An earlier version of this article gave the wrong date for the vote.",
    "An earlier version of this article misstated the name of the minister.",
    "This article has been updated to include a statement from the police.",
    "Editor's note: This story was changed after publication to remove a quote.",
    "Korrektur: In einer früheren Version dieses Artikels hieß es, die Brücke sei gesperrt.",
    "Anmerkung der Redaktion: Dieser Artikel wurde aktualisiert.",
    "Rectificatif : une précédente version de cet article indiquait un chiffre erroné.",
    "Cet article a été mis à jour pour préciser le nombre de victimes.",
    "Fe de errores: una versión anterior de este artículo atribuía la cita al alcalde.",
    "Este artículo ha sido actualizado con nueva información del gobierno.",
])
def test_correction_notes_are_recognised_and_kept_as_article_text(note):
    from watcher.extract import extract

    assert corrections.is_note(note)
    html = article(250, extra=(note,)).decode()
    doc = extract(html.encode(), encoding="utf-8")
    assert note in doc.paragraphs  # the cleaner keeps it
    assert not corrections.is_note(REST[0]) and not corrections.is_note(LEAD.format(n=3))
    assert not corrections.is_note("Update: Officials said on Friday that 12 more trucks had arrived.")  # news


# one example per phrasing of the standard note sentence, with no label before it, in ASCII where
# the language allows and as the language writes it (the quick word check before the pattern must
# let every one through)
NOTE_SENTENCES = [
    "Wie gemeldet: in einer früheren Fassung dieses Artikels stand ein falsches Datum.",
    "Der Artikel wurde geändert, nachdem die Behörde widersprach.",
    "Attention : une précédente version de cet article citait un autre chiffre.",
    "Depuis, cet article a été corrigé pour préciser le bilan.",
    "Aviso: una versión anterior de este artículo daba otra cifra.",
    "Este artículo fue actualizado con la respuesta del ministerio.",
    "We regret that a prior version of this story misstated the budget.",
    "Since then this report was amended to add the council's reply.",
    "The agency objected, and we've corrected the article accordingly.",
    "Wie berichtet: in einer ersten Fassung des Textes stand ein falsches Datum.",
    "Der Beitrag wurde geandert, nachdem die Behoerde widersprach.",
    "Inzwischen haben wir den Fehler korrigiert, leider zu spaet.",
    "Attention, une ancienne version de cet article citait un autre chiffre.",
    "Depuis, cet article a ete corrige pour preciser le bilan.",
    "Aviso: una version previa de esta nota daba otra cifra.",
    "Esta noticia fue modificada tras la respuesta del ministerio.",
]


@pytest.mark.parametrize("sentence", NOTE_SENTENCES)
def test_every_phrasing_of_the_note_sentence_is_found_without_a_label(sentence):
    assert corrections.is_note(sentence)
    assert not corrections.is_note(sentence + " Officials" * corrections.MAX_NOTE_WORDS)  # too long for a note


_NOTE_WORDS = sorted({w for s in NOTE_SENTENCES for w in s.replace(",", " ").replace(".", " ").split()}
                     | {"Correction:", "Editor's", "note:", "versión", "artículo", "früheren", "geändert", "été",
                        "mis", "à", "jour", "actualizado", "corregida", "ha", "sido", "has", "been", "updated",
                        "changed", "verſion", "wurde", "article", "this", "an", "earlier", "of", "trucks"})


@given(st.lists(st.tuples(st.sampled_from(_NOTE_WORDS), st.sampled_from([str.lower, str.upper, str.title, str]),
                          st.sampled_from([" ", "  ", "\n", "\u00a0"])), max_size=40))
@settings(max_examples=400, deadline=None)
def test_the_quick_word_check_never_changes_what_is_a_note(parts):
    """The word check that spares most paragraphs the whole pattern decides exactly as the pattern
    alone would, whatever the case, spacing and script of the words."""
    text = "".join(case(w) + gap for w, case, gap in parts)
    plain = len(text.split()) <= corrections.MAX_NOTE_WORDS and bool(
        corrections._LABEL.match(text) or corrections._SENTENCE.search(text))
    assert corrections.is_note.__wrapped__(text) == plain


def test_page_dates_from_meta_tags_and_edit_types_are_deterministic():
    html = ('<html><head><meta property="article:published_time" content="2024-01-02T10:00:00+01:00">'
            '<meta content="2024-01-03T09:00:00+01:00" property="article:modified_time"></head></html>')
    d = pagedates.read(html, ["Updated 2 minutes ago", "Last updated: 3 January 2024 09:00"])
    assert (d.published, d.modified, d.updated_line) == ("2024-01-02T10:00:00+01:00", "2024-01-03T09:00:00+01:00",
                                                         "Last updated: 3 January 2024 09:00")
    fig = [{"field": "value", "old": "250", "new": "320"}]
    assert edittype.classify("estimate_changed", fig, "250 people", "320 people") == "figure_update"
    assert edittype.classify("estimate_changed", fig, '"250 died," he said.', '"320 died," he said.') == "quote_change"
    assert edittype.classify("claim_changed", [{"field": "attribution"}], "a", "b") == "attribution_change"
    assert edittype.classify("claim_changed", [{"field": "hedge"}], "a", "b") == "hedge_change"
    assert edittype.classify("claim_removed", [], "a", None) == "claim_removed"
    assert edittype.classify("claim_added", [], None, "a") == "claim_added"
    assert edittype.classify("claim_added", [], None, "a", noted=True) == "noted_correction"
    assert edittype.classify("text_changed", [], "a", "b") is None
    assert set(edittype.NAMES) == {"figure_update", "attribution_change", "hedge_change", "quote_change",
                                   "noted_correction", "claim_removed", "claim_added"}
