"""Language conventions of the numeric grammar: how digits are grouped, scale and qualifier words.

Kept apart from :mod:`watcher.claims.numbers` (which finds figures and their context) because these are
tables and one decision: which separator of a numeral is the decimal mark. English writes
"1,000.5", German, Spanish and most of Europe "1.000,5", French "1 000,5". Most numerals say so
by their shape; only "1.000" and "1,000" (one separator, exactly three digits after it) need the
sentence around them — see :func:`numeral_value`.
"""

from __future__ import annotations

import re
from functools import lru_cache

# ---------------------------------------------------------------------------------------------
# qualifiers: phrase → class, in English, German, French and Spanish

QUALIFIER_PHRASES = {
    "no more than": "at_most", "no fewer than": "at_least", "not more than": "at_most", "as many as": "up_to",
    "as much as": "up_to", "as high as": "up_to", "up to": "up_to", "in excess of": "more_than",
    "upwards of": "more_than", "more than": "more_than", "greater than": "more_than", "higher than": "more_than",
    "just over": "more_than", "over": "more_than", "above": "more_than", "at least": "at_least",
    "a minimum of": "at_least", "at most": "at_most", "a maximum of": "at_most", "less than": "less_than",
    "fewer than": "less_than", "lower than": "less_than", "just under": "less_than", "under": "less_than",
    "below": "less_than", "older than": "more_than", "younger than": "less_than", "longer than": "more_than",
    "shorter than": "less_than", "nearly": "nearly", "almost": "nearly", "close to": "nearly", "approaching": "nearly",
    "approximately": "approx", "about": "approx", "around": "approx", "roughly": "approx", "some": "approx",
    "circa": "approx", "ca.": "approx", "an estimated": "estimated", "estimated": "estimated",
    "exactly": "exactly", "precisely": "exactly",
    # German
    "bis zu": "up_to", "rund": "approx", "etwa": "approx", "ungefähr": "approx", "zirka": "approx",
    "knapp": "nearly", "fast": "nearly", "beinahe": "nearly", "nahezu": "nearly",
    "mehr als": "more_than", "über": "more_than", "mindestens": "at_least", "wenigstens": "at_least",
    "höchstens": "at_most", "maximal": "at_most", "weniger als": "less_than", "unter": "less_than",
    "älter als": "more_than", "jünger als": "less_than",
    "geschätzte": "estimated", "geschätzt": "estimated", "genau": "exactly",
    # French
    "environ": "approx", "quelque": "approx", "quelques": "approx", "près de": "nearly", "presque": "nearly",
    "plus de": "more_than", "au-delà de": "more_than", "au moins": "at_least", "au plus": "at_most",
    "moins de": "less_than", "jusqu'à": "up_to", "jusqu'a": "up_to", "pas moins de": "at_least",
    "une estimation de": "estimated", "exactement": "exactly",
    # Spanish
    "más de": "more_than", "mas de": "more_than", "casi": "nearly", "cerca de": "nearly",
    "alrededor de": "approx", "aproximadamente": "approx", "unos": "approx", "unas": "approx",
    "hasta": "up_to", "al menos": "at_least", "por lo menos": "at_least", "como mínimo": "at_least",
    "como máximo": "at_most", "menos de": "less_than", "exactamente": "exactly", "un estimado de": "estimated",
    # Italian, Portuguese, Dutch (cheap: one alternation either way)
    "oltre": "more_than", "più di": "more_than", "quasi": "nearly", "fino a": "up_to", "almeno": "at_least",
    "meno di": "less_than", "mais de": "more_than", "quase": "nearly", "até": "up_to", "pelo menos": "at_least",
    "ongeveer": "approx", "bijna": "nearly", "meer dan": "more_than", "minder dan": "less_than", "ruim": "more_than",
    "zo'n": "approx", "minstens": "at_least",
}
# one alternation, longest phrase first ("just over" before "over", "pas moins de" before "moins de"),
# anchored at the end of the text before the figure: one search instead of a loop over phrases
_QUALIFIER_RE = re.compile(
    r"(?:^|[^\w])(" + "|".join(re.escape(p) for p in sorted(QUALIFIER_PHRASES, key=len, reverse=True)) + r")\s*$")
_QUAL_STRIP = re.compile(r"\s*(?:[$€£¥₹₩₽]|\b(?:us|a)\b)?\s*$")


def qualifier(before: str) -> str | None:
    """The qualifier class of the words right before a figure ("more than", "bis zu", "près de")."""
    tail = before[-40:].lower().replace("’", "'").rstrip()
    tail = _QUAL_STRIP.sub("", tail) if tail.endswith(("$", "€", "£", "¥", "₹", "₩", "₽", " us", " a")) else tail
    m = _QUALIFIER_RE.search(tail)
    if m and m.group(1) == "up to" and _MOVED_UP.search(tail, 0, m.start(1)):
        return None  # "edged up to 4.3%", "went up to 5%": a verb's "up", then where it went
    return QUALIFIER_PHRASES[m.group(1)] if m else None


