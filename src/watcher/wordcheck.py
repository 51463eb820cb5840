"""A quick word check before a case-insensitive regular expression.

Python's ``re`` has no literal prefix to look for in a pattern of alternatives, so a
case-insensitive search tries each alternative at every position of the text: ~7 µs for a link,
~10 µs for a paragraph. When every match of the pattern holds one of a few ASCII words, ``in`` on
the lowered text rules out the texts that hold none of them — most texts — in well under a
microsecond. The rules that use it (share links, cookie notices, correction notes) ask it first
and the pattern only when it says the text may match; their tests hold that this never changes
what the pattern finds.
"""

from __future__ import annotations

# The only characters that case-insensitive matching takes for an ASCII letter although ``lower()``
# does not turn them into it: dotted capital I and dotless i (for i), long s (for s), the Kelvin
# sign (for k). The tests recompute this list from every Unicode character.
ODD_FOLDS = ("\u0130", "\u0131", "\u017f", "\u212a")


def may_match(text: str, words: tuple[str, ...]) -> bool:
    """False only where a case-insensitive pattern whose every match holds one of ``words`` (ASCII,
    in lower case) cannot match ``text``. Exact: ``lower()`` folds every other character as the
    pattern does, and a text holding one of :data:`ODD_FOLDS` is left to the pattern."""
    if not text.isascii() and any(c in text for c in ODD_FOLDS):
        return True
    low = text.lower()
    return any(w in low for w in words)
