"""Figures and claims in a text and how they change: the figures (numbers, with numbers_scan,
numbers_locale, numbers_dates, numbers_words), sentences and their claims (sentences; attribution,
hedges and negation in cues; timestamps in stamps), the alignment of two
versions (align), the comparison of aligned claims (compare), page furniture told by the versions
themselves (furniture), blocks shared across a site (template) and the word diff (textdiff).

``compare.compare`` and ``sentences.sentences`` share their module's name and are imported from the
module (``from watcher.claims.compare import compare``), never re-exported here.
"""

from .align import Pair, align
from .compare import Finding, claim_key, compare_pair
from .cues import attribution
from .numbers import Mention, parse
from .sentences import Sentence, mention_order
from .textdiff import word_diff

__all__ = ["Finding", "Mention", "Pair", "Sentence", "align", "attribution", "claim_key", "compare_pair", "mention_order", "parse", "word_diff"]
