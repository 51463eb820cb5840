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
from dataclasses import dataclass

from .numbers_dates import Span, special_spans
from .numbers_locale import (
    CURRENCY_SYMBOLS,
    SCALE_RE,
    SCALE_WORDS,
    SHORT_SCALES,
    currency_after,
    numeral_value,
    qualifier,
    sentence_locale,
)
from .numbers_words import (
    DURATION_UNITS,
    FRACTIONS,
    MEASURE_UNITS,
    MULT_WORDS,
    NOUN_STOP,
    ORDINALS,
    RATE_ADVERBS,
    RATE_UNITS,
    TENS,
    UNITS,
    VAGUE,
)

_UNIT_ALT = "|".join(re.escape(u) for u in sorted(MEASURE_UNITS, key=len, reverse=True) if len(u) > 1)
_UNIT_AFTER = re.compile(rf"\s?(?:(?i:(?P<u>{_UNIT_ALT}))|(?P<u1>[mgltLWV]))(?![\w/²³])")

# digits with any grouping or decimal marks; which mark is which is numeral_value's decision
_NUM = r"\d{1,3}(?:[ ]\d{3})+(?:[.,]\d+)?(?![\d]|[.,]\d)|\d+(?:[.,\u00a0\u2009\u202f]\d+)*|\.\d+"
_WORD = "|".join(sorted([*UNITS, *TENS], key=len, reverse=True))
_TOKEN_TEMPLATE = r"""(?=[$€£¥₹₩₽\d]|(?:US|C|A)\s?\$|\s?[$€£¥₹₩₽\d]WORD_LOOKAHEAD)
         (?P<cur>(?:US\s?\$|C\$|A\$|[$€£¥₹₩₽]))?\s?
         (?:(?P<num>NUM)(?P<ord>st|nd|rd|th)?(?P<fold>-?fold|-?fach(?:e[nrs]?)?\b)?(?![\d])
          |\b(?P<word>(?:WORDS)(?:[-\s](?:WORDS))?)(?P<wfold>-?fold)?\b)
         (?:\s?(?P<scale>SCALE))?"""


def _token_re(with_words: bool) -> re.Pattern:
    """The figure scanner; without number words when the sentence has none — the word
    alternation, tried at every position, is most of the scanner's cost."""
    pattern = (_TOKEN_TEMPLATE.replace("WORD_LOOKAHEAD", r"|\s?\b(?:WORDS)" if with_words else "")
               .replace("WORDS", _WORD if with_words else "(?!)").replace("NUM", _NUM).replace("SCALE", SCALE_RE))
    return re.compile(pattern, re.IGNORECASE | re.VERBOSE)


_TOKEN = _token_re(True)
_TOKEN_DIGITS = _token_re(False)
_WORDISH = re.compile(r"[^\W\d_][\w'’-]*|%")
_MULT_AFTER = re.compile(r"^\s*(?:times|x|mal|fois|veces)\b", re.IGNORECASE)
_PERCENT_AFTER = re.compile(r"^\s*(?:%|％|percent\b|per\s+cent\b|pct\b|prozent\b|pour\s+cent\b|por\s+ciento\b|per\s+cento\b|por\s+cento\b|procent\b)",
                            re.IGNORECASE)
_PP_AFTER = re.compile(r"^\s*(?:percentage[-\s]points?|prozentpunkte?n?\b|points?\s+de\s+pourcentage|"
                       r"puntos?\s+porcentuales?)", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"^\s*(?:%|percent|per\s+cent|prozent)?\s*(?:-|–|—|to|and|bis|und|à|a|et|y)\s*$",
                         re.IGNORECASE)
