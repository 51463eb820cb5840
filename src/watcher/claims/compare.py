"""Compare two versions of an article: claim changes, order-free.

Alignment (:mod:`watcher.claims.align`) follows NewsEdits (NAACL 2022: lexical alignment is as good as embeddings): identical
canonical sentences pair first, so moved paragraphs and reformatted numbers cost nothing; then
merges and splits (one sentence ↔ two adjacent ones); then fuzzy one-to-one pairs (rapidfuzz on
the sentence with its figures masked, so "7,000" → "11,000" still pairs). Each pair is then
compared claim by claim: figures (value, range, qualifier), attribution, hedging, polarity.

The output is a list of :class:`Finding` — what differs from the baseline *now*. Whether a finding
is news (and so an alert) is decided by :mod:`watcher.alerts.record` against what was already said.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz

from .. import kinds
from ..kinds import SEVERITY
from . import names, numbers, outcomes, quotes, ranks, units
from .align import Pair, align
from .cues import ALL_SAY_VERBS, NO_COMMENT, WEEKDAYS, flips, fold, movement, stance, words_of
from .furniture import moved_text, outside_seed, rotating_blocks, stale_lines
from .numbers import Mention
from .sentences import Sentence, mention_order, sentences
from .stamps import in_prose
from .typos import spelling_only

ATTRIB_SAME = 80.0




@dataclass(frozen=True)
class Finding:
    """One difference from the baseline. ``key`` names the claim, ``state`` what it says now."""

    kind: str
    key: str
    state: str
    before: str | None
    after: str | None
    explanation: str
    changes: tuple[dict, ...] = ()
    severity: str = "info"

    @property
    def is_claim(self) -> bool:
        return kinds.is_claim(self.kind)


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


# ---------------------------------------------------------------------------------------------
# comparing one aligned pair


def _text(ss: list[Sentence]) -> str:
    return " ".join(s.text for s in ss)


def _rel(old: float, new: float) -> float | None:
    return None if old == 0 else round((new - old) / abs(old), 4)


def _figure_change(o: Mention | None, n: Mention | None) -> dict:
    ref = n or o
    assert ref is not None, "a figure change has an old or a new figure"
    d: dict = {"unit": ref.unit, "noun": ref.noun, "kind": ref.kind}
    if o is not None:
        d.update(old=o.text, old_value=o.value, old_high=o.high, old_qualifier=o.qualifier)
    if n is not None:
        d.update(new=n.text, new_value=n.value, new_high=n.high, new_qualifier=n.qualifier)
    if o is not None and n is not None:
        if o.high != n.high:
            d["field"] = "range"
        elif o.value != n.value:
            d["field"] = "value"
        elif o.qualifier != n.qualifier:
            d["field"] = "qualifier"
        else:
            d["field"] = "unit"  # the unit, the counted noun or the rate: shown, since the figures read alike
            d.update(old=_with_unit(o), new=_with_unit(n), noun=None)
        if {o.kind, n.kind} & {"date", "time", "decade", "year", "version"}:
            d["relative_change"] = None  # values that order but do not scale: "30 September → 1 October"
            # is a move, not a -96% drop
        elif o.unit != n.unit and (so := units.in_metric(o, o.value)) and (sn := units.in_metric(n, n.value)) \
                and so[0] == sn[0]:
            # "120mph → 180km/h" is -7%, not +50%; a temperature's change is no share of it
            d["relative_change"] = None if so[0] == "°c" else _rel(so[1], sn[1])
        else:
            d["relative_change"] = _rel(o.value, n.value) if o.value != n.value else 0.0
    else:
        d["field"] = "figure_added" if o is None else "figure_removed"
    return d


# what a count may count, in sets whose members exclude each other: "two men" → "two women" is
# another claim, while "200 people" → "200 residents" or "40 homes" → "40 houses" is the same one
# reworded — so a counted noun changes the claim only from one member of a set to another
_EXCLUSIVE = (("man men", "woman women"), ("boy boys", "girl girls"),
              ("adult adults", "child children minor minors"),
              ("soldier soldiers troops", "civilian civilians"), ("militant militants", "civilian civilians"),
              ("drone drones", "missile missiles", "rocket rockets"),
              ("democrat democrats", "republican republicans"),
              ("case cases infection infections", "death deaths fatalities"),
              ("vote votes ballots", "seat seats"))
_MEMBER = {w: (k, j) for k, group in enumerate(_EXCLUSIVE) for j, words in enumerate(group) for w in words.split()}


_COUNTED = frozenset({"count", "percent", "fraction"})


def _counts_another(o: Mention, n: Mention) -> bool:
    """The same count or share of another thing: "two men" → "two women", "40 drones" → "40
    missiles", "three soldiers" → "three civilians", "30% of adults" → "30% of children"
    (:data:`_EXCLUSIVE`)."""
    if o.kind not in _COUNTED or n.kind not in _COUNTED or not o.noun or not n.noun:
        return False
    a, b = _member(o.noun), _member(n.noun)
    return a is not None and b is not None and a[0] == b[0] and a[1] != b[1]


def _member(noun: str) -> tuple[int, int] | None:
    """The set a counted noun's words belong to ("Palestinian civilians": civilians)."""
    return next((_MEMBER[w] for w in noun.split() if w in _MEMBER), None)


def _with_unit(m: Mention) -> str:
    """A figure with its counted noun, duration unit and rate spelled out ("12 years", "10,000
    shells per day"): what tells "12 years → 12 months" from "12 → 12"."""
    text = m.text
    if m.rate and " on " in m.rate:  # measured over a period: "12% year on year"
        return f"{text} {m.rate}"
    if m.kind == "duration" and m.unit and m.unit not in text.lower():
        text += f" {m.unit}{'' if m.value == 1 and m.high is None else 's'}"
    elif m.noun:
        text += f" {m.noun}"
    return f"{text} per {m.rate}" if m.rate else text


