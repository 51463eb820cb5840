"""Sentences and what they claim: figures, attribution, hedging and polarity.

A :class:`Sentence` is the unit the claim engine aligns and compares. Its ``canonical`` form is
what two renderings of the same statement share — case, quote style, spacing and the way a
number is written are folded away, figures become their parsed values — so moves and reformatting
cost nothing. Its ``claim`` is what an analyst cares about: the figures (:mod:`watcher.claims.numbers`),
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
from .numbers_dates import MONTHS

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
    # German, French, Spanish: mapped onto the English classes, so a translation keeps its class
    "vermutlich": "presumably", "wahrscheinlich": "probably", "möglicherweise": "possibly", "vielleicht": "perhaps",
    "soll": "said-to", "sollen": "said-to", "angeblich": "allegedly", "mutmaßlich": "allegedly",
    "offenbar": "appears", "scheint": "seems", "scheinen": "seems", "dürfte": "probably", "dürften": "probably",
    "könnte": "could", "könnten": "could", "unklar": "uncertain", "bestätigt": "confirmed",
    "unbestätigt": "unconfirmed", "geschätzt": "estimated", "geschätzte": "estimated", "sicherlich": "certainly",
    "probablement": "probably", "vraisemblablement": "probably", "pourrait": "could", "pourraient": "could",
    "semble": "seems", "semblent": "seems", "apparemment": "appears", "peut-être": "perhaps",
    "possiblement": "possibly", "présumé": "allegedly", "présumée": "allegedly", "prétendument": "allegedly",
    "confirmé": "confirmed", "estimé": "estimated", "estimés": "estimated", "incertain": "uncertain",
    "probablemente": "probably", "podría": "could", "podrían": "could", "parece": "seems", "parecen": "seems",
    "al parecer": "appears", "aparentemente": "appears", "posiblemente": "possibly", "quizá": "perhaps",
    "quizás": "perhaps", "tal vez": "perhaps", "presuntamente": "allegedly", "supuestamente": "allegedly",
    "confirmado": "confirmed", "estimados": "estimated", "incierto": "uncertain",
}
HEDGES = {k.casefold(): v for k, v in HEDGES.items()}  # matched against fold(text): "mutmaßlich" → "mutmasslich"

STRONG_HEDGES = {"seems", "appears", "reportedly", "allegedly", "said-to", "believed", "expected", "likely",
                 "unlikely", "probably", "possibly", "perhaps", "presumably", "may", "might", "could",
                 "suggests", "uncertain", "certainly", "confirmed", "unconfirmed", "estimated"}
NEGATIONS = {"not", "n't", "no", "never", "neither", "nor", "none", "nobody", "nothing", "without", "cannot",
             "unlikely", "denied", "denies", "deny", "refused", "rejected", "failed",
             # German; French "ne"/"n'" (one per "ne … pas", whose "pas" is not counted again); Spanish
             # "no" is the English word. Double negatives ("ne … jamais", "no … nunca") are left out:
             # counted twice they would flip the parity.
             "nicht", "kein", "keine", "keinen", "keinem", "keiner", "keines", "nie", "niemals", "ohne", "weder",
             "ne", "n'", "sans", "nunca", "sin"}
SAY_VERBS = (r"said|says|say|stated|states|estimated|estimates|estimate|reported|reports|claimed|claims|"
             r"told|noted|notes|suggested|suggests|predicted|predicts|tallied|calculated|found|finds|"
             r"announced|announces|confirmed|confirms|warned|warns|believes|believed|argued|argues|wrote|writes|"
             r"according")
_HEDGE_RE = re.compile(r"\b(" + "|".join(sorted((re.escape(h) for h in HEDGES), key=len, reverse=True)) + r")\b")
_NEG_RE = re.compile(r"\b(?:" + "|".join(sorted((re.escape(n) for n in NEGATIONS if n not in ("n't", "n'")),
                                                 key=len, reverse=True)) + r")\b|n't\b|\bn'(?=[^\W\d_])(?!t\b)")
_ACCORDING = re.compile(
    r"\baccording to\s+(?:(?:the\s+)?(?:latest\s+|new\s+|official\s+|preliminary\s+)?"
    r"(?:estimates?|figures|data|reports?|analysis|calculations|statistics|research|a\s+report|an\s+analysis|"
    r"a\s+study|a\s+survey)\s+(?:by|from|of)\s+)?((?:the\s+)?[^,.;:()\"]{2,80})",
    re.IGNORECASE,
)
_SAYER = re.compile(
    r"((?:[A-ZÀ-ÖØ-Þ][\w.'’-]*(?:\s+(?:of|for|the|and|de|al)\s+|\s+)?){1,8}|\b(?:officials?|experts?|analysts?|"
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
_SAID_BY = re.compile(rf"\b(?:{SAY_VERBS})\s+(?:by\s+)?((?:the\s+)?(?:[A-ZÀ-ÖØ-Þ][\w.'’-]*\s*){{1,8}})")
_SAY_VERB_ONLY = re.compile(rf"\b(?:{SAY_VERBS})\b")
_ATTRIB_STOP = re.compile(r"\s+(?:that|to|on|in|at|as|earlier|last|this|on|who|which|when|with)\b.*$",
                          re.IGNORECASE)

# German, French, Spanish attribution: "laut X", "X zufolge", "nach Angaben der X", "selon X",
# "d'après X", "según X", "de acuerdo con X", and "X sagte" / "sagte X" (German and Romance
# word order puts the speaker after the verb as often as before it)
_ART = (r"(?i:der|die|das|den|dem|des|ein|eine|einer|la|le|les|el|los|las|un|une|uno|una|il|lo|gli|os|as|het)\s+"
        r"|(?i:l)['’]")
_CAP = r"[A-ZÀ-ÖØ-Þ][\w'’.-]*"
_FOREIGN_ACCORDING = re.compile(
    r"\b(?:(?P<de>laut|gemäß|nach\s+(?:Angaben|Informationen|Schätzungen)\s+(?:von|des|der|vom))|selon|d['’]après|"
    r"según|de\s+acuerdo\s+con|volgens|(?:secondo|segundo)(?=\s+(?:(?:il|la|lo|i|gli|le|o|a|os|as)\s|l['’]|(?-i:[A-Z]))))"
    r"\s+((?:" + _ART + r")?[^,.;:()\"\d]{2,60})", re.IGNORECASE)
_ZUFOLGE = re.compile(rf"((?:(?:{_ART})?{_CAP}\s+(?:(?:der|des|von|für)\s+)?){{1,4}})zufolge\b")
_FOREIGN_VERB = re.compile(
    r"\b(?:sagte|sagten|sagt|sagen|erklärte|erklärten|erklärt|teilte|teilten|berichtete|berichtet|schätzt|"
    r"schätzte|warnte|betonte|a\s+déclaré|ont\s+déclaré|a\s+dit|ont\s+dit|a\s+affirmé|affirme|déclare|"
    r"a\s+indiqué|indique|a\s+estimé|a\s+annoncé|a\s+précisé|précise|dijo|dijeron|afirmó|declaró|aseguró|"
    r"señaló|indicó|informó|explicó|estimó|anunció)\b")
_PRONOUN = r"(?:er|sie|il|elle|ils|elles|él|ella|ellos|ellas)\b"
_AFTER_VERB = re.compile(rf"\s+((?:{_ART})[\w'’.-]+(?:\s+(?:de|du|des|del|der|von)\s+(?:la\s+|l['’])?[\w'’.-]+)?"
                         rf"|{_CAP}(?:\s+{_CAP})*|{_PRONOUN})")
_BEFORE_VERB = re.compile(rf"((?:{_ART})[\w'’.-]+(?:\s+(?:de|du|des|del|der|von)\s+(?:la\s+|l['’])?[\w'’.-]+)?"
                          rf"|(?:{_CAP}\s+)*{_CAP}|\b{_PRONOUN})\s*,?\s+$")
# German capitalises nouns: the source is the run of capitalised words ("Polizei", "dem Bericht
# des Gesundheitsministeriums") and ends at the verb, which German puts right after it
_GERMAN_SOURCE = re.compile(rf"(?:{_ART})?{_CAP}(?:\s+(?:(?:der|des|von|vom|für)\s+(?:{_ART})?)?{_CAP})*")
_FOREIGN_STOP = frozenset("wurden wurde sind ist waren war hat haben gab gibt soll sollen seien sei habe dass "
                          "wie am im um bei seit mit für que qui ont est sont hay han ha fue fueron son es en à "
                          "au dans hier ayer zijn werd werden heeft hebben".split())
_ARTICLE_START = re.compile(r"^(?:the|a|an|der|die|das|den|dem|des|ein|eine|einer|le|la|les|el|los|las|un|une|"
                            r"uno|una|il|lo|gli|o|os|as|de|het|een)\s+|^l['’]", re.IGNORECASE)


# the words that can start a German, French or Spanish attribution: a set look-up of the
# sentence's words decides whether the patterns above need to run at all
FOREIGN_CUE_WORDS = frozenset(w.casefold() for w in (
    "sagte sagten sagt sagen erklärte erklärten erklärt teilte teilten berichtete berichtet schätzt schätzte "
    "warnte betonte laut zufolge angaben informationen schätzungen gemäß selon après déclaré dit affirmé affirme "
    "déclare indiqué indique estimé annoncé précisé précise según dijo dijeron afirmó declaró aseguró señaló "
    "indicó informó explicó estimó anunció acuerdo volgens secondo segundo").split())
_UNNAMED_CUE = re.compile(r"\b(?:said|says|according to)\b|(?i:\b(?:sagte|sagt|laut|zufolge|selon|d['’]après|"
                          r"a\s+déclaré|según|dijo)\b)")
_WORDS = re.compile(r"[^\W\d_]+")


def words_of(text: str) -> frozenset[str]:
    """The case-folded words of ``text``: computed once per sentence, shared by the cue finders."""
    return frozenset(_WORDS.findall(fold(text)))


def _foreign_sources(text: str) -> set[str]:
    """Sources named the German, French or Spanish way (see the patterns above)."""
    found: set[str] = set()
    for m in _FOREIGN_ACCORDING.finditer(text):
        if m.group("de"):  # laut, gemäß, nach Angaben: German, where the source ends at its last noun
            de = _GERMAN_SOURCE.match(m.group(2))
            if de:
                found.add(_clean_source(de.group(0)))
            continue
        words: list[str] = []
        for w in m.group(2).split():
            if w.lower() in _FOREIGN_STOP or len(words) == 5:
                break
            words.append(w)
        found.add(_clean_source(" ".join(words)))
    for m in _ZUFOLGE.finditer(text):
        found.add(_clean_source(m.group(1)))
    for v in _FOREIGN_VERB.finditer(text):
        after = _AFTER_VERB.match(text, v.end())
        if after:
            found.add(_clean_source(after.group(1)))
            continue
        before = _BEFORE_VERB.search(text, max(0, v.start() - 80), v.start())
        if before:
            found.add(_clean_source(before.group(1)))
    return {f for f in found if f}


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
    s = _ARTICLE_START.sub("", s.strip())
    return fold(s).strip(" .,'\"")


def attribution(text: str, words: frozenset[str] | None = None) -> frozenset[str]:
    """Who a statement is attributed to ("according to X", "X said", "estimated by X", "laut X",
    "selon X", "dijo X")."""
    found: set[str] = set()
    words = words_of(text) if words is None else words
    has_foreign = not FOREIGN_CUE_WORDS.isdisjoint(words)
    if not has_foreign and not _SAY_VERB_ONLY.search(text):
        return frozenset()
    for m in _ACCORDING.finditer(text):
        src = _clean_source(m.group(1))
        if src:
            found.add(src)
    foreign = _foreign_sources(text) if has_foreign else set()
    found |= foreign
    for m in _SAYER.finditer(text):
        if m.group(0).lower().startswith("according") or (foreign and _FOREIGN_VERB.search(m.group(0))):
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
    if not found and _UNNAMED_CUE.search(text):
        found.add("(unnamed)")
    return frozenset(found)


def hedges(text: str, words: frozenset[str] | None = None) -> frozenset[str]:
    words = words_of(text) if words is None else words
    if _HEDGE_FIRST.isdisjoint(words):
        return frozenset()  # most sentences: no hedge word at all, and the pattern need not run
    return frozenset(HEDGES[m.group(1)] for m in _HEDGE_RE.finditer(fold(text)))


def negations(text: str, words: frozenset[str] | None = None) -> int:
    words = words_of(text) if words is None else words
    low = fold(text)
    if _NEG_WORDS.isdisjoint(words) and "n't" not in low and "n'" not in low:
        return 0
    return len(_NEG_RE.findall(low))


_HEDGE_FIRST = frozenset(_WORDS.findall(" ".join(HEDGES)))
_NEG_WORDS = frozenset(n for n in NEGATIONS if "'" not in n)


# ---------------------------------------------------------------------------------------------
# timestamps: "Last updated 8:00 a.m.", "Stand: 01.10.2024", "mis à jour le 3 mai" are not claims

_STAMP_CUE = re.compile(
    r"\b(?:as\s+(?:of|at)|(?:last|latest)\s+(?:updated?|modified|revised|edited)|updated|posted|published|"
    r"last\s+update|update[ds]?\s*:|stand(?:\s+vom|\s*:)|(?:zuletzt\s+)?aktualisiert(?:\s+am)?|"
    r"veröffentlicht(?:\s+am)?|mise?\s+à\s+jour(?:\s+le)?|publié(?:\s+le)?|actualizad[oa](?:\s+el)?|"
    r"última\s+actualización|publicad[oa](?:\s+el)?|aggiornat[oa](?:\s+il)?|atualizad[oa](?:\s+em)?|"
    r"bijgewerkt(?:\s+op)?)(?![\w])"
    r"|最終更新|更新日時|更新日|更新时间|更新|发布时间|发布|업데이트|입력|수정", re.IGNORECASE)  # CJK: no word boundaries
_STAMP_KINDS = frozenset({"date", "time", "year"})
STAMP_FILLER = frozenset(
    "at on um am le el à a las den der de the on of um uhr h utc gmt cet cest et est edt ct cdt pt pst pdt bst "
    "mez mesz ist jst kst aest hrs hours ago vor il y hace minute minutes hour days day seconds stunde stunden "
    "minuten tag tagen sekunden heure heures jours minuten hora horas minutos días alle ore às om uur il em op monday tuesday wednesday thursday friday saturday sunday "
    "mon tue tues wed thu thur thurs fri sat sun montag dienstag mittwoch donnerstag freitag samstag sonntag lundi "
    "mardi mercredi jeudi vendredi samedi dimanche lunes martes miércoles jueves viernes sábado domingo".split())
_LETTER_WORDS = re.compile(r"[^\W\d_]+")


def _gap_ok(gap: str) -> bool:
    """Between a stamp's cue and its date, or its date and its time: only punctuation and filler
    words ("on", "at", "um", weekdays)."""
    return len(gap) <= 30 and not any(c.isdigit() for c in gap) and all(
        w.lower() in STAMP_FILLER for w in _LETTER_WORDS.findall(gap))


def stamp_mentions(text: str, mentions: tuple[Mention, ...]) -> set[int]:
    """Indices of the mentions that are timestamps, not claim figures.

    A cue ("as of", "last updated", "Stand:", "mis à jour le", "actualizado") followed, through
    filler only, by a chain of dates and times: that chain. A bare date with no cue ("(21. November
    2022)" heading a news item) stays a figure: on real pages such lines are as often content
    (the date of the item listed) as furniture, and furniture is the cleaner's job."""
    idx = [i for i, m in enumerate(mentions) if m.kind in _STAMP_KINDS or _is_ago(text, m)]
    if not idx:
        return set()
    out: set[int] = set()
    for cue in _STAMP_CUE.finditer(text):
        pos = cue.end()
        for i in idx:  # forwards: "Last updated 8:00 a.m.", "Stand: 1. Oktober 2024, 12:30 Uhr"
            m = mentions[i]
            if m.start < pos:
                continue
            if not _gap_ok(text[pos:m.start]):
                break
            out.add(i)
            pos = m.end
        pos = cue.start()
        for i in reversed(idx):  # backwards: "vor 3 Stunden aktualisiert", "3 mai 2024, mis à jour"
            m = mentions[i]
            if m.end > pos:
                continue
            if not _gap_ok(text[m.end:pos]):
                break
            out.add(i)
            pos = m.start
    return out


