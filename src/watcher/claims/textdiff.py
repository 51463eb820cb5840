"""Word-level text diff for reports and messages (diff-match-patch, edits snapped to whole words)."""

from __future__ import annotations

import re


def word_diff(old: str, new: str) -> list[tuple[int, str]]:
    """Word-level diff ops (-1 delete, 0 equal, 1 insert) with semantic cleanup (diff-match-patch)."""
    from diff_match_patch import diff_match_patch

    dmp = diff_match_patch()
    dmp.Diff_Timeout = 2.0
    # words → single characters, the line-mode trick applied to words, so edits snap to whole words
    tokens: list[str] = [""]
    index: dict[str, int] = {}

    def encode(text: str) -> str:
        out = []
        for w in _split_words(text):
            if w not in index:
                index[w] = len(tokens)
                tokens.append(w)
            out.append(chr(index[w]))
        return "".join(out)

    a, b = encode(old), encode(new)
    diffs = dmp.diff_main(a, b, False)
    dmp.diff_cleanupSemantic(diffs)
    return [(op, "".join(tokens[ord(ch)] for ch in chunk)) for op, chunk in diffs]


def _split_words(text: str) -> list[str]:
    return re.findall(r"\s+|\w+(?:[.,'’]\w+)*|[^\w\s]", text)
