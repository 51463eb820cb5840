"""Figures and claims in a text and how they change: the figures (numbers, with numbers_scan,
numbers_locale, numbers_dates, numbers_words; units for conversions), sentences and their claims
(sentences; attribution, hedges, negation and opposites in cues; what happened to those counted
and the word families about a figure in outcomes; timestamps in stamps), what a pair of versions
changed beyond its figures (names, quotes, ranks, and typos for what is only a misspelling), the alignment of two
versions (align), the comparison of aligned claims (compare), page furniture told by the versions
themselves (furniture), blocks shared across a site (template) and the word diff (textdiff).

``compare.compare``, ``sentences.sentences`` and ``align.align`` share their module's name and are
imported from the module (``from watcher.claims.compare import compare``), never re-exported here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import exports

if TYPE_CHECKING:
    from .align import Pair
    from .compare import Finding, claim_key, compare_pair
    from .cues import attribution
    from .numbers import Mention, parse
    from .sentences import Sentence, mention_order
    from .textdiff import word_diff

# Names load their module at first use (see watcher.lazy): the engine's modules compile ~150
# regular expressions on import (~40 ms), which a pass that only records a first version's
# template blocks, or finds nothing changed, must not pay.
_WHERE = {"align": ("Pair",), "compare": ("Finding", "claim_key", "compare_pair"), "cues": ("attribution",),
          "numbers": ("Mention", "parse"), "sentences": ("Sentence", "mention_order"), "textdiff": ("word_diff",)}

__all__ = ["Finding", "Mention", "Pair", "Sentence", "attribution", "claim_key", "compare_pair", "mention_order", "parse", "word_diff"]

__getattr__ = exports(__name__, globals(), _WHERE)