def figure_changes(old: list[Mention], new: list[Mention]) -> list[dict]:
    """Pair the figures of two sentences and describe each that differs."""
    old_left, new_left = list(old), list(new)
    out = []
    for m in list(old_left):  # identical figures (any position) are not changes
        hit = next((n for n in new_left if n.key == m.key or _same_month(m, n)), None)
        if hit is not None:
            old_left.remove(m)
            new_left.remove(hit)
            if _counts_another(m, hit):  # "two men" → "two women": the same number of something else
                out.append(_figure_change(m, hit))
    for m in list(old_left):  # "40C" → "104F", "120mph" → "193km/h": one figure in another system
        hit = next((n for n in new_left if units.converted(m, n) or _same_share(m, n) or _rounded(m, n)), None)
        if hit is not None:
            old_left.remove(m)
            new_left.remove(hit)
    for m in old_left:
        same_kind = [n for n in new_left if n.kind == m.kind or {n.kind, m.kind} <= {"count", "money"}]
        if not same_kind:
            out.append(_figure_change(m, None))
            continue
        hit = max(same_kind, key=lambda n: (n.noun is not None and n.noun == m.noun, -abs(n.start - m.start)))
        new_left.remove(hit)
        out.append(_figure_change(m, hit))
    out += [_figure_change(None, n) for n in new_left]
    return out


def _step(value: float) -> float:
    """The rounding step a figure is written to: 5 billion → 1 billion, 1,000 → 1,000, 4,500 →
    100, 3.2 → 0.1."""
    digits = f"{abs(value):.6e}".split("e")
    mantissa, exponent = digits[0].replace(".", "").rstrip("0") or "0", int(digits[1])
    return 10.0 ** (exponent - len(mantissa) + 1)


# a precise figure rounded and said to be rounded: "$5.02 billion" → "about $5 billion", "1,023" →
# "more than 1,000", "987" → "nearly 1,000", "1,023" → "at least 1,000"; the qualifier says which
# side of the round figure the precise one lies (not "about 300" → "317": an estimate made a count is
# news)
_ROUNDED = {"approx": lambda d, step: abs(d) <= step / 2, "nearly": lambda d, step: -step <= d < 0,
            "more_than": lambda d, step: 0 < d < step, "at_least": lambda d, step: 0 <= d < step,
            "less_than": lambda d, step: -step < d < 0, "at_most": lambda d, step: -step < d <= 0}


def _rounded(old: Mention, new: Mention) -> bool:
    if old.qualifier not in (None, "exactly") or new.qualifier not in _ROUNDED or old.kind != new.kind \
            or old.unit != new.unit or old.rate != new.rate or old.high is not None or new.high is not None \
            or old.kind in ("date", "time", "year", "decade", "version", "ordinal") or not new.value:
        return False
    step = _step(new.value)  # rounder than the precise figure, and another value: "at least 1,023" hedges a count
    return step > _step(old.value) and old.value != new.value and _ROUNDED[new.qualifier](old.value - new.value, step)


def _same_share(a: Mention, b: Mention) -> bool:
    """One share or change written two ways: "a third of adults" = "33% of adults" (a share written
    as a fraction, within the percentage's rounding), "doubled" = "rose 100%", "halved" = "fell 50%",
    "tripled" = "up 200%" (a multiplier and the percentage it rises or falls by: which way the
    sentence says, and compares, apart)."""
    if a.high is not None or b.high is not None or a.qualifier != b.qualifier or a.rate != b.rate:
        return False
    kinds = {a.kind, b.kind}
    if kinds == {"fraction", "percent"}:
        return abs(a.key[1] - b.key[1]) <= 0.5
    if kinds == {"multiplier", "percent"}:
        mult, pct = (a, b) if a.kind == "multiplier" else (b, a)
        return any(abs(mult.value - (1 + sign * pct.value / 100)) < 1e-9 for sign in (1, -1))
    return False


# words that describe a source without naming it: one added, dropped or swapped leaves the source
_SOURCE_DESCRIPTORS = frozenset("the a an of for and senior top two three four several some many other "
                                "former current unnamed anonymous one country nation mr mrs ms miss dr prof sir "
                                "dame".split())
_POSSESSIVE = re.compile(r"['’]s\b")
# the generic nouns a source is called by, and their synonyms: "officials said" → "authorities said",
# "police said" → "officers said" name one source; "police" → "witnesses" another
_SOURCE_SYNONYMS = {w: group.split()[0] for group in (
    "officials official authorities authority", "police officers officer cops", "researchers scientists scholars "
    "academics", "analysts experts observers", "witnesses eyewitnesses bystanders", "residents locals neighbours "
    "neighbors", "doctors physicians", "firefighters firemen", "rescuers rescue-workers", "lawmakers legislators",
    # a title and its abbreviation: "Sen. Jane Doe" → "Senator Jane Doe"
    "senator sen", "representative rep congressman congresswoman", "governor gov", "general gen", "colonel col",
    "lieutenant lt", "captain capt", "sergeant sgt", "admiral adm", "number no",
    # one institution in another language's word, or its synonym
    "company firm empresa compañía compania entreprise société unternehmen firma konzern", "police polizei policía",
    "government gobierno gouvernement regierung")
    for w in group.split()}


def _same_source(x: str, y: str) -> bool:
    """Two attributions name the same source: not a word of each (but words that only describe a
    source, :data:`_SOURCE_DESCRIPTORS`) that the other lacks, words compared loosely. "US
    officials" → "US intelligence officials" narrows the source; "the health ministry" → "the
    ministry of health", "the country's disaster agency" → "Turkey's disaster and emergency
    agency" and "the Associated Press" → "AP" reword it; "US officials" → "Ukrainian officials"
    names another one (their shared "officials" alone made them look alike)."""
    # "U.S." is "US"; "the country's agency" is "Turkey's agency" (the country a descriptor)
    x, y = (_POSSESSIVE.sub("", s.replace(".", "")) for s in (x, y))
    if _initials(x, y) or _initials(y, x):
        return True

    def only(ws: set[str], others: set[str]) -> bool:
        return any(all(fuzz.ratio(w, o) < ATTRIB_SAME for o in others) for w in ws)

    wx, wy = ({_SOURCE_SYNONYMS.get(w, w) for w in s.split()} - _SOURCE_DESCRIPTORS for s in (x, y))
    return not (only(wx, wy) and only(wy, wx))


