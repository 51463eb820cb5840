"""Labelled article-revision scenarios for measuring claim alerts end to end (issue "claim engine", 7).

A :class:`Scenario` is an article, the markup it is served in (one of the generators of
``tests/sitegen.py``, the native markups, or of :mod:`tests.eval.markups`, the unseen ones)
and a sequence of :class:`Step`\\ s. Every article runs its steps in its native markup and again in
each unseen markup (:func:`in_markup`): chrome ops drive whatever boilerplate that markup shows and
every check advances ``State.tick`` (live clocks, relative times, like counts), so the labels hold
in every markup. Each step transforms the *current* article state (steps are cumulative) and
carries a label: the alerts this step alone should raise, as ``(kind, distinguishing substring)``;
``expect=[]`` marks a harmless step. A substring matches an alert's ``before``, ``after`` or
``explanation`` (case-insensitive); :class:`Expect` can also require words in the explanation
(``explains=``).

The labels say what a demanding analyst wants, not what the engine does today:

* one alert per changed sentence (two figures changed in one sentence: one alert naming both);
* a figure changed again alerts again; a figure back at its baseline value alerts once more
  (same kind, mentioning the baseline value);
* rotated teasers, captions, datelines, "Updated:" stamps, reformatted numbers, typo fixes, quote
  styles, whitespace, reordered/split/merged paragraphs and copy edits that leave figures,
  attribution, hedging and polarity alone raise no claim alert (``text_changed`` is fine);
* a consent wall, paywall teaser, 200 error page or truncated page raises one ``source_warning``
  and no claim alert; the step after it serves the article again and raises nothing new.

Data plus a small DSL only (no watcher imports besides the seed loader); :mod:`tests.eval.scorer`
serves the pages and scores the alerts.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

from tests.eval import markups
from tests.sitegen import (
    ARTICLES,
    TEASER_POOL,
    div_page,
    magazine_page,
    news_page,
    rotate,
    thinktank_page,
)

ROOT = Path(__file__).resolve().parents[2]
SEED_RS = ROOT / "seeds" / "000_a426cd0a5ba97d96.txt"
SEED_RAND = ROOT / "seeds" / "002_e9ee366aa947b6a8.txt"

CLAIM_KINDS = ("estimate_changed", "claim_changed", "claim_removed", "claim_added")
FAULT_KINDS = ("source_warning", "source_error")
NATIVE_MARKUPS = ("magazine", "thinktank", "news", "div")  # the markups extraction was developed on
MARKUPS = NATIVE_MARKUPS + markups.NEW_MARKUPS
FAULT_PAGES = ("consent", "paywall", "error", "truncated")


class ScenarioError(ValueError):
    """A step does not apply to the current state (a typo in the scenario data)."""


# ------------------------------------------------------------------------------------------ state


@dataclass(frozen=True)
class State:
    """What the page shows now: body paragraphs plus the boilerplate knobs that may change."""

    paragraphs: tuple[str, ...]
    teaser_offset: int = 0  # rotation of teasers / "most read" / related links
    caption: str = ""
    credit: str = ""
    dateline: str = ""  # news_page: "CITY — " before the first paragraph
    updated: str = ""  # news_page: "Updated: …" stamp
    date: str = ""  # magazine / thinktank publication date
    fault: str | None = None  # one of FAULT_PAGES: this check serves a fault page instead
    tick: int = 0  # checks since the first version: live clocks, "N minutes ago", like counts


Op = Callable[[State], State]


def _with(st: State, **kw: Any) -> State:
    return dataclasses.replace(st, **kw)


def _locate(paras: tuple[str, ...], text: str) -> int:
    """Index of the one paragraph containing ``text`` exactly once."""
    hits = [i for i, p in enumerate(paras) if text in p]
    if len(hits) != 1 or paras[hits[0]].count(text) != 1:
        raise ScenarioError(f"{text!r} occurs {sum(p.count(text) for p in paras)} times, expected once")
    return hits[0]


def _named(name: str, fn: Op) -> Op:
    fn.__name__ = fn.__qualname__ = name
    return fn


# ------------------------------------------------------------------------------------------ DSL: text


def replace(old: str, new: str) -> Op:
    """Replace ``old`` (which must occur exactly once in the body) with ``new``."""

    def op(st: State) -> State:
        paras = list(st.paragraphs)
        i = _locate(st.paragraphs, old)
        paras[i] = paras[i].replace(old, new)
        return _with(st, paragraphs=tuple(paras))

    return _named(f"replace({old!r}, {new!r})", op)


def delete(text: str) -> Op:
    """Delete ``text`` (a whole sentence) from its paragraph; an emptied paragraph goes too."""

    def op(st: State) -> State:
        paras = list(st.paragraphs)
        i = _locate(st.paragraphs, text)
        rest = " ".join(paras[i].replace(text, " ").split())
        if rest:
            paras[i] = rest
        else:
            del paras[i]
        return _with(st, paragraphs=tuple(paras))

    return _named(f"delete({text!r})", op)


def delete_paragraph(containing: str) -> Op:
    def op(st: State) -> State:
        paras = list(st.paragraphs)
        del paras[_locate(st.paragraphs, containing)]
        return _with(st, paragraphs=tuple(paras))

    return _named(f"delete_paragraph({containing!r})", op)


def add_sentence(after: str, text: str) -> Op:
    """Insert sentence ``text`` right after ``after`` (the end of a sentence) in its paragraph."""

    def op(st: State) -> State:
        paras = list(st.paragraphs)
        i = _locate(st.paragraphs, after)
        paras[i] = paras[i].replace(after, f"{after} {text}")
        return _with(st, paragraphs=tuple(paras))

    return _named(f"add_sentence({text!r})", op)


def add_paragraph(text: str, after: str | None = None) -> Op:
    """Insert paragraph ``text`` after the paragraph containing ``after`` (default: at the end)."""

    def op(st: State) -> State:
        paras = list(st.paragraphs)
        at = len(paras) if after is None else _locate(st.paragraphs, after) + 1
        paras.insert(at, text)
        return _with(st, paragraphs=tuple(paras))

    return _named(f"add_paragraph({text!r})", op)


def swap_paragraphs(i: int, j: int) -> Op:
    def op(st: State) -> State:
        paras = list(st.paragraphs)
        paras[i], paras[j] = paras[j], paras[i]
        return _with(st, paragraphs=tuple(paras))

    return _named(f"swap_paragraphs({i}, {j})", op)


def move_paragraph(src: int, dst: int) -> Op:
    def op(st: State) -> State:
        paras = list(st.paragraphs)
        paras.insert(dst, paras.pop(src))
        return _with(st, paragraphs=tuple(paras))

    return _named(f"move_paragraph({src}, {dst})", op)


def split_paragraph(at: str) -> Op:
    """Split a paragraph in two right before ``at`` (the start of one of its sentences)."""

    def op(st: State) -> State:
        paras = list(st.paragraphs)
        i = _locate(st.paragraphs, at)
        k = paras[i].index(at)
        left, right = paras[i][:k].rstrip(), paras[i][k:]
        if not left:
            raise ScenarioError(f"{at!r} starts its paragraph: nothing to split")
        paras[i: i + 1] = [left, right]
        return _with(st, paragraphs=tuple(paras))

    return _named(f"split_paragraph({at!r})", op)


def merge_paragraphs(first: str) -> Op:
    """Join the paragraph containing ``first`` with the next one."""

    def op(st: State) -> State:
        paras = list(st.paragraphs)
        i = _locate(st.paragraphs, first)
        if i + 1 >= len(paras):
            raise ScenarioError(f"no paragraph after {first!r}")
        paras[i: i + 2] = [f"{paras[i]} {paras[i + 1]}"]
        return _with(st, paragraphs=tuple(paras))

    return _named(f"merge_paragraphs({first!r})", op)


# ------------------------------------------------------------------------------------------ DSL: chrome


def rotate_teasers(offset: int) -> Op:
    """Show other teasers / "most read" / related links (a different rotation offset)."""
    return _named(f"rotate_teasers({offset})", lambda st: _with(st, teaser_offset=offset))


def set_caption(caption: str, credit: str | None = None) -> Op:
    def op(st: State) -> State:
        return _with(st, caption=caption, credit=st.credit if credit is None else credit)

    return _named(f"set_caption({caption[:30]!r}…)", op)


def set_dateline(text: str) -> Op:
    return _named(f"set_dateline({text!r})", lambda st: _with(st, dateline=text))


def set_updated(text: str) -> Op:
    return _named(f"set_updated({text!r})", lambda st: _with(st, updated=text))


def set_date(text: str) -> Op:
    return _named(f"set_date({text!r})", lambda st: _with(st, date=text))


def fault(kind: str) -> Op:
    """Serve a fault page for this one check: consent wall, paywall teaser, 200 error page or a
    truncated (lazy-loaded) body. The next step serves the article again."""
    if kind not in FAULT_PAGES:
        raise ScenarioError(f"unknown fault {kind!r}")
    return _named(f"fault({kind!r})", lambda st: _with(st, fault=kind))


def restore() -> Op:
    """The article is back after a fault (faults last one check; this only documents it)."""
    return _named("restore()", lambda st: st)


# ------------------------------------------------------------------------------------------ labels


@dataclass(frozen=True)
class Expect:
    """One expected alert: its kind, a substring of before/after/explanation, and optionally words
    that must appear in the explanation itself (e.g. both figures of a two-figure edit)."""

    kind: str
    text: str = ""
    explains: tuple[str, ...] = ()

    def __str__(self) -> str:
        extra = f" explains {list(self.explains)}" if self.explains else ""
        return f"{self.kind}~{self.text!r}{extra}"

    @property
    def is_claim(self) -> bool:
        return self.kind in CLAIM_KINDS


WARN = Expect("source_warning")


def _expect(e: Expect | tuple) -> Expect:
    if isinstance(e, Expect):
        return e
    kind, text, *rest = e
    return Expect(kind, text, tuple(rest[0]) if rest else ())


@dataclass(frozen=True)
class Step:
    name: str
    ops: tuple[Op, ...]
    expect: tuple[Expect, ...] = ()

    def apply(self, st: State) -> State:
        st = _with(st, fault=None, tick=st.tick + 1)  # a fault lasts one check; every check moves the clock
        for op in self.ops:
            st = op(st)
        return st

    @property
    def claim_expect(self) -> tuple[Expect, ...]:
        return tuple(e for e in self.expect if e.is_claim)

    @property
    def is_fault(self) -> bool:
        return any(e.kind in FAULT_KINDS for e in self.expect)

    @property
    def is_claim(self) -> bool:
        return bool(self.claim_expect)

    @property
    def is_harmless(self) -> bool:
        return not self.expect


def step(name: str, *ops: Op, expect: Iterable[Expect | tuple] = ()) -> Step:
    for e in expect:
        if _expect(e).kind not in CLAIM_KINDS + FAULT_KINDS:
            raise ScenarioError(f"step {name!r}: unknown alert kind {_expect(e).kind!r}")
    return Step(name, tuple(ops), tuple(_expect(e) for e in expect))


# ------------------------------------------------------------------------------------------ scenarios


@dataclass(frozen=True)
class Scenario:
    id: str  # also the source id: [a-z0-9_-]
    article: str
    title: str
    paragraphs: tuple[str, ...]
    markup: str  # one of MARKUPS
    steps: tuple[Step, ...]
    initial: dict = field(default_factory=dict)  # State fields at the first version
    options: dict = field(default_factory=dict)  # fixed markup parameters (dek, bio, pull quotes, …)
    seed: Path | None = None  # baseline = this seed file; the first fetch is then scored (expect nothing)

    def initial_state(self) -> State:
        return State(paragraphs=tuple(self.paragraphs), **self.initial)

    def states(self) -> Iterator[tuple[Step, State]]:
        """Each step with the state it produces (raises :class:`ScenarioError` on bad data)."""
        st = self.initial_state()
        for s in self.steps:
            try:
                st = s.apply(st)
            except ScenarioError as e:
                raise ScenarioError(f"{self.id}: step {s.name!r}: {e}") from None
            yield s, st


# ------------------------------------------------------------------------------------------ rendering

PAYWALL_TEXT = ("Subscribe to continue reading. Already a subscriber? Sign in to read the full story "
                "and get unlimited access for $1 a week.")
ERROR_TITLE = "Page not found"
ERROR_PARAS = ["Sorry, we couldn't find the page you were looking for. It may have been moved or deleted.",
               "Error 404: try searching our archive, or return to the homepage for the latest stories."]


def consent_page(site: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Before you continue</title></head>
<body><div class="consent-wall" role="dialog">
<h1>Before you continue to {escape(site)}</h1>
<p>We use cookies and data to deliver and maintain our services, measure audience engagement and show
personalised advertising.</p>
<p>If you choose to accept all, we will also use cookies and data to develop and improve new services.
Select Manage preferences to see more options, including how to reject non-essential cookies.</p>
<button type="button">Reject all</button><button type="button">Accept all</button>
<a href="/privacy/preferences">Manage preferences</a></div></body></html>
"""


