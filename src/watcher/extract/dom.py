"""Boilerplate decided on the page's structure, before the extractor throws the structure away.

trafilatura finds the article's container well, but inside a container of plain ``div``s it
cannot tell an inlined teaser, a newsletter box or a comment thread from article text, and it
drops the tiny "Keep reading" / "Show less" markers that would have told us. So before
extraction we look at the parsed tree for evidence that holds on any site's markup:

* **markers** — a short element whose whole text is a widget phrase ("Keep reading", "Show
  less", "Share", "Subscribe to our newsletter", "Related articles"): the marker goes, and for
  a teaser marker so does the card that holds it (the largest ancestor that is still short and
  holds no second marker);
* **timestamps** — a short element that only dates the page or a post ("Updated 2 minutes ago",
  "10:42 GMT"), so it cannot run into the paragraph after it;
* **form controls** — an ``input``/``select``/``textarea`` with the short block around it
  (newsletter and search boxes, polls), and a short block of two buttons or more with little
  else to read (a quiz's answers beside its question);
* **a reader's post** — a short line ending in its like count ("Margaret L. · 51 likes"), with the
  short block around it (a top comment quoted alone);
* **subscription offers and donation asks** — a link or button that only says "Subscribe now"
  ("Jetzt abonnieren", "Start your free trial", a newsletter's "Sign up") or "Donate" ("Jetzt
  spenden", "Faire un don"), with the short box around it;
* **reader polls** — a short "1,204 votes" count outside a table, with the short block around it
  (the question, and the options' shares that move with every vote);
* **card lists** — two or more sibling blocks of the same shape, each a short block holding a
  headline link or an image (teaser grids, "more stories", related lists, wherever they sit);
* **comment threads** — two or more sibling blocks of the same shape, each holding a counter or
  "Reply" control ("12 likes", "3 hours ago");
* **link paragraphs** — a ``p`` that is nothing but links, or links under a short label of any
  language (an inline "read also" teaser: "Lesen Sie auch:", "À lire aussi :");
* **side columns** — in a table that lays the page out, the cells beside its main column that
  hold links (navigation, "Top stories"); the table itself is then made blocks (see
  :func:`watcher.extract.tree.layout_tables_as_blocks`), so the article comes out in paragraphs;
* **captions** — ``figcaption``, ``small`` and the short text that shares a wrapper with an
  image;
* **summaries** — a short box under a summary's label ("Quick read", "Key takeaways", "Das
  Wichtigste in Kürze", "En bref") whose items restate sentences of the article: rewritten at
  every load when a machine writes them, and the article holds their claims;
* **text set apart from its sentence** — an element with the class of a visually-hidden utility
  ("sr-only", "visually-hidden", "screen-reader-text"): "(opens in a new tab)" inside a link of
  a sentence, "Advertisement" before an ad slot, a chart's data table; a tooltip (``role=
  "tooltip"``, "tooltiptext"), shown on hover: a term's definition inside the sentence; and a
  sidenote ("sidenote", "marginnote"), set in the margin;
* **cookie notices** — a short block about cookies with a button or link (a consent banner);
* **share links** — links to share endpoints, and the short block holding two of them;
* **footnotes** — a marker of a few characters ("[3]", "12", "a") linking to a note on the same
  page, and the note it points to (a reference list's entry, a footnote);
* **site rules** — the source's own ``exclude`` selectors, and ``include`` selectors that name
  the article's container.

Every block found is kept as :class:`Ignored` with its reason, so a reviewer can see what was
left out and why. Small widgets leave the tree; large blocks (card lists, comment threads,
teaser cards) stay in it and their lines are filtered from the extractor's output instead:
taking a long comment thread out of a recipe page made trafilatura choose another container
and lose the recipe. Work is linear in the tree: one bottom-up pass measures text, one pass
looks at each element once.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from lxml.html import HtmlElement, document_fromstring

from ..wordcheck import may_match
from . import clean as patterns
from .tree import (
    INLINE,
    Measure,
    detached_copy,
    divs_as_paragraphs,
    drop_keep_tail,
    flat_text,
    has_headline_link,
    has_image,
    layout_tables,
    layout_tables_as_blocks,
    shape,
    table_cells,
    text_of,
    word_count,
)


@dataclass(frozen=True)
class Ignored:
    """A block that is not article text, and the evidence for that."""

    text: str
    reason: str


CARD_MAX_WORDS = 90  # a teaser card (headline + one or two short blurbs) is shorter than this
CARD_MAX_CHARS = 1500  # a teaser's card never holds this much text; an article container does
WIDGET_MAX_CHARS = 400  # the box around a form control or a share widget is short
MARKER_MAX_CHARS = 80
CARD_LINK_SHARE = 0.12  # a headline of ~8 words over a blurb of ~40
NOTE_REASON = "note a footnote marker points to (a reference or a footnote)"
NOTE_SENTENCE_WORDS = 3  # a footnote marker annotates a sentence: its paragraph holds this many words at least
NOTE_ANCHOR_CHARS = 12  # a note's own anchor holds its number at most ("[12]", "12.", "↑ 12")
SIDE_SHARE = 0.5  # a layout table's side column holds less than half the text of its main one
_TEXT_BLOCKS = frozenset("p h1 h2 h3 h4 h5 h6 blockquote pre td th".split())

_CONTROLS = frozenset(("input", "select", "textarea"))
_ENTRY_TYPES = frozenset(("", "text", "email", "search", "tel"))
_SHARE_HREF = re.compile(
    r"(?:twitter\.com/(?:intent|share)|x\.com/intent|facebook\.com/(?:sharer|share)|linkedin\.com/(?:share|shareArticle)"
    r"|reddit\.com/submit|wa\.me/|whatsapp://|t\.me/share|pinterest\.\w+/pin/create|mailto:\?|news\.ycombinator\.com/submitlink"
    r"|bsky\.app/intent|threads\.net/intent)", re.IGNORECASE)
_COOKIES = re.compile(r"\bcookies?\b|\bconsent\b|\bdatenschutz|\bconfidentialit|\bprivacidad", re.IGNORECASE)
# What every match of the two patterns above holds, in lower case (see watcher.wordcheck; a real
# page has ~150 links).
_SHARE_WORDS = ("twitter.com/", "x.com/intent", "facebook.com/share", "linkedin.com/share", "reddit.com/submit",
                "wa.me/", "whatsapp://", "t.me/share", "/pin/create", "mailto:?", "ycombinator.com/submitlink",
                "bsky.app/intent", "threads.net/intent")
_COOKIE_WORDS = ("cookie", "consent", "datenschutz", "confidentialit", "privacidad")
_COUNTER_SHORT = re.compile(
    r"^\W*(?:\d[\d,.]*\s*[kK]?\s*)?(?:likes?|replies|reply|antworten|r[ée]pondre|responder|gef[äa]llt\s+mir|"
    r"upvotes?|points?|comments?|kommentare?)\W*$", re.IGNORECASE)


_NO_MARKERS = frozenset(("html", "body", "head", "script", "style"))
_SUBSCRIBE = re.compile(
    r"^\W*(?:subscribe(?:\s+(?:now|today|here))?|start\s+(?:your\s+)?free\s+trial|become\s+a\s+(?:member|subscriber)"
    r"|(?:jetzt\s+)?abonnieren|abo\s+abschlie(?:ß|ss)en|s['’]abonner|abonnez-vous|suscr[íi]bete|suscribirse"
    # a donation ask, whose goal meter ("1,204 readers have given $58,310 of our $75,000 goal")
    # moves with every gift
    r"|(?:donate|give)(?:\s+(?:now|today|here|monthly))?|make\s+a\s+(?:gift|donation)|support\s+(?:us|our\s+\w+)"
    r"|become\s+a\s+(?:supporter|patron|donor)|(?:jetzt\s+)?spenden|faire\s+un\s+don|dona(?:r|\s+ahora)?"
    r"|haz\s+una\s+donaci[óo]n"
    # a newsletter's promotion without a form ("Join 250,312 readers …" growing, then "Sign up")
    r"|sign\s+(?:me\s+)?up(?:\s+(?:now|today|here|for\s+free))?|get\s+(?:the|our)\s+(?:free\s+)?newsletter)\W*$",
    re.IGNORECASE)
_VOTES = re.compile(r"^\W*(?:total\s+votes?:?\s*\d[\d,.]*|\d[\d,.]*\s*(?:votes?|stimmen|votos|voix|votes? cast))\W*$",
                    re.IGNORECASE)
_AFTER_WORD = frozenset(".,;:!?)\"”’%")  # what may end the text a footnote marker annotates
# what a footnote marker reads: "[3]", "12", "(a)", "*", "†"
_NOTE_MARK = re.compile(r"^[\[(]?(?:\d{1,3}|[a-zA-Z]|[*†‡§¶]{1,3})[\])]?$")
# a short label and its separator: "Lesen Sie auch:", "Lire aussi |", "MORE »"
_LABEL_COLON = re.compile(r"^\W*(?:[^\W\d_]+\s+){0,3}[^\W\d_]+\s*[:|»›>]")
_HIDDEN_CLASS = re.compile(
    r"(?:^|\s)(?:[\w:-]*[-_])?(?:sr-only|visually-?hidden|screen-?reader(?:-text|-only)?|element-invisible|offscreen"
    r"|hidden-visually|hide-visually|assistive-text)(?=\s|$)", re.IGNORECASE)
_TOOLTIP_CLASS = re.compile(r"(?:^|\s)[\w-]*tooltip(?:text|[-_]+(?:text|content|body|inner|bubble))(?=\s|$)",
                            re.IGNORECASE)
_MARGIN_CLASS = re.compile(r"(?:^|\s)(?:sidenote|side-note|marginnote|margin-note)(?=\s|$)", re.IGNORECASE)


def _is_hidden(el: HtmlElement) -> bool:
    """The class of a visually-hidden utility (Bootstrap's and Tailwind's "sr-only",
    "visually-hidden", WordPress's "screen-reader-text", Drupal's "element-invisible", and prefixed
    forms such as "govuk-visually-hidden"); not "not-sr-only" (shown again) nor "-focusable" (a
    skip link)."""
    cls = el.get("class") or ""
    return bool(_HIDDEN_CLASS.search(cls)) and "not-sr-only" not in cls and "focusable" not in cls


def _is_tooltip(el: HtmlElement) -> bool:
    """A tooltip's own box, not the term it explains (which is the sentence's): its role, or the
    class of the box ("tooltiptext", "tooltip-content", "c-tooltip__body")."""
    return el.get("role") == "tooltip" or bool(_TOOLTIP_CLASS.search(el.get("class") or ""))


def _is_margin_note(el: HtmlElement) -> bool:
    """A sidenote or margin note as the sidenote stylesheets write it: inside the paragraph, after
    the word it annotates, set in the margin."""
    return bool(_MARGIN_CLASS.search(el.get("class") or ""))


@dataclass(frozen=True)
class _Apart:
    """A kind of text set apart from the sentence its markup sits in."""

    # what a page's source holds when it has any, looked for there before the tree (scanning every
    # element's class costs ~1.5 ms on a real page of 3,000 elements, a word looked for in its
    # source ~0.05 ms, and most pages have none): one of ``words`` and, if given, one of ``also``
    words: tuple[str, ...]
    test: Callable[[HtmlElement], bool]
    reason: str
    also: tuple[str, ...] = ()
    classes: tuple[str, ...] = ()  # what the class of each holds; none given: the ``words`` found


_APART = (
    _Apart(("sr-only", "isually", "screen-reader", "screenreader", "element-invisible", "offscreen", "assistive-text"),
           _is_hidden, "text for screen readers only"),
    # "tooltip" is in many a script; a tooltip's own box is named on few pages
    _Apart(("tooltip",), _is_tooltip, "tooltip (shown on hover)",
           also=('role="tooltip"', "role='tooltip'", "tooltiptext", "tooltip-text", "tooltip-content", "tooltip_content",
                 "tooltip__", "tooltip-body", "tooltip-inner", "tooltip-bubble"), classes=("ooltip",)),
    _Apart(("sidenote", "marginnote", "side-note", "margin-note"), _is_margin_note, "sidenote (set in the margin)"),
)
_TABLE_CELLS = frozenset(("td", "th"))
# what ends a reader post's footer: its like count ("Margaret L. · 51 likes", "1.2K upvotes")
_LIKES_END = re.compile(r"(?:^|[·|•,]\s*|\s)\d[\d,.]*\s*[kK]?\s*(?:likes?|upvotes?|hearts?|recommends?|gef[äa]llt\s+mir"
                        r"|j['’]aime|me\s+gusta)\W*$", re.IGNORECASE)
_LIKES_WORDS = ("like", "upvote", "heart", "recommend", "gef", "aime", "gusta")  # one is in every match
_SUMMARY_LABEL = re.compile(
    r"^\W*(?:quick\s+read|(?:ai[-\s]+|article\s+)?summary|key\s+(?:points|takeaways|facts)|(?:the\s+)?takeaways"
    r"|in\s+brief|at\s+a\s+glance|the\s+short\s+version|tl;?\s*dr|das\s+wichtigste(?:\s+in\s+k[üu]rze)?"
    r"|zusammenfassung|auf\s+einen\s+blick|en\s+bref|l['’]essentiel|r[ée]sum[ée]|ce\s+qu['’]il\s+faut\s+retenir"
    r"|en\s+resumen|resumen|lo\s+esencial|claves)\W*$", re.IGNORECASE)
SUMMARY_RESTATES = 0.7  # share of a summary item's words one paragraph of the article holds
_WORD = re.compile(r"\w+")


class _Pruner:
    """Collects the evidence of one page, then removes what it found (in one place, at the end)."""

    def __init__(self, root: HtmlElement) -> None:
        self.root = root
        self.m = Measure(root)
        self.found: dict[HtmlElement, str] = {}
        self.layouts = layout_tables(root)  # tables that lay the page out: side columns marked, cells unwrapped
        body = root.find("body")
        self.body_chars = self.m.chars.get(body if body is not None else root, 0) or 1

    def mark(self, el: HtmlElement, reason: str) -> None:
        if el is self.root or el.tag in ("body", "html"):
            return
        self.found.setdefault(el, reason)

    # -- evidence ---------------------------------------------------------------------------

    def markers(self) -> None:
        cands: list[HtmlElement] = []
        # every element of the page, in document order (the measure holds them in reverse), the
        # short ones first ruled in by their length: about half a real page's elements
        for el, n in reversed(self.m.chars.items()):
            if not 0 < n <= MARKER_MAX_CHARS or el.tag in _NO_MARKERS:
                continue
            text = text_of(el)
            if patterns.is_teaser_end(text):
                cands.append(el)
            elif patterns.is_marker(text) and self._is_leafish(el):
                self.mark(el, "widget label")
            elif n <= 60 and el.tag not in _TABLE_CELLS and patterns.is_stamp(text):
                self.mark(el, "timestamp")  # not a table's cell: there a date is data (a fixture list)
            elif n <= 60 and may_match(text, _LIKES_WORDS) and _LIKES_END.search(text) \
                    and next(el.iterancestors("table"), None) is None:
                # a reader's comment or post quoted alone ("Top comment", its text, "Margaret L. ·
                # 51 likes"): which one is shown changes as the votes come in
                self.mark(self._widget_box(el), "reader comment (a like count)")
            elif n <= 40 and _VOTES.match(text) and next(el.iterancestors("table"), None) is None:
                # a reader poll's vote count: its box (question, options, their shares) moves with
                # every vote; not a table's cell ("12,345 votes" in election results is data)
                self.mark(self._widget_box(el), "reader poll (its results move with every vote)")
            elif n <= 40 and _SUMMARY_LABEL.match(text):
                self._summary(el)
        in_cands = set(cands)
        teaser = [t for t in cands if not any(a in in_cands for a in t.iterancestors())]
        under: dict[HtmlElement, int] = defaultdict(int)
        for t in teaser:
            for anc in t.iterancestors():
                under[anc] += 1
        for t in teaser:
            card, after = t, 0
            for anc in t.iterancestors():
                # text after the marker: a card ends with its "Keep reading"; a "Continue reading"
                # with the story going on after it opens the rest of this article
                after += len((card.tail or "").strip()) + sum(self.m.chars.get(sib, 0) for sib in card.itersiblings())
                # a card is a small part of the page: a short article collapsed behind "Read full
                # article" at its end is no card, however few its characters
                n = self.m.chars.get(anc, 0)
                if anc.tag in ("body", "html") or under[anc] > 1 or n > CARD_MAX_CHARS or n > 0.5 * self.body_chars \
                        or after > MARKER_MAX_CHARS:
                    break
                card = anc
            self.mark(card, "teaser card (a keep-reading / show-less marker)" if card is not t else "widget label")

    def _summary(self, label: HtmlElement) -> None:
        """The box a summary's label heads, when most of its items restate the article: each
        shares most of its words with one paragraph outside the box. A section of the article
        under that label, or a box of findings said nowhere else, stays."""
        for box in label.iterancestors():  # the nearest block around the label that holds items
            if box.tag in ("body", "html") or self.m.chars.get(box, 0) > CARD_MAX_CHARS:
                return
            # its items: the entries of its list, else its paragraphs (a lead-in or a note beside a list is none)
            items = [el for el in box.iter("li") if len(text_of(el).split()) >= 6] or \
                [el for el in box.iter("p") if el is not label and len(text_of(el).split()) >= 6]
            if len(items) >= 2:
                break
        else:
            return
        inside = set(box.iter())
        paras = [set(_WORD.findall(text_of(p).lower())) for p in self.root.iter("p") if p not in inside]
        restated = 0
        for el in items:
            words = set(_WORD.findall(text_of(el).lower()))
            if any(len(words & p) >= SUMMARY_RESTATES * len(words) for p in paras):
                restated += 1
        if 2 * restated > len(items):
            self.mark(box, "summary (its items restate the article)")

    def _is_leafish(self, el: HtmlElement) -> bool:
        """The marker text is the element's own (a label), not a wrapper of a larger block."""
        parent = el.getparent()
        return parent is None or self.m.chars.get(parent, 0) > self.m.chars.get(el, 0) or el.tag in ("a", "button")

    def _widget_box(self, el: HtmlElement, link_dense: bool = False) -> HtmlElement:
        """The largest ancestor of ``el`` that is still widget-sized (and, with ``link_dense``,
        still mostly links): the box a control, a notice or a share link sits in."""
        box = el
        for anc in el.iterancestors():
            n = self.m.chars.get(anc, 0)
            if anc.tag in ("body", "html") or n > WIDGET_MAX_CHARS or \
                    (link_dense and self.m.link_chars.get(anc, 0) < 0.5 * n):
                break
            box = anc
        return box

    def side_columns(self) -> None:
        """In a table that lays the page out, the cells beside the main column (the one with the
        most text) that hold links are the site's columns — its navigation, its "Top stories" —
        not the article's."""
        for table in self.layouts:
            cells = table_cells(table)
            main = max(cells, key=lambda c: self.m.chars.get(c, 0), default=None)
            if main is None:
                continue
            big = self.m.chars.get(main, 0)
            for c in cells:
                if c is not main and next(c.iter("a"), None) is not None and self.m.chars.get(c, 0) < SIDE_SHARE * big \
                        and not any(a is c for a in main.iterancestors()):
                    self.mark(c, "side column of a layout table")

    def controls(self) -> None:
        for el in self.root.iter(*_CONTROLS):
            if el.tag == "input" and (el.get("type") or "").lower() not in _ENTRY_TYPES:
                continue
            self.mark(self._widget_box(el), "form box (newsletter, search or poll)")
        # a short box of two buttons or more with little else to read: a quiz's or a poll's
        # options beside a label and a question ("2009", "2014", "2019"). One button may sit in a
        # byline, and a recipe's "1x 2x 3x" stand beside a list of ingredients.
        boxes: dict[HtmlElement, list[int]] = defaultdict(lambda: [0, 0])
        for el in self.root.iter("button"):
            box = boxes[self._widget_box(el)]
            box[0] += 1
            box[1] += self.m.chars.get(el, 0)
        for box, (n, pressed) in boxes.items():
            if n >= 2 and self.m.chars.get(box, 0) - pressed <= max(2 * pressed, MARKER_MAX_CHARS):
                self.mark(box, "box of buttons (a quiz, a poll, a rating)")

    def offers(self) -> None:
        """A link or button that only asks the reader to subscribe ("Subscribe now", "Jetzt
        abonnieren", "Start your free trial") or to give ("Donate", "Jetzt spenden"), with the short
        box around it: a subscription offer, whose price and wording publishers test and change
        between loads, or a donation ask, whose goal meter moves with every gift."""
        for el in self.root.iter("a", "button"):
            n = self.m.chars.get(el, 0)
            if 0 < n <= 40 and _SUBSCRIBE.match(text_of(el)):
                self.mark(self._widget_box(el), "subscription offer or donation ask")

    def cookie_notices(self) -> None:
        """A short block that asks about cookies and offers a button or link (a consent banner)."""
        for el in self.root.iter("p", "div", "span", "section"):
            n = self.m.chars.get(el, 0)
            if not 20 <= n <= WIDGET_MAX_CHARS:
                continue
            text = el.text_content()
            if not may_match(text, _COOKIE_WORDS) or not _COOKIES.search(text):
                continue
            box = self._widget_box(el)
            if next(box.iter("button", "a"), None) is not None:
                self.mark(box, "cookie notice")

    def share_links(self) -> None:
        for a in self.root.iter("a"):
            href = a.get("href")
            if href and may_match(href, _SHARE_WORDS) and _SHARE_HREF.search(href):
                self.mark(self._widget_box(a, link_dense=True), "share links")

    def footnotes(self) -> None:
        """A footnote marker — a link of a few characters ("[3]", "12", "a"), or the superscript
        holding it, that points to a note on the same page — is no word of its sentence: sources
        are cited and renumbered all the time ("[3]" → "[4]" when one is added above), and read
        with the sentence a marker would be a changed figure, glue a digit to its last word or
        hide where the sentence ends. The note it points to (a reference list's entry, a footnote)
        is where the article cites its sources or makes an aside, not its running text: it goes
        too.

        A marker follows the text it annotates; a note's own number (which may link back to its
        marker) or a list of section numbers does not, and a link from a note back to a marker
        in the text is no marker either."""
        links = [a for a in self.root.iter("a") if (a.get("href") or "").startswith("#") and len(a.get("href")) > 1
                 and _NOTE_MARK.match(a.text_content().strip())]
        if not links:
            return
        ids = {name: el for el in self.root.iter() for name in (el.get("id"), el.get("name")) if name}
        marks: dict[HtmlElement, HtmlElement] = {}  # marker (the link, or its superscript) -> its target
        for a in links:
            target = ids.get(a.get("href")[1:])
            if target is None or target is a:
                continue
            sup = a.getparent()
            mark = sup if sup is not None and sup.tag == "sup" and _NOTE_MARK.match(sup.text_content().strip()) else a
            marks[mark] = target

        notes: list[HtmlElement] = []
        for mark, target in marks.items():
            if not _follows_text(mark):  # a note's own number, a list of section numbers
                continue
            block = next((a for a in mark.iterancestors() if a.tag not in INLINE), None)
            if block is None or word_count(block) < NOTE_SENTENCE_WORDS:  # "Comments 93": a counter
                continue
            other = next((m for m in (target, *target.iterancestors()) if m in marks), None)
            if other is not None and _follows_text(other):  # a link from a note back to its marker
                continue
            note = target
            while len(text_of(note)) <= NOTE_ANCHOR_CHARS:  # from a note's anchor ("1", or none) to its text
                parent = note.getparent()
                if parent is None or parent.tag in ("body", "html") or any(a is parent for a in mark.iterancestors()):
                    break
                note = parent
            if self.m.chars.get(note, 0) > CARD_MAX_CHARS:  # no note: a section of the page
                continue
            self.mark(mark, "footnote marker")
            self.mark(note, NOTE_REASON)
            notes.append(note)
        lists = {li.getparent() for li in notes if li.tag == "li" and li.getparent() is not None}
        for ol in lists:  # a reference list: the entries no marker on the page cites are references too
            items = [li for li in ol if li.tag == "li"]
            if 2 * sum(li in self.found for li in items) >= len(items):
                for li in items:
                    self.mark(li, NOTE_REASON)

    def set_apart(self, source: str | None) -> None:
        """Text set apart from the sentence its markup sits in is not what the page shows as that
        sentence. Text for screen readers only: "(opens in a new tab)" inside a link parts a
        figure from its unit ("35 (opens in a new tab) percent"), "Advertisement" announces every
        ad slot, and a chart's data table for screen readers repeats the chart (whose values a
        live feed moves). A tooltip is shown on hover ("Putin<span role=tooltip>…</span> and
        Kim"), a sidenote in the margin — a note, like a footnote's, not the running text."""
        kinds: list[_Apart] = []
        where: list[str] = []  # the classes to look for (each word looked for in the source once)
        for k in _APART:
            found = [w for w in k.words if source is None or w in source]
            if found and (source is None or not k.also or any(w in source for w in k.also)):
                kinds.append(k)
                where.extend(f"contains(@class, '{w}')" for w in k.classes or found)
        if not kinds:
            return
        if any(k.test is _is_tooltip for k in kinds):
            where.append("@role='tooltip'")
        for el in self.root.xpath(f"//*[{' or '.join(where)}]"):  # one walk of the tree for all kinds
            reason = next((k.reason for k in kinds if k.test(el)), None)
            if reason:
                self.mark(el, reason)

    def captions(self) -> None:
        for el in self.root.iter("figcaption", "small"):
            self.mark(el, "caption or credit")

    def link_paragraphs(self) -> None:
        """A paragraph that is nothing but links is a pointer to other pages ("Read also", an
        inline teaser), not a statement of this article."""
        for el in self.root.iter("p"):
            n = self.m.chars.get(el, 0)
            linked = self.m.link_chars.get(el, 0)
            if n < 15 or linked < 0.5 * n:
                continue
            text = el.text_content()
            # nothing but links, or links under a short label of any language ("Lesen Sie auch:",
            # "À lire aussi :", "Read more:")
            if (linked >= 0.9 * n or (n - linked <= 30 and _LABEL_COLON.match(text))) and len(text.split()) >= 3:
                self.mark(el, "paragraph of links (an inline teaser)")

    def repeated_blocks(self) -> None:
        """Card lists and comment threads: sibling blocks of one template."""
        chars = self.m.chars
        for parent in self.root.iter():
            if not isinstance(parent.tag, str) or len(parent) < 2 or parent.tag in ("table", "tbody", "thead", "tr",
                                                                                      "head", "select"):
                continue
            blocks = [ch for ch in parent if isinstance(tag := ch.tag, str) and tag not in INLINE and chars.get(ch, 0)]
            if len(blocks) < 2:  # many parents: no two blocks to share a template (no shapes taken)
                continue
            groups: dict[tuple, list[HtmlElement]] = defaultdict(list)
            for ch in blocks:
                groups[shape(ch)].append(ch)
            for same in groups.values():
                if len(same) < 2 or sum(self.m.chars.get(c, 0) for c in same) > 0.5 * self.body_chars:
                    continue  # the repeated blocks are most of the page: they are its content (a forum, a listing)
                if all(self._is_comment(c) for c in same):
                    for c in same:
                        self.mark(c, "comment thread (repeated blocks with counters or reply links)")
                elif all(self._is_card(c) for c in same):
                    for c in same:
                        self.mark(c, f"card list ({len(same)} blocks of one template with a headline link or image)")

    def _is_card(self, el: HtmlElement) -> bool:
        if el.tag in ("li", "tr", "dt", "dd", "option"):
            # a list of links inside an article is the article's (sources, further reading); a list
            # item is a card only with an image beside its link
            n = self.m.chars.get(el, 0)
            return n > 0 and has_image(el) and self.m.link_chars.get(el, 0) >= 0.5 * n
        if word_count(el) > CARD_MAX_WORDS or self.m.chars.get(el, 0) > CARD_MAX_CHARS:
            return False
        if el.tag in _TEXT_BLOCKS or sum(1 for ch in el if isinstance(ch.tag, str)) < 2:
            return False  # a card is a container (a headline or image beside a blurb), never one paragraph
        if not (has_headline_link(el) or has_image(el)):
            return False
        n = self.m.chars.get(el, 0)
        linked = self.m.link_chars.get(el, 0)
        # the headline link is a fair part of a card's text; an image card needs a link somewhere
        return linked >= CARD_LINK_SHARE * n or (has_image(el) and linked > 0)

    def _is_comment(self, el: HtmlElement) -> bool:
        if self.m.chars.get(el, 0) > 3000:
            return False
        for x in el.iter():
            if not isinstance(x.tag, str) or x is el:
                continue
            n = self.m.chars.get(x, 0)
            if 0 < n <= 40:
                t = text_of(x)
                if _COUNTER_SHORT.match(t) or patterns.is_time_ago(t):
                    return True
        return False

    def selectors(self, exclude: Sequence[Callable], include: Sequence[Callable]) -> HtmlElement:
        for sel in exclude:
            for el in sel(self.root):
                self.mark(el, "excluded by the source's extract.exclude")
        if include:
            keep = [el for sel in include for el in sel(self.root)]
            if keep:
                page = document_fromstring("<html><body></body></html>")  # HTML elements, not bare XML ones
                body = page.find("body")
                for el in keep:
                    body.append(detached_copy(el))
                return page
        return self.root

    # -- removal ----------------------------------------------------------------------------

    def remove(self) -> tuple[list[Ignored], Evidence]:
        """Small widgets (labels, captions, share links, form boxes) leave the tree; larger blocks
        (card lists, comment threads, teaser cards) stay in it for the extractor — removing them
        can change which container it takes for the article — and their lines are filtered from
        its output instead (:class:`Evidence`)."""
        out: list[Ignored] = []
        found = self.found
        top = [el for el in found if not any(a in found for a in el.iterancestors())]
        for el in top:
            text = text_of(el)
            if text and (not out or out[-1].text != text):
                out.append(Ignored(text, found[el]))
        large = [el for el in top if self.m.chars.get(el, 0) > WIDGET_MAX_CHARS]
        if large:  # a line break parts words as the extractor's lines do ("headline<br>blurb")
            for br in self.root.iter("br"):
                br.tail = " " + br.tail if br.tail else " "
        inside = [flat_text(el) for el in large]
        page = ""
        if inside:  # the page's text is only needed to judge lines that occur inside a large block
            body = self.root.find("body")
            page = flat_text(body if body is not None else self.root)
        for el in top:
            if el.getparent() is not None and self.m.chars.get(el, 0) <= WIDGET_MAX_CHARS:
                drop_keep_tail(el)
        return out, Evidence("\x00".join(inside), page)


