"""The quick word check (watcher.wordcheck) is exact: it never rules out a text the pattern after it
would match, in any script."""

from __future__ import annotations

import re
import string
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from watcher.wordcheck import ODD_FOLDS, may_match


def test_the_odd_folds_are_every_character_case_insensitive_matching_takes_for_an_ascii_letter():
    # every Unicode character that a case-insensitive pattern of one ASCII letter matches, beyond the
    # letter itself and its capital: the check's exactness rests on this list being complete
    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    odd = {m.group() for x in string.ascii_lowercase for m in re.finditer(x, everything, re.IGNORECASE)
           if not m.group().isascii()}
    assert odd == set(ODD_FOLDS)


_WORDS = ("cookie", "versi", "twitter.com/", "confidentialit")
_PATTERN = re.compile(r"\bcookies?\b|una\s+versi[óo]n|twitter\.com/(?:intent|share)|\bconfidentialit", re.IGNORECASE)
_PARTS = ["cookie", "COOKIES", "Cookie-free", "una versión", "UNA VERSION", "twitter.com/intent", "TWITTER.COM/SHARE",
          "confıdentialité", "confİdentialité", "coo\u212aie", "twitter.com/ſhare", "Ärger", "straße", " ", "é", "x"]


@given(st.lists(st.sampled_from(_PARTS), max_size=8))
@settings(max_examples=500, deadline=None)
def test_the_word_check_never_rules_out_a_text_the_pattern_matches(parts):
    text = "".join(parts)
    if _PATTERN.search(text):
        assert may_match(text, _WORDS)
