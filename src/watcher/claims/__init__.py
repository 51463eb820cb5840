"""Figures and claims in a text and how they change: the figures (numbers, with numbers_scan,
numbers_locale, numbers_dates, numbers_words), sentences and their claims (sentences; attribution,
hedges and negation in cues; timestamps in stamps), the alignment of two
versions (align), the comparison of aligned claims (compare), page furniture told by the versions
themselves (furniture), blocks shared across a site (template) and the word diff (textdiff).

``compare.compare``, ``sentences.sentences`` and ``align.align`` share their module's name and are
imported from the module (``from watcher.claims.compare import compare``), never re-exported here.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .align import Pair
    from .compare import Finding, claim_key, compare_pair
    from .cues import attribution
    from .numbers import Mention, parse
    from .sentences import Sentence, mention_order
    from .textdiff import word_diff

# Re-exports load their module at first use (PEP 562): the engine's modules compile ~150 regular
# expressions on import (~40 ms), which a pass that only records a first version's blocks
# (``template``) or finds nothing changed must not pay. ``align`` the function is imported from
# its module (``from watcher.claims.align import align``): the name is the submodule's too.
_HOME = {"Pair": "align", "Finding": "compare", "claim_key": "compare", "compare_pair": "compare",
         "attribution": "cues", "Mention": "numbers", "parse": "numbers", "Sentence": "sentences",
         "mention_order": "sentences", "word_diff": "textdiff"}


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


__all__ = ["Finding", "Mention", "Pair", "Sentence", "attribution", "claim_key", "compare_pair", "mention_order", "parse", "word_diff"]
