"""Cleaning: the seeds clean to exactly their body paragraphs; the rules are general patterns."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import watcher.extract.clean as clean
from watcher.extract import extract, load_baseline

from . import sitegen as pages
from .conftest import SEEDS
from .seed_expected import SEED_ANALYSIS, SEED_ANALYSIS_FILE, SEED_COMMENTARY, SEED_COMMENTARY_FILE


def test_analysis_seed_cleans_to_its_body_paragraphs():
    assert list(load_baseline(SEEDS / SEED_ANALYSIS_FILE).paragraphs) == SEED_ANALYSIS


def test_commentary_seed_cleans_to_its_body_paragraphs():
    assert list(load_baseline(SEEDS / SEED_COMMENTARY_FILE).paragraphs) == SEED_COMMENTARY


def test_magazine_page_of_the_analysis_cleans_like_its_seed():
    html = pages.magazine_page("Putin and Kim in Pyongyang, making it 'strategic'", SEED_ANALYSIS,
                               dek="But even good friends have geopolitical limits",
                               caption="Russia's President Vladimir Putin meets Kim Jong Un. Sputnik/Pool via REUTERS",
                               teasers=pages.rotate(pages.TEASER_POOL, 3, 0))
    assert list(extract(html).paragraphs) == SEED_ANALYSIS


def test_thinktank_page_of_the_commentary_cleans_like_its_seed():
    quote = ("North Korea and Russia simply do not and cannot have a “no limits” partnership of the kind "
             "Putin declared with Chinese President Xi Jinping just before the invasion of Ukraine.")
    html = pages.thinktank_page(
        "Putin's Embrace of Kim Jong-un Has Its Limits", SEED_COMMENTARY,
        caption="North Korean leader Kim Jong-un meets with Russian President Vladimir Putin, September 13, 2023",
        credit="Photo by KCNA via Reuters", pull_quotes={14: quote},
        bio="Derek Grossman is a senior defense analyst at RAND.", related=["Another commentary"])
    assert list(extract(html).paragraphs) == SEED_COMMENTARY


def test_teaser_block_with_keep_reading_is_cut_with_everything_after():
    paras = ["The council approved the budget on Tuesday after a long debate.",
             "It allocates $4 million to road repairs, officials said.",
             "Culture", "Museum reopens after renovation", "Photo by Jane Doe",
             "The city museum reopened with 12 new galleries.", "keep reading", "Show less",
             "Sports", "Local team wins", "The team won 3-1.", "keep reading"]
    assert clean.clean(paras) == paras[:2]


def test_near_duplicate_pull_quote_next_to_share_button_is_dropped_not_the_body():
    body = "The agency said the outbreak had infected at least 240 people across four counties by Friday."
    paras = ["Officials urged residents to get vaccinated before the school year starts.", body,
             "The outbreak had infected at least 240 people across four counties by Friday.", "Share on Twitter",
             "Hospitals have added beds to cope with the surge of cases this month."]
    assert clean.clean(paras) == [paras[0], body, paras[4]]


def test_body_sentences_mentioning_reuters_or_photos_are_kept():
    paras = ["The figures were first reported by Reuters on Monday, citing three officials.",
             "Satellite photos by Maxar show at least 40 new craters near the airfield.",
             "The ministry, according to Reuters, has not commented."]
    assert clean.clean(paras) == paras


def test_credit_lines_and_labels_are_dropped():
    paras = ["Analysis | Europe", "A protester holds a flag in Kyiv. REUTERS/Valentyn Ogirenko",
             "Getty Images", "Updated: June 5, 2024 10:30 am",
             "The government said it would raise spending by 5 percent next year."]
    assert clean.clean(paras) == [paras[-1]]


def test_a_line_that_only_counts_reactions_is_dropped():
    """A real page's "chat_bubble 0 Kommentare" (an icon font's ligature and the comment counter)
    was kept as article text, and the next visitor's comment alerted as a figure change."""
    paras = ["chat_bubble 0 Kommentare", "12 comments", "1.2k views", "5 Antworten",
             "The council counted 12 comments on the draft and 5 objections."]
    assert clean.clean(paras) == [paras[-1]]


