"""Quoted words: what a source is quoted as saying, compared word by word.

"The minister said the plan was \"unworkable\"" → "… was \"difficult\"" keeps every figure, source
and hedge, yet quotes the minister saying something else. A quote cut or reworded is an altered
quote; a quote that only gains words ("This is a tragedy" → "This is a tragedy for our city")
shows more of what was said and changes nothing that was quoted before. Spelling corrections
inside a quote are left to the typo check, and quotation marks, case and punctuation are no words.
"""

from __future__ import annotations

import re

# every double quotation mark as one: a page re-rendered with straight quotes, or German „…“ whose
# closing mark is the English opening one, pairs its marks as before
_MARKS = str.maketrans({c: '"' for c in "“”„‟«»"})
_QUOTES = re.compile(r"\"\s*([^\"]{3,}?)\s*\"|‘([^’]{6,})’")
_INCHES = re.compile(r'(?<=\d)"')
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


def quotes(text: str | None) -> tuple[str, ...]:
    """The quoted passages of a sentence, spaces normalised. A quotation that runs over several
    sentences opens in one and closes in another: a mark left without its pair is closed at the
    sentence's end (an opening one: at the start or after a space) or opened at its start (a
    closing one)."""
    text = (text or "").translate(_MARKS)
    if text.count('"') % 2:
        text = _INCHES.sub("″", text, count=1)  # "a 12\" screen": an odd mark after a digit is inches
    if text.count('"') % 2:
        last = text.rfind('"')
        opening = (last == 0 or text[last - 1].isspace() or text[last - 1] in "([—–-") and \
            text[last + 1:].lstrip()[:1].isalnum()  # « Nous …, not … années »,
        text = text + '"' if opening else '"' + text
    return tuple(" ".join(next(g for g in m.groups() if g).split()) for m in _QUOTES.finditer(text))


def altered(before: str, after: str) -> tuple[list[str], list[str]] | None:
    """The quotes of ``before`` that ``after`` no longer quotes word for word (in order, words
    between allowed), with ``after``'s quotes; None when both sides quote nothing, one side quotes
    nothing (a quote paraphrased is the wording's business), or every old quote is still quoted."""
    old, new = quotes(before), quotes(after)
    if not old or not new:
        return None
    new_words = [_WORD.findall(q.casefold()) for q in new]
    gone = [q for q in old if not any(_within(ws_q := _WORD.findall(q.casefold()), ws) or _run_of(ws, ws_q)
                                      for ws in new_words)]
    return (gone, list(new)) if gone else None


def _run_of(part: list[str], whole: list[str]) -> bool:
    """``part`` is two or more words of ``whole`` in a row: a quote cut down to a phrase of itself
    ('"We are deeply saddened," the airline said' → 'said it was "deeply saddened"'). Words left
    out of the middle ("we will not raise taxes" → "we will raise taxes") make another quote."""
    n = len(part)
    return n >= 2 and any(whole[k:k + n] == part for k in range(len(whole) - n + 1))


def _within(words: list[str], longer: list[str]) -> bool:
    """``words`` appear in ``longer`` in order (others may stand between them)."""
    rest = iter(longer)
    return all(w in rest for w in words)
