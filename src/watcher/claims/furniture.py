"""Which unpaired blocks of an aligned pair of versions are page furniture, not claims.

Evidence from the versions themselves: blocks that rotate at one place while the article around
them stays (teasers, promos), lines re-cut into sentences another way (still on the page),
where the baseline is a seed, blocks beyond the seed's ends; and lines today's line rules call
furniture that only one side holds (a baseline stored before such a rule existed).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict

from ..extract.clean import ends_sentence, is_furniture_line, is_headline
from .align import Alignment
from .sentences import Sentence

TAIL_BLURB_WORDS = 60  # rotating teaser blurbs are short; an article's closing paragraph usually is not


def stale_lines(base_paras: list[str], cur_paras: list[str]) -> tuple[list[str], list[str]]:
    """Both versions without the lines today's line rules call page furniture that one side has and
    the other lacks. A baseline is stored once, cleaned by the rules of its day: a rule added since
    (a comment counter, a copyright line) keeps its lines out of every new version, and comparing
    would alert on each page at the first check after an upgrade. (A version cleaned today holds
    no such line; text compared as it is — a seed, a test — gets the same reading both ways.)"""
    base, cur = set(base_paras), set(cur_paras)
    return ([p for p in base_paras if p in cur or not is_furniture_line(p)],
            [p for p in cur_paras if p in base or not is_furniture_line(p)])


def _gaps(al: Alignment, n_base: int) -> tuple[dict[int, int], dict[int, int]]:
    """For each unpaired paragraph, the gap it sits in, named by the current-side paragraph of the
    nearest paired paragraph above it (-1 above the first): a block that left the baseline and a
    block that came in the current version at the same place share a gap."""
    anchor = {s.paragraph: c.paragraph for p in al.pairs for s in p.base for c in p.cur[:1]}
    paired_c = sorted({s.paragraph for p in al.pairs for s in p.cur})
    gap_b: dict[int, int] = {}
    last = -1
    for i in range(n_base):
        if i in anchor:
            last = anchor[i]
        else:
            gap_b[i] = last
    gap_c: dict[int, int] = {}
    for s in al.added:
        k = bisect_left(paired_c, s.paragraph)
        gap_c[s.paragraph] = paired_c[k - 1] if k else -1
    return gap_b, gap_c


def rotating_blocks(al: Alignment, base_paras: list[str], cur_paras: list[str]) -> tuple[set[int], set[int]]:
    """Paragraphs that came and went while the article around them stayed: page furniture (teasers,
    "more stories", promos) that slipped through extraction, wherever it sits.

    In one gap between paragraphs both versions share, the baseline lost short blocks and the
    current version gained short blocks that pair with nothing: a rotation, not an edit. After the
    article's last shared paragraph any such swap counts (a rotating tail); inside the article it
    takes a swap of two or more blocks on each side, or of lines that are not sentences (headline
    cards), so a replaced sentence is still compared. Returns (baseline, current) paragraph indices.
    """
    paired_b = {s.paragraph for p in al.pairs for s in p.base}
    paired_c = {s.paragraph for p in al.pairs for s in p.cur}
    if len(paired_b) < 3:
        return set(), set()
    removed = {s.paragraph for s in al.removed}
    added = {s.paragraph for s in al.added}
    gap_b, gap_c = _gaps(al, len(base_paras))
    by_gap: dict[int, tuple[set[int], set[int]]] = defaultdict(lambda: (set(), set()))
    for i in removed:
        by_gap[gap_b.get(i, -2)][0].add(i)
    for j in added:
        by_gap[gap_c.get(j, -2)][1].add(j)
    out_b, out_c = _rotating_tail(base_paras, cur_paras, paired_b, paired_c, removed, added)
    last_c = max(paired_c)
    for gap, (bs, cs) in by_gap.items():
        if not bs or not cs or gap == -2:
            continue
        if any(i in paired_b for i in bs) or any(j in paired_c for j in cs):
            continue  # part of the block is still compared sentence by sentence: an edit
        blocks = [base_paras[i] for i in bs] + [cur_paras[j] for j in cs]
        if any(len(b.split()) > TAIL_BLURB_WORDS for b in blocks):
            continue
        if gap >= last_c or (len(bs) >= 2 and len(cs) >= 2) or not any(ends_sentence(b) for b in blocks):
            out_b |= bs
            out_c |= cs
    return out_b, out_c


def _rotating_tail(base_paras: list[str], cur_paras: list[str], paired_b: set[int], paired_c: set[int],
                   removed: set[int], added: set[int]) -> tuple[set[int], set[int]]:
    """The page's tail: the trailing run of short blocks (unpaired, or paired and short: teasers that
    stayed while others rotated around them), below a substantial article. When the baseline's
    tail lost blocks and the current tail gained blocks, all short, they are a rotation. (Blocks
    after the last shared paragraph are handled as a gap; this covers teasers that stayed.)"""
    def zone(paras: list[str], paired: set[int]) -> set[int]:
        start = len(paras)
        while start > 0 and len(paras[start - 1].split()) <= TAIL_BLURB_WORDS:
            start -= 1
        if sum(1 for i in paired if i < start) < 3:
            return set()  # no substantial article above the run: the run is the article
        return set(range(start, len(paras)))

    zb = zone(base_paras, paired_b) & (removed - paired_b)
    zc = zone(cur_paras, paired_c) & (added - paired_c)
    if not zb or not zc:
        return set(), set()
    return zb, zc


def moved_text(al: Alignment, base: list[Sentence], cur: list[Sentence]) -> tuple[set[int], set[int]]:
    """Unpaired sentences whose words are still there on the other side: the same lines cut into
    sentences another way (``<br>`` text turned into list items or table rows, paragraphs merged or
    split). Returns ids of removed and added sentences to leave out of the claim comparison."""
    if not al.removed and not al.added:
        return set(), set()
    joined_b = " " + " ".join(s.canonical for s in base) + " "
    joined_c = " " + " ".join(s.canonical for s in cur) + " "
    gone = {id(s) for s in al.removed if len(s.canonical) >= 8 and f" {s.canonical} " in joined_c}
    came = {id(s) for s in al.added if len(s.canonical) >= 8 and f" {s.canonical} " in joined_b}
    return gone, came


TEASER_HEAD_WORDS = 8


def outside_seed(al: Alignment, cur_paras: list[str]) -> set[int]:
    """Current paragraphs outside the article as a seed bounds it.

    A seed is the article as someone saved it: its first and last paragraphs say where the text
    starts and ends. Unpaired blocks above the first or below the last paragraph the page shares
    with the seed are page furniture when they come with headline lines (a label, an inlined next
    article's headline and blurb): from the first such line to the end, or from the top to the last
    such line. Sentences alone there — an update or a new closing paragraph — stay the article's.
    """
    def is_heading(p: str) -> bool:  # teaser headlines may end in a period ("The Pentagon can't pass an audit. Again.")
        return is_headline(p) or len(p.split()) <= TEASER_HEAD_WORDS

    paired_c = sorted({s.paragraph for p in al.pairs for s in p.cur})
    if len(paired_c) < 3:
        return set()
    out: set[int] = set()
    tail = [j for j in range(paired_c[-1] + 1, len(cur_paras))]
    heads = [j for j in tail if is_heading(cur_paras[j])]
    if heads:
        out.update(j for j in tail if j >= heads[0])
    lead = [j for j in range(paired_c[0])]
    heads = [j for j in lead if is_heading(cur_paras[j])]
    if heads:
        out.update(j for j in lead if j <= heads[-1])
    return out