def test_the_copyright_line_is_dropped_and_a_sentence_about_copyright_is_kept():
    """A real page's "© 1996 - 2022 Internetchemie ChemLin" was kept, and the new year alerted."""
    paras = ["© 1996 - 2022 Internetchemie ChemLin", "Copyright 2024 Example Media. All rights reserved.",
             "Copyright law has changed twice since 2019, the court said."]
    assert clean.clean(paras) == [paras[-1]]


# The quick check before the credit pattern (clean._may_be_credit) must never rule out a line the
# pattern matches, whatever the case, script and surroundings of its words.
_CREDIT_PARTS = ["Photo", "PHOTOS", "images", "Picture", "illustration", "Video", "graphics", "by", "By", "BY",
                 "credit", "Credit:", "courtesy", "Source", "sources", "via", "VIA", "Reuters", "REUTERS", "AP", "ap",
                 "AFP", "EPA", "Getty Images", "getty", "Shutterstock", "iStock", "AP Photo", "pool", "Wikimedia Commons",
                 "flickr", "JOHN SMITH", "O'NEIL", "Jane Doe", ". By JANE DOE", "BY AP -", "/", " / ", ":", ", ", ". ", ";", "|", " ", "\n",
                 "The minister said", "budget", "ſ", "\u212a", "\u0130", "é", "Ärger", "x", "2024"]


@given(st.lists(st.sampled_from(_CREDIT_PARTS), max_size=9))
@settings(max_examples=1500, deadline=None)
def test_the_quick_check_never_rules_out_a_credit_line(parts):
    text = "".join(parts)
    if clean._CREDIT.search(text):
        assert clean._may_be_credit(text), text


def test_credit_lines_of_every_phrasing_are_still_found():
    for line in ("Photo: Jane Doe", "Images courtesy of the museum", "Credit: NASA", "Source: World Bank",
                 # an older CMS sets the credit in brackets after the caption, in one line
                 "Officials speak to reporters outside the county building on June 18, 2024. (Photo: Marcus Lee)",
                 "The crowd outside the court, via Reuters", "Posted via", "By JOHN SMITH",
                 "Protesters in the capital / AFP", "A view of the harbour. REUTERS/Jane Doe",
                 "Firefighters at the scene Getty Images"):
        assert clean.is_credit(line), line
    assert not clean.is_credit("The ministry said the budget would grow by a tenth next year.")
    assert not clean.is_credit("Written by hand, the letters were sent BY POST")  # by, but no byline at the end


def test_reading_times_and_datelines_in_any_language_are_furniture():
    """"5 min read" grows with the article (an update adding a paragraph moved a figure); "28
    kwietnia 2021, 06:29" is a date line in a language whose month names no rule knows — the clock
    time after it says so. A sentence with a duration stays."""
    for line in ("5 min read", "Lesezeit: 3 Minuten", "Reading time: 4 minutes", "Temps de lecture : 3 min",
                 "28 kwietnia 2021, 06:29", "5 maggio 2023 alle 10:30"):
        assert clean.is_furniture_line(line), line
    for line in ("It took 5 minutes to read the verdict.", "Bake for 5 min.", "12 Menschen 2021 verletzt",
                 "4.90%", "€4.50"):
        assert not clean.is_furniture_line(line), line


def test_a_pull_quote_far_from_the_paragraph_it_repeats_is_dropped_and_a_quoted_paragraph_kept():
    """A long-read layout sets its pull quote mid-article, far from the lead it quotes: it was kept
    (repeats were looked for within three paragraphs), and its figure changed with the lead's."""
    lead = "The Marlow County Board of Supervisors on Tuesday approved a $2.5 billion operating budget for next year."
    body = [lead + " It passed 4 to 1.", "Second paragraph about 47 bridges in poor condition.",
            "Third paragraph about the transport money.", "Fourth paragraph about the reserve fund and its rules.",
            f"“{lead}”", "Fifth paragraph about the sheriff's deputies and inspectors.",
            '"We will not raise taxes this year, whatever the state decides to do next," the chairwoman said.']
    got = clean.clean(body)
    assert f"“{lead}”" not in got and body[0] in got and body[-1] in got


def test_a_closing_bio_with_the_reporters_beat_and_contact_is_dropped():
    body = ["The council approved the budget on Tuesday, 4 to 1, after three hours of debate.",
            "Alex Moreno has covered City Hall for 12 years and won 3 state press awards. Write to her at desk@example.com."]
    assert clean.clean(body) == body[:1]
    # a last paragraph about who covered what, with no contact, is the article's
    last = ["The council approved the budget on Tuesday.", "The agency has covered 40% of the costs so far, officials said."]
    assert clean.clean(last) == last