def _initials(short: str, long: str) -> bool:
    """``short`` is written with the initials of ``long``: "ap" of "associated press", "who" of
    "world health organization", "fbi" of "federal bureau of investigation"."""
    words = [w for w in long.split() if w not in ("of", "the", "for", "and", "on")]
    return len(words) >= 2 and short == "".join(w[0] for w in words)


_TEXT_WORDS = re.compile(r"[^\W_]+")


def _one_account(old: frozenset[str], new: frozenset[str], before: str, after: str) -> bool:
    """The two sides' sources, read differently, tell one account: the same sources however
    written, each still named in the other side's text, the actor of one side named as the teller
    in the other, or the subject's act reworded with a say-verb — no attribution changed."""
    if _same_sources(old, new) or _named_in_both(old, new, before, after):
        return True
    return bool(old) != bool(new) and (_verb_reworded(before, after) or _actor_said(old, new, before, after))


def _named_in_both(old: frozenset[str], new: frozenset[str], before: str, after: str) -> bool:
    """Each side's sources are still named in the other side's text, only read differently: the
    patterns take "the ministry" from "Smith, a spokesman for the ministry, said" and "Smith" from
    "A ministry spokesman, Smith, said" — one source, reworded around its apposition."""
    if not old or not new or "(unnamed)" in old | new:
        return False
    return _named(old, after) and _named(new, before)


def _text_words(text: str) -> set[str]:
    return {w.removesuffix("s") for w in _TEXT_WORDS.findall(fold(text.replace(".", "").replace("'s", "")))}


def _named(sources: frozenset[str], text: str) -> bool:
    """Every source is named in ``text`` (its words, but those that only describe it)."""
    there = _text_words(text)
    return all(_text_words(src) - _SOURCE_DESCRIPTORS <= there for src in sources)


def _actor_said(old: frozenset[str], new: frozenset[str], before: str, after: str) -> bool:
    """The source one side names is who acts in the other: "Police arrested two men" → "Two men
    were arrested, police said", "Police said they arrested two men" — the same account, its actor
    now named as the one who tells it (and back); one side names none. Not when the other side has
    them fear, doubt or believe it ("Officials said the bridge was unsafe" → "Officials feared …"):
    that is no act."""
    if "(unnamed)" in old | new:
        return False
    sources, text = (new, before) if new else (old, after)
    if not _named(sources, text):
        return False
    words = [w.removesuffix("s") for w in _TEXT_WORDS.findall(fold(text))]
    names = {w for src in sources for w in _text_words(src) - _SOURCE_DESCRIPTORS}
    acts = [words[k + 1] for k in range(len(words) - 1) if words[k] in names and words[k + 1] not in names]
    return bool(acts) and not any(a in _ATTITUDES or _SAYS_WORD.fullmatch(a) for a in acts)


# what a source thinks, not what it does: "officials feared", "analysts doubted" (words as
# _actor_said reads them: a trailing "s" dropped)
_ATTITUDES = frozenset("fear feared doubt doubted suspect suspected hope hoped worry worried worrie think thought "
                       "believe believed expect expected assume assumed guesse guessed speculate speculated wonder "
                       "wondered question questioned estimate estimated predict predicted warn warned".split())


_SAY = rf"(?:{ALL_SAY_VERBS})"
_SAYS_WORD = re.compile(_SAY, re.IGNORECASE)
_WORD_EDGES = ".,;:!?\"'“”‘’()"
_CLAUSE_OPENERS = frozenset("that if whether how why what when dass daß ob que qu si".split())
_FINITE = frozenset("is are was were will would can could may might must should shall has have had did does do "
                    "ist sind war waren wird werden hat haben est sont était sera es son era fue será".split())


def _verb_reworded(before: str, after: str) -> bool:
    """The one word the two sides differ by is the verb after the same subject, a say-verb on one
    side only: "The company disclosed the breach" → "The company reported the breach",
    "Investigators discovered the wreckage" → "found the wreckage" — the subject's act reworded,
    not a source added (nor one dropped: "reported a loss" → "posted a loss"). A source added
    beside the act keeps its verb ("Police arrested three men" → "Police said they arrested three
    men") and is read as one."""
    b, a = before.split(), after.split()
    if len(b) != len(a) or len(b) < 3:
        return False
    diff = [k for k, (x, y) in enumerate(zip(b, a, strict=True)) if x != y]
    if len(diff) != 1 or diff[0] == 0:
        return False
    k = diff[0]
    x, y = (w.strip(_WORD_EDGES) for w in (b[k], a[k]))
    if not x or not y or (_SAYS_WORD.fullmatch(x) is None) == (_SAYS_WORD.fullmatch(y) is None):
        return False
    # its object a thing, not a clause: "feared the bridge was unsafe", "doubted that", "…, officials
    # suspect" turn what was said into what is feared or doubted
    rest = [w.strip(_WORD_EDGES).casefold() for w in b[k + 1:k + 5]]
    return bool(rest) and b[k][-1] not in ",;:" and rest[0] not in _CLAUSE_OPENERS \
        and _FINITE.isdisjoint(rest)


def _estimate_reworded(old_h: frozenset[str], new_h: frozenset[str], old_m: list[Mention], new_m: list[Mention]
                       ) -> bool:
    """Only "estimated" differs, and the side without it says its figure is approximate: "An
    estimated 7,000 containers" → "Some 7,000 containers" — the estimate reworded, not withdrawn."""
    if old_h ^ new_h != {"estimated"}:
        return False
    lacking = new_m if "estimated" in old_h else old_m
    return any(m.qualifier in ("approx", "estimated") for m in lacking)


