"""Order-free alignment of two versions' sentences, in six passes that each say what they do.

NewsEdits (NAACL 2022) found lexical alignment as good as embeddings: identical canonical
sentences pair first, so moved paragraphs and reformatted numbers cost nothing; then merges and
splits (one sentence ↔ two adjacent ones); then fuzzy one-to-one pairs (rapidfuzz on the sentence
with its figures masked, so "7,000" → "11,000" still pairs); then a leftover on each side claiming
exactly the same (a sentence reworded too freely to look alike); then one sentence and a run of
adjacent ones on the other side holding exactly its figures (a merge or a split rewritten too freely
to look alike); last, a leftover sentence of a
pair's paragraph joins it when it holds only figures the pair lost (a split rewritten too freely
to look alike).
"""

from __future__ import annotations

from collections import Counter, defaultdict, deque
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from ..extract.clean import ends_sentence
from . import outcomes
from .sentences import Sentence

FUZZY_MIN = 62.0  # masked-sentence similarity to pair an edited sentence with its original
MERGE_MIN = 86.0  # similarity of a sentence with two adjacent ones joined, to call it a split/merge
MERGE_MIN_WORDS = 4  # each of the two is a sentence, not a label
# the words two sentences claiming the same must share, to be one reworded: "sales rose # in # and
# profits climbed #" / "in # sales were up # while profits grew #" share 68; "# people died" / "the
# company hired # engineers" (the same figure, another claim) 33
SAME_CLAIM_MIN = 50.0


@dataclass
class Pair:
    base: list[Sentence]
    cur: list[Sentence]
    score: float = 100.0


@dataclass
class Alignment:
    pairs: list[Pair] = field(default_factory=list)
    removed: list[Sentence] = field(default_factory=list)
    added: list[Sentence] = field(default_factory=list)


def _score(a: str, b: str, **_: object) -> float:
    return max(fuzz.ratio(a, b), fuzz.token_sort_ratio(a, b))


def align(base: list[Sentence], cur: list[Sentence]) -> Alignment:
    """Order-free alignment: exact canonical → merges/splits → fuzzy one-to-one → same claims →
    figures moved."""
    out = Alignment()
    rest_b, rest_c = _exact(base, cur, out)
    if rest_b and rest_c:
        rest_b, rest_c = _merges(base, cur, rest_b, rest_c, out)
    if rest_b and rest_c:
        rest_b, rest_c = _fuzzy(base, cur, rest_b, rest_c, out)
    if rest_b and rest_c:
        rest_b, rest_c = _same_claims(base, cur, rest_b, rest_c, out)
    if rest_b and rest_c:
        rest_b, rest_c = _merged_claims(base, cur, rest_b, rest_c, out)
    if (rest_b or rest_c) and out.pairs:
        rest_b, rest_c = _figures_moved(base, cur, rest_b, rest_c, out)
    out.removed = [base[i] for i in rest_b]
    out.added = [cur[j] for j in rest_c]
    return out


def _exact(base: list[Sentence], cur: list[Sentence], out: Alignment) -> tuple[list[int], list[int]]:
    """Pair sentences with the same canonical form; return the indices left on each side."""
    by_canon: dict[str, deque[int]] = defaultdict(deque)
    for j, c in enumerate(cur):
        by_canon[c.canonical].append(j)
    used_c: set[int] = set()
    rest_b: list[int] = []
    for i, b in enumerate(base):
        q = by_canon.get(b.canonical)
        if q:
            j = q.popleft()
            used_c.add(j)
            out.pairs.append(Pair([b], [cur[j]]))
        else:
            rest_b.append(i)
    return rest_b, [j for j in range(len(cur)) if j not in used_c]


def _merges(base: list[Sentence], cur: list[Sentence], rest_b: list[int], rest_c: list[int],
            out: Alignment) -> tuple[list[int], list[int]]:
    """One sentence against two adjacent leftovers of the other side joined (a split or a merge)."""
    done_b: set[int] = set()
    done_c: set[int] = set()
    for one, many, one_side_is_base in ((rest_b, rest_c, True), (rest_c, rest_b, False)):
        seq = cur if one_side_is_base else base
        other = base if one_side_is_base else cur
        # two sentences, not a label and a sentence: "Related coverage" or a list's heading ("4. What
        # the numbers show") above a sentence is no half of it
        joined = [(many[k], many[k + 1]) for k in range(len(many) - 1) if many[k + 1] == many[k] + 1
                  and _is_sentence(seq[many[k]]) and _is_sentence(seq[many[k + 1]])]
        if not joined:
            continue
        choices = [f"{seq[a].masked} {seq[b].masked}" for a, b in joined]
        for i in one:
            if (i in done_b) if one_side_is_base else (i in done_c):
                continue
            best = process.extractOne(other[i].masked, choices, scorer=fuzz.ratio, score_cutoff=MERGE_MIN)
            if not best:
                continue
            ja, jb = joined[best[2]]
            taken = done_c if one_side_is_base else done_b
            if ja in taken or jb in taken:
                continue
            taken.update((ja, jb))
            if one_side_is_base:
                done_b.add(i)
                out.pairs.append(Pair([base[i]], [cur[ja], cur[jb]], best[1]))
            else:
                done_c.add(i)
                out.pairs.append(Pair([base[ja], base[jb]], [cur[i]], best[1]))
    return [i for i in rest_b if i not in done_b], [j for j in rest_c if j not in done_c]