def _is_ago(text: str, m: Mention) -> bool:
    """ "3 hours ago", "vor 3 Stunden", "il y a 3 heures", "hace 3 horas": a relative stamp."""
    return m.kind == "duration" and bool(_AGO_AFTER.match(text, m.end) or _AGO_BEFORE.search(text[:m.start]))


_AGO_AFTER = re.compile(r"\s*(?:[^\W\d_]+\s+)?ago\b", re.IGNORECASE)
_AGO_BEFORE = re.compile(r"\b(?:vor|il\s+y\s+a|hace)\s*$", re.IGNORECASE)


@lru_cache(maxsize=16384)
def analyse(text: str) -> Sentence:
    """One sentence → :class:`Sentence` (cached by text: baselines are analysed at every check).

    The canonical and masked forms use every figure, stamps included (so a reformatted stamp is
    no edit and a changed one aligns with its old self); the claim leaves the stamps out, so a
    moved "Last updated" time is at most a wording change."""
    mentions = tuple(numbers.parse(text))
    canonical, masked = _canonical(text, mentions)
    stamps = stamp_mentions(text, mentions)
    claim_mentions = tuple(m for i, m in enumerate(mentions) if i not in stamps) if stamps else mentions
    words = words_of(text)
    claim = Claim(mentions=claim_mentions, attribution=attribution(text, words), hedges=hedges(text, words),
                  negations=negations(text, words))
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


_ORDINAL_DOT = re.compile(r"(?<![\d.])\d{1,2}\.$")
_MONTH_START = re.compile(r"([^\W\d_]+)")


def _rejoin(sents: list[str]) -> list[str]:
    """Glue fragments syntok leaves after a closing quote ("…," Putin said.) to the sentence, and
    the halves of a German date it splits at the ordinal's dot ("am 30. September")."""
    out: list[str] = []
    for s in sents:
        first_word = _MONTH_START.match(s)
        if out and first_word and first_word.group(1).lower() in MONTHS and _ORDINAL_DOT.search(out[-1]):
            out[-1] = f"{out[-1]} {s}"  # "Am 30." + "September 2024 …": a German date, not two sentences
        elif out and (len(s) < 3 or (s[0].islower() and not out[-1].endswith((".", "!", "?")))):
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
