"""Hypothesis fuzzing: extraction, cleaning and the claim engine never let an exception escape on
hostile input — random bytes, random HTML, random paragraphs, number-dense random text.

Examples are few (the suite must stay fast); what is drawn leans towards the inputs that break
parsers: numbers in every spelling, qualifiers, cue words, odd unicode, broken markup, charset
labels a page could name.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import watcher.claims.compare as compare
import watcher.claims.numbers as numbers
import watcher.claims.sentences as claims
import watcher.extract.clean as clean
import watcher.extract.html as extract
import watcher.fetch as fetch

FUZZ = settings(max_examples=int(os.environ.get("WATCHER_FUZZ_EXAMPLES", "60")), deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

TOKENS = [
    "7,000", "3.5", "10,000", "3 million", "3,000,000", "1/2", "½", "10-12", "10–12", "5%", "5 per cent", "2.5bn",
    "$2.5 billion", "€40m", "fivefold", "five times", "twice", "a third", "third", "21st", "1st", "ten", "a dozen",
    "tens of thousands", "hundreds", "percentage points", "1e308", "9" * 40, "0.000001", "-4", "+3", "1,2,3",
    "1.2.3", "2024", "June 5, 2024", "10:30", "No.", "U.S.", "approx.", "around", "about", "more than", "at least",
    "less than", "nearly", "almost", "up to", "an estimated", "some", "over", "under", "according to", "said",
    "told Reuters", "seems to", "may", "might", "unlikely", "not", "never", "no", "reportedly", "allegedly",
    "containers", "shells", "people", "“", "”", "‘", "’", "\"", "'", "(", ")", "[", "]", ".", ",", ";", ":", "!",
    "?", "…", "—", "-", "\u00a0", "\u200b", "\t", "\n", "\n\n", "\r", " ", "  ", "\ufffd", "ﬁ", "Ⅻ", "٣", "१०",
    "²", "³", "¼", "〇", "零", "e\u0301", "🙂",
]
number_text = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=12)), max_size=40).map(" ".join)
any_text = st.one_of(number_text, st.text(max_size=300))
paragraphs = st.lists(any_text, max_size=12)

CHARSETS = ["utf-8", "windows-1252", "iso-8859-1", "shift_jis", "utf-16", "idna", "utf-7", "punycode",
            "unicode_escape", "bogus", "", "x-user-defined", "koi8-r"]
TAGS = ["p", "div", "article", "main", "span", "section", "aside", "nav", "footer", "header", "h1", "h2",
        "figure", "figcaption", "blockquote", "table", "tr", "td", "ul", "li", "script", "style", "noscript",
        "iframe", "svg", "template", "br", "img", "a", "b", "i", "pre", "code", "title", "meta", "html", "body"]


@st.composite
def html_docs(draw) -> str:
    def node(depth: int) -> str:
        kind = draw(st.integers(0, 9))
        if depth > 6 or kind < 3:
            return draw(any_text)
        if kind == 3:
            return draw(st.sampled_from(["<!-- c -->", "<![CDATA[x]]>", "&amp;", "&#0;", "&#x110000;", "&nbsp;",
                                         "&bogus;", "<", ">", "</p>", "<p", "<?xml x?>", "<!DOCTYPE html>"]))
        if kind == 4:
            return f'<meta charset="{draw(st.sampled_from(CHARSETS))}">'
        tag = draw(st.sampled_from(TAGS))
        attrs = draw(st.sampled_from(["", ' class="article-body"', ' id="main"', ' class="share"',
                                      ' hidden', ' style="display:none"', ' lang="ru"', ' x="<>"']))
        inner = "".join(node(depth + 1) for _ in range(draw(st.integers(0, 4))))
        close = draw(st.sampled_from([f"</{tag}>", f"</{tag}>", "", "</div>"]))
        return f"<{tag}{attrs}>{inner}{close}"

    return "".join(node(0) for _ in range(draw(st.integers(1, 6))))


@FUZZ
@given(st.binary(max_size=3000), st.one_of(st.none(), st.sampled_from(CHARSETS)))
def test_extract_survives_random_bytes(body, declared):
    doc = extract.extract(body, encoding=declared)
    assert isinstance(doc.text, str)


@FUZZ
@given(html_docs(), st.sampled_from(CHARSETS[:4]))
def test_extract_survives_random_html(html, enc):
    doc = extract.extract(html.encode(enc, errors="replace"))
    assert all(isinstance(p, str) and p for p in doc.paragraphs)
    assert extract.extract(html).content_hash  # str input too


@FUZZ
@given(paragraphs, st.one_of(st.none(), any_text))
def test_clean_survives_random_paragraphs(paras, title):
    out = clean.clean(paras, title=title)
    assert all(isinstance(p, str) and p for p in out)
    assert extract.text_to_paragraphs("\n".join(paras)) is not None


@FUZZ
@given(any_text)
def test_numbers_and_claims_survive_random_text(text):
    for m in numbers.parse(text):
        assert m is not None
    s = claims.analyse(text)
    assert isinstance(s.canonical, str)
    assert isinstance(claims.sentences([text]), list)


@FUZZ
@given(paragraphs, paragraphs)
def test_compare_survives_random_versions(base, cur):
    findings = compare.compare(base, cur)
    assert all(f.kind for f in findings)
    assert compare.compare(base, base) == []  # a version equal to its baseline has no findings


@FUZZ
@given(st.one_of(st.text(max_size=40), st.sampled_from(["120", "Wed, 21 Oct 2015 07:28:00 GMT", "Mon, 99 Foo 2015",
                                                        "Fri, 31 Dec 9999 23:59:59 +2359", "¹", "-1", "1e9", ""])))
def test_retry_after_header_parsing_never_raises(value):
    seconds = fetch.parse_retry_after(value)
    assert seconds is None or seconds >= 0
