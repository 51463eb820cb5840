"""Turn page bytes (HTML) or a plain-text seed into a :class:`Document` of cleaned paragraphs.

A pure function of its input (trafilatura's pipeline idea): no caches of pages or text, so it can
run in a worker process and give the same answer every time (the one thing kept is trafilatura's
options object, made once: it holds only the settings below; and trafilatura's comparison stage is
wrapped once, so that a result it settled skips it, see ``_settle``). The page is parsed once;
:mod:`watcher.extract.dom` reads boilerplate off the tree's structure first, then trafilatura
finds the article in its balanced mode (no comments, tables kept, never ``deduplicate``: its
process-wide cache drops text on later calls of the same page). The text rules of
:mod:`watcher.extract.clean` run last — the same rules that clean plain-text seeds. Every block
left out is kept in :attr:`Document.ignored` with its reason.
"""

from __future__ import annotations

import codecs
import logging
import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import clean
from .document import Document

log = logging.getLogger("watcher.extract")

if TYPE_CHECKING:
    from ..config import SiteRules

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_LOOKS_HTML = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<\?xml)|<(p|div|article|br)\b[^>]*>",
                         re.IGNORECASE)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_OG_TITLE = re.compile(r"""<meta[^>]+property=["']og:title["'][^>]+content=["']([^"']+)""", re.IGNORECASE)
_OG_TITLE_REV = re.compile(r"""<meta[^>]+content=["']([^"']+)["'][^>]+property=["']og:title["']""", re.IGNORECASE)
_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.IGNORECASE | re.DOTALL)
_TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)


def decode(body: bytes, declared: str | None = None) -> str:
    """Bytes → str, as a browser would: a byte-order mark, else the declared charset (HTTP header),
    else a ``<meta charset>``, else UTF-8, else detection (charset-normalizer), else cp1252.

    Invalid bytes are replaced, never fatal: one broken byte must not lose a page. Labels browsers
    read as windows-1252 (``iso-8859-1``, ``ascii``) are read so too — pages that say Latin-1 use
    its curly quotes — and codecs that are not web text encodings (``idna``, ``utf-7``,
    ``unicode_escape``: a hostile page could name one) are ignored.
    """
    for bom, enc in _BOMS:
        if body.startswith(bom):
            return _decode_as(body, enc) or ""
    candidates = [declared] if declared else []
    m = _META_CHARSET.search(body[:4096])
    if m:
        candidates.append(m.group(1).decode("ascii", "replace"))
    for label in candidates:
        text = _decode_as(body, _codec(label))
        if text is not None:
            return text
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if body.count(b"\xef\xbf\xbd") or _mostly_utf8(body):
        return body.decode("utf-8", errors="replace")
    return _decode_as(body, _detect(body)) or body.decode("cp1252", errors="replace")


_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_NOT_WEB_TEXT = {"idna", "punycode", "unicode-escape", "raw-unicode-escape", "utf-7", "undefined"}
_AS_CP1252 = {"latin-1", "iso8859-1", "ascii"}
_WEB_RANK = {name: i for i, name in enumerate((  # legacy encodings by how common they are on the web
    "utf_8", "cp1252", "cp1251", "cp932", "shift_jis", "gb18030", "gbk", "gb2312", "euc_kr", "cp949", "cp1250",
    "big5", "euc_jp", "iso8859_2", "koi8_r", "cp1256", "cp1254", "cp1253", "cp1255", "cp1257", "cp1258",
    "tis_620", "cp874", "iso8859_15", "koi8_u", "iso8859_5", "iso8859_7", "iso8859_9"))}


def _codec(label: str | None) -> str | None:
    """The Python codec for a charset label, or None when it is unknown or not a web text encoding."""
    try:
        info = codecs.lookup((label or "").strip().strip("\"'"))
    except (LookupError, ValueError):
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_WEB_TEXT:
        return None
    return "cp1252" if info.name in _AS_CP1252 else info.name


def _decode_as(body: bytes, codec: str | None) -> str | None:
    if codec is None:
        return None
    try:
        return body.decode(codec, errors="replace")
    except (LookupError, UnicodeError, ValueError):
        return None


def _detect(body: bytes) -> str | None:
    """charset-normalizer's guess for undeclared, non-UTF-8 bytes (e.g. cp1251, Shift_JIS)."""
    from charset_normalizer import from_bytes  # lazy: only undeclared legacy pages pay for it

    try:
        matches = list(from_bytes(body[:200_000]))
    except Exception:  # a detector failure only means "no guess"
        return None
    if not matches:
        return None
    least = min(m.chaos for m in matches)
    # Short samples fit several code pages equally well (cp1250 ~ cp1252, mac_cyrillic ~ cp1251):
    # among the equally clean, take the one the web actually uses.
    best = min((m for m in matches if m.chaos <= least + 0.01),
               key=lambda m: (_WEB_RANK.get(m.encoding, len(_WEB_RANK)), -m.coherence))
    return _codec(best.encoding)


