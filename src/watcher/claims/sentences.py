"""Sentences and what they claim: figures, attribution, hedging and polarity.

A :class:`Sentence` is the unit the claim engine aligns and compares. Its ``canonical`` form is
what two renderings of the same statement share — case, quote style, spacing and the way a
number is written are folded away, figures become their parsed values — so moves and reformatting
cost nothing. Its ``claim`` is what an analyst cares about: the figures (:mod:`watcher.claims.numbers`,
timestamps left out: :mod:`watcher.claims.stamps`, and conversions in parentheses:
:func:`watcher.claims.numbers.restatements`) and which way they moved ("rose", "fell"), who the
statement is attributed to, how hedged
it is and whether it is negated (:mod:`watcher.claims.cues`).

Deterministic and offline by design (no model, no network): the same text always gives the same
claims, which is what makes "alerted once" possible.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from . import numbers
from .cues import STRONG_HEDGES, attribution, direction, fold, hedges, negated_hedges, negations, words_of
from .numbers import Mention
from .numbers_dates import MONTHS
from .numbers_scan import spell_idioms
from .outcomes import outcomes
from .stamps import stamp_mentions

_UNQUALIFIED = frozenset({"date", "time", "year", "decade", "ordinal", "version"})  # never an estimate
_NON_WORD = re.compile(r"[^\w%$€£¥#.\- ]+")
_SPACES = re.compile(r"\s+")


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
    direction: tuple[int, int, int] = (0, 0, 0)  # rising, falling, still words beside its figures ("rose 3%", "held")
    outcomes: frozenset[str] = frozenset()  # what happened to those it counts ("injured", "killed")

    @property
    def figures(self) -> tuple:
        return tuple(sorted((m.key for m in self.mentions if m.kind != "year"), key=mention_order))

    @property
    def signature(self) -> tuple:
        """Equal signatures mean the same claim however the sentence is worded."""
        return (tuple(sorted((m.key for m in self.mentions), key=mention_order)), tuple(sorted(self.attribution)),
                tuple(sorted(self.hedges)), self.negations % 2, self.direction, tuple(sorted(self.outcomes)))

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
        s = _NON_WORD.sub(" ", fold(spell_idioms(s)))
        return _SPACES.sub(" ", s.replace(" .", " ").strip(" .")).strip()

    return norm("".join(parts)), norm("".join(masked))


@lru_cache(maxsize=16384)
def analyse(text: str) -> Sentence:
    """One sentence → :class:`Sentence` (cached by text: baselines are analysed at every check).

    The canonical and masked forms use every figure, stamps included (so a reformatted stamp is
    no edit and a changed one aligns with its old self); the claim leaves the stamps out, so a
    moved "Last updated" time is at most a wording change, and telephone numbers (all read
    alike: a press office's new number is no edit of a claim)."""
    mentions = tuple(numbers.parse(text))
    canonical, masked = _canonical(text, mentions)
    left_out = stamp_mentions(text, mentions) | numbers.restatements(text, mentions) | \
        {i for i, m in enumerate(mentions) if m.kind == "phone"}
    claim_mentions = tuple(m for i, m in enumerate(mentions) if i not in left_out) if left_out else mentions
    words = words_of(text)
    hedged = hedges(text, words)
    if "estimated" in hedged:  # "officials estimate that 3,000 homes …" = "an estimated 3,000 homes"
        claim_mentions = tuple(m if m.qualifier or m.kind in _UNQUALIFIED else replace(m, qualifier="estimated")
                               for m in claim_mentions)
    hedged, negated = negated_hedges(text, hedged, negations(text, words))
    claim = Claim(mentions=claim_mentions, attribution=attribution(text, words), hedges=hedged,
                  negations=negated, direction=direction(text, words, bool(claim_mentions)),
                  outcomes=outcomes(text, words))
    return Sentence(text=text, canonical=canonical, masked=masked, claim=claim)


def trim_caches(limit: int) -> None:
    """Forget the analysed sentences once more than ``limit`` are remembered. For a process that
    compares each page once (an extraction worker in a pass), what the caches keep for the next
    check of the same baseline only costs memory — ~2 KB a sentence, ~35 MB when full, in every
    worker — and a long-lived process keeps them whole."""
    if analyse.cache_info().currsize > limit:
        analyse.cache_clear()
        split_sentences.cache_clear()


# a speaker's label opening a paragraph of a transcript or an interview ("HOST:", "Q:", "A:", "MR.
# SMITH:", "Frage:"), with the time a transcript may give before it ("[00:04:12] HOST:")
_SPEAKER = re.compile(
    r"^(?:\[?\d{1,2}(?::\d{2}){1,2}\]?\s*)?"
    r"(?:[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.'’-]*(?:\s+[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.'’-]*){0,3}"
    r"|Frage|Antwort|Question|Answer|Pregunta|Respuesta|Réponse|Domanda|Risposta)\s*:\s+(?=\S)")


@lru_cache(maxsize=4096)
def split_sentences(paragraph: str) -> tuple[str, ...]:
    """Sentences of one paragraph with syntok (robust to abbreviations, initials and quotes).

    A speaker's label opening the paragraph ("HOST:", "Q:", "A:") is no word of its first sentence:
    read with it, that sentence matched no version without the label — a seed pasted without
    them, or the half of a split paragraph that got a label of its own — and an unchanged claim
    alerted as removed and added. The label says who speaks, not what is claimed; it is left out."""
    from syntok import segmenter

    label = _SPEAKER.match(paragraph) if paragraph[:1].isupper() or paragraph[:1] == "[" else None
    if label:
        paragraph = paragraph[label.end():]
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


_ORDINAL_DOT = re.compile(r"(?<![\d.])\d{1,2}\.$")
# the abbreviated titles syntok may end a sentence at ("Rep. Jane Doe", "Gov. Smith")
_TITLE_END = re.compile(r"(?:^|\s)(?:Rep|Sen|Gov|Gen|Col|Lt|Capt|Sgt|Adm|Cmdr|Maj|Rev|Prof|Dr|Mr|Mrs|Ms|Hon|Supt|Insp)\.$")
_MONTH_START = re.compile(r"([^\W\d_]+)")


# a list item's number alone, which syntok parts from its item at two digits or more ("10." + "The money")
_ITEM_NUMBER = re.compile(r"^[\[(]?\d{1,3}[.)\]]$")


def _rejoin(sents: list[str]) -> list[str]:
    """Glue fragments syntok leaves after a closing quote ("…," Putin said.) to the sentence, the
    halves of a German date it splits at the ordinal's dot ("am 30. September"), a name to the
    title's abbreviation before it ("Rep." + "Jane Doe said …"), and a list item to its number
    ("10." + "The money": alone, the number read as a figure that changed whenever items moved)."""
    out: list[str] = []
    for s in sents:
        first_word = _MONTH_START.match(s)
        if out and _ITEM_NUMBER.match(out[-1]):
            out[-1] = f"{out[-1]} {s}"
        elif out and first_word and first_word.group(1).lower() in MONTHS and _ORDINAL_DOT.search(out[-1]):
            out[-1] = f"{out[-1]} {s}"  # "Am 30." + "September 2024 …": a German date, not two sentences
        elif out and (len(s) < 3 or (s[0].islower() and not out[-1].endswith((".", "!", "?")))
                      or _TITLE_END.search(out[-1])):
            out[-1] = f"{out[-1]} {s}"  # "Rep." + "Jane Doe said …": a title's abbreviation, not a sentence
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
