"""Template blocks: what a page shares with other watched pages of the same site.

A newsletter box, a standard bio, a "support our journalism" appeal or a teaser that every
article of a site carries is the site's template, not one article's claim — whatever its markup.
So the short paragraphs of each source's latest version are kept by host (as hashes), and a
paragraph that another source of the same host also has is template. A change inside one (the
box now says "Join 30,000 readers") is at most ``text_changed``.

One guard keeps this honest: two sources that share most of their paragraphs are the same
article (a mirror, a print view, the same story under two URLs), not a template; such a source
is no evidence.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from .compare import Finding


TEMPLATE_MAX_WORDS = 80  # template blocks are short; a long paragraph is an article's own
MIRROR_SHARE = 0.5  # a source sharing more than this share of a page's blocks is the same article


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def block_hash(paragraph: str) -> str:
    return hashlib.sha1(" ".join(paragraph.casefold().split()).encode("utf-8")).hexdigest()[:16]


def candidates(paragraphs: Iterable[str]) -> dict[str, str]:
    """hash → paragraph, for the paragraphs short enough to be template blocks."""
    return {block_hash(p): p for p in paragraphs if len(p.split()) <= TEMPLATE_MAX_WORDS}


def mirror_floor(page: dict[str, str]) -> int:
    """A source sharing more than this many of ``page``'s blocks is the same article (a mirror)."""
    return int(MIRROR_SHARE * len(page))


def template_hashes(page: dict[str, str], mirrors: Callable[[set[str], int], set[str]],
                    carried: Callable[[set[str], set[str]], set[str]]) -> set[str]:
    """The blocks of ``page`` that another (non-mirror) source of the host also has. ``mirrors``
    (blocks, floor) names the sources sharing more than ``floor`` of the blocks; ``carried``
    (blocks, excluded sources) says which blocks a source outside the excluded ones carries —
    both answered by the store for the whole host at once."""
    if not page:
        return set()
    return carried(set(page), mirrors(set(page), mirror_floor(page)))


def demote(findings: Sequence[Finding], template: Iterable[str]) -> list[Finding]:
    """Claim findings whose sentence lies in a template block become ``text_changed``."""
    blocks = list(template)
    if not blocks:
        return list(findings)

    def inside(text: str | None) -> bool:
        return text is not None and text != "" and any(text in b for b in blocks)

    out = []
    for f in findings:
        if f.is_claim and (inside(f.before) or inside(f.after)):
            f = replace(f, kind="text_changed", severity="info",
                        explanation=f"{f.explanation} (in a block other pages of this site also carry: template)")
        out.append(f)
    return out
