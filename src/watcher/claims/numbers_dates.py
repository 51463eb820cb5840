"""Figures the digit scanner of :mod:`watcher.claims.numbers` must not take apart: dates, clock times,
decades and CJK figures ("1975年1月28日", "3万人", "12億円").

Why apart: "30 September" is not the count 30 of something called "september", "8:00 a.m." is
not 8, and "the 1970s" is not 1,970 of anything. Each of these is found first, as one
:class:`Span`; the scanner skips digits inside spans. Dates and times are their own kinds, so a
moved date is explained as "30 September → 1 October", never as a percentage.

Values are comparable across renderings: a date is ``year*10000 + month*100 + day`` (year 0 when
not written, day 0 for "June 2024"), so "30 September 2024", "September 30, 2024" and
"30.09.2024" are equal; a time is minutes after midnight ("8:00 a.m." = "8:00" = "8 Uhr"); a
decade is its first year ("the '80s" = "the 1980s" = "80er Jahre"; a two-digit decade is read as
the 1900s — the commonest use in news text — except an age, "in her 30s", which keeps 30).
"""

from __future__ import annotations

import re
from typing import NamedTuple


class Span(NamedTuple):
    start: int
    end: int
    kind: str  # date | time | decade | year | phone | or a CJK figure's kind (count, money, percent, ...)
    value: float
    unit: str | None = None
    noun: str | None = None
    qualifier: str | None = None
    high: float | None = None  # the last year of a span of years ("2020-21")


MONTHS = {
    **{m: i for i, m in enumerate("january february march april may june july august september october "
                                  "november december".split(), 1)},
    **{m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}, "sept": 9,
    **{m: i for i, m in enumerate("januar februar märz april mai juni juli august september oktober "
                                  "november dezember".split(), 1)}, "jänner": 1, "maerz": 3,
    **{m: i for i, m in enumerate("janvier février mars avril mai juin juillet août septembre octobre "
                                  "novembre décembre".split(), 1)}, "fevrier": 2, "aout": 8, "decembre": 12,
    **{m: i for i, m in enumerate("enero febrero marzo abril mayo junio julio agosto septiembre octubre "
                                  "noviembre diciembre".split(), 1)}, "setiembre": 9,
    # Italian, Portuguese, Dutch: a dict look-up each, so more languages cost nothing
    **{m: i for i, m in enumerate("gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre "
                                  "novembre dicembre".split(), 1)},
    **{m: i for i, m in enumerate("janeiro fevereiro março abril maio junho julho agosto setembro outubro "
                                  "novembro dezembro".split(), 1)}, "marco": 3,
    **{m: i for i, m in enumerate("januari februari maart april mei juni juli augustus september oktober "
                                  "november december".split(), 1)},
}
_ABBREVIATIONS = set("jan feb mar apr jun jul aug sep sept oct nov dec janv févr fevr avr juil déc ene abr ago dic "
                     "okt dez".split())
CAPITAL_ONLY_MONTHS = {"may", "march", "mar"}  # English words too: a month only when capitalised
_MONTH = "(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?"
_DAY_FIRST = re.compile(
    rf"(?<![\d.,])(?P<day>\d{{1,2}})(?:st|nd|rd|th|er|º|\.)?\s*(?:of\s+|de\s+)?{_MONTH}"
    r"(?:,?\s*(?:de\s+)?(?P<year>\d{4})\b)?", re.IGNORECASE)
_MONTH_FIRST = re.compile(
    rf"\b{_MONTH}\s*(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?![.,:]?\d)(?:,?\s+(?P<year>\d{{4}})\b)?", re.IGNORECASE)
_MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+(?:de\s+)?(?P<year>\d{{4}})\b", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"(?<![\d.])(?:\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{4}/\d{2}/\d{2})(?![\d])")

_AMPM = r"(?P<ampm>a\.\s?m\.|p\.\s?m\.|am\b|pm\b|uhr\b|h\b)"
_CLOCK = re.compile(rf"(?<![\d.,:])(?P<h>\d{{1,2}})(?P<sep>[:.])(?P<m>\d{{2}})(?::\d{{2}})?(?!\d|[.,]\d)\s?{_AMPM}?",
                    re.IGNORECASE)
