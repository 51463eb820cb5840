"""One article, one URL: canonical forms of URLs, and the canonical URL an article's HTML declares.

An outlet hands out the same article under many URLs — with ``?utm_source=rss`` from the feed and
``?fbclid=…`` from a share, ``HTTP://Example.COM:80/a`` in one sitemap and ``http://example.com/a``
in another, the AMP copy that points back with ``<link rel=canonical>``. Watching each would check
one article several times and alert on it several times; comparing canonical forms makes it one
source.

:func:`canonical_url` is syntactic and safe — it only removes what cannot select content:

* scheme and host are case-folded (host names are case-insensitive; a trailing dot is dropped and a
  non-ASCII host is written in its IDNA form); the default port (80 for http, 443 for https) is
  removed; an empty path becomes ``/``;
* the fragment is dropped (it never reaches the server);
* percent-escapes are written one way (RFC 3986 §6.2.2: upper-case hex, unreserved characters
  decoded; other non-ASCII characters and spaces encoded as UTF-8 escapes);
* tracking parameters (:data:`TRACKING_PARAMS`, :data:`TRACKING_PREFIXES`) are removed; every other
  parameter is kept, in its order — a site may select the article by ``?id=``;
* nothing else: no sorting of parameters, no ``www.`` removal, no trailing-slash changes, because
  each of those does change the resource on some sites.

:func:`canonical_link` reads ``<link rel="canonical">`` (else ``og:url``) from an article after its
first fetch. It is trusted only on the same site (same host, or the same host without a leading
``www.``/``m.``/``amp.``/``mobile.`` label) and never when it points a deeper page at the site's front
page — a common CMS misconfiguration that would merge every article into one.
"""

from __future__ import annotations

import re
from urllib.parse import quote, unquote_plus, urljoin, urlsplit, urlunsplit

import lxml.html
from lxml import etree

#: Query parameters that only say where a reader came from (analytics, ad clicks, newsletters,
#: share buttons), compared case-insensitively. Conservative on purpose: a parameter that selects
#: content (``id``, ``p``, ``page``, ``ref`` on some sites) must never be dropped.
TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid",
    "li_fat_id", "igshid", "mc_cid", "mc_eid", "ref_src", "ref_url", "_ga", "_gl", "_hsenc", "_hsmi",
    "__hssc", "__hstc", "__hsfp", "hsctatracking", "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id",
    "vero_conv", "rb_clickid", "s_cid", "wt.mc_id", "wt.mc_ev", "ncid", "ocid", "smid", "cmp",
    "at_medium", "at_campaign", "at_link_id", "at_ptr_name", "sr_share",
})
#: Prefixes of tracking parameter families: Google Analytics campaigns (``utm_source``, …),
#: Matomo/Piwik campaigns (``pk_campaign``, ``mtm_kwd``, …).
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_")
_DEFAULT_PORTS = {"http": 80, "https": 443}
_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_PATH_SAFE = "/:@!$&'()*+,;=-._~%"
_QUERY_SAFE = _PATH_SAFE + "?"
_MIRROR_LABELS = ("www.", "m.", "amp.", "mobile.")


def is_tracking_param(name: str) -> bool:
    """Whether a query parameter name (as written, possibly percent-encoded) is a tracking one."""
    key = unquote_plus(name).strip().lower()
    return key in TRACKING_PARAMS or key.startswith(TRACKING_PREFIXES)


def _escapes(text: str, safe: str) -> str:
    """Percent-escapes written one way: non-ASCII and unsafe characters encoded, hex upper-case,
    escaped unreserved characters decoded (``%7E`` → ``~``). Idempotent."""

    def one(m: re.Match[str]) -> str:
        ch = chr(int(m.group(1), 16))
        return ch if ch in _UNRESERVED else "%" + m.group(1).upper()

    return _ESCAPE.sub(one, quote(text, safe=safe))


def _host(hostname: str) -> str:
    host = hostname.lower().rstrip(".") or hostname.lower()
    if not host.isascii():
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            pass  # not representable in IDNA 2003: compare it as written (lower-cased)
    return f"[{host}]" if ":" in host else host


def canonical_url(url: str, base: str | None = None) -> str:
    """The canonical form of ``url`` (resolved against ``base`` when relative); see the module doc.

    Raises ValueError for what is not an http(s) URL with a host (``mailto:``, ``javascript:``,
    a bad port): such links are never articles to watch.
    """
    text = url.strip()
    if base is not None:
        text = urljoin(base, text)
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS:
        raise ValueError(f"not an http(s) URL: {text[:200]!r}")
    if not parts.hostname:
        raise ValueError(f"URL without a host: {text[:200]!r}")
    port = parts.port  # raises ValueError on a bad port
    netloc = _host(parts.hostname)
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        netloc += f":{port}"
    if "@" in parts.netloc:
        netloc = parts.netloc.rsplit("@", 1)[0] + "@" + netloc
    path = _escapes(parts.path or "/", _PATH_SAFE)
    kept = [_escapes(p, _QUERY_SAFE) for p in parts.query.split("&")
            if p and not is_tracking_param(p.split("=", 1)[0])]
    return urlunsplit((scheme, netloc, path, "&".join(kept), ""))


def _site(host: str) -> str:
    for label in _MIRROR_LABELS:
        if host.startswith(label):
            return host[len(label):]
    return host


def _trusted(candidate: str, page: str) -> bool:
    """A declared canonical URL is believed only on the same site, and never when it sends a deeper
    page to the front page (see the module doc)."""
    c, p = urlsplit(candidate), urlsplit(page)
    if _site(c.hostname or "") != _site(p.hostname or ""):
        return False
    return not (c.path in ("", "/") and not c.query and p.path not in ("", "/"))


def _declared(doc: etree._Element) -> list[str]:
    """Candidate canonical URLs in order of trust: every ``rel=canonical`` link, then ``og:url``."""
    found = [el.get("href", "") for el in doc.iter("link")
             if "canonical" in (el.get("rel") or "").lower().split()]
    found += [el.get("content", "") for el in doc.iter("meta")
              if (el.get("property") or el.get("name") or "").strip().lower() == "og:url"]
    return [f.strip() for f in found if f and f.strip()]


def canonical_link(html: bytes | str, page_url: str) -> str | None:
    """The canonical URL an article declares (``rel=canonical``, else ``og:url``), in canonical
    form and resolved against ``<base href>``/``page_url``; None when it declares none we trust.

    Never raises: a page we cannot parse simply declares nothing.
    """
    if not html or not (html.strip() if isinstance(html, bytes) else html.strip()):
        return None
    try:
        doc = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None
    base = page_url
    for el in doc.iter("base"):
        if el.get("href"):
            base = urljoin(page_url, el.get("href", "").strip())
            break
    try:
        page = canonical_url(page_url)
    except ValueError:
        return None
    for href in _declared(doc):
        try:
            candidate = canonical_url(href, base)
        except ValueError:
            continue
        if _trusted(candidate, page):
            return candidate
    return None


def canonical_after_fetch(requested: str, final_url: str | None, html: bytes | str | None) -> str:
    """The URL an article is known by once fetched: the canonical URL it declares if we trust it,
    else where the redirects ended, else the URL we asked for — always in canonical form.

    Raises ValueError only if even ``requested`` is not an http(s) URL.
    """
    landed = final_url or requested
    try:
        page = canonical_url(landed)
    except ValueError:
        page = canonical_url(requested)
    return (canonical_link(html, page) if html else None) or page