def _same_month(a: Mention, b: Mention) -> bool:
    """A month on its own and a date of that month ("in March" → "in March 2023", "on March 3"):
    the date made more precise, not changed."""
    def bare(m: Mention) -> bool:  # a month alone is worth month × 100 (no year, no day)
        return m.value < 10_000 and m.value % 100 == 0

    if a.kind != "date" or b.kind != "date" or bare(a) == bare(b):
        return False
    month, date = (a, b) if bare(a) else (b, a)
    return int(date.value) // 100 % 100 == int(month.value) // 100


def _same_sources(a: frozenset[str], b: frozenset[str]) -> bool:
    def covered(xs: frozenset[str], ys: frozenset[str]) -> bool:
        return all(any(_same_source(x, y) for y in ys) for x in xs)

    return covered(a, b) and covered(b, a)


def _describe_figure(c: dict) -> str:
    written = c.get("new") or c.get("old") or ""
    # the noun, unless the figure as written ends with it already (a CJK counter: "約4万人")
    noun = f" {c['noun']}" if c.get("noun") and not written.endswith(c["noun"]) else ""
    if c["field"] == "figure_added":
        return f"new figure {c['new']}{noun}"
    if c["field"] == "figure_removed":
        return f"figure {c['old']}{noun} dropped"
    rel = c.get("relative_change")
    # a share that rounds to 0 % says nothing ("majority → minority", 1,000,000 → 1,000,001)
    pct = f" ({rel:+.0%})" if rel is not None and round(abs(rel) * 100) >= 1 else ""
    if c["field"] == "qualifier":
        return f"qualifier of {c['new']}{noun}: {c['old_qualifier'] or 'none'} → {c['new_qualifier'] or 'none'}"
    return f"{c['old']} → {c['new']}{noun}{pct}"


# times said relative to the day of writing, which a later version writes out ("this year" → "in
# 2024", "on Monday" → "on June 3", "last month" → "in May"): weekdays and relative times are no
# claim figures, so a year or a date that takes their place, or gives it back, is no figure added
_RELATIVE = {
    "year": re.compile(r"\b(?:this|last|next|previous|past|coming)\s+year\b|\ba\s+year\s+(?:ago|earlier)\b|"
                       r"\b(?:dieses|diesem|letzten|vergangenen|nächsten|kommenden)\s+jahr|\bvorjahr|"
                       r"\bl['’]an(?:née)?\s+(?:dernier|dernière|prochain|prochaine)\b|\bcette\s+année\b|"
                       r"\b(?:el\s+)?año\s+(?:pasado|próximo|que\s+viene)\b|\beste\s+año\b", re.IGNORECASE),
    "date": re.compile(r"\b(?:today|yesterday|tomorrow|tonight|(?:this|last|next)\s+(?:week|month|morning|"
                       r"afternoon|evening|night)|heute|gestern|morgen|aujourd['’]hui|hier|demain|hoy|ayer|"
                       r"(?:" + "|".join(WEEKDAYS) + r"))\b", re.IGNORECASE),
}


_WEEKDAY = {d: i % 7 for i, d in enumerate(WEEKDAYS)}
_WEEKDAY_WORDS = frozenset(WEEKDAYS)
_WEEKDAY_RE = re.compile(r"\b(?:" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)


# the day a statement was made, which a later version moves to the day of a newer statement: the
# day right after a say-verb ("officials said on Monday", "told reporters on Monday", "sagte am
# Montag"), or opening the sentence before one ("On Tuesday, officials said"). Not the day of an
# event the sentence then attributes ("met supporters on Saturday, his campaign said")
_SAID_THEN = re.compile(rf"\b{_SAY}\b(?:\s+(?:in|to|at|during|late|early|a|an|the|its|his|her|their|statement|"
                        r"interview|reporters|journalists|news|conference|briefing|post|letter|speech|mit|dans|un|"
                        r"communiqué|en|un|comunicado)){0,4}\s+(?:on\s+|am\s+|le\s+|el\s+|ce\s+|este\s+)?$",
                        re.IGNORECASE)
_OPENS = re.compile(r"^\W*(?:(?:on|am|le|el|ce|este)\s+)?$", re.IGNORECASE)
_SAID_AFTER = re.compile(rf"^\W*(?:\s*[\w'’.-]+){{0,5}}?\s+{_SAY}\b", re.IGNORECASE)


def _event_days(text: str) -> dict[str, Mention]:
    """The weekdays of a text that date an event, each as the date figure it stands for."""
    return {m.group(0).casefold(): Mention(text=m.group(0), value=float(_WEEKDAY[m.group(0).casefold()]), kind="date",
                                           start=m.start(), end=m.end())
            for m in _WEEKDAY_RE.finditer(text)
            if not _SAID_THEN.search(text[max(0, m.start() - 60):m.start()])
            and not (_OPENS.match(text[:m.start()]) and _SAID_AFTER.match(text[m.end():m.end() + 60]))}


def _weekdays_swapped(before: str, after: str) -> list[dict]:
    """A day of the week put in another's place ("resigned on Monday" → "on Tuesday"): the day
    something happened, corrected, as a date is. Not a figure of its own (a sentence that only
    names a day claims nothing), not one added or dropped ("on Monday" → "on June 3" is the same
    day written out), and not the day a statement was made ("officials said on Monday" → "on
    Tuesday": a newer statement of the same claim)."""
    old, new = _event_days(before), _event_days(after)
    gone = sorted(old.keys() - new.keys(), key=_WEEKDAY.__getitem__)
    came = sorted(new.keys() - old.keys(), key=_WEEKDAY.__getitem__)
    return [_figure_change(old[a], new[b]) for a, b in zip(gone, came, strict=False) if _WEEKDAY[a] != _WEEKDAY[b]]