_HOUR_ONLY = re.compile(r"(?<![\d.,:])(?P<h>\d{1,2})\s?(?P<ampm>a\.\s?m\.|p\.\s?m\.|am\b|pm\b|uhr\b)", re.IGNORECASE)
_FRENCH_CLOCK = re.compile(r"(?<![\d.,:])(?P<h>\d{1,2})h(?P<m>\d{2})\b")

_DECADE = re.compile(
    r"(?P<full>\b(?:1\d|20)\d0)\s?['’]?s\b"  # 1970s, 1970's
    r"|(?<![\w'’])['’](?P<short>\d0)\s?['’]?s\b"  # '80s
    r"|(?P<bare>\b[1-9]0)['’]?s\b"  # 80s, in her 30s
    r"|\b(?P<de>(?:1\d|20)?\d0)er(?:(?P<jahre>\s*-?\s*jahren?\b)|\b)"  # 50er Jahre, 1990er
    r"|\b(?:années|años|anni)\s+(?P<romance>(?:19|20)?\d0)\b(?!\s*%)"  # années 80, los años 1980
    r"|\bdécada\s+de\s+(?P<decada>(?:19|20)\d0)\b",
    re.IGNORECASE)
_AGE_BEFORE = re.compile(r"\b(?:her|his|their|my|your|our|its)\s+(?:(?:early|mid|late)[-\s])?$", re.IGNORECASE)

_CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_CJK_DATE = re.compile(r"(?:(?P<y>\d{2,4})\s?年\s?)?(?P<mo>\d{1,2})\s?月\s?(?P<d>\d{1,2})\s?[日일]"
                       r"|(?P<yo>\d{4})\s?年(?!\s?\d{1,2}\s?月)|(?P<y2>\d{4})\s?年\s?(?P<mo2>\d{1,2})\s?月")
_CJK_TIME = re.compile(r"(?P<pm>午前|午後|上午|下午)?(?P<h>\d{1,2})\s?[時时시](?:(?P<m>\d{1,2})\s?[分분]|(?P<half>半))?")
_CJK_SCALES = {"万": 1e4, "萬": 1e4, "億": 1e8, "亿": 1e8, "兆": 1e12, "千": 1e3, "百": 100, "만": 1e4, "억": 1e8,
               "조": 1e12, "천": 1e3}
_CJK_COUNTERS = {  # counter → (kind, unit)
    "円": ("money", "JPY"), "元": ("money", "CNY"), "ドル": ("money", "USD"), "美元": ("money", "USD"),
    "ユーロ": ("money", "EUR"), "欧元": ("money", "EUR"), "원": ("money", "KRW"), "%": ("percent", "%"),
    "％": ("percent", "%"), "倍": ("multiplier", "x"), "年間": ("duration", "year"), "か月": ("duration", "month"),
    "ヶ月": ("duration", "month"), "カ月": ("duration", "month"), "个月": ("duration", "month"),
    "日間": ("duration", "day"), "時間": ("duration", "hour"), "小时": ("duration", "hour"),
    "週間": ("duration", "week"), "年": ("duration", "year"),
}
_CJK_NOUNS = "人 名 件 個 个 台 回 本 枚 棟 軒 隻 機 頭 匹 社 校 歳 岁 か国 カ国 ヶ国 명 개 건 세".split()
_CJK_FIGURE = re.compile(
    r"(?P<q>約|およそ|最大|最多|约|大约|近|약|최대)?\s?(?P<num>\d+(?:[.,]\d+)?)\s?(?P<scale>[万萬億亿兆千百만억조천]{1,2})?"
    r"(?P<counter>" + "|".join(sorted([*_CJK_COUNTERS, *_CJK_NOUNS], key=len, reverse=True)) + r")?"
    r"(?P<post>以上|超え|超|未満|以下|近く|余り|余|多|이상|미만)?")
_CJK_PRE_Q = {"約": "approx", "およそ": "approx", "约": "approx", "大约": "approx", "약": "approx",
              "最大": "up_to", "最多": "up_to", "최대": "up_to", "近": "nearly"}
