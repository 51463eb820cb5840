"""Text-level boilerplate rules shared by HTML pages (after trafilatura) and plain-text seeds.

Why text rules at all: pull quotes that repeat a body paragraph, headlines, captions, bios and
"keep reading" teasers survive every trafilatura setting, and a seed file is already plain text.
Applying one set of rules to both is what makes an HTML page and its text dump clean to the same
paragraphs — and so compare without false alerts.

The rules are patterns of boilerplate, never sentences of particular articles, and they drop a
line only on evidence (recall first; see :func:`clean_blocks`):

* above the first body sentence only, short lines that are not sentences (headlines, deks, section
  labels) — in a page only those without a figure; date lines and timestamps anywhere (a date
  line in any language when a clock time follows: "28 kwietnia 2021, 06:29"; a byline and its
  date in one line: "Economics Desk · Jun 12, 2024");
* widget markers (share buttons, "Follow us on social", newsletter boxes) — and the pull quote
  sitting next to a share button when it repeats a nearby paragraph;
* near-duplicates of a nearby paragraph (pull quotes, repeated captions), exact repeats anywhere,
  and a line that only quotes a passage another paragraph holds (a pull quote wherever it stands);
* photo captions and credits ("Photo by X via Reuters", ".../REUTERS", "Getty Images");
* inlined next articles: from the first "keep reading" / "Show less" teaser block to the end;
* republication and production notes ("This commentary originally appeared in …", "This
  transcript was generated automatically …") and a closing author bio (a
  title, or a reporter's beat with a contact: "has covered City Hall for 12 years … Write to her at");
* lines that only count a page's reactions ("0 Kommentare", "12 comments"), the copyright line and
  the reading time ("5 min read"): they change between two visits, or with any update.

The per-line rules are also :func:`is_furniture_line`, which the claim engine uses to read a
baseline stored by an older watcher as today's rules would have cleaned it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

from ..sanitize import one_line
from ..wordcheck import may_match

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_HAS_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_TERMINAL = re.compile(r"""[.!?…:;。！？；][\s"'”’»)\]*」』]*$""")
_LIST_ITEM = re.compile(r"^[-•*–]\s+")

_MARKER = re.compile(
    r"""^(?:
        share(?:\s+(?:on|to|via)\s+\w+|\s+this(?:\s+\w+)?|\s+article|\s+story)?
      | tweet(?:\s+this)?
      | (?:follow|like|find)\s+us(?:\s+on\s+[\w\s,&]+)?
      | (?:sign\s+up|subscribe)(?:\s+(?:for|to))?(?:\s+(?:our|the))?\s+[\w\s'’-]*newsletters?
      | newsletter
      | advertisement | sponsored(?:\s+content)? | ad
      | (?:listen|print|email|copy\s+link|save)(?:\s+(?:this|to\s+this))?(?:\s+article)?
      | related(?:\s+(?:articles?|stories|content|posts|topics|reading|coverage|news|links|videos))?:?
      | (?:more|top|latest|trending)\s+(?:stories|news|articles|from\s+[\w\s]+)
      | most\s+(?:read|popular|viewed)
      | (?:you\s+)?(?:may|might)\s+also\s+like
      | recommended(?:\s+for\s+you)?
      | (?:read|see)\s+(?:more|also)\s*:.{0,200}
      | topics?:?.{0,80}
      | tags?:.{0,120}
    )[\s.:!»›>|]*$""",
    re.IGNORECASE | re.VERBOSE,
)
_SHARE = re.compile(r"^(?:share\b.*|tweet(?:\s+this)?)[\s.!]*$", re.IGNORECASE)
_TEASER_END = re.compile(
    r"^(?:\s*(?:keep\s+reading|continue\s+reading|read\s+(?:the\s+)?(?:full|more)(?:\s+(?:story|article))?"
    r"|show\s+(?:less|more))\s*[.…»›>]*\s*)+$",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"""(?:(?i:(?:^|[,.;|]\s*|\()(?:photos?|images?|pictures?|illustrations?|video|graphics?)\s*(?:by|credit|courtesy|:)
            \s*[^.;]{0,80}$)
      | (?i:^\s*(?:credit|source|photo|image)s?\s*:)
      | (?i:\bvia\s+(?:reuters|getty(?:\s+images)?|ap|afp|epa|shutterstock|istock|wikimedia(?:\s+commons)?|flickr)\b\W*$)
      | \bvia\s*$
      | (?:^|[.;|]\s*)(?:By|BY|Credit:?)\s+[A-Z][A-Z.&'’ -]{3,60}$
      | (?i:/\s*(?:reuters|ap|afp|epa|getty\s+images|pool)\b\W*$)
      | \b(?:REUTERS|AFP|EPA|Getty\s+Images|Shutterstock|iStock|AP\s+Photo)\W*$
      | \b(?:REUTERS|AFP|EPA|AP\s+Photo|Getty\s+Images)\s*/\s*[\w.'’ -]{2,40}$
    )""",
    re.VERBOSE,
)
# a line that only counts a page's reactions ("0 Kommentare", "12 comments", "1.2k views"): it changes
# with every visitor, so a kept one would alert; an icon font's ligature name may precede it
# ("chat_bubble 0 Kommentare": the icon's text, drawn as a glyph on the page)
_COUNTER_NOUNS = (r"comments?|kommentare?|commentaires?|comentarios?|replies|antworten|réponses|respuestas|likes?|views?|"
                  r"aufrufe|vues|visitas|shares?|reactions?|reaktionen|votes?|reposts?|retweets?|bookmarks?|followers|"
                  r"subscribers|plays|listens")
