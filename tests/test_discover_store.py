"""Discovery wired to the store, against the local outlet whose feeds change (tests/feedsite.py), over
real HTTP with a real SQLite file (and PostgreSQL when one is reachable): articles added, edited and
removed; every kind of feed; a failing feed; one article under several URLs; concurrent runs."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest

from watcher.config import Config, load
from watcher.discover.watched import watched
from watcher.passes import discover_all, run_check
from watcher.store import Store, discovered

from .feedsite import Outlet

PARAS = ["The county budget deficit widened to {fig} percent of output this year, officials said on Monday.",
         "The finance director said revenue from property taxes fell by 12 million dollars compared with last year.",
         "Spending on roads rose to 45 million dollars, according to the budget office.",
         "The council will vote on the plan next month after two public hearings."]


def story(fig: str = "3.1", topic: str = "budget") -> str:
    return "\n\n".join(p.replace("budget", topic).format(fig=fig) for p in PARAS)


def amp_feed(outlet: Outlet, path: str, slugs: list[str], prefix: str = "/amp/", suffix: str = ".html") -> None:
    """An RSS feed at ``path`` whose links are other URLs of the outlet's articles (AMP copies, redirects)."""
    items = "".join(f"<item><title>{s}</title><link>{outlet.url(prefix + s + suffix)}</link></item>" for s in slugs)
    outlet.extra[path] = (200, "application/rss+xml", f'<rss version="2.0"><channel><title>x</title>{items}'
                                                      "</channel></rss>".encode())


@pytest.fixture
def outlet():
    o = Outlet().start()
    now = time.time()
    o.add("budget-deficit", "Budget deficit widens", story(), when=now - 900)
    o.add("rates-held", "Central bank holds rates", story(topic="rates"), when=now - 600)
    yield o
    o.stop()


def config(tmp_path: Path, feeds: str, top: str = "") -> Config:
    path = tmp_path / "watcher.toml"
    path.write_text(f'state_dir = "state"\n{top}\n{feeds}', encoding="utf-8")
    return load(path)


def feed(fid: str, url: str, kind: str = "rss", extra: str = "") -> str:
    return (f'[[feeds]]\nid = "{fid}"\nurl = "{url}"\nkind = "{kind}"\n{extra}\n'
            "[feeds.defaults]\nrespect_robots = false\nretries = 0\n")


def discover(cfg: Config, store: Store, *ids: str):
    return asyncio.run(discover_all(cfg, store, list(ids) or None))


def check(cfg: Config, store: Store):
    w = watched(cfg, store)
    return {r.source: r for r in run_check(cfg, store, sources=w.live(store.source_states()))}


def urls(cfg: Config, store: Store) -> dict[str, str]:
    return {s.url: s.id for s in watched(cfg, store).sources if s.feed}


def warnings_of(store: Store, source: str) -> list:
    return [a for a in store.alerts(source=source) if a.kind == "source_warning"]


def test_new_articles_become_sources_once_and_one_that_leaves_the_feed_is_kept(outlet, tmp_path):
    cfg = config(tmp_path, feed("outlet", outlet.url("/rss.xml")))
    store = Store(cfg.database_url)
    (first,) = discover(cfg, store)
    assert first.outcome == "ok" and len(first.new) == 2 and first.listed == 2
    assert set(urls(cfg, store)) == {outlet.article_url("budget-deficit"), outlet.article_url("rates-held")}
    assert all(s.feed == "outlet" and s.ladder is not None for s in watched(cfg, store).sources)
    (again,) = discover(cfg, store)
    assert again.new == () and again.not_modified  # a conditional GET: nothing downloaded, nothing new
    outlet.add("new-poll", "New poll", story("4.0", "poll"), when=time.time())
    outlet.edit("budget-deficit", story("3.4"))
    outlet.remove("rates-held")
    (third,) = discover(cfg, store)
    assert [r.url for r in third.new] == [outlet.article_url("new-poll")]
    assert outlet.article_url("rates-held") in urls(cfg, store)  # it left the feed: still watched
    with store.transaction() as c:
        rows = {r.url: r for r in discovered.discovered_rows(c)}
    assert rows[outlet.article_url("rates-held")].last_seen < rows[outlet.article_url("budget-deficit")].last_seen


@pytest.mark.parametrize("kind, path, extra", [
    ("atom", "/atom.xml", ""), ("jsonfeed", "/feed.json", ""), ("sitemap", "/sitemap_index.xml", ""),
    ("page", "/news/", 'links = "re:/articles/"'),
])
def test_every_kind_of_feed_stores_the_same_articles(outlet, tmp_path, kind, path, extra):
    cfg = config(tmp_path, feed("f", outlet.url(path), kind, extra))
    store = Store(cfg.database_url)
    (out,) = discover(cfg, store)
    assert out.error is None and len(out.new) == 2, out
    assert set(urls(cfg, store)) == {outlet.article_url("budget-deficit"), outlet.article_url("rates-held")}