_CJK_POST_Q = {"以上": "at_least", "이상": "at_least", "超え": "more_than", "超": "more_than", "余り": "more_than",
               "余": "more_than", "多": "more_than", "未満": "less_than", "미만": "less_than", "以下": "at_most",
               "近く": "nearly"}


def _date_value(year: int, month: int, day: int) -> float:
    return float(year * 10000 + month * 100 + day)


def _month(m: re.Match) -> int | None:
    word = m.group("month")
    low = word.lower()
    if low in CAPITAL_ONLY_MONTHS and not word[0].isupper():
        return None
    return MONTHS.get(low.rstrip("."))


_WORD_AFTER = re.compile(r"(?:st|nd|rd|th|er|º|\.)?\s*(?:of\s+|de\s+)?([^\W\d_]+)")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\.?\s*(?:de\s+)?$")


def _text_dates(s: str, runs: list[tuple[int, int]], out: list[Span]) -> None:
    """ "30 September", "1er octobre 2024", "3 de mayo", "September 30, 2024", "June 2024".

    Anchored at the digit runs: a month word right after or right before a number is looked up
    in a dict, and only then is the full pattern matched there — no scan of the sentence for
    sixty month names."""
    for a, b in runs:
        w = _WORD_AFTER.match(s, b)
        if w and w.group(1).lower() in MONTHS:
            _add_date(s, _DAY_FIRST.match(s, a), out)
        w = _WORD_BEFORE.search(s, max(0, a - 16), a)
        if w and w.group(1).lower() in MONTHS:
            for rx in (_MONTH_FIRST, _MONTH_YEAR):
                if _add_date(s, rx.match(s, w.start(1)), out):
                    break


def _add_date(s: str, m: re.Match | None, out: list[Span]) -> bool:
    if m is None:
        return False
    month = _month(m)
    if month is None or _overlaps(m.start(), m.end(), out):
        return False
    day = int(m.group("day")) if m.re.groupindex.get("day") else 0
    if day > 31:
        return False
    year = int(m.group("year")) if m.group("year") else 0
    end = m.end()
    if not m.group("year") and s[end - 1] == "." and m.group("month").lower() not in _ABBREVIATIONS:
        end -= 1  # "moved to 10 May." — the sentence's full stop, not an abbreviation's
    while end > m.start() and s[end - 1] in " ,":
        end -= 1
    out.append(Span(m.start(), end, "date", _date_value(year, month, day)))
    return True


# a German day and month without a year, after the word that dates it: "am 3.3.", "vom 12.10. bis
# zum 14.10." — the same date as "am 3. März"
_DAY_MONTH = re.compile(r"\b(?:am|vom|zum|bis|ab|seit|dem|den)\s+((\d{1,2})\.(\d{1,2})\.)(?!\d)")


def _numeric_dates(s: str, runs: list[tuple[int, int]], out: list[Span]) -> None:
    for dm in _DAY_MONTH.finditer(s):
        d, mth = int(dm.group(2)), int(dm.group(3))
        if 1 <= mth <= 12 and 1 <= d <= 31 and not _overlaps(dm.start(1), dm.end(1), out):
            out.append(Span(dm.start(1), dm.end(1), "date", _date_value(0, mth, d)))
    for a, b in runs:
        if s[b:b + 1] not in ("." , "/", "-") or not s[b + 1:b + 2].isdigit():
            continue
        m = _NUMERIC_DATE.match(s, a)
        if not m:
            continue
        parts = [int(x) for x in re.split(r"[./-]", m.group(0))]
        if parts[0] > 31:
            y, mth, d = parts
        else:
            d, mth, y = parts
            if mth > 12 >= d:  # 9/30/2024: the US order
                d, mth = mth, d
        if y < 100:
            y += 2000 if y < 50 else 1900
        if 1 <= mth <= 12 and 1 <= d <= 31 and not _overlaps(m.start(), m.end(), out):
            out.append(Span(m.start(), m.end(), "date", _date_value(y, mth, d)))


def _minutes(hour: int, minute: int, ampm: str | None) -> float | None:
    a = (ampm or "").lower().replace(".", "").replace(" ", "")
    if a in ("am", "pm"):
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if a == "pm" else 0)
    if hour > 24 or minute > 59:
        return None
    return float(hour * 60 + minute)