_MOVED_UP = re.compile(r"\b(?:edged|ticked|crept|inched|moved|went|gone|going|goes|shot|climbed|jumped|bumped|"
                       r"revised|rounded|raised|stepped|scaled|notched|pushed|ramped|marked|bid|crawled|picked|"
                       r"edges|ticks|creeps|inches|moves|climbs|jumps|revises|raises|steps|pushes)\s+$")


# ---------------------------------------------------------------------------------------------
# scale words and currencies

SCALE_WORDS = {
    "hundred": 100, "thousand": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9, "billions": 1e9,
    "trillion": 1e12, "trillions": 1e12,
    "tausend": 1e3, "tsd": 1e3, "mio": 1e6, "millionen": 1e6, "mrd": 1e9, "milliarde": 1e9,
    "milliarden": 1e9, "billionen": 1e12,
    "mille": 1e3, "milliard": 1e9, "milliards": 1e9,
    "mil": 1e3, "millón": 1e6, "millon": 1e6, "millones": 1e6, "mil millones": 1e9, "billón": 1e12,
    "billones": 1e12,
    "mila": 1e3, "milione": 1e6, "milioni": 1e6, "miliardo": 1e9, "miliardi": 1e9, "milhão": 1e6, "milhões": 1e6,
    "bilhão": 1e9, "bilhões": 1e9, "miljoen": 1e6, "miljard": 1e9,
}
SHORT_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "bln": 1e9, "b": 1e9, "md": 1e9, "tn": 1e12,
                "trn": 1e12, "t": 1e12}
# regex fragment for the scale after a numeral; words end at a word boundary, abbreviations may
# carry their dot ("3,5 Mio. Euro")
SCALE_RE = (r"(?:mil\s+millones|" + "|".join(sorted((w for w in SCALE_WORDS if w != "mil millones"),
                                                      key=len, reverse=True))
            + r")\b\.?|(?:bln|bn|mn|mln|md|trn|tn|[kmbt])\b")

CURRENCY_SYMBOLS = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW",
                    "₽": "RUB", "c$": "CAD", "a$": "AUD"}
CURRENCY_WORDS = {"dollar": "USD", "dollars": "USD", "usd": "USD", "us-dollar": "USD", "dólares": "USD",
                  "dolares": "USD", "dólar": "USD", "euro": "EUR", "euros": "EUR", "eur": "EUR", "pound": "GBP",
                  "pounds": "GBP", "gbp": "GBP", "pfund": "GBP", "yen": "JPY", "yuan": "CNY", "rubles": "RUB",
                  "roubles": "RUB", "rubel": "RUB", "won": "KRW", "rupees": "INR", "chf": "CHF", "franken": "CHF",
                  "francs": "CHF", "pesos": "MXN", **CURRENCY_SYMBOLS}


# what may cling to the word after a figure and is not part of it: punctuation and quotes ("years.”")
WORD_EDGE = ".,;:)!?\"'”’»“«"


def currency_after(words: list[str]) -> str | None:
    """The currency named right after a figure: "Euro", "€", "€/Person", "d'euros", "de dólares"."""
    if not words:
        return None
    w = words[0].lower().strip(WORD_EDGE).replace("’", "'").split("/", 1)[0]  # "€/Person": a rate follows
    if w.startswith("d'"):
        w = w[2:]
    elif w == "de" and len(words) > 1:
        w = words[1].lower().strip(WORD_EDGE)
    return CURRENCY_WORDS.get(w)


# ---------------------------------------------------------------------------------------------
# which separator is the decimal mark

# Function words of one side only: "in", "an", "on", "is", "was", "do", "per" and "met" are
# everyday words on both sides (German "in", "an", "was", French "on", Dutch "is", Portuguese
# "do", Italian "per", English "per cent") and tell nothing.
_EN_WORDS = frozenset("the and of to for with that are were said has have from by this its "
                      "which at be it than people percent".split())
# German, French, Italian, Portuguese and Dutch words (all write "1.000" and "2,5"); Spanish words
# apart, and the words Spanish shares with them (they tell "not English", not which of the two)
_EU_WORDS = frozenset("der die das und ist mit von für auf nicht den dem des ein eine sind wurde wurden im "
                      "le la les et est une dans pour sur du au aux ont été qui "
                      "il della delle degli nel nella sono che gli "
                      "os da das dos em não são foi "
                      "het een van voor niet zijn werd werden naar ook".split())