_SITES = {"magazine": "Statecraft Review", "thinktank": "Policy Research Institute", "news": "The Daily Ledger",
          "div": "Regional Observer", **markups.SITES}


def render(sc: Scenario, st: State) -> str:
    """The HTML page the server returns for ``st`` (status is always 200, faults included)."""
    if st.fault == "consent":
        return consent_page(_SITES[sc.markup])
    title, paras, opt = sc.title, list(st.paragraphs), sc.options
    if st.fault == "paywall":
        paras = [paras[0], PAYWALL_TEXT]
    elif st.fault == "error":
        title, paras = ERROR_TITLE, list(ERROR_PARAS)
    elif st.fault == "truncated":  # body lazy-loaded by a script that did not run
        paras = paras[:2]
    k = opt.get("teasers", 3)
    teasers = rotate(TEASER_POOL, k, st.teaser_offset)
    if sc.markup == "magazine":
        return magazine_page(title, paras, dek=opt.get("dek", ""), section=opt.get("section", "Analysis"),
                             caption=st.caption, teasers=teasers, date=st.date or "Jun 19, 2024",
                             author=opt.get("author", ""))
    if sc.markup == "thinktank":
        pre = list(opt.get("preamble", ()))
        quotes = {}
        if st.fault is None:
            for anchor, quote in opt.get("pull_quotes", ()):
                hit = [i for i, p in enumerate(paras) if anchor in p]
                if hit:
                    quotes[len(pre) + hit[0]] = quote
        return thinktank_page(title, pre + paras, date=st.date or "Apr 4, 2024",
                              kind_label=opt.get("kind_label", "commentary"), caption=st.caption, credit=st.credit,
                              pull_quotes=quotes, bio=opt.get("bio", ""), related=[t.title for t in teasers])
    if sc.markup == "news":
        return news_page(title, paras, sidebar=[t.title for t in teasers], dateline=st.dateline,
                         updated=st.updated)
    if sc.markup == "div":
        return div_page(title, paras, tail_teasers=teasers)
    if sc.markup in markups.GENERATORS:
        chrome = markups.Chrome(teasers=teasers, offset=st.teaser_offset, tick=st.tick, caption=st.caption,
                                credit=st.credit, date=st.date or "June 19, 2024", dateline=st.dateline,
                                updated=st.updated, dek=opt.get("dek", ""), author=opt.get("author", ""))
        return markups.GENERATORS[sc.markup](title, paras, chrome)
    raise ScenarioError(f"unknown markup {sc.markup!r}")