# a line of counters only ("12 comments", "12.3K Reposts · 45.6K Likes · 2,100 Replies", "1.2M views ·
# 2 days ago"): their numbers move on their own
_COUNTER_LINE = re.compile(
    r"^(?:[a-z]+(?:_[a-z]+)+\s+)?(?:\W*\d[\d,.]*\s*[km]?\s*(?:" + _COUNTER_NOUNS + r")\b\W*)+"
    r"(?:\d+\s*(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+ago\W*)?$",
    re.IGNORECASE)
# the article's reading time ("5 min read", "Lesezeit: 3 Minuten", "Temps de lecture : 3 min"): it
# grows with the article, so an update that adds a paragraph would move a figure that says nothing
_READING_TIME_LINE = re.compile(
    r"^\W*(?:\d+\s*(?:min(?:ute)?s?|minuten|minutos?)\.?\s*(?:read|lesezeit|de\s+lecture|de\s+lectura)"
    r"|(?:reading\s+time|read\s+time|lesezeit|lesedauer|temps\s+de\s+lecture|tiempo\s+de\s+lectura|"
    r"czas\s+czytania)\s*:?\s*(?:ca\.\s*)?\d+\s*(?:min(?:ute)?s?|minuten|minutos?)?\.?)\W*$", re.IGNORECASE)
# the page's copyright line ("© 1996 - 2022 Internetchemie", "Copyright 2024 Example Media"): its
# year moves every January on every page of the site
_COPYRIGHT_LINE = re.compile(r"^\W{0,3}(?:©|&copy;|\(c\)\s*(?=\d{4})|copyright\s*(?:©|\(c\))?\s*(?=\d{4}))",
                             re.IGNORECASE)
