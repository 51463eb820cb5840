"""``watcher demo``: the whole loop, offline, in under a minute.

A newcomer without access to the bundled sources should still see what watcher is for. The demo
serves the two seed articles as realistic pages (boilerplate included) on 127.0.0.1, checks them
against their seeds, then publishes a scripted series of edits — noise first, then real claim
changes — checking after each and narrating what changed on the page and what watcher raised (or
why it stayed silent). Everything lives in a temporary folder unless ``--keep DIR`` is given.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console

from ..console import safe_console
from ..kinds import CLAIM_KINDS
from ..store import AlertRecord, Store
from .localsite import LocalSite
from .pages import magazine_page, thinktank_page
from .teasers import TEASER_POOL, rotate

SEEDS = Path(__file__).resolve().parent / "seeds"  # package data: the demo runs from an installed wheel too
ANALYSIS_SEED = "000_a426cd0a5ba97d96.txt"
COMMENTARY_SEED = "002_e9ee366aa947b6a8.txt"
ANALYSIS_TITLE = "Putin and Kim in Pyongyang, making it 'strategic'"
COMMENTARY_TITLE = "Putin's Embrace of Kim Jong-un Has Its Limits"


@dataclass
class Article:
    """One page of the demo site: its paragraphs and the boilerplate knobs an edit can turn."""

    render: Callable[[Article], str]
    paragraphs: list[str]
    teaser_offset: int = 0
    credit: str = "Photo by KCNA via Reuters"

    def edit(self, old: str, new: str) -> None:
        hits = [i for i, p in enumerate(self.paragraphs) if old in p]
        if len(hits) != 1:
            raise RuntimeError(f"demo script out of date: {old!r} found {len(hits)} times")
        self.paragraphs[hits[0]] = self.paragraphs[hits[0]].replace(old, new)


@dataclass(frozen=True)
class Step:
    title: str
    source: str
    change: Callable[[Article], None]
    expect: str  # the alert kind a reader should see, or "" for silence (the test checks it)
    why_silent: str = ""


STEPS = [
    Step("The magazine rotates its “keep reading” teasers (they carry their own figures).", "analysis",
         lambda a: setattr(a, "teaser_offset", a.teaser_offset + 3), "",
         "teasers are boilerplate: cut with everything after the first “keep reading”"),
    Step("The commentary's photo credit changes.", "commentary",
         lambda a: setattr(a, "credit", "Photo by Sputnik via Reuters"), "",
         "captions and credits are not article text"),
    Step("An editor rewrites “more than 3 million rounds” as “more than 3,000,000 rounds”.", "commentary",
         lambda a: a.edit("more than 3 million rounds", "more than 3,000,000 rounds"), "",
         "3 million = 3,000,000: the figure did not change"),
    Step("The analysis revises its estimate: 7,000 containers become 10,000.", "analysis",
         lambda a: a.edit("an estimated 7,000 containers", "an estimated 10,000 containers"), "estimate_changed"),
    Step("The commentary softens a claim: “is likely to limit” becomes “may limit”.", "commentary",
         lambda a: a.edit("Putin also is likely to limit", "Putin also may limit"), "claim_changed"),
    Step("The analysis drops an attribution (“as noted by South Korea's Defense Minister”).", "analysis",
         lambda a: a.edit(", as noted by South Korea’s Defense Minister earlier this week,", ""), "claim_changed"),
]


def _pages() -> dict[str, Article]:
    from ..extract import load_baseline

    analysis = list(load_baseline(SEEDS / ANALYSIS_SEED).paragraphs)
    commentary = list(load_baseline(SEEDS / COMMENTARY_SEED).paragraphs)

    def magazine(a: Article) -> str:
        return magazine_page(
            ANALYSIS_TITLE, a.paragraphs, dek="But even good friends have geopolitical limits",
            caption="Russia's President Vladimir Putin meets with North Korea's leader Kim Jong Un in Pyongyang, "
                    "June 19, 2024. Sputnik/Gavriil Grigorov/Pool via REUTERS",
            teasers=rotate(TEASER_POOL, 3, a.teaser_offset))

    def thinktank(a: Article) -> str:
        quote = next(p for p in a.paragraphs if p.startswith("North Korea and Russia simply do not"))
        return thinktank_page(
            COMMENTARY_TITLE, a.paragraphs, caption="North Korean leader Kim Jong-un meets with Russian President "
            "Vladimir Putin in the Amur Oblast, September 13, 2023", credit=a.credit,
            pull_quotes={a.paragraphs.index(quote) - 1: quote.split(". ")[0] + "."},
            bio="Derek Grossman is a senior defense analyst at RAND.", related=["Another view on Pyongyang"])

    return {"analysis": Article(magazine, analysis), "commentary": Article(thinktank, commentary)}


def _config(folder: Path, site: LocalSite) -> Path:
    cfg = folder / "watcher.toml"
    cfg.write_text(
        'state_dir = "state"\n\n'
        f'[[sources]]\nid = "analysis"\nurl = "{site.url("analysis")}"\ntitle = "{ANALYSIS_TITLE}"\n'
        f'baseline = "{(SEEDS / ANALYSIS_SEED).as_posix()}"\n\n'
        f'[[sources]]\nid = "commentary"\nurl = "{site.url("commentary")}"\ntitle = "{COMMENTARY_TITLE}"\n'
        f'baseline = "{(SEEDS / COMMENTARY_SEED).as_posix()}"\n', encoding="utf-8")
    return cfg


def run(keep: Path | None = None, serve: bool = False, console: Console | None = None) -> list[AlertRecord]:
    """Run the demo; returns the claim and fault alerts it raised, in order.

    State and the HTML report go to ``keep`` or a new temporary folder, which is left in place so
    the report can be opened afterwards; nothing is written anywhere else.
    """
    from ..config import model as config_mod
    from ..passes import run_check
    from ..report import write_site

    console = console or safe_console(highlight=False)
    folder = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="watcher-demo-"))
    folder.mkdir(parents=True, exist_ok=True)
    pages = _pages()
    site = LocalSite(lambda path: (lambda a: a.render(a) if a else None)(pages.get(path.strip("/"))))
    raised: list[AlertRecord] = []
    try:
        cfg = config_mod.load(_config(folder, site))
        store = Store(cfg.database_url, lock_timeout=cfg.lock_timeout, captures_dir=cfg.state_dir / "captures")

        def check() -> list[AlertRecord]:
            results = run_check(cfg, store)
            new = [a for r in results for a in r.alerts if a.kind in CLAIM_KINDS or a.kind.startswith("source")]
            raised.extend(new)
            return new

        console.rule("[bold]watcher demo[/] — two articles served on 127.0.0.1, checked against their seeds")
        console.print("Publishing both articles as they first appeared, with their real-world boilerplate: "
                      "headlines, deks, captions, pull quotes with share buttons, author bio and “keep reading” "
                      "teasers.")
        _narrate(console, check(), "the pages match their seeds once boilerplate is stripped")
        for n, step in enumerate(STEPS, 1):
            console.print(f"\n[bold cyan]Edit {n}.[/] {step.title}")
            step.change(pages[step.source])
            _narrate(console, check(), step.why_silent)
        report = write_site(cfg, store, folder / "report").out / "index.html"
        console.rule("done")
        console.print(f"State: [bold]{folder / 'state'}[/]")
        console.print(f"HTML report: [bold]{report}[/]  (open it in a browser)")
        console.print("Next: `watcher diff analysis --config " + str(folder / "watcher.toml") + "`, or add your own "
                      "sources to config/watcher.toml and run `make run`.")
        if serve:
            from ..report import web

            sock = web.bind("127.0.0.1", 0)
            console.print(f"Review UI on http://127.0.0.1:{sock.getsockname()[1]}/ — Ctrl-C stops it.")
            web.serve(cfg, store, sock)
        store.close()
        return raised
    finally:
        site.close()


def _narrate(console: Console, alerts: list[AlertRecord], why_silent: str) -> None:
    claims = [a for a in alerts if a.kind in CLAIM_KINDS]
    if not claims:
        console.print(f"  watcher: [green]silent[/] — {why_silent}." if why_silent else "  watcher: [green]silent[/].")
        return
    for a in claims:
        console.print(f"  watcher: [bold red]{a.kind}[/] ({a.severity}) in [bold]{a.source}[/]: "
                      f"{a.explanation}")
        if a.before:
            console.print(f"    [red]- {a.before}[/]", markup=True, highlight=False)
        if a.after:
            console.print(f"    [green]+ {a.after}[/]", markup=True, highlight=False)