# ------------------------------------------------------------------------------------------ articles


def _seed_paragraphs(path: Path) -> tuple[str, ...]:
    from watcher.extract import load_baseline

    return tuple(load_baseline(path).paragraphs)


WILDFIRE = (
    "Cedar Ridge fire grows past 42,000 acres as crews gain ground",
    [
        "The Cedar Ridge fire has burned more than 42,000 acres in the Blue Mountains since it was sparked "
        "by lightning on July 9, fire officials said Thursday.",
        "Crews had the blaze 35 percent contained as of Thursday morning, up from 20 percent on Monday, "
        "according to the Northwest Interagency Coordination Center.",
        "About 1,900 firefighters are assigned to the fire, supported by 14 helicopters and six air tankers.",
        "At least 87 homes and 140 outbuildings have been destroyed, and an estimated 2,300 residents remain "
        "under evacuation orders, the county sheriff's office said.",
        "Evacuation orders have been lifted for the town of Pine Hollow, where residents were allowed to "
        "return on Wednesday.",
        "Fire behavior analysts said the blaze appears to be moving northeast at up to 3 miles a day. "
        "Gusts of 30 to 40 mph are forecast through Friday.",
        "Smoke from the fire has pushed air quality in Boise to unhealthy levels on four of the past seven "
        "days, state regulators said.",
        "The cost of fighting the fire has reached $48 million, according to the U.S. Forest Service, which "
        "expects the figure to climb.",
        "Investigators believe the fire was started by a dry lightning storm that swept the region on July 9.",
        "Residents can find shelter at the Grant County fairgrounds, where the Red Cross has set up 200 cots, "
        "and pets can be brought to the the animal shelter in John Day.",
        "Forecasters expect cooler temperatures and a chance of rain by the weekend, which could help crews "
        "strengthen containment lines.",
        "The fire is the largest in the state this year and the third-largest in the past decade, officials "
        "said.",
    ],
)

