"""The figure scanner of :mod:`watcher.claims.numbers`: where a sentence's numerals and number words
are, what each is worth (scale words applied), and the unit glued to it.

A :class:`RawFigure` is one token before any context is read: no kind, no counted noun, no range
yet — :func:`watcher.claims.numbers.parse` builds mentions from these. The scanner is one regular
expression; its number-word alternation is left out for sentences without a number word, since
tried at every position it is most of the scanner's cost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .numbers_dates import Span
from .numbers_locale import (
    CURRENCY_SYMBOLS,
    SCALE_RE,
    SCALE_WORDS,
    SHORT_SCALES,
    numeral_value,
    sentence_locale,
)
from .numbers_words import MEASURE_UNITS, TENS, UNITS

_UNIT_ALT = "|".join(re.escape(u) for u in sorted(MEASURE_UNITS, key=len, reverse=True) if len(u) > 1)
# temperatures only glued to the figure ("40C", "104F"): "Room 12 C" is a room
_UNIT_AFTER = re.compile(rf"\s?(?:(?i:(?P<u>{_UNIT_ALT}))|(?P<u1>[mgltLWV]))(?![\w/²³])|(?P<u2>[CF])(?![\w/²³])")

# digits with any grouping or decimal marks; which mark is which is numeral_value's decision
_NUM = r"\d{1,3}(?:[ ]\d{3})+(?:[.,]\d+)?(?![\d]|[.,]\d)|\d+(?:[.,\u00a0\u2009\u202f]\d+)*|\.\d+"
_WORD = "|".join(sorted([*UNITS, *TENS], key=len, reverse=True))
# ISO codes written before a figure ("EUR 1.5 million", "CHF 100"), upper case only
_SYMBOLS = tuple(c for c in CURRENCY_SYMBOLS if len(c) == 1)  # "$", "€", "£" …
_CODES = r"\b(?-i:USD|EUR|GBP|CHF|JPY|CNY|CAD|AUD|INR|SEK|NOK|DKK|PLN|MXN|BRL)(?=\s?\d)"
_TOKEN_TEMPLATE = r"""(?=[$€£¥₹₩₽\d]|(?:US|C|A)\s?\$|CODES|\s?[$€£¥₹₩₽\d]WORD_LOOKAHEAD)
         (?P<cur>(?:US\s?\$|C\$|A\$|[$€£¥₹₩₽]|CODES))?\s?
         (?:(?P<num>NUM)(?P<ord>st|nd|rd|th)?(?P<fold>-?fold|-?fach(?:e[nrs]?)?\b)?(?![\d])
          |\b(?P<word>(?:WORDS)(?:[-\s](?:WORDS))?)(?P<wfold>-?fold)?\b)
         (?:(?:\s|-(?=[^\W\d_]{4}))?(?P<scale>SCALE))?"""


def _token_re(with_words: bool) -> re.Pattern:
    """The figure scanner; without number words when the sentence has none — the word
    alternation, tried at every position, is most of the scanner's cost."""
    pattern = (_TOKEN_TEMPLATE.replace("WORD_LOOKAHEAD", r"|\s?\b(?:WORDS)" if with_words else "")
               .replace("WORDS", _WORD if with_words else "(?!)").replace("NUM", _NUM).replace("SCALE", SCALE_RE)
               .replace("CODES", _CODES))
    return re.compile(pattern, re.IGNORECASE | re.VERBOSE)


_TOKEN = _token_re(True)
_TOKEN_DIGITS = _token_re(False)
_VERSION = re.compile(r"\d+(?:\.\d+){2,}")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
FRACTION_AFTER = re.compile(r"[-\s](?:thirds?|quarters?|fifths?|tenths?)\b", re.IGNORECASE)


@dataclass(frozen=True)
class RawFigure:
    """One numeral or number word as scanned: its value with the scale word applied, and what was
    written right beside it (currency, ordinal suffix, "-fold", a unit)."""

    m: re.Match  # the scanner's match (groups: cur, num, ord, fold, word, wfold, scale)
    value: float
    end: int  # where the figure ends: after its scale word or unit, if any
    cur: str | None = None  # currency symbol written before it, normalised ("us$", "€")
    num: str | None = None  # the numeral as written (None for a number word)
    word: str | None = None  # the number word as written
    ord: str | None = None  # ordinal suffix ("st", "th")
    fold: str | None = None  # "-fold", "-fach"
    unit: str | None = None  # canonical measure unit glued to it ("TB", "km")
    version: bool = False  # "3.6.0": a version number, compared part by part

    @property
    def scale(self) -> str | None:
        return self.m.group("scale")

    @property
    def start(self) -> int:
        return self.m.start()


def word_value(text: str) -> float | None:
    """The value of a number word or two ("forty-two", "ninety nine", "quatre-vingt-dix"); None if a
    part is no number."""
    total = 0.0
    low = _EIGHTY.sub("quatre-vingt", text.lower())
    for part in _WORD_PARTS.split(low):
        if part in UNITS:
            total += UNITS[part]
        elif part in TENS:
            total += TENS[part]
        else:
            return None
    return total


