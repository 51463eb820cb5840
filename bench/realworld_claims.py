"""Claim alerts on real markup: edit a figure inside an annotated snippet of a real page.

For every page of ../shared/realworld-dev/ and every annotated snippet that holds a number and
occurs literally in the HTML, make a second version of the page with that number changed:
inside a main-text (`with`) snippet an alert is due; inside a boilerplate (`without`) snippet
none is. Both versions go through the real extraction, cleaning, fault check and comparison.

An alert on a main-text edit counts once more when it *shows* the edit: both the old and the new
figure appear in its explanation or changes (what the analyst needs to act on it).

Halves: the pages are split in two fixed halves by a hash of the page's file name — half A when
the first hex digit of sha1(file name) is even, half B when it is odd — so a rule tuned on one half
can be checked on the other, and the split never changes when pages are added.

usage: python bench/realworld_claims.py [--show] [--half A|B]
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "realworld-dev"
NUM = re.compile(r"\d+")
HALVES = ("A", "B")
THOUSANDS = re.compile(r"(?<=\d)[,\u202f\u00a0 ](?=\d{3}(?!\d))")
FIGURE = re.compile(r"\d(?:[\d,.\u202f\u00a0]*\d)?")  # a whole figure as written: 8,000 or 3.5


def half_of(file_name: str) -> str:
    """``A`` if the first hex digit of sha1(file name) is even, else ``B`` (a fixed, content-blind split)."""
    return "A" if int(hashlib.sha1(file_name.encode("utf-8")).hexdigest()[0], 16) % 2 == 0 else "B"


def _bumped(n: str) -> str:
    return str(int(n) + 1) if len(n) < 2 or n[0] == "0" else n[::-1] if n[::-1] != n and n[-1] != "0" else str(int(n) + 1)


def bump(snippet: str) -> str | None:
    """The snippet with its first number changed (7 → 8, 2019 → 2020, 45 → 54)."""
    m = NUM.search(snippet)
    if not m:
        return None
    return snippet[: m.start()] + _bumped(m.group(0)) + snippet[m.end():]


def edited_figures(snippet: str) -> tuple[str, str]:
    """The whole figure :func:`bump` edits, before and after, without thousands separators: the
    digits bumped in ``8,000`` are ``8``, but the analyst reads (and the alert shows) 8,000 → 9,000."""
    m = NUM.search(snippet)
    old = FIGURE.match(snippet, m.start()).group(0)
    new = FIGURE.match(bump(snippet), m.start()).group(0)
    return THOUSANDS.sub("", old), THOUSANDS.sub("", new)


def shows_edit(finding, old: str, new: str) -> bool:
    """Whether the alert names both figures (compared without thousands separators)."""
    hay = THOUSANDS.sub("", " ".join([finding.explanation or "", json.dumps(finding.changes, default=str)]))
    return all(re.search(rf"(?<![\d.]){re.escape(x)}(?![\d]|\.\d)", hay) for x in (old, new))


def cases(half: str | None = None) -> Iterator[tuple[str, str, str, bytes, bytes]]:
    """(file, side, snippet, page, edited page) for every usable snippet, of one half or all pages."""
    data = json.loads((DATA / "evaldata.json").read_text())
    for d in data.values():
        if half is not None and half_of(d["file"]) != half:
            continue
        raw = (DATA / "pages" / d["file"]).read_bytes()
        text = raw.decode("utf-8", errors="replace")
        for side in ("with", "without"):
            for s in d.get(side, []):
                if not NUM.search(s):
                    continue
                for form in (s, html.escape(s, quote=False)):
                    if text.count(form) == 1:
                        changed = bump(form)
                        yield d["file"], side, s, raw, text.replace(form, changed).encode("utf-8")
                        break


def evaluate(show: bool = False, half: str | None = None) -> dict:
    """Counts over all pages, or over one half (``"A"``/``"B"``, see :func:`half_of`)."""
    if half is not None and half not in HALVES:
        raise ValueError(f"half must be one of {HALVES}, not {half!r}")
    sys.path.insert(0, str(ROOT / "src"))
    import watcher.extract.faults as faults
    from watcher.claims.compare import compare
    from watcher.extract import extract

    tp = fn = fp = tn = shown = 0
    fails = []
    for name, side, snippet, a, b in cases(half):
        d1, d2 = extract(a), extract(b)
        warn = faults.assess(d2, d1)
        found = [] if warn else [f for f in compare(d1.paragraphs, d2.paragraphs) if f.is_claim]
        if side == "with":
            if found:
                tp += 1
                old, new = edited_figures(snippet)
                if any(shows_edit(f, old, new) for f in found):
                    shown += 1
                else:
                    fails.append(("unshown", name, f"{snippet}  ({old} -> {new})  =>  {found[0].explanation}"))
            else:
                fn += 1
                fails.append(("missed", name, snippet))
        elif found:
            fp += 1
            fails.append(("false", name, snippet + "  =>  " + found[0].explanation))
        else:
            tn += 1
    if show:
        for f in fails:
            print(*f, sep=" | ")
    return {"half": half, "tp": tp, "fn": fn, "fp": fp, "tn": tn, "shown": shown,
            "recall": tp / max(1, tp + fn), "shown_recall": shown / max(1, tp + fn),
            "false_alert_rate": fp / max(1, fp + tn), "failures": fails}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--half", choices=HALVES, help="only the pages of this half (sha1 of the file name)")
    args = ap.parse_args()
    t = time.time()
    r = evaluate(args.show, args.half)
    print(f"{'half ' + args.half + ': ' if args.half else ''}"
          f"figure edited in main text: alerted {r['tp']}/{r['tp'] + r['fn']} (recall {r['recall']:.1%}), "
          f"with both figures shown {r['shown']} ({r['shown_recall']:.1%}); "
          f"in boilerplate: false alerts {r['fp']}/{r['fp'] + r['tn']} ({r['false_alert_rate']:.1%}); "
          f"{time.time() - t:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
