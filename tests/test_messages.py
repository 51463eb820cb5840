"""Notification messages (watcher.alerts.messages), format by format, from alert records as the store hands them
out."""

from __future__ import annotations

from dataclasses import replace
from html.parser import HTMLParser

import pytest

from watcher.alerts.messages import Context, digest, single
from watcher.store import AlertData, AlertRecord

CTX = Context(article_title="Putin and Kim in Pyongyang", diff_pointer="watcher diff rs-putin-kim")


def alert(**kw) -> AlertRecord:
    row = AlertRecord(id=1, source="rs-putin-kim", kind="estimate_changed", severity="high",
                      before="North Korea has provided an estimated 7,000 containers of munitions.",
                      after="North Korea has provided an estimated 11,000 containers of munitions.",
                      explanation="7,000 → 11,000 containers (+57%)", created_at=1732550400.0,
                      data=AlertData(url="https://example.org/a", baseline="… 7,000 containers …"),
                      version_id=7, fingerprint="f")
    return replace(row, **kw)


@pytest.mark.parametrize("fmt, old, new", [
    ("text", "[-7,000-]", "{+11,000+}"),
    ("markdown", "~~7,000~~", "**11,000**"),
    ("html", ">7,000</del>", "><b>11,000</b></ins>"),
])
def test_the_changed_figure_is_marked_in_every_format(fmt, old, new):
    title, body = single(alert(), CTX, fmt)
    assert title == "Estimate changed — Putin and Kim in Pyongyang"
    assert old in body and new in body, body
    assert "https://example.org/a" in body and "watcher diff rs-putin-kim" in body and "high" in body


def test_the_baseline_is_named_when_the_figure_moved_before():
    a = alert(before="… 9,000 containers …", after="… 11,000 containers …",
              data=AlertData(baseline="North Korea has provided an estimated 7,000 containers of munitions.",
                             previous="… 9,000 containers …"))
    _, body = single(a, CTX, "text")
    assert "At baseline" in body and "7,000" in body


@pytest.mark.parametrize("kind, label, word", [("claim_removed", "Removed", "Claim removed"),
                                               ("claim_added", "Added", "Claim added")])
def test_removed_and_added_claims_show_one_side(kind, label, word):
    a = alert(kind=kind, severity="medium", before=None if kind == "claim_added" else "A sentence of 40 homes.",
              after="A sentence of 40 homes." if kind == "claim_added" else None)
    title, body = single(a, CTX, "text")
    assert title.startswith(word) and label in body


def test_a_reverted_alert_says_so_and_a_source_error_has_no_diff_pointer():
    title, _ = single(alert(data=AlertData(reverted=True)), CTX, "text")
    assert title.startswith("Estimate changed (back to baseline)")
    _, body = single(alert(kind="source_error", severity="low", before=None, after=None,
                           explanation="cannot connect: refused"), CTX, "text")
    assert "cannot connect" in body and "watcher diff" not in body


def test_hostile_text_is_escaped_in_html_and_markdown():
    evil = alert(after="<script>alert(1)</script> **bold** 11,000 containers")
    _, html_body = single(evil, CTX, "html")
    assert "<script>" not in html_body and "&lt;script&gt;" in html_body
    parser = HTMLParser()
    parser.feed(html_body)  # well-formed enough to parse
    _, md = single(evil, CTX, "markdown")
    assert "\\*\\*bold\\*\\*" in md or "\\*" in md, md


def test_a_digest_counts_kinds_and_sources():
    items = [(alert(id=1), CTX), (alert(id=2, kind="claim_changed", severity="medium",
                                        explanation="hedge added: may"), CTX),
             (alert(id=3, source="other"), Context("Other article", None))]
    head, body = digest(items, "text")
    assert head == "watcher digest: 3 alert(s) from 2 source(s) (2 estimate changed, 1 claim changed)"
    assert body.count("Estimate changed —") == 2 and "Other article" in body