_AND_JOINERS = {"and", "und", "et", "y"}
_BETWEEN = re.compile(r"\b(?:between|from|zwischen|von|entre|de)\s*$", re.IGNORECASE)
_RATE = re.compile(
    r"^\s*(?:[^\W\d_][\w'’-]*\s+){0,3}?(?:(?:per|a|an|each|every|pro|je|am|im|par|por|al|cada)\s+("
    + "|".join(sorted(RATE_UNITS, key=len, reverse=True)) + r")"
    r"|(daily|weekly|monthly|annually|yearly|täglich|wöchentlich|monatlich|jährlich))\b",
    re.IGNORECASE,
)
_MONTH_END = (r"|january|february|march|april|may|june|july|august|september|october|november|december|"
              r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_HAS_DIGIT = re.compile(r"\d")
_VERSION = re.compile(r"\d+(?:\.\d+){2,}")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")


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
        """What must be equal for two mentions to state the same figure."""
        return (self.kind, _r(self.value), _r(self.high), self.unit, self.qualifier, self.rate)

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


def _word_value(text: str) -> float | None:
    total = 0.0
    for part in re.split(r"[-\s]+", text.lower()):
        if part in UNITS:
            total += UNITS[part]
        elif part in TENS:
            total += TENS[part]
        else:
            return None
    return total


def _scale(s: str | None, has_currency: bool, sentence: str = "") -> float:
    if not s:
        return 1.0
    s = re.sub(r"\s+", " ", s.lower()).rstrip(".")
    if s == "billion" and sentence_locale(sentence) == "eu":
        return 1e12  # German "Billion", French "billion": a million million
    if s in SCALE_WORDS:
        return SCALE_WORDS[s]
    if s in ("m", "b", "t", "k") and not has_currency:
        return float("nan")  # "5 m" is five metres, not five million, unless money is counted
    return SHORT_SCALES.get(s, 1.0)


def _qualifier(before: str) -> str | None:
    return qualifier(before)


def _noun_after(text: str) -> str | None:
    """The counted noun: up to two content words right after the figure ("containers", "probable
    deliveries", "Verschleißteile"), stopping at punctuation."""
    words: list[str] = []
    prev_end = 0
    for m in _WORDISH.finditer(text[:60]):
        if any(c in text[prev_end: m.start()] for c in ",.;:()\"”"):
            break
        prev_end = m.end()
        w = m.group(0).lower().strip("'’")
        if not words and currency_after([w]):
            continue  # "1.000 Euro Strafe", "3 millions d'euros": the currency is not the noun
        if w in NOUN_STOP or w == "%":
            if words or w not in ("of", "de", "d"):
                break
            continue
        words.append(w)
        if len(words) == 2:
            break
    return " ".join(words) or None


def _is_word_char(ch: str) -> bool:
    """A Latin letter glued before a digit makes it part of a word or identifier ("F-16",
    "COVID19"); a CJK character does not ("約3万人", "価格は30%")."""
    return bool(ch) and ch.isalpha() and bool(_LATIN_LETTER.match(ch))


def _unit_after(sentence: str, at: int) -> tuple[str | None, int] | None:
    """A unit written right after a numeral ("80TB", "5 km", "3GHz") → (canonical unit, end)."""
    m = _UNIT_AFTER.match(sentence, at)
    if not m:
        return None
    u = m.group("u") or m.group("u1")
    return MEASURE_UNITS.get(u) or MEASURE_UNITS.get(u.lower()), m.end()


def _raw_tokens(sentence: str, spans: list[Span], has_word: bool) -> list[dict]:
    """Numerals and number words outside the special spans, with their scale and unit."""
    raw: list[dict] = []
    for m in (_TOKEN if has_word else _TOKEN_DIGITS).finditer(sentence):
        at = m.start("num" if m.group("num") else "word")
        if any(sp.start <= at < sp.end for sp in spans):
            continue  # a date, a time, a decade, a CJK figure: found separately
        num, word = m.group("num"), m.group("word")
        cur = (m.group("cur") or "").lower().replace(" ", "") or None
        unit, version = None, False
        if num:
            value = numeral_value(num, sentence)
            version = value is None and bool(_VERSION.fullmatch(num))
            if version:  # "Python 3.6.0": a version, compared as its parts
                value = sum(int(p) / 1000 ** k for k, p in enumerate(num.split(".")[:4]))
            elif value is None:
                continue
            prev, prev2 = sentence[max(0, at - 1): at], sentence[max(0, at - 2): at]
            if not cur and prev and (_is_word_char(prev) or prev in "_/" or re.fullmatch(r"[A-Za-z]-", prev2)):
                continue  # part of a word or an identifier ("F-16", "COVID19", "1/2")
            if not cur and not m.group("ord") and not m.group("fold"):
                unit = _unit_after(sentence, m.end("num"))
        else:
            value = _word_value(word)
            if value is None:
                continue
            if _FRACTION_AFTER.match(sentence, m.end("word")):
                continue  # "two-thirds of": a fraction, parsed below
            if word.lower() == "one" and not m.group("scale"):
                continue  # "one of the", "no one": not a figure often enough to be worth the noise
        if unit is not None and (not m.group("scale") or m.end() <= unit[1]):
            raw.append(dict(m=m, value=value, cur=None, end=unit[1], num=num, word=word, ord=None, fold=None,
                            unit=unit[0], version=False))
            continue
        scale = _scale(m.group("scale"), bool(cur), sentence)
        if scale != scale:  # NaN: unit letter, not a scale
            end = m.end("num") if num else m.end("word")
            scale = 1.0
        else:
            end = m.end()
        raw.append(dict(m=m, value=float(f"{value * scale:.12g}"), cur=cur, end=end, num=num, word=word,
                        ord=m.group("ord"), fold=m.group("fold") or m.group("wfold"), unit=None,
                        version=version))
    return raw


def parse(sentence: str) -> list[Mention]:
    """All figures in ``sentence``, left to right, ranges joined, each with its context."""
    has_digit = bool(_HAS_DIGIT.search(sentence))
    has_word = not _NUMBER_WORDS.isdisjoint(_ASCII_WORD.findall(sentence.lower()))
    if not has_digit and not has_word:
        return []  # the common case for prose: no digit and no number word
    spans = special_spans(sentence) if has_digit else []
    raw = _raw_tokens(sentence, spans, has_word)
    mentions: list[Mention] = []
    i = 0
    while i < len(raw):
        mention, i = _mention(sentence, raw, i)
        mentions.append(mention)
    mentions += [_span_mention(sentence, sp) for sp in spans]
    if has_word:
        mentions += _vague_and_fractions(sentence, mentions)
        mentions += _multiplier_words(sentence, mentions)
        mentions += _ordinal_words(sentence, mentions)
    mentions.sort(key=lambda x: x.start)
    return mentions


def _span_mention(sentence: str, sp: Span) -> Mention:
    q = sp.qualifier
    if q is None and sp.kind not in ("date", "time", "decade", "year"):
        q = _qualifier(sentence[:sp.start])
    return Mention(text=sentence[sp.start:sp.end].strip(), value=sp.value, kind=sp.kind, start=sp.start,
                   end=sp.end, unit=sp.unit, noun=sp.noun, qualifier=q)


def _mention(sentence: str, raw: list[dict], i: int) -> tuple[Mention, int]:
    """The mention starting at raw token ``i`` (joined with the next one when a range), and the
    index of the token after it."""
    r = raw[i]
    start, end = r["m"].start(), r["end"]
    while start < end and sentence[start].isspace():
        start += 1
    value, high = r["value"], None
    after = sentence[end:]
    # a range: "20 to 50 percent", "10-14 days", "between 3 and 5", "zwischen 3 und 5"
    if i + 1 < len(raw) and r["unit"] is None and _RANGE_JOIN.match(sentence[end: raw[i + 1]["m"].start()]):
        joiner = sentence[end: raw[i + 1]["m"].start()].strip().lower().split()[-1].lstrip("%")
        nxt = raw[i + 1]
        is_between = bool(_BETWEEN.search(sentence[:start]))
        if (joiner not in _AND_JOINERS or is_between) and (joiner != "a" or is_between):
            first_pct = _PERCENT_AFTER.match(after)
            if not (r["ord"] or nxt["ord"] or r["fold"] or nxt["fold"] or (nxt["cur"] and not r["cur"])):
                # not "5-fold to $3bn", "rose 5 to $3bn": a multiplier, or a count then money, is no range
                lo_scale_missing = (r["value"] < nxt["value"] and nxt["m"].group("scale")
                                    and not r["m"].group("scale"))
                value = r["value"] * (_scale(nxt["m"].group("scale"), bool(nxt["cur"]), sentence)
                                      if lo_scale_missing else 1)
                value = float(f"{value:.12g}") if value == value else r["value"]
                high = nxt["value"]
                r = {**r, "cur": r["cur"] or nxt["cur"], "unit": nxt["unit"]}
                end = nxt["end"]
                after = sentence[end:]
                if first_pct and not _PERCENT_AFTER.match(after):
                    after = "%" + after
                i += 1
    kind, unit, end = _classify(sentence, r, value, high, start, end, after)
    noun = _noun_after(sentence[end:]) if kind in ("count", "money", "percent", "measure") else None
    if kind == "duration":
        noun = unit
    rate = _rate(sentence[end:end + 60]) if kind not in ("year", "ordinal", "duration") else None
    return Mention(text=sentence[start:end].strip(), value=value, kind=kind, start=start, end=end, high=high,
                   unit=unit, noun=noun, qualifier=_qualifier(sentence[:start]), rate=rate), i + 1


def _classify(sentence: str, r: dict, value: float, high: float | None, start: int, end: int,
              after: str) -> tuple[str, str | None, int]:
    """(kind, unit, end) of one figure from the words right after it."""
    if r["unit"]:
        return "measure", r["unit"], end
    if r["version"]:
        return "version", None, end
    kind, unit = "count", None
    if r["cur"]:
        kind, unit = "money", CURRENCY_SYMBOLS.get(r["cur"], r["cur"].upper())
    m_pct, m_pp = _PERCENT_AFTER.match(after), _PP_AFTER.match(after)
    m_mult = _MULT_AFTER.match(after)
    words_after = after.lstrip().split(None, 2)
    first_after = words_after[0].lower().strip(".,;:)") if words_after else ""
    if r["fold"]:
        kind, unit = "multiplier", "x"
    elif m_pp and kind == "count":
        kind, unit = "pp", "pp"
        end += m_pp.end()
    elif m_pct:
        kind, unit = "percent", "%"
        end += m_pct.end()
    elif m_mult and kind == "count":
        kind, unit = "multiplier", "x"
        end += m_mult.end()
    elif r["ord"]:
        kind = "ordinal"
    elif kind == "count" and (cur := currency_after(words_after)):
        kind, unit = "money", cur
    elif (kind == "count" and r["num"] and value.is_integer() and 1800 <= value <= 2100 and high is None
          and r["num"].isdigit() and _looks_like_year(sentence[:start], sentence[end:])):
        kind = "year"
    if kind == "count":
        dur = DURATION_UNITS.get(first_after) or DURATION_UNITS.get(first_after.rstrip("s"))
        if dur:
            kind, unit = "duration", dur
    return kind, unit, end


_YEAR_BEFORE = re.compile(
    rf"(?:\b(?:in|since|by|until|till|from|through|before|after|during|of|early|late|mid|year|years|fiscal|fy|"
    rf"and|to|or|between|summer|winter|spring|autumn|fall|im|jahr|jahre|seit|bis|von|vor|nach|ab|und|en|depuis|"
    rf"année|avant|après|desde|hasta|año|del|de|y|et{_MONTH_END})\.?|[,(–-])\s*$", re.IGNORECASE)


def _looks_like_year(before: str, after: str) -> bool:
    """1800–2100 written without grouping is a year unless it counts something ("1800 troops")."""
    return bool(_YEAR_BEFORE.search(before[-20:])) or _noun_after(after) is None


def _rate(after: str) -> str | None:
    """The rate of a figure: "10,000 shells per day" → "day", "500 Euro pro Monat" → "month"."""
    m = _RATE.match(after)
    if not m:
        return None
    if m.group(1):
        return RATE_UNITS[m.group(1).lower()]
    return RATE_ADVERBS[m.group(2).lower()]


def _covered(start: int, end: int, mentions: list[Mention]) -> bool:
    return any(m.start <= start < m.end or start <= m.start < end for m in mentions)


_FRACTION_RE = re.compile(r"\b(" + "|".join(sorted(FRACTIONS, key=len, reverse=True)) + r")\b(?=\s+of\b)",
                          re.IGNORECASE)
_FRACTION_AFTER = re.compile(r"[-\s](?:thirds?|quarters?|fifths?|tenths?)\b", re.IGNORECASE)
_VAGUE_RE = re.compile(r"\b(" + "|".join(sorted(VAGUE, key=len, reverse=True)) + r")\b(?=\s+(?:of|more)\b)",
                       re.IGNORECASE)


_MULT_WORD_RE = re.compile(r"\b(" + "|".join(MULT_WORDS) + r")\b", re.IGNORECASE)
_ORDINAL_RE = re.compile(r"\b(" + "|".join(ORDINALS) + r")\b", re.IGNORECASE)
# every word that can start a figure without a digit: the prefilter of parse(), a set look-up of
# the sentence's words (a regex alternation of these words costs more than the rest of parse)
_NUMBER_WORDS = frozenset({*UNITS, *TENS, *MULT_WORDS, *ORDINALS, "half", "third", "quarter", "quarters", "fifth",
                           "tenth", "majority", "minority", "dozen", "dozens", "scores", "hundreds", "thousands",
                           "millions", "billions", "tens", "thirds", "fifths", "tenths"})
_ASCII_WORD = re.compile(r"[a-z]+")


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
