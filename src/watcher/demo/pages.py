"""Realistic article pages for `watcher demo`: the article inside the boilerplate real sites ship
(scripts, styles, nav menus, cookie banner, newsletter box, social links, share buttons, footer).

Two markups, modelled on the two seed articles' real sites: a RebelMouse-style magazine whose
article is followed by "inlined next posts" teasers, and a RAND-style commentary with pull quotes,
an author bio and related links. The site chrome is public: the tests build further markups from it
(tests/sitegen.py, tests/eval/markups.py). Pure stdlib; every page is a full HTML5 document.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from .teasers import Teaser

# --------------------------------------------------------------------------- shared chrome

_SCRIPTS = """<script async src="https://www.googletagmanager.com/gtag/js?id=G-XXXX12345"></script>
<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}gtag('js',new Date());gtag('config','G-XXXX12345');</script>
<script type="application/json">{"env":"production","ads":{"slots":["top","rail","inline"]},"paywall":false}</script>"""

_STYLE = """<style>body{margin:0;font-family:Georgia,serif}.cookie-banner{position:fixed;bottom:0;left:0;right:0;background:#222;color:#fff}
.nav a{padding:0 8px}.newsletter{border:1px solid #ccc;padding:1em}figure img{max-width:100%}</style>"""


def head(title: str, site: str, desc: str) -> str:
    t, s, d = escape(title), escape(site), escape(desc)
    return f"""<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{t} - {s}</title>
<meta name="description" content="{d}">
<meta property="og:title" content="{t}">
<meta property="og:site_name" content="{s}">
<meta property="og:type" content="article">
<meta name="twitter:card" content="summary_large_image">
{_SCRIPTS}
{_STYLE}
</head>"""


def cookie_banner() -> str:
    return (
        '<div id="cookie-consent" class="cookie-banner"><p>We use cookies to improve your experience '
        "and to analyse traffic. By continuing to browse you agree to our use of cookies.</p>"
        '<button type="button">Accept all</button><button type="button">Manage preferences</button></div>'
    )


def nav_links(items: Sequence[str]) -> str:
    return "".join(
        f'<li><a href="/{escape(i.lower().replace(" ", "-"))}/">{escape(i)}</a></li>' for i in items
    )


MENU = (
    "Home",
    "Military Industrial Complex",
    "Washington Politics",
    "Europe",
    "Middle East",
    "Asia-Pacific",
    "Africa",
    "Latin America",
    "Podcasts",
    "About",
)


def social() -> str:
    return (
        '<div class="social-follow"><span>Follow us on social</span><ul>'
        '<li><a href="https://twitter.com/example">Twitter</a></li>'
        '<li><a href="https://www.facebook.com/example">Facebook</a></li>'
        '<li><a href="https://www.youtube.com/example">YouTube</a></li>'
        '<li><a href="https://www.linkedin.com/company/example">LinkedIn</a></li></ul></div>'
    )


def newsletter(site: str) -> str:
    return (
        f'<div class="newsletter"><h3>Subscribe to the {escape(site)} newsletter</h3>'
        "<p>Get the latest analysis delivered to your inbox every weekday morning.</p>"
        '<form action="/subscribe" method="post"><input type="email" name="email" placeholder="Email address">'
        '<button type="submit">Sign up</button></form></div>'
    )


def footer(site: str, year: int = 2024) -> str:
    return (
        f'<footer class="site-footer">{social()}<ul class="footer-links">'
        + nav_links(("About Us", "Contact", "Privacy Policy", "Terms of Use", "Careers"))
        + f'</ul><p class="copyright">&copy; {year} {escape(site)}. All rights reserved.</p></footer>'
    )


def paras(paragraphs: Sequence[str], cls: str = "") -> str:
    c = f' class="{cls}"' if cls else ""
    return "\n".join(f"<p{c}>{escape(p)}</p>" for p in paragraphs)


def doc(head_html: str, body: str) -> str:
    return f'<!DOCTYPE html>\n<html lang="en">\n{head_html}\n<body>\n{body}\n</body>\n</html>\n'


def slug(text: str) -> str:
    return "-".join("".join(ch.lower() if ch.isalnum() else " " for ch in text).split())[:80]


# --------------------------------------------------------------------------- magazine (RebelMouse)

_TRENDING = (
    "Israel-Gaza Crisis",
    "Why the Pentagon keeps asking for more",
    "Europe's rearmament bill comes due",
    "The quiet expansion of US bases in the Pacific",
    "What Congress left out of the NDAA",
)


def _mag_teaser(t: Teaser) -> str:
    """One RebelMouse "inlined next post": a truncated article with a keep-reading toggle."""
    title, path = escape(t.title), slug(t.title)
    credit = f'<div class="photo-credit"><p>{escape(t.credit)}</p></div>' if t.credit else ""
    return f"""<article class="post-partial" data-href="/{path}">
<div class="post-partial__body">
<p class="post-section">{escape(t.label)}</p>
<h2 class="post-partial__headline"><a href="/{path}">{title}</a></h2>
<div class="rm-lazyloadable-image"><img src="/media/{path}.jpg" alt=""></div>
{credit}
<h2 class="headline-repeat">{title}</h2>
<div class="body-description">
{paras(t.paragraphs)}
</div>
<p class="read-more-holder"><a class="read-more" href="/{path}">keep reading</a><span class="show-less">Show less</span></p>
</div>
</article>"""


def magazine_page(
    title: str,
    paragraphs: list[str],
    *,
    dek: str = "",
    section: str = "Analysis | Asia-Pacific",
    caption: str = "",
    teasers: Sequence[Teaser] = (),
    date: str = "Jun 19, 2024",
    author: str = "",
) -> str:
    """RebelMouse-style magazine article followed by "inlined next posts" teasers."""
    site = "Statecraft Review"
    t = escape(title)
    dek_html = f'<h2 class="subheadline">{escape(dek)}</h2>' if dek else ""
    byline = escape(author or "Staff Writer")
    cap_html = (f'<div class="photo-credit"><p>{escape(caption)}</p></div>') if caption else ""
    nexts = "\n".join(_mag_teaser(x) for x in teasers)
    trending = "".join(f'<li><a href="/{slug(x)}">{escape(x)}</a></li>' for x in _TRENDING)
    body = f"""{cookie_banner()}
<div class="topbar">{social()}</div>
<header class="main-header"><a class="logo" href="/">{site}</a>
<nav class="nav main-menu"><ul>{nav_links(MENU)}</ul></nav>
<button class="search-toggle" type="button">Search</button></header>
<div class="layout">
<main class="posts-wrapper">
<div class="post-content">
<article class="post-article" data-id="2668453912">
<h1 class="headline h1">{t}</h1>
<h2 class="headline-share">{t}</h2>
{dek_html}
<p class="post-section">{escape(section)}</p>
<div class="social-author"><span class="social-author__name">{byline}</span>
<span class="social-date"><time>{escape(date)}</time></span></div>
<figure class="lead-media"><img src="/media/lead.jpg" alt="{escape(caption)}"></figure>
<div class="body-description">
{paras(paragraphs)}
</div>
{cap_html}
<div class="share-bar"><a href="https://twitter.com/intent/tweet">Share</a><a href="mailto:">Email</a></div>
</article>
{newsletter(site)}
<div class="rm-stream">
{nexts}
</div>
</div>
</main>
<aside class="sidebar"><div class="trending"><h3>Trending</h3><ol class="trending-list">{trending}</ol></div></aside>
</div>
{footer(site)}"""
    return doc(head(title, site, dek or title), body)


# --------------------------------------------------------------------------- think tank (RAND)

_TOPICS = ("Geopolitical Strategic Competition", "Arms Control", "Sanctions", "Security Cooperation")


def thinktank_page(
    title: str,
    paragraphs: list[str],
    *,
    date: str = "Apr 4, 2024",
    kind_label: str = "commentary",
    caption: str = "",
    credit: str = "",
    pull_quotes: dict[int, str] | None = None,
    bio: str = "",
    related: Sequence[str] = (),
) -> str:
    """RAND-style commentary with pull quotes, author bio, related links and topic tags."""
    site = "Policy Research Institute"
    quotes = pull_quotes or {}
    parts: list[str] = []
    for i, p in enumerate(paragraphs):
        parts.append(f"<p>{escape(p)}</p>")
        if i in quotes:
            q = escape(quotes[i])
            parts.append(
                f'<div class="pullquote"><blockquote><p>{q}</p></blockquote>'
                f'<a class="tweet-this" href="https://twitter.com/intent/tweet?text={slug(quotes[i])}'
                f'&amp;url=https%3A%2F%2Fexample.org%2Fcommentary">Share on Twitter</a></div>'
            )
    fig = ""
    if caption or credit:
        fig = (
            f'<figure class="lead-image"><img src="/content/dam/lead.jpg" alt="{escape(caption)}, photo by '
            f'{escape(credit)}"></figure><div class="lead-image__text"><p>{escape(caption)}</p>'
            f'<p class="credit">{escape(credit)}</p></div>'
        )
    bio_html = f'<div class="bio"><p>{escape(bio)}</p></div>' if bio else ""
    rel = "".join(f'<li><a href="/pubs/commentary/{slug(r)}.html">{escape(r)}</a></li>' for r in related)
    rel_html = f'<section class="related"><h2>Related</h2><ul>{rel}</ul></section>' if related else ""
    tags = "".join(f'<li><a href="/topics/{slug(x)}.html">{escape(x)}</a></li>' for x in _TOPICS)
    body = f"""{cookie_banner()}
<header id="site-header"><a class="logo" href="/">{site}</a>
<nav class="primary-nav"><ul>{nav_links(("Research", "Topics", "Experts", "Commentary", "Events", "About", "Give"))}</ul></nav>
<div class="utility-nav"><a href="/subscribe">Subscribe</a><a href="/search">Search</a></div></header>
<main id="main">
<div class="body-text">
<div class="title-block">
<p class="type">{escape(kind_label)}</p>
<h1 id="RANDTitleHeadingId">{escape(title)}</h1>
<p class="date">{escape(date)}</p>
</div>
{fig}
<div class="article-wrapper">
{chr(10).join(parts)}
</div>
{bio_html}
</div>
<div class="topics"><h2>Topics</h2><ul class="tags">{tags}</ul></div>
{rel_html}
{newsletter(site)}
</main>
{footer(site)}"""
    return doc(head(title, site, title), body)