_REPUBLISHED = re.compile(
    r"^(?:this|the|a\s+version\s+of\s+this)\s+(?:\w+\s+){0,2}(?:was\s+)?(?:originally|first)\s+"
    r"(?:appeared|published|ran)\b|^(?:this|the)\s+\w+\s+(?:originally|first)\s+(?:appeared|ran)\b"
    # how the text itself was made: "This transcript was generated automatically and may contain
    # errors.", "This article was translated with the help of AI."
    r"|^(?:this|the)\s+(?:transcript|article|story|summary|text|translation|episode|post)\s+(?:was|has\s+been|is)\s+"
    r"(?:automatically\s+|machine[-\s])?(?:generated|transcribed|translated|produced|created)\b"
    # the terms on which it may be reused: "You may republish our articles for free under a
    # Creative Commons license."
    r"|^you\s+(?:may|can|are\s+(?:free|welcome)\s+to)\s+(?:republish|reprint|reuse)\b"
    r"|^(?:this|the|our)\s+(?:\w+\s+){0,2}(?:is|are|was)\s+(?:published|licensed|available)\s+under\s+(?:a\s+|the\s+)?"
    r"creative\s+commons\b",
    re.IGNORECASE,
)
_COUNTER = re.compile(  # widget counters whose numbers move on their own
    r"\b\d[\d,.]*\s*(?:k\s*)?(?:min(?:ute)?s?\s+read|comments?|shares?|views?|likes?|replies|reactions|"
    r"followers|reviews?|ratings?|votes?)\b|\b(?:page|seite)\s+\d+\s+(?:of|von)\s+\d+|©|\(c\)\s*\d{4}"
    r"|\b\d+\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|weeks?|months?|years?)\s+ago\b"
    r"|\breading\s+time\b",
    re.IGNORECASE,
)
_TIME_AGO = re.compile(
    r"^\W*(?:vor\s+|il\s+y\s+a\s+|hace\s+)?\d+\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|weeks?|months?|"
    r"years?|minuten|stunden|tagen|jahren|heures?|jours?|horas?|d[ií]as?)\s*(?:ago)?\W*$", re.IGNORECASE)
