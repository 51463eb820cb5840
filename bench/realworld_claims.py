"""Claim alerts on real markup: edit a figure inside an annotated snippet of a real page.

For every page of ../shared/realworld-dev/ and every annotated snippet that holds a number and
occurs literally in the HTML, make a second version of the page with that number changed:
inside a main-text (`with`) snippet an alert is due; inside a boilerplate (`without`) snippet
none is. Both versions go through the real extraction, cleaning, fault check and comparison.

usage: python bench/realworld_claims.py [--show]
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "realworld-dev"
NUM = re.compile(r"\d+")


def bump(snippet: str) -> str | None:
    """The snippet with its first number changed (7 → 8, 2019 → 2020, 45 → 54)."""
    m = NUM.search(snippet)
    if not m:
        return None
    n = m.group(0)
    new = str(int(n) + 1) if len(n) < 2 or n[0] == "0" else n[::-1] if n[::-1] != n and n[-1] != "0" else str(int(n) + 1)
    return snippet[: m.start()] + new + snippet[m.end():]


def cases():
    data = json.loads((DATA / "evaldata.json").read_text())
    for d in data.values():
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


def evaluate(show: bool = False) -> dict:
    sys.path.insert(0, str(ROOT / "src"))
    from watcher import faults
    from watcher.compare import compare
    from watcher.extract import extract

    tp = fn = fp = tn = 0
    fails = []
    for name, side, snippet, a, b in cases():
        d1, d2 = extract(a), extract(b)
        warn = faults.assess(d2, d1)
        found = [] if warn else [f for f in compare(d1.paragraphs, d2.paragraphs) if f.is_claim]
        if side == "with":
            if found:
                tp += 1
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
    return {"tp": tp, "fn": fn, "fp": fp, "tn": tn, "recall": tp / max(1, tp + fn),
            "false_alert_rate": fp / max(1, fp + tn), "failures": fails}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", action="store_true")
    t = time.time()
    r = evaluate(ap.parse_args().show)
    print(f"figure edited in main text: alerted {r['tp']}/{r['tp'] + r['fn']} (recall {r['recall']:.1%}); "
          f"in boilerplate: false alerts {r['fp']}/{r['fp'] + r['tn']} ({r['false_alert_rate']:.1%}); "
          f"{time.time() - t:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