CENTRAL_BANK = (
    "Fed holds rates steady, signals just two cuts this year",
    [
        "The Federal Reserve held its benchmark interest rate steady in a range of 5.25 percent to 5.5 percent "
        "on Wednesday, the seventh consecutive meeting without a change.",
        "Policymakers signaled they expect to cut rates twice before the end of the year, down from three "
        "cuts projected in March, according to the bank's quarterly projections.",
        "Inflation seems to be cooling: consumer prices rose 3.3 percent in the 12 months through May, down "
        "from a peak of 9.1 percent in June 2022, the Labor Department said.",
        "Core inflation fell 0.2 percentage points in May to 3.4 percent, the smallest decline this year.",
        "Chair Jerome Powell said the committee is unlikely to lower rates until it has greater confidence "
        "that inflation is moving sustainably toward its 2 percent goal.",
        "The unemployment rate has risen to 4 percent, from a low of 3.4 percent last year, but employers "
        "still added about 272,000 jobs in May.",
        "Fed officials now project the economy will grow 2.1 percent this year, roughly unchanged from their "
        "March forecast.",
        "The central bank has shrunk its balance sheet by about $1.5 trillion since mid-2022 and will slow "
        "the pace of runoff to $25 billion a month, officials said.",
        "Markets expect the first cut in September, with futures pricing a probability of roughly 60 percent, "
        "according to CME Group data.",
        "Mortgage rates have climbed to nearly 7 percent, roughly double their level three years ago, "
        "keeping many would-be buyers on the sidelines.",
        "Some economists warned that keeping rates high for too long could tip the economy into recession, "
        "a risk Powell said the Fed is watching closely.",
    ],
)


# ------------------------------------------------------------------------------------------ the set


def _rs_putin_kim() -> Scenario:
    """Seed 000 (Responsible Statecraft) in its own magazine markup, baseline = the seed file."""
    return Scenario(
        id="rs-putin-kim", article="seed-000 putin-kim summit", markup="magazine", seed=SEED_RS,
        title="Putin and Kim in Pyongyang, making it 'strategic'", paragraphs=_seed_paragraphs(SEED_RS),
        options=dict(dek="But even good friends have geopolitical limits", section="Analysis | Asia-Pacific",
                     teasers=3),
        initial=dict(caption="Russia's President Vladimir Putin meets with North Korea's leader Kim Jong Un upon "
                             "his arrival in Pyongyang, North Korea June 19, 2024. Sputnik/Gavriil Grigorov/Pool "
                             "via REUTERS", date="Jun 19, 2024"),
        steps=(
            step("inlined next posts rotated", rotate_teasers(3)),
            step("containers 7,000 -> 11,000",
                 replace("an estimated 7,000 containers", "an estimated 11,000 containers"),
                 expect=[("estimate_changed", "11,000")]),
            step("curly -> straight double quotes",
                 replace("“comprehensive strategic partnership,”", '"comprehensive strategic partnership,"'),
                 replace("“new Cold War,”", '"new Cold War,"')),
            step("shells qualifier around -> more than",
                 replace("fire around 10,000 shells per day", "fire more than 10,000 shells per day"),
                 expect=[("estimate_changed", "more than 10,000")]),
            step("lead photo caption rewritten",
                 set_caption("Russian President Vladimir Putin and North Korean leader Kim Jong Un attend a "
                             "welcoming ceremony in Kim Il Sung Square in Pyongyang, June 19, 2024. "
                             "Sputnik/Gavriil Grigorov/Pool via REUTERS")),
            step("containers 11,000 -> 12,000 (changed again)",
                 replace("an estimated 11,000 containers", "an estimated 12,000 containers"),
                 expect=[("estimate_changed", "12,000")]),
            step("paragraph split at a sentence boundary",
                 split_paragraph("Moscow has an interest in forging closer military ties")),
            step("copy edit: noteworthy -> notable", replace("bring noteworthy advancements", "bring notable advancements")),
            step("fault: consent wall", fault("consent"), expect=[WARN]),
            step("restored after consent wall", restore()),
            step("attribution changed: Defense Minister -> U.S. officials",
                 replace("as noted by South Korea’s Defense Minister earlier this week",
                         "as noted by U.S. officials earlier this week"),
                 expect=[("claim_changed", "U.S. officials")]),
            step("24 years -> twenty-four years (reformat)",
                 replace("first trip to North Korea in 24 years", "first trip to North Korea in twenty-four years")),
            step("containers back to the baseline 7,000",
                 replace("an estimated 12,000 containers", "an estimated 7,000 containers"),
                 expect=[("estimate_changed", "7,000")]),
            step("hedge removed: may be especially determined -> is",
                 replace("Kim may be especially determined", "Kim is especially determined"),
                 expect=[("claim_changed", "is especially determined")]),
            step("sentence with a figure deleted (third year)",
                 delete("Russia is entering its third year of prosecuting what is largely an attritional war in "
                        "Ukraine, characterized by heavy artillery expendage rates."),
                 expect=[("claim_removed", "third year")]),
            step("attributed claim with a figure added",
                 add_sentence("military equipment to date.",
                              "U.S. officials said in May that at least 10 trains carrying munitions had crossed "
                              "the border since January."),
                 expect=[("claim_added", "10 trains")]),
            step("non-breaking space inside a figure phrase", replace("10,000 shells", "10,000\u00a0shells")),
            step("split paragraphs merged back", merge_paragraphs("to accommodate Kim’s demands.")),
            step("teasers rotated again, date changed", rotate_teasers(7), set_date("Jun 20, 2024")),
        ),
    )


