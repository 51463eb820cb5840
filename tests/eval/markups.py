"""Unseen markups for the labelled revision set: page layouts our extraction was *not* tuned on.

Why these exist: the four generators of :mod:`tests.sitegen` are the markups the extraction
was developed against, so a perfect score on them says little. Each generator here reproduces a
layout family seen on real sites after a redesign, with the boilerplate that leaked into claims
there: generic div components with "Keep reading" cards, card grids without any marker text,
newsletter boxes and "Read more:" links inside the article, captions in ``<p><small>``, live-blog
timestamps, a related list *before* the article, reader comments with like counts, and a long-read
layout whose pull quote repeats the article, with share counts, a "Most read" list and an author bio,
an article with its embeds between the paragraphs (ad slots, a video with its own headline, a
"Listen to this article" player, "Continue reading" interstitials) and a "Recommended" list, and a
site laid out in tables in the 2000s (paragraphs parted by ``<br><br>`` in one cell, a "Top stories"
column beside it), and a wire service's page ("Sign up here." and "Related coverage" inside the
body, the reporting credits and standards lines after it, a "Read next" rail with moving times), and
a German regional paper's chrome ("Anzeige", "Lesen Sie auch:", "Teilen", "Kommentare (N)", "Das
könnte Sie auch interessieren") around a syndicated story, and a photo gallery in plain divs between the
paragraphs (caption sentences with figures and "3 / 6" counters, rotating), and a newsletter
platform's post (a "Thanks for reading … Subscribe" box mid-post, like and comment counters,
footnotes, "Ready for more?"), and an AMP page of custom elements (ads, share buttons, a carousel of
related stories, a comments accordion), and a government press release (breadcrumbs, "From:", a
contents list, "Notes to editors" with the press office's telephone, "Is this page useful?"), and a
wiki article (citation markers renumbered as citations are added, a references list with retrieval
dates, "[edit]" links, "last edited on … at 10:42"), and a server-rendered React page (hashed
classes, a link card to another story mid-article, "Listen · 7 min", a numbered "Most popular"
list, the page's data again as JSON), and a WordPress blog (a ``wp-caption``, "Like this: Loading…",
Jetpack's related posts, previous/next post links, a reply form, a sidebar of recent posts,
archives with counts and a calendar table), and a business site (a market data strip and a quote box
whose prices move every check, a weather widget, "Trending:", a sponsored-content grid), and a local
TV station's story (a video player with its duration and "Next video", the station's weather, the
story's copyright line, "Related stories", a numbered "Most read"), and a hyperlocal site (a "neighbors
are reading this" counter, a poll's moving results, rotating home listings and events, obituaries),
and a metered paper ("N free articles left this month" counting down, a subscription offer whose
price changes between loads, "N gift articles left"), and a journal's article page (affiliation
superscripts, "Cited by N" and views that grow, bracketed citations renumbered as references are
added, the reference list with DOIs), and a story with social posts embedded as the platforms'
cards (reposts, likes, replies and views that climb every check, "View this post on Instagram"), and
a press-release wire ("NEWS PROVIDED BY", "/WireRelease/" dateline, media contact with telephone,
"SOURCE", rotating "Also from this source"), and an aggregator's copy ("Provided by", "Continue
reading" mid-story, a "More for you" feed of cards with publishers, sponsored ones and reaction
counts, reshuffled at every load), and a national site on a busy day (a "BREAKING" bar above the
headline whose story changes, a "LIVE" ticker with times), and a sports portal (a live scores
strip, a "Match centre" box inside the story, a league table in the sidebar, all moving), and a
mobile-first page (an app banner with its growing ratings count, "Most shared" with share counts, a
reactions bar), and an explainer ("Key points" repeating the story's first sentences, a contents
list, section headings, an FAQ accordion, "87% said yes"), and a podcast episode's transcript (each
paragraph opening with its time in the episode, shifted at every load by the ads inserted, and
its speaker), and a fact-checking site (a "Featured fact-check" box inside the story quoting another
claim with its rating, "Share the facts" with a climbing count), and a site with infinite scroll
(the next story loaded whole below this one, which story rotating), and a print view (a "Printed …
at 10:42" stamp, the page's address, the reprint notice), and a French and a Spanish daily's chrome
("Lire aussi | …" and "Publicité" between the paragraphs, "Le Quotidien avec AFP"; "Más
información", "Sigue toda la información … en Facebook y X", "Archivado En", "Comentarios (N)"),
and a writing platform ("Member-only story", follower, clap and response counts that climb,
"Recommended" stories), and a data story (a chart drawn as SVG whose latest value moves with a
live feed, the chart's data again as a table for screen readers, "Get the data"), and a story in a
running package (a "Catch up" box, a "Timeline: how we got here" box in the story that grows), and
a broadcaster's accessible page (text for screen readers only: "(opens in a new tab)" inside a
link of a sentence, "Advertisement", "Image caption, …"), and a magazine feature (a drop cap
splitting the first word, a small-caps dateline, "* * *" section breaks, a print-edition note, a
"Most popular" list with read counts), and a page with a machine-written summary above the story
("Quick read", rewritten at every load), and a nonprofit newsroom (a donation meter in the story
that moves with every gift, "Republish this article"), and an older CMS's article page (its info
block with a hit counter, a caption set after the image in the paragraph, "Who's Online"), and a
newsletter's web version laid out in email tables ("View in browser", the issue's number, "Presented
by", "Unsubscribe"), and a Q&A interview (bold "Q:" lines, answers opening "A:"), and a site leading
with video (a sticky player's "Up next" and countdown, "Watch:" links with durations), and a
newsletter promotion without a form ("Join 250,312 readers …" growing, "Sign up"), and an Italian
and a Polish portal's chrome ("Leggi anche:", "Riproduzione riservata"; "REKLAMA", "Czytaj także:",
"Aktualizacja:"), and an explainer whose terms carry tooltips with their definitions inside the
sentence, and a body collapsed behind "Read full article", and a live-coverage banner with a
growing update count, and a news quiz inside the story, and a top reader comment quoted in the
story, and a Dutch daily's chrome, and native ads between the paragraphs, and sidenotes written
inside their paragraphs, and a "By the numbers" box, and a soft registration wall, and a weather
and a traffic box inside the story, and a support box with helpline numbers, and a list article
whose numbered headings renumber as items come and go, and a contributor network's byline with
growing counts, and a multilingual outlet's "Read in:" links and translation note.

Every page carries the chrome real sites ship (head with scripts and styles, nav, cookie banner,
footer). All rotating boilerplate is driven by :class:`Chrome`, which the scenario renderer fills
from the article state: ``teaser_offset`` rotates teasers, cards, "Read more" links and comments;
``tick`` (one per check) moves clocks, relative times and like counts; caption, credit, date,
dateline and update stamp come straight from the state. Nothing here depends on which article is
shown, so a rule that passes these pages passes them for every article.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from watcher.demo.pages import MENU, cookie_banner, doc, footer, head, nav_links, newsletter, slug
from watcher.demo.teasers import Teaser

__all__ = ["Chrome", "CAPTION_POOL", "COMMENT_POOL", "GENERATORS", "NEW_MARKUPS", "SITES"]


@dataclass(frozen=True)
class Chrome:
    """Everything around the article body that a markup may show (and rotate between checks)."""

    teasers: Sequence[Teaser] = ()
    offset: int = 0  # rotation of teasers / cards / links / comments
    tick: int = 0  # checks so far: clocks, "N minutes ago" and like counts move with it
    caption: str = ""
    credit: str = ""
    date: str = "June 19, 2024"
    dateline: str = ""
    updated: str = ""
    dek: str = ""
    author: str = ""


# Photo captions for articles whose scenario has none: a rotating lead photo, as on real sites.
CAPTION_POOL: tuple[tuple[str, str], ...] = (
    ("Officials speak to reporters outside the county administration building on June 18, 2024.",
     "Photo: Marcus Lee for the Courier"),
    ("About 200 people attended a public meeting on Tuesday evening, the second in two weeks.",
     "Photo: Dana Ortiz/Staff"),
    ("A view of the city from the north ridge, where 3 new monitoring stations were installed in 2023.",
     "Photo by J. Alvarez/AP"),
    ("Volunteers hand out supplies to some of the 1,100 families registered at the center since May.",
     "Photo: Reuters/Lina Sato"),
    ("Traffic backs up for nearly 2 miles on Route 9 on Monday morning.",
     "Photo: Courier archive, 2022"),
)

# Reader comments: (name, text, base like count). Some carry figures, as real comments do.
COMMENT_POOL: tuple[tuple[str, str, int], ...] = (
    ("Margaret L.", "I have lived here for 31 years and have never seen anything like this.", 48),
    ("dkwan88", "The numbers in this piece don't add up. My own bill went up 12 percent last year alone.", 112),
    ("Tom Everett", "Great reporting as always. Please keep covering this story.", 9),
    ("Rosa P.", "Does anyone know if the 2019 report was ever made public? I asked twice.", 23),
    ("J. Marsh", "About 40 of us showed up to the last meeting and nobody listened to a word.", 67),
    ("skeptic_101", "Give it 6 months and we will be reading exactly the same story again.", 150),
    ("Ana Ruiz", "My neighbor waited 3 weeks for an answer. Three weeks! Unacceptable.", 31),
    ("Bill from Dayton", "Thank you for including the sources this time.", 5),
    ("Priya N.", "Where does the other half of the money go? Follow the dollars and you will see.", 76),
    ("G. Holm", "Subscriber for 15 years, still the best paper in the state.", 14),
)


# ------------------------------------------------------------------------------------------ helpers


def _caption(c: Chrome) -> tuple[str, str]:
    """The scenario's own caption/credit, else a pool photo that rotates with the teasers."""
    if c.caption or c.credit:
        return c.caption, c.credit
    return CAPTION_POOL[c.offset % len(CAPTION_POOL)]


def _with_dateline(paragraphs: Sequence[str], dateline: str) -> list[str]:
    out = list(paragraphs)
    if dateline and out:
        out[0] = f"{dateline} — {out[0]}"
    return out


def _clock(minutes: int) -> str:
    """A wall-clock stamp such as ``10:42 GMT`` (minutes since midnight, wrapping)."""
    minutes %= 24 * 60
    return f"{minutes // 60:02d}:{minutes % 60:02d} GMT"


def _ago(tick: int, step: int = 1) -> str:
    """A relative stamp ("9 minutes ago", "2 hours ago") that grows ``step`` minutes per check."""
    n = 2 + tick * step
    return f"{n} minutes ago" if n < 60 else f"{n // 60} hours ago"


def _likes(base: int, i: int, tick: int) -> int:
    """Like counts climb every check, at a different pace per comment slot."""
    return base + tick * (i % 3 + 1)


def _plain_cookie() -> str:
    return ('<div style="position:fixed;bottom:0;left:0;right:0;background:#111;color:#fff"><div>We and our '
            '312 partners use cookies to personalise content and ads and to analyse our traffic.</div>'
            '<div><span role="button">Accept all</span> <span role="button">Reject</span></div></div>')


def _plain_footer(site: str) -> str:
    links = " ".join(f'<a href="/{slug(x)}">{escape(x)}</a>' for x in
                     ("About us", "Contact", "Privacy", "Terms", "Advertise", "Careers"))
    return (f"<div><div>{links}</div><div>Follow us: <a href=\"https://twitter.com/example\">X</a> "
            f"<a href=\"https://www.facebook.com/example\">Facebook</a></div>"
            f"<div>&copy; 2024 {escape(site)}. All rights reserved.</div></div>")


def _updated(c: Chrome) -> str:
    """The update stamp a byline carries after its date, when the page has been updated."""
    return f" · Updated {escape(c.updated)}" if c.updated else ""


def _lead_figure(cap: str, credit: str) -> str:
    """The lead photo with its caption and credit, as most markups set it."""
    return f'<figure><img src="/img/lead.jpg" alt=""><figcaption>{escape(cap)} {escape(credit)}</figcaption></figure>'


def _paras(paragraphs: Sequence[str]) -> str:
    return "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)


def _paras_with(paragraphs: Sequence[str], after: Callable[[int], Sequence[str]]) -> str:
    """The paragraphs with what a site puts after the i-th one (ads, boxes, "Read more" links,
    embeds): ``after(i)``, zero or more blocks, each on a line of its own."""
    parts: list[str] = []
    for i, p in enumerate(paragraphs):
        parts.append(f"<p>{escape(p)}</p>")
        parts.extend(after(i))
    return "\n".join(parts)


# ------------------------------------------------------------------------------------------ markups


def components_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """Generic div components after a redesign: no semantic tags, no class names or ids, headings
    as styled divs; "Keep reading" / "Show less" teaser cards in tiny divs right after the body."""
    site = "Northern Dispatch"
    cap, credit = _caption(c)
    menu = " ".join(f'<a href="/{slug(m)}">{escape(m)}</a>' for m in MENU)
    upd = f"<span> · Updated {escape(c.updated)}</span>" if c.updated else ""
    dek = f'<div style="font-size:1.3em;color:#444">{escape(c.dek)}</div>' if c.dek else ""
    cards = "\n".join(
        f'<div><div><div style="font-size:11px">{escape(t.label)}</div>'
        f'<div style="font-size:1.4em;font-weight:700"><a href="/{slug(t.title)}">{escape(t.title)}</a></div>'
        f'<div><img src="/img/{slug(t.title)}.jpg" alt=""></div>'
        f"<div>{_paras(t.paragraphs)}</div>"
        f'<div><a href="/{slug(t.title)}">Keep reading</a> <span>Show less</span></div></div></div>'
        for t in c.teasers)
    body = f"""{_plain_cookie()}
<div><div><a href="/">{site}</a></div><div>{menu}</div><div><a href="/search">Search</a></div></div>
<div>
<div>
<div style="font-size:12px;text-transform:uppercase">News</div>
<div style="font-size:2.2em;font-weight:700">{escape(title)}</div>
{dek}
<div><span>By {escape(c.author or "Staff Writer")}</span><span> · {escape(c.date)}</span>{upd}</div>
<div><div><img src="/img/lead.jpg" alt=""></div><div style="font-size:13px">{escape(cap)} <span>{escape(credit)}</span></div></div>
<div>
{_paras(_with_dateline(paragraphs, c.dateline))}
</div>
<div><span>Share</span> <a href="https://twitter.com/intent/tweet">X</a> <a href="mailto:">Email</a></div>
</div>
<div>
{cards}
</div>
</div>
<div><div style="font-weight:700">Get the morning briefing</div><div>The 5 stories you need, in 3 minutes.</div>
<div><input type="email"><span role="button">Sign up</span></div></div>
{_plain_footer(site)}"""
    return doc(head(title, site, title), body)


def cardgrid_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A modern CMS with hashed class names: after the article a grid of sibling cards (headline
    link, image, short blurb with figures) and no "keep reading" text to recognise them by."""
    site = "Metro Courier"
    cap, credit = _caption(c)
    grid = "\n".join(
        f'<div class="css-8h2k1q"><a class="css-1v0z7f" href="/{slug(t.title)}"><img src="/i/{slug(t.title)}.webp" '
        f'alt=""></a><a class="css-1v0z7f" href="/{slug(t.title)}"><span class="css-x2b7tn">{escape(t.title)}</span></a>'
        f'<p class="css-q1w2e3">{escape(t.paragraphs[0])}</p></div>'
        for t in c.teasers)
    upd = f'<span class="css-0a9s8d"> Updated {escape(c.updated)}</span>' if c.updated else ""
    body = f"""<div class="css-cookie7" role="dialog"><p>This site uses cookies. See our <a href="/privacy">privacy policy</a>.</p><button>OK</button></div>
<header class="css-h3ad3r"><a href="/">{site}</a><nav><ul>{nav_links(("News", "City", "Business", "Sports", "Opinion", "Weather"))}</ul></nav></header>
<main class="css-m4in00">
<div class="css-4r71c1">
<h1 class="css-t1tl3x">{escape(title)}</h1>
<div class="css-b7l1n3"><span>{escape(c.author or "Metro Desk")}</span> <time>{escape(c.date)}</time>{upd}</div>
<figure class="css-f1g0r3"><img src="/i/lead.webp" alt=""><figcaption>{escape(cap)} <span>{escape(credit)}</span></figcaption></figure>
<div class="css-b0dy55">
{_paras(_with_dateline(paragraphs, c.dateline))}
</div>
<div class="css-gr1d00">
{grid}
</div>
</div>
</main>
<footer class="css-f00t3r">{nav_links(("About", "Contact", "Privacy", "Terms"))}<p>&copy; 2024 {site}</p></footer>"""
    return doc(head(title, site, title), body)


def inline_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """Boilerplate *inside* the article: a photo as ``<p><img><small>caption</small></p>`` plus a
    credit line, a newsletter box after the second paragraph and "Read more: <headline>" links
    every third paragraph (headlines rotate and carry figures)."""
    site = "The Evening Post"
    cap, credit = _caption(c)
    paras = _with_dateline(paragraphs, c.dateline)
    links = [t.title for t in c.teasers] or ["More from the Evening Post"]

    def after(i: int) -> list[str]:
        out = []
        if i == 0:
            out.append(f'<p><img src="/photos/lead.jpg" alt=""><br><small>{escape(cap)}</small></p>')
            if credit:
                out.append(f"<p><small>{escape(credit)}</small></p>")
        if i == 1:
            out.append('<div class="nl-box"><p><strong>Sign up for The Briefing</strong></p><p>Our 5 best '
                       "stories every weekday morning, read by more than 250,000 people.</p><form><input "
                       'type="email"><button>Subscribe</button></form></div>')
        if i % 3 == 2:
            t = links[(i // 3) % len(links)]
            out.append(f'<p><strong>Read more:</strong> <a href="/{slug(t)}">{escape(t)}</a></p>')
        return out

    upd = f" | Updated {escape(c.updated)}" if c.updated else ""
    body = f"""{cookie_banner()}
<header><a class="brand" href="/">{site}</a><nav><ul>{nav_links(("World", "Nation", "Money", "Tech", "Life", "Opinion"))}</ul></nav></header>
<main><article>
<h1>{escape(title)}</h1>
<p class="byline">By {escape(c.author or "Post Staff")} | {escape(c.date)}{upd}</p>
{_paras_with(paras, after)}
</article></main>
{newsletter(site)}
{footer(site)}"""
    return doc(head(title, site, title), body)


def liveblog_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A live blog: the article as timestamped posts ("10:42 GMT", "12 minutes ago") under an
    "Updated N minutes ago" banner; every check moves the clocks."""
    site = "World Wire"
    cap, credit = _caption(c)
    paras = _with_dateline(paragraphs, c.dateline)
    start = 10 * 60 + 42 + 7 * c.tick
    posts = []
    for k in range(0, len(paras), 2):
        n = k // 2
        posts.append(f'<div class="lb-post"><div class="lb-time"><time>{_clock(start - 23 * n)}</time> '
                     f'<span>{_ago(c.tick + 3 * n, 7)}</span></div>\n{_paras(paras[k:k + 2])}\n'
                     f'<div class="lb-share"><a href="#">Share this post</a></div></div>')
    upd = escape(c.updated) if c.updated else _ago(c.tick, 3)
    most = "".join(f'<li><a href="/{slug(t.title)}">{escape(t.title)}</a></li>' for t in c.teasers)
    body = f"""<div class="gdpr"><p>We value your privacy. We and our partners use cookies to store and access information on your device.</p><button>Agree</button></div>
<header><a href="/">{site}</a><nav><ul>{nav_links(("Live", "World", "Politics", "Climate", "Markets"))}</ul></nav></header>
<main>
<div class="lb-head"><span class="lb-badge">LIVE</span><h1>{escape(title)}</h1>
<p class="lb-updated">Updated {upd}</p><p>{escape(c.date)}</p></div>
<figure><img src="/live/lead.jpg" alt=""><figcaption>{escape(cap)} {escape(credit)}</figcaption></figure>
<div class="lb-feed">
{chr(10).join(posts)}
</div>
<div class="most-viewed"><h2>Most viewed</h2><ol>{most}</ol></div>
</main>
<footer><p>&copy; 2024 {site}</p></footer>"""
    return doc(head(title, site, title), body)


def relatedfirst_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """The related-article list (headline plus a blurb with figures) comes *before* the article in
    the source, as on sites whose left rail is rendered first."""
    site = "Coastal Gazette"
    cap, credit = _caption(c)
    rel = "\n".join(f'<li><a href="/{slug(t.title)}"><h3>{escape(t.title)}</h3></a><p>{escape(t.paragraphs[0])}</p></li>'
                    for t in c.teasers)
    upd = f'<p class="upd">Updated {escape(c.updated)}</p>' if c.updated else ""
    body = f"""<div class="cookie-bar"><p>Cookies help us deliver our services.</p><button>Got it</button></div>
<header><a href="/">{site}</a><nav><ul>{nav_links(("Home", "Local", "Coast", "State", "Sports", "Obituaries"))}</ul></nav></header>
<div class="wrap">
<div class="rail"><h2>Related coverage</h2><ul>
{rel}
</ul></div>
<div class="story">
<h1>{escape(title)}</h1>
<p class="meta">{escape(c.author or "Gazette staff")} · {escape(c.date)}</p>{upd}
<div class="photo"><img src="/p/lead.jpg" alt=""><p class="cap">{escape(cap)} <em>{escape(credit)}</em></p></div>
{_paras(_with_dateline(paragraphs, c.dateline))}
</div>
</div>
{footer(site)}"""
    return doc(head(title, site, title), body)


