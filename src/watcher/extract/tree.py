"""Small tools over a parsed page (lxml): measuring text, telling templates apart, taking an
element out without losing its tail, and reading a tree block by block.

They serve :mod:`watcher.extract.dom` (the boilerplate found on the page's structure) and
:mod:`watcher.extract.html` (the extraction around it); none decides what is boilerplate.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable

from lxml.cssselect import CSSSelector
from lxml.etree import Element, XPath
from lxml.html import HtmlElement

INLINE = frozenset("a abbr b bdi bdo br cite code data dfn em font i kbd mark q s samp small span strong sub "
                    "sup time u var wbr".split())


def text_of(el: HtmlElement) -> str:
    if not len(el):  # a leaf (most small elements): its own text is all of it
        return " ".join(el.text.split()) if el.text else ""
    return " ".join(" ".join(el.itertext()).split())


class Measure:
    """Text length and link-text length of every element, computed bottom-up once (elements only:
    a comment's text is no page text, its tail is). The dicts also keep every element's proxy
    alive, so later passes over the tree do not make lxml build them again."""

    def __init__(self, root: HtmlElement) -> None:
        chars: dict[HtmlElement, int] = {}
        links: dict[HtmlElement, int] = {}
        for el in reversed(list(root.iter(Element))):
            t = el.text
            n = len(t.strip()) if t else 0
            lk = 0
            for ch in el:
                t = ch.tail
                n += chars.get(ch, 0) + (len(t.strip()) if t else 0)
                lk += links.get(ch, 0)
            chars[el] = n
            links[el] = n if el.tag == "a" else lk  # all of a link's text is link text
        self.chars, self.link_chars = chars, links


_SHAPELESS = INLINE - {"a"}  # inline tags that say nothing of a template (links and images do)


def shape(el: HtmlElement, depth: int = 3) -> tuple:
    """The element's template: block tags to a few levels, consecutive repeats folded (a card with
    one blurb paragraph and one with two are the same template). Asked of every child of every
    element of a page, so a leaf returns at once."""
    if not depth or not len(el):
        return (el.tag,)
    out: list = [el.tag]
    prev = None
    for ch in el:
        tag = ch.tag
        if not isinstance(tag, str) or tag in _SHAPELESS:
            continue
        s = shape(ch, depth - 1)
        if s != prev:
            out.append(s)
        prev = s
    return tuple(out)


def has_headline_link(el: HtmlElement) -> bool:
    for a in el.iter("a"):
        if a.get("href") and len(text_of(a).split()) >= 2:
            return True
    return False


def has_image(el: HtmlElement) -> bool:
    return next(el.iter("img", "picture", "svg"), None) is not None


def word_count(el: HtmlElement) -> int:
    return len(el.text_content().split())


def flat_text(el: HtmlElement) -> str:
    return " ".join("".join(el.itertext()).split())


def divs_as_paragraphs(root: HtmlElement) -> None:
    """A ``div`` that holds text itself and only inline elements, among ``p`` siblings, is a
    paragraph: call it one.

    Component markup writes some paragraphs as ``div``s; trafilatura drops such a ``div`` when it
    sits among ``p`` siblings, losing the article's text. Renaming is all it takes (structure
    stays). A lone text ``div`` elsewhere (a byline, a counter) is left as trafilatura judges it.
    """
    for el in root.iter("div"):
        parent = el.getparent()
        if parent is None or not any(ch.tag == "p" for ch in parent):
            continue
        if not (el.text or "").strip() and not any((ch.tail or "").strip() for ch in el):
            continue
        if all(isinstance(ch.tag, str) and ch.tag in INLINE or not isinstance(ch.tag, str) for ch in el):
            el.tag = "p"


LAYOUT_CELL_CHARS = 400  # a table cell this long, holding most of its table's text, is a page's column
LAYOUT_CELL_SHARE = 0.6


def layout_tables_as_blocks(tables: list[HtmlElement]) -> None:
    """A table that lays a page out — a cell holding another table, a headline, or most of the
    table's text as a long column — is no data: its rows and cells become ``div`` blocks, so that
    the extractor finds the article in its column instead of writing the whole page as one table
    row ("| Home News … | Headline By … |"). A data table stays a table: its cells share its text
    (a recipe's ingredients, a results table, however long each cell's hidden notes)."""
    for table in tables:
        for el in [table, *(e for e in table.iter("tbody", "thead", "tfoot", "tr", "td", "th") if _owner_table(e) is table)]:
            el.tag = "div"
            for attr in ("width", "valign", "colspan", "rowspan", "cellpadding", "border"):
                el.attrib.pop(attr, None)


def layout_tables(root: HtmlElement) -> list[HtmlElement]:
    """The tables of ``root`` that lay the page out (for :func:`layout_tables_as_blocks`)."""
    out = []
    for table in root.iter("table"):
        cells = table_cells(table)
        sizes = [len(c.text_content()) for c in cells]  # each cell's text read once
        total = sum(sizes) or 1
        if any(c.find(".//table") is not None or c.find(".//h1") is not None or c.find(".//h2") is not None
               or n > LAYOUT_CELL_CHARS and n >= LAYOUT_CELL_SHARE * total
               for c, n in zip(cells, sizes, strict=True)):
            out.append(table)
    return out


def table_cells(table: HtmlElement) -> list[HtmlElement]:
    """The cells of ``table`` itself, not of the tables nested in them."""
    return [c for c in table.iter("td", "th") if _owner_table(c) is table]


def _owner_table(el: HtmlElement) -> HtmlElement | None:
    return next((a for a in el.iterancestors() if a.tag == "table"), None) if el.tag != "table" else el


def detached_copy(el: HtmlElement) -> HtmlElement:
    c = copy.deepcopy(el)
    c.tail = None
    return c


def drop_keep_tail(el: HtmlElement) -> None:
    """Remove an element but keep the text after it (``<p>text <small>credit</small> more</p>``)."""
    parent = el.getparent()
    tail = el.tail
    if tail and tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


BLOCKS = frozenset("p li h1 h2 h3 h4 h5 h6 td th dd dt blockquote pre figcaption caption".split())


def block_texts(root: HtmlElement) -> list[str]:
    """The text of a tree, one line per block, in document order: the fallback when the extractor
    finds no article in what is left (a short page, or the container a site rule named)."""
    out: list[str] = []
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "head", "title", "noscript"):
            continue
        if el.tag in BLOCKS or (el.tag == "div" and (el.text or "").strip()):
            if any(a.tag in BLOCKS for a in el.iterancestors()):
                continue
            t = text_of(el) if el.tag != "div" else " ".join((el.text or "").split())
            if t:
                out.append(t)
    return out


def compile_selectors(selectors: Iterable[str]) -> list[Callable]:
    """CSS selectors (or XPath, when one starts with ``/`` or ``(``) as callables on a tree."""
    out: list[Callable] = []
    for s in selectors:
        out.append(XPath(s) if s.lstrip().startswith(("/", "(")) else CSSSelector(s))
    return out