_ES_WORDS = frozenset("el los las y fue han está están más según también".split())
_SHARED_WORDS = frozenset("es con com por para del una que lo como".split())
_EN_NUMERAL = re.compile(r"\d,\d{3}(?:,\d{3})+|\d,\d{3}\.\d|\d\.(?:\d{1,2}|\d{4,})(?!\d|[.,]\d)")
_EU_NUMERAL = re.compile(r"\d\.\d{3}(?:\.\d{3})+|\d\.\d{3},\d|\d,(?:\d{1,2}|\d{4,})(?!\d|[.,]\d)")
_LETTERS = re.compile(r"[^\W\d_]+")
# numerals that are no evidence of a convention: numeric dates ("01.12.2021": its "2.2021" is no
# English decimal) and clock times ("21.25 Uhr", "18.00 h")
_NO_EVIDENCE = re.compile(r"\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{1,2}[.:]\d{2}\s?(?:uhr|h)\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def sentence_locale(sentence: str) -> str | None:
    """"en" when the sentence writes numbers the English way, "eu" when the continental way, else
    None. Asked only for an ambiguous numeral, so this costs nothing on most sentences.

    Other numerals decide first — they are unambiguous ("2,5", "1.000.000", "3.75", "10,000,000")
    — then the function words of the sentence: English against German, French, Italian,
    Portuguese and Dutch. Spanish words decide nothing: Spain writes "17.000 millones" and the
    Americas (Mexico, the United States, Central America) "17,000 millones", so in a Spanish
    sentence "1,000" and "1.000" keep the default reading, a thousand (a figure with exactly three
    decimals is rare in news text either way).
    """
    probe = _NO_EVIDENCE.sub(" ", sentence) if "." in sentence or ":" in sentence else sentence
    en, eu = bool(_EN_NUMERAL.search(probe)), bool(_EU_NUMERAL.search(probe))
    if en != eu:
        return "en" if en else "eu"
    words = [w.lower() for w in _LETTERS.findall(sentence)]
    n_en = sum(w in _EN_WORDS for w in words)
    n_eu = sum(w in _EU_WORDS for w in words)
    n_es = sum(w in _ES_WORDS for w in words)
    not_en = n_eu + n_es + sum(w in _SHARED_WORDS for w in words)
    if n_en == not_en:
        return None
    if n_en > not_en:
        return "en"
    return None if n_es > n_eu else "eu"


_SPACE_SEPS = "\u00a0\u2009\u202f "


def numeral_value(num: str, sentence: str) -> float | None:
    """The value of a digit string with separators, or None when it is no number (a version
    "1.2.3", an IP address).

    Thin, no-break and plain spaces only group. Of "." and ",": when both occur, the last is the
    decimal mark; a mark repeated groups ("1.000.000", "1,000,000"); one mark followed by other
    than exactly three digits is decimal ("2,5", "3.75", "100,00"). One mark followed by exactly
    three digits ("1.000", "1,000") is the ambiguous case: it groups unless the integer part is 0
    or longer than three digits, or the sentence shows the other convention
    (:func:`sentence_locale`) — "1,000" is a decimal only in a continental sentence, "1.000" only
    in an English one. Grouping is the default for both because a figure written with exactly
    three decimals is rare in news text, while "1.000 Euro" and "1,000 people" are everyday.
    """
    s = num
    if any(c in s for c in _SPACE_SEPS):
        for c in _SPACE_SEPS:
            s = s.replace(c, "")
        if "," in s and "." not in s:
            s = s.replace(",", ".")
        return _float(s.replace(",", ""))
    dots, commas = s.count("."), s.count(",")
    if dots and commas:
        dec, grp = (".", ",") if s.rfind(".") > s.rfind(",") else (",", ".")
        if s.count(dec) > 1:
            return None
        int_part, frac = s.split(dec)
        if not _grouped(int_part, grp):
            return None
        return _float(int_part.replace(grp, "") + "." + frac)
    if not dots and not commas:
        return _float(s)
    sep = "." if dots else ","
    if s.count(sep) > 1:
        return _float(s.replace(sep, "")) if _grouped(s, sep) else None
    int_part, frac = s.split(sep)
    if len(frac) != 3 or int_part == "0" or len(int_part) > 3:
        return _float(f"{int_part}.{frac}")
    loc = sentence_locale(sentence)
    decimal = (loc == "en") if sep == "." else (loc == "eu")
    return _float(f"{int_part}.{frac}" if decimal else int_part + frac)


def _grouped(s: str, sep: str) -> bool:
    head, *groups = s.split(sep)
    return 1 <= len(head) <= 3 and all(len(g) == 3 for g in groups)


def _float(s: str) -> float | None:
    try:
        return float(s)
    except ValueError:
        return None