def _relative_times_made_absolute(figs: list[dict], before: str, after: str) -> list[dict]:
    """The figure changes less a year or date added where a relative time left ("this year" → "in
    2024"), or dropped where one came."""
    def kept(c: dict) -> bool:
        rx = _RELATIVE.get(c.get("kind") or "")
        if rx is None or c["field"] not in ("figure_added", "figure_removed"):
            return True
        lost = len(rx.findall(before)) - len(rx.findall(after))
        return not (lost > 0 if c["field"] == "figure_added" else lost < 0)

    return [c for c in figs if kept(c)]


_DIGIT_TOKEN = re.compile(r"[^\s\d]*\d[^\s]*")


def numbered_in_order(ss: list[Sentence]) -> bool:
    """Whether the list items among the sentences ("1. Choose the right pot", "(2) The council …")
    are numbered by their place: each list counts 1, 2, 3 … Then an item's number says where it
    stands, and an item added above renumbers every later one without changing what it says."""
    nums = [n for s in ss if (n := numbers.item_number(s.text)) is not None]
    return bool(nums) and all(n == 1 or (k and n == nums[k - 1] + 1) for k, n in enumerate(nums))


def _loose_digits(ss: list[Sentence], items_in_order: bool = False) -> list[str]:
    """Tokens with digits that the figure grammar did not read as a figure ("CO2", "t3n",
    "gsoc-2018"): what is left with a digit in the masked form (every parsed figure, timestamps
    included, is masked there), shown as the page wrote it; without the list items' numbers when
    ``items_in_order`` (lists numbered by place on both sides: a renumbering is no change, a
    number put out of order — "5. Kristi Dosh" → "3. Kristi Dosh" — is)."""
    out = []
    for s in ss:
        toks = _DIGIT_TOKEN.findall(s.masked)
        if items_in_order and toks and numbers.item_number(s.text) is not None:
            toks = toks[1:]
        for tok in toks:
            tok = tok.strip(".,;:!?()[]{}\"'-")
            if not any(c.isdigit() for c in tok):
                continue
            m = re.search(re.escape(tok), s.text, re.IGNORECASE)
            out.append(m.group(0) if m else tok)
    return out


def token_changes(base: list[Sentence], cur: list[Sentence], items_in_order: bool = False) -> list[dict]:
    """Digit-bearing tokens that changed outside the parsed figures: a code, model number or name
    with a number in it changed ("CO2" → "CO3"). Reformatting of a figure cannot show here, since
    parsed figures are compared by value, not by their tokens. ``items_in_order``: the page's lists
    are numbered by place in both versions, so a list item's number is left out."""
    olds, news = _loose_digits(base, items_in_order), _loose_digits(cur, items_in_order)
    gone, came = _unmatched(olds, news), _unmatched(news, olds)
    if bool(gone) != bool(came):
        # a code or name with a number only dropped or only added ("the G7" → "the Group of Seven",
        # "Covid-19" → "coronavirus"): a name written another way, as a name dropped is; only one
        # put in another's place ("CO2" → "CO3") is a figure changed
        gone = [t for t in gone if not _ALPHA.search(t)]
        came = [t for t in came if not _ALPHA.search(t)]
    out = []
    for i in range(max(len(gone), len(came))):
        o = gone[i] if i < len(gone) else None
        n = came[i] if i < len(came) else None
        out.append({"unit": None, "noun": None, "kind": "token", "old": o, "new": n,
                    "field": "value" if o and n else ("figure_added" if n else "figure_removed")})
    return out


_ALPHA = re.compile(r"[^\W\d_]")
_TOKEN_MARKS = re.compile(r"[-‐‑–.\s]")


def _token_key(token: str) -> str:
    """A code however hyphenated or cased: "F-35" = "F35", "COVID-19" = "Covid-19"."""
    return _TOKEN_MARKS.sub("", token.casefold())


def _unmatched(tokens: list[str], others: list[str]) -> list[str]:
    """The ``tokens`` (as written, in order) that ``others`` do not hold, however written, as many
    times as they are missing there."""
    spare = Counter(map(_token_key, tokens)) - Counter(map(_token_key, others))
    out = []
    for t in tokens:
        if spare[_token_key(t)] > 0:
            spare[_token_key(t)] -= 1
            out.append(t)
    return out


# words of a line that dates the page itself, not the world: publication, update, availability
_STAMP_WORDS = re.compile(
    r"\b(?:updated?|updates|published|posted|modified|revised|as\s+of|last|latest|available|expires?|"
    r"aktualisiert|aktualisierung|ver[öo]ffentlicht|ge[äa]ndert|stand|verf[üu]gbar|"
    r"mis\s+[àa]\s+jour|publi[ée]e?|modifi[ée]e?|disponible|actualizad[oa]|actualizaci[óo]n|publicad[oa])\b",
    re.IGNORECASE)
_CLOCK_WORDS = frozenset("am pm a.m p.m a.m. p.m. uhr h gmt utc cet cest est edt pst pdt bst mez mesz o'clock".split())


_DATE_SHAPE = re.compile(r"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$")


def _stamp_only(figs: list[dict], cur: list[Sentence]) -> bool:
    """Every changed figure is a date or time, on a line that only dates the page: a bare clock
    time ("3:59 PM") or a stamp introduced as such ("Updated 8:00 a.m.", "Video verfügbar bis
    28.02.2021"). A dated statement about the world ("Termin: 29.02.2020", "Einsendeschluss: …",
    "the vote moved to 10 May") and a bare date line ("(21. November 2022)") stay claims."""
    def dated(c: dict) -> bool:
        return c.get("kind") in ("date", "time") or any(
            _DATE_SHAPE.match(str(c.get(k) or "")) for k in ("old", "new"))

    if not figs or not all(dated(c) for c in figs):
        return False
    text = " ".join(s.text for s in cur)
    words = [w for s in cur for w in s.masked.replace("#", " ").split() if w.strip(".,:;()") not in _CLOCK_WORDS]
    if not words:
        return all(c.get("kind") == "time" for c in figs)
    return len(words) <= 8 and any(not in_prose(text, m.start()) for m in _STAMP_WORDS.finditer(text))