def test_a_failing_feed_raises_one_warning_per_streak_and_changes_nothing_else(outlet, tmp_path):
    cfg = config(tmp_path, feed("outlet", outlet.url("/rss.xml")))
    store = Store(cfg.database_url)
    discover(cfg, store)
    before = urls(cfg, store)
    for fault in [(404, "text/html", b"<h1>gone</h1>"), (200, "application/rss+xml", b"\x00\x01garbage"),
                  (503, "text/plain", b"busy")]:
        outlet.extra["/rss.xml"] = fault
        (out,) = discover(cfg, store)
        assert out.error and out.new == ()
    assert len(warnings_of(store, "outlet")) == 1  # one streak, one alert (its source is the feed)
    alert = warnings_of(store, "outlet")[0]
    assert "HTTP 404" in alert.explanation and alert.data.url == outlet.url("/rss.xml")
    assert urls(cfg, store) == before  # the articles are still watched
    with store.transaction() as c:
        assert discovered.feed_state(c, "outlet").failures == 3
    del outlet.extra["/rss.xml"]
    (ok,) = discover(cfg, store)
    assert ok.outcome == "not_modified"  # the good read's ETag was kept through the faults: a 304 now
    with store.transaction() as c:
        assert discovered.feed_state(c, "outlet").failures == 0  # the streak is over
    outlet.extra["/rss.xml"] = (404, "text/html", b"")
    discover(cfg, store)
    assert len(warnings_of(store, "outlet")) == 2  # a new streak


def test_a_malformed_feed_read_leniently_adds_its_articles_and_warns_once(outlet, tmp_path):
    cfg = config(tmp_path, feed("cut", outlet.url("/broken.xml")))
    store = Store(cfg.database_url)
    outs = [discover(cfg, store)[0] for _ in range(2)]
    assert outs[0].outcome == "warning" and "not well-formed" in outs[0].warnings[0] and outs[0].new
    assert len(warnings_of(store, "cut")) == 1


def test_an_amp_copy_found_first_moves_to_the_canonical_page(outlet, tmp_path):
    amp_feed(outlet, "/amp.xml", ["budget-deficit"])
    cfg = config(tmp_path, feed("amp", outlet.url("/amp.xml")) + feed("rss", outlet.url("/rss.xml")))
    store = Store(cfg.database_url)
    discover(cfg, store, "amp")
    (sid,) = urls(cfg, store).values()
    assert urls(cfg, store) == {outlet.url("/amp/budget-deficit.html"): sid}
    results = check(cfg, store)
    assert results[sid].outcome == "baseline"
    assert urls(cfg, store) == {outlet.article_url("budget-deficit"): sid}  # moved to its rel=canonical URL
    assert store.versions(sid)[0].url == outlet.article_url("budget-deficit")  # the baseline is the canonical page's
    (rss,) = discover(cfg, store, "rss")
    assert [r.url for r in rss.new] == [outlet.article_url("rates-held")]  # the canonical URL is known: one source


@pytest.mark.parametrize("prefix, suffix", [("/amp/", ".html"), ("/go/", "")])
def test_an_article_under_a_second_url_is_merged_into_the_source_it_already_is(outlet, tmp_path, prefix, suffix):
    amp_feed(outlet, "/other.xml", ["budget-deficit"], prefix, suffix)
    cfg = config(tmp_path, feed("rss", outlet.url("/rss.xml")) + feed("other", outlet.url("/other.xml")))
    store = Store(cfg.database_url)
    discover(cfg, store, "rss")
    check(cfg, store)
    (dup,) = discover(cfg, store, "other")[0].new  # a URL nobody knew: a source, for now
    results = check(cfg, store)
    original = urls(cfg, store)[outlet.article_url("budget-deficit")]
    assert results[dup.source].outcome == "merged" and original in results[dup.source].message
    assert dup.source not in {s.id for s in watched(cfg, store).sources} and store.versions(dup.source) == []
    assert discover(cfg, store, "other")[0].new == ()  # its URL stays known: not created again
    assert dup.source not in check(cfg, store)


def test_an_article_the_config_already_watches_is_not_discovered_again(outlet, tmp_path):
    src = f'[[sources]]\nid = "mine"\nurl = "{outlet.article_url("budget-deficit")}?utm_source=x"\n'
    amp_feed(outlet, "/amp.xml", ["rates-held"])
    cfg = config(tmp_path, feed("rss", outlet.url("/rss.xml")), top=src)
    store = Store(cfg.database_url)
    (out,) = discover(cfg, store)
    assert [r.url for r in out.new] == [outlet.article_url("rates-held")]
    cfg2 = config(tmp_path, feed("amp", outlet.url("/amp.xml")),
                  top=f'[[sources]]\nid = "held"\nurl = "{outlet.article_url("rates-held")}"\n')
    store2 = Store(cfg2.database_url.replace("watcher.db", "other.db"))
    discover(cfg2, store2)
    (amp,) = [s for s in watched(cfg2, store2).sources if s.feed]
    assert check(cfg2, store2)[amp.id].outcome == "merged"  # its page says it is the config's source


