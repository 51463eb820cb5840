"""Timestamps are not claims: "Last updated 8:00 a.m.", "Stand: 01.10.2024", "mis à jour le 3 mai",
"3 hours ago" change at every edit of a live page, and alerting on them would bury real changes.

:func:`stamp_mentions` picks the dates and times a stamp cue introduces; the sentence keeps them in
its canonical form (so a moved stamp aligns with its old self) but its claim leaves them out.
"""

from __future__ import annotations

import re

from .numbers import Mention

_STAMP_CUE = re.compile(
    r"\b(?:as\s+(?:of|at)|(?:last|latest)\s+(?:updated?|modified|revised|edited)|updated|posted|published|"
    r"last\s+update|update[ds]?\s*:|update\s*,?(?=\s*\d)|stand(?:\s+vom|\s*:)|(?:zuletzt\s+)?aktualisiert(?:\s+am)?|"
    r"veröffentlicht(?:\s+am)?|mise?\s+à\s+jour(?:\s+le)?|publié(?:\s+le)?|actualizad[oa](?:\s+el)?|"
    r"última\s+actualización|publicad[oa](?:\s+el)?|aggiornat[oa](?:\s+il)?|atualizad[oa](?:\s+em)?|"
    r"bijgewerkt(?:\s+op)?)(?![\w])"
    r"|最終更新|更新日時|更新日|更新时间|更新|发布时间|发布|업데이트|입력|수정", re.IGNORECASE)  # CJK: no word boundaries
# a cue in running prose, after an auxiliary ("was published on", "had been updated on", "wurde …
# aktualisiert"), tells what happened to something the sentence is about: its date is a claim
_IN_PROSE = re.compile(r"\b(?:was|were|is|are|be|been|being|has|have|had|wurde|wurden|été|fue|fueron|sido)\s+"
                       r"(?:last\s+|first\s+|also\s+|only\s+|originally\s+)?$", re.IGNORECASE)
# … unless what it happened to is the page itself: "This article was last updated on March 3"
_OF_THE_PAGE = re.compile(r"\b(?:this|the)\s+(?:article|page|story|post|entry|site|website|content|piece|text|"
                          r"version|item|document|artikel|beitrag|seite|article|página|artículo|nota)\s+"
                          r"(?:\w+\s+){0,2}$", re.IGNORECASE)
_STAMP_KINDS = frozenset({"date", "time", "year"})
STAMP_FILLER = frozenset(
    "at on um am le el à a las den der de the on of um uhr h utc gmt cet cest et est edt ct cdt pt pst pdt bst "
    "mez mesz ist jst kst aest hrs hours ago vor il y hace minute minutes hour days day seconds stunde stunden "
    "minuten tag tagen sekunden heure heures jours minuten hora horas minutos días alle ore às om uur il em op monday tuesday wednesday thursday friday saturday sunday "
    "mon tue tues wed thu thur thurs fri sat sun montag dienstag mittwoch donnerstag freitag samstag sonntag lundi "
    "mardi mercredi jeudi vendredi samedi dimanche lunes martes miércoles jueves viernes sábado domingo".split())
_LETTER_WORDS = re.compile(r"[^\W\d_]+")


def in_prose(text: str, at: int) -> bool:
    """The stamp word at ``at`` tells, in running prose, what happened to something the sentence
    is about ("the report was published on March 3"), not when the page itself changed ("This
    article was last updated on March 3", "Updated March 3")."""
    before = text[max(0, at - 40): at]
    return bool(_IN_PROSE.search(before)) and not _OF_THE_PAGE.search(before)


def _gap_ok(gap: str) -> bool:
    """Between a stamp's cue and its date, or its date and its time: only punctuation and filler
    words ("on", "at", "um", weekdays)."""
    return len(gap) <= 30 and not any(c.isdigit() for c in gap) and all(
        w.lower() in STAMP_FILLER for w in _LETTER_WORDS.findall(gap))


def stamp_mentions(text: str, mentions: tuple[Mention, ...]) -> set[int]:
    """Indices of the mentions that are timestamps, not claim figures.

    A cue ("as of", "last updated", "Stand:", "mis à jour le", "actualizado") followed, through
    filler only, by a chain of dates and times: that chain; the date of a dateline opening the
    story ("NEW YORK, June 19, 2024 /PRNewswire/ --"). A bare date with no cue ("(21. November
    2022)" heading a news item) stays a figure: on real pages such lines are as often content
    (the date of the item listed) as furniture, and furniture is the cleaner's job."""
    idx = [i for i, m in enumerate(mentions) if m.kind in _STAMP_KINDS or _is_ago(text, m)]
    if not idx:
        return set()
    out: set[int] = set()
    if line := _DATELINE.match(text):
        # "NEW YORK, June 19, 2024 /PRNewswire/ -- …", "BERLIN, 19. Juni (dpa) – …": the release's
        # dateline dates the page, as "Updated" does
        dated = [i for i in idx if line.start("when") <= mentions[i].start and mentions[i].end <= line.end("when")]
        if any(mentions[i].kind == "date" for i in dated):
            out.update(dated)
    for cue in _STAMP_CUE.finditer(text):
        if in_prose(text, cue.start()):
            continue  # "the report was published on March 3": a claim about the report, not a stamp
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


# a wire's or a release's dateline opening the story: a place in capitals or capitalised words,
# its date, the service's name between slashes or in brackets, and a dash. Without the service's
# name ("Düsseldorf, 22. November 2022 - …") the date is the story's own, a figure like any other
_DATELINE = re.compile(r"^\W{0,3}(?:[A-ZÀ-Þ][\w.'’-]*(?:\s+[A-ZÀ-Þ][\w.'’-]*){0,3},\s*){1,2}"
                       r"(?P<when>[^/()\n]{4,40}?)\s*(?:/[^/\n]{2,30}/|\([^)\n]{2,30}\))\s*(?:--|—|–|-)\s")


def _is_ago(text: str, m: Mention) -> bool:
    """ "3 hours ago", "vor 3 Stunden", "il y a 3 heures", "hace 3 horas": a relative stamp."""
    return m.kind == "duration" and bool(_AGO_AFTER.match(text, m.end) or _AGO_BEFORE.search(text[:m.start]))


_AGO_AFTER = re.compile(r"\s*(?:[^\W\d_]+\s+)?ago\b", re.IGNORECASE)
_AGO_BEFORE = re.compile(r"\b(?:vor|il\s+y\s+a|hace)\s*$", re.IGNORECASE)