def claim_key(base: list[Sentence]) -> str:
    """The stable name of a baseline claim: its canonical sentence(s)."""
    return _digest(*(s.canonical for s in base))


def _figure_id(m: Mention) -> tuple:
    """A figure as it may be carried from one sentence to another: its key and its counted noun's
    first word ("40 drones" is not "40 people"; a figure without a noun matches either)."""
    return m.key, (m.noun or "").split(" ")[0]


def carried_figures(pairs: list[Pair]) -> dict[int, tuple[Mention, ...]]:
    """Figures a rewrite carried from one paired sentence to another: lost by one pair and gained
    by another, the same figure of the same thing. A story's lead rewritten as it develops ("Russia
    launched 40 drones …, killing one person" → "Russian drones killed one person …", the 40 drones
    now in the next sentence) moves its figures: neither pair lost or gained them. Pair index →
    the mentions (of either side) to leave out of that pair's comparison."""
    lost: dict[int, list[Mention]] = {}
    gained: dict[int, list[Mention]] = {}
    for k, pair in enumerate(pairs):
        old = [m for s in pair.base for m in s.claim.mentions if m.kind not in ("year", "date", "time")]
        new = [m for s in pair.cur for m in s.claim.mentions if m.kind not in ("year", "date", "time")]
        if not old and not new:
            continue
        new_left = list(new)
        for m in old:
            hit = next((n for n in new_left if n.key == m.key), None)
            if hit is None:
                lost.setdefault(k, []).append(m)
            else:
                new_left.remove(hit)
        if new_left:
            gained[k] = new_left
    out: dict[int, list[Mention]] = {}
    for i, ms in lost.items():
        for m in ms:
            for j, ns in gained.items():
                hit = next((n for n in ns if j != i and _same_figure_id(m, n)), None) if j != i else None
                if hit is not None:
                    ns.remove(hit)
                    out.setdefault(i, []).append(m)
                    out.setdefault(j, []).append(hit)
                    break
    return {k: tuple(v) for k, v in out.items()}


def _same_figure_id(m: Mention, n: Mention) -> bool:
    (km, nm), (kn, nn) = _figure_id(m), _figure_id(n)
    return km == kn and (nm == nn or not nm or not nn)


def _outcomes_moved(pair: Pair) -> tuple[list[str], list[str]] | None:
    """The same figures and outcomes, each figure's outcome another one: "three killed and five
    injured" → "three injured and five killed" (as "three killed", old and new)."""
    def per_figure(ss: list[Sentence]) -> dict[tuple, tuple[str, str]]:
        out: dict[tuple, tuple[str, str]] = {}
        for s in ss:
            counts = [m for m in s.claim.mentions if m.kind == "count"]
            for m, c in zip(counts, outcomes.of_figures(s.text, [(m.start, m.end) for m in counts]), strict=True):
                if c is not None:
                    out[m.key] = (m.text, c) if m.key not in out else ("", "")  # a figure twice: no telling
        return out
    old, new = per_figure(pair.base), per_figure(pair.cur)
    turned = [k for k in old if k in new and old[k][1] and new[k][1] and old[k][1] != new[k][1]]
    if not turned:
        return None
    return [f"{old[k][0]} {old[k][1]}" for k in turned], [f"{new[k][0]} {new[k][1]}" for k in turned]


def _prose(pair: Pair, before: str, after: str) -> bool:
    """A pair whose names are worth comparing: a claim, or a sentence of prose on both sides (six
    words or more, ending as a sentence ends). Not a byline, a credit or a caption's tag that
    slipped through extraction ("By Jane Doe" → "By John Smith", "Photo: AP" → "Photo: Reuters"):
    their names come and go with the page's furniture."""
    if any(s.claim.is_claim for s in pair.base + pair.cur):
        return True
    return all(len(t.split()) >= 6 and t.rstrip("\"”’»)").endswith((".", "!", "?")) for t in (before, after))


@dataclass
class PageNames:
    """The names a page writes inside its sentences, both versions — read only when a pair asks
    (most changed pages never do: a figure or a cue tells their changes first) — and whether its
    lists are numbered by place in both (:func:`numbered_in_order`)."""

    texts: list[str]
    items_in_order: bool = False
    _known: frozenset[str] | None = None

    def known(self) -> frozenset[str]:
        if self._known is None:
            self._known = frozenset().union(*(names.names(t) for t in self.texts))
        return self._known


