"""Measure extraction + cleaning on the real pages of ../shared/realworld-dev/.

For each page: share of `with` snippets (main text) kept and of `without` snippets (boilerplate)
dropped, by our pipeline (`watcher.extract.extract`) and, for reference, by trafilatura's defaults.
Snippets containing a digit are reported separately: they are where a changed figure in
boilerplate would become a false claim alert, or a changed figure in the body a missed one.

usage: python bench/realworld_extraction.py [--limit N] [--show]
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

    data = json.loads((DATA / "evaldata.json").read_text())
    items = list(data.items())[: args.limit or None]
    tot = {"ours": [0, 0, 0, 0, 0, 0, 0, 0], "traf": [0, 0, 0, 0, 0, 0, 0, 0]}
    t0 = time.time()
    for _url, d in items:
        raw = (DATA / "pages" / d["file"]).read_bytes()
        doc = extract(raw)
        texts = {"ours": norm(doc.text)}
        if args.baseline:
            texts["traf"] = norm(trafilatura.extract(decode(raw)) or "")
        for who, text in texts.items():
            t = tot[who]
            for s in d.get("with", []):
                digit = any(c.isdigit() for c in s)
                ok = norm(s) in text
                t[0] += ok
                t[1] += 1
                if digit:
                    t[4] += ok
                    t[5] += 1
                if not ok and args.show and who == "ours":
                    print(f"MISSED  {d['file']}: {s[:90]}")
            for s in d.get("without", []):
                digit = any(c.isdigit() for c in s)
                ok = norm(s) not in text
                t[2] += ok
                t[3] += 1
                if digit:
                    t[6] += ok
                    t[7] += 1
                if not ok and args.show and who == "ours":
                    print(f"LEAKED  {d['file']}: {s[:90]}")
    for who, t in tot.items():
        if not t[1]:
            continue
        print(f"{who:5s} main text kept {t[0]}/{t[1]} = {t[0] / t[1]:.1%} (with digits {t[4]}/{t[5]})  "
              f"boilerplate dropped {t[2]}/{t[3]} = {t[2] / t[3]:.1%} (with digits {t[6]}/{t[7]})")
    print(f"{len(items)} pages in {time.time() - t0:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