_TIME_HINT = re.compile(r"[:.]\d\d|h\d\d|\s?(?:[ap]\.?\s?m\b|uhr\b)", re.IGNORECASE)


def _times(s: str, runs: list[tuple[int, int]], out: list[Span]) -> None:
    """ "8:00 a.m.", "12:30", "8.30 Uhr", "5 Uhr", "7pm", "20h30" as minutes after midnight."""
    for a, b in runs:
        if b - a > 2 or not _TIME_HINT.match(s, b):
            continue
        for rx in (_CLOCK, _HOUR_ONLY, _FRENCH_CLOCK):
            m = rx.match(s, a)
            if not m or (rx is _CLOCK and m.group("sep") == "." and not m.group("ampm")):
                continue  # "3.45" is a decimal unless "3.45 pm" / "8.30 Uhr"
            minute = int(m.group("m")) if "m" in rx.groupindex else 0
            v = _minutes(int(m.group("h")), minute, m.groupdict().get("ampm"))
            end = m.end() if m.groupdict().get("ampm") or rx is not _CLOCK else _clock_end(m)
            if v is not None and not _overlaps(a, end, out):
                out.append(Span(a, end, "time", v))
            break


def _clock_end(m: re.Match) -> int:
    """End of "10:30" or "10:30:15" without the space the pattern may have taken."""
    return m.start() + len(m.group(0).rstrip())


_DECADE_HINTS = ("0s", "0's", "0’s", "0 s", "0er", "années", "años", "anni", "década")


def _decades(s: str, out: list[Span]) -> None:
    low = s.lower()
    if not any(h in low for h in _DECADE_HINTS):
        return  # substring tests: far cheaper than the pattern on the many sentences with none
    for m in _DECADE.finditer(s):
        g = m.lastgroup if m.lastgroup not in (None, "jahre") else "de"
        raw = m.group(g)
        if g == "de" and len(raw) == 2 and not m.group("jahre"):
            continue  # "ein 50er" (a banknote, a bus line): only "50er Jahre" is a decade
        n = int(raw)
        if n < 100:
            if g == "bare" and _AGE_BEFORE.search(s[:m.start()]):
                out.append(Span(m.start(), m.end(), "decade", float(n), unit="age"))
                continue
            n += 1900
        if not _overlaps(m.start(), m.end(), out):
            out.append(Span(m.start(), m.end(), "decade", float(n)))


def _cjk(s: str, out: list[Span]) -> None:
    for m in _CJK_DATE.finditer(s):
        if m.group("yo"):
            out.append(Span(m.start(), m.end(), "year", float(m.group("yo"))))
        elif m.group("y2"):
            out.append(Span(m.start(), m.end(), "date", _date_value(int(m.group("y2")), int(m.group("mo2")), 0)))
        else:
            y = int(m.group("y")) if m.group("y") else 0
            out.append(Span(m.start(), m.end(), "date", _date_value(y, int(m.group("mo")), int(m.group("d")))))
    for m in _CJK_TIME.finditer(s):
        if _overlaps(m.start(), m.end(), out):
            continue
        h = int(m.group("h")) + (12 if m.group("pm") in ("午後", "下午") and int(m.group("h")) < 12 else 0)
        minute = 30 if m.group("half") else int(m.group("m") or 0)
        if h <= 24 and minute < 60:
            out.append(Span(m.start(), m.end(), "time", float(h * 60 + minute)))
    for m in _CJK_FIGURE.finditer(s):
        if not (m.group("scale") or m.group("counter")) or _overlaps(m.start("num"), m.end(), out):
            continue
        try:
            value = float(m.group("num").replace(",", ""))
        except ValueError:
            continue
        for ch in m.group("scale") or "":
            value *= _CJK_SCALES[ch]
        counter = m.group("counter")
        kind, unit = _CJK_COUNTERS.get(counter or "", ("count", None))
        qual = _CJK_PRE_Q.get(m.group("q") or "") or _CJK_POST_Q.get(m.group("post") or "")
        start = m.start() if m.group("q") else m.start("num")
        out.append(Span(start, m.end(), kind, float(f"{value:.12g}"), unit=unit,
                        noun=counter if kind == "count" else None, qualifier=qual))


