"""From page bytes to main text: decoding and extraction (html), the text rules that clean it (clean),
boilerplate from the page's structure (dom, imported on use) and the fault check of a page (faults).
"""

from .clean import ends_sentence, is_headline
from .html import Document, decode, extract, load_baseline, preload_extractor

__all__ = ["Document", "decode", "ends_sentence", "extract", "is_headline", "load_baseline", "preload_extractor"]
