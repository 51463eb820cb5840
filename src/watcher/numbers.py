"""Our numeric grammar: find the figures of a sentence and what they count.

Why our own: off-the-shelf parsers each fail on part of what matters here (quantulum3 drops
qualifiers, word2number corrupts "3 million"). A :class:`Mention` carries the value (or range), the
kind (count, percent, percentage points, money, multiplier, ordinal, year, duration), unit, the
counted noun, a rate ("per day") and the qualifier class ("an estimated", "more than"). Two
renderings of one figure — "3 million" and "3,000,000", "ten" and "10", "$2.5bn" and
"$2.5 billion" — parse to equal mentions, so reformatting never looks like a change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
SHORT_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "t": 1e12}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fifteenth": 15,
    "twentieth": 20, "thirtieth": 30, "fiftieth": 50, "hundredth": 100,
}
MULT_WORDS = {"twofold": 2, "threefold": 3, "fourfold": 4, "fivefold": 5, "sixfold": 6, "sevenfold": 7,
              "eightfold": 8, "ninefold": 9, "tenfold": 10, "hundredfold": 100, "doubled": 2, "double": 2,
              "doubling": 2, "tripled": 3, "triple": 3, "tripling": 3, "quadrupled": 4, "quadruple": 4,
              "halved": 0.5, "twice": 2, "thrice": 3}
CURRENCY_SYMBOLS = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW",
                    "₽": "RUB", "c$": "CAD", "a$": "AUD"}
CURRENCY_WORDS = {"dollar": "USD", "dollars": "USD", "usd": "USD", "euro": "EUR", "euros": "EUR",
                  "eur": "EUR", "pound": "GBP", "pounds": "GBP", "gbp": "GBP", "yen": "JPY", "yuan": "CNY",
                  "rubles": "RUB", "roubles": "RUB", "won": "KRW", "rupees": "INR"}
DURATION_UNITS = {"second": "second", "minute": "minute", "hour": "hour", "day": "day", "week": "week",
                  "month": "month", "year": "year", "decade": "decade", "century": "century"}
QUALIFIERS = [  # longest first: "just over" before "over"
    ("no more than", "at_most"), ("no fewer than", "at_least"), ("not more than", "at_most"),
    ("as many as", "up_to"), ("as much as", "up_to"), ("as high as", "up_to"), ("up to", "up_to"),
    ("in excess of", "more_than"), ("upwards of", "more_than"), ("more than", "more_than"),
    ("greater than", "more_than"), ("higher than", "more_than"), ("just over", "more_than"),
    ("over", "more_than"), ("above", "more_than"), ("at least", "at_least"), ("a minimum of", "at_least"),
    ("at most", "at_most"), ("a maximum of", "at_most"), ("less than", "less_than"),
    ("fewer than", "less_than"), ("lower than", "less_than"), ("just under", "less_than"),
    ("under", "less_than"), ("below", "less_than"), ("nearly", "nearly"), ("almost", "nearly"),
    ("close to", "nearly"), ("approaching", "nearly"), ("approximately", "approx"), ("about", "approx"),
    ("around", "approx"), ("roughly", "approx"), ("some", "approx"), ("circa", "approx"), ("ca.", "approx"),
    ("an estimated", "estimated"), ("estimated", "estimated"), ("exactly", "exactly"), ("precisely", "exactly"),
]
NOUN_STOP = {"of", "the", "a", "an", "and", "or", "to", "in", "on", "at", "for", "from", "by", "with", "than",
             "that", "which", "who", "as", "per", "is", "are", "was", "were", "has", "have", "had", "be",
             "been", "its", "their", "his", "her", "this", "these", "those", "since", "into", "more", "less",
             "it", "they", "he", "she", "we", "not", "will", "would", "could", "may", "might", "but"}

_NUM = (r"\d{1,3}(?:[,\u00a0\u2009\u202f]\d{3})+(?:\.\d+)?(?![,.]?\d)|\d{1,3}(?:[ ]\d{3})+(?![\d,])"
        r"|\d+,\d{1,2}(?![\d,])|\d+(?:\.\d+)?|\.\d+")
_CLOCK_OR_DATE = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?|\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\d{4}-\d{2}-\d{2}")
_WORD = "|".join(sorted([*UNITS, *TENS], key=len, reverse=True))
_TOKEN = re.compile(
    rf"""(?=[$€£¥₹₩₽\d]|(?:US|C|A)\$|\s?[$€£¥₹₩₽\d]|\s?\b(?:{_WORD}))(?P<cur>(?:US\$|C\$|A\$|[$€£¥₹₩₽]))?\s?
         (?:(?P<num>{_NUM})(?P<ord>st|nd|rd|th)?(?P<fold>-?fold)?(?![\d])
          |\b(?P<word>(?:{_WORD})(?:[-\s](?:{_WORD}))?)(?P<wfold>-?fold)?\b)
         (?:\s?(?P<scale>hundred|thousand|million|billion|trillion|(?:bn|mn|mln|tn|[kmbt])\b))?""",
    re.IGNORECASE | re.VERBOSE,
)
_WORDISH = re.compile(r"[A-Za-z][A-Za-z'’-]*|%")
_MULT_AFTER = re.compile(r"^\s*(?:times|x)\b", re.IGNORECASE)
_PERCENT_AFTER = re.compile(r"^\s*(?:%|percent\b|per\s+cent\b|pct\b)", re.IGNORECASE)
_PP_AFTER = re.compile(r"^\s*(?:percentage[-\s]points?|pp\b|points?\b)", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"^\s*(?:%|percent|per\s+cent)?\s*(?:-|–|—|to|and)\s*$", re.IGNORECASE)
_BETWEEN = re.compile(r"\b(?:between|from)\s*$", re.IGNORECASE)
_RATE = re.compile(
    r"^\s*(?:[A-Za-z'’-]+\s+){0,3}?(?:(?:per|a|an|each|every)\s+(day|week|month|year|hour|minute|person|capita|head)"
    r"|(daily|weekly|monthly|annually|yearly))\b",
    re.IGNORECASE,
)
_MONTH_END = (r"|january|february|march|april|may|june|july|august|september|october|november|december|"
              r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_RATE_ADVERB = {"daily": "day", "weekly": "week", "monthly": "month", "annually": "year", "yearly": "year"}


@dataclass(frozen=True)
class Mention:
    """One figure in a sentence. ``value`` is the low end of a range when ``high`` is set."""

    text: str
    value: float
    kind: str  # count | percent | pp | money | multiplier | ordinal | year | duration
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


def _scale(s: str | None, has_currency: bool) -> float:
    if not s:
        return 1.0
    s = s.lower()
    if s in SCALES:
        return SCALES[s]
    if s in ("m", "b", "t", "k") and not has_currency:
        return float("nan")  # "5 m" is five metres, not five million, unless money is counted
    return SHORT_SCALES.get(s, 1.0)


def _qualifier(before: str) -> str | None:
    tail = before[-40:].lower().rstrip()
    tail = re.sub(r"[$€£¥₹₩₽]$", "", tail).rstrip()
    tail = re.sub(r"\b(?:us|an|a)$", lambda m: m.group(0) if m.group(0) == "an" else "", tail).rstrip()
    for phrase, cls in QUALIFIERS:
        if tail.endswith(phrase) and (len(tail) == len(phrase) or not tail[-len(phrase) - 1].isalnum()):
            return cls
    return None


def _noun_after(text: str) -> str | None:
    """The counted noun: up to two content words right after the figure ("containers", "probable
    deliveries"), stopping at punctuation."""
    words: list[str] = []
    prev_end = 0
    for m in _WORDISH.finditer(text[:60]):
        if any(c in text[prev_end: m.start()] for c in ",.;:()\"”"):
            break
        prev_end = m.end()
        w = m.group(0).lower().strip("'’")
        if w in NOUN_STOP or w == "%":
            if words or w != "of":
                break
            continue
        words.append(w)
        if len(words) == 2:
            break
    return " ".join(words) or None


def parse(sentence: str) -> list[Mention]:
    """All figures in ``sentence``, left to right, ranges joined, each with its context."""
    raw: list[dict] = []
    clocks = [(c.start(), c.end()) for c in _CLOCK_OR_DATE.finditer(sentence)]
    for m in _TOKEN.finditer(sentence):
        if any(a <= m.start("num" if m.group("num") else "word") < b for a, b in clocks):
            continue  # a time of day or a numeric date: a timestamp, not a figure
        num, word = m.group("num"), m.group("word")
        cur = (m.group("cur") or "").lower() or None
        if num:
            if re.fullmatch(r"\d+,\d{1,2}", num):  # decimal comma: "0,5 Promille", "286,35 €"
                num = num.replace(",", ".")
            digits = re.sub(r"[,\u00a0\u2009\u202f ]", "", num)
            try:
                value = float(digits)
            except ValueError:
                continue
            at = m.start("num")
            prev, prev2 = sentence[max(0, at - 1): at], sentence[max(0, at - 2): at]
            if not cur and prev and (prev.isalpha() or prev in "_/" or re.fullmatch(r"[A-Za-z]-", prev2)):
                continue  # part of a word or an identifier ("F-16", "COVID19", "1/2")
        else:
            value = _word_value(word)
            if value is None:
                continue
            if _FRACTION_AFTER.match(sentence, m.end("word")):
                continue  # "two-thirds of": a fraction, parsed below
            if word.lower() == "one" and not m.group("scale"):
                continue  # "one of the", "no one": not a figure often enough to be worth the noise
        scale = _scale(m.group("scale"), bool(cur))
        if scale != scale:  # NaN: unit letter, not a scale
            end = m.end("num") if num else m.end("word")
            scale = 1.0
        else:
            end = m.end()
        raw.append(dict(m=m, value=float(f"{value * scale:.12g}"), cur=cur, end=end, num=num, word=word,
                        ord=m.group("ord"), fold=m.group("fold") or m.group("wfold")))

    mentions: list[Mention] = []
    i = 0
    while i < len(raw):
        r = raw[i]
        start, end = r["m"].start(), r["end"]
        while start < end and sentence[start].isspace():
            start += 1
        value, high = r["value"], None
        after = sentence[end:]
        # a range: "20 to 50 percent", "10-14 days", "between 3 and 5"
        if i + 1 < len(raw) and _RANGE_JOIN.match(sentence[end: raw[i + 1]["m"].start()]):
            joiner = sentence[end: raw[i + 1]["m"].start()].strip().lower().split()[-1].lstrip("%")
            nxt = raw[i + 1]
            is_between = bool(_BETWEEN.search(sentence[:start]))
            if joiner != "and" or is_between:
                first_pct = _PERCENT_AFTER.match(after)
                if not r["ord"] and not nxt["ord"]:
                    lo_scale_missing = (r["value"] < nxt["value"] and nxt["m"].group("scale")
                                        and not r["m"].group("scale"))
                    value = r["value"] * (_scale(nxt["m"].group("scale"), bool(nxt["cur"])) if lo_scale_missing else 1)
                    high = nxt["value"]
                    r = {**r, "cur": r["cur"] or nxt["cur"]}
                    end = nxt["end"]
                    after = sentence[end:]
                    if first_pct and not _PERCENT_AFTER.match(after):
                        after = "%" + after
                    i += 1
        kind, unit = "count", None
        if r["cur"]:
            kind, unit = "money", CURRENCY_SYMBOLS.get(r["cur"], r["cur"].upper())
        m_pct, m_pp = _PERCENT_AFTER.match(after), _PP_AFTER.match(after)
        m_mult = _MULT_AFTER.match(after)
        words_after = after.lstrip().split(" ", 1)
        first_after = words_after[0].lower().strip(".,;:)") if words_after and words_after[0] else ""
        if r["fold"]:
            kind, unit = "multiplier", "x"
        elif m_pct:
            kind, unit = "percent", "%"
            end += m_pct.end()
        elif m_pp and kind == "count" and re.match(r"^\s*percentage", after, re.I):
            kind, unit = "pp", "pp"
            end += m_pp.end()
        elif m_mult and kind == "count":
            kind, unit = "multiplier", "x"
            end += m_mult.end()
        elif r["ord"]:
            kind = "ordinal"
        elif kind == "count" and first_after in CURRENCY_WORDS:
            kind, unit = "money", CURRENCY_WORDS[first_after]
        elif (kind == "count" and r["num"] and value.is_integer() and 1800 <= value <= 2100 and high is None
              and r["num"].isdigit() and _looks_like_year(sentence[:start], sentence[end:])):
            kind = "year"
        if kind in ("count", "money") and first_after.rstrip("s") in DURATION_UNITS:
            kind, unit = ("duration", DURATION_UNITS[first_after.rstrip("s")]) if kind == "count" else (kind, unit)
        noun = _noun_after(sentence[end:]) if kind in ("count", "money", "percent") else None
        if kind == "duration":
            noun = unit
        rate = _rate(sentence[end:end + 60]) if kind not in ("year", "ordinal", "duration") else None
        mentions.append(Mention(
            text=sentence[start:end].strip(), value=value, kind=kind, start=start, end=end, high=high,
            unit=unit, noun=noun, qualifier=_qualifier(sentence[:start]), rate=rate,
        ))
        i += 1
    mentions += _dates(sentence, clocks)
    mentions += _vague_and_fractions(sentence, mentions)
    mentions += _multiplier_words(sentence, mentions)
    mentions += _ordinal_words(sentence, mentions)
    mentions.sort(key=lambda x: x.start)
    return mentions


_YEAR_BEFORE = re.compile(
    rf"(?:\b(?:in|since|by|until|till|from|through|before|after|during|of|early|late|mid|year|years|fiscal|fy|"
    rf"and|to|or|between|summer|winter|spring|autumn|fall{_MONTH_END})\.?|[,(–-])\s*$", re.IGNORECASE)


def _looks_like_year(before: str, after: str) -> bool:
    """1800–2100 written without grouping is a year unless it counts something ("1800 troops")."""
    return bool(_YEAR_BEFORE.search(before[-20:])) or _noun_after(after) is None


def _rate(after: str) -> str | None:
    """The rate of a figure: "10,000 shells per day" → "day"."""
    m = _RATE.match(after)
    if not m:
        return None
    return (m.group(1) or _RATE_ADVERB[m.group(2).lower()]).lower()


def _dates(sentence: str, spans: list[tuple[int, int]]) -> list[Mention]:
    """Numeric dates ("03.11.2019", "2024-06-19") as one figure each; clock times are skipped."""
    out = []
    for a, b in spans:
        text = sentence[a:b]
        if ":" in text:
            hh, mm = text.split(":")[:2]
            out.append(Mention(text=text, value=float(int(hh) * 60 + int(mm)), kind="time", start=a, end=b))
            continue
        parts = [int(x) for x in re.split(r"[./-]", text)]
        y, mth, d = (parts[0], parts[1], parts[2]) if parts[0] > 31 else (parts[2], parts[1], parts[0])
        out.append(Mention(text=text, value=float(y * 10000 + mth * 100 + d), kind="date", start=a, end=b))
    return out


def _covered(start: int, end: int, mentions: list[Mention]) -> bool:
    return any(m.start <= start < m.end or start <= m.start < end for m in mentions)


FRACTIONS = {"half": 0.5, "a third": 1 / 3, "one third": 1 / 3, "one-third": 1 / 3, "two thirds": 2 / 3,
             "two-thirds": 2 / 3, "a quarter": 0.25, "one quarter": 0.25, "one-quarter": 0.25,
             "three quarters": 0.75, "three-quarters": 0.75, "a fifth": 0.2, "one fifth": 0.2, "one-fifth": 0.2,
             "a tenth": 0.1, "one tenth": 0.1, "one-tenth": 0.1, "majority": 0.5001, "minority": 0.4999}
VAGUE = {"a dozen": 12, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1e3, "tens of thousands": 1e4,
         "hundreds of thousands": 1e5, "millions": 1e6, "tens of millions": 1e7, "billions": 1e9}
_FRACTION_RE = re.compile(r"\b(" + "|".join(sorted(FRACTIONS, key=len, reverse=True)) + r")\b(?=\s+of\b)",
                          re.IGNORECASE)
_FRACTION_AFTER = re.compile(r"[-\s](?:thirds?|quarters?|fifths?|tenths?)\b", re.IGNORECASE)
_VAGUE_RE = re.compile(r"\b(" + "|".join(sorted(VAGUE, key=len, reverse=True)) + r")\b(?=\s+(?:of|more)\b)",
                       re.IGNORECASE)


def _vague_and_fractions(sentence: str, found: list[Mention]) -> list[Mention]:
    """ "two-thirds of voters", "hundreds of troops": estimates too, and they change ("hundreds" →
    "thousands", "half" → "a third")."""
    out = []
    for rx, table, kind in ((_FRACTION_RE, FRACTIONS, "fraction"), (_VAGUE_RE, VAGUE, "count")):
        for m in rx.finditer(sentence):
            if _covered(m.start(), m.end(), found + out):
                continue
            word = m.group(1).lower().replace("-", " ") if kind == "fraction" else m.group(1).lower()
            value = table.get(word, table.get(m.group(1).lower()))
            out.append(Mention(text=m.group(0), value=float(value), kind=kind, start=m.start(), end=m.end(),
                               noun=_noun_after(sentence[m.end():]),
                               qualifier="approx" if kind == "count" else _qualifier(sentence[:m.start()])))
    return out


def _multiplier_words(sentence: str, found: list[Mention]) -> list[Mention]:
    out = []
    for m in re.finditer(r"\b(" + "|".join(MULT_WORDS) + r")\b", sentence, re.IGNORECASE):
        if not _covered(m.start(), m.end(), found):
            out.append(Mention(text=m.group(0), value=float(MULT_WORDS[m.group(1).lower()]), kind="multiplier",
                               start=m.start(), end=m.end(), unit="x", qualifier=_qualifier(sentence[:m.start()])))
    return out


def _ordinal_words(sentence: str, found: list[Mention]) -> list[Mention]:
    out = []
    for m in re.finditer(r"\b(" + "|".join(ORDINALS) + r")\b", sentence, re.IGNORECASE):
        w = m.group(1).lower()
        if w in ("second",) and re.match(r"\s*(?:hand|thoughts?|guess)", sentence[m.end():], re.I):
            continue
        if w == "first" and not re.match(r"\s+\w", sentence[m.end():]):
            continue  # "at first", "first," — an adverb, not a count
        if not _covered(m.start(), m.end(), found):
            out.append(Mention(text=m.group(0), value=float(ORDINALS[w]), kind="ordinal", start=m.start(),
                               end=m.end(), noun=_noun_after(sentence[m.end():])))
    return out
