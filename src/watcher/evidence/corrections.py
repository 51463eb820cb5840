"""Correction and update notes: "Correction: …", "An earlier version of this article misstated …",
"This article has been updated to …", "Editor's note: …" — in English, German, French and Spanish.

Why a note matters: an edit the outlet owns up to is a *noted* correction; the same edit without a
note (and without a moved modified date) is a *silent* one, which is what a fact-checker looks for.
A note is article text, not boilerplate (no rule of :func:`watcher.extract.clean.clean_blocks` drops
one; the tests hold that notes survive extraction), and its own sentences are no claims of the
article (:func:`note_paragraphs` lets the pipeline keep them out of the claim alerts).

A bare "Update:" label is no note: live coverage puts news after it ("Update: 12 more shipments
arrived"), which is a claim of the article. The patterns are the phrasings newsrooms use for notes, at the start of a paragraph (a label) or as
the standard sentence anywhere in a short paragraph; never words of particular articles. Pure
functions of text; of the rest of watcher only the quick word check (:mod:`watcher.wordcheck`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from ..wordcheck import may_match

if TYPE_CHECKING:
    from ..claims import Finding

MAX_NOTE_WORDS = 120  # a note is a paragraph or two of sentences, not an article that mentions corrections

# a label that opens the paragraph: "Correction:", "Corrections & clarifications —", "Editor's note:",
# "Berichtigung:", "Anmerkung der Redaktion:", "Rectificatif :", "Note de la rédaction :",
# "Fe de errores:", "Nota del editor:", "Aclaración:"
_LABEL = re.compile(
    r"""^\W{0,3}(?:
        corrections?(?:\s*(?:and|&)\s*clarifications?)? | clarifications? | editor['’]?s['’]?\s+note
      | note\s+to\s+readers
      | korrektur | berichtigung | richtigstellung | anmerkung\s+der\s+redaktion | hinweis\s+der\s+redaktion
      | in\s+einer\s+(?:fr[üu]heren|vorherigen|ersten)\s+version
      | rectificatifs? | correctifs? | erratum | note\s+de\s+la\s+r[ée]daction | pr[ée]cision
      | fe\s+de\s+erratas? | fe\s+de\s+errores | correcci[óo]n | rectificaci[óo]n | aclaraci[óo]n
      | nota\s+(?:del|de\s+la)\s+(?:editor|editora|redacci[óo]n)
    )\s*(?:\([^)]{0,40}\)\s*)?[:—–-]""",
    re.IGNORECASE | re.VERBOSE,
)
# the standard sentences, wherever they stand in the paragraph
_SENTENCE = re.compile(
    r"""\b(?:
        an?\s+(?:earlier|previous|prior)\s+version\s+of\s+this\s+(?:article|story|report|piece|post)
      | this\s+(?:article|story|report|piece|post)\s+(?:has\s+been|was)\s+(?:updated|corrected|amended|changed)
      | (?:we\s+have|we['’]ve|has\s+been)\s+(?:corrected|amended)\s+(?:this|the)\s+(?:article|story|report)
      | in\s+einer\s+(?:fr[üu]heren|vorherigen|ersten)\s+(?:version|fassung)\s+(?:dieses|des)\s+(?:artikels|textes|beitrags)
      | (?:dieser|der)\s+(?:artikel|text|beitrag)\s+wurde\s+(?:aktualisiert|korrigiert|berichtigt|ge[äa]ndert)
      | (?:wir\s+haben|haben\s+wir)\s+(?:den|diesen)\s+(?:fehler|artikel|text)\s+(?:korrigiert|berichtigt)
      | une\s+(?:pr[ée]c[ée]dente|premi[èe]re|ancienne)\s+version\s+de\s+cet\s+article
      | cet\s+article\s+a\s+[ée]t[ée]\s+(?:mis\s+[àa]\s+jour|corrig[ée]|modifi[ée]|actualis[ée])
      | una\s+versi[óo]n\s+(?:anterior|previa)\s+de\s+est[ea]\s+(?:art[íi]culo|nota|informaci[óo]n|noticia)
      | est[ea]\s+(?:art[íi]culo|nota|noticia)\s+(?:ha\s+sido|fue)\s+(?:actualizad[oa]|corregid[oa]|modificad[oa])
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)


# Every phrasing of _SENTENCE holds one of these (see watcher.wordcheck): most paragraphs hold none,
# and are spared the whole pattern. Keep in step with _SENTENCE (the tests check one example of
# each phrasing).
_SENTENCE_WORDS = ("versi", "fassung", "updated", "corrected", "amended", "changed", "wurde", "haben", "cet",
                   "actualizad", "corregid", "modificad")


@lru_cache(maxsize=4096)  # asked of a version's paragraphs when it is stored and again as the next one's predecessor
def is_note(paragraph: str) -> bool:
    """A paragraph that is a correction or update note (a label at its start, or the standard
    sentence in a paragraph of at most :data:`MAX_NOTE_WORDS` words)."""
    if not (_LABEL.match(paragraph) or may_match(paragraph, _SENTENCE_WORDS) and _SENTENCE.search(paragraph)):
        return False
    return len(paragraph.split()) <= MAX_NOTE_WORDS


def note_paragraphs(paragraphs: Iterable[str]) -> list[str]:
    """The notes among an article's paragraphs, in order, each once."""
    out: list[str] = []
    for p in paragraphs:
        if is_note(p) and p not in out:
            out.append(p)
    return out


def new_notes(notes: Sequence[str], before: Iterable[str]) -> list[str]:
    """Of a version's ``notes`` (its :func:`note_paragraphs`), those its previous version's paragraphs
    (``before``) did not carry: the correction events of that version (a note kept from an older
    edit is no new event)."""
    if not notes:
        return []
    old = set(note_paragraphs(before))
    return [p for p in notes if p not in old]


def in_note(sentence: str | None, notes: Iterable[str]) -> bool:
    """``sentence`` is part of one of ``notes`` (a claim finding on a note's own sentence)."""
    return bool(sentence) and any(sentence in n for n in notes)  # type: ignore[operator]


def demote(findings: list[Finding], notes: Sequence[str]) -> list[Finding]:
    """Findings on a note's own sentences as text changes: "An earlier version misstated the toll as
    250" is the outlet's word about an edit, not a claim of the article (the edit itself is alerted
    where the claim changed)."""
    if not notes:
        return findings
    return [replace(f, kind="text_changed", severity="info", explanation="correction or update note: "
                    + f.explanation) if f.is_claim and (in_note(f.after, notes) or in_note(f.before, notes)) else f
            for f in findings]