def test_a_byline_and_its_date_in_one_line_is_a_date_line():
    """ "Economics Desk · Jun 12, 2024" was kept as a sentence with a date: each new day alerted."""
    for line in ("Economics Desk · Jun 12, 2024", "By Jane Roe | June 3, 2024",
                 "Herald Staff · June 19, 2024 · Updated June 20, 2024, 9:00 a.m.",
                 # a newsletter's web version heads the issue with its name, number and date
                 "The Morning Brief · Issue #412 · June 19, 2024 · Updated July 18, 2024, 6:40 p.m. PDT",
                 "June 3, 2024 · Politics",
                 # the update's label in the site's language, the date as the scenario writes it
                 "Redakcja · June 19, 2024 · Aktualizacja: June 20, 2024, 9:15 a.m.",
                 "Pubblicato il June 19, 2024", "Bijgewerkt op 20 June 2024, 09:15"):
        assert clean.is_dateline(line), line
    for line in ("Smith said rates rose · June 3, 2024", "The Fed · raised rates on June 12, 2024",
                 "Officials counted 7,000 · June 3, 2024", "The Morning Brief · Issue #412"):
        assert not clean.is_dateline(line), line


def test_a_plain_text_copys_citation_markers_are_dropped_but_a_notes_own_number_stays():
    """A seed pasted from a wiki or a journal keeps its markers; the page's structural pass takes
    the linked ones out, so the line cleaner drops those written out: glued ("this month.[15]"),
    spaced ("in 2023 [12]", "[3, 4]"). The number a note opens with stays, at a line's start or a
    sentence's ("… Scheitern? [2] Abgebrochene …")."""
    seed = ['"We highly appreciate that," Putin said earlier this month.[15] China is a partner.[16][17]',
            "Spending rose in 2023 [12], as earlier studies showed [3, 4].",
            "[2] Abgebrochene Forschung ist verwandt mit Scheitern. Wer spricht schon gerne darüber? [3] Niemand."]
    assert clean.clean(seed, plain_text=False) == [
        '"We highly appreciate that," Putin said earlier this month. China is a partner.',
        "Spending rose in 2023, as earlier studies showed.",
        "[2] Abgebrochene Forschung ist verwandt mit Scheitern. Wer spricht schon gerne darüber? [3] Niemand."]


@pytest.mark.parametrize("line", ["12.3K Reposts · 45.6K Likes · 2,100 Replies", "1.2M views · 2 days ago",
                                  "1,204 likes", "9:12 AM · Jun 18, 2024", "3 Kommentare · 12 Aufrufe"])
def test_an_embedded_posts_counters_and_stamp_are_furniture(line):
    """A social post embedded as the platform's card: its counters, all on one line, climb at every
    check, and its time and date head it; each alerted as a figure changed."""
    assert clean.is_furniture_line(line)


@pytest.mark.parametrize("line", ["The bill got 12 votes and 3 comments from members of the committee.",
                                  "The meeting starts at 9:12 AM on June 18, 2024, officials said."])
def test_a_sentence_with_counts_or_a_time_is_no_counter(line):
    assert not clean.is_furniture_line(line)


@pytest.mark.parametrize("line", ["Episode 312 · Apr 4, 2024", "Issue 45 · June 3, 2024",
                                  "This transcript was generated automatically and may contain errors.",
                                  "This article was translated with the help of AI.",
                                  "You may republish our articles for free under a Creative Commons license.",
                                  "This story is published under a Creative Commons license."])
def test_an_episodes_number_and_date_and_a_note_on_how_the_text_was_made_are_furniture(line):
    """A podcast page's "Episode 312 · Apr 4, 2024" and "This transcript was generated
    automatically and may contain errors." alerted as a figure and a hedged claim added."""
    assert clean.is_furniture_line(line)


def test_a_report_produced_by_someone_stays_text():
    assert not clean.is_furniture_line("The report was produced by the ministry, which found 12 errors.")
    assert not clean.is_furniture_line("You may have seen the 12 errors the ministry found in the report.")