_EIGHTY = re.compile(r"quatre[-\s]vingts?")  # French 80, written as two words: one part
_WORD_PARTS = re.compile(r"(?<!quatre)[-\s]+")


def scale_of(s: str | None, has_currency: bool, sentence: str = "") -> float:
    """The factor of a scale word ("million", "bn", "Mrd."); NaN for a letter that is a unit, not a
    scale, because no money is counted ("5 m" is five metres). ``has_currency`` is also true where
    the caller knows a lower-case "m" counts something else (:func:`_millions_of`)."""
    if not s:
        return 1.0
    if s == "K" and not has_currency:
        return float("nan")  # "a 5K run": a race's distance; "12k employees" are twelve thousand
    s = re.sub(r"\s+", " ", s.lower()).rstrip(".")
    if s == "billion" and sentence_locale(sentence) == "eu":
        return 1e12  # German "Billion", French "billion": a million million
    if s in SCALE_WORDS:
        return SCALE_WORDS[s]
    if s in ("m", "b", "t", "md") and not has_currency:
        return float("nan")  # "5 m" is five metres, not five million, unless money is counted
    return SHORT_SCALES.get(s, 1.0)


def _is_word_char(ch: str) -> bool:
    """A Latin letter glued before a digit makes it part of a word or identifier ("F-16",
    "COVID19"); a CJK character does not ("約3万人", "価格は30%")."""
    return bool(ch) and ch.isalpha() and bool(_LATIN_LETTER.match(ch))


_INCHES = re.compile(r"in(?![^\W_])")


def _unit_after(sentence: str, at: int) -> tuple[str | None, int] | None:
    """A unit written right after a numeral ("80TB", "5 km", "3GHz") → (canonical unit, end)."""
    m = _UNIT_AFTER.match(sentence, at)
    if not m:
        if _INCHES.match(sentence, at):  # "5ft 10in", "a 55in TV": glued only ("10 in" is a preposition)
            return "in", at + 2
        return None
    u = m.group("u") or m.group("u1") or m.group("u2")
    return MEASURE_UNITS.get(u) or MEASURE_UNITS.get(u.lower()), m.end()


def _numeral(m: re.Match, sentence: str, cur: str | None) -> tuple[float, bool, tuple[str | None, int] | None] | None:
    """(value, is a version, glued unit) of a numeral; None when it is no figure: unreadable, or part
    of a word or an identifier ("F-16", "COVID19", "1/2")."""
    num, at = m.group("num"), m.start("num")
    value = numeral_value(num, sentence)
    version = value is None and bool(_VERSION.fullmatch(num))
    if version:  # "Python 3.6.0": a version, compared as its parts
        value = sum(int(p) / 1000 ** k for k, p in enumerate(num.split(".")[:4]))
    elif value is None:
        return None
    prev, prev2 = sentence[max(0, at - 1): at], sentence[max(0, at - 2): at]
    if not cur and prev and (_is_word_char(prev) or prev in "_/" or re.fullmatch(r"[A-Za-z]-", prev2)
                             and not _TIME_PREFIX.search(sentence, max(0, at - 8), at)):
        return None
    unit = None if cur or m.group("ord") or m.group("fold") or _millions_of(m, sentence) else \
        _unit_after(sentence, m.end("num"))
    return value, version, unit


# a part of a year or a period before it, hyphenated: "mid-2024", "pre-2020", "post-2008" (not a code
# like "F-16")
_TIME_PREFIX = re.compile(r"(?<![^\W\d_])(?:mid|pre|post|early|late|end)-$", re.IGNORECASE)


# what a length in metres is said of ("a 2m wall", "1.8m tall", "the 100m hurdles"): after them a
# glued "m" stays metres even before a plural
_METRE_WORDS = frozenset("tall high long wide deep away above below under over across hurdles relay freestyle "
                         "backstroke breaststroke butterfly medley sprint dash race metres meters".split())
_AFTER_M = re.compile(r"\s+([^\W\d_]+)")


def _millions_of(m: re.Match, sentence: str) -> bool:
    """A lower-case "m" glued to a numeral that counts a plural is millions ("1.5m people",
    "3m barrels"), as British papers write them; before anything else it is metres ("5m",
    "a 2m wall")."""
    if m.group("scale") != "m" or m.start("scale") != m.end("num"):
        return False
    nxt = _AFTER_M.match(sentence, m.end("scale"))
    if nxt is None:
        return False
    word = nxt.group(1)
    return word.lower() not in _METRE_WORDS and (word.endswith("s") or word in ("people", "children"))


# the people a bare "one" counts: "killing one person", "one child was injured" (a toll's first
# figure, which the next update writes "two people")
_ONE_OF_US = re.compile(r"\s+(?:person|man|woman|child|boy|girl|baby|soldier|officer|civilian|firefighter|"
                        r"worker|resident|passenger|student|patient|victim|death|fatality)\b", re.IGNORECASE)


