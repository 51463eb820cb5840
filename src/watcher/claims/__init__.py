"""Figures and claims in a text and how they change: the figure scanner (numbers, numbers_locale,
numbers_dates, numbers_words), sentences and their claims (sentences), the comparison of two
versions (compare) and blocks shared across a site (template).

``compare.compare`` and ``sentences.sentences`` share their module's name and are imported from the
module (``from watcher.claims.compare import compare``), never re-exported here.
"""

from .compare import Finding, Pair, align, claim_key, compare_pair, word_diff
from .numbers import Mention, parse
from .sentences import Sentence, attribution, mention_order

__all__ = ["Finding", "Mention", "Pair", "Sentence", "align", "attribution", "claim_key", "compare_pair", "mention_order", "parse", "word_diff"]
