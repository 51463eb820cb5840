"""Boilerplate from the page's structure (watcher.extract.dom), one rule at a time, on realistic markup.

Each case is a page with an article of real length plus one kind of furniture, in markup with no
telling class names; the furniture must be left out (and listed with its reason), the article's
own text — including short lines, list items and inline links — must stay.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from watcher.extract import extract

ARTICLE = [
    "The city council voted 7 to 2 on Tuesday to spend $48 million on a new water treatment plant, "
    "the largest public works project in the town's history.",
    "Engineers said the plant would process up to 12 million gallons a day, about twice the capacity "
    "of the facility it replaces, which was built in 1961.",
    "Construction is scheduled to begin in March and take roughly three years, according to the "
    "public works department.",
    "Residents will see their water bills rise by an average of $6 a month starting next year, "
    "officials said, an increase that two council members called too steep.",
    "The state has promised a grant of $15 million toward the cost, and the rest will be paid with "
    "bonds repaid over 30 years.",
]


def page(extra_before: str = "", extra_after: str = "", middle: str = "", body: list[str] | None = None) -> str:
    paras = body or ARTICLE
    inner = "".join(f"<div>{p}</div>" if i % 2 else f"<p>{p}</p>" for i, p in enumerate(paras[:2]))
    inner += middle + "".join(f"<p>{p}</p>" for p in paras[2:])
    return (f"<html><head><title>Council approves water plant</title></head><body>"
            f"<div><div><a href='/'>Town Herald</a> <a href='/news'>News</a> <a href='/sports'>Sports</a></div>"
            f"{extra_before}<div><div>Council approves water plant</div><div>{inner}</div>{extra_after}</div>"
            f"<div>Town Herald, 1 Main Street</div></div></body></html>")


CARD = ("<div><div><img src='/i/{n}.jpg' alt=''></div><div><a href='/story-{n}'>Library to extend its opening "
        "hours after a {n} percent rise in visitors</a></div><div>The branch saw {n},400 visitors last month, "
        "the most since it opened.</div></div>")
KEEP = ("<div><div><div>Schools</div><div>School board weighs a later start for {n} high schools</div>"
        "<div>Parents of more than {n},000 students were asked to answer a survey by Friday, the district said.</div>"
        "<div><div>Keep reading</div><div>Show less</div></div></div></div>")
COMMENT = ("<div><div><b>reader{n}</b> <span>{n} hours ago</span></div><div>I have paid {n}0 dollars more every "
           "quarter since the last increase and nobody asked us.</div><div>{n}2 likes · Reply</div></div>")

CASES = [
    ("card list", page(extra_after="<div>" + "".join(CARD.format(n=n) for n in (3, 4, 5)) + "</div>"),
     "visitors last month", "card list"),
    ("keep-reading teaser cards", page(extra_after="".join(KEEP.format(n=n) for n in (2, 3))),
     "answer a survey", "teaser card"),
    ("comment thread", page(extra_after="<div><div>3 comments</div>" + "".join(COMMENT.format(n=n) for n in (1, 2, 3))
                                        + "</div>"), "every quarter", "comment thread"),
    ("newsletter box in the middle", page(middle="<div><div>Our morning briefing reaches 25,000 readers.</div>"
                                                 "<div><input type='email' placeholder='Email'><span>Sign up</span>"
                                                 "</div></div>"), "25,000 readers", "form box"),
    ("caption in <small>", page(middle="<p><img src='/p.jpg'><small>The old plant on River Road, photographed "
                                       "in 2019 with 14 filter beds.</small></p>"), "14 filter beds", "caption"),
    ("read-also link paragraph", page(middle="<p><a href='/x'>9 things to know about the new water rates</a></p>"),
     "9 things to know", "paragraph of links"),
    ("share links", page(middle="<div><a href='https://twitter.com/intent/tweet?url=x'>Post 12 times</a> "
                                "<a href='https://www.facebook.com/sharer/sharer.php?u=x'>Share</a></div>"),
     "Post 12 times", "share links"),
    ("related list before the article", page(extra_before="<div><div>Related</div>" + "".join(
        CARD.format(n=n) for n in (6, 7)) + "</div>"), "visitors last month", "card list"),
    ("live-blog timestamp", page(middle="<div><span>Updated 14 minutes ago</span></div>"), "14 minutes ago",
     "timestamp"),
]


@pytest.mark.parametrize("name, html, leak, reason", CASES, ids=[c[0] for c in CASES])
def test_furniture_is_left_out_and_the_article_stays(name, html, leak, reason):
    doc = extract(html)
    text = doc.text
    assert "Engineers said" in text, "a paragraph written as a <div> among <p>s must stay"
    assert leak not in text, f"{name}: furniture kept: {text}"
    for p in ARTICLE:
        assert p in doc.paragraphs, f"{name}: article paragraph lost: {p[:60]}"
    assert any(leak in t and reason in why for t, why in doc.ignored), (name, doc.ignored)


def test_a_forum_thread_is_its_own_content():
    """Repeated blocks with reply counters that are most of the page are the page (a forum), not comments."""
    posts = "".join(
        f"<div><div><b>user{n}</b> <span>{n} days ago</span></div><div>My cat has been sleeping outside since {n} "
        f"o'clock every morning this week and I wonder whether the cold weather is harming her in any way at all. "
        f"She is {n + 8} years old and otherwise healthy.</div><div>{n} likes · Reply</div></div>" for n in range(1, 6))
    doc = extract(f"<html><head><title>Cat outside</title></head><body><div>{posts}</div></body></html>")
    assert "years old and otherwise healthy" in doc.text and "is 10 years old" in doc.text


def test_inline_links_lists_and_short_lines_of_the_article_stay():
    body = ARTICLE[:2] + ["Key figures:"] + ARTICLE[2:]
    middle = ("<ul><li>The <a href='/a'>2021 water study</a> found 3 leaks</li><li>Council minutes of 3 May</li></ul>"
              "<p>The plan follows <a href='/study'>a study by the county</a> that found 3 of 5 wells contaminated.</p>")
    # an article container named in the markup (trafilatura keeps lists there; in class-less div
    # markup it takes paragraphs only)
    doc = extract(page(middle=middle, body=body).replace("<div><div>Council approves", "<article><div>Council approves")
                  .replace("</div><div>Town Herald, 1", "</article><div>Town Herald, 1"))
    for line in ("Key figures:", "The 2021 water study found 3 leaks", "Council minutes of 3 May",
                 "3 of 5 wells contaminated"):
        assert line in doc.text, (line, doc.paragraphs)


def test_a_statistics_page_keeps_every_line_list_item_and_table_row():
    """A CMS statistics page (SharePoint-style rich-text field): ``<br>`` lines, a list and a table,
    no sentence of a dozen words — every figure line is main text, the header row included."""
    html = """<html><head><title>COVID-19 update</title></head><body>
