"""Our numeric grammar: find the figures of a sentence and what they count.

Why our own: off-the-shelf parsers each fail on part of what matters here (quantulum3 drops
qualifiers, word2number corrupts "3 million"). A :class:`Mention` carries the value (or range), the
kind (count, percent, percentage points, money, multiplier, ordinal, year, duration, measure —
"80TB", "5 km" —, date, time, decade, version, fraction), unit, the
counted noun, a rate ("per day") and the qualifier class ("an estimated", "more than"). Two
renderings of one figure — "3 million" and "3,000,000", "ten" and "10", "$2.5bn" and
"$2.5 billion" — parse to equal mentions, so reformatting never looks like a change.

Other languages' conventions come from :mod:`watcher.claims.numbers_locale` (decimal commas, "1.000
Euro", "2,5 Millionen", "bis zu", "plus de", "más de"); dates, times, decades and CJK figures are
found first by :mod:`watcher.claims.numbers_dates` and are their own kinds, never counts; the word
tables are in :mod:`watcher.claims.numbers_words`.

Cheap by construction, as every sentence of every changed page is parsed: a sentence with no
digit and no number word returns at once; the number-word alternation of the scanner is only
used when a set look-up finds a number word; dates and times are matched only where a digit run
has a month word or a clock mark beside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .numbers_dates import CAPITAL_ONLY_MONTHS, MONTHS, Span, special_spans
from .numbers_locale import CURRENCY_SYMBOLS, SCALE_WORDS, WORD_EDGE, currency_after, qualifier
from .numbers_scan import RawFigure, raw_figures, scale_of
from .numbers_words import (
    DURATION_UNITS,
    FRACTIONS,
    MEASURE_UNITS,
    MEASURE_WORDS,
    MULT_WORDS,
    NOUN_STOP,
    ORDINALS,
    RATE_ADVERBS,
    RATE_UNITS,
    SPEED_OF,
    SQUARE_OF,
    TEMPERATURE_WORDS,
    TENS,
    UNIT_BASE,
    UNITS,
    VAGUE,
)

_WORDISH = re.compile(r"[^\W\d_][\w'’-]*|%")
_MULT_AFTER = re.compile(r"^\s*(?:times|x|mal|fois|veces)\b", re.IGNORECASE)
_PERCENT_AFTER = re.compile(r"^(?:pc\b|\s*(?:%|％|percent\b|per\s+cent\b|pct\b|prozent\b|pour\s+cent\b|por\s+ciento\b|per\s+cento\b|por\s+cento\b|procent\b))",
                            re.IGNORECASE)
_PP_AFTER = re.compile(r"^\s*(?:percentage[-\s]points?|prozentpunkte?n?\b|points?\s+de\s+pourcentage|"
                       r"puntos?\s+porcentuales?)", re.IGNORECASE)
_BP_AFTER = re.compile(r"^\s*(?:basis[-\s]points?|bps|bp|Basispunkte?n?|points?\s+de\s+base)\b", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"^\s*(?:%|percent|per\s+cent|prozent)?\s*(?:-|–|—|to|and|bis|und|à|a|et|y)\s*$",
                         re.IGNORECASE)
_AND_JOINERS = {"and", "und", "et", "y"}
_BETWEEN = re.compile(r"\b(?:between|from|zwischen|von|entre|de)\s*$", re.IGNORECASE)
_RATE = re.compile(
    # "a week" a rate ("$40 a week"), not after "in", "within", "over" or "for": "rose 100% in a week"
    # says what happened in one week
    r"^\s*(?:[^\W\d_][\w'’-]*\s+){0,3}?(?:(?:per|(?<!\bin\s)(?<!\bwithin\s)(?<!\bover\s)(?<!\bfor\s)(?:a|an)|each|"
    r"every|pro|je|am|im|par|por|al|cada)\s+("
    + "|".join(sorted(RATE_UNITS, key=len, reverse=True)) + r")(?!\s+(?:earlier|ago|before|prior|later))"
    r"|(daily|weekly|monthly|annually|yearly|täglich|wöchentlich|monatlich|jährlich))\b"
    # the period a change is measured over: "fell 12% year on year" (= "from a year earlier") is
    # not "… month on month"
    r"|^\s*(?:[^\W\d_][\w'’-]*\s+){0,3}?(?:(year|quarter|month|week)[\s-]+(?:on|over)[\s-]+\3"
    r"|(?:from|than|on|over|with)\s+(?:a|the|one)\s+(year|quarter|month|week)\s+(?:earlier|ago|before|prior))\b",
    re.IGNORECASE,
)
_MONTH_END = (r"|january|february|march|april|may|june|july|august|september|october|november|december|"
              r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_HAS_DIGIT = re.compile(r"\d")


# qualifiers that say one thing: "about 7,000" and "an estimated 7,000" are both not exact
_SAME_QUALIFIER: dict[str | None, str | None] = {"estimated": "approx"}


@dataclass(frozen=True)
class Mention:
    """One figure in a sentence. ``value`` is the low end of a range when ``high`` is set."""

    text: str
    value: float
    kind: str  # count | percent | pp | money | multiplier | ordinal | year | duration | measure | date | time
    #            | decade | version | fraction
    start: int
    end: int
    high: float | None = None
    unit: str | None = None
    noun: str | None = None
    qualifier: str | None = None
    rate: str | None = None

    @property
    def key(self) -> tuple:
        """What must be equal for two mentions to state the same figure: a unit that is a multiple
        of another counts in the base unit ("four decades" and "40 years" state one figure)."""
        kind, (unit, factor) = self.kind, UNIT_BASE.get(self.unit or "", (self.unit, 1.0))
        if kind == "fraction":  # "one in five", "a fifth of" and "20% of" state one share
            kind, unit, factor = "percent", "%", 100.0
        high = None if self.high is None else self.high * factor
        return (kind, _r(self.value * factor), _r(high), unit, _SAME_QUALIFIER.get(self.qualifier, self.qualifier),
                self.rate)

    def render(self) -> str:
        v = fmt(self.value)
        if self.high is not None:
            v = f"{v}–{fmt(self.high)}"
        return v


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 6)


def fmt(x: float) -> str:
    """A compact rendering: 7000 → '7,000', 2.5e9 → '2.5 billion'."""
    if x != x:  # NaN
        return "?"
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(x) >= scale:
            return f"{x / scale:,.3f}".rstrip("0").rstrip(".") + f" {word}"
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.4f}".rstrip("0").rstrip(".")


def _qualifier(before: str) -> str | None:
    return qualifier(before)


# which part of a year or a decade: "early 2025" → "late 2025" is another time; "mid-2024" = "the
# middle of 2024", "Ende 2025" = "late 2025", "fin 2025", "finales de 2025"
_YEAR_PART = re.compile(
    r"(?:\b(early|mid|late)|\b(?:the\s+)?(start|beginning|middle|end)\s+of(?:\s+the)?|\b(anfang|mitte|ende)|"
    r"\b(début|mi|fin)|\b(principios|mediados|finales)\s+de(?:\s+los)?)[\s-]*(?:the\s+)?$", re.IGNORECASE)
_PARTS = {"early": "early", "start": "early", "beginning": "early", "anfang": "early", "début": "early",
          "principios": "early", "mid": "mid", "middle": "mid", "mitte": "mid", "mi": "mid", "mediados": "mid",
          "late": "late", "end": "late", "ende": "late", "fin": "late", "finales": "late"}


def year_part(before: str) -> str | None:
    """The part of the year or decade the words right before it name (early, mid, late), if any; a
    deadline is none: "by the end of 2025" is "by 2025"."""
    m = _YEAR_PART.search(before[-40:])
    if m is None:
        return None
    if m.group(2) and m.group(2).lower() == "end" and _DEADLINE.search(before[:len(before) - len(m.group(0))]):
        return None
    return _PARTS[next(g for g in m.groups() if g).lower()]


_DEADLINE = re.compile(r"\b(?:by|until|till|through|before)\s*$", re.IGNORECASE)


# a qualifier written after the figure, or after its noun: "50 or more people", "50 people or more",
# "children aged 12 and over", "a week or so" — the same as "at least 50", "about a week"
_QUALIFIER_AFTER = re.compile(r"\s*(?:[^\W\d_]+\s+){0,2}?(or\s+more|or\s+over|or\s+above|and\s+over|and\s+above|"
                              r"or\s+older|and\s+older|and\s+up|or\s+fewer|or\s+less|or\s+under|and\s+under|"
                              r"and\s+below|or\s+younger|and\s+younger|or\s+so)\b(?!\s+than\b)", re.IGNORECASE)
_AFTER_CLASS = {"more": "at_least", "over": "at_least", "above": "at_least", "older": "at_least", "up": "at_least",
                "fewer": "at_most", "less": "at_most", "under": "at_most", "below": "at_most", "younger": "at_most",
                "so": "approx"}


def _qualifier_around(before: str, after: str) -> str | None:
    """The qualifier before a figure, else the one written after it."""
    q = qualifier(before)
    if q is None and (m := _QUALIFIER_AFTER.match(after[:60])):
        q = _AFTER_CLASS[m.group(1).split()[-1].lower()]
    return q


_ARTICLES = ("the", "a", "an", "la", "le", "les", "los", "las")


def _noun_after(text: str) -> str | None:
    """The counted noun: up to two content words right after the figure ("containers", "probable
    deliveries", "Verschleißteile"), stopping at punctuation."""
    words: list[str] = []
    prev_end, skipped_of = 0, False
    for m in _WORDISH.finditer(text[:60]):
        if any(c in text[prev_end: m.start()] for c in ",.;:()\"”"):
            break
        prev_end = m.end()
        w = m.group(0).lower().strip("'’")
        if not words and currency_after([w]):
            continue  # "1.000 Euro Strafe", "3 millions d'euros": the currency is not the noun
        if w in NOUN_STOP or w == "%":
            if words or w not in ("of", "de", "d", *_ARTICLES) or (w in _ARTICLES and not skipped_of):
                break
            skipped_of = True  # "52% of the vote": the share is of the vote
            continue
        words.append(w)
        if len(words) == 2:
            break
    return " ".join(words) or None


def parse(sentence: str) -> list[Mention]:
    """All figures in ``sentence``, left to right, ranges joined, each with its context.

    In four parts: a prefilter (no digit and no number word: no figure, the common case of prose);
    the special spans — dates, times, decades, CJK figures (:mod:`.numbers_dates`); the scanned
    numerals and number words (:mod:`.numbers_scan`), read in their context by :func:`_mentions`;
    and figures written only in words ("two-thirds of", "hundreds of", "twice", "third", a month
    on its own: "delayed until March")."""
    has_digit = bool(_HAS_DIGIT.search(sentence))
    words = set(_LETTER_WORD.findall(sentence.lower()))
    has_word = not _NUMBER_WORDS.isdisjoint(words)
    has_month = not _MONTH_NAMES.isdisjoint(words)
    has_point = not _POINT_WORDS.isdisjoint(words)
    if not has_digit and not has_word and not has_month and not has_point:
        return []
    spans = special_spans(sentence) if has_digit else []
    mentions = _mentions(sentence, raw_figures(sentence, spans, has_word))
    mentions += [_span_mention(sentence, sp) for sp in spans]
    if has_word:
        mentions = _worded_amounts(sentence, mentions)
        mentions += _word_figures(sentence, mentions)
    if has_point:
        mentions = _fraction_points(sentence, mentions)
    if has_month:
        mentions += _bare_months(sentence, mentions)
    mentions.sort(key=lambda x: x.start)
    if len(mentions) > 1:
        mentions = _restated_qualifiers(sentence, mentions)
    if has_digit and _PERIOD_CODE.search(sentence):
        mentions = _period_codes(sentence, mentions)
    return _ratios(sentence, mentions) if " in " in sentence or " of " in sentence or " by " in sentence else mentions


# a figure that restates the one before it: "about 1,000 jobs, or 5% of its workforce", "1,200
# flights, about 5% of its schedule", "some 40 (a third of the staff)" — one amount said twice,
# approximate when either is said to be: so that the two, swapped in order ("about 5% of its
# schedule, or 1,200 flights"), read the same
_ABOUT = r"(?:about|around|roughly|approximately|some|nearly|almost|an\s+estimated|estimated)\s+"
_RESTATES = re.compile(rf"(?:\s+[^\W\d_]+){{0,4}}\s*(?:,\s*or\s+|\(\s*|,\s*(?={_ABOUT}))(?:{_ABOUT})?")
_APPROXIMATE = ("approx", "estimated")
_NO_AMOUNT = ("year", "date", "time", "decade", "ordinal", "version")


def _restated_qualifiers(sentence: str, mentions: list[Mention]) -> list[Mention]:
    out = list(mentions)
    for k in range(1, len(out)):
        a, b = out[k - 1], out[k]
        if (a.qualifier in _APPROXIMATE) == (b.qualifier in _APPROXIMATE) or a.kind in _NO_AMOUNT \
                or b.kind in _NO_AMOUNT or not _RESTATES.fullmatch(sentence, a.end, b.start):
            continue
        if a.qualifier is None:
            out[k - 1] = replace(a, qualifier=b.qualifier)
        elif b.qualifier is None:
            out[k] = replace(b, qualifier=a.qualifier)
    return out


# a fraction of a point of a rate: "a quarter point", "half a percentage point", "a quarter of a
# percentage point", "three-quarters of a point" — the central banks' steps, the same figure as
# "0.25 percentage point", not a share ("a quarter of") or no figure at all ("half a")
_FRACTION_POINT = re.compile(r"\b(?:an?\s+)?(half|quarter|third|three[\s-]quarters?|two[\s-]thirds?)(?:\s+of)?(?:\s+an?)?"
                             r"[\s-]+(?:percentage[\s-]+)?points?\b"
                             # "medio punto porcentual", "un demi-point", "einen halben Prozentpunkt", "un cuarto de punto"
                             r"|\b(medio|cuarto)\s+(?:de\s+)?punto(?:\s+porcentual)?\b|\b(?:un\s+)?(demi)-point\b"
                             r"|\b(?:einen\s+)?(halben|viertel)\s*prozentpunkt\b", re.IGNORECASE)
_POINT_WORDS = frozenset({"point", "points", "punto", "prozentpunkt"})
_POINT_FRACTIONS = {"half": 0.5, "quarter": 0.25, "third": 1 / 3, "three quarter": 0.75, "three quarters": 0.75,
                    "two third": 2 / 3, "two thirds": 2 / 3, "medio": 0.5, "demi": 0.5, "halben": 0.5, "cuarto": 0.25,
                    "viertel": 0.25}


def _fraction_points(sentence: str, mentions: list[Mention]) -> list[Mention]:
    for m in _FRACTION_POINT.finditer(sentence):
        part = next(g for g in m.groups() if g)
        value = _POINT_FRACTIONS[" ".join(part.lower().replace("-", " ").split())]
        mentions = [x for x in mentions if x.end <= m.start() or x.start >= m.end()]
        mentions.append(Mention(text=m.group(0), value=value, kind="pp", start=m.start(), end=m.end(), unit="pp",
                                qualifier=_qualifier(sentence[:m.start()])))
    return mentions


# months written out in full (abbreviations are other words too often: "Mar", "Sept", "Dec"), and
# a bare month only after a word that places something in time ("until March", "im April", "en
# mars", "desde mayo"); "May" and "March" only capitalised (English words too)
_MONTH_NAMES = frozenset(m for m in MONTHS if len(m) > 4 or m in ("june", "july", "juni", "juli", "mai", "mars",
                                                                  "juin", "mayo", "mei", "may", "märz"))
_BARE_MONTH = re.compile(
    r"\b(?:in|im|en|since|until|till|by|from|before|after|through|seit|bis|ab|vor|nach|depuis|desde|hasta|"
    r"early|late|mid|last|next|this|anfang|mitte|ende|début|fin|finales|principios)[\s-]+"
    r"(?:(?:early|late|mid|de)[\s-]+)?(?P<m>" + "|".join(sorted(_MONTH_NAMES, key=len, reverse=True)) + r")\b"
    r"(?!\.?\s*\d)", re.IGNORECASE)


def _bare_months(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """A month on its own, placing something in time ("the launch slipped to April"): a date of
    its own kind, worth a hundredth of the day it is a month of (20240400 is April 2024; 400 is
    "April", of whatever year) so that "in March" → "in April" is a changed date."""
    out = []
    for m in _BARE_MONTH.finditer(sentence):
        word = m.group("m")
        if word.lower() in CAPITAL_ONLY_MONTHS and not word[0].isupper():
            continue
        if not _covered(m.start("m"), m.end("m"), mentions):
            out.append(Mention(text=word, value=float(MONTHS[word.lower()] * 100), kind="date", start=m.start("m"),
                               end=m.end("m")))
    return out


_PERIOD_CODE = re.compile(r"\b([QH])([1-4])\b")


def _period_codes(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """ "Q3", "H1": a quarter or half of a year, the same as "the third quarter" (an ordinal whose
    noun is the period); the letter glued to the digit hides it from the scanner."""
    for m in _PERIOD_CODE.finditer(sentence):
        if not _covered(m.start(), m.end(), mentions):
            mentions.append(Mention(text=m.group(0), value=float(m.group(2)), kind="ordinal", start=m.start(),
                                    end=m.end(), noun="quarter" if m.group(1) == "Q" else "half"))
    return sorted(mentions, key=lambda x: x.start)


# the English number words only: "one in five" is English ("Bd. 1 in zwei Teilbänden" is a volume
# in two parts)
_ENGLISH_UNITS = {w: UNITS[w] for w in (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen").split()}
_RATIO_PART = r"\d{1,4}|" + "|".join(sorted(_ENGLISH_UNITS, key=len, reverse=True))
_RATIO = re.compile(rf"\b({_RATIO_PART})\s+(in|out\s+of)\s+(every\s+)?({_RATIO_PART}|a\s+hundred|a\s+thousand)\b"
                    r"(?!\s*(?:%|percent|per\s*cent|years?|months?|weeks?|days?|hours?|minutes?)\b)"
                    r"(?![.,]\d)", re.IGNORECASE)


# the wholes a share is told against ("three out of 10", "one out of four"); "out of" a whole that is
# not one of these is a count of a total ("120 out of 300 seats")
_SHARE_BASES = frozenset({2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 20.0, 100.0, 1000.0})
_SLASH_SHARE = re.compile(r"\b(\d{1,2})/(\d{1,3})(?=\s+of\b)")  # "2/3 of Americans"
# not "in a third-floor flat"
_BY_SHARE = re.compile(r"\b(?:by|in)\s+(half|a\s+third|a\s+quarter)(?![\w-])(?!\s+(?:of|an?)\b)", re.IGNORECASE)


def _ratios(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """ "1 in 5 adults", "one in five", "three out of every 10", "2/3 of", "fell by half": a share,
    read as one figure (the same as "20% of adults", "fell by 50%"), not as two counts or none."""
    for m in _BY_SHARE.finditer(sentence):
        # "by a third": the share, not the ordinal the word scan read
        mentions = [x for x in mentions if not (x.kind == "ordinal" and x.start < m.end(1) and x.end > m.start(1))]
        if not _covered(m.start(1), m.end(1), mentions):
            mentions.append(Mention(text=m.group(1), value=FRACTIONS[" ".join(m.group(1).lower().split())],
                                    kind="fraction", start=m.start(1), end=m.end(1)))
    for m in (*_RATIO.finditer(sentence), *_SLASH_SHARE.finditer(sentence)):
        last = 4 if m.re is _RATIO else 2  # the group of the whole
        a, b = (_ratio_value(m.group(k)) for k in (1, last))
        if a is None or b is None or not 0 < a < b or any(
                x.kind in ("year", "date", "time") and x.start < m.end(last) and x.end > m.start(last) for x in mentions):
            continue  # "5 in 2023" is five in a year
        if last == 4 and m.group(2).lower() != "in" and not m.group(3) and b not in _SHARE_BASES:
            continue  # "120 out of 300 seats" counts a total, as "120 of the 300 seats" does
        mentions = [x for x in mentions if x.end <= m.start() or x.start >= m.end()]
        mentions.append(Mention(text=m.group(0), value=a / b, kind="fraction", start=m.start(), end=m.end(),
                                noun=_noun_after(sentence[m.end():]), qualifier=_qualifier(sentence[:m.start()])))
    return sorted(mentions, key=lambda x: x.start)


def _ratio_value(text: str) -> float | None:
    low = text.lower()
    if low.isdigit():
        return float(low)
    if low.startswith("a "):
        return 100.0 if low.endswith("hundred") else 1000.0
    return _ENGLISH_UNITS.get(low)


def _mentions(sentence: str, raw: list[RawFigure]) -> list[Mention]:
    """The scanned figures as mentions, two of them joined where they write a range."""
    out: list[Mention] = []
    i = 0
    if raw and raw[0].num is not None and _ENUMERATION.match(sentence) and raw[0].m.start() < 4:
        i = 1  # "1. Figures as published …", "(2) The council …": a list's number, not a figure
    while i < len(raw):
        mention, i = _mention(sentence, raw, i)
        out.append(mention)
    return out


def item_number(sentence: str) -> int | None:
    """The number a sentence opens with as an item of a list or a footnote ("1. Choose the right
    pot", "(2) The council …", "[4] Ibid."), no figure of it; None for any other sentence."""
    m = _ENUMERATION.match(sentence)
    digits = _DIGITS.search(m.group(0)) if m else None
    return int(digits.group(0)) if digits else None


_DIGITS = re.compile(r"\d+")


# a line opening with its number in a list or a footnote: "1. ", "2) ", "(3) ", "[4] " before a
# capital (not a German ordinal before its noun: "3. Quartal", "2. Liga", "1. Platz")
_ENUMERATION = re.compile(r"^\W{0,2}(?:\[\d{1,3}\]|\(?\d{1,2}[.)]\)?)\s+(?=\W?[A-ZÀ-ÖØ-Þ])(?!(?:Quartal|Halbjahr|Platz|Runde|Liga|"
                          r"Bundesliga|Jahrhundert|Klasse|Spieltag|Stock|Etage|Mal|Tag|Woche|Monat|Jahr)\w*\b)")


def _word_figures(sentence: str, found: list[Mention]) -> list[Mention]:
    """Figures written only in words, where no figure was found already."""
    out = _vague_and_fractions(sentence, found)
    out += _foreign_fractions(sentence, found + out)
    out += _one_of_a_unit(sentence, found + out)
    out += _multiplier_words(sentence, found + out)
    out += _ordinal_words(sentence, found + out)
    out += _most(sentence, found + out)
    out += _decade_words(sentence, found + out)
    return out


# a decade written as a word after "the" ("in the nineties", "the Sixties") — the 1990s, the
# 1960s. Not "the twenties", "the teens" (the 1920s or the 2020s?), nor an age ("in her forties")
_DECADE_WORDS = {"thirties": 1930, "forties": 1940, "fifties": 1950, "sixties": 1960, "seventies": 1970,
                 "eighties": 1980, "nineties": 1990}
_DECADE_WORD_RE = re.compile(r"\bthe\s+(?:(early|mid|late)[\s-]+)?(" + "|".join(_DECADE_WORDS) + r")\b", re.IGNORECASE)


def _decade_words(sentence: str, found: list[Mention]) -> list[Mention]:
    return [Mention(text=m.group(2), value=float(_DECADE_WORDS[m.group(2).lower()]), kind="decade", start=m.start(2),
                    end=m.end(2), qualifier=m.group(1).lower() if m.group(1) else None)
            for m in _DECADE_WORD_RE.finditer(sentence) if not _covered(m.start(2), m.end(2), found)]


# "most residents", "most of the staff", "die meisten Ökonomen", "la plupart des", "la mayoría de": a
# share above half, the same as "a majority of" (and so "most" → "some", "many" or "a third of"
# is an estimate changed). Only before "of" or a plural noun, and not after "the", "at" or a
# possessive: "the most", "at most", "most important", "most recently" are no share.
_MOST_RE = re.compile(r"\b(?:(most)(?=\s+(?:of\b|(?P<n>[^\W\d_]+)))|(?:die\s+meisten|la\s+plupart|la\s+mayor[ií]a)\b)",
                      re.IGNORECASE)
_NOT_BEFORE_MOST = frozenset("the at a an one its their his her our my your what whichever those these".split())
_PLURAL_IRREGULAR = frozenset("people children men women police staff personnel".split())
_NOT_PLURAL = frozenset("this his its was is has does always perhaps thus plus whereas".split())


def _plural_noun(word: str) -> bool:
    w = word.lower()
    if w in _PLURAL_IRREGULAR:
        return True
    return len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")) and w not in _NOT_PLURAL


def _most(sentence: str, found: list[Mention]) -> list[Mention]:
    out = []
    for m in _MOST_RE.finditer(sentence):
        if m.group(1):  # English "most": a share only before "of" or a plural noun, never "the most"
            before = sentence[:m.start()].split()
            if before and before[-1].lower().strip(WORD_EDGE) in _NOT_BEFORE_MOST:
                continue
            if m.group("n") is not None and not _plural_noun(m.group("n")):
                continue
        if _covered(m.start(), m.end(), found):
            continue
        out.append(Mention(text=m.group(0), value=FRACTIONS["majority"], kind="fraction", start=m.start(), end=m.end(),
                           noun=_noun_after(sentence[m.end():]), qualifier=_qualifier(sentence[:m.start()])))
    return out


def _span_mention(sentence: str, sp: Span) -> Mention:
    q = sp.qualifier
    if q is None and sp.kind not in ("date", "time", "decade", "year"):
        q = _qualifier(sentence[:sp.start])
    elif q is None and sp.kind in ("decade", "year"):
        q = year_part(sentence[:sp.start])
    return Mention(text=sentence[sp.start:sp.end].strip(), value=sp.value, kind=sp.kind, start=sp.start,
                   end=sp.end, high=sp.high, unit=sp.unit, noun=sp.noun, qualifier=q)


@dataclass(frozen=True)
class _Range:
    """Two scanned figures read as one range ("20 to 50 percent", "between 3 and 5")."""

    low: float
    high: float
    fig: RawFigure  # the low figure with the currency and unit the range shares
    end: int
    after: str  # the text after the range ("%" put back when only the low end carried it)


def _range(sentence: str, lo: RawFigure, hi: RawFigure, start: int) -> _Range | None:
    """``lo`` and ``hi`` as a range, or None when what joins them is no range: "3 and 5" without a
    "between", a Spanish "a", or a multiplier or a count then money ("5-fold to $3bn", "rose 5 to
    $3bn"). A scale written only on the high end applies to both ("3 to 5 million")."""
    between = sentence[lo.end: hi.start]
    if lo.unit is not None or not _RANGE_JOIN.match(between):
        return None
    joiner = between.strip().lower().split()[-1].lstrip("%")
    is_between = bool(_BETWEEN.search(sentence[:start]))
    if (joiner in _AND_JOINERS and not is_between) or (joiner == "a" and not is_between):
        return None
    if lo.ord or hi.ord or lo.fold or hi.fold or (hi.cur and not lo.cur):
        return None
    if lo.value > hi.value >= 0 and (lo.scale or not hi.scale) and (joiner == "to" or lo.value < 1000):
        # "by 55% to 45%", "68 to 32", "52-48": a score, two figures (a range runs upwards; a
        # standard's or a phone's "62053-21" is left as it was)
        return None
    if hi.scale and not lo.scale and 1800 <= lo.value <= 2100 and _YEAR_BEFORE.search(sentence[max(0, lo.m.start() - 20):lo.m.start()]):
        return None  # "from 1.2 million in 2000 to 1.5 million": a year, then the figure it was reached in
    lo_scale_missing = lo.value < hi.value and hi.scale and not lo.scale
    value = lo.value * (scale_of(hi.scale, bool(hi.cur), sentence) if lo_scale_missing else 1)
    value = float(f"{value:.12g}") if value == value else lo.value
    after = sentence[hi.end:]
    if _PERCENT_AFTER.match(sentence[lo.end:]) and not _PERCENT_AFTER.match(after):
        if hi.value > 100:
            return None  # "fell 1.2% to 4,780": a change, then the level it reached
        after = "%" + after
    return _Range(value, hi.value, replace(lo, cur=lo.cur or hi.cur, unit=hi.unit), hi.end, after)


def _mention(sentence: str, raw: list[RawFigure], i: int) -> tuple[Mention, int]:
    """The mention starting at scanned figure ``i`` (joined with the next one when a range), and the
    index of the figure after it."""
    r = raw[i]
    start, end = r.start, r.end
    while start < end and sentence[start].isspace():
        start += 1
    value, high = r.value, None
    after = sentence[end:]
    rng = _range(sentence, r, raw[i + 1], start) if i + 1 < len(raw) else None
    if rng is not None:
        value, high, r, end, after = rng.low, rng.high, rng.fig, rng.end, rng.after
        i += 1
    kind, unit, end = _classify(sentence, r, value, high, start, end, after)
    noun = _noun_after(sentence[end:]) if kind in ("count", "money", "percent", "measure") else None
    if kind == "duration":
        noun = unit
    rate = _rate(sentence[end:end + 60]) if kind not in ("year", "ordinal", "duration") else None
    q = year_part(sentence[:start]) if kind == "year" else _qualifier_around(sentence[:start], sentence[end:])
    return Mention(text=sentence[start:end].strip(), value=value, kind=kind, start=start, end=end, high=high,
                   unit=unit, noun=noun, qualifier=q, rate=rate), i + 1


def _classify(sentence: str, r: RawFigure, value: float, high: float | None, start: int, end: int,
              after: str) -> tuple[str, str | None, int]:
    """(kind, unit, end) of one figure from the words right after it."""
    if r.unit:
        return "measure", r.unit, end
    if r.version:
        return "version", None, end
    kind, unit = "count", None
    if r.cur:
        kind, unit = "money", CURRENCY_SYMBOLS.get(r.cur, r.cur.upper())
    m_pct, m_pp = _PERCENT_AFTER.match(after), _PP_AFTER.match(after)
    m_mult = _MULT_AFTER.match(after)
    words_after = after.lstrip().split(None, 2)
    first_after = words_after[0].lower().strip(WORD_EDGE) if words_after else ""  # "years.”" is "years"
    if r.fold:
        kind, unit = "multiplier", "x"
    elif m_pp and kind == "count":
        kind, unit = "pp", "pp"
        end += m_pp.end()
    elif kind == "count" and (m_bp := _BP_AFTER.match(after)):  # 25 basis points = 0.25 percentage points
        kind, unit = "pp", "bp"
        end += m_bp.end()
    elif m_pct:
        kind, unit = "percent", "%"
        end += m_pct.end()
    elif m_mult and kind == "count":
        kind, unit = "multiplier", "x"
        end += m_mult.end()
    elif r.ord:
        kind = "ordinal"
    elif kind == "count" and (cur := currency_after(words_after)):
        kind, unit = "money", cur
    elif kind == "count" and (spelt := _measure_after(after)):
        kind, unit = "measure", spelt[0]
        end += spelt[1]
    elif (kind == "count" and r.num and value.is_integer() and 1800 <= value <= 2100
          and (high is None or high.is_integer() and value < high <= min(2100, value + 30))
          and r.num.isdigit() and _looks_like_year(sentence[:start], sentence[end:])):
        kind = "year"  # a year, or a span of years: "between 2015 and 2020" is "2015-2020"
    if kind == "count":
        written = words_after[0].strip(WORD_EDGE) if words_after else ""
        if hy := _HYPHEN_WORD.match(after):  # "a 15-year high", "a 10-year-old": a compound a copy edit may unhyphenate
            written = hy.group(1)
            first_after = written.lower()
        dur = DURATION_UNITS.get(first_after) or DURATION_UNITS.get(first_after.rstrip("s"))
        if dur and first_after.rstrip("s") in _ABBREVIATED and not written.islower():
            dur = None  # "7 HR positions": human resources, not hours — abbreviations count only in lower case
        if dur and not (dur == "year" and _AGE_AFTER.match(after)):  # an age is a count: "Smith, 45,"
            kind, unit = "duration", dur
    return kind, unit, end


_HYPHEN_WORD = re.compile(r"-([^\W\d_]*)")
_ABBREVIATED = frozenset({"sec", "hr", "wk", "mth", "yr"})
_AGE_AFTER = re.compile(r"[-\s]+(?:years?|yrs?)[-\s]+old\b", re.IGNORECASE)


_YEAR_BEFORE = re.compile(
    rf"(?:\b(?:in|since|by|until|till|from|through|before|after|during|of|early|late|mid|year|years|fiscal|fy|"
    rf"and|to|or|between|summer|winter|spring|autumn|fall|im|jahr|jahre|seit|bis|von|vor|nach|ab|und|en|depuis|"
    rf"année|avant|après|desde|hasta|año|del|de|y|et|anfang|mitte|ende|début|fin|mediados|principios|finales"
    rf"{_MONTH_END})\.?|[,(–-])\s*$", re.IGNORECASE)


_MEASURE_WORD = re.compile(r"(?:\s*|-)(?:(?P<sq>square|sq\.?)[\s-]+)?(?P<w>[^\W\d_]+(?:-hours?)?)(?P<ph>\s+per\s+hour\b)?",
                           re.IGNORECASE)
_TEMPERATURE = re.compile(r"\s*(?:°|degrees?|grad|degrés|grados)\s*(?P<t>[^\W\d_]+)", re.IGNORECASE)


def _measure_after(after: str) -> tuple[str, int] | None:
    """A unit spelt out right after a figure ("kilometres", "square miles", "degrees Celsius",
    "miles per hour") → (the unit as written short, the length of the words); None otherwise."""
    t = _TEMPERATURE.match(after)
    if t and t.group("t").lower() in TEMPERATURE_WORDS:
        return TEMPERATURE_WORDS[t.group("t").lower()], t.end()
    m = _MEASURE_WORD.match(after)
    if not m:
        return None
    w = m.group("w").lower()
    unit = MEASURE_WORDS.get(w) or MEASURE_WORDS.get(w.removesuffix("s")) or MEASURE_WORDS.get(w.removesuffix("n"))
    if unit is None and w.endswith("-hours"):  # "kilowatt-hours"
        unit = MEASURE_WORDS.get(w.removesuffix("s"))
    if unit is None and m.group("sq"):  # "12 sq km"
        unit = MEASURE_UNITS.get(w)
    if unit is None:
        return None
    if m.group("sq"):
        unit = SQUARE_OF.get(unit)
    elif m.group("ph"):
        unit = SPEED_OF.get(unit)
    if unit is None:
        return None
    return unit, m.end()


def _looks_like_year(before: str, after: str) -> bool:
    """1800–2100 written without grouping is a year unless it counts something ("1800 troops"); after
    an article and before one thing it is the year of that thing ("the 2024 election", "a 2019 law";
    not "the 2000 troops")."""
    if _YEAR_BEFORE.search(before[-20:]):
        return True
    noun = _noun_after(after)
    return noun is None or (bool(_ARTICLE_END.search(before[-12:])) and not _plural_noun(noun.split()[0]))


_ARTICLE_END = re.compile(r"\b(?:the|a|an|this|that|its|their|his|her|last|next|le|la|el|die|der|das|den)\s+$",
                          re.IGNORECASE)


def _rate(after: str) -> str | None:
    """The rate of a figure: "10,000 shells per day" → "day", "500 Euro pro Monat" → "month"."""
    m = _RATE.match(after)
    if not m:
        return None
    if m.group(1):
        return RATE_UNITS[m.group(1).lower()]
    if m.group(3) or m.group(4):
        period = (m.group(3) or m.group(4)).lower()
        return f"{period} on {period}"
    return RATE_ADVERBS[m.group(2).lower()]


def _covered(start: int, end: int, mentions: list[Mention]) -> bool:
    return any(m.start <= start < m.end or start <= m.start < end for m in mentions)


# not "the second half of the year", "the first half of 2024": a period, not a share
_FRACTION_RE = re.compile(r"(?<!first )(?<!second )(?<!latter )(?<!former )(?<!other )\b("
                          + "|".join(sorted(FRACTIONS, key=len, reverse=True)) + r")\b(?=\s+of\b)",
                          re.IGNORECASE)
_VAGUE_RE = re.compile(r"\b(" + "|".join(sorted(VAGUE, key=len, reverse=True)) + r")\b(?=\s+(?:of|more)\b)",
                       re.IGNORECASE)


_MULT_WORD_RE = re.compile(r"\b(" + "|".join(MULT_WORDS) + r")\b", re.IGNORECASE)
_ORDINAL_RE = re.compile(r"\b(" + "|".join(ORDINALS) + r")\b", re.IGNORECASE)
# an amount written as a part of a round one, read whole in place of its parts: "a quarter of a
# million jobs" is 250,000 jobs (not a quarter, and a million), "half an hour" 30 minutes, "a
# fortnight" two weeks — so that the same amount written in figures is the same figure
_PART = {"half": 0.5, "a quarter of": 0.25, "one quarter of": 0.25, "a third of": 1 / 3, "one third of": 1 / 3,
         "three quarters of": 0.75, "three-quarters of": 0.75}
_WORDED_AMOUNT = re.compile(
    r"\b(?P<part>a quarter of|one quarter of|a third of|one third of|three[- ]quarters of)\s+a\s+"
    r"(?P<scale>hundred|thousand|million|billion|trillion)\b"
    r"|\b(?P<dpart>half|a quarter of|three[- ]quarters of)\s+an?\s+(?P<unit>hour|day|year)\b"
    r"|\ban?\s+(?P<whole>hour|day|year)\s+and\s+a\s+half\b"
    r"|\ba\s+(?P<fortnight>fortnight)\b", re.IGNORECASE)


def _written_amount(sentence: str, m: re.Match, value: float, qualifier: str | None) -> Mention:
    """An amount written in words ("half a million", "a quarter of a million"): money when a currency
    follows ("… dollars"), else a count of the noun that follows."""
    cur = currency_after(sentence[m.end():].split(None, 2))
    return Mention(text=m.group(0), value=value, kind="money" if cur else "count", start=m.start(), end=m.end(),
                   unit=cur, noun=None if cur else _noun_after(sentence[m.end():]), qualifier=qualifier)


def _worded_amounts(sentence: str, mentions: list[Mention]) -> list[Mention]:
    out = []
    for m in _WORDED_AMOUNT.finditer(sentence):
        q = _qualifier(sentence[:m.start()])
        if m.group("scale"):
            value = _PART[m.group("part").lower().replace("-", " ")] * SCALE_WORDS[m.group("scale").lower()]
            out.append(_written_amount(sentence, m, value, q))
            continue
        if m.group("fortnight"):
            value, unit = 2.0, "week"
        elif m.group("whole"):
            value, unit = 1.5, m.group("whole").lower()
        else:
            value, unit = _PART[m.group("dpart").lower().replace("-", " ")], m.group("unit").lower()
        out.append(Mention(text=m.group(0), value=value, kind="duration", start=m.start(), end=m.end(), unit=unit,
                           noun=unit, qualifier=q))
    if not out:
        return mentions
    return [x for x in mentions if not any(x.start < o.end and o.start < x.end for o in out)] + out


# a share in German, French or Spanish, with its article or count: "die Hälfte der Befragten", "un
# tiers des électeurs", "dos tercios de los votos" — so that "mehr als die Hälfte" → "fast die
# Hälfte" changes the qualifier of a figure, as "more than half" → "nearly half" does
_FOREIGN_FRACTIONS = {"hälfte": 0.5, "moitié": 0.5, "mitad": 0.5, "drittel": 1 / 3, "tiers": 1 / 3, "tercio": 1 / 3,
                      "tercios": 1 / 3, "viertel": 0.25, "quart": 0.25, "quarts": 0.25, "cuarto": 0.25, "cuartos": 0.25}
_FOREIGN_COUNTS = {"zwei": 2, "deux": 2, "dos": 2, "drei": 3, "trois": 3, "tres": 3}
_FOREIGN_FRACTION_RE = re.compile(
    r"\b(?:(?P<n>ein|eine|einem|einen|zwei|drei|un|une|deux|trois|uno|una|dos|tres)\s+|(?:die|der|la|les)\s+)"
    r"(?P<f>" + "|".join(_FOREIGN_FRACTIONS) + r")\b(?=\s+(?:der|des|aller|von|de|du|d['’]|del)\b)", re.IGNORECASE)

# every word that can start a figure without a digit: the prefilter of parse(), a set look-up of
# the sentence's words (a regex alternation of these words costs more than the rest of parse)
_NUMBER_WORDS = frozenset({*UNITS, *TENS, *MULT_WORDS, *ORDINALS, "half", "third", "quarter", "quarters", "fifth",
                           "tenth", "majority", "minority", "most", "meisten", "plupart", "mayoría", "mayoria", "hundred", "thousand",
                           "million", "billion", "trillion", "dozen", "dozens", "decade", "century", "scores", "hundreds", "thousands",
                           "millions", "billions", "tens", "thirds", "fifths", "tenths", "fortnight", *_DECADE_WORDS,
                           *_FOREIGN_FRACTIONS})
_LETTER_WORD = re.compile(r"[^\W\d_]+")  # "fünf", "dreißig": number words are not all ASCII


def _vague_and_fractions(sentence: str, found: list[Mention]) -> list[Mention]:
    """ "two-thirds of voters", "hundreds of troops": estimates too, and they change ("hundreds" →
    "thousands", "half" → "a third")."""
    out: list[Mention] = []
    for rx, table, kind in ((_FRACTION_RE, FRACTIONS, "fraction"), (_VAGUE_RE, VAGUE, "count")):
        for m in rx.finditer(sentence):
            if _covered(m.start(), m.end(), found + out):
                continue
            word = m.group(1).lower().replace("-", " ") if kind == "fraction" else m.group(1).lower()
            value = table.get(word, table.get(m.group(1).lower()))
            if value is None:
                continue
            out.append(Mention(text=m.group(0), value=float(value), kind=kind, start=m.start(), end=m.end(),
                               noun=_noun_after(sentence[m.end():]),
                               qualifier="approx" if kind == "count" else _qualifier(sentence[:m.start()])))
    return out


def _foreign_fractions(sentence: str, found: list[Mention]) -> list[Mention]:
    out = []
    for m in _FOREIGN_FRACTION_RE.finditer(sentence):
        if _covered(m.start(), m.end(), found):
            continue
        value = _FOREIGN_COUNTS.get((m.group("n") or "").lower(), 1) * _FOREIGN_FRACTIONS[m.group("f").lower()]
        out.append(Mention(text=m.group(0), value=value, kind="fraction", start=m.start(), end=m.end(),
                           noun=_noun_after(sentence[m.end():]), qualifier=_qualifier(sentence[:m.start()])))
    return out


_A_UNIT_RE = re.compile(r"\b(half\s+)?(?:a|one|the\s+(?:next|past|last|previous))\s+(dozen|decade|century)\b(?!\s+of\b)"
                        r"|\b(half\s+)?a\s+(hundred|thousand|million|billion|trillion)\b(?!\s+(?:of|and)\b)", re.IGNORECASE)


def _one_of_a_unit(sentence: str, found: list[Mention]) -> list[Mention]:
    """ "a dozen buildings" (12), "half a dozen" (6), "a decade in prison" (ten years), "a
    century ago": figures too, the same as "twelve buildings" and "10 years"."""
    out = []
    for m in _A_UNIT_RE.finditer(sentence):
        if _covered(m.start(), m.end(), found):
            continue
        # "over the next decade" spans ten years; "over a decade" is more than ten
        q = None if m.group(0).lower().startswith("the") else _qualifier(sentence[:m.start()])
        if m.group(4):  # "a million people", "half a million dollars": "500,000 households" written out
            value = SCALE_WORDS[m.group(4).lower()] * (0.5 if m.group(3) else 1.0)
            out.append(_written_amount(sentence, m, value, q))
            continue
        word, half = m.group(2).lower(), 0.5 if m.group(1) else 1.0
        if word == "dozen":
            out.append(Mention(text=m.group(0), value=12 * half, kind="count", start=m.start(), end=m.end(),
                               noun=_noun_after(sentence[m.end():]), qualifier=q))
        else:
            out.append(Mention(text=m.group(0), value=half, kind="duration", start=m.start(), end=m.end(),
                               unit=word, noun=word, qualifier=q))
    return out


def _multiplier_words(sentence: str, found: list[Mention]) -> list[Mention]:
    out = []
    for m in _MULT_WORD_RE.finditer(sentence):
        if not _covered(m.start(), m.end(), found):
            out.append(Mention(text=m.group(0), value=float(MULT_WORDS[m.group(1).lower()]), kind="multiplier",
                               start=m.start(), end=m.end(), unit="x", qualifier=_qualifier(sentence[:m.start()])))
    return out


def _ordinal_words(sentence: str, found: list[Mention]) -> list[Mention]:
    out = []
    for m in _ORDINAL_RE.finditer(sentence):
        w = m.group(1).lower()
        if w in ("second",) and re.match(r"\s*(?:hand|thoughts?|guess)", sentence[m.end():], re.I):
            continue
        if w == "first" and not re.match(r"\s+\w", sentence[m.end():]):
            continue  # "at first", "first," — an adverb, not a count
        if not _covered(m.start(), m.end(), found):
            out.append(Mention(text=m.group(0), value=float(ORDINALS[w]), kind="ordinal", start=m.start(),
                               end=m.end(), noun=_noun_after(sentence[m.end():])))
    return out


# what may stand between a figure and its restatement in parentheses: the rest of the first
# figure's unit or noun ("4,000 acres (", "$5bn in damage (") and a word of approximation
_BEFORE_ASIDE = re.compile(r"[^\W\d]?[\w\s.°²³/-]{0,30}\(\s*(?:about|around|roughly|approximately|approx\.?|some|"
                           r"or|ca\.?|c\.|circa|~|≈|=)?\s*$", re.IGNORECASE)
_AFTER_ASIDE = re.compile(r"[\w\s.°²³/-]{0,25}\)")
_ASIDE_KINDS = frozenset({"measure", "money", "duration"})


def restatements(text: str, mentions: tuple[Mention, ...] | list[Mention]) -> set[int]:
    """Indices of the figures that only restate the figure before them in another unit, in
    parentheses: "4,000 acres (1,600 hectares)", "$5bn (€4.6bn)", "40C (104F)". A conversion an
    editor adds or drops is no claim change; the figure it converts is compared, and the
    parentheses hold nothing but the figure and its unit ("20 people (5%)" is a share, and
    "$5bn (up 5%)" a claim of its own)."""
    out: set[int] = set()
    for i in range(1, len(mentions)):
        prev, m = mentions[i - 1], mentions[i]
        if prev.kind != m.kind or m.kind not in _ASIDE_KINDS or prev.unit == m.unit:
            continue
        if _BEFORE_ASIDE.fullmatch(text, prev.end, m.start) and _AFTER_ASIDE.match(text, m.end):
            out.add(i)
    return out