def compare_pair(pair: Pair, carried: tuple[Mention, ...] = (), page: PageNames | None = None) -> Finding | None:
    """The finding for one aligned pair, or None when the two say exactly the same. ``carried``:
    figures another pair has, moved there by a rewrite (:func:`carried_figures`), left out;
    ``page``: the page's names, by which a sentence's first word may be one."""
    before, after = _text(pair.base), _text(pair.cur)
    if [s.canonical for s in pair.base] == [s.canonical for s in pair.cur]:
        return None
    key = claim_key(pair.base)
    old_m = [m for s in pair.base for m in s.claim.mentions]
    new_m = [m for s in pair.cur for m in s.claim.mentions]
    if carried:
        figs = figure_changes([m for m in old_m if not any(m is c for c in carried)],
                              [m for m in new_m if not any(m is c for c in carried)])
    else:
        figs = figure_changes(old_m, new_m) or token_changes(pair.base, pair.cur, page is not None and page.items_in_order)
    old_words, new_words = words_of(before), words_of(after)
    if not (_WEEKDAY_WORDS.isdisjoint(old_words) or _WEEKDAY_WORDS.isdisjoint(new_words)):
        figs += _weekdays_swapped(before, after)
    old_att = frozenset().union(*(s.claim.attribution for s in pair.base))
    new_att = frozenset().union(*(s.claim.attribution for s in pair.cur))
    old_h = frozenset().union(*(s.claim.hedges for s in pair.base))
    new_h = frozenset().union(*(s.claim.hedges for s in pair.cur))
    old_dir, new_dir = _direction(pair.base), _direction(pair.cur)
    old_flips, new_flips, flipped = flips(before, after, old_words, new_words,  # "legal" → "illegal"
                                          any(old_dir) and any(new_dir))
    old_neg = (sum(s.claim.negations for s in pair.base) + old_flips) % 2
    new_neg = (sum(s.claim.negations for s in pair.cur) + new_flips) % 2
    cues: list[dict] = []
    if not _one_account(old_att, new_att, before, after):
        cues.append({"field": "attribution", "old": sorted(old_att), "new": sorted(new_att)})
    reported = bool(old_att and new_att)
    # "declined to comment" → "could not be reached for comment": one non-answer, reworded
    non_answer = bool(NO_COMMENT.search(before) and NO_COMMENT.search(after))
    if stance(old_h, reported) != stance(new_h, reported) and not non_answer \
            and not _estimate_reworded(old_h, new_h, old_m, new_m):
        cues.append({"field": "hedge", "old": sorted(old_h), "new": sorted(new_h),
                     "removed": sorted(old_h - new_h), "added": sorted(new_h - old_h)})
    if old_neg != new_neg and not non_answer:
        cues.append({"field": "polarity", "old": "negated" if old_neg else "affirmed",
                     "new": "negated" if new_neg else "affirmed", "words": [f"{a} → {b}" for a, b in flipped]})
    turned = old_dir != new_dir and any(old_dir) and any(new_dir)  # "fell 3%" → "rose 3%"; not a word dropped
    if turned:
        cues.append({"field": "direction", "old": _ways(old_dir), "new": _ways(new_dir)})
    elif not figs and (swap := _ends_swapped(pair)):  # "fell to 3.7% from 3.9%" → "to 3.9% from 3.7%"
        turned = True
        cues.append({"field": "direction", "old": swap[0], "new": swap[1]})
    elif not (any(old_dir) or any(new_dir)) and (way := movement(old_words, new_words)):
        cues.append({"field": "direction", "old": way[0], "new": way[1]})  # "unemployment fell" → "rose"
    old_out = frozenset().union(*(s.claim.outcomes for s in pair.base))
    new_out = frozenset().union(*(s.claim.outcomes for s in pair.cur))
    if outcomes.changed(old_out, new_out) or outcomes.requantified(before, after, old_out, new_out):
        # "two were injured" → "two were killed", "every hospital" → "some hospitals"
        cues.append({"field": "outcome", "old": sorted(old_out), "new": sorted(new_out)})
    elif old_out & outcomes.OUTCOME_CLASSES and old_out == new_out and (moved := _outcomes_moved(pair)):
        cues.append({"field": "outcome", "old": moved[0], "new": moved[1]})
    if ranked := ranks.changed(before, after, old_words | new_words):  # "former minister" → "minister"
        cues.append({"field": "name", "old": ranked[0], "new": ranked[1]})
    state_parts = [repr(sorted((m.key for m in new_m), key=mention_order)), repr(sorted(new_att)), repr(sorted(new_h)),
                   str(new_neg), repr(new_dir)]
    if other := sorted(c["new"] for c in figs if c["field"] == "unit" and c["kind"] == "count"):
        state_parts.append(repr(other))  # what a count counts, where it changed: "two women"
    if figs and _stamp_only(figs, pair.cur):
        figs = []  # a moved date or time on a line that states nothing else: a timestamp, not a claim
    if figs:
        figs = _relative_times_made_absolute(figs, before, after)
    typos = spelling_only(before, after) if figs or cues else []
    if typos:  # "Febuary 5" → "February 5", "Nihct" → "Nicht": read differently only for the misspelling
        figs, cues = [], []
    if new_out:
        state_parts.append(repr(sorted(new_out)))
    if not figs and not cues and _prose(pair, before, after):  # else the pair alerts already (a source swapped is said as one)
        gone, came = names.swapped(before, after, page.known() if page else frozenset())
        if gone:  # "fined by the SEC" → "fined by the FTC"
            cues.append({"field": "name", "old": gone, "new": came})
            state_parts.append(repr(came))
    if not figs and not cues and (quoted := quotes.altered(before, after)) and not spelling_only(before, after):
        cues.append({"field": "quote", "old": quoted[0], "new": quoted[1]})  # "unworkable" → "difficult"
        state_parts.append(repr(quoted[1]))
    if figs or (turned and cues) or (new_m and any(c["field"] == "outcome" for c in cues)):
        # a figure that turned from a fall into a rise, or whose people were killed, not injured,
        # changed as much as its value
        kind = "estimate_changed"
        expl = "; ".join([_describe_figure(c) for c in figs] + [describe_cue(c) for c in cues])
    elif cues:
        kind = "claim_changed"
        expl = "; ".join(describe_cue(c) for c in cues)
    else:
        kind = "text_changed"
        expl = "spelling corrected: " + ", ".join(f"{a} → {b}" for a, b in typos) if typos else "wording changed"
        state_parts = [" ".join(s.canonical for s in pair.cur)]
    return Finding(kind=kind, key=key, state=_digest(*state_parts), before=before, after=after,
                   explanation=expl, changes=tuple(figs + cues), severity=SEVERITY[kind])


CUE_FIELDS = ("attribution", "hedge", "polarity", "direction", "outcome", "name", "quote")


