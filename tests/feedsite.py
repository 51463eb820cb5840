"""A local news outlet on 127.0.0.1 whose feeds change while a test runs.

It serves, over real HTTP (a threaded ``http.server``):

* ``/articles/<slug>.html`` — each article (its text's blank-line separated paragraphs), declaring its canonical URL (``<link rel=canonical>`` and
  ``og:url``); ``/amp/<slug>.html`` — the same article under a second URL, pointing back to the
  first; ``/go/<slug>`` — a redirect to the article with a tracking parameter on it;
* ``/rss.xml`` (RSS 2.0, links with ``utm_*`` parameters), ``/atom.xml`` (Atom, relative links),
  ``/feed.json`` (JSON Feed 1.1, links with ``fbclid``), each as its real content type;
* ``/sitemap_index.xml`` — a sitemap index of ``/sitemaps/recent.xml.gz`` (gzip-compressed,
  namespaced, Google News extensions) and ``/sitemaps/archive.xml`` (no namespace); and
  ``/sitemaps/all.xml``, every article in one sitemap (for the 5,000-entry measurement);
* ``/news/`` — a section front with article links among navigation links, written relative to
  its ``<base href="/">`` (resolved against the page URL instead, they would 404);
* faults: ``/broken.xml`` (an RSS feed cut off mid-item), ``/garbage.json``, ``/not-a-feed.xml``
  (an HTML consent page where a feed should be), and any other path is a 404.

Feeds are rendered from the outlet's articles at each request, so :meth:`Outlet.add`,
:meth:`Outlet.edit` and :meth:`Outlet.remove` between two reads are what a later read sees. Every
response carries an ``ETag`` of its body and answers a matching ``If-None-Match`` with 304.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import json
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

T0 = 1_714_550_400.0  # 2024-05-01T08:00:00Z, the outlet's first publication


@dataclass
class Article:
    slug: str
    title: str
    text: str
    published: float
    updated: float
    section: str = "news"


@dataclass
class Outlet:
    """The outlet's state; :meth:`start` serves it until :meth:`stop`."""

    articles: dict[str, Article] = field(default_factory=dict)
    extra: dict[str, tuple[int, str, bytes]] = field(default_factory=dict)  # path -> fixed response
    hits: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    # -- the newsroom -------------------------------------------------------------------------

    def add(self, slug: str, title: str, text: str, when: float | None = None) -> Article:
        with self.lock:
            t = when if when is not None else T0 + 3600.0 * len(self.articles)
            art = self.articles[slug] = Article(slug, title, text, t, t)
            return art

    def edit(self, slug: str, text: str, when: float | None = None) -> None:
        with self.lock:
            art = self.articles[slug]
            art.text, art.updated = text, when if when is not None else art.updated + 600.0

    def remove(self, slug: str) -> None:
        with self.lock:
            del self.articles[slug]

    def newest(self) -> list[Article]:
        with self.lock:
            return sorted(self.articles.values(), key=lambda a: -a.published)

    # -- serving --------------------------------------------------------------------------------

    def start(self) -> Outlet:
        outlet = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # no ~40 ms Nagle/delayed-ACK stall per kept-alive response

            def do_GET(self) -> None:  # noqa: N802 - http.server API
                outlet.hits[self.path] = outlet.hits.get(self.path, 0) + 1
                status, headers, body = outlet.respond(self.path)
                etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
                if status == 200 and self.headers.get("If-None-Match") == etag:
                    status, body = 304, b""
                self.send_response(status)
                for k, v in {**headers, "ETag": etag, "Content-Length": str(len(body))}.items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.origin + path

    def article_url(self, slug: str) -> str:
        return self.url(f"/articles/{slug}.html")

    def respond(self, path: str) -> tuple[int, dict[str, str], bytes]:
        if path in self.extra:
            status, ctype, body = self.extra[path]
            return status, {"Content-Type": ctype}, body
        route, _, _query = path.partition("?")
        for prefix, render in (("/articles/", self._article), ("/amp/", self._amp)):
            if route.startswith(prefix) and route.endswith(".html"):
                art = self.articles.get(route[len(prefix):-5])
                if art:
                    return 200, {"Content-Type": "text/html; charset=utf-8"}, render(art).encode()
        if route.startswith("/go/") and route[4:] in self.articles:
            return 301, {"Location": f"/articles/{route[4:]}.html?utm_campaign=share"}, b""
        fixed = {
            "/rss.xml": ("application/rss+xml", self.rss),
            "/atom.xml": ("application/atom+xml; charset=utf-8", self.atom),
            "/feed.json": ("application/feed+json", self.jsonfeed),
            "/sitemap_index.xml": ("application/xml", self.sitemap_index),
            "/sitemaps/recent.xml.gz": ("application/gzip", lambda: gzip.compress(self.sitemap_recent())),
            "/sitemaps/archive.xml": ("text/xml", self.sitemap_archive),
            "/sitemaps/all.xml": ("application/xml", lambda: self.sitemap(self.newest())),
            "/news/": ("text/html; charset=utf-8", self.front),
            "/broken.xml": ("application/rss+xml", lambda: self.rss()[:-60]),
            "/garbage.json": ("application/feed+json", lambda: b'{"version": "https://jsonfeed.org/version/1.1", "items": [{"url": '),
            "/not-a-feed.xml": ("text/html", lambda: b"<!DOCTYPE html><html><body><h1>We value your privacy</h1>"
                                                     b"<button>Accept all</button></body></html>"),
        }
        if route in fixed:
            ctype, make = fixed[route]
            body = make()
            return 200, {"Content-Type": ctype}, body if isinstance(body, bytes) else body.encode()
        return 404, {"Content-Type": "text/html"}, b"<h1>Not found</h1>"

    # -- renderings -------------------------------------------------------------------------------

    def _head(self, art: Article) -> str:
        canon = html.escape(self.article_url(art.slug))
        return (f'<head><title>{html.escape(art.title)}</title><link rel="canonical" href="{canon}">'
                f'<meta property="og:url" content="{canon}"></head>')

    def _article(self, art: Article) -> str:
        body = "".join(f"<p>{html.escape(p)}</p>" for p in art.text.split("\n\n") if p.strip())
        return (f"<!DOCTYPE html><html>{self._head(art)}<body><nav><a href=\"/\">Home</a> <a href=\"/news/\">News</a>"
                f"</nav><article><h1>{html.escape(art.title)}</h1>{body}</article>"
                "<footer><p>© The Outlet. All rights reserved.</p></footer></body></html>")

    def _amp(self, art: Article) -> str:
        return self._article(art).replace("<html>", "<html amp>")

    def rss(self) -> str:
        items = "".join(
            f"<item><title>{html.escape(a.title)}</title>"
            f"<link>{html.escape(self.article_url(a.slug))}?utm_source=rss&amp;utm_medium=feed</link>"
            f"<guid isPermaLink=\"false\">{a.slug}</guid>"
            f"<pubDate>{format_datetime(datetime.fromtimestamp(a.published, UTC), usegmt=True)}</pubDate></item>"
            for a in self.newest())
        return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Outlet</title>'
                f"<link>{self.origin}/</link><description>News</description>{items}</channel></rss>")

    def atom(self) -> str:
        def iso(t: float) -> str:
            return datetime.fromtimestamp(t, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

        entries = "".join(
            f"<entry><title>{html.escape(a.title)}</title><id>urn:outlet:{a.slug}</id>"
            f'<link rel="alternate" href="articles/{a.slug}.html"/><link rel="enclosure" href="media/{a.slug}.jpg"/>'
            f"<published>{iso(a.published)}</published><updated>{iso(a.updated)}</updated></entry>"
            for a in self.newest())
        return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
                f"<title>Outlet</title><id>urn:outlet</id><updated>2024-05-01T08:00:00Z</updated>{entries}</feed>")

    def jsonfeed(self) -> bytes:
        def iso(t: float) -> str:
            return datetime.fromtimestamp(t, UTC).isoformat()

        items: list[dict[str, Any]] = [
            {"id": a.slug, "url": self.article_url(a.slug) + "?fbclid=IwAR0abc", "title": a.title,
             "content_text": a.text, "date_published": iso(a.published), "date_modified": iso(a.updated)}
            for a in self.newest()]
        items.append({"id": "note-1", "content_text": "A note without a link is not an article."})
        return json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "Outlet",
                           "home_page_url": self.origin + "/", "items": items}).encode()

    def _urls(self, arts: list[Article], news: bool) -> str:
        def iso(t: float) -> str:
            return datetime.fromtimestamp(t, UTC).isoformat()

        return "".join(
            f"<url><loc>{html.escape(self.article_url(a.slug))}</loc><lastmod>{iso(a.updated)}</lastmod>"
            + (f"<news:news><news:publication_date>{iso(a.published)}</news:publication_date>"
               f"<news:title>{html.escape(a.title)}</news:title></news:news>" if news else "")
            + "</url>" for a in arts)

    def _split(self) -> tuple[list[Article], list[Article]]:
        """Recent articles (the two newest) and the archive (the rest)."""
        arts = self.newest()
        return arts[:2], arts[2:]

    def sitemap(self, arts: list[Article]) -> bytes:
        """A namespaced sitemap of ``arts`` with the Google News extension."""
        return ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
                + self._urls(arts, news=True) + "</urlset>").encode()

    def sitemap_recent(self) -> bytes:
        return self.sitemap(self._split()[0])

    def sitemap_archive(self) -> str:
        return "<urlset>" + self._urls(self._split()[1], news=False) + "</urlset>"

    def sitemap_index(self) -> str:
        recent, archive = self._split()

        def lastmod(arts: list[Article]) -> str:
            t = max((a.updated for a in arts), default=T0)
            return datetime.fromtimestamp(t, UTC).isoformat()

        return ('<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                f"<sitemap><loc>{self.url('/sitemaps/archive.xml')}</loc><lastmod>{lastmod(archive)}</lastmod></sitemap>"
                f"<sitemap><loc>{self.url('/sitemaps/recent.xml.gz')}</loc><lastmod>{lastmod(recent)}</lastmod></sitemap>"
                "</sitemapindex>")

    def front(self) -> str:
        links = "".join(f'<li><a href="articles/{a.slug}.html"><span>{html.escape(a.title)}</span></a>'
                        f'<a href="articles/{a.slug}.html#comments">comments</a></li>' for a in self.newest())
        return ('<!DOCTYPE html><html><head><base href="/"><title>News</title></head><body>'
                '<nav><a href="/">Home</a><a href="about.html">About</a><a href="mailto:desk@outlet.test">Mail</a>'
                '<a href="javascript:void(0)">Menu</a><a href="tags/budget/">Budget</a></nav>'
                f"<ul>{links}</ul></body></html>")