<div class="ms-webpart-zone"><div class="ms-rtestate-field">
<div><strong>Latest update (30 September)</strong></div>
<div>We have a total of 117 live cases in the county.<br>There have been 12 deaths since March.</div>
<div>Cases by area:</div><ul><li>North: 40</li><li>South: 52</li></ul>
<table><tr><th>Week</th><th>Tests</th><th>Positive</th></tr><tr><td>38</td><td>4,210</td><td>3.1%</td></tr></table>
</div></div><div><a href="/">Home</a> <a href="/contact">Contact</a></div></body></html>"""
    paras = extract(html).paragraphs
    for line in ("We have a total of 117 live cases in the county.", "There have been 12 deaths since March.",
                 "North: 40", "South: 52"):
        assert line in paras, (line, paras)
    text = " ".join(paras)  # the table, as rows or as cells (trafilatura's fallback on a short page)
    for cell in ("Week", "Tests", "Positive", "4,210", "3.1%"):
        assert cell in text, (cell, paras)


def test_dates_rates_and_prices_in_a_table_are_data_not_timestamps():
    """Read on the real pages: a fixture list's "28 Września 2020, 18:00" cell and a loan
    comparison's "4.90%" / "7.90%" cells (a clock time to the stamp rule: "4.90") were dropped as
    timestamps, so a rescheduled match or a changed rate could never alert."""
    html = """<html><head><title>Loans compared</title></head><body><article>
