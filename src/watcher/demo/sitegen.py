"""Realistic article pages (with the boilerplate real sites ship) for `watcher demo` and the tests.

Why in the package: the demo serves these pages on 127.0.0.1 to show the whole loop offline, and
the tests serve the same markups, so there is one generator of each markup, not two.

Pure stdlib. Every generator returns a full HTML5 document carrying the kind of
boilerplate real sites ship (scripts, styles, nav menus, cookie banner,
newsletter box, social links, footer) around an article body.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

__all__ = [
    "Teaser",
    "TEASER_POOL",
    "ARTICLES",
    "rotate",
    "magazine_page",
    "thinktank_page",
    "news_page",
    "div_page",
    "LocalSite",
]


@dataclass(frozen=True)
class Teaser:
    """A "next post" / related-story teaser block."""

    title: str
    paragraphs: tuple[str, ...]
    label: str = "Analysis"
    credit: str = ""


TEASER_POOL: list[Teaser] = [
    Teaser(
        "Will stock trade ban curtail DOD budget corruption?",
        (
            "A new bipartisan proposal would bar members of Congress from trading individual stocks while "
            "they oversee a Pentagon budget that topped $850 billion this year.",
            "At least 23 members of the Armed Services committees reported trades in defense contractors "
            "during the last session, according to a watchdog review.",
        ),
        "Analysis | Washington Politics",
        "Billion Photos via",
    ),
    Teaser(
        "Sahel juntas' defense pact makes mockery of US policy",
        (
            "Three junta-led governments signed a treaty creating a security alliance covering a combined "
            "population of 72 million people.",
        ),
        "Analysis | Africa",
        "REUTERS/ Mahamadou Hamidou",
    ),
    Teaser(
        "The Pentagon can't pass an audit. Again.",
        (
            "The Department of Defense failed its sixth consecutive audit, unable to account for more than "
            "half of its $3.8 trillion in assets.",
            "Officials now say a clean opinion is unlikely before 2028.",
        ),
        "Reporting | Military Industrial Complex",
        "Mark Van Scyoc via",
    ),
    Teaser(
        "Arms sales to the Gulf hit a record",
        (
            "U.S. foreign military sales approved in fiscal 2023 reached $80.9 billion, up 56 percent from "
            "the year before, with Gulf monarchies among the largest buyers.",
        ),
        "Analysis | Middle East",
        "Sgt. Jordan Gilbert/USMC via",
    ),
    Teaser(
        "Why the AUKUS submarine timeline keeps slipping",
        (
            "Australia plans to spend as much as A$368 billion over three decades on nuclear-powered "
            "submarines, but U.S. shipyards are delivering about 1.2 boats a year against a goal of two.",
        ),
        "Analysis | Asia-Pacific",
        "US Navy via",
    ),
    Teaser(
        "NATO's 2 percent club grows to 23 members",
        (
            "Twenty-three of the alliance's 32 members now meet the 2 percent of GDP spending guideline, "
            "up from just three in 2014.",
            "Critics say the metric measures inputs, not capability.",
        ),
        "QiOSK | Europe",
        "Alexandros Michailidis via",
    ),
    Teaser(
        "Red Sea shipping still down by half",
        (
            "Traffic through the Suez Canal remains roughly 50 percent below 2023 levels, and insurers have "
            "raised war-risk premiums as much as tenfold since January.",
        ),
        "Reporting | Middle East",
        "Anadolu via",
    ),
    Teaser(
        "The hidden cost of the Ukraine drawdown packages",
        (
            "Replacing equipment sent from U.S. stocks may cost $20 billion more than the book value "
            "originally charged against the $61 billion supplemental, auditors estimate.",
        ),
        "Analysis | Europe",
        "Staff Sgt. Sarah Kirby via",
    ),
    Teaser(
        "Taiwan's defense budget rises for the eighth straight year",
        (
            "Taipei proposed NT$647 billion in military spending, about 2.45 percent of GDP, including "
            "funds for 4 new frigates and 400 Harpoon coastal missiles.",
        ),
        "QiOSK | Asia-Pacific",
        "Ann Wang/REUTERS via",
    ),
    Teaser(
        "Inside the $1.7 trillion F-35 sustainment bill",
        (
            "The Government Accountability Office now puts lifetime costs of the F-35 program at $1.7 trillion, "
            "up 44 percent since 2018, with jets available for missions only 55 percent of the time.",
        ),
        "Reporting | Military Industrial Complex",
        "Lockheed Martin via",
    ),
    Teaser(
        "Where are the candidates' possible VPs on foreign policy?",
        (
            "Polls show 61 percent of voters rank the economy above foreign policy, yet the shortlist "
            "includes two senators who sit on the Foreign Relations Committee.",
        ),
        "Analysis | Washington Politics",
        "Aaron of LA Photography via",
    ),
    Teaser(
        "Sanctions on Iran: 1,500 designations and counting",
        (
            "The Treasury Department has added more than 600 Iranian individuals and entities to its list "
            "since 2021, bringing the total to roughly 1,500, officials said.",
        ),
        "Analysis | Middle East",
        "Vahid Salemi/AP via",
    ),
]


def rotate(pool: Sequence[Teaser], k: int, offset: int) -> list[Teaser]:
    """Return ``k`` teasers from ``pool`` starting at ``offset``, wrapping around."""
    n = len(pool)
    return [pool[(offset + i) % n] for i in range(k)] if n else []


# --------------------------------------------------------------------------- shared chrome

_SCRIPTS = """<script async src="https://www.googletagmanager.com/gtag/js?id=G-XXXX12345"></script>
<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}gtag('js',new Date());gtag('config','G-XXXX12345');</script>
<script type="application/json">{"env":"production","ads":{"slots":["top","rail","inline"]},"paywall":false}</script>"""

_STYLE = """<style>body{margin:0;font-family:Georgia,serif}.cookie-banner{position:fixed;bottom:0;left:0;right:0;background:#222;color:#fff}
.nav a{padding:0 8px}.newsletter{border:1px solid #ccc;padding:1em}figure img{max-width:100%}</style>"""


def _head(title: str, site: str, desc: str) -> str:
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


def _cookie_banner() -> str:
    return (
        '<div id="cookie-consent" class="cookie-banner"><p>We use cookies to improve your experience '
        "and to analyse traffic. By continuing to browse you agree to our use of cookies.</p>"
        '<button type="button">Accept all</button><button type="button">Manage preferences</button></div>'
    )


def _nav_links(items: Sequence[str]) -> str:
    return "".join(
        f'<li><a href="/{escape(i.lower().replace(" ", "-"))}/">{escape(i)}</a></li>' for i in items
    )


_MENU = (
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


def _social() -> str:
    return (
        '<div class="social-follow"><span>Follow us on social</span><ul>'
        '<li><a href="https://twitter.com/example">Twitter</a></li>'
        '<li><a href="https://www.facebook.com/example">Facebook</a></li>'
        '<li><a href="https://www.youtube.com/example">YouTube</a></li>'
        '<li><a href="https://www.linkedin.com/company/example">LinkedIn</a></li></ul></div>'
    )


def _newsletter(site: str) -> str:
    return (
        f'<div class="newsletter"><h3>Subscribe to the {escape(site)} newsletter</h3>'
        "<p>Get the latest analysis delivered to your inbox every weekday morning.</p>"
        '<form action="/subscribe" method="post"><input type="email" name="email" placeholder="Email address">'
        '<button type="submit">Sign up</button></form></div>'
    )


def _footer(site: str, year: int = 2024) -> str:
    return (
        f'<footer class="site-footer">{_social()}<ul class="footer-links">'
        + _nav_links(("About Us", "Contact", "Privacy Policy", "Terms of Use", "Careers"))
        + f'</ul><p class="copyright">&copy; {year} {escape(site)}. All rights reserved.</p></footer>'
    )


def _paras(paragraphs: Sequence[str], cls: str = "") -> str:
    c = f' class="{cls}"' if cls else ""
    return "\n".join(f"<p{c}>{escape(p)}</p>" for p in paragraphs)


def _doc(head: str, body: str) -> str:
    return f'<!DOCTYPE html>\n<html lang="en">\n{head}\n<body>\n{body}\n</body>\n</html>\n'


def _slug(text: str) -> str:
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
    title, slug = escape(t.title), _slug(t.title)
    credit = f'<div class="photo-credit"><p>{escape(t.credit)}</p></div>' if t.credit else ""
    return f"""<article class="post-partial" data-href="/{slug}">
<div class="post-partial__body">
<p class="post-section">{escape(t.label)}</p>
<h2 class="post-partial__headline"><a href="/{slug}">{title}</a></h2>
<div class="rm-lazyloadable-image"><img src="/media/{slug}.jpg" alt=""></div>
{credit}
<h2 class="headline-repeat">{title}</h2>
<div class="body-description">
{_paras(t.paragraphs)}
</div>
<p class="read-more-holder"><a class="read-more" href="/{slug}">keep reading</a><span class="show-less">Show less</span></p>
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
    trending = "".join(f'<li><a href="/{_slug(x)}">{escape(x)}</a></li>' for x in _TRENDING)
    body = f"""{_cookie_banner()}
<div class="topbar">{_social()}</div>
<header class="main-header"><a class="logo" href="/">{site}</a>
<nav class="nav main-menu"><ul>{_nav_links(_MENU)}</ul></nav>
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
{_paras(paragraphs)}
</div>
{cap_html}
<div class="share-bar"><a href="https://twitter.com/intent/tweet">Share</a><a href="mailto:">Email</a></div>
</article>
{_newsletter(site)}
<div class="rm-stream">
{nexts}
</div>
</div>
</main>
<aside class="sidebar"><div class="trending"><h3>Trending</h3><ol class="trending-list">{trending}</ol></div></aside>
</div>
{_footer(site)}"""
    return _doc(_head(title, site, dek or title), body)


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
                f'<a class="tweet-this" href="https://twitter.com/intent/tweet?text={_slug(quotes[i])}'
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
    rel = "".join(f'<li><a href="/pubs/commentary/{_slug(r)}.html">{escape(r)}</a></li>' for r in related)
    rel_html = f'<section class="related"><h2>Related</h2><ul>{rel}</ul></section>' if related else ""
    tags = "".join(f'<li><a href="/topics/{_slug(x)}.html">{escape(x)}</a></li>' for x in _TOPICS)
    body = f"""{_cookie_banner()}
<header id="site-header"><a class="logo" href="/">{site}</a>
<nav class="primary-nav"><ul>{_nav_links(("Research", "Topics", "Experts", "Commentary", "Events", "About", "Give"))}</ul></nav>
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
{_newsletter(site)}
</main>
{_footer(site)}"""
    return _doc(_head(title, site, title), body)


# --------------------------------------------------------------------------- plain news site


def news_page(
    title: str, paragraphs: list[str], *, sidebar: Sequence[str] = (), dateline: str = "", updated: str = ""
) -> str:
    """Plain news site using semantic <article>, <time> and a "Most read" <aside>."""
    site = "The Daily Ledger"
    first = list(paragraphs)
    if dateline and first:
        first[0] = f"{dateline} — {first[0]}"
    upd = (
        f'<p class="update-stamp">Updated: <span data-iso="2024-06-20T09:15">{escape(updated)}</span></p>'
        if updated
        else ""
    )
    most = "".join(f'<li><a href="/news/{_slug(s)}">{escape(s)}</a></li>' for s in sidebar)
    share = (
        '<div class="share-buttons"><a href="https://www.facebook.com/sharer/sharer.php">Share on Facebook</a>'
        '<a href="https://twitter.com/intent/tweet">Share on X</a><a href="mailto:?subject=">Email</a>'
        '<button type="button">Copy link</button></div>'
    )
    body = f"""{_cookie_banner()}
<header class="masthead"><a class="brand" href="/">{site}</a>
<nav aria-label="Sections"><ul>{_nav_links(("News", "Local", "Politics", "Business", "Health", "Opinion", "Sports"))}</ul></nav></header>
<div class="page">
<main>
<article>
<header><h1>{escape(title)}</h1>
<p class="byline">By Staff Reporter · <time datetime="2024-06-19T14:30">Published June 19, 2024</time></p></header>
{upd}
{share}
{_paras(first)}
<footer class="article-footer">{share}</footer>
</article>
</main>
<aside class="most-read"><h2>Most read</h2><ol>{most}</ol></aside>
</div>
{_newsletter(site)}
{_footer(site)}"""
    return _doc(_head(title, site, title), body)


# --------------------------------------------------------------------------- generic divs


def div_page(title: str, paragraphs: list[str], *, tail_teasers: Sequence[Teaser] = ()) -> str:
    """Generic div soup with no semantic tags/classes; teasers blend into the article tail."""
    site = "Regional Observer"
    tails = "\n".join(
        f"<div><div><p>{escape(t.title)}</p></div>\n<div>{_paras(t.paragraphs)}</div></div>"
        for t in tail_teasers
    )
    menu = " ".join(f'<a href="/{_slug(m)}">{escape(m)}</a>' for m in _MENU)
    body = f"""<div style="position:fixed;bottom:0"><div>We use cookies to improve your experience.
By continuing to browse you agree to our use of cookies. <a href="/privacy">Learn more</a></div></div>
<div><div><a href="/">{site}</a></div><div>{menu}</div></div>
<div>
<div>
<div><h1>{escape(title)}</h1></div>
<div><span>June 19, 2024</span></div>
<div>
{_paras(paragraphs)}
</div>
{tails}
</div>
</div>
<div><div>Subscribe to our newsletter</div><div><input type="email"><span>Sign up</span></div></div>
<div><span>Follow us on social</span> <a href="https://twitter.com/example">Twitter</a>
<a href="https://www.facebook.com/example">Facebook</a></div>
<div><div>&copy; 2024 {site}. All rights reserved.</div></div>"""
    return _doc(_head(title, site, title), body)


# --------------------------------------------------------------------------- sample articles

ARTICLES: dict[str, tuple[str, list[str]]] = {
    "county_budget": (
        "Marlow County approves $2.5 billion budget with record road spending",
        [
            "The Marlow County Board of Supervisors on Tuesday approved a $2.5 billion operating budget "
            "for the coming fiscal year, a 6.4 percent increase that officials said was driven largely by "
            "road and bridge repairs deferred during the pandemic.",
            "The spending plan passed 4 to 1 after more than three hours of public comment, with "
            "Supervisor Dana Whitlock casting the lone dissenting vote.",
            "About $310 million is set aside for transportation, nearly three times what the county spent "
            "on roads five years ago, according to the county budget office.",
            "Engineers have identified 47 bridges rated in poor condition, and the county expects to "
            "repair or replace an estimated 12 of them in the next two years, officials said.",
            "The budget also funds 85 new positions, including 30 sheriff's deputies and 18 building "
            "inspectors, bringing the county workforce to more than 9,200 employees.",
            "County Executive Ray Ortega said permit wait times, which currently run 10 to 14 days for "
            "residential projects, may fall to under a week once the new inspectors are hired.",
            "Property owners will not see a rate increase, but rising assessments mean the typical "
            "homeowner is likely to pay about $140 more next year, according to the assessor's office.",
            "The county's reserve fund will stand at $410 million, or roughly 16 percent of spending, "
            "above the 12 percent minimum set by board policy.",
            "Whitlock said the plan appears to rely on sales tax growth of 4 percent that may not "
            "materialize if the regional economy slows.",
            "Budget director Helen Park countered that sales tax receipts rose 5.1 percent over the past "
            "12 months and that the forecast is conservative.",
            "The budget takes effect July 1. A midyear review is scheduled for January, officials said.",
        ],
    ),
    "measles_outbreak": (
        "Measles cases climb to 64 as health officials widen vaccination push",
        [
            "State health officials on Monday confirmed 64 cases of measles linked to an outbreak that "
            "began in late February, up from 41 cases a week earlier.",
            "At least 11 patients have been hospitalized, most of them children under 5, according to "
            "the Department of Public Health. No deaths have been reported.",
            "The outbreak appears to have started at a daycare center in Ashford County before spreading "
            "to schools in two neighboring counties, officials said.",
            "More than 90 percent of the confirmed patients were unvaccinated or had unknown vaccination "
            "status, according to the department.",
            "Measles is highly contagious: an infected person can spread the virus to as many as 9 out "
            "of 10 unprotected close contacts, and symptoms typically appear 10 to 14 days after exposure.",
            "Vaccination rates among kindergartners in the affected counties have fallen to about 86 "
            "percent, well below the 95 percent threshold experts say is needed to prevent sustained "
            "transmission.",
            "The state has distributed an estimated 18,000 additional doses of the measles, mumps and "
            "rubella vaccine to clinics and pharmacies since the outbreak began.",
            "Officials said walk-in clinics administered 3,200 shots last week, roughly three times the "
            "usual weekly volume.",
            "Dr. Lena Marsh, the state epidemiologist, said the number of cases may continue to rise for "
            "several weeks because of the virus's long incubation period.",
            "The department estimates the response has cost $1.2 million so far, including contact "
            "tracing for more than 2,000 people who may have been exposed.",
        ],
    ),
}


# --------------------------------------------------------------------------- a local site


class LocalSite:
    """A threaded HTTP server on a loopback address serving pages from ``lookup(path)``.

    ``lookup`` returns the page body (str or bytes, served as UTF-8 HTML), a ``(status,
    content_type, body)`` triple, or None for a 404. Used by ``watcher demo``, the benchmark and the
    tests, so pages can be edited between checks without restarting anything.
    """

    def __init__(self, lookup: Callable[[str], str | bytes | tuple[int, str, bytes] | None],
                 host: str = "127.0.0.1") -> None:
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 - http.server API
                found = lookup(self.path)
                status, ctype, raw = ((404, "text/html; charset=utf-8", b"<h1>Not found</h1>") if found is None
                                      else found if isinstance(found, tuple)
                                      else (200, "text/html; charset=utf-8", found))
                body = raw.encode("utf-8") if isinstance(raw, str) else raw
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer((host, 0), Handler)
        self.server.daemon_threads = True
        self.server.handle_error = lambda *a: None  # type: ignore[method-assign]  # a client closing a kept-alive connection is not news
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self, path: str) -> str:
        host, port = self.server.server_address[:2]
        host = host.decode() if isinstance(host, bytes) else host
        return f"http://{host}:{port}/{path.lstrip('/')}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