def _number_word(m: re.Match, sentence: str) -> float | None:
    """The value of a number word; None where it is no figure of its own: the start of a fraction
    ("two-thirds of", parsed as a fraction) or a bare "one" ("one of the", "no one")."""
    value = word_value(m.group("word"))
    if value is None or FRACTION_AFTER.match(sentence, m.end("word")):
        return None
    if m.group("word").lower() == "one" and not m.group("scale") and not _ONE_OF_US.match(sentence, m.end("word")):
        return None  # not a figure often enough to be worth the noise — but "one person" is a count
    if m.group("word") == "Sept" and sentence.startswith(".", m.end("word")):
        return None  # the English abbreviation of September, not French seven
    word, before = m.group("word"), sentence[:m.start("word")].rstrip()
    if word[0].isupper() and not word.isupper() and before[-1:].isalnum() and sentence[m.end("word"):][:1] != "-":
        # capitalised inside the sentence, after a word: a name ("the Group of Seven", "Formula One") —
        # not the head of a German compound ("im Zwei-Stunden-Takt")
        return None
    return value


# a sign: a minus glued to the digits after a space or an opening bracket ("fell to -20C", "(-3.5%)"),
# not a range's dash ("10-20", "3–2") nor a list's bullet ("- 20 people"); or the word "minus"
_NEGATIVE_BEFORE = re.compile(r"(?:(?:^|(?<=[\s(\[:=]))[-−]|\bminus\s+)$", re.IGNORECASE)


def _raw_figure(m: re.Match, sentence: str) -> RawFigure | None:
    """The figure of one scanner match, or None when the match is no figure."""
    num, word = m.group("num"), m.group("word")
    cur = (m.group("cur") or "").lower().replace(" ", "") or None
    unit: tuple[str | None, int] | None = None
    version = False
    if num:
        read = _numeral(m, sentence, cur)
        if read is None:
            return None
        value, version, unit = read
        if not cur and not version and _NEGATIVE_BEFORE.search(sentence, max(0, m.start("num") - 8), m.start("num")):
            value = -value  # "-20C", "minus 20 degrees": "20C" is another temperature
    else:
        half = None if m.group("scale") else _AND_A_HALF.match(sentence, m.end("word"))
        word_val = _number_word(m, sentence) if half is None or m.group("word").lower() != "one" else 1.0
        if word_val is None:
            return None
        value = word_val
        if half:
            # "two and a half years", "two-and-a-half million": 2.5, as "2.5 years" is
            scale = SCALE_WORDS.get((half.group(1) or "").lower(), 1.0)
            return RawFigure(m=m, value=float(f"{(value + 0.5) * scale:.12g}"), end=half.end(), word=word)
    if unit is not None and (not m.group("scale") or m.end() <= unit[1]):
        return RawFigure(m=m, value=value, end=unit[1], num=num, word=word, unit=unit[0])
    # money is counted when a currency stands before the figure or right after its scale ("3,5 M€")
    scale = scale_of(m.group("scale"), bool(cur) or sentence.startswith(_SYMBOLS, m.end())
                     or (num is not None and _millions_of(m, sentence)), sentence)
    if scale != scale:  # NaN: unit letter, not a scale
        end = m.end("num") if num else m.end("word")
        scale = 1.0
    else:
        end = m.end()
    return RawFigure(m=m, value=float(f"{value * scale:.12g}"), cur=cur, end=end, num=num, word=word,
                     ord=m.group("ord"), fold=m.group("fold") or m.group("wfold"), version=version)


_AND_A_HALF = re.compile(r"[-\s]+and[-\s]+a[-\s]+half\b(?:[-\s]+(thousand|million|billion)\b)?", re.IGNORECASE)


# figures that are idioms, no figure: "24/7" (around the clock), "50/50" and "50-50" (even odds)
_IDIOMS = re.compile(r"(?<![\d/.,-])(?:24\s?/\s?7|50\s?[/-]\s?50)(?![\d/.,-]?\d)")


def _idioms_in(text: str) -> bool:
    return "24" in text or "50" in text  # every idiom's digits: most texts are spared the pattern


def idiom_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _IDIOMS.finditer(text)] if _idioms_in(text) else []


def spell_idioms(text: str) -> str:
    """``text`` with each idiom written in words ("around the clock", "fifty fifty"), so that its
    spellings ("24/7", "50-50", "50/50") read alike."""
    if not _idioms_in(text):
        return text
    return _IDIOMS.sub(lambda m: " around the clock " if m.group(0).startswith("24") else " fifty fifty ", text)


def raw_figures(sentence: str, spans: list[Span], has_word: bool) -> list[RawFigure]:
    """Numerals and number words outside the special spans (dates, times, decades, CJK figures:
    found separately), left to right."""
    out: list[RawFigure] = []
    idioms = idiom_spans(sentence)
    for m in (_TOKEN if has_word else _TOKEN_DIGITS).finditer(sentence):
        at = m.start("num" if m.group("num") else "word")
        if any(sp.start <= at < sp.end for sp in spans) or any(a <= at < b for a, b in idioms):
            continue
        fig = _raw_figure(m, sentence)
        if fig is not None:
            out.append(fig)
    return out
