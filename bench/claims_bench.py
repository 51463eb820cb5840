"""How long the claim comparison of one article pair takes (issue: < 20 ms for 60 sentences).

Three cases over a 60-sentence article built from the seeds:
* cold      — nothing cached: both versions segmented and parsed from scratch;
* typical   — the baseline analysed before (as in the service, where it is compared at every check)
              and the current version an edit of a few sentences (unchanged paragraphs hit the cache);
* rewrite   — baseline cached, every paragraph of the current version edited.
Also a 5,000-sentence article (no stage may be quadratic): must compare in under 2 s.

usage: python bench/claims_bench.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import watcher.claims.sentences as claims  # noqa: E402
from watcher.claims.compare import compare  # noqa: E402
from watcher.extract import load_baseline  # noqa: E402


def article(n_sentences: int, salt: str = "") -> list[str]:
    sents = [s for f in sorted((ROOT / "seeds").glob("*.txt")) for p in load_baseline(f).paragraphs
             for s in claims.split_sentences(p)]
    out, para = [], []
    for i in range(n_sentences):
        s = sents[i % len(sents)]
        para.append(s if i < len(sents) else f"{s[:-1]} (item {i}{salt}).")
        if len(para) == 3:
            out.append(" ".join(para))
            para = []
    return out + ([" ".join(para)] if para else [])


def timed(fn, repeat: int = 30) -> float:
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs) * 1000


def clear() -> None:
    claims.analyse.cache_clear()
    claims.split_sentences.cache_clear()


def main() -> int:
    base = article(60)
    edit = [p.replace("7,000", "11,000").replace("seems", "is") for p in base]
    edits = iter([[p.replace("7,000", f"{11 + k},000") for p in base] for k in range(100)])
    rewrite = [p.replace(".", " indeed.", 1) for p in base]

    def cold():
        clear()
        compare(base, edit)

    print(f"60 sentences, cold:    {timed(cold):6.1f} ms")
    clear()
    compare(base, base)
    print(f"60 sentences, typical: {timed(lambda: compare(base, next(edits))):6.1f} ms  "
          "(baseline cached, a sentence edited)")
    print(f"60 sentences, rewrite: {timed(lambda: (claims.split_sentences.cache_clear(), compare(base, rewrite)), 10):6.1f} ms")
    big = article(5000)
    big2 = [p.replace("7,000", "11,000") for p in big]
    clear()
    t = time.perf_counter()
    compare(big, big2)
    print(f"5,000 sentences, cold: {(time.perf_counter() - t) * 1000:6.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
