"""Edits an analyst would or would not want to hear about, made to the real pages of the development set.

Each edit kind changes the HTML of a page of ../shared/realworld-dev/ where its target text occurs
exactly once, and both versions go through the real extraction, cleaning, fault check and claim
comparison. A *claim* edit must alert (a number word, a qualifier, a percentage, a unit or
currency changed, a hedge inserted, an attribution dropped); a *harmless* edit must not (a typo
near a figure, a figure rewritten in another form, quotes, no-break spaces and dashes normalised
over the page, the counters, copyright years and relative times that move between two visits);
since session 32 also a source swapped, a negation inserted and a rise turned into a fall (must
alert), and a paragraph's
first two sentences reordered, a unit written out ("5 km" → "5 kilometres") and a paragraph
without claims added (must not); since session 33 an outcome turned ("injured" → "killed") and a
name inside an English sentence swapped for another and a word inside a quotation swapped (must
alert), a name respelt — a letter dropped from a long one — and a quotation extended at its end
(must not); since session 35 a word swapped for its opposite and the day of an event changed (must
alert) and a precise figure rounded with "about" (must not); since session 36 a quantifier put in
the place of one of another class ("every hospital" → "some hospital", must alert), a subject's act
reworded from a verb that names sources elsewhere ("reported a loss" → "recorded a loss", must not)
and an English paragraph's first two sentences joined with ", and" (must not).

Targets are taken from the page's extracted main text (or, for the page-wide and furniture kinds,
from the whole HTML), so the measure is of the claim engine and the line rules on real sentences
and real markup in several languages, not of the annotation. Split in the same halves as
``realworld_claims.py`` (sha1 of the file name): develop on one, check the other.

usage: python bench/realworld_edits.py [--half A|B] [--show] [--kinds k1,k2]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from realworld_claims import DATA, half_of  # noqa: E402

Edit = tuple[str, str]  # (text as it is in the page, text it becomes)


def _put(p: str, m: re.Match, new: str, group: int = 0) -> Edit:
    """``m``'s text (``group``) in paragraph ``p`` replaced by ``new``; both sides start 30
    characters earlier, enough context for the edited text to occur once in the page."""
    start = max(0, m.start(group) - 30)
    return p[start:m.end(group)], p[start:m.start(group)] + new


@dataclass(frozen=True)
class Kind:
    """One kind of edit and whether an alert is due: ``find`` picks one edit in a main-text
    paragraph (its text must occur once in the page); ``rewrite`` instead changes the whole page
    (every occurrence), and is skipped where it changes nothing."""

    name: str
    alert: bool
    find: Callable[[str], Edit | None] | None = None
    rewrite: Callable[..., str] | None = None  # (html) or (html, the page's extracted document)


_WORD = re.compile(r"(?<![\w&#;/.-])[^\W\d_]{5,}(?![\w;/.-])")


def _typo_near_figure(p: str) -> Edit | None:
    """Two letters swapped in a word within 25 characters of a digit."""
    for m in _WORD.finditer(p):
        if not re.search(r"\d", p[max(0, m.start() - 25): m.end() + 25]):
            continue
        w = m.group(0)
        i = len(w) // 2
        if w[i] != w[i + 1]:
            return w, w[:i] + w[i + 1] + w[i] + w[i + 2:]
    return None


def _figure_rewritten(p: str) -> Edit | None:
    """"3 million" ↔ "3,000,000", "1,250,000" → "1250000": the same figure in another form."""
    m = re.search(r"(?<![\d.,])(\d+(?:\.\d+)?) (million|billion)\b", p)
    if m:
        v = float(m.group(1)) * (1e6 if m.group(2) == "million" else 1e9)
        if v.is_integer():
            return m.group(0), f"{int(v):,}"
    m = re.search(r"(?<![\d.,])\d{1,3}(?:,\d{3}){2,}(?![\d,]|\.\d)", p)
    return (m.group(0), m.group(0).replace(",", "")) if m else None


_NUMBER_WORDS = {"two": "three", "three": "four", "four": "five", "five": "six", "zwei": "drei", "drei": "vier",
                 "vier": "fünf", "deux": "trois", "trois": "quatre", "tres": "cuatro", "cinco": "seis"}
_NUMBER_WORD = re.compile(r"\b(" + "|".join(_NUMBER_WORDS) + r")\b(?= \w+)", re.IGNORECASE)


def _number_word(p: str) -> Edit | None:
    m = _NUMBER_WORD.search(p)
    if not m:
        return None
    new = _NUMBER_WORDS[m.group(1).lower()]
    return m.group(1), new.capitalize() if m.group(1)[0].isupper() else new


_QUALIFIERS = {"more than": "less than", "about": "exactly", "nearly": "more than", "at least": "at most",
               "up to": "at least", "mehr als": "weniger als", "rund": "genau", "etwa": "genau",
               "plus de": "moins de", "más de": "menos de"}
_QUALIFIER = re.compile(r"\b(" + "|".join(_QUALIFIERS) + r")( \$?\d)", re.IGNORECASE)


def _qualifier(p: str) -> Edit | None:
    m = _QUALIFIER.search(p)
    return (m.group(0), _QUALIFIERS[m.group(1).lower()] + m.group(2)) if m else None


def _percentage(p: str) -> Edit | None:
    m = re.search(r"(\s)(\d{1,2})(\s?(?:%|percent|Prozent|por ciento|pour cent))", p)
    return (m.group(0), f"{m.group(1)}{int(m.group(2)) + 3}{m.group(3)}") if m else None


_UNITS = [(re.compile(r"\$(\d[\d,.]*)"), lambda m: "€" + m.group(1)),
          (re.compile(r"(\d[\d,.]*) ?(Euro|euros|€)"), lambda m: m.group(1) + " Dollar"),
          (re.compile(r"(\d[\d,.]*) ?(km|Kilometer|kilometres|kilometers)\b"), lambda m: m.group(1) + " miles"),
          (re.compile(r"(\d[\d,.]*) (years|Jahre|Jahren|años|ans)\b"),
           lambda m: m.group(1) + " " + {"years": "months", "Jahre": "Monate", "Jahren": "Monaten",
                                         "años": "meses", "ans": "mois"}[m.group(2)])]


def _unit_or_currency(p: str) -> Edit | None:
    for pat, new in _UNITS:
        m = pat.search(p)
        if m:
            return m.group(0), new(m)
    return None


_HEDGE_AFTER = [(" is ", " is reportedly "), (" ist ", " ist angeblich "), (" est ", " est probablement "),
                (" es ", " es presuntamente "), (" was ", " was allegedly "), (" wurde ", " wurde vermutlich ")]


def _hedge_inserted(p: str) -> Edit | None:
    for a, b in _HEDGE_AFTER:
        i = p.find(a)
        if i >= 0:
            ctx = p[max(0, i - 40): i + len(a) + 40]
            return ctx, ctx.replace(a, b, 1)
    return None


_SAYER = re.compile(r",? (?:according to [^,.]+|(?:he|she|they|officials|police|[A-Z][a-z]+) said)\b")


def _attribution_dropped(p: str) -> Edit | None:
    m = _SAYER.search(p)
    return (m.group(0), "") if m else None


def _sentences_swapped(p: str) -> Edit | None:
    """The first two sentences of a paragraph in the other order: a reorder, nothing changed."""
    from watcher.claims.sentences import split_sentences

    ss = split_sentences(p)
    if len(ss) < 2 or f"{ss[0]} {ss[1]}" not in p:
        return None
    return f"{ss[0]} {ss[1]}", f"{ss[1]} {ss[0]}"


def _sentences_joined(p: str) -> Edit | None:
    """The first two sentences of a paragraph made one ("… in March. Sales fell 3%." → "… in March,
    and sales fell 3%."): a copy edit, nothing changed. Only when the second does not open with a
    name (its capital kept would read as one, lowered it would no longer be one)."""
    from watcher.claims.sentences import split_sentences

    ss = split_sentences(p)
    if len(ss) < 2 or f"{ss[0]} {ss[1]}" not in p or not ss[0].endswith(".") or len(ss[1].split()) < 3 \
            or len(_ENGLISH.findall(p)) < 4 \
            or not ss[1][:1].isupper() or ss[1].split()[1][:1].isupper() or ss[1].split()[0].lower() in _OPENER_NAMES:
        return None
    return f"{ss[0]} {ss[1]}", f"{ss[0][:-1]}, and {ss[1][0].lower()}{ss[1][1:]}"


# capitalised openers that are names or pronouns a copy edit would keep capitalised
_OPENER_NAMES = frozenset("i mr mrs ms dr president minister".split())


_UNIT_WORDS = [(re.compile(r"(\d) ?km\b(?!/)"), r"\1 kilometres"), (re.compile(r"(\d) ?kg\b(?!/)"), r"\1 kilograms"),
               (re.compile(r"(\d) ?°C\b"), r"\1 degrees Celsius"), (re.compile(r"(\d) ?%"), r"\1 percent")]


def _unit_written_out(p: str) -> Edit | None:
    """"5 km" → "5 kilometres", "40 °C" → "40 degrees Celsius", "12%" → "12 percent"."""
    for pat, new in _UNIT_WORDS:
        m = pat.search(p)
        if m:
            return _put(p, m, m.expand(new))
    return None


_SAID = re.compile(r"\b(?:police|officials|[A-Z][a-z]{3,}) (?:said|says)\b")


def _source_swapped(p: str) -> Edit | None:
    """"…, police said" → "…, Reuters said": another source for the same words."""
    m = _SAID.search(p)
    if not m or m.group(0).startswith("Reuters"):
        return None
    return m.group(0), "Reuters " + m.group(0).split()[-1]


_NEGATED = [(" is ", " is not "), (" ist ", " ist nicht "), (" est ", " n'est pas "), (" es ", " no es "),
            (" was ", " was not "), (" wurde ", " wurde nicht ")]


def _negation_inserted(p: str) -> Edit | None:
    for a, b in _NEGATED:
        i = p.find(a)
        if i >= 0:
            ctx = p[max(0, i - 40): i + len(a) + 40]
            return ctx, ctx.replace(a, b, 1)
    return None


_TURNED = {"rose": "fell", "fell": "rose", "increased": "decreased", "decreased": "increased", "grew": "shrank",
           "stieg": "sank", "sank": "stieg", "gestiegen": "gesunken", "gesunken": "gestiegen", "aumentó": "disminuyó",
           "augmenté": "diminué", "jumped": "dropped", "dropped": "jumped"}
_TURN = re.compile(r"\b(" + "|".join(_TURNED) + r")\b(?=(?:\W+[^\W\d_]+){0,2}?\W+\d)")


def _direction_turned(p: str) -> Edit | None:
    """"rose 3%" → "fell 3%": the figure stays, the way it moved turns."""
    m = _TURN.search(p)
    if not m:
        return None
    return _put(p, m, _TURNED[m.group(1)])


_OUTCOME_TURNED = {"killed": "injured", "injured": "killed", "wounded": "killed", "arrested": "charged",
                   "charged": "arrested", "getötet": "verletzt", "verletzt": "getötet", "tués": "blessés",
                   "blessés": "tués", "muertos": "heridos", "heridos": "muertos"}
_OUTCOME = re.compile(r"\b(" + "|".join(_OUTCOME_TURNED) + r")\b")


def _outcome_turned(p: str) -> Edit | None:
    """"two were injured" → "two were killed": the count stays, what happened to those it counts
    changes."""
    m = _OUTCOME.search(p)
    if not m:
        return None
    return _put(p, m, _OUTCOME_TURNED[m.group(1)])


# opposites a sentence states its claim with, in the four languages: some the engine lists, some a
# negating prefix makes, and some ("inside"/"outside", "early"/"late") it knows of in no way — the
# kind measures how much of this edit the engine reads, not only its list
_OPPOSITES = {"before": "after", "after": "before", "above": "below", "below": "above", "profit": "loss",
              "won": "lost", "legal": "illegal", "possible": "impossible", "able": "unable", "known": "unknown",
              "available": "unavailable", "best": "worst", "highest": "lowest", "largest": "smallest",
              "inside": "outside", "early": "late", "approved": "rejected", "support": "oppose",
              "Gewinn": "Verlust", "möglich": "unmöglich", "bekannt": "unbekannt", "höchste": "niedrigste",
              "avant": "après", "gagné": "perdu", "antes": "después",
              "posible": "imposible", "ganó": "perdió"}
_OPPOSITE = re.compile(r"(?<![\w-])(" + "|".join(sorted((re.escape(k) for k in _OPPOSITES), key=len,
                                                        reverse=True)) + r")(?![\w'’-])")


def _opposite_swapped(p: str) -> Edit | None:
    """"won the runoff" → "lost the runoff", "legal" → "illegal", "above the target" → "below":
    every figure and source kept, the claim turned."""
    if len(p) < 60:
        return None
    m = _OPPOSITE.search(p)
    if not m:
        return None
    return _put(p, m, _OPPOSITES[m.group(1)])


_WEEKDAY_ON = re.compile(r"\bon (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_SAY_WORD = re.compile(r"\b(?:said|says|told|announced|reported|stated)\b")


def _weekday_changed(p: str) -> Edit | None:
    """"resigned on Monday" → "resigned on Thursday": the day something happened, corrected (not
    the day a statement was made: "said on Monday", "told reporters on Monday" are left out)."""
    m = _WEEKDAY_ON.search(p)
    if not m or _SAY_WORD.search(p, max(0, m.start() - 25), m.start()):
        return None
    day = "Thursday" if m.group(1) != "Thursday" else "Monday"
    return _put(p, m, "on " + day)


_PRECISE = re.compile(r"(?<![\d.,$€£])(\d{1,3}(?:,\d{3})+)(?![\d.,])")


_QUALIFIED = re.compile(r"\b(?:about|around|roughly|nearly|almost|some|more than|over|less than|under|at least|"
                        r"up to|approximately|an estimated)\s+\$?$", re.IGNORECASE)


def _figure_rounded(p: str) -> Edit | None:
    """"1,234 people" → "about 1,200 people": a precise figure rounded, and said to be rounded."""
    for m in _PRECISE.finditer(p):
        if _QUALIFIED.search(p, max(0, m.start() - 25), m.start()):
            continue  # "more than 335,000": qualified already
        value = int(m.group(1).replace(",", ""))
        digits = len(str(value))
        rounded = round(value, 2 - digits)
        if rounded != value and rounded > 0:
            return _put(p, m, f"about {rounded:,}")
    return None


# a quantifier before what it counts, put in the place of one of another class ("every hospital" →
# "some hospital", "most of the" → "some of the"), in English, German and Spanish
_QUANTIFIERS = {"all": "some", "every": "some", "most": "some", "many": "all", "several": "all", "some": "all",
                "alle": "einige", "viele": "alle", "einige": "alle", "todos": "algunos", "todas": "algunas",
                "algunos": "todos", "algunas": "todas"}
_QUANTIFIER = re.compile(r"(?<![\w-])(?<!how )(?<!at )(" + "|".join(_QUANTIFIERS) + r")\s+(?=of the\b|de los\b|de las\b|"
                         r"[^\W\d_]{3,}(?:s|en|er)\b)", re.IGNORECASE)


def _quantifier_swapped(p: str) -> Edit | None:
    """"every hospital reported shortages" → "some hospital reported…", "alle Kliniken" → "einige
    Kliniken": the claim is about another part of the group."""
    if len(p) < 60:
        return None
    m = _QUANTIFIER.search(p)
    if not m:
        return None
    word = m.group(1)
    new = _QUANTIFIERS[word.lower()]
    return _put(p, m, new.capitalize() if word[0].isupper() else new, 1)


# a subject's act, written with a verb that names sources elsewhere, reworded with one that never
# does ("the company reported a loss" → "recorded a loss", "police found the car" → "discovered")
_ACT_VERBS = {"reported": "recorded", "found": "discovered", "announced": "unveiled", "revealed": "disclosed",
              "posted": "recorded"}
_ACT = re.compile(r"(?<=[a-z] )(" + "|".join(_ACT_VERBS) + r") (?=(?:a|an|the|its|their|his|her) [a-z])")


def _act_reworded(p: str) -> Edit | None:
    """"The company reported a net loss" → "The company recorded a net loss": the same act."""
    m = _ACT.search(p)
    if not m:
        return None
    return _put(p, m, _ACT_VERBS[m.group(1)], 1)


# a name inside an English sentence: a capitalised word after a lower-case one ("fined by the SEC",
# "talks in Geneva"), not a title or a day
_NAME_INSIDE = re.compile(r"(?<=[a-z][a-z] )(?!(?:Mr|Mrs|Ms|Dr|President|Minister|Monday|Tuesday|Wednesday|"
                          r"Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|"
                          r"September|October|November|December|The|This|That|I)\b)[A-Z][a-z]{3,}\b(?![-'’])")
_ENGLISH = re.compile(r"\b(?:the|and|of|was|were|is)\b")


def _name_swapped(p: str) -> Edit | None:
    """"talks in Geneva" → "talks in Jacksonville": the claim is about another place or person."""
    m = _NAME_INSIDE.search(p)
    if not m or len(_ENGLISH.findall(p)) < 4 or "Jacksonville" in p:
        return None
    return _put(p, m, "Jacksonville")


def _name_respelt(p: str) -> Edit | None:
    """"Zelenskyy" → "Zelensky", "Mohammed" → "Mohamed": a name spelt another way, the same name."""
    m = _NAME_INSIDE.search(p)
    if not m or len(m.group(0)) < 7:
        return None
    name = m.group(0)
    return _put(p, m, name[:-2] + name[-1])


_QUOTED = re.compile(r"“([^”]{12,200})”|\"([^\"<>]{12,200})\"")
_QUOTED_WORD = re.compile(r"(?<=[ “\"])[^\W\d_]{5,}(?=[ ,.;:!?])")


def _quote_reworded(p: str) -> Edit | None:
    """A word inside a quotation swapped for another: the source is quoted saying something else."""
    m = _QUOTED.search(p)
    if not m:
        return None
    w = _QUOTED_WORD.search(m.group(0))
    if not w:
        return None
    return m.group(0), m.group(0)[:w.start()] + "remarkable" + m.group(0)[w.end():]


def _quote_extended(p: str) -> Edit | None:
    """Words added at a quotation's end: more of what was said, nothing quoted before changed."""
    m = _QUOTED.search(p)
    if not m:
        return None
    q = m.group(0)
    end = len(q) - 1
    while end > 0 and q[end - 1] in ",.;:!?":
        end -= 1
    return q, q[:end] + " in the end" + q[end:]


def _paragraph_added(html: str, doc: object) -> str:
    """A paragraph without figures or sources inserted after the first main-text paragraph whose
    text the HTML holds verbatim: new text, no claim."""
    for para in getattr(doc, "paragraphs", ()):
        at = html.find(para[-60:]) if len(para) > 80 else -1
        end = html.find("</p>", at) if at >= 0 and html.count(para[-60:]) == 1 else -1
        if end >= 0:
            return html[:end + 4] + "<p>Residents were asked to stay indoors while crews cleared the roads.</p>" + \
                html[end + 4:]
    return html


def _normalised(html: str) -> str:
    """Curly quotes straightened, no-break spaces made plain, en dashes hyphens: a CMS re-render."""
    for a, b in (("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'), ("&nbsp;", " "), ("\u00a0", " "), ("\u2013", "-")):
        html = html.replace(a, b)
    return html


_COUNTER = re.compile(r"(?<![\d.,])(\d{1,5})(\s*(?:comments?|Kommentare?|views?|Aufrufe|shares?|likes?|replies|"
                      r"Antworten|commentaires?|comentarios?))\b", re.IGNORECASE)
_COPYRIGHT = re.compile(r"(©|&copy;|Copyright)(\s*(?:\d{4}\s*[-–]\s*)?)(20\d\d)")


def _furniture_moved(html: str) -> str:
    """Every counter one more, every copyright year the next: what a second visit shows."""
    html = _COUNTER.sub(lambda m: f"{int(m.group(1)) + 1}{m.group(2)}", html)
    return _COPYRIGHT.sub(lambda m: f"{m.group(1)}{m.group(2)}{int(m.group(3)) + 1}", html)


KINDS = [
    Kind("typo near a figure", False, find=_typo_near_figure),
    Kind("figure rewritten", False, find=_figure_rewritten),
    Kind("quotes, spaces, dashes", False, rewrite=_normalised),
    Kind("counters and copyright", False, rewrite=_furniture_moved),
    Kind("number word", True, find=_number_word),
    Kind("qualifier", True, find=_qualifier),
    Kind("percentage", True, find=_percentage),
    Kind("unit or currency", True, find=_unit_or_currency),
    Kind("hedge inserted", True, find=_hedge_inserted),
    Kind("attribution dropped", True, find=_attribution_dropped),
    Kind("sentences reordered", False, find=_sentences_swapped),
    Kind("unit written out", False, find=_unit_written_out),
    Kind("paragraph added", False, rewrite=_paragraph_added),
    Kind("source swapped", True, find=_source_swapped),
    Kind("negation inserted", True, find=_negation_inserted),
    Kind("direction turned", True, find=_direction_turned),
    Kind("outcome turned", True, find=_outcome_turned),
    Kind("name swapped", True, find=_name_swapped),
    Kind("name respelt", False, find=_name_respelt),
    Kind("quote reworded", True, find=_quote_reworded),
    Kind("quote extended", False, find=_quote_extended),
    Kind("opposite swapped", True, find=_opposite_swapped),
    Kind("weekday changed", True, find=_weekday_changed),
    Kind("figure rounded", False, find=_figure_rounded),
    Kind("quantifier swapped", True, find=_quantifier_swapped),
    Kind("act reworded", False, find=_act_reworded),
    Kind("sentences joined", False, find=_sentences_joined),
]
PER_PAGE = 3  # edits of one kind on one page at most: no page weighs more than a few


def cases(kind: Kind, half: str | None, extract: Callable) -> Iterator[tuple[str, str, str, object]]:
    """(file, what was edited, edited HTML, extracted original) for every edit of ``kind``."""
    from watcher.extract.html import decode

    for d in json.loads((DATA / "evaldata.json").read_text()).values():
        if half is not None and half_of(d["file"]) != half:
            continue
        html = decode((DATA / "pages" / d["file"]).read_bytes(), None)  # the page's own charset
        if kind.rewrite is not None:
            doc = extract(html)
            edited = kind.rewrite(html, doc) if kind.rewrite.__code__.co_argcount == 2 else kind.rewrite(html)
            if edited != html:
                yield d["file"], kind.name, edited, doc
            continue
        assert kind.find is not None
        doc, n = extract(html), 0
        for para in doc.paragraphs:
            edit = kind.find(para)
            if edit is None or not edit[0] or html.count(edit[0]) != 1:
                continue
            yield d["file"], " -> ".join(edit), html.replace(*edit), doc
            n += 1
            if n >= PER_PAGE:
                break


def evaluate(half: str | None = None, kinds: list[Kind] | None = None, show: bool = False) -> dict[str, tuple[int, int]]:
    """Per kind: (edits that came out as due, edits made)."""
    import watcher.extract.faults as faults
    from watcher.claims.compare import compare
    from watcher.extract import extract

    out: dict[str, tuple[int, int]] = {}
    for kind in kinds or KINDS:
        ok = total = 0
        for name, what, edited, doc in cases(kind, half, extract):
            new = extract(edited)
            if new.paragraphs == doc.paragraphs and kind.alert:
                continue  # the text edited was not the visible one (a copy in a script or a meta tag)
            warn = faults.assess(new, doc)
            found = [] if warn else [f for f in compare(doc.paragraphs, new.paragraphs) if f.is_claim]
            right = bool(found) == kind.alert
            ok, total = ok + right, total + 1
            if show and not right:
                print(f"  {kind.name} | {name} | {what[:120]} | "
                      f"{found[0].explanation[:120] if found else ('fault: ' + warn if warn else 'no alert')}")
        out[kind.name] = (ok, total)
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--half", choices=("A", "B"))
    ap.add_argument("--show", action="store_true", help="print every edit that came out wrong")
    ap.add_argument("--kinds", help="comma-separated kind names (default: all)")
    args = ap.parse_args()
    kinds = [k for k in KINDS if not args.kinds or k.name in args.kinds.split(",")]
    t = time.time()
    res = evaluate(args.half, kinds, args.show)
    for k in kinds:
        ok, total = res[k.name]
        print(f"{'half ' + args.half + ': ' if args.half else ''}{k.name:24s} "
              f"{'alerted' if k.alert else 'silent '} {ok}/{total}")
    print(f"{time.time() - t:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
