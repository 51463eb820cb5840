"""trafilatura's comparison with readability and justext runs only where it can change the result.

A page whose article trafilatura's own extractor finds at length and in paragraphs skips the
comparison (it costs about as much as the extraction and keeps that result); a short result still
gets it, and so does every caller of trafilatura other than our extraction.
"""

from __future__ import annotations

import pytest
import trafilatura
import trafilatura.external

from tests import sitegen
from watcher.extract import extract
from watcher.extract.html import _SETTLED_CHARS, _settle

SHORT = sitegen.ARTICLES["county_budget"][1]  # ~1,700 characters
LONG = SHORT + sitegen.ARTICLES["measles_outbreak"][1]  # ~3,200: a long article, in paragraphs


@pytest.fixture
def readability_runs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many times trafilatura asked readability for its version of the page."""
    calls: list[int] = []
    real = trafilatura.external.try_readability

    def counted(tree):
        calls.append(1)
        return real(tree)

    monkeypatch.setattr(trafilatura.external, "try_readability", counted)
    return calls


def _page(paragraphs: list[str]) -> str:
    return sitegen.news_page("County budget and measles cases", paragraphs,
                             sidebar=[t.title for t in sitegen.rotate(sitegen.TEASER_POOL, 4, 0)])


def test_the_installed_trafilatura_lets_a_settled_extraction_skip_the_comparison() -> None:
    assert _settle(), "trafilatura's comparison stage changed: every page now pays for readability and justext"


def test_a_long_article_is_extracted_whole_without_the_comparison(readability_runs: list[int]) -> None:
    assert sum(len(p) for p in LONG) > _SETTLED_CHARS > sum(len(p) for p in SHORT)
    doc = extract(_page(LONG))
    assert list(doc.paragraphs) == LONG
    assert readability_runs == []


def test_a_short_article_still_gets_the_comparison(readability_runs: list[int]) -> None:
    doc = extract(_page(SHORT))
    assert list(doc.paragraphs) == SHORT
    assert readability_runs


def test_other_callers_of_trafilatura_keep_its_full_comparison(readability_runs: list[int]) -> None:
    extract(_page(LONG))  # our extraction first: the wrapped comparison is in place
    text = trafilatura.extract(_page(LONG))
    assert text and LONG[-1] in text
    assert readability_runs, "trafilatura's own callers must get its comparison as before"


def test_a_comparison_that_fails_still_leaves_trafilaturas_own_result(monkeypatch: pytest.MonkeyPatch) -> None:
    """Hostile markup can make readability raise; the page then gets trafilatura's extraction
    without the comparison, not the text of every block on the page."""
    def broken(tree):
        raise ValueError("readability could not score this page")

    monkeypatch.setattr(trafilatura.external, "try_readability", broken)
    page = _page(SHORT)
    doc = extract(page)
    assert list(doc.paragraphs) == SHORT
    assert "Most read" not in doc.text