def comments_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A site family built of plain divs with generic classes: article, then related-article cards,
    then reader comments (name, relative time, text, like count) that rotate and gain likes."""
    site = "Valley Voice"
    cap, credit = _caption(c)
    first = c.offset + c.tick // 3  # a new comment arrives every third check
    shown = [COMMENT_POOL[(first + i) % len(COMMENT_POOL)] for i in range(4)]
    comments = "\n".join(
        f'<div class="row"><div><b>{escape(name)}</b> <span>{_ago(c.tick + 5 * i, 11)}</span></div>'
        f"<p>{escape(text)}</p><div>{_likes(likes, i, c.tick)} likes · Reply</div></div>"
        for i, (name, text, likes) in enumerate(shown))
    cards = "\n".join(f'<div class="col"><a href="/{slug(t.title)}">{escape(t.title)}</a><p>{escape(t.paragraphs[0])}</p></div>'
                      for t in c.teasers)
    upd = f"<div>Updated {escape(c.updated)}</div>" if c.updated else ""
    body = f"""<div class="box" style="position:fixed;bottom:0"><div>This website uses cookies to ensure you get the best experience.</div><div><a href="/cookies">Got it!</a></div></div>
<div class="top"><div><a href="/">{site}</a></div><div>{" ".join(f'<a href="/{slug(m)}">{escape(m)}</a>' for m in ("News", "Community", "Schools", "Events", "Classifieds"))}</div></div>
<div class="box">
<div class="title">{escape(title)}</div>
<div>{escape(c.author or "Voice Staff")} — {escape(c.date)}</div>{upd}
<div><img src="/u/lead.jpg" alt=""><div>{escape(cap)} ({escape(credit)})</div></div>
<div>
{_paras(_with_dateline(paragraphs, c.dateline))}
</div>
</div>
<div class="box"><div class="title">You may also like</div>
{cards}
</div>
<div class="box"><div class="title">{6 + c.tick} comments</div>
{comments}
</div>
<div class="bottom"><div>&copy; 2024 {site}</div><div><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></div></div>"""
    return doc(head(title, site, title), body)


def asides_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A long-read layout from a magazine redesign: the body in ``<section>`` blocks with a pull
    quote that repeats a sentence of the article (the sentence changes when the article does), a
    share bar whose counts climb every check ("1.4K shares"), topic tags, a "Most read" numbered
    list of headlines with figures that rotates, and an author bio with figures of its own ("has
    covered the city for 12 years") — none of it in ``<aside>`` or with a telling class name."""
    site = "The Long Read"
    cap, credit = _caption(c)
    paras = _with_dateline(paragraphs, c.dateline)
    # the pull quote: the first sentence of ten words or more (not a dateline's "JOHN DAY, Ore.")
    first = next((x.rstrip(".") + "." for p in paras for x in p.split(". ") if len(x.split()) >= 10), "")
    mid = len(paras) // 2
    sections = [f"<section>{_paras(paras[:mid])}</section>",
                f'<blockquote><p>&ldquo;{escape(first)}&rdquo;</p></blockquote>',
                f"<section>{_paras(paras[mid:])}</section>"]
    shares = 1400 + c.tick * 37
    most = "".join(f'<li><span>{k + 1}</span> <a href="/{slug(t.title)}">{escape(t.title)}</a></li>'
                   for k, t in enumerate(c.teasers[:5]))
    tags = " ".join(f'<a href="/topic/{slug(x)}">{escape(x)}</a>' for x in ("City Hall", "Budget", "Transport"))
    author = c.author or "Alex Moreno"
    upd = f"<span>Updated {escape(c.updated)}</span>" if c.updated else ""
    body = f"""{_plain_cookie()}
<div class="topbar"><a href="/">{site}</a> <a href="/subscribe">Subscribe</a> <a href="/login">Log in</a></div>
<div class="wrap">
<div class="kicker">Long read</div>
<h1>{escape(title)}</h1>
<div class="meta"><span>By {escape(author)}</span> <span>{escape(c.date)}</span> {upd} <span>{8 + c.tick % 3} min read</span></div>
<div class="share"><span>{shares / 1000:.1f}K shares</span> <a href="https://www.facebook.com/sharer/sharer.php">Share</a> <a href="https://twitter.com/intent/tweet">Post</a> <a href="mailto:">Email</a></div>
<div class="lead"><img src="/img/lead.jpg" alt=""><p class="cap">{escape(cap)} {escape(credit)}</p></div>
<div class="body">
{chr(10).join(sections)}
</div>
<div class="tags">Topics: {tags}</div>
<div class="bio"><p><strong>{escape(author)}</strong> has covered City Hall for 12 years and won 3 state press awards. Write to her at desk@example.com.</p></div>
<div class="mostread"><div>Most read</div><ol>{most}</ol></div>
</div>
{_plain_footer(site)}"""
    return doc(head(title, site, title), body)


def embeds_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A news site's article with its embeds between the paragraphs: "Advertisement" slots, a
    "Listen to this article · N min" player, a video with its own headline (a rotating teaser,
    with figures) and duration, "Continue reading the main story" interstitials, and after the
    body a "Recommended for you" list of rotating headlines with figures."""
    site = "Daily Ledger"
    cap, credit = _caption(c)
    paras = _with_dateline(paragraphs, c.dateline)
    teasers = list(c.teasers) or [Teaser(label="Video", title="What the new budget means for you", paragraphs=("",))]
    video = teasers[0]

    def after(i: int) -> list[str]:
        out = []
        if i % 3 == 1:
            out.append('<div class="slot"><span>Advertisement</span></div>')
        if i == 2:
            out.append(f'<div class="player"><div>Watch: {escape(video.title)}</div><div>{2 + c.tick % 3}:{35 + c.tick % 20:02d}</div></div>')
        if i == 4:
            out.append("<div><span>Continue reading the main story</span></div>")
        return out

    rec = "".join(f'<li><a href="/{slug(t.title)}">{escape(t.title)}</a></li>' for t in teasers[1:4])
    upd = f" Updated {escape(c.updated)}." if c.updated else ""
    body = f"""{cookie_banner()}
<header><a href="/">{site}</a><nav><ul>{nav_links(("U.S.", "World", "Business", "Arts", "Lifestyle"))}</ul></nav></header>
<main>
<h1>{escape(title)}</h1>
<div class="byline">By {escape(c.author or "Ledger Staff")}, {escape(c.date)}.{upd}</div>
<div class="listen"><span>Listen to this article</span> · <span>{5 + c.tick % 4} min</span></div>
<div class="lead"><img src="/img/lead.jpg" alt=""><div>{escape(cap)}</div><div>{escape(credit)}</div></div>
<div class="story">
{_paras_with(paras, after)}
</div>
<div class="rec"><div>Recommended for you</div><ul>{rec}</ul></div>
</main>
{newsletter(site)}
{footer(site)}"""
    return doc(head(title, site, title), body)


def tables_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A site built in the 2000s and never redesigned: layout tables, ``<font>`` tags, paragraphs
    separated by ``<br><br>`` inside one cell (no ``<p>``), a left column of section links, a right
    column of "Top stories" headlines with figures that rotates, and "Printer-friendly version |
    E-mail this story" under the body."""
    site = "County Times Online"
    cap, credit = _caption(c)
    paras = _with_dateline(paragraphs, c.dateline)
    left = "<br>".join(f'<a href="/{slug(x)}">{escape(x)}</a>' for x in ("Home", "Local News", "Sports", "Obituaries",
                                                                      "Classifieds", "Weather"))
    top = "<br><br>".join(f'<a href="/{slug(t.title)}"><b>{escape(t.title)}</b></a><br>{escape(t.paragraphs[0])}'
                          for t in c.teasers[:3])
    text = "<br><br>\n".join(escape(p) for p in paras)
    upd = f"<br><i>Updated {escape(c.updated)}</i>" if c.updated else ""
    body = f"""{_plain_cookie()}
<table width="100%" border="0" cellpadding="0"><tr><td colspan="3"><font size="6"><b>{site}</b></font></td></tr>
<tr><td width="150" valign="top"><font size="2">{left}</font></td>
<td valign="top"><font face="Arial" size="5"><b>{escape(title)}</b></font><br>
<font size="2">By {escape(c.author or "Times Staff Writer")}<br>{escape(c.date)}{upd}</font><br><br>
<img src="/images/photo1.jpg"><br><font size="1">{escape(cap)} {escape(credit)}</font><br><br>
<font face="Arial" size="3">
{text}
</font><br><br>
<font size="2"><a href="/print">Printer-friendly version</a> | <a href="/email">E-mail this story</a></font>
</td>
<td width="200" valign="top"><font size="2"><b>Top stories</b><br><br>{top}</font></td></tr>
<tr><td colspan="3"><font size="1">Copyright &copy; 2024 {site}. All rights reserved. <a href="/privacy">Privacy policy</a></font></td></tr></table>"""
    return doc(head(title, site, title), body)


def wire_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A wire service's story page: the dateline in its own bold span, "Sign up here." and
    "Related coverage" bullet lines of rotating headlines *inside* the body, a "(Reporting by …;
    Editing by …)" line, "Our Standards: The Trust Principles.", and a "Read next" rail of headlines
    with times ("2:14 PM UTC") that move every check."""
    site = "Global Wire"
    paras = list(paragraphs)
    titles = [t.title for t in c.teasers] or ["Markets wrap"]
    parts: list[str] = []
    for i, p in enumerate(paras):
        lead = (f'<span class="dl"><b>{escape(c.dateline)}</b></span> — ' if i == 0 and c.dateline else "")
        parts.append(f'<p data-testid="paragraph-{i}">{lead}{escape(p)}</p>')
        if i == 1:
            parts.append('<p><a href="/newsletters">Sign up here.</a></p>')
        if i == 3:
            rel = "".join(f'<li><a href="/{slug(t)}">{escape(t)}</a></li>' for t in titles[:2])
            parts.append(f"<div><p>Related coverage</p><ul>{rel}</ul></div>")
    rail = "".join(f'<li><a href="/{slug(t)}">{escape(t)}</a><time>{_clock(840 + 7 * k + c.tick)}</time></li>'
                   for k, t in enumerate(titles[:4]))
    upd = f'<time class="upd">Updated {escape(c.updated)}</time>' if c.updated else ""
    body = f"""{cookie_banner()}