def _mostly_utf8(body: bytes) -> bool:
    """UTF-8 with a few broken bytes (more valid non-ASCII characters than broken ones), as opposed
    to a legacy 8-bit page, where no high byte forms a valid sequence."""
    text = body[:65536].decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    return len(_NON_ASCII.findall(text)) - bad >= bad


def looks_like_html(text: str) -> bool:
    return bool(_LOOKS_HTML.search(text[:5000]))


def _page_title(html: str) -> str | None:
    """The article's title: og:title, else the first <h1>, else <title> (cheap regexes on the head)."""
    import html as html_mod

    head = html[:200_000]
    for rx in (_OG_TITLE, _OG_TITLE_REV, _H1, _TITLE_TAG):
        m = rx.search(head)
        if m:
            t = clean.normalise_space(html_mod.unescape(re.sub(r"<[^>]+>", "", m.group(1))))
            if t:
                return t
    return None


# favor_precision=False: trafilatura's balanced mode keeps main text that precision mode drops (short
# lines, list items, a second column); the structural evidence of watcher.dom removes the boilerplate
# it would let through. include_tables=True: data tables hold figures analysts cite.
_TRAFILATURA: dict[str, Any] = dict(comments=False, tables=True, with_metadata=False, dedup=False, precision=False,
                                    output_format="python")


@lru_cache(maxsize=2)
def _extractor(fast: bool = False) -> Any:
    """trafilatura's options, made once per process and handed to every ``bare_extraction``: made
    from keyword arguments on each call, they read trafilatura's config file's values through
    ``configparser`` each time (~0.1 ms a page). trafilatura never changes the options it is given
    (its recall retry works on a copy). Making them installs the settling step (:func:`_settle`).
    ``fast``: trafilatura's fast mode, which never compares (the fallback of :func:`_article`)."""
    from trafilatura.settings import Extractor

    class Settling(Extractor):
        """trafilatura's options, marked as ours: only our extractions settle early."""

        settles = True

    _settle()
    return Settling(fast=fast, **_TRAFILATURA)


# trafilatura's full extraction compares its own result with readability's and justext's; an
# article it found at length and in paragraphs is the one that comparison keeps, and ten times
# trafilatura's minimum extracted size is the same bar trafilatura uses to skip the comparison in
# recall mode.
_SETTLED_CHARS = 2500


def _settled(body: Any, text: str) -> bool:
    """trafilatura's own extraction is the one the comparison would keep: long, and built of
    paragraphs rather than tables (readability replaces a shorter or table-dominated extraction
    only)."""
    if body is None or len(text) < _SETTLED_CHARS:
        return False
    return bool(body.xpath(".//p//text()")) and len(body.findall(".//table")) <= len(body.findall(".//p"))


_COMPARE_PARAMETERS = ("cleaned_tree", "raw_tree", "body", "text", "options")


@lru_cache(maxsize=1)
def _settle() -> bool:
    """Let our extractions skip trafilatura's comparison with readability and justext when its own
    result is settled (:func:`_settled`). Whether the installed trafilatura allows it.

    That comparison costs about as much as the extraction itself and changes nothing on a page whose
    article was found at length; on a short or table-made result it is what rescues main text.
    trafilatura has no option for "compare only when short" (its fast mode never compares, and runs
    its recovery of stray paragraphs differently), so the one function of its pipeline that makes
    the comparison is wrapped: for options of our own (:func:`_extractor`) and a settled result it
    returns that result, otherwise it calls trafilatura's comparison as before. Every other caller,
    and every stage after it (rescue, recall retry), is trafilatura's own. The alternative — a fast
    extraction first and the full one when the fast result is short — ran the fast one for nothing
    on the ~45 % of real pages whose result is short: ~12 % of the extraction's time. An installed
    trafilatura whose comparison takes other parameters is left alone: every page then gets the
    full comparison (slower, never wrong)."""
    import inspect

    import trafilatura
    from trafilatura import core

    compare = getattr(core, "compare_extraction", None)
    if getattr(compare, "wrapped_by_watcher", False):
        return True
    if compare is None or tuple(inspect.signature(compare).parameters) != _COMPARE_PARAMETERS:
        log.warning("trafilatura %s compares extractions differently: every page gets the full comparison",
                    getattr(trafilatura, "__version__", "?"))
        return False

    def compare_extraction(cleaned_tree: Any, raw_tree: Any, body: Any, text: str, options: Any) -> Any:
        if getattr(options, "settles", False) and options.focus == "balanced" and _settled(body, text):
            return body, text
        return compare(cleaned_tree, raw_tree, body, text, options)

    compare_extraction.wrapped_by_watcher = True  # type: ignore[attr-defined]
    core.compare_extraction = compare_extraction
    return True