def test_feed_and_source_ids_must_differ(outlet, tmp_path):
    from watcher.config import ConfigError

    with pytest.raises(ConfigError) as err:
        config(tmp_path, feed("news", outlet.url("/rss.xml")), top=f'[[sources]]\nid = "news"\nurl = "{outlet.url("/x")}"\n')
    assert "feed 'news': field 'id'" in str(err.value) and "watcher.toml" in str(err.value)


def test_two_discover_runs_at_once_create_each_article_once(outlet, tmp_path):
    for i in range(40):
        outlet.add(f"story-{i}", f"Story {i}", story(str(i)), when=time.time() - i)
    cfg = config(tmp_path, feed("a", outlet.url("/rss.xml")) + feed("b", outlet.url("/atom.xml")))
    Store(cfg.database_url).close()
    exe = Path(sys.executable).parent / "watcher"
    env = {k: v for k, v in os.environ.items() if k != "WATCHER_CONFIG"}
    runs = [subprocess.Popen([str(exe), "discover", "--config", str(cfg.path)], env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for _ in range(3)]
    for p in runs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    store = Store(cfg.database_url)
    found = watched(cfg, store).sources
    assert len(found) == 42 == len({s.url for s in found})


def _pg_url() -> str | None:
    try:
        import psycopg
    except ImportError:
        return None
    try:
        with psycopg.connect("host=127.0.0.1 user=postgres dbname=postgres", connect_timeout=2, autocommit=True) as c:
            name = f"watcher_test_{uuid.uuid4().hex[:12]}"
            c.execute(f"CREATE DATABASE {name}")
    except psycopg.Error:
        return None
    return f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"


@pytest.fixture
def pg_url():
    url = _pg_url()
    if url is None:
        pytest.skip("PostgreSQL not reachable on 127.0.0.1:5432 (or psycopg not installed: pip install -e '.[postgres]')")
    yield url
    import psycopg

    with psycopg.connect("host=127.0.0.1 user=postgres dbname=postgres", autocommit=True) as c:
        c.execute(f"DROP DATABASE IF EXISTS {url.rsplit('/', 1)[1]} WITH (FORCE)")


def test_concurrent_discovery_on_postgresql_creates_each_article_once(outlet, tmp_path, pg_url):
    for i in range(30):
        outlet.add(f"story-{i}", f"Story {i}", story(str(i)), when=time.time() - i)
    cfg = config(tmp_path, feed("a", outlet.url("/rss.xml")) + feed("b", outlet.url("/feed.json")),
                 top=f'database_url = "{pg_url}"')
    Store(pg_url).close()
    errors: list[BaseException] = []

    def run() -> None:
        store = Store(pg_url)
        try:
            discover(cfg, store)
        except BaseException as e:  # noqa: BLE001 - reported by the assertion below
            errors.append(e)
        finally:
            store.close()

    threads = [threading.Thread(target=run) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    store = Store(pg_url)
    found = watched(cfg, store).sources
    assert len(found) == 32 == len({s.url for s in found})
    first = found[0]
    assert check(cfg, store)[first.id].outcome == "baseline"  # the ladder's age anchor update works there too
    outlet.edit(first.url.rsplit("/", 1)[1].removesuffix(".html"), story("9.9"))
    assert check(cfg, store)[first.id].outcome == "new_version"
    store.close()


def test_discovering_a_5000_entry_sitemap_into_the_store_takes_under_a_second_of_cpu(tmp_path):
    """Fetch, parse, select and store 5,000 new articles: this process's CPU, every thread of it (the
    sitemap is served by another process, so the server's work is not counted)."""
    site = tmp_path / "site"
    site.mkdir()
    urls = "".join(f"<url><loc>http://127.0.0.1/news/2024/story-{i}.html?utm_source=map</loc>"
                   f"<lastmod>2024-05-{1 + i % 28:02d}T08:00:00Z</lastmod></url>" for i in range(5000))
    (site / "map.xml").write_text(f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>')
    server = subprocess.Popen([sys.executable, "-m", "http.server", "0", "--bind", "127.0.0.1", "-d", str(site)],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        port = int(server.stdout.readline().split("port ")[1].split(" ")[0])
        cfg = config(tmp_path, feed("map", f"http://127.0.0.1:{port}/map.xml", "sitemap", "max_articles = 5000"))
        store = Store(cfg.database_url)
        discover(cfg, store)  # warm: imports (feedparser, lxml) and the schema, paid once per process
        store.close()
        (cfg.state_dir / "watcher.db").unlink()
        store = Store(cfg.database_url)
        start = time.process_time()
        (out,) = discover(cfg, store)
        cpu = time.process_time() - start
    finally:
        server.terminate()
        server.wait()
    assert out.error is None and len(out.new) == 5000
    print(f"5,000-entry sitemap: fetched, parsed, selected and stored in {cpu:.3f} s of CPU")
    assert cpu < 1.0, f"{cpu:.2f} s of CPU"