def _rand_embrace() -> Scenario:
    """Seed 002 (RAND commentary) in think-tank markup with pull quotes and bio; baseline = seed."""
    return Scenario(
        id="rand-embrace", article="seed-002 putin's embrace of kim", markup="thinktank", seed=SEED_RAND,
        title="Putin's Embrace of Kim Jong-un Has Its Limits", paragraphs=_seed_paragraphs(SEED_RAND),
        options=dict(
            teasers=3,
            preamble=["This commentary originally appeared on Nikkei Asia on April 4, 2024."],
            pull_quotes=[
                ("Russia also seems to be providing support",
                 "Russia seems to be providing support for Kim's missile program, in particular reentry vehicle "
                 "technology that could help North Korea perfect targeted delivery of nuclear warheads."),
                ("North Korea and Russia simply do not and cannot",
                 "North Korea and Russia simply do not and cannot have a “no limits” partnership of the kind "
                 "Putin declared with Chinese President Xi Jinping just before the invasion of Ukraine."),
            ],
            bio="Derek Grossman is a senior defense analyst at RAND and an adjunct professor in the practice of "
                "political science and international relations at the University of Southern California. He "
                "formerly served as an intelligence adviser at the Pentagon.",
        ),
        initial=dict(caption="North Korean leader Kim Jong-un meets with Russian President Vladimir Putin in the "
                             "Amur Oblast of the Far East Region, Russia, September 13, 2023",
                     credit="Photo by KCNA via Reuters", date="Apr 4, 2024"),
        steps=(
            step("oil range 20-50 percent -> 30-60 percent",
                 replace("20 percent to 50 percent", "30 percent to 60 percent"),
                 expect=[("estimate_changed", "30 percent to 60 percent")]),
            step("related links rotated", rotate_teasers(4)),
            step("typo introduced: Resort -> Resrot", replace("Masikryong Ski Resort", "Masikryong Ski Resrot")),
            step("hedge removed: seems to be providing -> is providing (pull quote not updated)",
                 replace("Russia also seems to be providing support", "Russia is also providing support"),
                 expect=[("claim_changed", "is also providing")]),
            step("multiplier fivefold -> sixfold", replace("rose fivefold", "rose sixfold"),
                 expect=[("estimate_changed", "sixfold")]),
            step("3 million -> 3,000,000 (reformat)", replace("more than 3 million rounds", "more than 3,000,000 rounds")),
            step("scale 3,000,000 -> 4 million", replace("more than 3,000,000 rounds", "more than 4 million rounds"),
                 expect=[("estimate_changed", "4 million")]),
            step("polarity likely -> unlikely", replace("Putin also is likely to limit", "Putin also is unlikely to limit"),
                 expect=[("claim_changed", "unlikely to limit")]),
            step("photo caption and credit changed",
                 set_caption("Kim Jong-un and Vladimir Putin at the Vostochny Cosmodrome, September 13, 2023",
                             "Photo by Sputnik/Mikhail Metzel/Pool via Reuters")),
            step("fault: paywall teaser", fault("paywall"), expect=[WARN]),
            step("restored after paywall", restore()),
            step("attribution changed: CSIS scholars -> analysts",
                 replace("scholars from the Center for Strategic and International Studies in Washington tallied",
                         "analysts tallied"),
                 expect=[("claim_changed", "Center for Strategic")]),
            step("paragraphs reordered", swap_paragraphs(12, 13)),
            step("typo fixed: Resrot -> Resort, related links rotated", replace("Masikryong Ski Resrot", "Masikryong Ski Resort"),
                 rotate_teasers(9)),
            step("straight -> curly apostrophe", replace("support for Kim's missile program", "support for Kim’s missile program")),
            step("negation added: has hesitated -> has not hesitated",
                 replace("Xi has hesitated to provide", "Xi has not hesitated to provide"),
                 expect=[("claim_changed", "not hesitated")]),
            step("claim added: new paragraph with an attributed figure",
                 add_paragraph("Russian tour operators said about 1,500 Russian tourists have visited North Korea "
                               "since February.", after="North Korean travel to Russia rose"),
                 expect=[("claim_added", "1,500")]),
            step("spelling variant cooperation -> co-operation",
                 replace("economic and cultural cooperation", "economic and cultural co-operation")),
            step("multiplier back to the baseline fivefold", replace("rose sixfold", "rose fivefold"),
                 expect=[("estimate_changed", "fivefold")]),
            step("fivefold -> five-fold (reformat)", replace("rose fivefold", "rose five-fold")),
        ),
    )


