"""Compare two versions of an article: claim changes (order-free) and a word-level text diff.

Alignment follows NewsEdits (NAACL 2022: lexical alignment is as good as embeddings): identical
canonical sentences pair first, so moved paragraphs and reformatted numbers cost nothing; then
merges and splits (one sentence ↔ two adjacent ones); then fuzzy one-to-one pairs (rapidfuzz on
the sentence with its figures masked, so "7,000" → "11,000" still pairs). Each pair is then
compared claim by claim: figures (value, range, qualifier), attribution, hedging, polarity.

The output is a list of :class:`Finding` — what differs from the baseline *now*. Whether a finding
is news (and so an alert) is decided by :mod:`watcher.alerts.record` against what was already said.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from collections import Counter, defaultdict, deque
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from .. import kinds
from ..kinds import SEVERITY
from .numbers import Mention
from .sentences import Sentence, mention_order, sentences

FUZZY_MIN = 62.0  # masked-sentence similarity to pair an edited sentence with its original
MERGE_MIN = 86.0  # similarity of a sentence with two adjacent ones joined, to call it a split/merge
ATTRIB_SAME = 80.0




@dataclass(frozen=True)
class Finding:
    """One difference from the baseline. ``key`` names the claim, ``state`` what it says now."""

    kind: str
    key: str
    state: str
    before: str | None
    after: str | None
    explanation: str
    changes: tuple[dict, ...] = ()
    severity: str = "info"

    @property
    def is_claim(self) -> bool:
        return kinds.is_claim(self.kind)


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


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def _score(a: str, b: str, **_: object) -> float:
    return max(fuzz.ratio(a, b), fuzz.token_sort_ratio(a, b))


def align(base: list[Sentence], cur: list[Sentence]) -> Alignment:
    """Order-free alignment: exact canonical → merges/splits → fuzzy one-to-one."""
    out = Alignment()
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
    rest_c = [j for j in range(len(cur)) if j not in used_c]
    if not rest_b or not rest_c:
        out.removed = [base[i] for i in rest_b]
        out.added = [cur[j] for j in rest_c]
        return out

    # merges and splits: one sentence vs two adjacent leftovers on the other side joined
    done_b: set[int] = set()
    done_c: set[int] = set()
    for one, many, one_side_is_base in ((rest_b, rest_c, True), (rest_c, rest_b, False)):
        seq = cur if one_side_is_base else base
        other = base if one_side_is_base else cur
        joined = [(many[k], many[k + 1]) for k in range(len(many) - 1) if many[k + 1] == many[k] + 1]
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
    rest_b = [i for i in rest_b if i not in done_b]
    rest_c = [j for j in rest_c if j not in done_c]

    # fuzzy one-to-one, best pairs first
    if rest_b and rest_c:
        choices = [cur[j].masked for j in rest_c]
        cands = sorted(((score, x, y) for x, i in enumerate(rest_b)
                        for _, score, y in process.extract(base[i].masked, choices, scorer=_score,
                                                           score_cutoff=FUZZY_MIN, limit=5)), reverse=True)
        got_b, got_c = set(), set()
        for s, x, y in cands:
            if x in got_b or y in got_c:
                continue
            got_b.add(x)
            got_c.add(y)
            out.pairs.append(Pair([base[rest_b[x]]], [cur[rest_c[y]]], s))
        rest_b = [i for k, i in enumerate(rest_b) if k not in got_b]
        rest_c = [j for k, j in enumerate(rest_c) if k not in got_c]
    out.removed = [base[i] for i in rest_b]
    out.added = [cur[j] for j in rest_c]
    return out


# ---------------------------------------------------------------------------------------------
# comparing one aligned pair


def _text(ss: list[Sentence]) -> str:
    return " ".join(s.text for s in ss)


def _rel(old: float, new: float) -> float | None:
    return None if old == 0 else round((new - old) / abs(old), 4)


def _figure_change(o: Mention | None, n: Mention | None) -> dict:
    ref = n or o
    assert ref is not None, "a figure change has an old or a new figure"
    d: dict = {"unit": ref.unit, "noun": ref.noun, "kind": ref.kind}
    if o is not None:
        d.update(old=o.text, old_value=o.value, old_high=o.high, old_qualifier=o.qualifier)
    if n is not None:
        d.update(new=n.text, new_value=n.value, new_high=n.high, new_qualifier=n.qualifier)
    if o is not None and n is not None:
        if o.high != n.high:
            d["field"] = "range"
        elif o.value != n.value:
            d["field"] = "value"
        elif o.qualifier != n.qualifier:
            d["field"] = "qualifier"
        else:
            d["field"] = "unit"
        if {o.kind, n.kind} & {"date", "time", "decade", "year", "version"}:
            d["relative_change"] = None  # values that order but do not scale: "30 September → 1 October"
            # is a move, not a -96% drop
        else:
            d["relative_change"] = _rel(o.value, n.value) if o.value != n.value else 0.0
    else:
        d["field"] = "figure_added" if o is None else "figure_removed"
    return d


def figure_changes(old: list[Mention], new: list[Mention]) -> list[dict]:
    """Pair the figures of two sentences and describe each that differs."""
    old_left, new_left = list(old), list(new)
    for m in list(old_left):  # identical figures (any position) are not changes
        hit = next((n for n in new_left if n.key == m.key), None)
        if hit is not None:
            old_left.remove(m)
            new_left.remove(hit)
    out = []
    for m in old_left:
        same_kind = [n for n in new_left if n.kind == m.kind or {n.kind, m.kind} <= {"count", "money"}]
        if not same_kind:
            out.append(_figure_change(m, None))
            continue
        hit = max(same_kind, key=lambda n: (n.noun is not None and n.noun == m.noun, -abs(n.start - m.start)))
        new_left.remove(hit)
        out.append(_figure_change(m, hit))
    out += [_figure_change(None, n) for n in new_left]
    return out


def _same_sources(a: frozenset[str], b: frozenset[str]) -> bool:
    def covered(xs: frozenset[str], ys: frozenset[str]) -> bool:
        return all(any(fuzz.token_set_ratio(x, y) >= ATTRIB_SAME for y in ys) for x in xs)

    return covered(a, b) and covered(b, a)


def _describe_figure(c: dict) -> str:
    noun = f" {c['noun']}" if c.get("noun") else ""
    if c["field"] == "figure_added":
        return f"new figure {c['new']}{noun}"
    if c["field"] == "figure_removed":
        return f"figure {c['old']}{noun} dropped"
    rel = c.get("relative_change")
    pct = f" ({rel:+.0%})" if rel not in (None, 0.0) else ""
    if c["field"] == "qualifier":
        return f"qualifier of {c['new']}{noun}: {c['old_qualifier'] or 'none'} → {c['new_qualifier'] or 'none'}"
    return f"{c['old']} → {c['new']}{noun}{pct}"


_DIGIT_TOKEN = re.compile(r"[^\s\d]*\d[^\s]*")


def _loose_digits(ss: list[Sentence]) -> list[str]:
    """Tokens with digits that the figure grammar did not read as a figure ("CO2", "t3n",
    "gsoc-2018"): what is left with a digit in the masked form (every parsed figure, timestamps
    included, is masked there), shown as the page wrote it."""
    out = []
    for s in ss:
        for tok in _DIGIT_TOKEN.findall(s.masked):
            tok = tok.strip(".,;:!?()[]{}\"'-")
            if not any(c.isdigit() for c in tok):
                continue
            m = re.search(re.escape(tok), s.text, re.IGNORECASE)
            out.append(m.group(0) if m else tok)
    return out


def token_changes(base: list[Sentence], cur: list[Sentence]) -> list[dict]:
    """Digit-bearing tokens that changed outside the parsed figures: a code, model number or name
    with a number in it changed ("CO2" → "CO3"). Reformatting of a figure cannot show here, since
    parsed figures are compared by value, not by their tokens."""
    old, new = Counter(_loose_digits(base)), Counter(_loose_digits(cur))
    gone, came = list((old - new).elements()), list((new - old).elements())
    out = []
    for i in range(max(len(gone), len(came))):
        o = gone[i] if i < len(gone) else None
        n = came[i] if i < len(came) else None
        out.append({"unit": None, "noun": None, "kind": "token", "old": o, "new": n,
                    "field": "value" if o and n else ("figure_added" if n else "figure_removed")})
    return out


# words of a line that dates the page itself, not the world: publication, update, availability
_STAMP_WORDS = re.compile(
    r"\b(?:updated?|updates|published|posted|modified|revised|as\s+of|last|latest|available|expires?|"
    r"aktualisiert|aktualisierung|ver[öo]ffentlicht|ge[äa]ndert|stand|verf[üu]gbar|"
    r"mis\s+[àa]\s+jour|publi[ée]e?|modifi[ée]e?|disponible|actualizad[oa]|actualizaci[óo]n|publicad[oa])\b",
    re.IGNORECASE)
_CLOCK_WORDS = frozenset("am pm a.m p.m a.m. p.m. uhr h gmt utc cet cest est edt pst pdt bst mez mesz o'clock".split())


_DATE_SHAPE = re.compile(r"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$")


def _stamp_only(figs: list[dict], cur: list[Sentence]) -> bool:
    """Every changed figure is a date or time, on a line that only dates the page: a bare clock
    time ("3:59 PM") or a stamp introduced as such ("Updated 8:00 a.m.", "Video verfügbar bis
    28.02.2021"). A dated statement about the world ("Termin: 29.02.2020", "Einsendeschluss: …",
    "the vote moved to 10 May") and a bare date line ("(21. November 2022)") stay claims."""
    def dated(c: dict) -> bool:
        return c.get("kind") in ("date", "time") or any(
            _DATE_SHAPE.match(str(c.get(k) or "")) for k in ("old", "new"))

    if not figs or not all(dated(c) for c in figs):
        return False
    text = " ".join(s.text for s in cur)
    words = [w for s in cur for w in s.masked.replace("#", " ").split() if w.strip(".,:;()") not in _CLOCK_WORDS]
    if not words:
        return all(c.get("kind") == "time" for c in figs)
    return len(words) <= 8 and bool(_STAMP_WORDS.search(text))


def claim_key(base: list[Sentence]) -> str:
    """The stable name of a baseline claim: its canonical sentence(s)."""
    return _digest(*(s.canonical for s in base))


def compare_pair(pair: Pair) -> Finding | None:
    """The finding for one aligned pair, or None when the two say exactly the same."""
    before, after = _text(pair.base), _text(pair.cur)
    if [s.canonical for s in pair.base] == [s.canonical for s in pair.cur]:
        return None
    key = claim_key(pair.base)
    old_m = [m for s in pair.base for m in s.claim.mentions]
    new_m = [m for s in pair.cur for m in s.claim.mentions]
    figs = figure_changes(old_m, new_m) or token_changes(pair.base, pair.cur)
    old_att = frozenset().union(*(s.claim.attribution for s in pair.base))
    new_att = frozenset().union(*(s.claim.attribution for s in pair.cur))
    old_h = frozenset().union(*(s.claim.hedges for s in pair.base))
    new_h = frozenset().union(*(s.claim.hedges for s in pair.cur))
    old_neg = sum(s.claim.negations for s in pair.base) % 2
    new_neg = sum(s.claim.negations for s in pair.cur) % 2
    cues: list[dict] = []
    if not _same_sources(old_att, new_att):
        cues.append({"field": "attribution", "old": sorted(old_att), "new": sorted(new_att)})
    if old_h != new_h:
        cues.append({"field": "hedge", "old": sorted(old_h), "new": sorted(new_h),
                     "removed": sorted(old_h - new_h), "added": sorted(new_h - old_h)})
    if old_neg != new_neg:
        cues.append({"field": "polarity", "old": "negated" if old_neg else "affirmed",
                     "new": "negated" if new_neg else "affirmed"})
    state_parts = [repr(sorted((m.key for m in new_m), key=mention_order)), repr(sorted(new_att)), repr(sorted(new_h)), str(new_neg)]
    if figs and _stamp_only(figs, pair.cur):
        figs = []  # a moved date or time on a line that states nothing else: a timestamp, not a claim
    if figs:
        kind = "estimate_changed"
        expl = "; ".join([_describe_figure(c) for c in figs] + [describe_cue(c) for c in cues])
    elif cues:
        kind = "claim_changed"
        expl = "; ".join(describe_cue(c) for c in cues)
    else:
        kind = "text_changed"
        expl = "wording changed"
        state_parts = [" ".join(s.canonical for s in pair.cur)]
    return Finding(kind=kind, key=key, state=_digest(*state_parts), before=before, after=after,
                   explanation=expl, changes=tuple(figs + cues), severity=SEVERITY[kind])


CUE_FIELDS = ("attribution", "hedge", "polarity")


def describe_cue(c: dict) -> str:
    """An attribution, hedge or polarity change phrased for a reader ("hedge removed: likely")."""
    if c["field"] == "attribution":
        old = ", ".join(c["old"]) or "none"
        new = ", ".join(c["new"]) or "none"
        return f"attribution: {old} → {new}"
    if c["field"] == "hedge":
        bits = []
        if c["removed"]:
            bits.append("hedge removed: " + ", ".join(c["removed"]))
        if c["added"]:
            bits.append("hedge added: " + ", ".join(c["added"]))
        return "; ".join(bits)
    return f"polarity: {c['old']} → {c['new']}"


def _claim_summary(s: Sentence) -> str:
    bits = [m.text for m in s.claim.mentions]
    if s.claim.attribution:
        bits.append("attributed to " + ", ".join(sorted(s.claim.attribution)))
    return "; ".join(bits) or "claim"


TAIL_BLURB_WORDS = 60  # rotating teaser blurbs are short; an article's closing paragraph usually is not


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
    from ..extract import ends_sentence

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


def _moved_text(al: Alignment, base: list[Sentence], cur: list[Sentence]) -> tuple[set[int], set[int]]:
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
    from ..extract import is_headline

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


def compare(base_paragraphs: tuple[str, ...] | list[str], cur_paragraphs: tuple[str, ...] | list[str],
            *, seed: bool = False) -> list[Finding]:
    """Every difference between the baseline and the current version, as findings. ``seed``: the
    baseline is a seed document, whose ends bound the article (:func:`outside_seed`)."""
    base_s, cur_s = sentences(base_paragraphs), sentences(cur_paragraphs)
    al = align(base_s, cur_s)
    tail_b, tail_c = rotating_blocks(al, list(base_paragraphs), list(cur_paragraphs))
    if seed:
        tail_c |= outside_seed(al, list(cur_paragraphs))
    moved_b, moved_c = _moved_text(al, base_s, cur_s)
    out: list[Finding] = []
    for pair in al.pairs:
        f = compare_pair(pair)
        if f is not None:
            out.append(f)
    for s in al.removed:
        if id(s) in moved_b:
            continue
        kind = "claim_removed" if s.claim.is_claim and s.paragraph not in tail_b else "text_changed"
        out.append(Finding(kind=kind, key=claim_key([s]), state="removed", before=s.text, after=None,
                           explanation=_removed_or_added("removed", s, s.paragraph in tail_b),
                           severity=SEVERITY[kind]))
    for s in al.added:
        if id(s) in moved_c:
            continue
        kind = "claim_added" if s.claim.is_claim and s.paragraph not in tail_c else "text_changed"
        out.append(Finding(kind=kind, key="added:" + _digest(s.masked), state=_digest(repr(s.claim.signature)),
                           before=None, after=s.text,
                           explanation=_removed_or_added("added", s, s.paragraph in tail_c),
                           severity=SEVERITY[kind]))
    return out


def _removed_or_added(what: str, s: Sentence, in_tail: bool) -> str:
    if in_tail:
        return f"block {what} outside the article's text (rotating or beyond the seed's ends: page furniture, not compared as a claim)"
    return f"sentence {what} ({_claim_summary(s)})" if s.claim.is_claim else f"sentence {what}"


# ---------------------------------------------------------------------------------------------
# word-level text diff for reports


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