<header><a href="/">{site}</a><nav><ul>{nav_links(("World", "Business", "Markets", "Sustainability", "Legal"))}</ul></nav></header>
<main>
<h1>{escape(title)}</h1>
<div><time>{escape(c.date)}</time> {upd} <a href="/authors/staff">By {escape(c.author or "Wire Staff")}</a></div>
<div class="article-body">
{chr(10).join(parts)}
<p>(Reporting by {escape(c.author or "Wire Staff")}; Editing by Mark Potter)</p>
<p>Our Standards: <a href="/trust">The Trust Principles.</a></p>
</div>
<div><p>Read next</p><ul>{rail}</ul></div>
</main>
{footer(site)}"""
    return doc(head(title, site, title), body)


def regional_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A German regional paper's page (the article in English, as a syndicated story): "Anzeige"
    slots and "Lesen Sie auch:" links inside the body (rotating headlines with figures), a
    "Teilen" bar, "Kommentare (N)" that grows, and "Das könnte Sie auch interessieren" cards after
    the body, all in German chrome."""
    site = "Rhein-Kurier"
    cap, credit = _caption(c)
    paras = _with_dateline(paragraphs, c.dateline)
    titles = [t.title for t in c.teasers] or ["Neues aus der Region"]

    def after(i: int) -> list[str]:
        out = ['<div class="werbung"><span>Anzeige</span></div>'] if i == 1 else []
        if i % 4 == 2:
            t = titles[(i // 4) % len(titles)]
            out.append(f'<p><strong>Lesen Sie auch:</strong> <a href="/{slug(t)}">{escape(t)}</a></p>')
        return out

    cards = "".join(f'<div><a href="/{slug(t.title)}"><img src="/b/{slug(t.title)}.jpg" alt=""></a>'
                    f'<a href="/{slug(t.title)}">{escape(t.title)}</a><div>{escape(t.paragraphs[0][:140])}</div></div>'
                    for t in c.teasers[:3])
    upd = f" | Aktualisiert: {escape(c.updated)}" if c.updated else ""
    body = f"""<div class="cmp"><p>Wir verwenden Cookies und ähnliche Technologien. <a href="/datenschutz">Datenschutz</a></p><button>Alle akzeptieren</button></div>
<header><a href="/">{site}</a><nav><ul>{nav_links(("Region", "Politik", "Wirtschaft", "Sport", "Kultur"))}</ul></nav></header>
<main>
<h1>{escape(title)}</h1>
<div class="meta">Von {escape(c.author or "dpa")} | {escape(c.date)}{upd}</div>
<div class="teilen"><a href="https://www.facebook.com/sharer/sharer.php">Teilen</a> <a href="https://twitter.com/intent/tweet">Twittern</a> <a href="mailto:">E-Mail</a></div>
<div class="bild"><img src="/b/lead.jpg" alt=""><div>{escape(cap)} Foto: {escape(credit)}</div></div>
<div class="text">
{_paras_with(paras, after)}
</div>
<div class="komm"><a href="#kommentare">Kommentare ({3 + c.tick})</a></div>
<div class="empf"><div>Das könnte Sie auch interessieren</div>{cards}</div>
</main>
<footer>{nav_links(("Impressum", "Datenschutz", "AGB", "Kontakt"))}<p>&copy; 2024 {site}. Alle Rechte vorbehalten. <a href="/privacy">Privacy</a></p></footer>"""
    return doc(head(title, site, title), body)


def gallery_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A photo gallery between the paragraphs, in plain divs (no ``figure``, ``figcaption`` or
    ``small``): each slide an image, a caption sentence with figures and a "3 / 6" counter, the
    slides rotating with the teasers; "Photos: Staff" credit; after the body a "More galleries" row."""
    site = "Harbor Herald"
    paras = _with_dateline(paragraphs, c.dateline)
    cap, credit = _caption(c)
    n = len(CAPTION_POOL)
    captions = [cap] + [CAPTION_POOL[(c.offset + k) % n][0] for k in range(1, n)]
    slides = "".join(
        f'<div><div><img src="/g/{k}.jpg" alt=""></div><div>{escape(text)}</div>'
        f"<div>{k + 1} / {n}</div></div>" for k, text in enumerate(captions))
    gallery = f'<div><div>{slides}</div><div>Photos: {escape(credit or "Staff and wire services")}</div></div>'
    mid = min(2, len(paras))
    more = "".join(f'<div><a href="/{slug(t.title)}"><img src="/g/{slug(t.title)}.jpg" alt=""> {escape(t.title)}</a></div>'
                   for t in c.teasers[:3])
    upd = f" · Updated {escape(c.updated)}" if c.updated else ""
    body = f"""{_plain_cookie()}
<div><a href="/">{site}</a> <a href="/news">News</a> <a href="/photos">Photos</a></div>
<div>
<h1>{escape(title)}</h1>
<div>{escape(c.author or "Herald Staff")} · {escape(c.date)}{upd}</div>
{_paras(paras[:mid])}
{gallery}
{_paras(paras[mid:])}
<div><div>More galleries</div>{more}</div>
</div>
{_plain_footer(site)}
<div><a href="/privacy">privacy</a></div>"""
    return doc(head(title, site, title), body)


def newsletter_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A newsletter platform's post: a "Thanks for reading … Subscribe for free" box mid-post, a
    "Share" button row and "Leave a comment" with a growing count, a like counter ("♥ 214"), a
    footnote block, and after the post "Ready for more?" with rotating recent posts."""
    site = "The Policy Memo"
    paras = _with_dateline(paragraphs, c.dateline)
    mid = max(1, len(paras) // 3)
    box = (f'<div class="subscription-widget"><p>Thanks for reading {site}! Subscribe for free to receive new posts '
           "and support my work.</p><form><input type='email'><button>Subscribe</button></form></div>")
    recent = "".join(f'<div><a href="/p/{slug(t.title)}">{escape(t.title)}</a><div>{escape(c.date)}</div></div>'
                     for t in c.teasers[:3])
    likes = 214 + 3 * c.tick
    body = f"""<div class="topbar"><a href="/">{site}</a> <a href="/subscribe">Subscribe</a> <a href="/signin">Sign in</a></div>
<div class="post">
<h1>{escape(title)}</h1>
<div class="meta"><a href="/profile">{escape(c.author or "Dana Whit")}</a> <span>{escape(c.date)}</span></div>
<div class="actions"><span>♥ {likes}</span> <a href="#comments">{12 + c.tick} comments</a> <a href="https://twitter.com/intent/tweet">Share</a></div>
<div class="body">
{_paras(paras[:mid])}
{box}
{_paras(paras[mid:])}
<div class="footnotes"><p>1. Figures as published at the time of writing.</p></div>
</div>
<div class="actions"><span>♥ {likes}</span> <a href="#comments">Leave a comment</a> <a href="https://www.facebook.com/sharer/sharer.php">Share</a></div>
<div class="more"><h3>Ready for more?</h3>{recent}<form><input type="email"><button>Subscribe</button></form></div>
</div>
<div class="footer"><p>&copy; 2024 {site}. <a href="/privacy">Privacy</a> · <a href="/terms">Terms</a> · We use cookies for analytics.</p></div>"""
    return doc(head(title, site, title), body)


def amp_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """An AMP page: custom elements throughout (``amp-img`` with its caption, ``amp-ad`` slots
    labelled "Advertisement", ``amp-social-share`` buttons, an ``amp-carousel`` of related stories
    with figures that rotates, ``amp-accordion`` "Show comments (N)"), the body paragraphs in a
    plain ``div``."""
    site = "Metro Now"
    cap, credit = _caption(c)
    paras = _with_dateline(paragraphs, c.dateline)
    ad = '<amp-ad width="300" height="250" type="doubleclick"><div fallback>Advertisement</div></amp-ad>'
    slides = "".join(f'<div><a href="/{slug(t.title)}.amp">{escape(t.title)}</a><p>{escape(t.paragraphs[0][:120])}</p></div>'
                     for t in c.teasers[:3])
    upd = f" Updated {escape(c.updated)}" if c.updated else ""
    body = f"""<amp-consent id="consent" layout="nodisplay"><div>We use cookies. <a href="/privacy">Privacy</a> <button on="tap:consent.accept">Accept</button></div></amp-consent>
<header><a href="/">{site}</a></header>
<h1>{escape(title)}</h1>
<div>By {escape(c.author or "Metro Staff")} | {escape(c.date)}{upd}</div>
<amp-social-share type="twitter"></amp-social-share><amp-social-share type="facebook"></amp-social-share>
<amp-img src="/lead.jpg" width="800" height="450" layout="responsive"></amp-img><div>{escape(cap)} {escape(credit)}</div>
<div>
{_paras_with(paras, lambda i: [ad] if i in (1, 5) else [])}
</div>
<amp-carousel type="slides" width="400" height="300"><div>Related stories</div>{slides}</amp-carousel>
<amp-accordion><section><h4>Show comments ({5 + c.tick})</h4><div>Comments load here.</div></section></amp-accordion>
<footer><p>&copy; 2024 {site}. <a href="/terms">Terms</a></p></footer>"""
    return doc(head(title, site, title), body)


def govpress_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A government department's press release: breadcrumbs, a "Press release" label, "From:" the
    department and its minister, "Published … Last updated … — See all updates", a "Contents" list
    of in-page links, an image with its caption and credit, "Notes to editors" and a press-office
    contact, "Related content" links that rotate, "Is this page useful? Yes / No / Report a problem
    with this page", and the OGL and Crown copyright footer."""
    site = "GOV.EXAMPLE"
    cap, credit = _caption(c)
    paras = _with_dateline(paragraphs, c.dateline)
    crumbs = " › ".join(f'<a href="/{slug(x)}">{escape(x)}</a>' for x in ("Home", "Government", "News and communications"))
    related = "".join(f'<li><a href="/government/news/{slug(t.title)}">{escape(t.title)}</a></li>' for t in c.teasers[:4])
    upd = (f'<dt>Last updated</dt><dd>{escape(c.updated)} — <a href="#history">See all updates</a></dd>'
           if c.updated else "")
    body = f"""<div class="cookie-banner" role="region"><p>Cookies on GOV.EXAMPLE</p><p>We use some essential cookies to make this website work. We'd like to set additional cookies to understand how you use the site.</p><button>Accept additional cookies</button> <button>Reject additional cookies</button> <a href="/help/cookies">View cookies</a></div>
<header class="govuk-header"><a href="/" class="govuk-header__logo">{site}</a> <a href="/search">Search</a></header>
<div class="govuk-width-container">
<div class="govuk-breadcrumbs">{crumbs}</div>
<main id="content">
<span class="govuk-caption-xl">Press release</span>
<h1 class="govuk-heading-xl">{escape(title)}</h1>
<p class="gem-c-lead-paragraph">{escape(c.dek) if c.dek else "The department has set out its response."}</p>
<div class="gem-c-metadata"><dl><dt>From:</dt><dd><a href="/government/organisations/department-for-resilience">Department for Resilience</a> and <a href="/government/people/jane-holt">The Rt Hon Jane Holt MP</a></dd>
<dt>Published</dt><dd>{escape(c.date)}</dd>{upd}</dl></div>
<div class="gem-c-contents-list"><h2>Contents</h2><ol><li><a href="#details">Details</a></li><li><a href="#notes">Notes to editors</a></li><li><a href="#contact">Press office</a></li></ol></div>
<div class="gem-c-figure"><img src="/government/uploads/lead.jpg" alt=""><p class="gem-c-figure__caption">{escape(cap)} {escape(credit)}</p></div>
<div class="govspeak" id="details">
{_paras(paras)}
<h2 id="notes">Notes to editors</h2>
<p>The department publishes its figures on the statistics pages of this website.</p>
<h2 id="contact">Press office</h2>
<p>Email <a href="mailto:press@example.gov">press@example.gov</a></p>
<p>Telephone 020 7946 0{100 + c.offset % 7}</p>
</div>
<div class="gem-c-share-links"><h2>Share this page</h2><a href="https://www.facebook.com/sharer/sharer.php">Facebook</a> <a href="https://twitter.com/share">Twitter</a></div>
<div class="gem-c-related-navigation"><h2>Related content</h2><ul>{related}</ul>
<h3>Explore the topic</h3><ul><li><a href="/public-safety">Public safety and emergencies</a></li></ul></div>
<div class="gem-c-feedback"><h2>Is this page useful?</h2><button>Yes</button> <button>No</button> <a href="/contact/report">Report a problem with this page</a></div>
</main>
</div>
<footer class="govuk-footer"><ul>{nav_links(("Help", "Privacy", "Cookies", "Accessibility statement", "Contact", "Terms and conditions"))}</ul>
<p>All content is available under the Open Government Licence v3.0, except where otherwise stated</p><p>&copy; 2024 Crown copyright</p></footer>"""
    return doc(head(title, site, title), body)


def wiki_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A wiki article: "From Wikipedia, the free encyclopedia", a hatnote, "[edit]" links by the
    headings, footnote markers ``[3]`` after sentences — renumbered as citations are added above
    (they move with the teasers) — a thumbnail with its caption, a "References" list whose entries
    carry retrieval dates, a navbox of links, categories, and "This page was last edited on …, at
    10:42 (UTC)." moving with every check."""
    site = "Wikipedia"
    cap, credit = _caption(c)
    paras = _with_dateline(paragraphs, c.dateline)
    shift = c.offset % 4  # citations added in an earlier section renumber every later marker
    parts = []
    refs = []
    for i, p in enumerate(paras):
        n = i + 1 + shift
        parts.append(f'<p>{escape(p)}<sup id="cite_ref-{n}" class="reference"><a href="#cite_note-{n}"><span class="cite-bracket">[</span>{n}<span class="cite-bracket">]</span></a></sup></p>')
        refs.append(f'<li id="cite_note-{n}"><span class="mw-cite-backlink"><b><a href="#cite_ref-{n}">^</a></b></span> '
                    f'<cite>"{escape(title)}". <i>{escape(c.author or "The Courier")}</i>. {escape(c.date)}. Retrieved '
                    f'{escape(c.date)}.</cite></li>')
    navbox = " · ".join(f'<a href="/wiki/{slug(t.title)}">{escape(t.title)}</a>' for t in c.teasers[:5])
    clock = _clock(10 * 60 + 42 + 9 * c.tick)
    body = f"""<div id="siteNotice"><p>We use cookies to remember your preferences. <a href="/wiki/Privacy_policy">Privacy policy</a> <button>OK</button></p></div>
<div id="mw-head"><a href="/wiki/Main_Page">Main page</a> <a href="/wiki/Special:Random">Random article</a> <a href="/w/index.php?title=Special:UserLogin">Log in</a></div>
<div id="content" class="mw-body">
<h1 id="firstHeading" class="firstHeading">{escape(title)}</h1>
<div id="bodyContent">
<div id="siteSub">From Wikipedia, the free encyclopedia</div>
<div id="mw-content-text" class="mw-body-content"><div class="mw-parser-output">
<div role="note" class="hatnote">For other uses, see <a href="/wiki/{slug(title)}_(disambiguation)">{escape(title)} (disambiguation)</a>.</div>
<div class="thumb tright"><div class="thumbinner"><a href="/wiki/File:Lead.jpg" class="image"><img src="/upload/lead.jpg" alt=""></a><div class="thumbcaption">{escape(cap)} {escape(credit)}</div></div></div>
<h2><span class="mw-headline" id="Background">Background</span><span class="mw-editsection">[<a href="/w/index.php?title={slug(title)}&amp;action=edit&amp;section=1">edit</a>]</span></h2>
{chr(10).join(parts)}
<h2><span class="mw-headline" id="References">References</span><span class="mw-editsection">[<a href="/w/index.php?title={slug(title)}&amp;action=edit&amp;section=2">edit</a>]</span></h2>
<div class="reflist"><ol class="references">{"".join(refs)}</ol></div>
<div role="navigation" class="navbox"><div class="navbox-title">Related articles</div><div class="navbox-list">{navbox}</div></div>
</div></div>
<div id="catlinks" class="catlinks">Categories: <a href="/wiki/Category:2024_events">2024 events</a> | <a href="/wiki/Category:Articles_with_short_description">Articles with short description</a></div>
</div></div>
<div id="footer"><ul><li id="footer-info-lastmod"> This page was last edited on {escape(c.date)}, at {clock.replace(" GMT", "")} (UTC).</li>
<li>Text is available under the Creative Commons Attribution-ShareAlike License 4.0; additional terms may apply.</li></ul>
<ul>{nav_links(("Privacy policy", "About Wikipedia", "Disclaimers", "Contact Wikipedia"))}</ul><p>&copy; 2024 contributors</p></div>"""
    return doc(head(title, site, title), body)


def nextjs_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A server-rendered React site: styled-components' hashed classes everywhere, each paragraph in
    its own ``data-component="text-block"`` div, a "Listen · 7 min" player and "6 min read", a link
    card to another story mid-article ("Related" headline and its read time), "Advertisement"
    labels, topic chips, a numbered "Most popular" list with rotating headlines, and the page's
    data again in a ``__NEXT_DATA__`` JSON script."""
    site = "The Signal"
    cap, credit = _caption(c)
    paras = _with_dateline(paragraphs, c.dateline)
    titles = [t.title for t in c.teasers] or ["The week in review"]
    blocks = []
    for i, p in enumerate(paras):
        blocks.append(f'<div data-component="text-block" class="sc-18fde0d6-0 dlWCEZ"><p class="sc-eb7bd5f6-0 fYAfXe">{escape(p)}</p></div>')
        if i == 2:
            t = titles[c.offset % len(titles)]
            blocks.append(f'<div data-component="link-card" class="sc-9a00e533-0 hxuGS"><a href="/news/{slug(t)}" class="sc-2e6baa30-0">'
                          f'<span class="sc-6fba5bd4-1">Related</span><h3 class="sc-4fedabc7-3">{escape(t)}</h3>'
                          f'<span class="sc-6fba5bd4-2">{3 + c.offset % 5} min read</span></a></div>')
        if i in (1, 4):
            blocks.append('<div data-component="ad-slot" class="sc-1a2b3c4d-0"><div class="sc-ad-label">Advertisement</div></div>')
    popular = "".join(f'<li class="sc-f9c3a4-1"><span class="sc-f9c3a4-2">{k + 1}</span><a href="/news/{slug(t)}">{escape(t)}</a></li>'
                      for k, t in enumerate(titles[:5]))
    data = {"props": {"pageProps": {"article": {"headline": title, "body": list(paras)},
                                    "popular": titles[:5]}}, "buildId": "x9Q2", "page": "/news/[slug]"}
    upd = f'<span class="sc-3b6b161a-1">Updated {escape(c.updated)}</span>' if c.updated else ""
    body = f"""<div id="__next"><div class="sc-cookie-0 kAzXqT" role="dialog"><p>We use cookies and data to deliver and maintain our services.</p><button>Accept all</button><button>Reject all</button><a href="/privacy">Privacy</a></div>
<header class="sc-b8778340-0 jOxGyq"><a href="/" aria-label="{site}">{site}</a><nav class="sc-2f092172-0">{"".join(f'<a href="/{slug(x)}">{x}</a>' for x in ("Home", "News", "Business", "Climate", "Culture"))}</nav></header>
<main id="main-content" class="sc-6b2a8e2b-0 eEFkrE"><article class="sc-73e0bb38-0">
<div data-component="headline-block" class="sc-a8d3bd8e-0"><h1 class="sc-518485e5-0 bWszMR">{escape(title)}</h1></div>
<div data-component="byline-block" class="sc-2b5e3b35-0"><span class="sc-2b5e3b35-1">{escape(c.author or "Signal Staff")}</span><time class="sc-2b5e3b35-2">{escape(c.date)}</time>{upd}<span class="sc-2b5e3b35-3">6 min read</span></div>
<div data-component="audio-block" class="sc-1e1b3a4c-0"><button class="sc-1e1b3a4c-1">Listen · 7 min</button></div>
<div data-component="image-block" class="sc-a34861b-0"><img src="/news/lead.webp" alt=""><p class="sc-a34861b-1">{escape(cap)}<span class="sc-a34861b-2">{escape(credit)}</span></p></div>
{chr(10).join(blocks)}
<div data-component="topic-list" class="sc-5f6d7e8a-0"><a href="/topics/politics">Politics</a><a href="/topics/economy">Economy</a><a href="/topics/defence">Defence</a></div>
</article>
<section data-component="most-popular" class="sc-f9c3a4-0"><h2 class="sc-f9c3a4-3">Most popular</h2><ol class="sc-f9c3a4-4">{popular}</ol></section>
</main>
<footer class="sc-footer-0"><nav>{"".join(f'<a href="/{slug(x)}">{x}</a>' for x in ("Terms of Use", "About", "Privacy Policy", "Cookies", "Contact"))}</nav><p>&copy; 2024 {site}. We are not responsible for the content of external sites.</p></footer></div>
<script id="__NEXT_DATA__" type="application/json">{escape(json.dumps(data), quote=False)}</script>"""
    return doc(head(title, site, title), body)


def blog_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A WordPress blog with its theme's widgets: "Posted on … by … | N Comments" (growing), a
    ``wp-caption`` image, "Share this:" and "Like this: Like Loading…", Jetpack's "Related" posts
    with dates, previous/next post links, a "Leave a Reply" form, and a sidebar of "Recent Posts"
    (rotating), "Archives" with post counts, a calendar table of the month's days (the linked days
    move) and a tag cloud."""
    site = "Riverside Notes"
    cap, credit = _caption(c)
    paras = _with_dateline(paragraphs, c.dateline)
    titles = [t.title for t in c.teasers] or ["Council roundup"]
    recent = "".join(f'<li><a href="/{slug(t)}/">{escape(t)}</a></li>' for t in titles[:5])
    linked = {(3 * c.offset + k * 5) % 30 + 1 for k in range(4)}
    cells = [f'<td><a href="/2024/06/{d:02d}/">{d}</a></td>' if d in linked else f"<td>{d}</td>" for d in range(1, 31)]
    weeks = "".join("<tr>" + "".join(cells[w:w + 7]) + "</tr>" for w in range(0, 30, 7))
    related = "".join(f'<div class="jp-relatedposts-post"><h4><a href="/{slug(t)}/">{escape(t)}</a></h4>'
                      f"<p>{escape(c.date)}</p><p>In &quot;News&quot;</p></div>" for t in titles[1:4])
    prev, nxt = titles[c.offset % len(titles)], titles[(c.offset + 1) % len(titles)]
    upd = f' <span class="updated">Updated {escape(c.updated)}</span>' if c.updated else ""
    body = f"""<div id="cookie-law-info-bar"><span>This website uses cookies to improve your experience. See our <a href="/privacy-policy/">privacy policy</a>. <a role="button" class="cli_action_button">Accept</a></span></div>
<div id="page" class="site"><header id="masthead" class="site-header"><p class="site-title"><a href="/" rel="home">{site}</a></p><p class="site-description">News and notes from the valley</p>
<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu">{nav_links(("Home", "About", "Local News", "Events", "Contact"))}</ul></nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-4812" class="post-4812 post type-post status-publish format-standard hentry category-news">
<header class="entry-header"><h1 class="entry-title">{escape(title)}</h1>
<div class="entry-meta"><span class="posted-on">Posted on <a href="/2024/06/19/" rel="bookmark"><time class="entry-date published">{escape(c.date)}</time></a>{upd}</span><span class="byline"> by <span class="author vcard"><a class="url fn n" href="/author/admin/">{escape(c.author or "admin")}</a></span></span></div></header>
<div class="entry-content">
<div class="wp-caption aligncenter"><img class="size-large" src="/wp-content/uploads/2024/06/lead.jpg" alt=""><p class="wp-caption-text">{escape(cap)} {escape(credit)}</p></div>
{_paras(paras)}
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3><ul><li><a class="share-twitter" href="/?share=twitter">Twitter</a></li><li><a class="share-facebook" href="/?share=facebook">Facebook</a></li></ul></div>
<div class="sharedaddy sd-block sd-like"><h3 class="sd-title">Like this:</h3><div class="likes-widget-placeholder"><span class="button"><span>Like</span></span> <span class="loading">Loading...</span></div></div>
<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>Related</em></h3>{related}</div>
</div>
<footer class="entry-footer"><span class="cat-links">Posted in <a href="/category/news/" rel="category tag">News</a></span> <span class="comments-link"><a href="#comments">{14 + c.tick} Comments</a></span></footer>
</article>
<nav class="navigation post-navigation"><div class="nav-links"><div class="nav-previous"><a href="/{slug(prev)}/" rel="prev">&laquo; {escape(prev)}</a></div><div class="nav-next"><a href="/{slug(nxt)}/" rel="next">{escape(nxt)} &raquo;</a></div></div></nav>
<div id="comments" class="comments-area"><div id="respond" class="comment-respond"><h3 class="comment-reply-title">Leave a Reply</h3>
<form action="/wp-comments-post.php" method="post" id="commentform"><p class="comment-notes">Your email address will not be published. Required fields are marked *</p>
<p><label for="comment">Comment *</label><textarea id="comment" name="comment"></textarea></p><p><label for="author">Name *</label><input id="author" type="text"></p>
<p class="comment-form-cookies-consent"><input type="checkbox"> <label>Save my name, email, and website in this browser for the next time I comment.</label></p><p><input type="submit" value="Post Comment"></p></form></div></div>
</main></div>
<aside id="secondary" class="widget-area">
<section class="widget widget_search"><form role="search" action="/"><input type="search" name="s"><input type="submit" value="Search"></form></section>
<section class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2><ul>{recent}</ul></section>
<section class="widget widget_archive"><h2 class="widget-title">Archives</h2><ul><li><a href="/2024/06/">June 2024</a>&nbsp;({9 + c.offset % 4})</li><li><a href="/2024/05/">May 2024</a>&nbsp;(14)</li><li><a href="/2024/04/">April 2024</a>&nbsp;(11)</li></ul></section>
<section class="widget widget_calendar"><div id="calendar_wrap"><table id="wp-calendar" class="wp-calendar-table"><caption>June 2024</caption><thead><tr><th>M</th><th>T</th><th>W</th><th>T</th><th>F</th><th>S</th><th>S</th></tr></thead><tbody>{weeks}</tbody></table></div></section>
<section class="widget widget_tag_cloud"><h2 class="widget-title">Tags</h2><div class="tagcloud"><a href="/tag/council/">council</a> <a href="/tag/budget/">budget</a> <a href="/tag/schools/">schools</a></div></section>
</aside></div>
<footer id="colophon" class="site-footer"><div class="site-info">&copy; 2024 {site} · <a href="/privacy-policy/">Privacy Policy</a> · Proudly powered by <a href="https://wordpress.org/">WordPress</a></div></footer></div>"""
    return doc(head(title, site, title), body)


def markets_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A business news site: a market data strip over the page whose index levels and changes move
    every check ("Dow 38,712.21 +0.41%"), a weather widget, a "Trending:" bar, a quote box in the
    article for a company it names, and after the article a sponsored-content grid ("Promoted
    Stories", advertisers' headlines with figures, "by Taboola") that changes at every load."""
    site = "Market Street Journal"
    cap, credit = _caption(c)
    paras = _with_dateline(paragraphs, c.dateline)
    t = c.tick
    quotes = (("Dow", 38712.21, 0.41), ("S&P 500", 5421.03, -0.12), ("Nasdaq", 17343.55, 0.88),
              ("10-Yr Yield", 4.27, -1.05), ("Crude Oil", 78.45, 1.9), ("Gold", 2331.2, 0.36))
    strip = "".join(f'<li><a href="/quote/{slug(n)}"><span>{escape(n)}</span> <span>{v + t * 1.37 * (k + 1):,.2f}</span> '
                    f'<span>{d + t * 0.07 * (-1) ** k:+.2f}%</span></a></li>' for k, (n, v, d) in enumerate(quotes))
    titles = [x.title for x in c.teasers] or ["Markets wrap"]
    trending = " ".join(f'<a href="/articles/{slug(x)}">{escape(x)}</a>' for x in titles[:3])
    sponsored = (("Doctors Stunned: This Simple Trick Cuts Energy Bills by 47%", "EnergySaver"),
                 ("Retirees Are Moving to These 9 Towns in 2024", "Retire Well Daily"),
                 ("The 5 Best Credit Cards of the Year, Ranked", "CardCompare"),
                 ("New Rule Lets Homeowners Save $3,000 a Year", "HomeQuote"),
                 ("Here Is What 1 Night in a Luxury Cabin Costs", "TravelPicks"))
    promo = "".join(f'<a class="trc-item" href="https://ads.example.com/c/{k}"><div class="thumb"></div>'
                    f"<span class=\"title\">{escape(h)}</span><span class=\"branding\">{escape(b)}</span></a>"
                    for k, (h, b) in enumerate(sponsored[(c.offset + t) % 5:] + sponsored[:(c.offset + t) % 5]))
    quote = (f'<div class="quote-box"><a href="/quote/cvx">CVX</a> <span>{155.31 + t * 0.83:.2f}</span> '
             f'<span>{0.62 - t * 0.11:+.2f}%</span></div>')
    upd = f"<span>Updated {escape(c.updated)}</span>" if c.updated else ""
    body = f"""<div id="consent"><p>We use cookies and similar technologies to run this site. See our <a href="/privacy">Privacy Notice</a>.</p><button>Accept</button></div>
<div class="market-strip"><ul>{strip}</ul></div>
<header><a href="/">{site}</a><nav><ul>{nav_links(("Markets", "Economy", "Companies", "Tech", "Personal Finance"))}</ul></nav>
<div class="weather">New York {61 + t % 9}°F Cloudy</div></header>
<div class="trending">Trending: {trending}</div>
<main><article>
<h1>{escape(title)}</h1>
<div class="byline">By {escape(c.author or "Staff Reporter")} · {escape(c.date)} {upd}</div>
<figure><img src="/img/lead.jpg" alt=""><figcaption>{escape(cap)} <span>{escape(credit)}</span></figcaption></figure>
<div class="article-body">
{_paras_with(paras, lambda i: [quote] if i == 1 else [])}
</div>
<p class="disclosure">Copyright &copy;2024 {site}. All Rights Reserved.</p>
</article>
<div class="trc_rbox"><div class="trc_header">Promoted Stories</div>{promo}<div class="trc_logo">by Taboola</div></div>
</main>
<footer>{nav_links(("Subscriber Agreement", "Privacy Notice", "Cookie Notice", "Customer Center"))}<p>&copy; 2024 {site}</p></footer>"""
    return doc(head(title, site, title), body)


def localtv_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A local TV station's story page: a "WATCH LIVE" bar, a video player with its duration and a
    "Next video" title that moves, the station's weather ("Currently 72° · Hi 81° Lo 64°"), the
    story with "Copyright 2024 WXYZ. All rights reserved." at its end, a "Related stories" list,
    and "Most read" with numbers."""
    site = "WXYZ 7 News"
    cap, credit = _caption(c)
    paras = _with_dateline(paragraphs, c.dateline)
    titles = [x.title for x in c.teasers] or ["Weather alert"]
    t = c.tick
    related = "".join(f'<li><a href="/news/{slug(x)}">{escape(x)}</a></li>' for x in titles[:3])
    most = "".join(f'<li><span>{k + 1}</span><a href="/news/{slug(x)}">{escape(x)}</a></li>' for k, x in enumerate(titles[1:5]))
    upd = f"<span>Updated: {escape(c.updated)}</span>" if c.updated else ""
    body = f"""<div class="privacy-banner"><p>This site uses cookies. By continuing you agree to our <a href="/privacy">Privacy Policy</a>.</p><button>Close</button></div>
<div class="live-bar"><a href="/live">WATCH LIVE</a> <span>7 News at {5 + t % 3} p.m.</span></div>
<header><a href="/">{site}</a><nav><ul>{nav_links(("News", "Weather", "Traffic", "Sports", "Contact Us"))}</ul></nav>
<div class="wx"><a href="/weather">Currently {72 + t % 5}° · Hi 81° Lo 64°</a></div></header>
<main>
<div class="video"><div class="player"><img src="/v/poster.jpg" alt=""><span class="duration">{1 + t % 3}:{12 + t:02d}</span></div>
<div class="video-caption">{escape(cap)} ({escape(credit)})</div>
<div class="next-video">Next video: {escape(titles[t % len(titles)])}</div></div>
<h1>{escape(title)}</h1>
<div class="byline">By {escape(c.author or "WXYZ Staff")} · Published: {escape(c.date)} {upd}</div>
<div class="article-body">
{_paras(paras)}
<p>Copyright 2024 WXYZ. All rights reserved.</p>
</div>
<div class="related"><h3>Related stories</h3><ul>{related}</ul></div>
<div class="most-read"><h3>Most read</h3><ol>{most}</ol></div>
</main>
<footer>{nav_links(("EEO Report", "FCC Public File", "Privacy Policy", "Terms of Service"))}<p>&copy; 2024 WXYZ-TV</p></footer>"""
    return doc(head(title, site, title), body)


def community_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A hyperlocal news site: "N neighbors are reading this" that moves every check, a poll's
    results with percentages and a vote count that move, "Featured homes" listings (price, beds,
    baths, square feet, address) and "Upcoming events" (date, time, title) that rotate, an
    obituaries list with life years, and "Local deals" — all beside and after the story."""
    site = "Maple Grove Patch"
    cap, credit = _caption(c)
    paras = _with_dateline(paragraphs, c.dateline)
    t, o = c.tick, c.offset
    homes = [("$459,000", 3, 2, "1,850", "12 Oak St"), ("$612,500", 4, 3, "2,430", "88 Birch Ln"),
             ("$289,900", 2, 1, "1,020", "4 Mill Rd, Unit 2B"), ("$745,000", 5, 4, "3,310", "201 Lakeview Dr")]
    events = [("Jun 21", "7:00 PM", "Town hall on the county budget"), ("Jun 22", "9:00 AM", "Farmers market opens"),
              ("Jun 24", "6:30 PM", "Library board meeting"), ("Jun 27", "8:00 PM", "Concert in the park")]
    listing = "".join(f'<li><a href="/real-estate/{slug(a)}">{p} · {b} bd · {ba} ba · {sq} sqft · {escape(a)}</a></li>'
                      for p, b, ba, sq, a in homes[o % 4:] + homes[:o % 4])
    cal = "".join(f'<li><span>{d} · {tm}</span> <a href="/events/{slug(n)}">{escape(n)}</a></li>'
                  for d, tm, n in (events[o % 4:] + events[:o % 4])[:3])
    votes = 1204 + 17 * t
    yes = 58 + t % 3
    body = f"""<div class="consent"><p>We use cookies to personalize content and ads. <a href="/privacy">Privacy policy</a></p><button>I agree</button></div>
<header><a href="/">{site}</a><nav><ul>{nav_links(("News", "Schools", "Real Estate", "Events", "Obituaries"))}</ul></nav></header>
<main><article>
<h1>{escape(title)}</h1>
<div class="meta">{escape(c.author or "Patch Staff")}, Patch Staff · {escape(c.date)}{_updated(c)}</div>
<div class="readers">{37 + 3 * t} neighbors are reading this</div>
<div class="photo"><img src="/img/lead.jpg" alt=""><div class="cap">{escape(cap)} <span>{escape(credit)}</span></div></div>
<div class="body">
{_paras(paras)}
</div>
<div class="poll"><h3>Poll: Should the county raise the hotel tax?</h3><ul><li>Yes {yes}%</li><li>No {35 - t % 3}%</li><li>Not sure 7%</li></ul><p>{votes:,} votes</p></div>
</article>
<aside>
<section><h3>Featured homes</h3><ul>{listing}</ul></section>
<section><h3>Upcoming events</h3><ul>{cal}</ul></section>
<section><h3>Obituaries</h3><ul><li><a href="/obituaries/mary-ellen-walsh">Mary Ellen Walsh, 1938–2024</a></li><li><a href="/obituaries/robert-kim">Robert Kim, 1951–2024</a></li></ul></section>
<section><h3>Local deals</h3><p><a href="/deals/1">20% off your first visit at Grove Dental</a></p></section>
</aside></main>
<footer>{nav_links(("About", "Terms", "Privacy", "Advertise"))}<p>&copy; 2024 Patch Media. All rights reserved.</p></footer>"""
    return doc(head(title, site, title), body)


def metered_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A metered newspaper: "You have N free articles left this month" that counts down every check,
    a subscription offer whose price is A/B-tested between loads ("$1 for 6 months", "Just $2 a
    month"), a "Gift this article" button with "N gift articles left", an audio "Listen · 9:41"
    length, and a "More in Politics" rail after the story."""
    site = "The Capital Times"
    cap, credit = _caption(c)
    paras = _with_dateline(paragraphs, c.dateline)
    t = c.tick
    offers = ("Get unlimited access for $1 for 6 months.", "Just $2 a month for your first year. Cancel anytime.",
              "Save 50% on a digital subscription: $4 every 4 weeks.")
    rail = "".join(f'<li><a href="/politics/{slug(x.title)}">{escape(x.title)}</a></li>' for x in c.teasers[:4])
    mid = min(3, len(paras))
    upd = f'<span class="upd">Updated {escape(c.updated)}</span>' if c.updated else ""
    body = f"""<div class="cmp-banner"><p>We use cookies and similar tools. Read our <a href="/privacy">privacy policy</a>.</p><button>Accept all</button></div>
<div class="meter-banner"><p>You have {max(1, 9 - t % 9)} free articles left this month.</p><a href="/subscribe">Subscribe</a> <a href="/login">Log in</a></div>
<header><a href="/">{site}</a><nav><ul>{nav_links(("Politics", "Business", "Opinion", "Climate", "Arts"))}</ul></nav></header>
<main><article>
<h1>{escape(title)}</h1>
<div class="byline">By {escape(c.author or "Times Staff")} · {escape(c.date)} {upd}</div>
<div class="tools"><button>Gift this article</button> <span>{10 - t % 10} gift articles left</span> <button>Listen · {9 + t % 3}:{41 - t % 7:02d}</button></div>
<figure><img src="/img/lead.jpg" alt=""><figcaption>{escape(cap)} <span class="credit">{escape(credit)}</span></figcaption></figure>
<section class="story">
{_paras(paras[:mid])}
<div class="inline-offer"><p>{escape(offers[(c.offset + t) % 3])}</p><a href="/subscribe">Subscribe now</a></div>
{_paras(paras[mid:])}
</section>
</article>
<aside><h2>More in Politics</h2><ul>{rail}</ul></aside></main>
<footer>{nav_links(("Help", "Subscriptions", "Privacy Policy", "Terms of Sale"))}<p>&copy; 2024 {site} Company</p></footer>"""
    return doc(head(title, site, title), body)


def scholarly_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A journal's article page: authors with affiliation superscripts ("Jane Holt<sup>1,2</sup>"),
    "Received … Accepted … Published", "Cited by N" and "N views" that grow, numbered citations in
    brackets linked to the reference list ("…in 2023 [<a>12</a>]."), renumbered as references are
    added, a figure with "Figure 1." caption, and the references with DOIs."""
    site = "Journal of Public Policy Research"
    cap, credit = _caption(c)
    paras = _with_dateline(paragraphs, c.dateline)
    shift = c.offset % 3
    body_parts, refs = [], []
    for i, p in enumerate(paras):
        n = i + 1 + shift
        body_parts.append(f'<p>{escape(p)} [<a href="#B{n}" class="xref">{n}</a>]</p>')
        refs.append(f'<li id="B{n}">{n}. Holt J, Ortiz S. {escape(title)}. <i>Policy Rev.</i> 2024;{12 + n}:{101 + n}–{109 + n}. '
                    f'doi:10.1000/jppr.2024.{n:03d}</li>')
    mid = min(2, len(body_parts))
    body = f"""<div class="cookie-consent"><p>This website uses cookies. <a href="/privacy">Privacy statement</a></p><button>Accept</button></div>
<header><a href="/">{site}</a><nav><ul>{nav_links(("Current issue", "Archive", "Submit", "About"))}</ul></nav></header>
<main><article>
<div class="article-type">Research Article</div>
<h1>{escape(title)}</h1>
<div class="authors"><a href="/author/holt">Jane Holt</a><sup>1,2</sup>, <a href="/author/ortiz">Sam Ortiz</a><sup>2</sup></div>
<ol class="affiliations"><li><sup>1</sup> Department of Public Health, State University</li><li><sup>2</sup> Institute for Policy Studies</li></ol>
<div class="history">Received: 3 May 2024; Accepted: 2 June 2024; Published: {escape(c.date)}</div>
<div class="metrics"><a href="#citedby">Cited by {12 + c.tick // 2}</a> · <span>{1843 + 37 * c.tick} views</span> · <a href="/pdf">Download PDF</a></div>
<section class="body">
<h2>Abstract</h2>
{"".join(body_parts[:mid])}
<figure id="F1"><img src="/fig1.png" alt=""><figcaption><b>Figure 1.</b> {escape(cap)} {escape(credit)}</figcaption></figure>
<h2>Results</h2>
{"".join(body_parts[mid:])}
</section>
<section class="refs"><h2>References</h2><ol>{"".join(refs)}</ol></section>
</article></main>
<footer>{nav_links(("Contact", "Privacy", "Accessibility"))}<p>&copy; 2024 The Authors. Published under CC BY 4.0.</p></footer>"""
    return doc(head(title, site, title), body)


def _compact(n: int) -> str:
    """A social counter as the platforms write it: "987", "12.3K", "1.2M"."""
    return f"{n / 1e6:.1f}M" if n >= 10**6 else f"{n / 1e3:.1f}K" if n >= 10**4 else f"{n:,}"


def socialembeds_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A story that embeds social posts, rendered server-side as the platforms' cards: a post with
    its author, handle, time and "12.3K Reposts · 45.6K Likes" that climb every check, an Instagram
    card ("View this post on Instagram", "A post shared by …", "1,204 likes"), a video card ("1.2M
    views · 2 days ago"), and "Follow us" counters in the header ("Followers 1.3M")."""
    site = "The Daily Pulse"
    cap, credit = _caption(c)
    paras = _with_dateline(paragraphs, c.dateline)
    t = c.tick
    post = (f'<blockquote class="embed-post"><div class="post-author"><b>Emergency Management</b> '
            f'<span>@CountyEMA</span></div><p>Crews remain on scene. Please avoid the area and follow official guidance.</p>'
            f'<div class="post-time">9:12 AM · Jun 18, 2024</div>'
            f'<div class="post-stats"><span>{_compact(12300 + 410 * t)} Reposts</span> <span>{_compact(45600 + 1300 * t)} Likes</span> '
            f'<span>{_compact(2100 + 90 * t)} Replies</span></div></blockquote>')
    insta = (f'<div class="instagram-media"><a href="https://www.instagram.com/p/C8xyz/">View this post on Instagram</a>'
             f'<p>A post shared by County Fire Rescue (@countyfire)</p><p>{1204 + 37 * t:,} likes</p></div>')
    video = (f'<div class="video-card"><a href="https://video.example.com/watch?v=abc">Officials brief reporters</a>'
             f'<div>{_compact(1_200_000 + 35_000 * t)} views · {2 + t // 4} days ago</div></div>')
    embeds = {1: [post], 3: [insta], 5: [video]}
    upd = f" · Updated {escape(c.updated)}" if c.updated else ""
    body = f"""<div class="cookie-notice"><p>We use cookies for analytics and ads. <a href="/privacy">Privacy</a></p><button>OK</button></div>
<header><a href="/">{site}</a><nav><ul>{nav_links(("News", "Local", "Weather", "Video", "Opinion"))}</ul></nav>
<div class="follow"><a href="https://twitter.com/dailypulse">Followers {_compact(1_300_000 + 800 * t)}</a> <a href="https://www.facebook.com/dailypulse">Likes {_compact(880_000 + 500 * t)}</a></div></header>
<main><article>
<h1>{escape(title)}</h1>
<div class="meta">{escape(c.author or "Pulse Staff")} · {escape(c.date)}{upd}</div>
<figure><img src="/img/lead.jpg" alt=""><figcaption>{escape(cap)} <span>{escape(credit)}</span></figcaption></figure>
{_paras_with(paras, lambda i: embeds.get(i, []))}
</article></main>
<footer>{nav_links(("About", "Contact", "Privacy", "Terms"))}<p>&copy; 2024 {site}</p></footer>"""
    return doc(head(title, site, title), body)


def prwire_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A press-release wire's page: "NEWS PROVIDED BY Department … <date>", "Share this article"
    counts, the release with its "/PRNewswire/" dateline, "About the Department" and a "Media
    contact" with telephone and e-mail, "SOURCE …", "View original content to download
    multimedia", and "Also from this source" and "Explore" lists that rotate, with their dates."""
    site = "Wire Release Network"
    cap, credit = _caption(c)
    paras = list(paragraphs)
    if paras:
        paras[0] = f"{c.dateline or 'SPRINGFIELD'}, {c.date} /WireRelease/ -- {paras[0]}"
    also = "".join(f'<li><a href="/news-releases/{slug(x.title)}-3018{k}.html">{escape(x.title)}</a><span>{escape(c.date)}</span></li>'
                   for k, x in enumerate(c.teasers[:3]))
    explore = "".join(f'<li><a href="/news/{slug(x.title)}">{escape(x.title)}</a></li>' for x in c.teasers[3:6])
    body = f"""<div id="onetrust-banner-sdk"><p>We use cookies to enhance your experience. <a href="/privacy-policy">Privacy Policy</a></p><button>Accept All Cookies</button></div>
<header><a href="/">{site}</a><nav><ul>{nav_links(("News", "Products", "Contact", "Sign up"))}</ul></nav></header>
<main><article>
<header class="release-header"><h1>{escape(title)}</h1>
<div class="provided">NEWS PROVIDED BY <a href="/news/department-of-resilience/">Department of Resilience</a> <span>{escape(c.date)}{", " + escape(c.updated) if c.updated else ""}</span></div>
<div class="share">Share this article <span>{4 + c.tick}</span></div></header>
<figure><img src="/mm/lead.jpg" alt=""><figcaption>{escape(cap)} ({escape(credit)})</figcaption></figure>
<section class="release-body">
{_paras(paras)}
<p><b>About the Department of Resilience</b></p>
<p>The department coordinates emergency planning for the region.</p>
<p><b>Media contact:</b> Dana Ortiz, 555-013-{2400 + c.offset % 9:04d}, <a href="mailto:press@example.org">press@example.org</a></p>
<p>SOURCE Department of Resilience</p>
<p><a href="https://www.example-wire.com/news-releases/x.html">View original content to download multimedia</a></p>
</section>
</article>
<aside><h3>Also from this source</h3><ul>{also}</ul><h3>Explore</h3><ul>{explore}</ul></aside></main>
<footer>{nav_links(("Terms of Use", "Privacy Policy", "Information Security Policy", "Site Map"))}<p>&copy; 2024 Wire Release Network. All Rights Reserved.</p></footer>"""
    return doc(head(title, site, title), body)


def aggregator_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A news aggregator's copy of a story: "© <publisher>" and "Provided by" above it, the story
    cut in two by "Continue reading" (the rest shown on the same page), a "Feedback" widget, and
    an endless "More for you" feed of cards — headlines with their publishers, "Sponsored" ones,
    reaction counts — that changes at every load."""
    site = "NewsNow Hub"
    cap, credit = _caption(c)
    paras = _with_dateline(paragraphs, c.dateline)
    t = c.tick
    cards = []
    for k, x in enumerate(list(c.teasers) + [None, None]):
        if x is None:
            cards.append(f'<div class="card"><a href="https://ads.example.com/{k}"><span>Sponsored</span>'
                         f"<h3>{('Retirement Income: 7 Mistakes to Avoid', 'This $49 Gadget Cuts Heating Bills')[k % 2]}</h3>"
                         f"<span>{('WealthDaily', 'HomeTech')[k % 2]}</span></a></div>")
        else:
            cards.append(f'<div class="card"><a href="/en-us/news/{slug(x.title)}"><h3>{escape(x.title)}</h3>'
                         f"<span>{escape(x.label or 'The Courier')}</span></a><span>{_compact(120 + 37 * (k + t))} reactions</span></div>")
    shift = (c.offset + t) % max(1, len(cards))
    cards = cards[shift:] + cards[:shift]
    mid = max(1, len(paras) // 2)
    body = f"""<div class="consent"><p>We and our partners use cookies. <a href="/privacy">Privacy &amp; Cookies</a></p><button>Accept</button></div>
<header><a href="/">{site}</a><nav><ul>{nav_links(("Top stories", "World", "Money", "Sports", "Weather"))}</ul></nav></header>
<main>
<div class="provider">&copy; {escape(c.author or "The Courier")} · Provided by The Courier</div>
<h1>{escape(title)}</h1>
<div class="meta">Story by {escape(c.author or "Courier staff")} · {escape(c.date)}</div>
<div class="img"><img src="/img/lead.jpg" alt=""><div>{escape(cap)} &copy; {escape(credit)}</div></div>
<div class="article">
{_paras(paras[:mid])}
<div class="continue"><button>Continue reading</button></div>
{_paras(paras[mid:])}
</div>
<div class="feedback">Was this story helpful? <button>Yes</button><button>No</button></div>
<section class="feed"><h2>More for you</h2>{"".join(cards)}</section>
</main>
<footer>{nav_links(("Privacy & Cookies", "Terms of use", "Advertise", "About our ads"))}<p>&copy; 2024 {site}</p></footer>"""
    return doc(head(title, site, title), body)


def breaking_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A national news site on a busy day: a red "BREAKING" bar above the headline whose story and
    figures change between checks, a "LIVE" ticker of headlines with times, "Latest" timestamps,
    and a "Developing story: this article will be updated" note under the headline."""
    site = "National Report"
    cap, credit = _caption(c)
    paras = _with_dateline(paragraphs, c.dateline)
    titles = [x.title for x in c.teasers] or ["Markets open lower"]
    t = c.tick
    breaking = titles[(c.offset + t) % len(titles)]
    ticker = "".join(f'<li><time>{_clock(600 + 13 * k + 7 * t)}</time> <a href="/live/{slug(x)}">{escape(x)}</a></li>'
                     for k, x in enumerate(titles[:4]))
    upd = f" · Updated {escape(c.updated)}" if c.updated else ""
    body = f"""<div class="cmp"><p>We use cookies to improve our service. <a href="/privacy">Privacy notice</a></p><button>Agree</button></div>
<header><a href="/">{site}</a><nav><ul>{nav_links(("US", "World", "Politics", "Business", "Health"))}</ul></nav></header>
<div class="ticker"><span>LIVE</span><ul>{ticker}</ul></div>
<main><article>
<div class="breaking-bar"><span>BREAKING</span> <a href="/news/{slug(breaking)}">{escape(breaking)}</a></div>
<h1>{escape(title)}</h1>
<p class="developing"><em>Developing story: this article will be updated.</em></p>
<div class="byline">By {escape(c.author or "National Report staff")} · {escape(c.date)}{upd}</div>
{_lead_figure(cap, credit)}
<div class="article-text">
{_paras(paras)}
</div>
</article></main>
<footer>{nav_links(("About", "Contact", "Privacy notice", "Terms"))}<p>&copy; 2024 {site}</p></footer>"""
    return doc(head(title, site, title), body)


def sports_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A sports and news portal: a live scores strip that moves every check ("HOU 3 - 2 SEA ·
    Bot 7th"), a "Match centre" box inside the story for another game ("2-1, 67'"), and a league
    table in the sidebar whose games, wins and points change."""
    site = "Sportsline Daily"
    cap, credit = _caption(c)
    paras = _with_dateline(paragraphs, c.dateline)
    t = c.tick
    scores = "".join(f'<li><a href="/game/{k}">{a} {(k + t) % 6} - {(2 * k + t) % 5} {b} · {("Bot 7th", "Q3 4:12", "FT", "HT")[k]}</a></li>'
                     for k, (a, b) in enumerate((("HOU", "SEA"), ("BOS", "NYK"), ("ARS", "CHE"), ("RMA", "BAR"))))
    rows = "".join(f"<tr><td>{k + 1}</td><td>{team}</td><td>{20 + t // 2}</td><td>{14 - k + t % 3}</td><td>{44 - 3 * k + t}</td></tr>"
                   for k, team in enumerate(("Rovers", "United", "City", "Athletic")))
    centre = (f'<div class="match-centre"><div>Match centre</div><div>Rovers {1 + t % 3}-{1 + t % 2} United, '
              f"{40 + 9 * t % 50}'</div><a href=\"/match/123\">Live commentary</a></div>")
    mid = min(2, len(paras))
    body = f"""<div class="consent"><p>Cookies help us deliver our services. <a href="/privacy">Privacy</a></p><button>OK</button></div>
<div class="scores"><ul>{scores}</ul></div>
<header><a href="/">{site}</a><nav><ul>{nav_links(("News", "Football", "Basketball", "Baseball", "Scores"))}</ul></nav></header>
<main><article>
<h1>{escape(title)}</h1>
<div class="byline">{escape(c.author or "Sportsline staff")} · {escape(c.date)}{_updated(c)}</div>
{_lead_figure(cap, credit)}
{_paras(paras[:mid])}
{centre}
{_paras(paras[mid:])}
</article>
<aside><h3>League table</h3><table><thead><tr><th>#</th><th>Team</th><th>P</th><th>W</th><th>Pts</th></tr></thead><tbody>{rows}</tbody></table></aside>
</main>
<footer>{nav_links(("Privacy", "Terms", "Contact"))}<p>&copy; 2024 {site}</p></footer>"""
    return doc(head(title, site, title), body)


def appbanner_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A mobile-first news page: an app banner ("Get the app · 4.7 ★ · 23.4K ratings", growing),
    "Open in app", a "Trending now" strip, a "Most shared" list with share counts that climb, a
    "Listen · 6 min" button and a sticky bottom bar of reactions ("👍 1.2K · 💬 86")."""
    site = "Pocket News"
    cap, credit = _caption(c)
    paras = _with_dateline(paragraphs, c.dateline)
    t = c.tick
    titles = [x.title for x in c.teasers] or ["Weather alert"]
    shared = "".join(f'<li><a href="/s/{slug(x)}">{escape(x)}</a> <span>{_compact(900 + 130 * (k + 1) * (t + 1))} shares</span></li>'
                     for k, x in enumerate(titles[:3]))
    trending = " · ".join(f'<a href="/t/{slug(x)}">{escape(x)}</a>' for x in titles[(c.offset + t) % len(titles):][:3])
    body = f"""<div class="app-banner"><img src="/icon.png" alt=""><div><b>{site}</b><div>Get the app · 4.7 ★ · {_compact(23400 + 120 * t)} ratings</div></div><a href="https://apps.example.com/pocket-news">Open in app</a></div>
<div class="cookies"><p>We use cookies and data to show you personalised news. <a href="/privacy">Privacy</a></p><button>Accept</button></div>
<header><a href="/">{site}</a></header>
<div class="trending">Trending now: {trending}</div>
<main><article>
<h1>{escape(title)}</h1>
<div class="byline">{escape(c.author or "Pocket News")} · {escape(c.date)}{_updated(c)} · <button>Listen · 6 min</button></div>
<div class="lead"><img src="/img/lead.jpg" alt=""><p class="caption">{escape(cap)} <span>{escape(credit)}</span></p></div>
{_paras(paras)}
</article>
<section class="most-shared"><h2>Most shared</h2><ol>{shared}</ol></section></main>
<div class="reactions-bar"><span>👍 {_compact(1200 + 45 * t)}</span> <span>💬 {86 + 3 * t}</span> <a href="https://twitter.com/intent/tweet">Share</a></div>
<footer>{nav_links(("About", "Privacy", "Terms", "Contact"))}<p>&copy; 2024 {site}</p></footer>"""
    return doc(head(title, site, title), body)


def explainer_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """An explainer: a "Key points" box whose bullets are the story's first sentences (kept in step
    with it), a "Contents" list of in-page links to its sections, the story under section headings,
    an FAQ accordion of ``details``/``summary`` after it, and a "Was this helpful? 87% said yes"
    widget whose share moves."""
    site = "Explained Daily"
    cap, credit = _caption(c)
    paras = _with_dateline(paragraphs, c.dateline)
    half = max(1, len(paras) // 2)
    points = "".join(f"<li>{escape(p.split('. ')[0].rstrip('.'))}.</li>" for p in paras[:3])
    faq = ("<details><summary>Where can I find more information?</summary><p>See the official website for "
           "updates and guidance.</p></details><details><summary>How often is this page updated?</summary>"
           "<p>We update this explainer as the story develops.</p></details>")
    body = f"""<div class="cookie"><p>This site uses cookies. <a href="/privacy">Privacy policy</a></p><button>OK</button></div>
<header><a href="/">{site}</a><nav><ul>{nav_links(("Explainers", "Politics", "Health", "Money"))}</ul></nav></header>
<main><article>
<h1>{escape(title)}</h1>
<div class="meta">{escape(c.author or "Explainers desk")} · {escape(c.date)}{_updated(c)}</div>
<aside class="key-points"><h2>Key points</h2><ul>{points}</ul></aside>
<nav class="toc"><h2>Contents</h2><ol><li><a href="#what">What happened</a></li><li><a href="#next">What happens next</a></li><li><a href="#faq">FAQ</a></li></ol></nav>
{_lead_figure(cap, credit)}
<h2 id="what">What happened</h2>
{_paras(paras[:half])}
<h2 id="next">What happens next</h2>
{_paras(paras[half:])}
<h2 id="faq">FAQ</h2>
{faq}
<div class="helpful">Was this helpful? <button>Yes</button> <button>No</button> <span>{87 - c.tick % 4}% said yes</span></div>
</article></main>
<footer>{nav_links(("About", "Privacy", "Terms"))}<p>&copy; 2024 {site}</p></footer>"""
    return doc(head(title, site, title), body)


def transcript_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A podcast episode's page with its transcript: each paragraph opens with its time in the
    episode and its speaker ("[00:04:12] HOST:"), and the times shift at every load by the length of
    the ads inserted that time; a player ("Listen · 24:31", "Episode 312"), "Subscribe on" links
    and "More episodes" with durations."""
    site = "The Briefing Podcast"
    cap, credit = _caption(c)
    paras = _with_dateline(paragraphs, c.dateline)
    shift = 30 * ((c.offset + c.tick) % 3)  # seconds of ads inserted before the episode this load
    lines = []
    for i, p in enumerate(paras):
        at = 15 + shift + 41 * i
        lines.append(f"<p><span class=\"ts\">[{at // 3600:02d}:{at // 60 % 60:02d}:{at % 60:02d}]</span> <b>HOST:</b> {escape(p)}</p>")
    more = "".join(f'<li><a href="/episodes/{slug(x.title)}">{escape(x.title)}</a> <span>{20 + k}:{(7 * k + c.tick) % 60:02d}</span></li>'
                   for k, x in enumerate(c.teasers[:3]))
    body = f"""<div class="cookie"><p>We use cookies to measure listening. <a href="/privacy">Privacy</a></p><button>OK</button></div>
<header><a href="/">{site}</a><nav><ul>{nav_links(("Episodes", "About", "Subscribe"))}</ul></nav></header>
<main><article>
<div class="episode">Episode 312 · {escape(c.date)}</div>
<h1>{escape(title)}</h1>
<div class="player"><button>Listen · 24:31</button> <span>Subscribe on <a href="https://podcasts.example.com/x">Apple Podcasts</a> · <a href="https://open.example.com/show/x">Spotify</a></span></div>
<div class="art"><img src="/art.jpg" alt=""><p class="cap">{escape(cap)} {escape(credit)}</p></div>
<h2>Transcript</h2>
{chr(10).join(lines)}
<p><em>This transcript was generated automatically and may contain errors.</em></p>
</article>
<aside><h3>More episodes</h3><ul>{more}</ul></aside></main>
<footer>{nav_links(("About", "Privacy", "Terms"))}<p>&copy; 2024 {site}</p></footer>"""
    return doc(head(title, site, title), body)


def factcheck_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A fact-checking site: a "Featured fact-check" box inside the story quoting another claim,
    its speaker and a rating meter ("Pants on Fire"), rotating at every load; "Share the facts"
    with a share count that climbs; "Our sources" after the story; "Related fact-checks" with
    their ratings."""
    site = "FactCheck Central"
    cap, credit = _caption(c)
    paras = _with_dateline(paragraphs, c.dateline)
    t = c.tick
    rated = [x for x in c.teasers if x.paragraphs] or [Teaser("No claim", ("Nothing to check.",))]
    ratings = ("False", "Mostly False", "Half True", "Pants on Fire", "Mostly True")
    f = rated[c.offset % len(rated)]
    featured = (f'<aside class="featured-fc"><div class="label">Featured fact-check</div>'
                f'<blockquote>"{escape(f.paragraphs[0])}"</blockquote>'
                f'<div class="speaker">— {escape(f.credit or "A campaign ad")}, {escape(c.date)}</div>'
                f'<div class="meter"><img src="/meter/{slug(ratings[c.offset % 5])}.png" alt=""> '
                f'{ratings[c.offset % 5]}</div><a href="/fc/{slug(f.title)}">Read the fact-check</a></aside>')
    related = "".join(f'<li><a href="/fc/{slug(x.title)}">{escape(x.title)}</a> <span class="rating">{ratings[(k + c.offset) % 5]}</span></li>'
                      for k, x in enumerate(rated[c.offset % len(rated):][:3]))
    mid = min(2, len(paras))
    body = f"""<div class="cookie"><p>We use cookies to understand how our fact-checks are read. <a href="/privacy">Privacy policy</a></p><button>Got it</button></div>
<header><a href="/">{site}</a><nav><ul>{nav_links(("Fact-checks", "Truth-O-Meter", "Promises", "About us", "Donate"))}</ul></nav></header>
<main><article>
<div class="kicker">FACT-CHECK</div>
<h1>{escape(title)}</h1>
<div class="byline">By {escape(c.author or "Staff writer")} · {escape(c.date)}{_updated(c)}</div>
<figure><img src="/img/lead.jpg" alt=""><figcaption>{escape(cap)} <span>{escape(credit)}</span></figcaption></figure>
{_paras(paras[:mid])}
{featured}
{_paras(paras[mid:])}
<div class="share-facts"><div>Share the facts</div><span>{_compact(1180 + 37 * t)} shares</span> <a href="https://twitter.com/intent/tweet">Share</a></div>
<section class="sources"><h3>Our sources</h3><ul><li>Interviews and documents cited in the story, accessed June 18, 2024</li><li>Public records requested by the newsroom</li></ul></section>
</article>
<aside><h3>Related fact-checks</h3><ul>{related}</ul></aside></main>
<footer>{nav_links(("About", "Our process", "Privacy", "Contact"))}<p>&copy; 2024 {site}</p></footer>"""
    return doc(head(title, site, title), body)


def nextstory_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A site with infinite scroll: the next story is loaded below this one, whole — its own
    ``article`` with headline, byline, photo and paragraphs — and which story comes next rotates at
    every load."""
    site = "The Morning Standard"
    cap, credit = _caption(c)
    paras = _with_dateline(paragraphs, c.dateline)
    nxt = c.teasers[c.offset % len(c.teasers)] if c.teasers else Teaser("More news", ("Nothing more today.",))
    body = f"""<div id="consent"><p>We and our partners use cookies. See our <a href="/privacy">privacy policy</a>.</p><button>Accept</button></div>
<header><a href="/">{site}</a><nav><ul>{nav_links(("News", "Politics", "World", "Business", "Opinion"))}</ul></nav></header>
<main>
<article class="story" data-story="1">
<h1>{escape(title)}</h1>
<div class="byline">By {escape(c.author or "Standard reporters")} · {escape(c.date)}{_updated(c)}</div>
{_lead_figure(cap, credit)}
<div class="story-body">
{_paras(paras)}
</div>
<div class="share"><a href="https://www.facebook.com/sharer">Share</a> <a href="https://twitter.com/intent/tweet">Post</a></div>
</article>
<div class="next-story-label">Next story</div>
<article class="story" data-story="2">
<h1>{escape(nxt.title)}</h1>
<div class="byline">By {escape(nxt.credit or "Standard reporters")} · {escape(c.date)}</div>
<figure><img src="/img/{slug(nxt.title)}.jpg" alt=""><figcaption>{escape(nxt.label)}</figcaption></figure>
<div class="story-body">
{_paras(nxt.paragraphs)}
</div>
</article>
</main>
<footer>{nav_links(("About", "Privacy", "Terms", "Contact"))}<p>&copy; 2024 {site}</p></footer>"""
    return doc(head(title, site, title), body)


def printview_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A "print this article" view: no menus, a header stamped with when it was printed (moving
    every check), the page's address, the reprint notice ("This copy is for your personal,
    non-commercial use only…"), the story, a "Most popular" list still printed under it, and a
    script that opens the print dialog."""
    site = "The Herald Tribune"
    cap, credit = _caption(c)
    paras = _with_dateline(paragraphs, c.dateline)
    popular = "".join(f"<li>{escape(x.title)}</li>" for x in c.teasers[c.offset % max(1, len(c.teasers)):][:4])
    body = f"""<div class="cookie-note">This page uses cookies. <a href="/privacy">Privacy</a></div>
<div class="print-header"><a href="/">{site}</a> · Printed {escape(c.date)} at {_clock(600 + 17 * c.tick)}</div>
<div class="print-url">https://heraldtribune.example.com/news/{slug(title)}</div>
<div class="reprint">This copy is for your personal, non-commercial use only. To order presentation-ready copies for distribution to colleagues or customers, visit <a href="/reprints">our reprints page</a>.</div>
<div id="print-article">
<h1>{escape(title)}</h1>
<p class="byline">By {escape(c.author or "Herald Tribune staff")}<br>{escape(c.date)}{"<br>Updated " + escape(c.updated) if c.updated else ""}</p>
<p class="photo-caption">{escape(cap)} ({escape(credit)})</p>
{_paras(paras)}
</div>
<div class="print-popular"><b>Most popular</b><ol>{popular}</ol></div>
<div class="print-footer">&copy; 2024 {site}. All rights reserved. Reproduction without permission is prohibited.</div>
<script>window.onload=function(){{window.print();}};</script>"""
    return doc(head(title, site, title), body)


def french_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A French national daily's chrome around the story: "Article réservé aux abonnés", "Lecture
    5 min.", "Publié le … à 10 h 42", "Lire aussi | …" links between the paragraphs (rotating),
    "Publicité" slots, "Offrir cet article", "Le Quotidien avec AFP" closing the story, "Les plus
    lus" and "Réagir (N)"."""
    site = "Le Quotidien"
    cap, credit = _caption(c)
    paras = _with_dateline(paragraphs, c.dateline)
    titles = [x.title for x in c.teasers] or ["Actualité"]

    def after(i: int) -> list[str]:
        if i % 2 == 1 and i < len(paras) - 1:
            x = titles[(c.offset + i) % len(titles)]
            return [f'<p class="lire-aussi"><span>Lire aussi |</span> <a href="/article/{slug(x)}">{escape(x)}</a></p>',
                    '<div class="pub"><span>Publicité</span><div class="slot"></div></div>']
        return []

    lus = "".join(f'<li><a href="/article/{slug(x)}">{escape(x)}</a></li>' for x in titles[c.offset % len(titles):][:5])
    upd = f", modifié le {escape(c.updated)}" if c.updated else ""
    body = f"""<div class="consent"><p>Nous utilisons des cookies pour mesurer l'audience et personnaliser les publicités. <a href="/confidentialite">Politique de confidentialité (privacy)</a></p><button>Accepter</button><button>Continuer sans accepter</button></div>
<header><a href="/">{site}</a><nav><ul>{nav_links(("International", "Politique", "Économie", "Société", "Culture"))}</ul></nav><a href="/abonnement">S'abonner</a></header>
<main><article>
<p class="premium">Article réservé aux abonnés</p>
<h1>{escape(title)}</h1>
<p class="meta"><span>Par {escape(c.author or "la rédaction")}</span> · Publié le {escape(c.date)}{upd} · Lecture {4 + len(paras) // 3} min.</p>
<p class="outils"><a href="/offrir">Offrir cet article</a> <a href="/partager">Partager</a> <span>Réagir ({12 + c.tick})</span></p>
<figure><img src="/img/une.jpg" alt=""><figcaption>{escape(cap)} {escape(credit).upper()}</figcaption></figure>
<section class="article__content">
{_paras_with(paras, after)}
<p class="signature">{site} avec AFP</p>
</section>
</article>
<aside><h2>Les plus lus</h2><ol>{lus}</ol></aside></main>
<footer>{nav_links(("Mentions légales", "Confidentialité", "Contact"))}<p>&copy; 2024 {site}. Toute reproduction interdite.</p></footer>"""
    return doc(head(title, site, title).replace("<meta charset", '<meta http-equiv="content-language" content="fr">\n<meta charset'), body)


def spanish_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A Spanish daily's chrome: "Más información" links after some paragraphs (rotating),
    "Sigue toda la información … en Facebook y X, o en nuestra newsletter semanal" closing the
    story, "Archivado En" tags, "Comentarios (N)", "Lo más visto", "Suscríbete"."""
    site = "El Diario Global"
    cap, credit = _caption(c)
    paras = _with_dateline(paragraphs, c.dateline)
    titles = [x.title for x in c.teasers] or ["Actualidad"]

    def after(i: int) -> list[str]:
        if i == 1 and len(paras) > 2:
            links = "".join(f'<li><a href="/noticia/{slug(x)}">{escape(x)}</a></li>'
                            for x in titles[(c.offset + 1) % len(titles):][:2])
            return [f'<aside class="mas-info"><h3>Más información</h3><ul>{links}</ul></aside>']
        return []

    visto = "".join(f'<li><a href="/noticia/{slug(x)}">{escape(x)}</a></li>' for x in titles[c.offset % len(titles):][:5])
    upd = f" · Actualizado: {escape(c.updated)}" if c.updated else ""
    body = f"""<div class="didomi"><p>Utilizamos cookies propias y de terceros. <a href="/privacidad">Política de privacidad (privacy)</a></p><button>Aceptar y continuar</button></div>
<header><a href="/">{site}</a><nav><ul>{nav_links(("Internacional", "Opinión", "España", "Economía", "Sociedad"))}</ul></nav><a href="/suscripciones">Suscríbete</a></header>
<main><article>
<h1>{escape(title)}</h1>
<div class="firma"><a href="/autor/x">{escape(c.author or "Redacción")}</a> · {escape(c.date)}{upd}</div>
<figure><img src="/img/portada.jpg" alt=""><figcaption>{escape(cap)} {escape(credit)}</figcaption></figure>
<div class="articulo-cuerpo">
{_paras_with(paras, after)}
<p><em>Sigue toda la información de Internacional en <a href="https://www.facebook.com/x">Facebook</a> y <a href="https://twitter.com/x">X</a>, o en nuestra <a href="/newsletter">newsletter semanal</a>.</em></p>
</div>
<div class="archivado"><span>Archivado En</span> {" ".join(f'<a href="/tag/{slug(w)}">{escape(w)}</a>' for w in ("Política", "Economía", "Sociedad"))}</div>
<div class="comentarios"><a href="#comentarios">Comentarios ({31 + 2 * c.tick})</a></div>
</article>
<aside><h2>Lo más visto</h2><ol>{visto}</ol></aside></main>
<footer>{nav_links(("Aviso legal", "Contacto", "Cookies"))}<p>&copy; 2024 {site}</p></footer>"""
    return doc(head(title, site, title), body)


def platform_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A writing platform's story page: "Member-only story", the writer's "Follow" button and
    follower count, "8 min read", claps and responses that climb every check ("1.2K", "23"), a
    "More from" the writer with claps, and "Recommended" stories that rotate."""
    site = "Inkwell"
    cap, credit = _caption(c)
    paras = _with_dateline(paragraphs, c.dateline)
    t = c.tick
    author = c.author or "Jordan Reyes"
    recs = "".join(f'<div class="rec"><a href="/p/{slug(x.title)}"><h3>{escape(x.title)}</h3></a>'
                   f'<p>{escape(x.paragraphs[0] if x.paragraphs else "")}</p><span>{_compact(800 + 97 * k + 11 * t)}</span> · <span>{3 + k} min read</span></div>'
                   for k, x in enumerate(c.teasers[c.offset % max(1, len(c.teasers)):][:3]))
    body = f"""<div class="cookie"><p>To make the platform work, we log user data. By using it you agree to our <a href="/privacy">Privacy Policy</a>, including our use of cookies.</p></div>
<header><a href="/">{site}</a> <a href="/new-story">Write</a> <a href="/signin">Sign in</a></header>
<main><article>
<div class="member">Member-only story</div>
<h1>{escape(title)}</h1>
<div class="author"><a href="/@{slug(author)}">{escape(author)}</a> · <button>Follow</button> · {_compact(12400 + 31 * t)} followers</div>
<div class="meta">{8 + len(paras) // 4} min read · {escape(c.date)}{_updated(c)}</div>
<div class="actions"><span>{_compact(1200 + 23 * t)}</span> <span>{23 + t}</span> <button>Listen</button> <button>Share</button></div>
<figure><img src="/img/cover.jpg" alt=""><figcaption>{escape(cap)} {escape(credit)}</figcaption></figure>
<section>
{_paras(paras)}
</section>
<div class="actions"><span>{_compact(1200 + 23 * t)}</span> <span>{23 + t}</span></div>
<div class="written-by">Written by {escape(author)} · {_compact(12400 + 31 * t)} Followers · Writer for {site}</div>
</article>
<section class="recommended"><h2>Recommended from {site}</h2>{recs}</section></main>
<footer>{nav_links(("Help", "Status", "Careers", "Privacy", "Terms"))}<p>&copy; 2024 {site}</p></footer>"""
    return doc(head(title, site, title), body)


def datachart_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A data story: a chart drawn as SVG inside the story (axis labels and values as ``text``
    elements, the latest value moving every check as the data feed updates), "Chart: … · Source:
    … · Get the data", the chart's data again as a table for screen readers, and a "Methodology"
    note; "More data stories" rotate."""
    site = "Data Desk Daily"
    cap, credit = _caption(c)
    paras = _with_dateline(paragraphs, c.dateline)
    t = c.tick
    values = [120, 135, 128, 150, 162 + 3 * t]
    labels = ("Jan", "Feb", "Mar", "Apr", "May")
    bars = "".join(f'<rect x="{40 + 50 * k}" y="{200 - v}" width="30" height="{v}"></rect><text x="{40 + 50 * k}" y="215">{m}</text>'
                   f'<text x="{40 + 50 * k}" y="{195 - v}">{v}</text>' for k, (m, v) in enumerate(zip(labels, values, strict=True)))
    axis = "".join(f'<text x="5" y="{200 - y}">{y}</text>' for y in (0, 50, 100, 150, 200))
    rows = "".join(f"<tr><td>{m}</td><td>{v}</td></tr>" for m, v in zip(labels, values, strict=True))
    chart = (f'<figure class="chart"><div class="chart-title">Monthly figures, 2024</div>'
             f'<svg viewBox="0 0 320 230" role="img">{axis}{bars}</svg>'
             f'<table class="sr-only"><caption>Monthly figures, 2024</caption><tr><th>Month</th><th>Value</th></tr>{rows}</table>'
             f'<figcaption>Chart: Data Desk · Source: agency statistics, updated {_clock(420 + 60 * t)} · '
             f'<a href="/data/monthly.csv">Get the data</a></figcaption></figure>')
    more = "".join(f'<li><a href="/data/{slug(x.title)}">{escape(x.title)}</a></li>'
                   for x in c.teasers[c.offset % max(1, len(c.teasers)):][:3])
    mid = min(2, len(paras))
    body = f"""<div class="cookie"><p>We use cookies for analytics. <a href="/privacy">Privacy</a></p><button>OK</button></div>
<header><a href="/">{site}</a><nav><ul>{nav_links(("Data", "Charts", "Methodology", "Newsletter"))}</ul></nav></header>
<main><article>
<h1>{escape(title)}</h1>
<div class="byline">{escape(c.author or "Data team")} · {escape(c.date)}{_updated(c)}</div>
{_lead_figure(cap, credit)}
{_paras(paras[:mid])}
{chart}
{_paras(paras[mid:])}
<div class="methodology"><h3>Methodology</h3><p>Figures are the agency's monthly estimates as first published and may be revised.</p></div>
</article>
<aside><h3>More data stories</h3><ul>{more}</ul></aside></main>
<footer>{nav_links(("About", "Privacy", "Contact"))}<p>&copy; 2024 {site}</p></footer>"""
    return doc(head(title, site, title), body)


def timeline_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A story in a running package: a "Catch up" box of earlier stories' headlines with their dates
    above the story, a "Timeline: how we got here" box in the story whose dated entries grow as the
    package is updated (one more every other check), and "Latest in this story" links."""
    site = "The Civic Ledger"
    cap, credit = _caption(c)
    paras = _with_dateline(paragraphs, c.dateline)
    titles = [x.title for x in c.teasers] or ["Earlier coverage"]
    days = ("March 3", "March 28", "April 15", "May 2", "May 30", "June 11", "June 17")
    n = 3 + (c.tick // 2) % 4
    entries = "".join(f"<li><b>{d}, 2024</b> {escape(titles[(k + c.offset) % len(titles)])}</li>" for k, d in enumerate(days[:n]))
    catch = "".join(f'<li><a href="/story/{slug(x)}">{escape(x)}</a> <time>{days[k]}</time></li>'
                    for k, x in enumerate(titles[c.offset % len(titles):][:3]))
    mid = min(3, len(paras))
    body = f"""<div class="gdpr"><p>This website uses cookies. <a href="/privacy">Privacy statement</a></p><button>Allow</button></div>
<header><a href="/">{site}</a><nav><ul>{nav_links(("City Hall", "Schools", "Courts", "Elections"))}</ul></nav></header>
<main>
<section class="catch-up"><h2>Catch up</h2><ul>{catch}</ul></section>
<article>
<h1>{escape(title)}</h1>
<div class="byline">{escape(c.author or "Ledger staff")} · {escape(c.date)}{_updated(c)}</div>
{_lead_figure(cap, credit)}
{_paras(paras[:mid])}
<aside class="timeline"><h3>Timeline: how we got here</h3><ul>{entries}</ul></aside>
{_paras(paras[mid:])}
</article>
<section class="latest"><h3>Latest in this story</h3><ul>{"".join(f'<li><a href="/story/{slug(x)}">{escape(x)}</a></li>' for x in titles[(c.offset + 1) % len(titles):][:3])}</ul></section>
</main>
<footer>{nav_links(("About", "Contact", "Privacy", "Ethics policy"))}<p>&copy; 2024 {site}</p></footer>"""
    return doc(head(title, site, title), body)


def accessible_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A public broadcaster's accessible page: "Skip to content", visually hidden text for screen
    readers inside the story ("(opens in a new tab)" in links, "Advertisement" before each ad slot,
    "Image source, …" and "Image caption, …" announced before the photo's credit and caption), a
    "Related topics" list and "Top stories" that rotate."""
    site = "National Broadcasting News"
    cap, credit = _caption(c)
    paras = list(_with_dateline(paragraphs, c.dateline))
    titles = [x.title for x in c.teasers] or ["Top story"]

    def para(i: int, p: str) -> str:
        words = p.split(" ")
        if i == 1 and len(words) > 8:  # a linked phrase in the text, as the broadcaster links its own coverage
            linked = escape(" ".join(words[2:5]))
            return (f'<p>{escape(" ".join(words[:2]))} <a href="https://example.org/report">{linked}'
                    f'<span class="visually-hidden"> (opens in a new tab)</span></a> {escape(" ".join(words[5:]))}</p>')
        return f"<p>{escape(p)}</p>"

    def after(i: int) -> str:
        return ('<div class="ad"><span class="visually-hidden">Advertisement</span><div class="slot"></div></div>'
                if i == 2 else "")

    text = "\n".join(para(i, p) + after(i) for i, p in enumerate(paras))
    top = "".join(f'<li><a href="/news/{slug(x)}">{escape(x)}</a></li>' for x in titles[c.offset % len(titles):][:4])
    body = f"""<a class="skip" href="#main-content">Skip to content</a>
<div class="cookie"><p>Let us know you agree to cookies. <a href="/privacy">Read our privacy policy</a></p><button>Yes, I agree</button><button>No, take me to settings</button></div>
<header><a href="/">{site}</a><nav><ul>{nav_links(("Home", "News", "Sport", "Weather", "Audio"))}</ul></nav></header>
<main id="main-content"><article>
<h1>{escape(title)}</h1>
<div class="byline"><span class="visually-hidden">By </span>{escape(c.author or "Political correspondent")} · <time>{escape(c.date)}</time>{_updated(c)}</div>
<figure><span class="visually-hidden">Image source, </span><span class="credit">{escape(credit)}</span><img src="/img/lead.jpg" alt=""><figcaption><span class="visually-hidden">Image caption, </span>{escape(cap)}</figcaption></figure>
{text}
<section class="topics"><h2>Related topics</h2><ul>{"".join(f'<li><a href="/topics/{slug(x)}">{escape(x)}</a></li>' for x in titles[(c.offset + 2) % len(titles):][:2])}</ul></section>
</article>
<section class="top"><h2>Top stories</h2><ul>{top}</ul></section></main>
<footer>{nav_links(("Terms of Use", "About us", "Privacy Policy", "Cookies", "Accessibility Help"))}<p>Copyright &copy; 2024 {site}. We are not responsible for the content of external sites.</p></footer>"""
    return doc(head(title, site, title), body)


def feature_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A magazine feature: a drop cap splitting the first word ("<span>T</span>he"), the
    dateline in small caps, section breaks ("* * *") between parts, a print-edition note ("This
    article appears in the July 2024 issue with the headline …"), the writer's bio after the story,
    and "Most popular" with read counts that climb."""
    site = "The Atlantic Review"
    cap, credit = _caption(c)
    paras = list(paragraphs)
    first = paras[0] if paras else ""
    if c.dateline and first:
        lead = f'<p><span class="smallcaps">{escape(c.dateline.upper())}</span> — <span class="dropcap">{escape(first[0])}</span>{escape(first[1:])}</p>'
    elif first:
        lead = f'<p><span class="dropcap">{escape(first[0])}</span>{escape(first[1:])}</p>'
    else:
        lead = ""
    rest = paras[1:]
    third = max(1, len(rest) // 2)
    popular = "".join(f'<li><a href="/ideas/{slug(x.title)}">{escape(x.title)}</a> <span>{_compact(15000 + 700 * k + 90 * c.tick)} reads</span></li>'
                      for k, x in enumerate(c.teasers[c.offset % max(1, len(c.teasers)):][:3]))
    body = f"""<div class="privacy-banner"><p>We use cookies to give you the best experience. <a href="/privacy">Privacy policy</a></p><button>Continue</button></div>
<header><a href="/">{site}</a><nav><ul>{nav_links(("Politics", "Ideas", "Culture", "Science", "Magazine"))}</ul></nav><a href="/subscribe">Subscribe</a></header>
<main><article>
<div class="rubric">Ideas</div>
<h1>{escape(title)}</h1>
<p class="dek">{escape(c.dek)}</p>
<div class="byline">By {escape(c.author or "Alex Morgan")} · {escape(c.date)}{_updated(c)}</div>
<figure><img src="/img/art.jpg" alt=""><figcaption>{escape(cap)} <span class="credit">{escape(credit)}</span></figcaption></figure>
<section class="article-body">
{lead}
{_paras(rest[:third])}
<p class="section-break">* * *</p>
{_paras(rest[third:])}
</section>
<p class="print-note"><em>This article appears in the July 2024 print edition with the headline “{escape(title)}.”</em></p>
<div class="bio"><p>{escape(c.author or "Alex Morgan")} is a staff writer at {site}.</p></div>
</article>
<aside><h2>Most popular</h2><ol>{popular}</ol></aside></main>
<footer>{nav_links(("About", "Contact", "Privacy policy", "Advertise"))}<p>&copy; 2024 {site}</p></footer>"""
    return doc(head(title, site, title), body)


_SUMMARY_LEADS = ("Here is what to know:", "The short version:", "In brief:")


def aisummary_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A page with a machine-written summary above the story: a "Quick read" box of three bullets
    restating the story's first sentences, regenerated at every load (the lead-in, the order and the
    wording change), with "This summary was generated by AI and reviewed by our editors." and a
    "Was this summary helpful?" prompt; "Listen to this article · 6 min"; a "Recommended" rail."""
    site = "The Daily Current"
    cap, credit = _caption(c)
    paras = _with_dateline(paragraphs, c.dateline)
    k = c.offset + c.tick
    firsts = [p.split(". ")[0].rstrip(".") for p in paras[:3]]
    firsts = firsts[k % len(firsts):] + firsts[:k % len(firsts)] if firsts else []
    bullets = "".join(f"<li>{escape(('According to the report, ' + f[0].lower() + f[1:]) if (k + j) % 2 and f else f)}.</li>"
                      for j, f in enumerate(firsts))
    recs = "".join(f'<li><a href="/story/{slug(x.title)}">{escape(x.title)}</a></li>'
                   for x in c.teasers[c.offset % max(1, len(c.teasers)):][:4])
    body = f"""<div class="consent"><p>We use cookies to personalise content. <a href="/privacy">Privacy policy</a></p><button>Accept</button></div>
<header><a href="/">{site}</a><nav><ul>{nav_links(("News", "Politics", "World", "Business"))}</ul></nav></header>
<main><article>
<h1>{escape(title)}</h1>
<div class="byline">By {escape(c.author or "Current staff")} · {escape(c.date)}{_updated(c)} · <button>Listen to this article · 6 min</button></div>
<section class="quick-read"><h2>Quick read</h2><p>{_SUMMARY_LEADS[k % 3]}</p><ul>{bullets}</ul>
<p class="disclaimer"><em>This summary was generated by AI and reviewed by our editors.</em> Was this summary helpful? <button>Yes</button> <button>No</button></p></section>
{_lead_figure(cap, credit)}
<div class="story">
{_paras(paras)}
</div>
</article>
<aside><h2>Recommended</h2><ul>{recs}</ul></aside></main>
<footer>{nav_links(("About", "Privacy", "Terms", "AI policy"))}<p>&copy; 2024 {site}</p></footer>"""
    return doc(head(title, site, title), body)


def nonprofit_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A nonprofit newsroom: "Republish this article" (a Creative Commons box), a donation ask in
    the story whose goal meter moves with every gift ("1,204 readers have given $58,310 of our
    $75,000 goal"), "This article was originally published by" partner note above the story, the
    newsroom's mission blurb, and "More from our newsroom" cards that rotate."""
    site = "Open Ledger News"
    cap, credit = _caption(c)
    paras = _with_dateline(paragraphs, c.dateline)
    t = c.tick
    mid = min(3, len(paras))
    donors, raised = 1204 + 7 * t, 58310 + 215 * t
    ask = (f'<div class="donate-box"><h3>Support independent reporting</h3><p>{donors:,} readers have given '
           f"${raised:,} of our $75,000 goal this month. Will you join them?</p>"
           f'<div class="meter" style="width:{raised * 100 // 75000}%"></div><a class="btn" href="/donate">Donate</a></div>')
    more = "".join(f'<div class="card"><a href="/news/{slug(x.title)}"><img src="/img/{slug(x.title)}.jpg" alt=""><h4>{escape(x.title)}</h4></a></div>'
                   for x in c.teasers[c.offset % max(1, len(c.teasers)):][:3])
    body = f"""<div class="cookie"><p>We use a few cookies to count readers, never to sell ads. <a href="/privacy">Privacy</a></p><button>OK</button></div>
<header><a href="/">{site}</a><nav><ul>{nav_links(("Investigations", "Politics", "Environment", "About", "Donate"))}</ul></nav></header>
<main><article>
<p class="partner"><em>This article was originally published by our partner newsroom and is republished here with permission.</em></p>
<h1>{escape(title)}</h1>
<div class="byline">by {escape(c.author or "Open Ledger staff")} · {escape(c.date)}{_updated(c)}</div>
<figure><img src="/img/lead.jpg" alt=""><figcaption>{escape(cap)} <span>Credit: {escape(credit)}</span></figcaption></figure>
{_paras(paras[:mid])}
{ask}
{_paras(paras[mid:])}
<div class="republish"><button>Republish this article</button><p>You may republish our articles for free under a Creative Commons license.</p></div>
<div class="mission"><p>{site} is a nonprofit newsroom that investigates abuses of power. Sign up to receive our biggest stories as soon as they are published.</p></div>
</article>
<section class="more"><h2>More from our newsroom</h2>{more}</section></main>
<footer>{nav_links(("About us", "Staff", "Ethics", "Privacy policy", "Donate"))}<p>&copy; 2024 {site}. Published under Creative Commons.</p></footer>"""
    return doc(head(title, site, title), body)


def joomla_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A small publisher on an older CMS: the article info block ("Details · Written by … ·
    Category: News · Published: … · Hits: 1234", the hits counting every view), print and email
    icons, "Prev / Next" links, a "Latest News" module and a "Who's Online: We have 37 guests
    online" module that change between loads."""
    site = "Valley Tribune Online"
    cap, credit = _caption(c)
    paras = _with_dateline(paragraphs, c.dateline)
    t = c.tick
    latest = "".join(f'<li><a href="/index.php/news/{slug(x.title)}">{escape(x.title)}</a></li>'
                     for x in c.teasers[c.offset % max(1, len(c.teasers)):][:5])
    upd = f'<dd class="modified">Last Updated: {escape(c.updated)}</dd>' if c.updated else ""
    body = f"""<div id="cookie-law"><p>This website uses cookies. <a href="/index.php/privacy-policy">Privacy policy</a></p><a href="#" class="accept">Accept</a></div>
<div id="header"><a href="/">{site}</a><ul class="menu">{nav_links(("Home", "News", "Sports", "Obituaries", "Contact"))}</ul></div>
<div id="main"><div class="item-page">
<div class="page-header"><h2 itemprop="headline">{escape(title)}</h2></div>
<div class="icons"><a href="/index.php/news?tmpl=component&amp;print=1" title="Print article">Print</a> <a href="/index.php/component/mailto" title="Email this link to a friend">Email</a></div>
<dl class="article-info"><dt>Details</dt><dd class="createdby">Written by {escape(c.author or "Tribune Staff")}</dd><dd class="category-name">Category: <a href="/index.php/news">News</a></dd><dd class="published">Published: {escape(c.date)}</dd>{upd}<dd class="hits">Hits: {1234 + 17 * t}</dd></dl>
<div itemprop="articleBody">
<p><img src="/images/lead.jpg" alt=""><br><em>{escape(cap)} ({escape(credit)})</em></p>
{_paras(paras)}
</div>
<ul class="pager pagenav"><li class="previous"><a href="/index.php/news/prev">Prev</a></li><li class="next"><a href="/index.php/news/next">Next</a></li></ul>
</div></div>
<div id="right"><div class="moduletable"><h3>Latest News</h3><ul class="latestnews">{latest}</ul></div>
<div class="moduletable"><h3>Who's Online</h3><p>We have {37 + t % 9} guests and {t % 3} members online</p></div></div>
<div id="footer"><p>&copy; 2024 {site}. All Rights Reserved. Designed by a local studio.</p></div>"""
    return doc(head(title, site, title), body)


def emailweb_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A newsletter's web version, laid out like the email it was sent as: nested tables, one
    paragraph per cell with inline styles, "View in browser", "Presented by" a sponsor whose ad
    copy rotates, "Forward to a friend", "You are receiving this email because…" and
    "Unsubscribe"; the issue number and date in the header."""
    site = "The Morning Brief"
    cap, credit = _caption(c)
    paras = _with_dateline(paragraphs, c.dateline)
    sponsor = c.teasers[c.offset % len(c.teasers)].title if c.teasers else "Our sponsor"
    td = 'style="font-family:Georgia,serif;font-size:17px;line-height:1.5;color:#222;padding:0 24px 16px"'
    rows = "\n".join(f"<tr><td {td}>{escape(p)}</td></tr>" for p in paras)
    body = f"""<table width="100%" cellpadding="0" cellspacing="0" style="background:#f2f2f2"><tr><td align="center">
<table width="600" cellpadding="0" cellspacing="0" style="background:#fff">
<tr><td style="font-size:12px;color:#888;padding:8px 24px"><a href="/newsletters/view">View in browser</a> · We use cookies to see which stories you read. <a href="/privacy">Privacy</a></td></tr>
<tr><td style="padding:16px 24px"><a href="/">{site}</a> · Issue #{412 + c.offset % 3} · {escape(c.date)}{_updated(c)}</td></tr>
<tr><td style="padding:0 24px"><h1 style="font-size:28px">{escape(title)}</h1></td></tr>
<tr><td style="padding:0 24px 16px"><img src="/img/lead.jpg" width="552" alt=""><div style="font-size:12px;color:#666">{escape(cap)} {escape(credit)}</div></td></tr>
{rows}
<tr><td style="padding:16px 24px;background:#fafafa;font-size:14px"><b>Presented by</b> <a href="https://sponsor.example.com/?utm=brief">{escape(sponsor)}</a> — partner content.</td></tr>
<tr><td style="padding:16px 24px;font-size:14px"><a href="/forward">Forward to a friend</a> · <a href="/subscribe">Subscribe</a></td></tr>
<tr><td style="padding:16px 24px;font-size:12px;color:#888">You are receiving this email because you signed up for {site}. <a href="/unsubscribe">Unsubscribe</a> · <a href="/preferences">Update preferences</a><br>&copy; 2024 {site}, 100 Main Street, Springfield</td></tr>
</table></td></tr></table>"""
    return doc(head(title, site, title), body)


def interview_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A Q&A interview: the story's paragraphs as the answers, each after a bold question line
    ("<b>Q:</b> What happened next?"), the answers opening with "A:"; an editor's note that the
    interview was edited for length and clarity; "More interviews" rotating."""
    site = "The Conversation Desk"
    cap, credit = _caption(c)
    paras = _with_dateline(paragraphs, c.dateline)
    qs = ("What happened?", "What do we know so far?", "What are officials saying?", "What comes next?",
          "Why does it matter?")
    qa = "\n".join(f"<p><strong>Q: {qs[i % len(qs)]}</strong></p>\n<p><strong>A:</strong> {escape(p)}</p>"
                   for i, p in enumerate(paras))
    more = "".join(f'<li><a href="/interviews/{slug(x.title)}">{escape(x.title)}</a></li>'
                   for x in c.teasers[c.offset % max(1, len(c.teasers)):][:3])
    body = f"""<div class="cookie"><p>Cookies help us understand our readers. <a href="/privacy">Privacy</a></p><button>Fine</button></div>
<header><a href="/">{site}</a><nav><ul>{nav_links(("Interviews", "Analysis", "Podcasts"))}</ul></nav></header>
<main><article>
<h1>{escape(title)}</h1>
<div class="byline">Interview by {escape(c.author or "Desk editors")} · {escape(c.date)}{_updated(c)}</div>
{_lead_figure(cap, credit)}
<p><em>This interview has been edited for length and clarity.</em></p>
{qa}
</article>
<aside><h3>More interviews</h3><ul>{more}</ul></aside></main>
<footer>{nav_links(("About", "Privacy", "Terms"))}<p>&copy; 2024 {site}</p></footer>"""
    return doc(head(title, site, title), body)


def videoplayer_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A site that leads with video: a sticky player above the story with "Up next:" another
    story's title and a countdown ("Starting in 4 seconds") that differ at every load, "Watch:"
    links with durations between the paragraphs, and a "More videos" rail."""
    site = "Channel 9 News Online"
    cap, credit = _caption(c)
    paras = _with_dateline(paragraphs, c.dateline)
    titles = [x.title for x in c.teasers] or ["Latest video"]
    t = c.tick
    nxt = titles[(c.offset + t) % len(titles)]

    def after(i: int) -> list[str]:
        if i == 1 and len(paras) > 3:
            x = titles[(c.offset + 2) % len(titles)]
            return [f'<p class="watch"><b>Watch:</b> <a href="/video/{slug(x)}">{escape(x)}</a> ({1 + i}:{(17 * t) % 60:02d})</p>']
        return []

    more = "".join(f'<li><a href="/video/{slug(x)}">{escape(x)}</a> <span>{2 + k}:{(13 * k + t) % 60:02d}</span></li>'
                   for k, x in enumerate(titles[c.offset % len(titles):][:4]))
    body = f"""<div class="consent"><p>We use cookies and similar technologies. <a href="/privacy">Privacy policy</a></p><button>Accept</button></div>
<header><a href="/">{site}</a><nav><ul>{nav_links(("News", "Video", "Weather", "Sports"))}</ul></nav></header>
<main><article>
<h1>{escape(title)}</h1>
<div class="byline">{escape(c.author or "Channel 9 digital staff")} · {escape(c.date)}{_updated(c)}</div>
<div class="video-player sticky"><video poster="/img/lead.jpg" controls></video><div class="player-caption">{escape(cap)} {escape(credit)}</div>
<div class="up-next">Up next: <a href="/video/{slug(nxt)}">{escape(nxt)}</a> <span>Starting in {5 - t % 5} seconds</span></div></div>
{_paras_with(paras, after)}
</article>
<aside><h3>More videos</h3><ul>{more}</ul></aside></main>
<footer>{nav_links(("About", "Privacy", "Terms", "Closed captioning"))}<p>&copy; 2024 {site}</p></footer>"""
    return doc(head(title, site, title), body)


def signup_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A newsletter promotion with no form on the page: a box in the story saying how many readers
    get the briefing ("Join 250,312 readers…", the count growing) with a "Sign up" link, a
    "Get our free newsletter" link after the story, and "Popular newsletters" with subscriber
    counts in the sidebar."""
    site = "The Briefing Room"
    cap, credit = _caption(c)
    paras = _with_dateline(paragraphs, c.dateline)
    t = c.tick
    mid = min(3, len(paras))
    promo = (f'<div class="nl-promo"><p>Join {250312 + 41 * t:,} readers who start their day with The Briefing, '
             f'our free morning newsletter.</p><a href="/newsletters/briefing">Sign up</a></div>')
    lists = "".join(f'<li><a href="/newsletters/{slug(x.title)}">{escape(x.title)}</a> <span>{_compact(12000 + 900 * k + 13 * t)} subscribers</span></li>'
                    for k, x in enumerate(c.teasers[c.offset % max(1, len(c.teasers)):][:3]))
    body = f"""<div class="cookie"><p>We use cookies to improve our newsletters and site. <a href="/privacy">Privacy</a></p><button>OK</button></div>
<header><a href="/">{site}</a><nav><ul>{nav_links(("News", "Newsletters", "Podcasts", "Events"))}</ul></nav></header>
<main><article>
<h1>{escape(title)}</h1>
<div class="byline">{escape(c.author or "Briefing Room staff")} · {escape(c.date)}{_updated(c)}</div>
{_lead_figure(cap, credit)}
{_paras(paras[:mid])}
{promo}
{_paras(paras[mid:])}
<p class="nl-cta"><a href="/newsletters">Get our free newsletter →</a></p>
</article>
<aside><h3>Popular newsletters</h3><ul>{lists}</ul></aside></main>
<footer>{nav_links(("About", "Privacy", "Terms"))}<p>&copy; 2024 {site}</p></footer>"""
    return doc(head(title, site, title), body)


def italian_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """An Italian daily's chrome: "Leggi anche:" links between the paragraphs (rotating),
    "Pubblicato il … · Ultimo aggiornamento …", "Tempo di lettura: 4 minuti", "Ascolta
    l'articolo", "Riproduzione riservata ©", "Commenti (N)" and "I più letti"."""
    site = "Il Corriere Nazionale"
    cap, credit = _caption(c)
    paras = _with_dateline(paragraphs, c.dateline)
    titles = [x.title for x in c.teasers] or ["Attualità"]

    def after(i: int) -> list[str]:
        if i in (1, 4) and i < len(paras) - 1:
            x = titles[(c.offset + i) % len(titles)]
            return [f'<p class="leggi-anche"><strong>Leggi anche:</strong> <a href="/articolo/{slug(x)}">{escape(x)}</a></p>']
        return []

    letti = "".join(f'<li><a href="/articolo/{slug(x)}">{escape(x)}</a></li>' for x in titles[c.offset % len(titles):][:5])
    upd = f" · Ultimo aggiornamento: {escape(c.updated)}" if c.updated else ""
    body = f"""<div class="iubenda"><p>Questo sito utilizza cookies tecnici e di profilazione. <a href="/privacy">Informativa sulla privacy</a></p><button>Accetta</button><button>Rifiuta</button></div>
<header><a href="/">{site}</a><nav><ul>{nav_links(("Politica", "Esteri", "Economia", "Cronaca", "Sport"))}</ul></nav><a href="/abbonati">Abbonati</a></header>
<main><article>
<h1>{escape(title)}</h1>
<div class="info">di {escape(c.author or "Redazione")} · Pubblicato il {escape(c.date)}{upd} · Tempo di lettura: {3 + len(paras) // 4} minuti · <button>Ascolta l'articolo</button></div>
<figure><img src="/img/apertura.jpg" alt=""><figcaption>{escape(cap)} ({escape(credit)})</figcaption></figure>
<div class="testo">
{_paras_with(paras, after)}
</div>
<p class="riproduzione">Riproduzione riservata © Copyright {site}</p>
<div class="commenti"><a href="#commenti">Commenti ({8 + c.tick})</a></div>
</article>
<aside><h2>I più letti</h2><ol>{letti}</ol></aside></main>
<footer>{nav_links(("Chi siamo", "Contatti", "Privacy", "Cookie policy"))}<p>&copy; 2024 {site} - P.IVA 01234567890</p></footer>"""
    return doc(head(title, site, title), body)


def polish_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A Polish portal's chrome: "REKLAMA" slots, "Czytaj także:" links between the paragraphs
    (rotating), "Aktualizacja: …", "Udostępnij", "Komentarze (N)", "Najczęściej czytane"."""
    site = "Gazeta Codzienna"
    cap, credit = _caption(c)
    paras = _with_dateline(paragraphs, c.dateline)
    titles = [x.title for x in c.teasers] or ["Wiadomości"]

    def after(i: int) -> list[str]:
        out = []
        if i == 0:
            out.append('<div class="reklama"><span>REKLAMA</span><div class="ad-slot"></div></div>')
        if i == 2 and i < len(paras) - 1:
            x = titles[(c.offset + i) % len(titles)]
            out.append(f'<p><b>Czytaj także:</b> <a href="/wiadomosci/{slug(x)}">{escape(x)}</a></p>')
        return out

    czytane = "".join(f'<li><a href="/wiadomosci/{slug(x)}">{escape(x)}</a></li>' for x in titles[c.offset % len(titles):][:5])
    upd = f" · Aktualizacja: {escape(c.updated)}" if c.updated else ""
    body = f"""<div class="rodo"><p>Używamy plików cookies (cookies). <a href="/polityka-prywatnosci">Polityka prywatności (privacy)</a></p><button>Akceptuję</button></div>
<header><a href="/">{site}</a><nav><ul>{nav_links(("Kraj", "Świat", "Biznes", "Sport", "Kultura"))}</ul></nav></header>
<main><article>
<h1>{escape(title)}</h1>
<div class="autor">{escape(c.author or "Redakcja")} · {escape(c.date)}{upd}</div>
<div class="share"><a href="https://www.facebook.com/sharer/sharer.php?u=x">Udostępnij</a></div>
<figure><img src="/img/glowne.jpg" alt=""><figcaption>{escape(cap)} Fot. {escape(credit)}</figcaption></figure>
{_paras_with(paras, after)}
<div class="komentarze"><a href="#komentarze">Komentarze ({15 + 2 * c.tick})</a></div>
</article>
<aside><h2>Najczęściej czytane</h2><ol>{czytane}</ol></aside></main>
<footer>{nav_links(("Kontakt", "Regulamin", "Prywatność"))}<p>&copy; 2024 {site}. Wszelkie prawa zastrzeżone.</p></footer>"""
    return doc(head(title, site, title), body)


_GLOSSARY = ("a term defined in our glossary, first used by 12 agencies in 1994",
             "see our explainer: 3 things to know about it")


def glossary_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """An explainer site whose terms carry tooltips: a word of a sentence wraps its definition in
    an element shown on hover ("role=tooltip"), so the definition sits inside the sentence in the
    markup; "Related explainers" rotate; "Updated" and "Share" in the header."""
    site = "Plain Terms"
    cap, credit = _caption(c)
    paras = list(_with_dateline(paragraphs, c.dateline))

    def para(i: int, p: str) -> str:
        words = p.split(" ")
        if i in (0, 2) and len(words) > 8:
            k = 4
            tip = (f'<span class="term" tabindex="0">{escape(words[k])}<span class="term-definition" role="tooltip">'
                   f'{escape(_GLOSSARY[i // 2])}</span></span>')
            return f"<p>{escape(' '.join(words[:k]))} {tip} {escape(' '.join(words[k + 1:]))}</p>"
        return f"<p>{escape(p)}</p>"

    related = "".join(f'<li><a href="/explainers/{slug(x.title)}">{escape(x.title)}</a></li>'
                      for x in c.teasers[c.offset % max(1, len(c.teasers)):][:3])
    body = f"""<div class="cookie"><p>We use cookies for analytics. <a href="/privacy">Privacy policy</a></p><button>OK</button></div>
<header><a href="/">{site}</a><nav><ul>{nav_links(("Explainers", "Glossary", "About"))}</ul></nav></header>
<main><article>
<h1>{escape(title)}</h1>
<div class="meta">{escape(c.author or "Plain Terms")} · {escape(c.date)}{_updated(c)} · <a href="https://twitter.com/intent/tweet">Share</a></div>
{_lead_figure(cap, credit)}
{chr(10).join(para(i, p) for i, p in enumerate(paras))}
</article>
<aside><h3>Related explainers</h3><ul>{related}</ul></aside></main>
<footer>{nav_links(("About", "Privacy", "Terms"))}<p>&copy; 2024 {site}</p></footer>"""
    return doc(head(title, site, title), body)


def readmore_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A story whose body is collapsed after its third paragraph behind a "Read full article"
    button (the rest is in the page, hidden by a class until the button is pressed), with a "Top
    stories" rail of cards and a "Trending" strip that rotate."""
    site = "The Northern Times"
    cap, credit = _caption(c)
    paras = _with_dateline(paragraphs, c.dateline)
    cut = min(3, len(paras))
    cards = "".join(f'<div class="card"><a href="/news/{slug(x.title)}"><img src="/img/{slug(x.title)}.jpg" alt=""><h3>{escape(x.title)}</h3></a></div>'
                    for x in c.teasers[c.offset % max(1, len(c.teasers)):][:3])
    trending = " · ".join(f'<a href="/t/{slug(x.title)}">{escape(x.title)}</a>' for x in c.teasers[(c.offset + 1) % max(1, len(c.teasers)):][:3])
    body = f"""<div class="cookie"><p>We use cookies. <a href="/privacy">Privacy policy</a></p><button>Accept</button></div>
<header><a href="/">{site}</a><nav><ul>{nav_links(("News", "Politics", "Business", "Sport"))}</ul></nav></header>
<div class="trending">Trending: {trending}</div>
<main><article>
<h1>{escape(title)}</h1>
<div class="byline">{escape(c.author or "Times reporters")} · {escape(c.date)}{_updated(c)}</div>
{_lead_figure(cap, credit)}
<div class="article-body">
{_paras(paras[:cut])}
<div class="article-rest is-collapsed">
{_paras(paras[cut:])}
</div>
<div class="expand"><button>Read full article</button></div>
</div>
</article>
<section class="top-stories"><h2>Top stories</h2>{cards}</section></main>
<footer>{nav_links(("About", "Privacy", "Terms"))}<p>&copy; 2024 {site}</p></footer>"""
    return doc(head(title, site, title), body)


def liveupdates_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A story that points to the live coverage of the same event: a banner inside the story
    ("LIVE · Follow the latest updates · 14 new updates", the count growing at every check) linking
    to the live page, a "Key events" list of times and headlines in the sidebar."""
    site = "Daily Report"
    cap, credit = _caption(c)
    paras = _with_dateline(paragraphs, c.dateline)
    t = c.tick
    mid = min(2, len(paras))
    banner = (f'<div class="live-banner"><span class="live">LIVE</span> <a href="/live/{slug(title)}">Follow the latest '
              f'updates</a> · <span>{14 + 3 * t} new updates</span></div>')
    events = "".join(f'<li><time>{_clock(540 + 25 * k + 5 * t)}</time> <a href="/live/{slug(x.title)}">{escape(x.title)}</a></li>'
                     for k, x in enumerate(c.teasers[c.offset % max(1, len(c.teasers)):][:4]))
    body = f"""<div class="cookie"><p>Cookies help us run this site. <a href="/privacy">Privacy</a></p><button>OK</button></div>
<header><a href="/">{site}</a><nav><ul>{nav_links(("News", "Live", "World", "Business"))}</ul></nav></header>
<main><article>
<h1>{escape(title)}</h1>
<div class="byline">{escape(c.author or "Daily Report staff")} · {escape(c.date)}{_updated(c)}</div>
{_lead_figure(cap, credit)}
{_paras(paras[:mid])}
{banner}
{_paras(paras[mid:])}
</article>
<aside><h3>Key events</h3><ul>{events}</ul></aside></main>
<footer>{nav_links(("About", "Privacy", "Terms"))}<p>&copy; 2024 {site}</p></footer>"""
    return doc(head(title, site, title), body)


_QUIZ = (("How many people live in the region?", ("About 1 million", "About 3 million", "About 5 million")),
         ("In which year did the program start?", ("2009", "2014", "2019")),
         ("What share of the budget goes to schools?", ("12%", "25%", "40%")))


def quiz_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A story with a news quiz inside it: "Quiz · Question 2 of 5", a question and answer buttons
    with figures, the question changing at every load, and "Score: 3/5" for the returning reader;
    "More quizzes" after the story."""
    site = "The Daily Brief"
    cap, credit = _caption(c)
    paras = _with_dateline(paragraphs, c.dateline)
    k = (c.offset + c.tick) % len(_QUIZ)
    q, options = _QUIZ[k]
    quiz = (f'<div class="quiz"><div class="quiz-label">Quiz · Question {k + 1} of 5</div><p class="question">{escape(q)}</p>'
            + "".join(f"<button>{escape(o)}</button>" for o in options)
            + f'<div class="score">Score: {c.tick % 5}/5</div></div>')
    mid = min(3, len(paras))
    more = "".join(f'<li><a href="/quiz/{slug(x.title)}">{escape(x.title)}</a></li>'
                   for x in c.teasers[c.offset % max(1, len(c.teasers)):][:3])
    body = f"""<div class="cookie"><p>We use cookies to remember your quiz scores. <a href="/privacy">Privacy</a></p><button>OK</button></div>
<header><a href="/">{site}</a><nav><ul>{nav_links(("News", "Quizzes", "Games"))}</ul></nav></header>
<main><article>
<h1>{escape(title)}</h1>
<div class="byline">{escape(c.author or "Brief staff")} · {escape(c.date)}{_updated(c)}</div>
{_lead_figure(cap, credit)}
{_paras(paras[:mid])}
{quiz}
{_paras(paras[mid:])}
</article>
<aside><h3>More quizzes</h3><ul>{more}</ul></aside></main>
<footer>{nav_links(("About", "Privacy", "Terms"))}<p>&copy; 2024 {site}</p></footer>"""
    return doc(head(title, site, title), body)


def topcomment_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A story that quotes one reader comment inside the story ("Top comment", the comment, its
    author and like count), which comment changing as votes come in; "Join the conversation (N
    comments)" after the story."""
    site = "Hometown Herald"
    cap, credit = _caption(c)
    paras = _with_dateline(paragraphs, c.dateline)
    name, text, base = COMMENT_POOL[(c.offset + c.tick) % len(COMMENT_POOL)]
    top = (f'<blockquote class="top-comment"><div>Top comment</div><p>{escape(text)}</p>'
           f'<footer>{escape(name)} · {_likes(base, c.offset, c.tick)} likes</footer></blockquote>')
    mid = min(3, len(paras))
    body = f"""<div class="cookie"><p>This site uses cookies. <a href="/privacy">Privacy policy</a></p><button>Close</button></div>
<header><a href="/">{site}</a><nav><ul>{nav_links(("Local", "Schools", "Sports", "Opinion"))}</ul></nav></header>
<main><article>
<h1>{escape(title)}</h1>
<div class="byline">{escape(c.author or "Herald staff")} · {escape(c.date)}{_updated(c)}</div>
{_lead_figure(cap, credit)}
{_paras(paras[:mid])}
{top}
{_paras(paras[mid:])}
<div class="join"><a href="#comments">Join the conversation ({40 + 3 * c.tick} comments)</a></div>
</article>
<aside><h3>Local headlines</h3><ul>{"".join(f'<li><a href="/local/{slug(x.title)}">{escape(x.title)}</a></li>' for x in c.teasers[c.offset % max(1, len(c.teasers)):][:4])}</ul></aside></main>
<footer>{nav_links(("About", "Privacy", "Terms"))}<p>&copy; 2024 {site}</p></footer>"""
    return doc(head(title, site, title), body)


def dutch_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A Dutch daily's chrome: "Lees ook" links between the paragraphs (rotating), "ADVERTENTIE"
    slots, "Gepubliceerd op … · Bijgewerkt op …", "Leestijd 4 minuten", "Delen", "Reacties (N)",
    "Meest gelezen"."""
    site = "Het Dagblad"
    cap, credit = _caption(c)
    paras = _with_dateline(paragraphs, c.dateline)
    titles = [x.title for x in c.teasers] or ["Nieuws"]

    def after(i: int) -> list[str]:
        if i == 1 and i < len(paras) - 1:
            x = titles[(c.offset + i) % len(titles)]
            return [f'<p class="lees-ook"><strong>Lees ook</strong> › <a href="/nieuws/{slug(x)}">{escape(x)}</a></p>',
                    '<div class="ad"><span>ADVERTENTIE</span><div class="slot"></div></div>']
        return []

    gelezen = "".join(f'<li><a href="/nieuws/{slug(x)}">{escape(x)}</a></li>' for x in titles[c.offset % len(titles):][:5])
    upd = f" · Bijgewerkt op {escape(c.updated)}" if c.updated else ""
    body = f"""<div class="cmp"><p>Wij gebruiken cookies om de site te verbeteren. <a href="/privacy">Privacyverklaring (privacy)</a></p><button>Akkoord</button></div>
<header><a href="/">{site}</a><nav><ul>{nav_links(("Binnenland", "Buitenland", "Economie", "Sport"))}</ul></nav></header>
<main><article>
<h1>{escape(title)}</h1>
<div class="meta">{escape(c.author or "Redactie")} · Gepubliceerd op {escape(c.date)}{upd} · Leestijd {3 + len(paras) // 4} minuten</div>
<figure><img src="/img/foto.jpg" alt=""><figcaption>{escape(cap)} Foto: {escape(credit)}</figcaption></figure>
{_paras_with(paras, after)}
<div class="acties"><a href="https://www.facebook.com/sharer/sharer.php?u=x">Delen</a> <a href="#reacties">Reacties ({9 + c.tick})</a></div>
</article>
<aside><h2>Meest gelezen</h2><ol>{gelezen}</ol></aside></main>
<footer>{nav_links(("Contact", "Voorwaarden", "Privacy"))}<p>&copy; 2024 {site}</p></footer>"""
    return doc(head(title, site, title), body)


_NATIVE_ADS = (("Save 30% on home insurance this summer", "Homeowners who switched saved an average of $412 a year."),
               ("This bank pays 5.1% on savings", "Open an account in 5 minutes with no monthly fees."),
               ("Seniors: 3 mistakes to avoid with Medicare", "Over 2 million readers checked their plan this year."))


def nativead_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """Native advertising between the paragraphs, styled like the story: a "Sponsored" label, an
    advertiser's headline and claim with figures ("Save 30% …", "an average of $412 a year"), "Learn
    more", rotating at every load; "Promoted stories" after the story."""
    site = "The Metro Tribune"
    cap, credit = _caption(c)
    paras = _with_dateline(paragraphs, c.dateline)
    k = (c.offset + c.tick) % len(_NATIVE_ADS)

    def ad(j: int) -> str:
        head_, text = _NATIVE_ADS[j % len(_NATIVE_ADS)]
        return (f'<div class="native"><span class="label">Sponsored</span><h4><a href="https://ads.example.com/c/{j}">'
                f'{escape(head_)}</a></h4><p>{escape(text)}</p><a href="https://ads.example.com/c/{j}">Learn more</a></div>')

    def after(i: int) -> list[str]:
        return [ad(k + i)] if i in (1, 4) and i < len(paras) - 1 else []

    promoted = "".join(f'<li><a href="https://ads.example.com/p/{j}">{escape(_NATIVE_ADS[(k + j) % 3][0])}</a></li>' for j in range(3))
    body = f"""<div class="cookie"><p>We and our advertising partners use cookies. <a href="/privacy">Privacy</a></p><button>Accept</button></div>
<header><a href="/">{site}</a><nav><ul>{nav_links(("News", "Local", "Business", "Opinion"))}</ul></nav></header>
<main><article>
<h1>{escape(title)}</h1>
<div class="byline">{escape(c.author or "Tribune staff")} · {escape(c.date)}{_updated(c)}</div>
{_lead_figure(cap, credit)}
{_paras_with(paras, after)}
</article>
<section class="promoted"><h3>Promoted stories</h3><ul>{promoted}</ul></section>
<aside><h3>Latest</h3><ul>{"".join(f'<li><a href="/news/{slug(x.title)}">{escape(x.title)}</a></li>' for x in c.teasers[c.offset % max(1, len(c.teasers)):][:3])}</ul></aside></main>
<footer>{nav_links(("About", "Privacy", "Ad choices"))}<p>&copy; 2024 {site}</p></footer>"""
    return doc(head(title, site, title), body)


def sidenotes_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A long-form blog with sidenotes: a numbered note set in the margin, written inside the
    paragraph after the word it annotates (a toggle label and checkbox, then the note's span), as
    the popular sidenote stylesheets do; "Further reading" and the archive in the sidebar. Which
    paragraphs carry a note follows from their opening words, so a note moves with its paragraph."""
    site = "Marginalia"
    cap, credit = _caption(c)
    paras = list(_with_dateline(paragraphs, c.dateline))
    notes = ("The figure was first reported in a 2019 study of 48 countries.",
             "Earlier estimates ranged from 12 to 15 percent, depending on the source.")

    def para(i: int, p: str) -> str:
        words = p.split(" ")
        h = zlib.crc32(p[:30].encode())  # a note on the paragraphs whose opening words say so, and which note
        if h % 6 == 1 and len(words) > 10:
            note = (f'<label for="sn-{i}" class="margin-toggle sidenote-number"></label><input type="checkbox" id="sn-{i}" '
                    f'class="margin-toggle"><span class="sidenote">{escape(notes[h // 6 % 2])}</span>')
            return f"<p>{escape(' '.join(words[:8]))}{note} {escape(' '.join(words[8:]))}</p>"
        return f"<p>{escape(p)}</p>"

    further = "".join(f'<li><a href="/posts/{slug(x.title)}">{escape(x.title)}</a></li>'
                      for x in c.teasers[c.offset % max(1, len(c.teasers)):][:3])
    body = f"""<div class="cookie"><p>This blog uses cookies for its statistics. <a href="/privacy">Privacy</a></p><button>OK</button></div>
<header><a href="/">{site}</a><nav><ul>{nav_links(("Essays", "Notes", "About"))}</ul></nav></header>
<main><article>
<h1>{escape(title)}</h1>
<p class="subtitle">{escape(c.author or "Essay")} · {escape(c.date)}{_updated(c)}</p>
{_lead_figure(cap, credit)}
<section>
{chr(10).join(para(i, p) for i, p in enumerate(paras))}
</section>
</article>
<aside><h3>Further reading</h3><ul>{further}</ul></aside></main>
<footer>{nav_links(("Feed", "Privacy", "Contact"))}<p>&copy; 2024 {site}</p></footer>"""
    return doc(head(title, site, title), body)


def factbox_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A story with a "By the numbers" box: the figures of the story's first sentences set as a
    list beside it, kept in step with the story, and a "Fast facts" line; "More coverage" links."""
    site = "The Standard Observer"
    cap, credit = _caption(c)
    paras = _with_dateline(paragraphs, c.dateline)
    items = "".join(f"<li>{escape(p.split('. ')[0].rstrip('.'))}.</li>" for p in paras[1:4])
    box = f'<aside class="by-the-numbers"><h3>By the numbers</h3><ul>{items}</ul></aside>'
    mid = min(2, len(paras))
    body = f"""<div class="cookie"><p>We use cookies to analyse traffic. <a href="/privacy">Privacy</a></p><button>OK</button></div>
<header><a href="/">{site}</a><nav><ul>{nav_links(("News", "Politics", "World", "Data"))}</ul></nav></header>
<main><article>
<h1>{escape(title)}</h1>
<div class="byline">{escape(c.author or "Observer staff")} · {escape(c.date)}{_updated(c)}</div>
{_lead_figure(cap, credit)}
{_paras(paras[:mid])}
{box}
{_paras(paras[mid:])}
</article>
<aside><h3>More coverage</h3><ul>{"".join(f'<li><a href="/news/{slug(x.title)}">{escape(x.title)}</a></li>' for x in c.teasers[c.offset % max(1, len(c.teasers)):][:3])}</ul></aside></main>
<footer>{nav_links(("About", "Privacy", "Terms"))}<p>&copy; 2024 {site}</p></footer>"""
    return doc(head(title, site, title), body)


def regwall_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A soft registration wall in the story after its second paragraph ("Create a free account to
    keep reading — 3 of 5 free stories left", "Sign in" / "Create account" buttons, the count going
    down), with the whole story still in the page; "Popular" rail."""
    site = "The Valley Journal"
    cap, credit = _caption(c)
    paras = _with_dateline(paragraphs, c.dateline)
    left = 5 - c.tick % 5
    wall = (f'<div class="regwall"><p>Create a free account to keep reading — {left} of 5 free stories left this month.</p>'
            '<button>Sign in</button><button>Create account</button></div>')
    mid = min(2, len(paras))
    body = f"""<div class="cookie"><p>We use cookies to count your free stories. <a href="/privacy">Privacy</a></p><button>OK</button></div>
<header><a href="/">{site}</a><nav><ul>{nav_links(("News", "Business", "Sports", "Opinion"))}</ul></nav></header>
<main><article>
<h1>{escape(title)}</h1>
<div class="byline">{escape(c.author or "Journal staff")} · {escape(c.date)}{_updated(c)}</div>
{_lead_figure(cap, credit)}
{_paras(paras[:mid])}
{wall}
{_paras(paras[mid:])}
</article>
<aside><h3>Popular</h3><ol>{"".join(f'<li><a href="/news/{slug(x.title)}">{escape(x.title)}</a></li>' for x in c.teasers[c.offset % max(1, len(c.teasers)):][:4])}</ol></aside></main>
<footer>{nav_links(("About", "Privacy", "Terms"))}<p>&copy; 2024 {site}</p></footer>"""
    return doc(head(title, site, title), body)


def weatherbox_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A local paper's story with the local weather box inside it ("Springfield 72°F · Sunny ·
    H 78° L 60° · Wind 8 mph", moving every check) and a traffic box ("I-90 EB: 12 min delay"),
    "Local headlines" rotating."""
    site = "Springfield Daily"
    cap, credit = _caption(c)
    paras = _with_dateline(paragraphs, c.dateline)
    t = c.tick
    weather = (f'<div class="wx"><div>Springfield</div><div>{68 + t % 9}°F</div><div>{("Sunny", "Cloudy", "Rain")[t % 3]}</div>'
               f'<div>H {75 + t % 5}° L {58 + t % 4}°</div><div>Wind {5 + t % 7} mph</div></div>')
    traffic = f'<div class="traffic"><div>Traffic</div><div>I-90 EB: {8 + 2 * (t % 6)} min delay</div><div>Route 9 NB: clear</div></div>'
    mid = min(3, len(paras))
    body = f"""<div class="cookie"><p>We use cookies. <a href="/privacy">Privacy</a></p><button>OK</button></div>
<header><a href="/">{site}</a><nav><ul>{nav_links(("Local", "Weather", "Traffic", "Sports"))}</ul></nav></header>
<main><article>
<h1>{escape(title)}</h1>
<div class="byline">{escape(c.author or "Daily staff")} · {escape(c.date)}{_updated(c)}</div>
{_lead_figure(cap, credit)}
{_paras(paras[:mid])}
{weather}
{traffic}
{_paras(paras[mid:])}
</article>
<aside><h3>Local headlines</h3><ul>{"".join(f'<li><a href="/local/{slug(x.title)}">{escape(x.title)}</a></li>' for x in c.teasers[c.offset % max(1, len(c.teasers)):][:4])}</ul></aside></main>
<footer>{nav_links(("About", "Privacy", "Terms"))}<p>&copy; 2024 {site}</p></footer>"""
    return doc(head(title, site, title), body)


_HELPLINES = ("If you or someone you know is struggling, call or text 988 to reach the Suicide & Crisis Lifeline, "
              "available 24 hours a day.",
              "In the UK, Samaritans can be contacted on 116 123. In Australia, Lifeline is on 13 11 14.")


def helpline_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A story closed by a support box, as publishers add to stories on crises: "If you need
    support" with helpline numbers ("call or text 988", "Samaritans … 116 123", "Lifeline … 13 11
    14"), which of them shown varying with the reader's region; a content note above the story;
    "Related" cards."""
    site = "The Public Record"
    cap, credit = _caption(c)
    paras = _with_dateline(paragraphs, c.dateline)
    lines = _HELPLINES if (c.offset + c.tick) % 2 else _HELPLINES[:1]
    support = ('<aside class="support"><h3>If you need support</h3>' + "".join(f"<p>{escape(x)}</p>" for x in lines)
               + "</aside>")
    cards = "".join(f'<div class="card"><a href="/story/{slug(x.title)}"><img src="/img/{slug(x.title)}.jpg" alt=""><span>{escape(x.title)}</span></a></div>'
                    for x in c.teasers[c.offset % max(1, len(c.teasers)):][:3])
    body = f"""<div class="cookie"><p>We use cookies to understand how you use our site. <a href="/privacy">Privacy</a></p><button>OK</button></div>
<header><a href="/">{site}</a><nav><ul>{nav_links(("News", "Health", "Investigations", "Opinion"))}</ul></nav></header>
<main><article>
<h1>{escape(title)}</h1>
<div class="byline">{escape(c.author or "Public Record staff")} · {escape(c.date)}{_updated(c)}</div>
{_lead_figure(cap, credit)}
{_paras(paras)}
{support}
</article>
<section class="related"><h2>Related</h2>{cards}</section></main>
<footer>{nav_links(("About", "Privacy", "Corrections", "Contact"))}<p>&copy; 2024 {site}</p></footer>"""
    return doc(head(title, site, title), body)


_LIST_HEADINGS = ("The background", "What officials say", "What the numbers show", "Why it matters", "What critics say",
                  "The open questions", "What happens next", "The money", "The people affected", "The bigger picture")


def listicle_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A list-style article: every paragraph under a numbered heading ("12. What officials say"),
    so a paragraph moved or split renumbers every heading after it; which heading a paragraph has
    follows from its opening words, so it moves with its paragraph. "Share this list" and "More
    lists" around it."""
    site = "Listwise"
    cap, credit = _caption(c)
    paras = _with_dateline(paragraphs, c.dateline)
    items = "\n".join(f"<h2>{i + 1}. {_LIST_HEADINGS[zlib.crc32(p[:30].encode()) % len(_LIST_HEADINGS)]}</h2>\n"
                      f"<p>{escape(p)}</p>" for i, p in enumerate(paras))
    more = "".join(f'<li><a href="/lists/{slug(x.title)}">{escape(x.title)}</a></li>'
                   for x in c.teasers[c.offset % max(1, len(c.teasers)):][:4])
    body = f"""<div class="cookie"><p>Cookies keep this site free. <a href="/privacy">Privacy</a></p><button>Accept</button></div>
<header><a href="/">{site}</a><nav><ul>{nav_links(("Lists", "News", "Money"))}</ul></nav></header>
<main><article>
<h1>{escape(title)}</h1>
<div class="byline">{escape(c.author or "Listwise staff")} · {escape(c.date)}{_updated(c)}</div>
{_lead_figure(cap, credit)}
{items}
<div class="share"><a href="https://twitter.com/intent/tweet">Share this list</a></div>
</article>
<aside><h3>More lists</h3><ul>{more}</ul></aside></main>
<footer>{nav_links(("About", "Privacy", "Terms"))}<p>&copy; 2024 {site}</p></footer>"""
    return doc(head(title, site, title), body)


def profile_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A contributor network's story: the byline box with the writer's counts ("Senior
    Contributor · 1,234 articles · 12.3K followers", growing as they publish), "Follow", the
    writer's bio under the story ("… has written about cities since 2012"), and "More from" the
    writer that rotates."""
    site = "Contributor Network"
    cap, credit = _caption(c)
    paras = _with_dateline(paragraphs, c.dateline)
    t = c.tick
    author = c.author or "Dana Whitfield"
    more = "".join(f'<li><a href="/sites/{slug(author)}/{slug(x.title)}">{escape(x.title)}</a></li>'
                   for x in c.teasers[c.offset % max(1, len(c.teasers)):][:3])
    body = f"""<div class="cookie"><p>We and our partners use cookies. <a href="/privacy">Privacy statement</a></p><button>Accept all</button></div>
<header><a href="/">{site}</a><nav><ul>{nav_links(("Business", "Money", "Tech", "Leadership"))}</ul></nav></header>
<main><article>
<h1>{escape(title)}</h1>
<div class="contrib"><a href="/sites/{slug(author)}">{escape(author)}</a><div>Senior Contributor · {1234 + t:,} articles · {_compact(12300 + 40 * t)} followers</div><button>Follow</button></div>
<div class="date">{escape(c.date)}{_updated(c)}</div>
{_lead_figure(cap, credit)}
{_paras(paras)}
<div class="bio"><p>{escape(author)} is a senior contributor who has written about cities and budgets since 2012. <a href="https://twitter.com/example">Follow me on X</a>.</p></div>
</article>
<aside><h3>More from {escape(author)}</h3><ul>{more}</ul></aside></main>
<footer>{nav_links(("About", "Privacy", "Terms", "Contributor guidelines"))}<p>&copy; 2024 {site}</p></footer>"""
    return doc(head(title, site, title), body)


def translated_page(title: str, paragraphs: Sequence[str], c: Chrome) -> str:
    """A multilingual outlet's story: "Read in: Español · Français · Deutsch" above it, "This
    article was translated from the German by …" under the byline, "Also available in 4 languages",
    and "Most read" in the reader's language rotating."""
    site = "Europe Today"
    cap, credit = _caption(c)
    paras = _with_dateline(paragraphs, c.dateline)
    langs = " · ".join(f'<a href="/{code}/{slug(title)}">{name}</a>' for code, name in (("es", "Español"), ("fr", "Français"), ("de", "Deutsch")))
    most = "".join(f'<li><a href="/en/{slug(x.title)}">{escape(x.title)}</a></li>'
                   for x in c.teasers[c.offset % max(1, len(c.teasers)):][:4])
    body = f"""<div class="consent"><p>We use cookies. <a href="/privacy">Privacy policy</a></p><button>Accept</button></div>
<header><a href="/">{site}</a><nav><ul>{nav_links(("Europe", "World", "Economy", "Culture"))}</ul></nav></header>
<main><article>
<div class="langs">Read in: {langs}</div>
<h1>{escape(title)}</h1>
<div class="byline">{escape(c.author or "Europe Today")} · {escape(c.date)}{_updated(c)}</div>
<p class="translation"><em>This article was translated from the German by Anna Keller.</em></p>
{_lead_figure(cap, credit)}
{_paras(paras)}
<p class="available">Also available in 4 languages.</p>
</article>
<aside><h3>Most read</h3><ol>{most}</ol></aside></main>
<footer>{nav_links(("About", "Privacy", "Languages"))}<p>&copy; 2024 {site}</p></footer>"""
    return doc(head(title, site, title), body)


GENERATORS: dict[str, Callable[[str, Sequence[str], Chrome], str]] = {
    "components": components_page,
    "cardgrid": cardgrid_page,
    "inline": inline_page,
    "liveblog": liveblog_page,
    "relatedfirst": relatedfirst_page,
    "comments": comments_page,
    "asides": asides_page,
    "embeds": embeds_page,
    "tables": tables_page,
    "wire": wire_page,
    "regional": regional_page,
    "gallery": gallery_page,
    "newsletter": newsletter_page,
    "amp": amp_page,
    "govpress": govpress_page,
    "wiki": wiki_page,
    "nextjs": nextjs_page,
    "blog": blog_page,
    "markets": markets_page,
    "localtv": localtv_page,
    "community": community_page,
    "metered": metered_page,
    "scholarly": scholarly_page,
    "socialembeds": socialembeds_page,
    "prwire": prwire_page,
    "aggregator": aggregator_page,
    "breaking": breaking_page,
    "sports": sports_page,
    "appbanner": appbanner_page,
    "explainer": explainer_page,
    "transcript": transcript_page,
    "factcheck": factcheck_page,
    "nextstory": nextstory_page,
    "printview": printview_page,
    "french": french_page,
    "spanish": spanish_page,
    "platform": platform_page,
    "datachart": datachart_page,
    "timeline": timeline_page,
    "accessible": accessible_page,
    "feature": feature_page,
    "aisummary": aisummary_page,
    "nonprofit": nonprofit_page,
    "joomla": joomla_page,
    "emailweb": emailweb_page,
    "interview": interview_page,
    "videoplayer": videoplayer_page,
    "signup": signup_page,
    "italian": italian_page,
    "polish": polish_page,
    "glossary": glossary_page,
    "readmore": readmore_page,
    "liveupdates": liveupdates_page,
    "quiz": quiz_page,
    "topcomment": topcomment_page,
    "dutch": dutch_page,
    "nativead": nativead_page,
    "sidenotes": sidenotes_page,
    "factbox": factbox_page,
    "regwall": regwall_page,
    "weatherbox": weatherbox_page,
    "helpline": helpline_page,
    "listicle": listicle_page,
    "profile": profile_page,
    "translated": translated_page,
}
NEW_MARKUPS: tuple[str, ...] = tuple(GENERATORS)
SITES: dict[str, str] = {"components": "Northern Dispatch", "cardgrid": "Metro Courier", "inline": "The Evening Post",
                         "liveblog": "World Wire", "relatedfirst": "Coastal Gazette", "comments": "Valley Voice",
                         "asides": "The Long Read", "embeds": "Daily Ledger", "tables": "County Times Online",
                         "wire": "Global Wire", "regional": "Rhein-Kurier", "gallery": "Harbor Herald",
                         "newsletter": "The Policy Memo", "amp": "Metro Now", "govpress": "GOV.EXAMPLE",
                         "wiki": "Wikipedia", "nextjs": "The Signal", "blog": "Riverside Notes",
                         "markets": "Market Street Journal", "localtv": "WXYZ 7 News",
                         "community": "Maple Grove Patch", "metered": "The Capital Times",
                         "scholarly": "Journal of Public Policy Research", "socialembeds": "The Daily Pulse",
                         "prwire": "Wire Release Network", "aggregator": "NewsNow Hub",
                         "breaking": "National Report", "sports": "Sportsline Daily", "appbanner": "Pocket News",
                         "explainer": "Explained Daily", "transcript": "The Briefing Podcast",
                         "factcheck": "FactCheck Central", "nextstory": "The Morning Standard",
                         "printview": "The Herald Tribune", "french": "Le Quotidien", "spanish": "El Diario Global",
                         "platform": "Inkwell", "datachart": "Data Desk Daily", "timeline": "The Civic Ledger",
                         "accessible": "National Broadcasting News", "feature": "The Atlantic Review",
                         "aisummary": "The Daily Current", "nonprofit": "Open Ledger News",
                         "joomla": "Valley Tribune Online", "emailweb": "The Morning Brief",
                         "interview": "The Conversation Desk", "videoplayer": "Channel 9 News Online",
                         "signup": "The Briefing Room", "italian": "Il Corriere Nazionale", "polish": "Gazeta Codzienna",
                         "glossary": "Plain Terms", "readmore": "The Northern Times", "liveupdates": "Daily Report",
                         "quiz": "The Daily Brief", "topcomment": "Hometown Herald", "dutch": "Het Dagblad",
                         "nativead": "The Metro Tribune", "sidenotes": "Marginalia", "factbox": "The Standard Observer",
                         "regwall": "The Valley Journal", "weatherbox": "Springfield Daily",
                         "helpline": "The Public Record", "listicle": "Listwise", "profile": "Contributor Network",
                         "translated": "Europe Today"}