def _article(trafilatura: Any, tree: Any) -> Any:
    """trafilatura's extraction of ``tree``, compared with readability and justext only when its own
    result is short or not made of paragraphs (:func:`_settle`); when that fails (hostile markup can
    make any of the three raise; trafilatura turns some errors into no result), trafilatura's fast
    mode, which never compares. Neither changes ``tree`` (trafilatura copies an element it is given)."""
    for options in (_extractor(), _extractor(fast=True)):
        try:
            doc = trafilatura.bare_extraction(tree, options=options)
        except Exception:
            continue
        if doc is not None:
            return doc
    return None


def html_to_paragraphs(html: str, rules: SiteRules | None = None
                       ) -> tuple[str | None, list[str], list[tuple[str, str]]]:
    """Main text of an HTML page: (title, raw paragraphs before cleaning, blocks left out + why).

    The page is parsed once; :mod:`watcher.extract.dom` removes the blocks its structure shows are
    boilerplate, then trafilatura finds the article in what is left.
    """
    import trafilatura  # lazy: importing trafilatura costs ~0.3 s that `watcher --help` need not pay
    from trafilatura.utils import load_html

    from . import dom
    from .tree import block_texts, compile_selectors

    title = _page_title(html)
    ignored: list[tuple[str, str]] = []
    doc = tree = evidence = None
    try:
        tree = load_html(html)
    except Exception:  # lxml/trafilatura raise odd errors on hostile markup; fall back, never crash
        tree = None
    if tree is not None:
        try:
            exclude = compile_selectors(rules.exclude) if rules else []
            include = compile_selectors(rules.include) if rules else []
            tree, dropped, evidence = dom.prune(tree, exclude, include, html)
            ignored = [(clean.normalise_space(b.text), b.reason) for b in dropped]
        except Exception:  # our own structural pass must not cost the page: say so, extract without it
            log.exception("structural boilerplate pass failed; extracting without it")
        doc = _article(trafilatura, tree)
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
    if not text.strip() and tree is not None:  # no article found in what is left: its blocks, as they are
        try:
            text = "\n".join(block_texts(tree))
        except Exception:
            text = ""
    if not text.strip():
        try:
            text = trafilatura.html2txt(html) or ""
        except Exception:
            text = ""
    lines = [p for p in (_unbullet(clean.normalise_space(line)) for line in text.split("\n")) if p]
    if evidence is not None:
        lines = [p for p in lines if not evidence.is_boilerplate(p)]
    return title, lines, ignored


def preload_extractor() -> None:
    """Import what extracting a page needs (trafilatura and lxml, ~0.2 s of CPU) now: before worker
    processes are forked from this one, so they share one import instead of paying it each."""
    import trafilatura  # noqa: F401
    from trafilatura.utils import load_html  # noqa: F401

    from . import dom  # noqa: F401

    _extractor()  # and its settling step, installed once here for every worker forked after


def _unbullet(line: str) -> str:
    """trafilatura writes list items as "- item": the same line as a list item or a paragraph (a
    redesign, ``<br>`` text turned into a list) must read the same."""
    return line[2:] if line.startswith("- ") else line


def text_to_paragraphs(text: str) -> list[str]:
    """Paragraphs of a plain-text dump: blank-line blocks, each line its own paragraph unless the
    block is hard-wrapped prose (then its lines are joined)."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
        if not lines:
            continue
        wrapped = len(lines) > 1 and all(len(ln) >= 50 and not clean.ends_sentence(ln) for ln in lines[:-1])
        if wrapped:
            out.append(clean.normalise_space(" ".join(lines)))
        else:
            out.extend(clean.normalise_space(ln) for ln in lines)
    return out


def extract(body: bytes | str, *, encoding: str | None = None, title_hint: str | None = None,
            plain_text: bool | None = None, rules: SiteRules | None = None) -> Document:
    """Bytes or text of a page (HTML or plain text) → cleaned :class:`Document`."""
    text = body if isinstance(body, str) else decode(body, encoding)
    if plain_text is None:
        plain_text = not looks_like_html(text)
    ignored: list[tuple[str, str]] = []
    if plain_text:
        title, paras = title_hint, text_to_paragraphs(text)
    else:
        title, paras, ignored = html_to_paragraphs(text, rules)
        title = title or title_hint
    kept, dropped = clean.clean_blocks(paras, title=title, plain_text=plain_text)
    return Document(title=title, paragraphs=tuple(kept), ignored=tuple(ignored + dropped))


def load_baseline(path: Path) -> Document:
    """A seed file (plain text or HTML) cleaned by the same rules as fetched pages."""
    return extract(path.read_bytes())
