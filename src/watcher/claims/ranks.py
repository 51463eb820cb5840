"""The rank of a title: "Former Prime Minister John Reed said" → "Prime Minister John Reed said",
"Deputy Health Minister Anna Berg" → "Health Minister Anna Berg", "the acting director" → "the
director", "der ehemalige Finanzminister" → "der Finanzminister", "el presidente interino" → "el
presidente".

Every figure, source and hedge kept, the claim is someone else's: a former minister is not the
minister, a deputy not the head. Getting a title's rank wrong is one of the commonest corrections
news desks print, so a rank added to or dropped from a title the other version also has changes
the claim. A title dropped with its rank ("Former Prime Minister John Reed said" → "Reed said", a
second reference) or a title that occurs a different number of times on the two sides (a person
added or dropped) is not compared: that is a sentence naming people differently, not a rank
changed.

A rank is a word before the title ("former", "ex-", "deputy", "vice", "acting", "interim",
"ehemalige", "stellvertretende", "ancien", "ex"), or after it in French and Spanish ("ministre
adjoint", "presidente interino", "directeur par intérim"); German and Spanish glue "vize-"/"vice-"
onto the title ("Vizekanzler", "vicepresidente"). In English, French and Spanish the title is one
of a list of title words within three words of the rank ("former US trade secretary"); German
writes every noun with a capital and compounds its titles ("Finanzminister"), so there the word
right after the rank is the title.
"""

from __future__ import annotations

import re

from .cues import fold

_RANKS = {"former": "former", "ex": "former", "ancien": "former", "ancienne": "former", "anciens": "former",
          "anciennes": "former", "deputy": "deputy", "vice": "deputy", "assistant": "deputy",
          "acting": "acting", "interim": "acting"}
# German adjectives, in any ending: "ehemalige", "ehemaligen", "ehemaliger"…
# German adjectives, in any ending ("ehemalige", "ehemaligen", "ehemaliger"), before a capitalised
# noun: not "früher", also the adverb "earlier" ("in früheren Jahren")
_GERMAN_RANKS = {"ehemalig": "former", "stellvertretend": "deputy", "kommissarisch": "acting"}
# after the title: "ministre adjoint", "presidente interino", "directeur par intérim"
_AFTER = {"adjoint": "deputy", "adjointe": "deputy", "adjoints": "deputy", "adjunto": "deputy", "adjunta": "deputy",
          "intérimaire": "acting", "interino": "acting", "interina": "acting", "intérim": "acting"}
_GLUED = {"vize": "deputy", "vice": "deputy"}
_TITLES = frozenset("""
minister president chancellor secretary director governor mayor chief chairman chairwoman chair head leader
ambassador commissioner general prosecutor attorney judge senator premier spokesman spokeswoman spokesperson
editor manager coach captain ceo officer adviser advisor commander envoy
ministre président présidente directeur directrice secrétaire maire chef gouverneur ambassadeur procureur
juge sénateur porte
ministro ministra presidente presidenta directora secretario secretaria alcalde alcaldesa gobernador
gobernadora embajador embajadora fiscal juez jueza senador senadora jefe jefa portavoz
""".split())
_WORD = re.compile(r"[^\W\d_]+")
_FIRST = frozenset(_RANKS) | frozenset(_AFTER)
_STEMS = (*_GERMAN_RANKS, "vize", "vice", "ex")


def _german_rank(word: str) -> str | None:
    return next((r for stem, r in _GERMAN_RANKS.items() if word.startswith(stem) and len(word) <= len(stem) + 2), None)


def _glued(word: str) -> tuple[str, str] | None:
    """A rank glued onto its title: "vizekanzler", "vicepresidente", "expresidente" (not "export":
    after "ex" only a title word)."""
    for prefix in ("vize", "vice", "ex"):
        rest = word[len(prefix):].lstrip("-")
        if word.startswith(prefix) and len(rest) >= 5 and (prefix != "ex" or rest in _TITLES):
            return rest, "former" if prefix == "ex" else "deputy"
    return None


def _titles(text: str) -> list[tuple[str, str | None]]:
    """Each word of a sentence with the rank it carries as a title (None: none): every word, since
    any may be a title the other version ranks."""
    raw = _WORD.findall(text)
    tokens = [fold(t) for t in raw]
    ranks: dict[int, str] = {}
    for i, t in enumerate(tokens):
        if (rank := _RANKS.get(t)) is not None:
            j = next((j for j in range(i + 1, min(i + 4, len(tokens))) if tokens[j] in _TITLES), None)
            if j is not None:
                ranks[j] = rank
        elif (rank := _german_rank(t)) is not None and i + 1 < len(tokens) and raw[i + 1][0].isupper():
            ranks[i + 1] = rank
        elif t in _AFTER:
            k = i - 2 if i >= 2 and tokens[i - 1] == "par" else i - 1
            if k >= 0 and tokens[k] in _TITLES:
                ranks[k] = _AFTER[t]
    found: list[tuple[str, str | None]] = []
    for i, t in enumerate(tokens):
        if i in ranks:
            found.append((t, ranks[i]))
        elif glued := _glued(t):
            found.append(glued)
        else:
            found.append((t, None))
    return found


def changed(before: str, after: str, words: frozenset[str]) -> tuple[list[str], list[str]] | None:
    """The titles whose rank changed, as the reader sees them (["former minister"] → ["minister"]),
    or None. ``words``: both versions' words (:func:`.cues.words_of`), for the look-up that spares
    most pairs."""
    if _FIRST.isdisjoint(words) and not any(w.startswith(_STEMS) and (_german_rank(w) or _glued(w)) for w in words):
        return None
    old, new = _titles(before), _titles(after)
    ranked = {t for t, r in old + new if r is not None}
    gone: list[str] = []
    came: list[str] = []
    for title in sorted(ranked):
        o = sorted(r or "" for t, r in old if t == title)
        n = sorted(r or "" for t, r in new if t == title)
        if len(o) == len(n) and o != n:
            gone += [f"{r} {title}".strip() for r in o if r not in n]
            came += [f"{r} {title}".strip() for r in n if r not in o]
    return (gone, came) if gone or came else None