def _county_budget() -> Scenario:
    title, paras = ARTICLES["county_budget"]
    return Scenario(
        id="county-budget", article="county budget", markup="news", title=title, paragraphs=tuple(paras),
        options=dict(teasers=5),
        steps=(
            step("Updated stamp added", set_updated("June 20, 2024, 9:15 a.m.")),
            step("dateline added", set_dateline("MARLOW COUNTY")),
            step("$2.5 billion -> $2.5bn (reformat)", replace("$2.5 billion operating budget", "$2.5bn operating budget")),
            step("bridges 47 -> 52", replace("identified 47 bridges", "identified 52 bridges"),
                 expect=[("estimate_changed", "52 bridges")]),
            step("bridges 52 -> 55 (changed again)", replace("identified 52 bridges", "identified 55 bridges"),
                 expect=[("estimate_changed", "55 bridges")]),
            step("attribution dropped: according to the county budget office",
                 replace(" five years ago, according to the county budget office.", " five years ago."),
                 expect=[("claim_changed", "county budget office")]),
            step("two figures in one sentence: 30 deputies / 18 inspectors -> 35 / 20",
                 replace("including 30 sheriff's deputies and 18 building", "including 35 sheriff's deputies and "
                         "20 building"),
                 expect=[Expect("estimate_changed", "35 sheriff", explains=("35", "20"))]),
            step("most-read rotated, Updated stamp changed", rotate_teasers(6),
                 set_updated("June 21, 2024, 7:02 a.m.")),
            step("hedge added: forecast is conservative -> probably conservative",
                 replace("the forecast is conservative", "the forecast is probably conservative"),
                 expect=[("claim_changed", "probably conservative")]),
            step("5.1 percent -> 5.1% (reformat)", replace("rose 5.1 percent", "rose 5.1%")),
            step("paragraph split at a sentence boundary", split_paragraph("A midyear review is scheduled")),
            step("fault: 200 error page", fault("error"), expect=[WARN]),
            step("restored after error page", restore()),
            step("negation removed: will not see a rate increase -> will see",
                 replace("Property owners will not see a rate increase", "Property owners will see a rate increase"),
                 expect=[("claim_changed", "will see a rate increase")]),
            step("qualifier more than three hours -> nearly three hours",
                 replace("after more than three hours", "after nearly three hours"),
                 expect=[("estimate_changed", "nearly three hours")]),
            step("three times -> 3 times (reformat)", replace("nearly three times what", "nearly 3 times what")),
            step("curly apostrophes", replace("sheriff's deputies", "sheriff’s deputies"),
                 replace("assessor's office", "assessor’s office")),
            step("claim removed: reserve fund paragraph", delete_paragraph("The county's reserve fund"),
                 expect=[("claim_removed", "$410 million")]),
            step("claim added: bond issue paragraph",
                 add_paragraph("The county also plans to issue $75 million in bonds next spring to pay for a new "
                               "emergency operations center, officials said."),
                 expect=[("claim_added", "$75 million")]),
            step("copy edit without figures (deferred -> postponed)",
                 replace("repairs deferred during the pandemic", "repairs postponed during the pandemic")),
            step("added claim removed again", delete_paragraph("$75 million in bonds"),
                 expect=[("claim_removed", "$75 million")]),
        ),
    )


def _measles() -> Scenario:
    title, paras = ARTICLES["measles_outbreak"]
    return Scenario(
        id="measles", article="measles outbreak", markup="div", title=title, paragraphs=tuple(paras),
        options=dict(teasers=2),
        steps=(
            step("tail teasers rotated", rotate_teasers(2)),
            step("cases 64 -> 71", replace("confirmed 64 cases", "confirmed 71 cases"),
                 expect=[("estimate_changed", "71")]),
            step("9 out of 10 -> nine out of ten (reformat)", replace("as many as 9 out of 10", "as many as nine out of ten")),
            step("hospitalized at least 11 -> at least 15", replace("At least 11 patients", "At least 15 patients"),
                 expect=[("estimate_changed", "15")]),
            step("hedge removed: appears to have started -> started",
                 replace("The outbreak appears to have started at", "The outbreak started at"),
                 expect=[("claim_changed", "outbreak started at")]),
            step("paragraphs reordered", swap_paragraphs(3, 4)),
            step("fault: consent wall", fault("consent"), expect=[WARN]),
            step("restored after consent wall, tail teasers rotated", restore(), rotate_teasers(5)),
            step("$1.2 million -> $1,200,000 (reformat)", replace("$1.2 million so far", "$1,200,000 so far")),
            step("95 percent -> 95% and 90 percent -> 90% (reformat)", replace("the 95 percent threshold", "the 95% threshold"),
                 replace("More than 90 percent of", "More than 90% of")),
            step("claim removed: walk-in clinic sentence", delete_paragraph("walk-in clinics administered"),
                 expect=[("claim_removed", "3,200")]),
            step("attribution changed: the department -> hospital records",
                 replace("vaccination status, according to the department.",
                         "vaccination status, according to hospital records."),
                 expect=[("claim_changed", "hospital records")]),
            step("cases back to the baseline 64", replace("confirmed 71 cases", "confirmed 64 cases"),
                 expect=[("estimate_changed", "64")]),
            step("claim added: quarantined students",
                 add_paragraph("Health officials said 212 students have been told to stay home from school for "
                               "21 days.", after="since the outbreak began."),
                 expect=[("claim_added", "212 students")]),
            step("typo introduced: highly -> higly", replace("highly contagious", "higly contagious")),
            step("tail teasers rotated again", rotate_teasers(8)),
            step("paragraph split at a sentence boundary", split_paragraph("No deaths have been reported.")),
            step("negation added: may continue -> may not continue",
                 replace("may continue to rise", "may not continue to rise"),
                 expect=[("claim_changed", "may not continue")]),
        ),
    )