_STAMP = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|\d{1,4}[./-]\d{1,2}[./-]\d{2,4}", re.IGNORECASE)
_ABOUT_AUTHOR = re.compile(r"^about\s+the\s+authors?\W*$", re.IGNORECASE)
_BIO = re.compile(
    r"^(?:[A-Z][\w.'’-]+\s+){1,4}(?:(?:is|was|serves\s+as|has\s+been)\s+(?:a|an|the)\s+.{0,120}?"
    r"\b(?:analyst|professor|fellow|director|researcher|editor|correspondent|journalist|reporter|writer|"
    r"author|scholar|columnist|contributor|adviser|advisor|chair|president|founder|lecturer|student|"
    r"officer|expert|economist|historian)s?\b"
    # a reporter's beat: "Alex Moreno has covered City Hall for 12 years", "… covers health care"
    r"|(?:has\s+(?:covered|reported\s+on|written\s+(?:about|on|for))|covers|reports\s+on|writes\s+(?:about|on|for))\s"
    r".{0,200}?(?:\bwrite\s+to\s+(?:him|her|them)\b|\bfollow\s+(?:him|her|them)\b|@|\bcontact\b))",
    re.DOTALL,
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATELINE = re.compile(
    rf"^(?:(?:updated|published|posted|last\s+updated|modified|aktualisiert(?:\s+am)?|ver[öo]ffentlicht(?:\s+am)?|stand|"
    rf"mis\s+[àa]\s+jour(?:\s+le)?|publi[ée](?:\s+le)?|actualizado(?:\s+el)?|publicado(?:\s+(?:el|em))?|"
    rf"atualizado(?:\s+em)?|pubblicato(?:\s+il)?|(?:ultimo\s+)?aggiornamento|aggiornato(?:\s+il)?|"
    rf"bijgewerkt(?:\s+op)?|gepubliceerd(?:\s+op)?|aktualizacja|opublikowano|zaktualizowano|"
    rf"publicerad|uppdaterad|opdateret|oppdatert|publiceret|publisert|aktualizov[áa]no|publikov[áa]no)\s*:?\s*)*"
    rf"(?:\d{{1,2}}[:.]\d{{2}}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{{2,4}})?\s*[·|,]\s*)?(?:\w+day,?\s+)?"
    rf"(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})"
    rf"(?:,?\s*(?:at\s+)?\d{{1,2}}[:.]\d{{2}}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{{2,4}})?)?\W*$",
    re.IGNORECASE,
)

# a day, a month in any language, a year and a clock time, and nothing else: "28 kwietnia 2021,
# 06:29", "5 maggio 2023 alle 10:30" — the time is what makes a word between two numbers a month
_ANY_MONTH_DATELINE = re.compile(
    r"^\W*\d{1,2}\.?\s+[^\W\d_]{3,12}\.?,?\s+\d{4},?\s*(?:[^\W\d_]{1,5}\.?\s+)?\d{1,2}[:.]\d{2}"
    r"(?:\s*(?:[ap]\.?m\.?|[A-Z]{2,4}))?\W*$")

SHORT_WORDS = 14  # a non-sentence line at most this long is a heading, label or dek, not body text
NEAR_WINDOW = 3  # pull quotes and repeated captions sit this close to the paragraph they repeat
NEAR_SCORE = 90.0
NEAR_MIN_WORDS = 10  # a pull quote is a sentence; shorter look-alikes are list items or commands
# The line tests below are pure functions of one line, asked of the same line several times per page
# (teaser cut, credit neighbours, line reasons) and of the same site furniture on page after page:
# their answers are remembered for this many lines.
LINE_CACHE = 8192


def normalise_space(text: str) -> str:
    """NFC, no invisible characters, no control characters, single spaces: markup reformatting
    must not change text, and text from the web must be safe to store and show (every line and
    title of a page passes here; :mod:`watcher.sanitize` says which characters go, and why).

    This runs on every line of every page, so it does only the work a line needs: ``str.split()``
    splits on exactly the characters ``\\s`` matches (several times faster than a regex), ASCII
    text is already NFC and holds no invisible character, the character table is applied only
    to a line that holds one of them, and a line ``isprintable`` says is clean is not searched."""
    if not text.isascii():
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
        if _HAS_INVISIBLE.search(text):
            text = text.translate(_INVISIBLE)
    out = " ".join(text.split())
    return out if out.isprintable() else one_line(out)


def ends_sentence(text: str) -> bool:
    return bool(_TERMINAL.search(text[-16:]))  # the pattern is anchored at the end: scan only the tail


@lru_cache(maxsize=LINE_CACHE)
def is_marker(p: str) -> bool:
    return len(p) < 300 and bool(_MARKER.match(p))


@lru_cache(maxsize=LINE_CACHE)
def is_teaser_end(p: str) -> bool:
    return len(p) < 80 and bool(_TEASER_END.match(p))


# Every match of _CREDIT holds one of these (see watcher.wordcheck) — all but its "By NAME" byline
# alternative, which ends the text in capitals and holds "by": the pattern tries eight alternatives at
# every position (~25 µs a line), and most lines hold none of these words. Keep in step with _CREDIT.
_CREDIT_WORDS = ("photo", "image", "picture", "illustration", "video", "graphic", "credit", "source", "via", "/",
                 "reuters", "afp", "epa", "getty", "shutterstock", "istock")
_CAPITALS_TAIL = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ.&'’ -")


def _may_be_credit(tail: str) -> bool:
    """False only where _CREDIT cannot match ``tail``."""
    if may_match(tail, _CREDIT_WORDS):
        return True
    end = tail[:-1] if tail.endswith("\n") else tail  # ``$`` matches before a final newline too
    return bool(end) and end[-1] in _CAPITALS_TAIL and may_match(tail, ("by",))


@lru_cache(maxsize=LINE_CACHE)
def is_credit(p: str) -> bool:
    # every credit pattern ends the line (or starts a short one): search only the tail; the leading
    # space keeps the start-anchored alternatives from matching mid-paragraph
    if len(p.split()) > 80:
        return False
    tail = p if len(p) <= 160 else " " + p[-160:]
    return _may_be_credit(tail) and bool(_CREDIT.search(tail))


@lru_cache(maxsize=LINE_CACHE)
def is_dateline(p: str) -> bool:
    if len(p) >= 160:
        return False
    if len(p) < 80 and (_DATELINE.match(p) or _ANY_MONTH_DATELINE.match(p)):
        return True
    # a date among labels in one line: "Economics Desk · Jun 12, 2024", "By Jane Roe | June 3, 2024",
    # "Episode 312 · Apr 4, 2024", "The Morning Brief · Issue #412 · June 19, 2024 · Updated …"
    parts = _BYLINE_SEP.split(p)
    if len(parts) < 2:
        return False
    dated = [bool(_DATELINE.match(part)) for part in parts]
    return any(dated) and all(d or _BYLINE_LABEL.match(part) for part, d in zip(parts, dated, strict=True))


# a byline or a label beside the date: up to five capitalised words, with an issue's or an episode's
# number ("By Jane Roe", "Economics Desk", "Issue #412", "Episode 312", "No. 5")
_BYLINE_LABEL = re.compile(r"^(?:[Bb]y\s+|[Vv]on\s+|[Pp]ar\s+|[Pp]or\s+)?(?:[A-ZÀ-ÖØ-Þ][\w.'’-]*\s+){0,4}"
                           r"[A-ZÀ-ÖØ-Þ][\w.'’-]*(?:\s+(?:No\.\s*|#)?\d{1,4})?$")
_BYLINE_SEP = re.compile(r"\s*[·|•]\s*")


def is_heading(p: str) -> bool:
    """A short line that is not a sentence: headline, dek, section label, "More stories"."""
    if _LIST_ITEM.match(p) and (any(c.isdigit() for c in p) or len(p.split()) >= 6):
        return False  # a list item of the article ("- 7,000 containers shipped") is content
    return not ends_sentence(p) and len(p.split()) <= SHORT_WORDS and len(p) <= 120


def is_headline(p: str) -> bool:
    """A headline: a short line that is not a sentence, or a short question ("Will X curb Y?")."""
    return is_heading(p) or (p.endswith("?") and len(p.split()) <= SHORT_WORDS)


def _is_boundary(p: str) -> bool:
    """Lines that can open an inlined teaser block (headline, label, credit, date)."""
    return is_headline(p) or is_credit(p) or is_dateline(p) or is_marker(p)


def _fold(p: str) -> str:
    return normalise_space(p).casefold().replace("’", "'").replace("“", '"').replace("”", '"')


def cut_teasers(paras: list[str], min_body: int = 2) -> list[str]:
    """Drop inlined next articles: from the first teaser block ending in "keep reading" to the end.

    The block starts at the headline-like lines above the teaser's lead paragraphs; we walk back
    over at most three sentence paragraphs to find them. With no headline in reach only the marker
    goes (we never cut into what may be the article's own body).
    """
    idx = next((i for i, p in enumerate(paras) if is_teaser_end(p)), None)
    if idx is None:
        return paras
    j, sentences = idx - 1, 0
    while j >= 0 and not _is_boundary(paras[j]) and sentences < 3:
        j, sentences = j - 1, sentences + 1
    if j < 0 or not _is_boundary(paras[j]):
        return [p for p in paras if not is_teaser_end(p)]
    while j - 1 >= 0 and _is_boundary(paras[j - 1]):
        j -= 1
    body = [p for p in paras[:j] if not _is_boundary(p)]
    if len(body) < min_body:
        return [p for p in paras if not is_teaser_end(p)]
    return paras[:j]


TEASER_MAX_WORDS = 40  # a teaser blurb is a paragraph or two of at most this many words
TEASER_MAX_PARAS = 2


def cut_teaser_list(paras: list[str], min_body: int = 3) -> list[str]:
    """Drop a list of teasers appended after the article in markup with no telling classes.

    The shape is the signal: at the very end, two or more groups of [headline-like line(s), then one
    or two short paragraphs]. An article's own sections are longer and do not end the page in a
    run of such stubs. Needs the raw paragraphs (headlines still present), so it runs first.
    """
    def _teaser_head(p: str) -> bool:
        return _is_boundary(p) or len(p.split()) <= 8  # teaser headlines may end in a period

    groups = 0
    i = len(paras)
    while i > 0 and (is_marker(paras[i - 1]) or is_credit(paras[i - 1])):
        i -= 1
    start = i
    while i > 0:
        j, blurbs = i, 0
        while j > 0 and not _teaser_head(paras[j - 1]) and blurbs < TEASER_MAX_PARAS + 1:
            blurb = paras[j - 1]
            if len(blurb.split()) > TEASER_MAX_WORDS or len(re.findall(r"[.!?](?:\s|$)", blurb)) > 2:
                blurbs = TEASER_MAX_PARAS + 1
                break
            j, blurbs = j - 1, blurbs + 1
        if not 1 <= blurbs <= TEASER_MAX_PARAS or j == 0 or not _teaser_head(paras[j - 1]):
            break
        while j > 0 and _teaser_head(paras[j - 1]):
            j -= 1
        groups, start, i = groups + 1, j, j
    body = [p for p in paras[:start] if not _is_boundary(p)]
    if groups < 2 or len(body) < min_body:
        return paras
    return paras[:start]


# a line that is one quotation and nothing else (folded: curly marks made straight)
_PULL_QUOTE = re.compile(r'^["«„]\s*(.+?)[\s,.]*["»]$')


def drop_repeats(paras: list[str], share_at: set[int]) -> list[str]:
    """Drop exact repeats anywhere, a line that only quotes a passage another paragraph holds (a
    pull quote, wherever the layout puts it), and near-repeats within a few paragraphs (pull
    quotes reworded, captions).

    Of a near-duplicate pair the copy next to a share button goes; else the shorter, else the later.
    Only a window of neighbours is compared so cost stays linear in the article's length.
    """
    folded = [_fold(p) for p in paras]
    drop: set[int] = set()
    seen: dict[str, int] = {}
    for i, f in enumerate(folded):
        if f in seen:
            drop.add(i)
        else:
            seen[f] = i
    for i, f in enumerate(folded):  # a pull quote anywhere: a line all in quotes that another paragraph holds
        m = _PULL_QUOTE.match(f)
        if m and i not in drop and len(m.group(1).split()) >= NEAR_MIN_WORDS and \
                any(m.group(1) in g for k, g in enumerate(folded) if k != i and k not in drop):
            drop.add(i)
    words = [f.split() for f in folded]  # split once: each paragraph meets up to 2 × NEAR_WINDOW others
    sets: dict[int, set[str]] = {}

    def word_set(k: int) -> set[str]:
        if k not in sets:
            sets[k] = set(words[k])
        return sets[k]

    for i in range(len(paras)):
        if i in drop or len(folded[i]) < 25:
            continue
        for j in range(i + 1, min(len(paras), i + 1 + NEAR_WINDOW)):
            if j in drop or len(folded[j]) < 25:
                continue
            if min(len(words[i]), len(words[j])) < NEAR_MIN_WORDS:
                continue  # short lines alike (commands, list items, table rows) are not pull quotes
            a, b = folded[i], folded[j]
            (short, s), (long_, t) = ((a, i), (b, j)) if len(a) <= len(b) else ((b, j), (a, i))
            if len(short) < 0.3 * len(long_) and short not in long_:
                continue
            shared = word_set(s)
            if len(shared & word_set(t)) < 0.7 * len(shared):
                continue  # cheap: a repeat shares nearly all its words; skip the fuzzy scorer
            if fuzz.partial_ratio(short, long_) < NEAR_SCORE:
                continue
            near_i = (i - 1 in share_at) or (i + 1 in share_at)
            near_j = (j - 1 in share_at) or (j + 1 in share_at)
            if near_i != near_j:
                drop.add(i if near_i else j)
            elif len(a) != len(b):
                drop.add(i if len(a) < len(b) else j)
            else:
                drop.add(j)
            if i in drop:
                break
    return [p for k, p in enumerate(paras) if k not in drop]


def drop_bio(paras: list[str]) -> list[str]:
    """Drop an "About the author" section, or a closing author bio ("X is a senior fellow at …")."""
    for i, p in enumerate(paras):
        if _ABOUT_AUTHOR.match(p):
            return paras[:i]
    tail = len(paras) - 1
    while tail >= 0 and tail >= len(paras) - 2 and _BIO.match(paras[tail]) and len(paras[tail].split()) <= 90:
        tail -= 1
    return paras[: tail + 1]


@lru_cache(maxsize=LINE_CACHE)
def is_time_ago(p: str) -> bool:
    """ "3 hours ago", "vor 2 Tagen": a relative timestamp, as on comments and live updates."""
    return len(p) < 40 and bool(_TIME_AGO.match(p))


_DIGIT = re.compile(r"\d")
_STAMP_PREFIX = re.compile(
    r"^\W*(?:(?:last\s+)?updated|posted|published|modified|aktualisiert(?:\s+am)?|ver[öo]ffentlicht(?:\s+am)?|"
    r"mis\s+[àa]\s+jour|publi[ée]|actualizado|publicado)\s*:?\s*", re.IGNORECASE)
# a clock time alone ("10:42 GMT", "21.25 Uhr"); not a price or a rate ("€4.50", "4.90%"): the
# minutes of a time are below 60 and no currency or percent sign stands beside it
_CLOCK_LINE = re.compile(
    r"^[^\w$€£¥]*\d{1,2}[:.][0-5]\d(?::[0-5]\d)?(?!\s*%)\s*(?:[ap]\.?m\.?)?\s*(?:uhr|h|gmt|utc|cet|cest|bst|[ecmp][sd]t|mez|mesz)?"
    r"(?:\s*\d+\s*\w+\s+ago|\s+vor\s+\d+\s+\w+)?\W*$", re.IGNORECASE)


@lru_cache(maxsize=LINE_CACHE)
def is_stamp(p: str) -> bool:
    """A line that only dates the page or a post: "Updated 2 minutes ago", "10:42 GMT",
    "Posted: June 5, 2024 10:30 am", "vor 3 Stunden"."""
    if len(p) > 80 or not _DIGIT.search(p):  # every stamp pattern below holds a digit
        return False
    rest = _STAMP_PREFIX.sub("", p, count=1)
    return is_time_ago(rest) or bool(_CLOCK_LINE.match(rest)) or is_dateline(p) or (rest != p and is_dateline(rest))


def _lead_end(paras: list[str]) -> int:
    """Index of the first body paragraph: a sentence of a dozen words or more. Lines above it are
    the page's lead (headline, dek, section label, byline), not the article's body."""
    return next((i for i, p in enumerate(paras) if ends_sentence(p) and len(p.split()) >= 12), len(paras))


def _line_reason(p: str, title: str | None) -> str | None:
    """Why one line is boilerplate wherever it stands, or None: each reason is a pattern of page
    furniture, never a guess from length."""
    if is_marker(p) or is_teaser_end(p):
        return "widget label"
    if is_credit(p):
        return "caption or credit"
    if is_dateline(p) or is_stamp(p):
        return "date line"
    if _REPUBLISHED.match(p):
        return "republication or production note"
    if len(p) <= 80 and _COUNTER_LINE.match(p):
        return "counter (comments, replies, likes, views)"
    if len(p) <= 200 and _COPYRIGHT_LINE.match(p):
        return "copyright line"
    if len(p) <= 60 and _READING_TIME_LINE.match(p):
        return "reading time"
    if title and _fold(p) == title:
        return "headline repeat"
    return None


@lru_cache(maxsize=LINE_CACHE)
def is_furniture_line(p: str) -> bool:
    """Whether one line is page furniture wherever it stands (a widget label, a credit, a date line,
    a counter, a copyright line…): the per-line rules of :func:`clean_blocks`, without a title."""
    return _line_reason(normalise_space(p), None) is not None


# a footnote marker glued to the word or the stop before it: "said.[3]", "homes[12][13]", "[a]",
# "[citation needed]" (a plain-text copy of a wiki page; on a web page the structural pass takes
# linked markers out before extraction); a journal's numbered citations spaced from their word
# ("in 2023 [12]", "[3, 4]", "[5–7]"; not the number a line or a sentence of notes opens with:
# "… [2] Abgebrochene Forschung …"); and the brackets a linked marker leaves empty when the
# structural pass takes it out ("in 2023 [ , ].")
_NOTE_MARKS = re.compile(r"(?<=[^\s\[])\[(?:\d{1,3}|[a-z]|citation needed)\]"
                         r"|(?<=\S)\s?\[\s*(?:\d{1,3}(?:\s*[,–-]\s*\d{1,3})*)?(?:\s*[,–-]\s*)*\](?=[.,;:)]|$|\s+(?!\W?[A-ZÀ-ÖØ-Þ]))")


def unmark_notes(text: str) -> str:
    """``text`` without footnote markers: sources are cited and renumbered all the time ("[3]" →
    "[4]" when one is added above), and read as part of its sentence a marker is a changed figure."""
    return _NOTE_MARKS.sub("", text) if "[" in text else text


def clean_blocks(paragraphs: list[str] | tuple[str, ...], title: str | None = None, *, plain_text: bool = False
                 ) -> tuple[list[str], list[tuple[str, str]]]:
    """Body paragraphs of an article and the lines left out, each with its reason.

    Recall first: a line is dropped only on evidence — a widget or credit pattern, a repeat of
    another paragraph, a position after a teaser marker or an author bio, or (above the first
    body sentence only) a headline-like lead line — in a page only one without a figure, so an
    ingredient list or a fact box above the first sentence stays; a table row never, and with no
    body sentence at all there is no lead to speak of. Short lines, list items, table cells and
    headings inside the body stay. ``plain_text`` adds the one shape rule a text dump needs
    because it has no markup to judge by: a run of headline + short blurb groups at the end.
    """
    paras = [p for p in (normalise_space(unmark_notes(x)) for x in paragraphs) if p]
    ignored: list[tuple[str, str]] = []

    def keep(new: list[str], reason: str) -> list[str]:
        kept = set(map(id, new))
        ignored.extend((p, reason) for p in paras if id(p) not in kept)
        return new

    paras = keep(cut_teasers(paras), "teaser block after a keep-reading marker")
    if plain_text:
        paras = keep(cut_teaser_list(paras), "list of teasers at the end")
    share_at = {i for i, p in enumerate(paras) if _SHARE.match(p) and len(p) < 60}
    paras = keep(drop_repeats(paras, share_at), "repeat of another paragraph (pull quote, caption)")
    t = _fold(title) if title else None
    credit_at = {i for i, p in enumerate(paras) if is_credit(p)}
    lead = _lead_end(paras)
    out = []
    for i, p in enumerate(paras):
        reason = _line_reason(p, t)
        if reason is None and (i - 1 in credit_at or i + 1 in credit_at) and not ends_sentence(p) \
                and len(p.split()) <= 60:
            reason = "caption beside a credit"
        if reason is None and i < lead < len(paras) and is_heading(p) and not p.startswith("|") \
                and (plain_text or not any(c.isdigit() for c in p)):
            reason = "lead line above the body (headline, dek, label)"
        if reason:
            ignored.append((p, reason))
        else:
            out.append(p)
    paras = out
    paras = keep(drop_bio(paras), "author bio")
    return paras, ignored


def clean(paragraphs: list[str] | tuple[str, ...], title: str | None = None, *, plain_text: bool = True) -> list[str]:
    """Body paragraphs of an article, boilerplate removed (see :func:`clean_blocks`)."""
    return clean_blocks(paragraphs, title, plain_text=plain_text)[0]