_DIGITS = re.compile(r"\d+")


def _overlaps(a: int, b: int, spans: list[Span]) -> bool:
    return any(x.start < b and a < x.end for x in spans)


def special_spans(sentence: str) -> list[Span]:
    """Dates, times, decades and CJK figures of ``sentence``, earliest-found first, none overlapping.

    Only called for sentences with a digit (every form here has one)."""
    out: list[Span] = []
    if _CJK_CHAR.search(sentence):
        _cjk(sentence, out)
    if _PHONE_DIGITS.search(sentence):
        _phones(sentence, out)
    runs = [m.span() for m in _DIGITS.finditer(sentence)]
    _numeric_dates(sentence, runs, out)
    _times(sentence, runs, out)
    _text_dates(sentence, runs, out)
    _decades(sentence, out)
    _year_spans(sentence, out)
    return out


# a telephone number: no figure, however its digits change (a press office's new line, a hotline
# corrected). International ("+44 20 7946 0100", "+1 (202) 555-0143", "+49 (0)30 1234567"), North
# American ("(202) 555-0143", "202-555-0143"), or a trunk prefix and groups ("020 7946 0100",
# "0800 000 98 00", "030/1234 567"); or after a word that announces one ("Tel. 12 34 56 78")
_PHONE_DIGITS = re.compile(r"\d(?:[\s()./-]{1,2}\d+){2}")  # three groups of digits: the cheap test
_PHONE = re.compile(r"""
    (?<![\w+])\+\d{1,3}[\s.-]?(?:\(\d{1,4}\)[\s.-]?)?\d{1,5}(?:[\s./-]\d{2,8}){1,4}
  | (?<![\w(])\(\d{3}\)\s?\d{3}[\s.-]\d{4}
  | (?<![\w.,-])\d{3}[.-]\d{3}[.-]\d{4}
  | (?<![\w.,])0[1-9]\d{0,3}(?:[\s/-]\d{2,4}){2,4}
  | (?i:\b(?:tel|phone|telephone|call|fax|mobile|hotline|helpline|t[ée]l[ée]phone|telefon|tel[ée]fono)\b\.?:?\s*
       (?:on\s+|at\s+)?)(?P<after>\+?\(?\d[\d\s()./-]{5,}\d)
""", re.VERBOSE)


_SHARE_AFTER = re.compile(r"\s*(?:%|percent|per cent)")


def _phones(s: str, out: list[Span]) -> None:
    """The telephone numbers of ``s``: seven digits or more, no digit right before or after them,
    no percent sign after them."""
    for m in _PHONE.finditer(s):
        start = m.start("after") if m.group("after") else m.start()
        number = s[start:m.end()]
        if sum(c.isdigit() for c in number) >= 7 and not s[m.end():m.end() + 2].lstrip()[:1].isdigit() \
                and not s[max(0, start - 2):start].rstrip()[-1:].isdigit() \
                and not _SHARE_AFTER.match(s, m.end()):
            out.append(Span(start, m.end(), "phone", 0.0))


# a span of years: a fiscal year or a season ("2020-21", "2020/21", "2022–2023"), one figure however
# written — not a count from 2020 to 21, nor the year 2020 and a stray 21
_YEAR_SPAN = re.compile(r"(?<![\d./-])((?:18|19|20)\d\d)\s?[-–/]\s?(\d\d(?:\d\d)?)(?![\d]|[./-]\d)")


def _year_spans(s: str, out: list[Span]) -> None:
    for m in _YEAR_SPAN.finditer(s):
        first, last = int(m.group(1)), m.group(2)
        end = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
        if len(last) == 2 and end <= first:
            end += 100  # "1999-00"
        if not first < end <= first + (1 if m.group(0)[4:].strip()[0] == "/" else 30):
            continue  # "2019/22" is no fiscal year; "2020-1999" no span
        if not _overlaps(m.start(), m.end(), out):
            out.append(Span(m.start(), m.end(), "year", float(first), high=float(end)))