def _is_sentence(s: Sentence) -> bool:
    """A sentence, not a label or a heading: some words, and a stop at its end."""
    return len(s.text.split()) >= MERGE_MIN_WORDS and ends_sentence(s.text)


def _fuzzy(base: list[Sentence], cur: list[Sentence], rest_b: list[int], rest_c: list[int],
           out: Alignment) -> tuple[list[int], list[int]]:
    """Fuzzy one-to-one pairs on the masked sentences, best pairs first."""
    choices = [cur[j].masked for j in rest_c]
    cands = sorted(((score, x, y) for x, i in enumerate(rest_b)
                    for _, score, y in process.extract(base[i].masked, choices, scorer=_score,
                                                       score_cutoff=FUZZY_MIN, limit=5)), reverse=True)
    got_b: set[int] = set()
    got_c: set[int] = set()
    for s, x, y in cands:
        if x in got_b or y in got_c:
            continue
        got_b.add(x)
        got_c.add(y)
        out.pairs.append(Pair([base[rest_b[x]]], [cur[rest_c[y]]], s))
    return [i for k, i in enumerate(rest_b) if k not in got_b], [j for k, j in enumerate(rest_c) if k not in got_c]


def _same_claims(base: list[Sentence], cur: list[Sentence], rest_b: list[int], rest_c: list[int],
                 out: Alignment) -> tuple[list[int], list[int]]:
    """A sentence rewritten too freely to look alike ("Sales rose 5% in March, and profits climbed
    3%." → "In March, sales were up 5% while profits grew 3%.") still says the same: a leftover on
    each side that claims exactly what one leftover on the other side claims — the same figures,
    sources, hedges, polarity and direction, at least one figure — and no other leftover does, and
    that shares some of its words (:data:`SAME_CLAIM_MIN`), is one sentence reworded, not one
    removed and another added."""
    def by_claim(ss: list[Sentence], rest: list[int]) -> dict:
        groups: dict = defaultdict(list)
        for i in rest:
            if ss[i].claim.mentions:
                groups[_signature(ss[i])].append(i)
        return groups

    gb, gc = by_claim(base, rest_b), by_claim(cur, rest_c)
    done_b: set[int] = set()
    done_c: set[int] = set()
    for sig, ib in gb.items():
        ic = gc.get(sig, [])
        if len(ib) == 1 and len(ic) == 1 and _compatible(base[ib[0]], cur[ic[0]]) and \
                fuzz.token_set_ratio(base[ib[0]].masked, cur[ic[0]].masked) >= SAME_CLAIM_MIN:
            out.pairs.append(Pair([base[ib[0]]], [cur[ic[0]]], 0.0))
            done_b.add(ib[0])
            done_c.add(ic[0])
    return [i for i in rest_b if i not in done_b], [j for j in rest_c if j not in done_c]


MERGED_MAX = 3  # sentences of a paragraph one sentence may be merged from, or split into


def _merged_claims(base: list[Sentence], cur: list[Sentence], rest_b: list[int], rest_c: list[int],
                   out: Alignment) -> tuple[list[int], list[int]]:
    """Adjacent sentences merged into one, or one split into several, rewritten too freely to
    look alike ("The storm dumped 30 cm of snow. Schools were closed. More than 200 flights were
    cancelled." → "The storm dumped 30 cm of snow, closing schools and forcing the cancellation
    of more than 200 flights."): a leftover sentence with figures and a run of two or three
    adjacent leftovers of one paragraph on the other side that hold exactly its figures together
    and share its words (:data:`SAME_CLAIM_MIN`) are one claim rewritten, not one removed and
    another added. A figure changed on the way leaves them apart: removed and added, it alerts."""
    done_b: set[int] = set()
    done_c: set[int] = set()
    for one, many, one_side_is_base in ((rest_c, rest_b, False), (rest_b, rest_c, True)):
        seq = cur if one_side_is_base else base
        other = base if one_side_is_base else cur
        taken, mine = (done_c, done_b) if one_side_is_base else (done_b, done_c)
        free = [k for k in many if k not in taken]
        for i in one:
            if i in mine or not other[i].claim.mentions:
                continue
            want = _keys([other[i]])
            for run in _runs(seq, [k for k in free if k not in taken]):
                if _keys([seq[k] for k in run]) == want and fuzz.token_set_ratio(
                        other[i].masked, " ".join(seq[k].masked for k in run)) >= SAME_CLAIM_MIN:
                    taken.update(run)
                    mine.add(i)
                    group = [seq[k] for k in run]
                    out.pairs.append(Pair([other[i]], group, 0.0) if one_side_is_base else Pair(group, [other[i]], 0.0))
                    break
    return [i for i in rest_b if i not in done_b], [j for j in rest_c if j not in done_c]


