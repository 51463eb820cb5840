"""A watcher state with real alerts, made through the real pipeline for the report and UI tests.

Pages rendered by ``tests/sitegen.py`` are served on 127.0.0.1, ``watcher check`` stores them, a
figure (and a hedge, a qualifier) is edited, ``watcher check`` again raises the alerts. One source
points at a dead port so the index has a failing source to show.
"""

from __future__ import annotations

import socket
from pathlib import Path

from . import sitegen as pages
from .conftest import SEEDS, Site, watcher, write_config
from .seed_expected import SEED_ANALYSIS, SEED_ANALYSIS_FILE

TITLE_A = "Putin and Kim in Pyongyang, making it 'strategic'"
BOILERPLATE = ("keep reading", "Follow us on social", "Subscribe to the", "All rights reserved",
               "We use cookies", "Most read", "Share on Facebook")


def magazine(paras: list[str], offset: int = 0) -> str:
    return pages.magazine_page(TITLE_A, paras, dek="But even good friends have geopolitical limits",
                               caption="Putin meets Kim in Pyongyang. Sputnik/Pool via REUTERS",
                               teasers=pages.rotate(pages.TEASER_POOL, 3, offset))


def edit(paras: list[str], old: str, new: str) -> list[str]:
    hits = [p for p in paras if old in p]
    assert len(hits) == 1, f"{old!r} found {len(hits)} times"
    return [p.replace(old, new) for p in paras]


def _check(cfg: Path) -> None:
    p = watcher("check", "--config", str(cfg))
    assert p.returncode == 0, p.stderr


def build_state(tmp: Path) -> Path:
    """Write a config in ``tmp`` and run two checks; returns the config path."""
    title, news = pages.ARTICLES["county_budget"]
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    dead = s.getsockname()[1]
    s.close()
    site = Site().start()
    try:
        site.put("/analysis", magazine(SEED_ANALYSIS))
        site.put("/news", pages.news_page(title, news, sidebar=["Mayor resigns", "Storm warning"]))
        cfg = write_config(tmp, [
            {"id": "analysis", "url": site.url("/analysis"), "baseline": SEEDS / SEED_ANALYSIS_FILE,
             "title": "Putin and Kim in Pyongyang"},
            {"id": "county", "url": site.url("/news")},
            {"id": "down", "url": f"http://127.0.0.1:{dead}/gone"},
        ])
        _check(cfg)
        analysis = edit(SEED_ANALYSIS, "an estimated 7,000 containers", "an estimated 11,000 containers")
        analysis = edit(analysis, "military finds itself", "military seems to find itself")
        site.put("/analysis", magazine(analysis, offset=5))
        news = edit(news, "About $310 million is set aside", "More than $340 million is set aside")
        site.put("/news", pages.news_page(title, news, sidebar=["Flood update", "School closures"]))
        _check(cfg)
    finally:
        site.stop()
    return cfg
