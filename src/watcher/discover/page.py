"""Article links on a section front ("page" feeds), as NewsDiffs found new articles: every ``<a href>``
of the page whose absolute, canonical URL matches the feed's ``links`` pattern.

Why a pattern is required: a front page links to far more than articles — navigation, tags,
authors, the privacy policy — and only the operator knows which URLs are articles on that site.
Links resolve against ``<base href>`` when the page has one (resolved itself against the page URL),
else against the page URL, as a browser does.

Garbage is told apart from a quiet page: a body that is empty or binary is a :class:`FeedError`;
a page where no link matches carries a ``warning`` (the pattern is wrong, the site changed its
layout, or a consent wall was served instead), because an empty result there is never normal.
"""

from __future__ import annotations

from urllib.parse import urljoin

import lxml.html
from lxml import etree

from .canon import canonical_url
from .entry import Entry, FeedError, Parsed, one_line
from .patterns import UrlPattern


def _base(doc: etree._Element, page_url: str) -> str:
    for el in doc.iter("base"):
        href = (el.get("href") or "").strip()
        if href:
            return urljoin(page_url, href)
    return page_url


def parse_page(data: bytes, page_url: str, links: UrlPattern) -> Parsed:
    """The article links of the HTML page at ``page_url`` that match ``links``, in page order, each
    once (with the first non-empty link text as its title)."""
    if not data.strip():
        raise FeedError("empty document: no section page")
    if b"\x00" in data[:4096]:
        raise FeedError("not an HTML page (binary data)")
    try:
        doc = lxml.html.document_fromstring(data)
    except (etree.ParserError, ValueError) as e:
        raise FeedError(f"not an HTML page: {one_line(e, 120)}") from None
    base = _base(doc, page_url)
    titles: dict[str, str | None] = {}
    seen = 0
    for a in doc.iter("a", "area"):
        href = (a.get("href") or "").strip()
        if not href or href.startswith("#"):
            continue
        try:
            url = canonical_url(href, base)
        except ValueError:
            continue  # mailto:, javascript:, a bad port: not an article
        seen += 1
        if not links.matches(url):
            continue
        text = " ".join((a.text_content() or a.get("title") or "").split()) or None
        if titles.get(url) is None:
            titles[url] = text
    entries = tuple(Entry(url, title) for url, title in titles.items())
    warning = None if entries else (f"no link on the page matches the links pattern {links.text!r} "
                                    f"({seen} links seen)")
    return Parsed(entries=entries, warning=warning)