def _runs(seq: list[Sentence], free: list[int]) -> list[list[int]]:
    """Runs of two to :data:`MERGED_MAX` adjacent free sentences of one paragraph, shortest first."""
    at = set(free)
    return [list(range(k, k + n)) for n in range(2, MERGED_MAX + 1) for k in free
            if all(j in at and seq[j].paragraph == seq[k].paragraph for j in range(k, k + n))]


def _signature(s: Sentence) -> tuple:
    """What two sentences must share to claim the same: figures, sources, hedges, polarity (the
    direction and the outcomes are checked by :func:`_compatible`)."""
    return s.claim.signature[:4]


def _compatible(a: Sentence, b: Sentence) -> bool:
    """The same ways the figures moved and the same outcomes — or one side says none: "Turnout was
    higher than in 2019" → "Turnout exceeded that of 2019" drops a word of direction, it does not
    turn it (as the comparison of the pair reads it too)."""
    da, db = tuple(d > 0 for d in a.claim.direction), tuple(d > 0 for d in b.claim.direction)
    if da != db and any(da) and any(db):
        return False
    return not outcomes.changed(a.claim.outcomes, b.claim.outcomes)


def _figures_moved(base: list[Sentence], cur: list[Sentence], rest_b: list[int], rest_c: list[int],
                   out: Alignment) -> tuple[list[int], list[int]]:
    """A split or merge rewritten too freely for the passes above, found by its figures: a
    leftover sentence of the same paragraph as a paired one (the nearest first), holding only
    figures that the pair's other side has and its own side lost ("Prices rose 3% last month and
    5% over the year." → "Prices rose 3% last month. Over the year they rose 5%."; two sentences
    a reorder made one, the segmenter no longer splitting after "Mrd."), joins that pair — the
    figure moved, it did not change. A sentence without figures joins only a pair it makes say
    exactly the same on both sides, in nearly the same words in any order (a negated or attributed
    sentence a reorder merged into its neighbour); any other is added or removed text."""
    where_b = {id(s): p for p in out.pairs for s in p.base}
    where_c = {id(s): p for p in out.pairs for s in p.cur}
    for own, side, rest, where in ((cur, "cur", rest_c, where_c), (base, "base", rest_b, where_b)):
        order = {id(s): j for j, s in enumerate(own)}
        for k in list(rest):
            keys = [m.key for m in own[k].claim.mentions]
            if not keys and not (own[k].claim.is_claim or own[k].claim.negations):
                continue
            near = sorted((j for j, s in enumerate(own) if s.paragraph == own[k].paragraph and id(s) in where),
                          key=lambda j: abs(j - k))
            for j in near:
                pair = where[id(own[j])]
                if len(pair.base) + len(pair.cur) > 3:
                    continue
                mine, theirs = (pair.cur, pair.base) if side == "cur" else (pair.base, pair.cur)
                lost = _keys(theirs) - _keys(mine)
                joined = sorted([*mine, own[k]], key=lambda s: order[id(s)])
                if (keys and not Counter(keys) - lost) or (not keys and _says(joined) == _says(theirs) and _score(
                        " ".join(s.masked for s in joined), " ".join(s.masked for s in theirs)) >= MERGE_MIN):
                    mine[:] = joined
                    where[id(own[k])] = pair
                    rest.remove(k)
                    break
    return rest_b, rest_c


def _keys(ss: list[Sentence]) -> Counter:
    return Counter(m.key for s in ss for m in s.claim.mentions)


def _says(ss: list[Sentence]) -> tuple:
    """What sentences claim together: figures, sources, hedges and polarity."""
    return (_keys(ss), frozenset().union(*(s.claim.attribution for s in ss)),
            frozenset().union(*(s.claim.hedges for s in ss)), sum(s.claim.negations for s in ss) % 2)