<h1>Car loans compared</h1>
<p>We compared the interest rates of the two largest lenders for a loan of 20,000 francs over four years.</p>
<table><tr><th>Lender</th><th>Bank A</th><th>Bank B</th></tr>
<tr><td>Zinssatz</td><td>4.90%</td><td>7.90%</td></tr><tr><td>Price</td><td>€4.50</td><td>€5.50</td></tr>
<tr><td>Data i godzina</td><td>28 Września 2020, 18:00</td><td>5 May 2021, 10:30</td></tr></table>
<p>The cheaper offer saves a borrower several hundred francs over the life of the loan, the study found.</p>
<p><span>10:42 GMT</span></p>
</article></body></html>"""
    text = extract(html).text
    for cell in ("4.90%", "7.90%", "€4.50", "28 Września 2020, 18:00", "5 May 2021, 10:30"):
        assert cell in text, (cell, text)
    assert "10:42 GMT" not in text


# The quick word check before the share-link and cookie patterns (watcher.wordcheck)
# must never change what they find, whatever the case, script and surroundings of the words.
_SHARE_PARTS = ["https://", "http://", "twitter.com/intent/tweet?", "TWITTER.COM/share", "x.com/intent/post",
                "www.facebook.com/sharer/sharer.php?u=", "linkedin.com/shareArticle?", "reddit.com/submit?url=",
                "wa.me/?text=", "whatsapp://send", "t.me/share/url?", "pinterest.de/pin/create/button/", "mailto:?subject=",
                "news.ycombinator.com/submitlink?u=", "bsky.app/intent/compose", "threads.net/intent/post",
                "example.org/", "twitter.com", "/share", "ſhare", "\u212a", "ü", "%20", "?", "&", "a", "x.com"]
_COOKIE_PARTS = ["We use cookies", "COOKIE", "Cookies?", "consent", "Einwilligung", "Datenschutz", "confidentialité",
                 "privacidad", "politique de confidentialite", "cookie-free", "the cookbook", "cooking", " ", ".",
                 "ſ", "\u212a", "é", "ok"]


@given(st.lists(st.sampled_from(_SHARE_PARTS), max_size=8), st.lists(st.sampled_from(_COOKIE_PARTS), max_size=10))
@settings(max_examples=500, deadline=None)
def test_the_quick_word_checks_never_change_a_share_link_or_a_cookie_notice(share, cookie):
    from watcher.extract import dom
    from watcher.wordcheck import may_match

    href, text = "".join(share), "".join(cookie)
    assert (may_match(href, dom._SHARE_WORDS) and bool(dom._SHARE_HREF.search(href))) == bool(
        dom._SHARE_HREF.search(href))
    assert (may_match(text, dom._COOKIE_WORDS) and bool(dom._COOKIES.search(text))) == bool(
        dom._COOKIES.search(text))


_LIKES_PARTS = ["51", "1.2K", " ", " · ", ", ", "likes", "Like", "UPVOTES", "hearts", "recommends", "Gefällt mir",
                "gefallt mir", "J'aime", "j’aime", "me gusta", "Margaret L.", "ſ", "\u212a", "!", "k"]


@given(st.lists(st.sampled_from(_LIKES_PARTS), max_size=8))
@settings(max_examples=500, deadline=None)
def test_the_quick_word_check_never_changes_a_like_count(parts):
    from watcher.extract import dom
    from watcher.wordcheck import may_match

    text = "".join(parts)
    found = bool(dom._LIKES_END.search(text))
    assert (may_match(text, dom._LIKES_WORDS) and found) == found, text


_ARTICLE = ["The council approved a $2.5 billion budget on Tuesday after a debate that lasted most of the evening.",
            "Engineers have identified 47 bridges in poor condition, and the county expects to repair 12 of them.",
            "The budget also funds 85 new positions, including 30 deputies and 18 building inspectors.",
            "Property owners will not see a rate increase, but rising assessments mean higher bills for many."]


def _story(at: int = 0, widget: str = "", first: str | None = None) -> str:
    """The budget story as a page: ``widget`` after its first ``at`` paragraphs, ``first`` (the
    first paragraph's markup) in place of its first paragraph."""
    paras = [first or _ARTICLE[0], *_ARTICLE[1:]]
    body = "".join(f"<p>{p}</p>" for p in paras[:at]) + widget + "".join(f"<p>{p}</p>" for p in paras[at:])
    return f"<html><body><article><h1>Budget</h1>{body}</article></body></html>"


def _left_out(widgets: list[str], at: int) -> None:
    """Each version of a widget in the story leaves the article whole, and every version of the
    page reads the same: nothing to alert on."""
    texts = set()
    for widget in widgets:
        doc = extract(_story(at, widget))
        assert list(doc.paragraphs) == _ARTICLE
        texts.add(doc.text)
    assert len(texts) == 1


def _layout_page(side: str) -> str:
    text = "<br><br>\n".join(_ARTICLE)
    return (f'<html><body><table width="100%"><tr><td colspan="3"><font size="6"><b>County Times</b></font></td></tr>'
            f'<tr><td width="150"><a href="/">Home</a><br><a href="/news">Local News</a><br><a href="/sports">Sports</a></td>'
            f'<td><font size="5"><b>Budget approved</b></font><br><font size="3">{text}</font></td>'
            f'<td width="200"><b>Top stories</b><br><br>{side}</td></tr></table></body></html>')


def test_a_page_laid_out_in_a_table_yields_its_article_not_one_table_row():
    """A site of layout tables (a column of text in one cell, paragraphs parted by ``<br><br>``) came
    out as table rows ("| Home Local News … | Budget approved … |") and its "Top stories" column
    with the article: every rotation of those stories alerted."""
    side = ('<a href="/a"><b>Council raises fees by 12%</b></a><br>The council voted 5-2 to raise fees by 12 percent.'
            '<br><br><a href="/b"><b>Storm leaves 3,000 without power</b></a><br>About 3,000 homes lost power on Sunday.')
    doc = extract(_layout_page(side))
    assert list(doc.paragraphs) == _ARTICLE
    assert any(reason == "side column of a layout table" for _, reason in doc.ignored)


def test_a_data_table_whose_cells_carry_long_notes_stays_a_table():
    """A recipe's ingredients, each cell with a long product note: the cells share the table's text,
    so it is data, not a layout."""
    note = "Hinweis zum Produkt: " + "Zutaten und Nährwerte stehen auf der Verpackung. " * 12
    rows = "".join(f"<tr><td>{q}</td><td>{name}<span hidden>{note}</span></td></tr>"
                   for q, name in (("250 g", "Weizenmehl"), ("1 Pck.", "Dr. Oetker Vanillin-Zucker"), ("2", "Eier")))
    html = f"<html><body><article><h1>Bienenstich</h1><p>Ein Rezept für 12 Stück.</p><table>{rows}</table></article></body></html>"
    assert any("Dr. Oetker Vanillin-Zucker" in p and "|" in p for p in extract(html).paragraphs)


@pytest.mark.parametrize("label", ["Lesen Sie auch:", "Mehr zum Thema:", "À lire aussi :", "Lea también:", "Read more:",
                                   "Lire aussi |", "MORE »"])
def test_a_link_under_a_short_label_in_any_language_is_an_inline_teaser(label):
    """ "Lesen Sie auch: <headline>" inside a German paper's article body leaked its rotating
    headlines (with figures) into the article: only "nothing but links" was a teaser."""
    body = "".join(f"<p>{p}</p>" for p in _ARTICLE[:2])
    teaser = f'<p><strong>{label}</strong> <a href="/x">Storm leaves 3,000 homes without power</a></p>'
    html = f"<html><body><article><h1>Budget</h1>{body}{teaser}" + "".join(f"<p>{p}</p>" for p in _ARTICLE[2:]) + \
        "</article></body></html>"
    doc = extract(html)
    assert list(doc.paragraphs) == _ARTICLE
    assert any("3,000" in text for text, _ in doc.ignored)


def _wiki_refs(first: int) -> str:
    refs = "".join(f'<li id="cite_note-{n}"><span class="mw-cite-backlink"><b><a href="#cite_ref-{n}">^</a></b></span> '
                   f'<cite>"Budget passes". The Courier. 18 June 2024. Retrieved {n + 10} June 2024.</cite></li>'
                   for n in range(first, first + len(_ARTICLE)))
    return f'<h2>References</h2><ol class="references">{refs}</ol>'


@pytest.mark.parametrize("shift", [0, 3])
def test_footnote_markers_and_the_notes_they_point_to_are_no_article_text(shift):
    """A wiki's citation markers ("…evening.[3]") read as figures glued to their sentences: a
    citation added above renumbers every later one ("[3]" → "[4]") and each alerted as a changed
    figure, and the references list's retrieval dates alerted as dates changed."""
    marker = ('<sup id="cite_ref-{n}" class="reference"><a href="#cite_note-{n}"><span class="cite-bracket">[</span>{n}'
              '<span class="cite-bracket">]</span></a></sup>')
    body = "".join(f"<p>{p}{marker.format(n=i + 1 + shift)}</p>" for i, p in enumerate(_ARTICLE))
    html = f"<html><body><article><h1>Budget</h1>{body}{_wiki_refs(1 + shift)}</article></body></html>"
    doc = extract(html)
    assert list(doc.paragraphs) == _ARTICLE
    assert sum(reason == "footnote marker" for _, reason in doc.ignored) >= 2
    assert any("Retrieved" in text for text, reason in doc.ignored if reason.startswith("note a footnote"))


def test_a_footnote_whose_number_links_back_leaves_with_its_marker():
    """A newsletter platform's footnotes: the marker after a word links to the note, the note's own
    number links back to the marker — the one after text is the marker, the other the note."""
    note = ('<div class="footnote"><a id="footnote-1" href="#footnote-anchor-1" class="footnote-number">1</a>'
            '<div class="footnote-content"><p>Adjusted for inflation, as published in March 2024.</p></div></div>')
    body = "".join(f"<p>{p}</p>" for p in _ARTICLE[1:])
    first = _ARTICLE[0].replace(" on Tuesday", '<a class="footnote-anchor" id="footnote-anchor-1" href="#footnote-1">1</a>'
                                " on Tuesday")
    doc = extract(f"<html><body><article><h1>Budget</h1><p>{first}</p>{body}{note}</article></body></html>")
    assert list(doc.paragraphs) == _ARTICLE
    assert ("1 Adjusted for inflation, as published in March 2024.",
            "note a footnote marker points to (a reference or a footnote)") in doc.ignored


def test_numbered_links_that_annotate_no_sentence_are_no_footnotes():
    """A list of numbered section links and a comment counter link to places on the page too; they
    annotate no sentence, and what they point to (the article's sections) stays."""
    sections = "".join(f'<h2 id="s{k}">Part {k}</h2><p>{p}</p>' for k, p in enumerate(_ARTICLE, 1))
    toc = "<ol>" + "".join(f'<li><a href="#s{k}">{k}</a></li>' for k in range(1, len(_ARTICLE) + 1)) + "</ol>"
    counter = '<div>Comments <a href="#comments">93</a></div>'
    html = (f"<html><body><article><h1>Budget</h1>{toc}{counter}{sections}"
            f'<div id="comments"><p>No comments yet.</p></div></article></body></html>')
    doc = extract(html)
    assert all(p in doc.paragraphs for p in _ARTICLE)
    assert not any(reason.startswith(("footnote", "note a footnote")) for _, reason in doc.ignored)


def test_a_reader_poll_whose_results_move_with_every_vote_is_left_out():
    """A local site's poll beside the story ("Yes 58%", "No 35%", "1,204 votes") alerted at every
    check as shares and a count changed: its vote count marks the box as a widget. Results in a
    table, and votes counted in a sentence, stay."""
    poll = ("<div><h3>Poll: Should the county raise the hotel tax?</h3><ul><li>Yes {yes}%</li><li>No {no}%</li>"
            "<li>Not sure 7%</li></ul><p>{votes} votes</p></div>")
    results = ("<table><tr><th>Candidate</th><th>Votes</th></tr><tr><td>Jane Holt</td><td>12,345 votes</td></tr>"
               "<tr><td>Sam Ortiz</td><td>9,876 votes</td></tr></table>")
    sentence = "The measure passed by 1,204 votes, the county clerk said on Wednesday."
    texts = []
    for yes, no, votes in ((58, 35, "1,204"), (60, 33, "1,310")):
        body = "".join(f"<p>{p}</p>" for p in _ARTICLE) + f"<p>{sentence}</p>" + results
        doc = extract(f"<html><body><article><h1>Budget</h1>{body}{poll.format(yes=yes, no=no, votes=votes)}"
                      "</article></body></html>")
        texts.append(doc.text)
        assert any(reason.startswith("reader poll") for _, reason in doc.ignored)
    assert texts[0] == texts[1]
    assert sentence in texts[0] and "12,345 votes" in texts[0]


def test_bracketed_citation_links_leave_no_empty_brackets_and_no_figures():
    """A journal's page cites as "… in 2023 [<a href="#B12">12</a>]." and renumbers when a
    reference is added above: the linked numbers and their brackets go, the reference list too."""
    def page(shift: int) -> str:
        body = "".join(f'<p>{p} [<a href="#B{k + shift}" class="xref">{k + shift}</a>, '
                       f'<a href="#B{k + shift + 1}">{k + shift + 1}</a>]</p>' for k, p in enumerate(_ARTICLE, 1))
        refs = "".join(f'<li id="B{n}">{n}. Holt J. Budget review. Policy Rev. 2024;{n}:{100 + n}.</li>'
                       for n in range(1, len(_ARTICLE) + 3 + shift))
        return f"<html><body><article><h1>Budget</h1>{body}<h2>References</h2><ol>{refs}</ol></article></body></html>"
    docs = [extract(page(shift)) for shift in (0, 2)]
    assert docs[0].text == docs[1].text
    assert [p.rstrip(".") for p in docs[0].paragraphs] == [p.rstrip(".") for p in _ARTICLE]


@pytest.mark.parametrize("cta", ["Subscribe now", "Jetzt abonnieren", "Start your free trial", "Suscríbete", "Donate",
                                 "Jetzt spenden", "Faire un don", "Sign up"])
def test_a_subscription_offer_or_a_donation_ask_inside_the_article_is_left_out(cta):
    """A metered paper tests its offer between loads ("$1 for 6 months" / "Just $2 a month"), a
    nonprofit newsroom asks for gifts with a meter that moves with every gift: each version alerted
    as a claim with a price removed and another added."""
    offers = ("Get unlimited access for $1 for 6 months.", "Just $2 a month for your first year.",
              # a nonprofit newsroom's donation meter moves with every gift
              "1,204 readers have given $58,310 of our $75,000 goal this month.",
              # a newsletter promoted without a form: its readership grows at every check
              "Join 250,312 readers who start their day with our free morning newsletter.")
    _left_out([f'<div><p>{offer}</p><a href="/subscribe">{cta}</a></div>' for offer in offers], at=2)


@pytest.mark.parametrize("n", [1, 2])
def test_continue_reading_with_the_story_going_on_after_it_is_no_teaser(n):
    """An aggregator cuts its copy of a story with a "Continue reading" button and shows the rest
    below it: the whole short story was taken for a teaser card (a keep-reading marker at its end)
    and the page had no article text. A card ends with its marker; text after it is the story's."""
    body = ("".join(f"<p>{p}</p>" for p in _ARTICLE[:n]) + '<div><button>Continue reading</button></div>'
            + "".join(f"<p>{p}</p>" for p in _ARTICLE[n:]))
    html = f"<html><body><div><h1>Budget</h1><div>{body}</div></div></body></html>"
    assert list(extract(html).paragraphs) == _ARTICLE


@pytest.mark.parametrize("cls", ["sr-only", "visually-hidden", "govuk-visually-hidden", "screen-reader-text",
                                 "element-invisible"])
def test_text_for_screen_readers_only_is_no_article_text(cls):
    """A broadcaster's page announces "(opens in a new tab)" inside a link of a sentence and
    "Advertisement" before an ad slot, for screen readers only: read with the sentence, the figure
    "35" was parted from its unit ("35 (opens in a new tab) percent") and the claim's change went
    unreported. A chart's data table for screen readers repeats the chart, whose values move."""
    first = _ARTICLE[0].replace("approved a $2.5 billion", f'<a href="https://example.org/x">approved a $2.5 billion<span class="{cls}"> '
                                "(opens in a new tab)</span></a>")
    table = (f'<figure><svg><text>120</text></svg><table class="{cls}"><tr><th>Month</th><th>Value</th></tr>'
             "<tr><td>May</td><td>162</td></tr></table></figure>")
    ad = f'<div><span class="{cls}">Advertisement</span><div></div></div>'
    body = f"<p>{first}</p>{ad}" + "".join(f"<p>{p}</p>" for p in _ARTICLE[1:3]) + table + \
        "".join(f"<p>{p}</p>" for p in _ARTICLE[3:])
    doc = extract(f"<html><body><article><h1>Budget</h1>{body}</article></body></html>")
    assert list(doc.paragraphs) == _ARTICLE
    assert "162" not in doc.text and "Advertisement" not in doc.text


@pytest.mark.parametrize("cls", ["sr-only md:not-sr-only", "sr-only-focusable", "visually-hidden-focusable",
                                 "hidden-xs", "screen"])
def test_text_shown_on_screen_stays(cls):
    """Shown again on wider screens ("md:not-sr-only"), a skip link shown on focus, a class that
    only hides on phones or names a screen: the text is the page's, and stays."""
    first = _ARTICLE[0].replace("approved a $2.5 billion", f'<span class="{cls}">approved a $2.5 billion</span>')
    assert list(extract(_story(first=first)).paragraphs) == _ARTICLE


def _summary_box(label: str, items: list[str]) -> str:
    lis = "".join(f"<li>{x}</li>" for x in items)
    return (f'<section><h2>{label}</h2><p>Here is what to know:</p><ul>{lis}</ul><p><em>This summary was generated '
            "by AI and reviewed by our editors.</em> Was this summary helpful? <button>Yes</button></p></section>")


@pytest.mark.parametrize("label", ["Quick read", "Key takeaways", "AI summary", "Das Wichtigste in Kürze", "En bref"])
def test_a_summary_box_that_restates_the_article_is_left_out(label):
    """A machine-written summary above the story is rewritten at every load (lead-in, order and
    wording change): each load alerted as claims removed and added. Its items restate the
    article's sentences, which hold the claims."""
    firsts = [p.split(", ")[0] for p in _ARTICLE[:3]]
    _left_out([_summary_box(label, [("According to the county, " + f[0].lower() + f[1:]) if (j + k) % 2 else f
                                    for j, f in enumerate(firsts[k:] + firsts[:k])]) for k in range(3)], at=0)


def test_a_box_of_findings_said_nowhere_else_stays_under_any_label():
    """A report's "Key findings" box states what the text below does not repeat: it is the
    article's, summary label or not."""
    findings = ["Rents in the county rose 14 percent in two years, twice the state average.",
                "One in five tenants spends more than half of their income on housing costs."]
    doc = extract(_story(0, _summary_box("Summary", findings)))
    assert all(any(f in p for p in doc.paragraphs) for f in findings)


@pytest.mark.parametrize("tip", ['<span role="tooltip">{d}</span>', '<span class="tooltiptext">{d}</span>',
                                 '<div class="c-tooltip__content">{d}</div>'])
def test_a_tooltip_inside_a_sentence_is_no_word_of_it(tip):
    """An explainer's glossary puts a term's definition inside the sentence, shown on hover: read
    with the sentence it added figures to it ("Putin<tooltip>… 12 agencies in 1994</tooltip> and
    Kim"), which a seed pasted from the page as shown did not hold. The term itself stays."""
    d = "a term defined in our glossary, first used by 12 agencies in 1994"
    first = _ARTICLE[0].replace("budget", f'<span class="tooltip" tabindex="0">budget{tip.format(d=d)}</span>')
    assert list(extract(_story(first=first)).paragraphs) == _ARTICLE


def test_a_quiz_inside_the_story_is_left_out():
    """A news quiz between the paragraphs ("Question 2 of 5", answers as buttons with figures,
    "Score: 3/5") changed its question at every load: each alerted as figures changed."""
    questions = (("How many people live in the region?", ("About 1 million", "About 3 million")),
                 ("In which year did the program start?", ("2009", "2014", "2019")))
    _left_out([f"<div><div>Quiz · Question {k + 1} of 5</div><p>{q}</p>" + "".join(f"<button>{o}</button>" for o in options)
               + f"<div>Score: {k}/5</div></div>" for k, (q, options) in enumerate(questions)], at=2)


def test_one_button_beside_article_text_leaves_it():
    """One button ("Listen", "Read full article") sits beside text that is the article's."""
    assert list(extract(_story(first=f"{_ARTICLE[0]}<button>Listen</button>")).paragraphs) == _ARTICLE


@pytest.mark.parametrize("footer", ["Margaret L. · 51 likes", "51 likes", "dkwan88 · 1.2K upvotes"])
def test_a_top_comment_quoted_alone_in_the_story_is_left_out(footer):
    """A local paper quotes its top reader comment inside the story; which comment is on top
    changes as votes come in, and each alerted as a sentence with a figure added and another removed.
    A single comment has no siblings of its template: its like count says what it is."""
    comments = ("I have lived here for 31 years and have never seen anything like this.",
                "About 40 of us showed up to the last meeting and nobody listened to a word.")
    _left_out([f"<blockquote><div>Top comment</div><p>{c}</p><footer>{footer}</footer></blockquote>" for c in comments],
              at=3)


def test_a_short_story_collapsed_behind_read_full_article_is_the_article():
    """A short story collapsed after its third paragraph behind a "Read full article" button at
    its end was taken for a teaser card (a card ends with its marker): "no article text found"."""
    body = (f"<div>{''.join(f'<p>{p}</p>' for p in _ARTICLE[:3])}<div class='rest'>"
            f"{''.join(f'<p>{p}</p>' for p in _ARTICLE[3:])}</div><div><button>Read full article</button></div></div>")
    cards = "".join(f"<div><a href='/s{k}'><img src='/i{k}.jpg' alt=''><h3>Other story {k}</h3></a></div>" for k in range(3))
    html = f"<html><body><nav><a href='/'>Home</a></nav><article><h1>Budget</h1>{body}</article><section>{cards}</section></body></html>"
    assert list(extract(html).paragraphs) == _ARTICLE


def test_a_sidenote_inside_its_paragraph_is_no_word_of_the_sentence():
    """A long-form blog sets its notes in the margin, written inside the paragraph after the word
    they annotate (a toggle label and checkbox, then the note): read with the sentence, the note's
    figures were the sentence's ("first reported in a 2019 study of 48 countries")."""
    note = ('<label for="sn-1" class="margin-toggle sidenote-number"></label><input type="checkbox" id="sn-1" '
            'class="margin-toggle"><span class="sidenote">The figure was first reported in a 2019 study of 48 countries.</span>')
    first = _ARTICLE[0].replace("budget on Tuesday", f"budget{note} on Tuesday")
    assert list(extract(_story(first=first)).paragraphs) == _ARTICLE