def _follows_text(el: HtmlElement) -> bool:
    """Whether a word, or the stop after one, stands right before ``el`` (a marker after the text
    it annotates: "said.[3]", "homes[4]", "in 2023 [12]"), not nothing or a sign (a note's own
    number, "↑ 1") nor a number (a counter beside another)."""
    while el is not None:
        prev, parent = el.getprevious(), el.getparent()
        before = ((prev.tail if prev is not None else parent.text if parent is not None else "") or "").rstrip()
        if not before and prev is not None:
            before = text_of(prev).rstrip()
        if before[-1:] in ("[", "("):  # "… in 2023 [<a>12</a>]": the brackets around the marker
            before = before[:-1].rstrip()
        if before:
            return before[-1].isalpha() or before[-1] in _AFTER_WORD
        if prev is not None or parent is None or parent.tag not in INLINE:
            return False
        el = parent
    return False


@dataclass(frozen=True)
class Evidence:
    """The text of the large boilerplate blocks left in the tree, and of the whole page: a line of
    the extractor's output is boilerplate when every place it occurs on the page is inside one."""

    inside: str
    page: str

    def is_boilerplate(self, line: str) -> bool:
        n = " ".join(line.split())
        if len(n) < 2 or not self.inside:
            return False
        k = self.inside.count(n)
        return k > 0 and self.page.count(n) <= k


def prune(root: HtmlElement, exclude: Sequence[Callable] = (), include: Sequence[Callable] = (),
          source: str | None = None) -> tuple[HtmlElement, list[Ignored], Evidence]:
    """Find the blocks the evidence shows are not article text; remove the small ones from the
    tree; return the tree, every block found (with its reason) and the filter for the large ones.
    ``source``, the page's HTML when the caller has it, spares looking in the tree for what the
    source does not hold."""
    p = _Pruner(root)
    root = p.selectors(exclude, include)
    if root is not p.root:
        p = _Pruner(root)
    p.markers()
    p.side_columns()
    p.controls()
    p.offers()
    p.cookie_notices()
    p.share_links()
    p.footnotes()
    p.set_apart(source)
    p.captions()
    p.link_paragraphs()
    p.repeated_blocks()
    ignored, evidence = p.remove()
    layout_tables_as_blocks(p.layouts)
    divs_as_paragraphs(root)
    return root, ignored, evidence
