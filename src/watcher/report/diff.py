"""A diff between two versions of a source: the claim findings (figures first) and a
paragraph-level diff with word-level changes inside. The data every report format renders —
kept apart from the formats, so the pages that render it can import it without a cycle.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import kinds
from ..claims import Finding, word_diff
from ..claims.compare import compare
from ..store import Version

CLAIM_ORDER = kinds.ORDER


@dataclass(frozen=True)
class DiffReport:
    source: str
    old: Version
    new: Version
    findings: list[Finding]
    paragraphs: list[tuple[str, list[tuple[int, str]]]]  # ("same"|"changed"|"added"|"removed", ops)
    show_ignored: bool = False  # also list the blocks the new version's extraction left out, and why


def build(source: str, old: Version, new: Version, show_ignored: bool = False) -> DiffReport:
    findings = sorted(compare(old.paragraphs, new.paragraphs), key=lambda f: CLAIM_ORDER.get(f.kind, 9))
    return DiffReport(source, old, new, findings, paragraph_diff(old.paragraphs, new.paragraphs), show_ignored)


def endpoints(versions: list[Version], from_number: int | None, to_number: int | None
              ) -> tuple[Version | None, Version | None]:
    """The two versions a diff compares (``versions`` oldest first, not empty): ``from_number`` or the
    current baseline, ``to_number`` or the latest. None for a number the source has no version of."""
    by_num = {v.number: v for v in versions}
    base = next((v for v in reversed(versions) if v.is_baseline), versions[0])
    old = by_num.get(from_number) if from_number is not None else base
    new = by_num.get(to_number) if to_number is not None else versions[-1]
    return old, new


def to_json(r: DiffReport) -> dict:
    """The JSON form of a diff (``watcher diff --format json``, the API's diff): claim changes, other
    text changes, the changed paragraphs with their word operations, and on request the ignored blocks."""
    doc: dict = {
        "source": r.source, "from": r.old.number, "to": r.new.number,
        "claims": [{"kind": f.kind, "severity": f.severity, "before": f.before, "after": f.after,
                    "explanation": f.explanation, "changes": list(f.changes)} for f in r.findings if f.is_claim],
        "text_changes": [{"kind": f.kind, "before": f.before, "after": f.after} for f in r.findings
                         if not f.is_claim],
        "paragraphs": [{"status": s, "ops": ops} for s, ops in r.paragraphs if s != "same"],
    }
    if r.show_ignored:
        doc["ignored"] = [{"text": t, "reason": why} for t, why in r.new.ignored]
    return doc


def paragraph_diff(old: tuple[str, ...], new: tuple[str, ...]) -> list[tuple[str, list[tuple[int, str]]]]:
    """Paragraph-level alignment (diff-match-patch on paragraph lines), then word diffs inside."""
    from diff_match_patch import diff_match_patch

    dmp = diff_match_patch()
    a, b, lines = dmp.diff_linesToChars("\n".join(old) + "\n", "\n".join(new) + "\n")
    diffs = dmp.diff_main(a, b, False)
    dmp.diff_charsToLines(diffs, lines)
    out: list[tuple[str, list[tuple[int, str]]]] = []
    pending_del: list[str] = []
    for op, chunk in diffs:
        paras = [p for p in chunk.split("\n") if p]
        if op == 0:
            out += [("removed", [(-1, p)]) for p in pending_del]
            pending_del = []
            out += [("same", [(0, p)]) for p in paras]
        elif op == -1:
            pending_del += paras
        else:
            for p in paras:
                if pending_del:
                    out.append(("changed", word_diff(pending_del.pop(0), p)))
                else:
                    out.append(("added", [(1, p)]))
    out += [("removed", [(-1, p)]) for p in pending_del]
    return out


