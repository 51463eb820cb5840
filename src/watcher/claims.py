"""Sentences and what they claim: figures, attribution, hedging and polarity.

A :class:`Sentence` is the unit the claim engine aligns and compares. Its ``canonical`` form is
what two renderings of the same statement share — case, quote style, spacing and the way a
number is written are folded away, figures become their parsed values — so moves and reformatting
cost nothing. Its ``claim`` is what an analyst cares about: the figures (:mod:`watcher.numbers`),
who the statement is attributed to, how hedged it is and whether it is negated.

Deterministic and offline by design (no model, no network): the same text always gives the same
claims, which is what makes "alerted once" possible.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from . import numbers
from .numbers import Mention

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "′": "'",
                         "–": "-", "—": "-", "\u00a0": " "})
_NON_WORD = re.compile(r"[^\w%$€£¥#.\- ]+")
_SPACES = re.compile(r"\s+")

HEDGES = {
    # phrase → class; a change of class set is a change of how sure the text is
    "seems to": "seems", "seem to": "seems", "seemed to": "seems", "appears to": "appears",
    "appear to": "appears", "appeared to": "appears", "apparently": "appears", "reportedly": "reportedly",
    "allegedly": "allegedly", "purportedly": "allegedly", "is said to": "said-to", "are said to": "said-to",
    "was said to": "said-to", "is believed to": "believed", "are believed to": "believed",
    "was believed to": "believed", "is thought to": "believed", "are thought to": "believed",
    "is expected to": "expected", "are expected to": "expected", "is estimated to": "estimated",
    "likely": "likely", "unlikely": "unlikely", "probably": "probably", "possibly": "possibly",
    "perhaps": "perhaps", "presumably": "presumably", "potentially": "possibly", "may": "may",
    "might": "might", "could": "could", "would": "would", "will": "will", "should": "should",
    "must": "must", "can": "can", "cannot": "cannot", "suggests": "suggests", "suggest": "suggests",
    "uncertain": "uncertain", "unclear": "uncertain", "certainly": "certainly", "clearly": "certainly",
    "definitely": "certainly", "undoubtedly": "certainly", "confirmed": "confirmed", "unconfirmed": "unconfirmed",
    "estimated": "estimated", "almost certainly": "certainly",
}
STRONG_HEDGES = {"seems", "appears", "reportedly", "allegedly", "said-to", "believed", "expected", "likely",
                 "unlikely", "probably", "possibly", "perhaps", "presumably", "may", "might", "could",
                 "suggests", "uncertain", "certainly", "confirmed", "unconfirmed", "estimated"}
NEGATIONS = {"not", "n't", "no", "never", "neither", "nor", "none", "nobody", "nothing", "without", "cannot",
             "unlikely", "denied", "denies", "deny", "refused", "rejected", "failed"}
SAY_VERBS = (r"said|says|say|stated|states|estimated|estimates|estimate|reported|reports|claimed|claims|"
             r"told|noted|notes|suggested|suggests|predicted|predicts|tallied|calculated|found|finds|"
             r"announced|announces|confirmed|confirms|warned|warns|believes|believed|argued|argues|wrote|writes|"
             r"according")
_HEDGE_RE = re.compile(r"\b(" + "|".join(sorted((re.escape(h) for h in HEDGES), key=len, reverse=True)) + r")\b")
_NEG_RE = re.compile(r"\b(?:" + "|".join(sorted((re.escape(n) for n in NEGATIONS if n != "n't"),
                                                 key=len, reverse=True)) + r")\b|n't\b")
_ACCORDING = re.compile(
    r"\baccording to\s+(?:(?:the\s+)?(?:latest\s+|new\s+|official\s+|preliminary\s+)?"
    r"(?:estimates?|figures|data|reports?|analysis|calculations|statistics|research|a\s+report|an\s+analysis|"
    r"a\s+study|a\s+survey)\s+(?:by|from|of)\s+)?((?:the\s+)?[^,.;:()\"]{2,80})",
    re.IGNORECASE,
)
_SAYER = re.compile(
    r"((?:[A-Z][\w.'’-]*(?:\s+(?:of|for|the|and|de|al)\s+|\s+)?){1,8}|\b(?:officials?|experts?|analysts?|"
    r"authorities|police|scholars|researchers|observers|critics|sources|diplomats|he|she|they|it|we))"
    r"\s*,?\s+(?:(?:has|have|had|also|previously|later|recently|publicly|first|reportedly|is|was|were)\s+)*"
    rf"(?:{SAY_VERBS})\b",
)
_THE_SAYER = re.compile(  # lower-case institutions: "the county sheriff's office said"
    r"\bthe\s+((?:[\w'’.-]+\s+){0,4}?(?:office|department|ministry|agency|service|commission|council|board|"
    r"authority|bureau|police|marshal|spokes(?:man|woman|person)|officials?|government|administration|court|"
    r"institute|center|centre|company|firm|bank|fund|survey|study|report|committee|association|union|"
    r"coalition|group|team|authorities|researchers|analysts|experts))\s*,?\s+"
    rf"(?:(?:has|have|had|also|previously|later|recently|publicly|first|reportedly)\s+)*(?:{SAY_VERBS})\b",
    re.IGNORECASE,
)
_SAID_BY = re.compile(rf"\b(?:{SAY_VERBS})\s+(?:by\s+)?((?:the\s+)?(?:[A-Z][\w.'’-]*\s*){{1,8}})")
_SAY_VERB_ONLY = re.compile(rf"\b(?:{SAY_VERBS})\b")
_ATTRIB_STOP = re.compile(r"\s+(?:that|to|on|in|at|as|earlier|last|this|on|who|which|when|with)\b.*$",
                          re.IGNORECASE)


def mention_order(key: tuple) -> tuple:
    """Sort key for mention keys, whose fields may be None ("7,000" vs "around 7,000"): the same
    order as plain tuple comparison wherever that works, and no TypeError where it does not."""
    return tuple((x is not None, x) for x in key)


@dataclass(frozen=True)
class Claim:
    """What a sentence asserts, beyond its wording."""

    mentions: tuple[Mention, ...]
    attribution: frozenset[str]
    hedges: frozenset[str]
    negations: int

    @property
    def figures(self) -> tuple:
        return tuple(sorted((m.key for m in self.mentions if m.kind != "year"), key=mention_order))

    @property
    def signature(self) -> tuple:
        """Equal signatures mean the same claim however the sentence is worded."""
        return (tuple(sorted((m.key for m in self.mentions), key=mention_order)), tuple(sorted(self.attribution)),
                tuple(sorted(self.hedges)), self.negations % 2)

    @property
    def is_claim(self) -> bool:
        """Carries a figure, an attribution or a hedge: worth alerting on if it comes or goes."""
        return bool(self.mentions or self.attribution or (self.hedges & STRONG_HEDGES))


@dataclass(frozen=True)
class Sentence:
    text: str
    canonical: str
    masked: str  # canonical with every figure as "#": for fuzzy alignment of edited figures
    claim: Claim
    paragraph: int = 0


def fold(text: str) -> str:
    """Case, quote style, dashes and spacing folded: what a typo-free reformatting leaves equal."""
    return _SPACES.sub(" ", text.translate(_QUOTES).casefold()).strip()


def _canonical(text: str, mentions: tuple[Mention, ...]) -> tuple[str, str]:
    parts, masked, pos = [], [], 0
    for m in mentions:
        parts.append(text[pos:m.start])
        masked.append(text[pos:m.start])
        hi = "" if m.high is None else f"-{m.high:.12g}"
        parts.append(f" #{m.kind}:{m.value:.12g}{hi}:{m.unit or ''} ")
        masked.append(" # ")
        pos = m.end
    parts.append(text[pos:])
    masked.append(text[pos:])

    def norm(s: str) -> str:
        s = _NON_WORD.sub(" ", fold(s))
        return _SPACES.sub(" ", s.replace(" .", " ").strip(" .")).strip()

    return norm("".join(parts)), norm("".join(masked))


def _clean_source(s: str) -> str:
    s = _ATTRIB_STOP.sub("", s.strip())
    s = re.sub(r"^(?:the|a|an)\s+", "", s.strip(), flags=re.IGNORECASE)
    return fold(s).strip(" .,'\"")


def attribution(text: str) -> frozenset[str]:
    """Who a statement is attributed to ("according to X", "X said", "estimated by X")."""
    found: set[str] = set()
    if not _SAY_VERB_ONLY.search(text):
        return frozenset()
    for m in _ACCORDING.finditer(text):
        src = _clean_source(m.group(1))
        if src:
            found.add(src)
    for m in _SAYER.finditer(text):
        if m.group(0).lower().startswith("according"):
            continue
        src = _clean_source(m.group(1))
        if src and src not in ("it", "according"):
            found.add(src)
    for m in _THE_SAYER.finditer(text):
        src = _clean_source(m.group(1))
        if src:
            found.add(src)
    for m in _SAID_BY.finditer(text):
        if re.match(r"\S+\s+by\b", m.group(0)):
            src = _clean_source(m.group(1))
            if src:
                found.add(src)
    if not found and _SAY_VERB_ONLY.search(text) and re.search(r"\b(?:said|says|according to)\b", text):
        found.add("(unnamed)")
    return frozenset(found)


def hedges(text: str) -> frozenset[str]:
    low = fold(text)
    return frozenset(HEDGES[m.group(1)] for m in _HEDGE_RE.finditer(low))


def negations(text: str) -> int:
    return len(_NEG_RE.findall(fold(text)))


@lru_cache(maxsize=16384)
def analyse(text: str) -> Sentence:
    """One sentence → :class:`Sentence` (cached by text: baselines are analysed at every check)."""
    mentions = tuple(numbers.parse(text))
    canonical, masked = _canonical(text, mentions)
    claim = Claim(mentions=mentions, attribution=attribution(text), hedges=hedges(text),
                  negations=negations(text))
    return Sentence(text=text, canonical=canonical, masked=masked, claim=claim)


@lru_cache(maxsize=4096)
def split_sentences(paragraph: str) -> tuple[str, ...]:
    """Sentences of one paragraph with syntok (robust to abbreviations, initials and quotes)."""
    from syntok import segmenter

    out = []
    for para in segmenter.analyze(paragraph):
        for sent in para:
            if not sent:
                continue
            start = sent[0].offset
            end = sent[-1].offset + len(sent[-1].value)
            s = paragraph[start:end].strip()
            if s:
                out.append(s)
    return tuple(_rejoin(out))


def _rejoin(sents: list[str]) -> list[str]:
    """Glue fragments syntok leaves after a closing quote ("…," Putin said.) to the sentence."""
    out: list[str] = []
    for s in sents:
        if out and (len(s) < 3 or (s[0].islower() and not out[-1].endswith((".", "!", "?")))):
            out[-1] = f"{out[-1]} {s}"
        else:
            out.append(s)
    return out


def sentences(paragraphs: tuple[str, ...] | list[str]) -> list[Sentence]:
    out = []
    for i, p in enumerate(paragraphs):
        for s in split_sentences(p):
            a = analyse(s)
            out.append(a if a.paragraph == i else replace(a, paragraph=i))
    return out
