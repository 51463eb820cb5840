"""How a change to the claim engine reads the real pages' sentences differently: a sceptic's diff.

The benches that score alerts (bench/realworld_claims.py, bench/realworld_edits.py) only see the
sentences they edit. A new attribution pattern or figure rule also changes how every other sentence
is read — a place name taken for a source, a volume number taken for a ratio — and such a reading
is a false alert waiting for the next harmless edit of that sentence. This bench reads every
sentence of the main text of ../shared/realworld-dev/ (extracted by the working tree's code) with
the claim engine of the working tree and with that of another revision, and prints each sentence
whose sources, figures (with their values), hedges, negations, direction (rising and falling
words beside figures) or outcomes (killed, injured, arrested…) are read differently, by half (the fixed split of
bench/realworld_claims.py). Read the list: each line should be a better reading, never a worse one.

usage: python bench/realworld_readings.py --base REV [--kinds sources,figures,hedges,negations,direction,outcomes] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "realworld-dev"
KINDS = ("sources", "figures", "hedges", "negations", "direction", "outcomes")


def sentences_of_pages() -> dict[str, str]:
    """Every sentence of every page's extracted main text → the page's half ("A" or "B")."""
    sys.path.insert(0, str(ROOT / "src"))
    sys.path.insert(0, str(ROOT / "bench"))
    from realworld_claims import half_of

    from watcher.claims.sentences import split_sentences
    from watcher.extract import extract

    out: dict[str, str] = {}
    for d in json.loads((DATA / "evaldata.json").read_text()).values():
        doc = extract((DATA / "pages" / d["file"]).read_bytes())
        for p in doc.paragraphs:
            for s in split_sentences(p):
                out.setdefault(s, half_of(d["file"]))
    return out


def readings(src: Path, texts: list[str]) -> list[dict[str, list]]:
    """How the claim engine under ``src`` reads each text (run in a process of its own, so that two
    revisions' modules never meet)."""
    code = ("import json, sys; sys.path.insert(0, sys.argv[1]);"
            "from watcher.claims.sentences import analyse;"
            "out = [];"
            "[out.append({'sources': sorted(a.claim.attribution),"
            " 'figures': [[m.text, m.kind, m.value] for m in a.claim.mentions],"
            " 'hedges': sorted(a.claim.hedges), 'negations': [a.claim.negations],"
            " 'direction': (list(getattr(a.claim, 'direction', ())) + [0, 0, 0])[:3],"
            " 'outcomes': sorted(getattr(a.claim, 'outcomes', ()))})"
            " for a in (analyse(t) for t in json.load(sys.stdin))];"
            "json.dump(out, sys.stdout)")
    run = subprocess.run([sys.executable, "-c", code, str(src)], input=json.dumps(texts), capture_output=True,
                         text=True, check=True)
    return json.loads(run.stdout)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", required=True, help="the revision to compare the working tree's reading with")
    ap.add_argument("--kinds", default=",".join(KINDS))
    ap.add_argument("--limit", type=int, default=0, help="print at most N sentences per kind")
    args = ap.parse_args()
    kinds = [k for k in args.kinds.split(",") if k in KINDS]
    halves = sentences_of_pages()
    texts = list(halves)
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.base, "src"], capture_output=True,
                                 check=True).stdout
        Path(tmp, "src.tar").write_bytes(archive)
        with tarfile.open(Path(tmp, "src.tar")) as tar:
            tar.extractall(tmp, filter="data")
        before = readings(Path(tmp, "src"), texts)
    after = readings(ROOT / "src", texts)
    print(f"{len(texts)} sentences of the real pages' main text, read at {args.base} and in the working tree")
    for kind in kinds:
        changed = [(t, b[kind], a[kind]) for t, b, a in zip(texts, before, after, strict=True) if b[kind] != a[kind]]
        per_half = {h: sum(1 for t, _, _ in changed if halves[t] == h) for h in ("A", "B")}
        print(f"\n{kind}: read differently in {len(changed)} (half A {per_half['A']}, half B {per_half['B']})")
        for t, b, a in changed[: args.limit or None]:
            print(f"  [{halves[t]}] {b} → {a}\n      {t[:160]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
