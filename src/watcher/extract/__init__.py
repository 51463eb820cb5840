"""From page bytes to main text: decoding and extraction (html), the text rules that clean it (clean),
boilerplate from the page's structure (dom, imported on use) and the fault check of a page (faults).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import exports

if TYPE_CHECKING:
    from .clean import ends_sentence, is_headline
    from .document import Document
    from .html import decode, extract, load_baseline, preload_extractor

# Names load their module at first use (see watcher.lazy): a check that finds a page unchanged needs
# the Document type only, not the text rules and their regular expressions (~15 ms to import).
_WHERE = {"clean": ("ends_sentence", "is_headline"), "document": ("Document",),
          "html": ("decode", "extract", "load_baseline", "preload_extractor")}

__all__ = ["Document", "decode", "ends_sentence", "extract", "is_headline", "load_baseline", "preload_extractor"]

__getattr__ = exports(__name__, globals(), _WHERE)