def describe_cue(c: dict) -> str:
    """An attribution, hedge or polarity change phrased for a reader ("hedge removed: likely")."""
    if c["field"] == "attribution":
        old = ", ".join(c["old"]) or "none"
        new = ", ".join(c["new"]) or "none"
        return f"attribution: {old} → {new}"
    if c["field"] == "hedge":
        bits = []
        if c["removed"]:
            bits.append("hedge removed: " + ", ".join(c["removed"]))
        if c["added"]:
            bits.append("hedge added: " + ", ".join(c["added"]))
        return "; ".join(bits)
    if c["field"] == "direction":
        return f"direction: {c['old']} → {c['new']}"
    if c["field"] == "quote":
        return "quote: " + "; ".join(f"“{q}”" for q in c["old"]) + " → " + "; ".join(f"“{q}”" for q in c["new"])
    if c["field"] == "name":
        return f"named: {', '.join(c['old'])} → {', '.join(c['new'])}"
    if c["field"] == "outcome":
        label = outcomes.label(c["old"], c["new"])
        if label == "record":  # "closed at a record high" → "closed at a high"
            return "record: " + ("a record → none" if outcomes.RECORD in c["old"] else "none → a record")
        diff = frozenset(c["old"]) ^ frozenset(c["new"])
        return f"{label}: {outcomes.describe(c['old'], label, diff)} → {outcomes.describe(c['new'], label, diff)}"
    words = f" ({', '.join(c['words'])})" if c.get("words") else ""
    return f"polarity: {c['old']} → {c['new']}{words}"


_END_WORD = re.compile(r"\b(to|from|auf|von)\W*$", re.IGNORECASE)


def _ends(ss: list[Sentence]) -> dict[str, list[Mention]]:
    """The figures a change went from and to ("from 3.9%", "to 3.7%"; "von", "auf")."""
    out: dict[str, list[Mention]] = {"from": [], "to": []}
    for s in ss:
        for m in s.claim.mentions:
            w = _END_WORD.search(s.text[max(0, m.start - 12):m.start])
            if w:
                out["from" if w.group(1).lower() in ("from", "von") else "to"].append(m)
    return out


def _ends_swapped(pair: Pair) -> tuple[str, str] | None:
    """The same figures, the start and the end of the change swapped: "fell to 3.7% from 3.9%" →
    "fell to 3.9% from 3.7%" (as "from → to", old and new), else None."""
    old, new = _ends(pair.base), _ends(pair.cur)
    if not (old["from"] and old["to"] and new["from"] and new["to"]):
        return None
    keys = [{m.key for m in side[end]} for side in (old, new) for end in ("from", "to")]
    if keys[0] & keys[3] and keys[1] & keys[2] and not keys[0] & keys[2]:
        def show(side: dict[str, list[Mention]]) -> str:
            return f"from {side['from'][0].text} to {side['to'][0].text}"
        return show(old), show(new)
    return None


def _direction(ss: list[Sentence]) -> tuple[bool, bool, bool]:
    """Which ways the figures of these sentences moved: (any rose, any fell, any held)."""
    return (any(s.claim.direction[0] for s in ss), any(s.claim.direction[1] for s in ss),
            any(s.claim.direction[2] for s in ss))


def _ways(d: tuple[bool, bool, bool]) -> str:
    return " and ".join(w for w, on in zip(("rose", "fell", "held"), d, strict=True) if on)


def _claim_summary(s: Sentence) -> str:
    bits = [m.text for m in s.claim.mentions]
    if s.claim.attribution:
        bits.append("attributed to " + ", ".join(sorted(s.claim.attribution)))
    return "; ".join(bits) or "claim"


def compare(base_paragraphs: tuple[str, ...] | list[str], cur_paragraphs: tuple[str, ...] | list[str],
            *, seed: bool = False) -> list[Finding]:
    """Every difference between the baseline and the current version, as findings. ``seed``: the
    baseline is a seed document, whose ends bound the article (:func:`outside_seed`). Lines today's
    line rules call furniture that only one side has are left out (:func:`stale_lines`)."""
    base_paragraphs, cur_paragraphs = stale_lines(list(base_paragraphs), list(cur_paragraphs))
    base_s, cur_s = sentences(base_paragraphs), sentences(cur_paragraphs)
    al = align(base_s, cur_s)
    tail_b, tail_c = rotating_blocks(al, list(base_paragraphs), list(cur_paragraphs))
    if seed:
        tail_c |= outside_seed(al, list(cur_paragraphs))
    moved_b, moved_c = moved_text(al, base_s, cur_s)
    out: list[Finding] = []
    carried = carried_figures(al.pairs)
    page = PageNames([s.text for s in base_s] + [s.text for s in cur_s],
                     items_in_order=numbered_in_order(base_s) and numbered_in_order(cur_s))
    for k, pair in enumerate(al.pairs):
        f = compare_pair(pair, carried.get(k, ()), page)
        if f is not None:
            out.append(f)
    for s in al.removed:
        if id(s) in moved_b:
            continue
        kind = "claim_removed" if s.claim.is_claim and s.paragraph not in tail_b else "text_changed"
        out.append(Finding(kind=kind, key=claim_key([s]), state="removed", before=s.text, after=None,
                           explanation=_removed_or_added("removed", s, s.paragraph in tail_b),
                           severity=SEVERITY[kind]))
    for s in al.added:
        if id(s) in moved_c:
            continue
        kind = "claim_added" if s.claim.is_claim and s.paragraph not in tail_c else "text_changed"
        out.append(Finding(kind=kind, key="added:" + _digest(s.masked), state=_digest(repr(s.claim.signature)),
                           before=None, after=s.text,
                           explanation=_removed_or_added("added", s, s.paragraph in tail_c),
                           severity=SEVERITY[kind]))
    return out


def _removed_or_added(what: str, s: Sentence, in_tail: bool) -> str:
    if in_tail:
        return f"block {what} outside the article's text (rotating or beyond the seed's ends: page furniture, not compared as a claim)"
    return f"sentence {what} ({_claim_summary(s)})" if s.claim.is_claim else f"sentence {what}"