def _wildfire() -> Scenario:
    title, paras = WILDFIRE
    return Scenario(
        id="wildfire", article="wildfire report", markup="news", title=title, paragraphs=tuple(paras),
        options=dict(teasers=5), initial=dict(dateline="JOHN DAY, Ore."),
        steps=(
            step("Updated stamp added", set_updated("July 18, 2024, 6:40 p.m. PDT")),
            step("two sentences changed: acres 42,000 -> 51,000, containment 35 -> 40 percent",
                 replace("more than 42,000 acres", "more than 51,000 acres"),
                 replace("35 percent contained", "40 percent contained"),
                 expect=[("estimate_changed", "51,000"), ("estimate_changed", "40 percent")]),
            step("range gusts 30 to 40 mph -> 40 to 50 mph", replace("Gusts of 30 to 40 mph", "Gusts of 40 to 50 mph"),
                 expect=[("estimate_changed", "40 to 50")]),
            step("typo fixed: the the", replace("brought to the the animal", "brought to the animal")),
            step("copy edit: strengthen -> reinforce", replace("strengthen containment lines", "reinforce containment lines")),
            step("negation added: orders have been lifted -> have not been lifted",
                 replace("Evacuation orders have been lifted for the town of Pine Hollow, where residents were "
                         "allowed to return on Wednesday.",
                         "Evacuation orders have not been lifted for the town of Pine Hollow, where residents had "
                         "hoped to return on Wednesday."),
                 expect=[("claim_changed", "not been lifted")]),
            step("hedge removed: appears to be moving -> is moving",
                 replace("the blaze appears to be moving northeast", "the blaze is moving northeast"),
                 expect=[("claim_changed", "is moving northeast")]),
            step("dateline changed", set_dateline("CANYON CITY, Ore.")),
            step("six -> 6 air tankers (reformat)", replace("six air tankers", "6 air tankers")),
            step("fault: paywall teaser", fault("paywall"), expect=[WARN]),
            step("restored after paywall", restore()),
            step("$48 million -> $48m (reformat)", replace("reached $48 million", "reached $48m")),
            step("cost $48m -> $61 million", replace("reached $48m", "reached $61 million"),
                 expect=[("estimate_changed", "61 million")]),
            step("days four -> five of the past seven", replace("on four of the past seven days", "on five of the past seven days"),
                 expect=[("estimate_changed", "five of the past seven")]),
            step("claim removed: third-largest sentence",
                 delete_paragraph("third-largest in the past decade"),
                 expect=[("claim_removed", "third-largest")]),
            step("claim added: firefighters treated",
                 add_paragraph("The Oregon Department of Forestry said three firefighters had been treated for "
                               "heat exhaustion since Tuesday.", after="The cost of fighting the fire"),
                 expect=[("claim_added", "heat exhaustion")]),
            step("paragraphs reordered", swap_paragraphs(8, 9)),
            step("attribution changed: sheriff's office -> state fire marshal",
                 replace("the county sheriff's office said", "the state fire marshal said"),
                 expect=[("claim_changed", "fire marshal")]),
            step("most-read rotated", rotate_teasers(3)),
            step("non-breaking spaces typed", replace("Grant County fairgrounds", "Grant\u00a0County fairgrounds"),
                 replace("87 homes", "87\u00a0homes")),
            step("qualifier about 1,900 -> at least 1,900", replace("About 1,900 firefighters", "At least 1,900 firefighters"),
                 expect=[("estimate_changed", "At least 1,900")]),
            step("acres 51,000 -> 58,000 (changed again)", replace("more than 51,000 acres", "more than 58,000 acres"),
                 expect=[("estimate_changed", "58,000")]),
        ),
    )


def _central_bank() -> Scenario:
    title, paras = CENTRAL_BANK
    return Scenario(
        id="fed-rates", article="central bank decision", markup="magazine", title=title, paragraphs=tuple(paras),
        options=dict(dek="Policymakers see less room to ease as inflation cools only slowly",
                     section="Analysis | Economy", teasers=2, author="Economics Desk"),
        initial=dict(caption="Federal Reserve Chair Jerome Powell speaks at a news conference in Washington, "
                             "June 12, 2024. REUTERS/Kevin Mohatt", date="Jun 12, 2024"),
        steps=(
            step("inlined next posts rotated", rotate_teasers(5)),
            step("unit: 0.2 percentage points -> 0.2 percent",
                 replace("fell 0.2 percentage points", "fell 0.2 percent"),
                 expect=[("estimate_changed", "0.2 percent")]),
            step("hedge removed: seems to be cooling -> is cooling",
                 replace("Inflation seems to be cooling:", "Inflation is cooling:"),
                 expect=[("claim_changed", "Inflation is cooling")]),
            step("range 5.25 percent to 5.5 percent -> 5.25%-5.5% (reformat)",
                 replace("5.25 percent to 5.5 percent", "5.25%-5.5%")),
            step("growth projection 2.1 -> 1.9 percent", replace("grow 2.1 percent", "grow 1.9 percent"),
                 expect=[("estimate_changed", "1.9 percent")]),
            step("polarity unlikely -> likely", replace("is unlikely to lower rates", "is likely to lower rates"),
                 expect=[("claim_changed", "likely to lower rates")]),
            step("caption changed", set_caption("Jerome Powell at the Federal Reserve in Washington, June 12, 2024. "
                                                "REUTERS/Kevin Mohatt")),
            step("fault: 200 error page", fault("error"), expect=[WARN]),
            step("restored after error page", restore()),
            step("$25 billion -> $25bn (reformat)", replace("$25 billion a month", "$25bn a month")),
            step("paragraphs reordered", swap_paragraphs(6, 7)),
            step("cuts twice -> only once", replace("cut rates twice", "cut rates only once"),
                 expect=[("estimate_changed", "once")]),
            step("multiplier double -> triple", replace("roughly double their level", "roughly triple their level"),
                 expect=[("estimate_changed", "triple")]),
            step("claim removed: futures probability sentence", delete_paragraph("Markets expect the first cut"),
                 expect=[("claim_removed", "60 percent")]),
            step("paragraphs merged", merge_paragraphs("The unemployment rate has risen")),
            step("12 months -> twelve months (reformat)", replace("in the 12 months through May", "in the twelve months through May")),
            step("attributed claim added (no figure)",
                 add_paragraph("Goldman Sachs economists said they now expect the first cut in December rather "
                               "than September.", after="watching closely."),
                 expect=[("claim_added", "Goldman Sachs")]),
            step("attribution changed: officials said -> Powell said",
                 replace("$25bn a month, officials said.", "$25bn a month, Powell said."),
                 expect=[("claim_changed", "Powell said")]),
            step("qualifier about 272,000 -> more than 272,000", replace("about 272,000 jobs", "more than 272,000 jobs"),
                 expect=[("estimate_changed", "more than 272,000")]),
            step("teasers rotated, date changed", rotate_teasers(9), set_date("Jun 13, 2024")),
        ),
    )


