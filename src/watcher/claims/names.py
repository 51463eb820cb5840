"""Who and what a sentence names: "fined by the SEC" → "fined by the FTC", "passed the House" →
"passed the Senate", "Russia launched 40 drones" → "Ukraine launched 40 drones".

Every figure, source and hedge kept, the claim is about someone else. A name here is a word
written with a capital inside the sentence (the first word only when it is not a common opener:
"The", "In", "But"…) or in capitals throughout ("SEC"; the first word also when the page writes it with a capital inside another sentence). Two
versions name someone else when each
names one the other does not — a name put in another's place. A name only added ("Smith" →
"John Smith", "the minister" → "Foreign Minister Smith") or only dropped makes the claim more or
less precise, not another one; a name spelt another way ("Zelenskyy" → "Zelensky"), written with
its initials ("the Securities and Exchange Commission" → "the SEC") or with a title before it
("President Biden" → "Mr Biden") is the same name.

German writes every noun with a capital: there a capital says nothing about a name, so sentences
that read as German are left alone.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

SAME_NAME = 80.0  # rapidfuzz ratio from which two names are one name spelt another way

_TOKEN = re.compile(r"[^\W\d_][\w'’.&-]*", re.UNICODE)
# capitalised words that are not names of someone or something a claim is about: titles and
# honorifics, days, pronouns, and the common openers a sentence capitalises anyway
_NOT_NAMES = frozenset("""
mr mrs ms miss dr prof sir dame lord lady president vice prime minister secretary senator sen rep gov governor
mayor judge justice general gen col lt capt chief officer director chairman chairwoman ceo king queen prince
princess pope rev saint st mount mt lake river north south east west northern southern eastern western
monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
january february march april may june july august september october november december
i i'm i've i'd he she it we they you his her its our their my your this that these those there here
the a an in on at by for from with without after before during since until as of to into over under about
but and or so yet if when while where whether because although though however meanwhile now then also still
some many most more several few all both each every no not one two three four five six seven eight nine ten
what who which how why according earlier later last next new other another such than
""".split())
_GERMAN = frozenset("der die das und ist nicht mit von den dem des ein eine einer einen einem wurde wurden sich auch "
                    "auf für bei im zum zur nach wie sind hat haben dass aber oder noch nur schon sehr über unter "
                    "gegen durch vom beim seine ihre sein kein keine wird werden um zu aus bis seit vor".split())
_UMLAUT = re.compile(r"[äöüßÄÖÜ]")


def names(text: str, known: frozenset[str] = frozenset()) -> frozenset[str]:
    """The names a sentence holds, as written (one word each; "Securities and Exchange
    Commission" is four, its initials compared by :func:`swapped`). ``known``: names the page
    writes inside its sentences — its first word is one of them when the page says so ("Russia
    launched …" where "… by Russia" stands elsewhere)."""
    tokens = _TOKEN.findall(text)
    german = sum(t.lower() in _GERMAN for t in tokens)
    if german >= 2 or (german and _UMLAUT.search(text)):  # "Die Polizei nahm drei Verdächtige fest."
        return frozenset()
    out = set()
    for k, t in enumerate(tokens):
        word = t.strip(".'’-&").removesuffix("'s").removesuffix("’s")
        if len(word) < 2 or not word[0].isupper() or word.lower() in _NOT_NAMES:
            continue
        if any(c.isdigit() for c in word):
            continue  # a code ("G7", "F-35"): compared as a figure's token, not as a name
        if k == 0 and not word.isupper() and word not in known and not _named_later(word, tokens):
            continue  # a sentence's first word is capitalised whatever it is
        out.add(word)
    return frozenset(out)


def capitalised(text: str) -> frozenset[str]:
    """Every word written with a capital, the first included: what a name of the other side may be
    matched with ("Elon Musk's Tesla" → "Tesla, led by Elon Musk" names the same two)."""
    return frozenset(w for w in (t.strip(".'’-&").removesuffix("'s").removesuffix("’s") for t in _TOKEN.findall(text))
                     if w[:1].isupper())


def _named_later(word: str, tokens: list[str]) -> bool:
    return any(t.strip(".'’-&") == word for t in tokens[1:])


# a lawmaker's party and state, the American way: "(D-Calif.)", "(R-Texas)", "(I-Vt.)"
_PARTY_TAG = re.compile(r"\(([DRI])\s*[-–]\s*([A-Z][A-Za-z.]*)\)")
_PARTIES = {"D": "Democrat", "R": "Republican", "I": "Independent"}


def swapped(before: str, after: str, known: frozenset[str] = frozenset()) -> tuple[list[str], list[str]]:
    """The names of each side that the other lacks, when both sides have one (a name put in
    another's place); two empty lists otherwise. ``known``: as for :func:`names`. A lawmaker's
    party tag is compared by its letter ("(D-Calif.)" → "(R-Calif.)": one letter, another party)."""
    if "(" in before and (tags := _party_swapped(before, after)):
        return tags
    if offices := _office_swapped(before, after):
        return offices
    old, new = names(before, known), names(after, known)
    if old == new:
        return _roles_swapped(before, after) or ([], [])
    caps_before, caps_after = capitalised(before), capitalised(after)
    gone = [x for x in sorted(old) if not _matched(x, caps_after)]
    came = [y for y in sorted(new) if not _matched(y, caps_before)]
    if came and not gone:  # one of a name's mentions put in another's place: "Turkey … Turkey" → "Turkey … Ankara"
        gone = [x for x in sorted(old & new) if _count(before, x) > _count(after, x)]
    if not gone or not came or _initials_of(gone, new) or _initials_of(came, old):
        return [], []
    return gone, came


# what joins two names whose order says nothing: "Smith and Jones met", "talks between Kyiv, Moscow"
_JOINS = re.compile(r"\s*(?:,|and|or|&|with|und|et|y|and\s+with|,\s*and)?\s*")
_NAME_RUN = re.compile(r"(?<![\w'’-])(?:[A-ZÀ-ÖØ-Þ][\w'’.&-]*)(?:\s+[A-ZÀ-ÖØ-Þ][\w'’.&-]*)*")


def _roles_swapped(before: str, after: str) -> tuple[list[str], list[str]] | None:
    """Two names of a sentence exchanged, the rest word for word: "Real Madrid beat Barcelona 3-1" →
    "Barcelona beat Real Madrid 3-1", "Smith sued Jones" → "Jones sued Smith" — the same names, in
    each other's roles. Not when only a conjunction stands between them ("Smith and Jones met")."""
    if len(before) != len(after) or before == after:
        return None
    runs = list(_NAME_RUN.finditer(before))
    for k, a in enumerate(runs):
        for b in runs[k + 1:]:
            if a.group(0) == b.group(0) or _JOINS.fullmatch(before, a.end(), b.start()):
                continue
            swapped = before[:a.start()] + b.group(0) + before[a.end():b.start()] + a.group(0) + before[b.end():]
            if swapped == after:
                return [a.group(0), b.group(0)], [b.group(0), a.group(0)]
    return None


def _count(text: str, name: str) -> int:
    return sum(t.strip(".'’-&").removesuffix("'s").removesuffix("’s") == name for t in _TOKEN.findall(text))


def _party_swapped(before: str, after: str) -> tuple[list[str], list[str]] | None:
    old = sorted({_PARTIES[m.group(1)] for m in _PARTY_TAG.finditer(before)})
    new = sorted({_PARTIES[m.group(1)] for m in _PARTY_TAG.finditer(after)})
    gone, came = [p for p in old if p not in new], [p for p in new if p not in old]
    return (gone, came) if gone and came else None


# the office a title before a name says, however written: "Sen." and "Senator", "Rep." and
# "Congresswoman", "le sénateur" and "el senador"; honorifics ("Mr", "Dr") say none
_OFFICES = {
    "senator": "sen senator sénateur sénatrice senador senadora senatorin",
    "representative": "rep representative congressman congresswoman congressmember diputado diputada député "
                      "députée abgeordneter abgeordnete",
    "governor": "gov governor gouverneur gobernador gobernadora gouverneurin",
    "mayor": "mayor maire alcalde alcaldesa bürgermeister bürgermeisterin",
    "president": "president président présidente presidente presidenta präsident präsidentin",
    "minister": "minister ministre ministro ministra ministerin",
    "secretary": "secretary secrétaire secretario secretaria",
    "judge": "judge juge juez jueza richter richterin justice",
    "chancellor": "chancellor chancelier kanzler kanzlerin",
    "general": "gen general général generala",
    "colonel": "col colonel coronel oberst",
    "lieutenant": "lt lieutenant teniente leutnant",
    "captain": "capt captain capitaine capitán kapitän",
    "sergeant": "sgt sergeant sargento",
    "admiral": "adm admiral amiral almirante",
    "ambassador": "ambassador ambassadeur embajador embajadora botschafter botschafterin",
    "sheriff": "sheriff",
}
_OFFICE = {w: office for office, ws in _OFFICES.items() for w in ws.split()}
_TITLED = re.compile(r"(?<![\w-])((?i:" + "|".join(sorted(_OFFICE, key=len, reverse=True)) + r"))\.?\s+"
                     r"(?:[A-ZÀ-ÖØ-Þ][\w'’-]+\s+){0,2}?([A-ZÀ-ÖØ-Þ][\w'’-]{2,})\b(?!\s+[A-ZÀ-ÖØ-Þ])")


def _office_swapped(before: str, after: str) -> tuple[list[str], list[str]] | None:
    """A person both versions name, with another office before the name: "Sen. Jane Doe" → "Rep.
    Jane Doe", "General Smith" → "Colonel Smith" — the claim is about someone else's words or acts."""
    def offices(text: str) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for m in _TITLED.finditer(text):
            out.setdefault(m.group(2), set()).add(_OFFICE[m.group(1).lower()])
        return out

    old, new = offices(before), offices(after)
    gone = sorted({o for name in old.keys() & new.keys() for o in old[name] - new[name]})
    came = sorted({o for name in old.keys() & new.keys() for o in new[name] - old[name]})
    return (gone, came) if gone and came else None


def _matched(name: str, others: frozenset[str]) -> bool:
    low = name.lower()
    return any(fuzz.ratio(low, o.lower()) >= SAME_NAME or _prefix(low, o.lower()) for o in others)


def _prefix(a: str, b: str) -> bool:
    """A name and its shortened, inflected or abbreviated form: "Ukraine" / "Ukrainian", "Russia" /
    "Russian", "United" / "Utd" (its letters in order, from the same first letter)."""
    short, long = sorted((a, b), key=len)
    if len(short) == len(long):  # "Iran" / "Iraq"
        return False
    if len(short) >= 4 and long.startswith(short[:-1]):
        return True
    rest = iter(long[1:])
    return len(short) >= 3 and short[0] == long[0] and all(c in rest for c in short[1:])


def _initials_of(lone: list[str], names_: frozenset[str]) -> bool:
    """Every lone name is the initials of the other side's names, or the other way round: "SEC"
    and "Securities", "Exchange", "Commission" (the other side's names in any order), "U.S." and
    "United", "States"."""
    letters = {n[0].lower() for n in names_}
    return all(2 <= len(x) <= 6 and x.isalpha() and set(x.lower()) <= letters for x in (n.replace(".", "") for n in lone))
