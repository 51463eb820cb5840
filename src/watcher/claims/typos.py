"""Spelling corrections: "Febuary 5" → "February 5", "3 milion" → "3 million", "5.2 percnet" →
"5.2 percent" are no figure changes, and "Nihct" → "Nicht", "köntne" → "könnte" no cue changes.

The figure grammar reads a figure with the words around it — its month, scale word, unit,
"percent" —, so a misspelt word there changes how the figure is read: "Febuary 5, 2024" is two
bare numbers and "February 5, 2024" a date; "3 milion" is 3 and "3 million" three million. When a
page's editor fixes the typo (or makes one), the figures compare as dropped and added, and the
analyst would be told a figure moved by 99999900 %. The cues read words the same way: a misspelt
"nicht" is a negation dropped, a misspelt "könnte" a hedge removed.

Two versions of a sentence differ only in spelling when their words are the same but for pairs
one edit apart (a letter added, dropped, replaced, or two swapped), each of at least four letters,
of which at most one is a word of the figure grammar or the cues: "million" → "billion", "June" →
"July" and "could" → "would" are one edit apart too, and they are real changes. The digits are then the same, in the same
order; the figures read differently only because of the misspelling. Language-blind: no
dictionary, only the grammar's own vocabulary.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import OSA

from .cues import FOREIGN_CUE_WORDS, HEDGES, NEGATIONS, SAY_VERBS
from .numbers_dates import MONTHS
from .numbers_locale import CURRENCY_WORDS, QUALIFIER_PHRASES, SCALE_WORDS, SHORT_SCALES
from .numbers_words import (
    DURATION_UNITS,
    FRACTIONS,
    MEASURE_UNITS,
    MULT_WORDS,
    ORDINALS,
    RATE_ADVERBS,
    RATE_UNITS,
    TENS,
    UNITS,
    VAGUE,
)

_WORDS = re.compile(r"\w+")
_PERCENT_WORDS = ("percent cent pct percentage point points prozent prozentpunkt prozentpunkte prozentpunkten "
                  "procent ciento cento pourcentage")


@lru_cache(maxsize=1)
def figure_words() -> frozenset[str]:
    """Every word the figure grammar and the cues read (lower case): months, scale and number words,
    units, currencies, qualifiers, percent; hedges, negations, saying verbs."""
    tables = (MONTHS, SCALE_WORDS, SHORT_SCALES, CURRENCY_WORDS, QUALIFIER_PHRASES, UNITS, TENS, ORDINALS,
              MULT_WORDS, DURATION_UNITS, MEASURE_UNITS, RATE_UNITS, RATE_ADVERBS, FRACTIONS, VAGUE, HEDGES,
              NEGATIONS, FOREIGN_CUE_WORDS, SAY_VERBS.split("|"))
    words = {w for table in tables for phrase in table for w in _WORDS.findall(phrase.lower())}
    words |= {w + "s" for w in DURATION_UNITS}  # the grammar strips a plural "s" before its look-up
    return frozenset(words | set(_PERCENT_WORDS.split()))


def _misspelt(a: str, b: str) -> bool:
    if not (a.isalpha() and b.isalpha()) or min(len(a), len(b)) < 4 or OSA.distance(a, b) != 1:
        return False
    known = figure_words()
    return not (a in known and b in known)


def spelling_only(before: str, after: str) -> list[tuple[str, str]]:
    """The misspelt words and their corrections when ``before`` and ``after`` differ only in spelling
    (see the module's doc; a change of case alone is none); an empty list when they differ
    otherwise, or not at all."""
    a, b = _WORDS.findall(before), _WORDS.findall(after)
    if len(a) != len(b):
        return []
    pairs = [(x, y) for x, y in zip(a, b, strict=True) if x.lower() != y.lower()]
    if not pairs or not all(_misspelt(x.lower(), y.lower()) for x, y in pairs):
        return []
    return pairs
