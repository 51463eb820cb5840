"""Page generators for the tests and the benchmark: the demo's markups (watcher.demo.pages, re-exported
here) and two more — a plain news site with semantic tags and generic div soup — plus two sample
articles. Not in the package: only the tests and bench/bench.py use them (the benchmark imports this
module with the repository root on sys.path).
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from watcher.demo.localsite import LocalSite
from watcher.demo.pages import (
    MENU,
    cookie_banner,
    doc,
    footer,
    head,
    magazine_page,
    nav_links,
    newsletter,
    paras,
    slug,
    thinktank_page,
)
from watcher.demo.teasers import TEASER_POOL, Teaser, rotate

__all__ = ["ARTICLES", "LocalSite", "TEASER_POOL", "Teaser", "div_page", "magazine_page", "news_page", "rotate",
           "thinktank_page"]

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
    most = "".join(f'<li><a href="/news/{slug(s)}">{escape(s)}</a></li>' for s in sidebar)
    share = (
        '<div class="share-buttons"><a href="https://www.facebook.com/sharer/sharer.php">Share on Facebook</a>'
        '<a href="https://twitter.com/intent/tweet">Share on X</a><a href="mailto:?subject=">Email</a>'
        '<button type="button">Copy link</button></div>'
    )
    body = f"""{cookie_banner()}
<header class="masthead"><a class="brand" href="/">{site}</a>
<nav aria-label="Sections"><ul>{nav_links(("News", "Local", "Politics", "Business", "Health", "Opinion", "Sports"))}</ul></nav></header>
<div class="page">
<main>
<article>
<header><h1>{escape(title)}</h1>
<p class="byline">By Staff Reporter · <time datetime="2024-06-19T14:30">Published June 19, 2024</time></p></header>
{upd}
{share}
{paras(first)}
<footer class="article-footer">{share}</footer>
</article>
</main>
<aside class="most-read"><h2>Most read</h2><ol>{most}</ol></aside>
</div>
{newsletter(site)}
{footer(site)}"""
    return doc(head(title, site, title), body)


# --------------------------------------------------------------------------- generic divs


def div_page(title: str, paragraphs: list[str], *, tail_teasers: Sequence[Teaser] = ()) -> str:
    """Generic div soup with no semantic tags/classes; teasers blend into the article tail."""
    site = "Regional Observer"
    tails = "\n".join(
        f"<div><div><p>{escape(t.title)}</p></div>\n<div>{paras(t.paragraphs)}</div></div>"
        for t in tail_teasers
    )
    menu = " ".join(f'<a href="/{slug(m)}">{escape(m)}</a>' for m in MENU)
    body = f"""<div style="position:fixed;bottom:0"><div>We use cookies to improve your experience.
By continuing to browse you agree to our use of cookies. <a href="/privacy">Learn more</a></div></div>
<div><div><a href="/">{site}</a></div><div>{menu}</div></div>
<div>
<div>
<div><h1>{escape(title)}</h1></div>
<div><span>June 19, 2024</span></div>
<div>
{paras(paragraphs)}
</div>
{tails}
</div>
</div>
<div><div>Subscribe to our newsletter</div><div><input type="email"><span>Sign up</span></div></div>
<div><span>Follow us on social</span> <a href="https://twitter.com/example">Twitter</a>
<a href="https://www.facebook.com/example">Facebook</a></div>
<div><div>&copy; 2024 {site}. All rights reserved.</div></div>"""
    return doc(head(title, site, title), body)


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
