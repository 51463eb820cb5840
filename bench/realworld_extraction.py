"""Measure extraction + cleaning on the real pages of ../shared/realworld-dev/.

For each page: share of `with` snippets (main text) kept and of `without` snippets (boilerplate)
dropped, by our pipeline (`watcher.extract.html.extract`) and, for reference, by trafilatura's defaults.
Snippets containing a digit are reported separately: they are where a changed figure in
boilerplate would become a false claim alert, or a changed figure in the body a missed one.
Each line is followed by the same figures for half A and half B of the pages (the fixed split of
bench/realworld_claims.py, by the sha1 of the file name): a rule that helps one half and hurts the
other is tuned to the pages, not to the web.

usage: python bench/realworld_extraction.py [--limit N] [--show] [--baseline]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "realworld-dev"


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("\u00a0", " ")).strip().casefold()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--show", action="store_true", help="print failing snippets")
    ap.add_argument("--baseline", action="store_true", help="also score trafilatura defaults")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    import trafilatura

    from watcher.extract import decode, extract

    sys.path.insert(0, str(ROOT / "bench"))
    from realworld_claims import half_of

    data = json.loads((DATA / "evaldata.json").read_text())
    items = list(data.items())[: args.limit or None]
    # per extractor, scope (all pages, half A, half B) and side: [right, total, right with digits, total with digits]
    tot = {(who, scope): {"with": [0, 0, 0, 0], "without": [0, 0, 0, 0]}
           for who in ("ours", "traf") for scope in ("all", "A", "B")}
    t0 = time.time()
    for _url, d in items:
        raw = (DATA / "pages" / d["file"]).read_bytes()
        texts = {"ours": norm(extract(raw).text)}
        if args.baseline:
            texts["traf"] = norm(trafilatura.extract(decode(raw)) or "")
        for who, text in texts.items():
            for side, label in (("with", "MISSED"), ("without", "LEAKED")):
                for s in d.get(side, []):
                    ok = (norm(s) in text) == (side == "with")
                    digit = any(c.isdigit() for c in s)
                    for scope in ("all", half_of(d["file"])):
                        t = tot[who, scope][side]
                        t[0], t[1], t[2], t[3] = t[0] + ok, t[1] + 1, t[2] + (ok and digit), t[3] + digit
                    if not ok and args.show and who == "ours":
                        print(f"{label}  {d['file']}: {s[:90]}")
    for (who, scope), sides in tot.items():
        w, wo = sides["with"], sides["without"]
        if w[1]:
            name = who if scope == "all" else f"  {scope}"
            print(f"{name:5s} main text kept {w[0]}/{w[1]} = {w[0] / w[1]:.1%} (with digits {w[2]}/{w[3]})  "
                  f"boilerplate dropped {wo[0]}/{wo[1]} = {wo[0] / wo[1]:.1%} (with digits {wo[2]}/{wo[3]})")
    print(f"{len(items)} pages in {time.time() - t0:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