def _rs_div() -> Scenario:
    """Seed 000 again, in generic div markup (teasers blend into the tail); baseline = first fetch."""
    return Scenario(
        id="rs-div", article="seed-000 putin-kim summit", markup="div",
        title="Putin and Kim in Pyongyang, making it 'strategic'", paragraphs=_seed_paragraphs(SEED_RS),
        options=dict(teasers=3),
        steps=(
            step("tail teasers rotated", rotate_teasers(4)),
            step("shells per day 10,000 -> 12,000", replace("around 10,000 shells per day", "around 12,000 shells per day"),
                 expect=[("estimate_changed", "12,000")]),
            step("same sentence, multiplier five times -> four times",
                 replace("roughly five times more", "roughly four times more"),
                 expect=[("estimate_changed", "four times")]),
            step("tail teasers rotated, double space typed", rotate_teasers(8),
                 replace("Not just symbolic, the summit", "Not just symbolic,  the summit")),
            step("fault: truncated page (lazy-loaded body)", fault("truncated"), expect=[WARN]),
            step("restored after truncated page", restore()),
            step("paragraph moved", move_paragraph(15, 2)),
            step("copy edit: keenly aware -> well aware, tail teasers rotated", replace("keenly aware", "well aware"),
                 rotate_teasers(10)),
            step("claim removed: containers sentence",
                 delete("According to estimates by the South Korean Defense Ministry, North Korea has provided "
                        "Russia with an estimated 7,000 containers of munitions and other military equipment "
                        "to date."),
                 expect=[("claim_removed", "7,000")]),
            step("apostrophes curly -> straight", replace("Kim’s demands", "Kim's demands"),
                 replace("Putin’s commitment", "Putin's commitment")),
        ),
    )


def in_markup(sc: Scenario, markup: str) -> Scenario:
    """The same article and steps served in another markup (id ``<id>-<markup>``).

    The steps are markup-neutral by construction: each chrome op (teaser rotation, caption, date,
    dateline, update stamp) drives whatever boilerplate that markup shows, and every check moves its
    clocks, so a harmless step stays harmless and a claim step expects the same alerts."""
    return dataclasses.replace(sc, id=f"{sc.id}-{markup}", markup=markup)


def build() -> tuple[Scenario, ...]:
    """Every article in its native markup plus every new markup (``rs-div`` is a second step list
    for seed 000 and stays in the div markup only)."""
    native = (_rs_putin_kim(), _rand_embrace(), _county_budget(), _measles(), _wildfire(), _central_bank())
    variants = tuple(in_markup(sc, m) for sc in native for m in markups.NEW_MARKUPS)
    return native + (_rs_div(),) + variants


SCENARIOS: tuple[Scenario, ...] = build()


def stats(scenarios: Iterable[Scenario] = SCENARIOS) -> dict[str, int]:
    """Size of the set: steps by class, articles, markups (the seed first fetch counts as harmless)."""
    scs = list(scenarios)
    steps = [s for sc in scs for s in sc.steps]
    seeded = sum(1 for sc in scs if sc.seed is not None)
    return {
        "scenarios": len(scs),
        "articles": len({sc.article for sc in scs}),
        "markups": len({sc.markup for sc in scs}),
        "steps": len(steps) + seeded,
        "claim_steps": sum(s.is_claim for s in steps),
        "harmless_steps": sum(s.is_harmless for s in steps) + seeded,
        "fault_steps": sum(s.is_fault for s in steps),
        "expected_claim_alerts": sum(len(s.claim_expect) for s in steps),
    }


def validate(scenarios: Iterable[Scenario] = SCENARIOS) -> None:
    """Apply every step of every scenario (raises :class:`ScenarioError` on a step that does not fit)."""
    for sc in scenarios:
        if sc.markup not in MARKUPS:
            raise ScenarioError(f"{sc.id}: unknown markup {sc.markup!r}")
        for _ in sc.states():
            pass


if __name__ == "__main__":
    validate()
    print(stats())
