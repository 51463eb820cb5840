"""Hostile text: control characters, escape sequences, noncharacters and bidi overrides a watched
page serves never reach the terminal, the Atom feed, the HTML pages, JSON or the stored text.

The pages are real (served on 127.0.0.1, checked by the real CLI): a ``text/plain`` page with raw
``\\x1b[2J``, ``\\x01``, ``\\x0c``, a C1 CSI (``\\x9b``), U+FFFE and a RIGHT-TO-LEFT OVERRIDE around
a figure that then changes; an HTML page with an ESC in its ``<title>`` and ``&#27;`` in its text;
a server whose Content-Type header holds an escape sequence. A database written before the fix
(hostile text stored as it came) is simulated by writing such text through the store directly.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from watcher.config import load
from watcher.demo import LocalSite
from watcher.report.diff import build
from watcher.report.site import change_html
from watcher.report.templating import render
from watcher.report.views import change_view
from watcher.store import AlertData, Store, Version

from .conftest import watcher, write_config

# what must never be printed or stored: C0 but tab/newline, DEL, C1, bidi overrides, noncharacters
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff\ud800-\udfff]")
CLEAR = "\x1b[2J"


def plain(figure: str) -> bytes:
    return ("Harbour report\n\n"
            f"Officials said an estimated {figure} containers\x1b[2J were shipped through the port this year.\n\n"
            "The bridge\x01 will reopen\x0cin June, the \x9b31m county engineer said on Monday.\n\n"
            "A note\ufffe for readers: the \u202eterminal figures 123\u202c are provisional.\n").encode()


def html(figure: str) -> bytes:
    paras = "".join(f"<p>{p}</p>" for p in [
        f"The council approved a budget of {figure} million dollars &#27;[2J for the coming year.",
        "Spending on roads rises by 12 percent, while the library budget stays flat at 3 million.",
        "The vote was 7 to 2, and the mayor said the plan keeps taxes unchanged for residents.",
    ])
    return (f"<html><head><title>Budget\x1b[2J vote</title></head><body><article>{paras}"
            "</article></body></html>").encode()


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """A state made by two real checks of hostile pages (still served); the outputs of both checks."""
    tmp = tmp_path_factory.mktemp("hostile")
    pages: dict[str, tuple[int, str, bytes]] = {}
    site = LocalSite(pages.get)
    try:
        pages["/plain"] = (200, "text/plain; charset=utf-8", plain("7,000"))
        pages["/html"] = (200, "text/html; charset=utf-8", html("310"))
        pages["/ct"] = (200, "application/x-\x1b[2Jbinary", b"data")
        cfg = write_config(tmp, [{"id": "plain", "url": site.url("/plain")}, {"id": "html", "url": site.url("/html")},
                                 {"id": "ct", "url": site.url("/ct")}])
        first = watcher("check", "--config", str(cfg))
        pages["/plain"] = (200, "text/plain; charset=utf-8", plain("10,000"))
        pages["/html"] = (200, "text/html; charset=utf-8", html("340"))
        second = watcher("check", "--config", str(cfg))
        assert first.returncode == 0 and second.returncode == 0, (first.stderr, second.stderr)
        yield {"cfg": cfg, "check": first.stdout + second.stdout, "check_err": first.stderr + second.stderr}
    finally:
        site.close()


COMMANDS = [
    ["alerts"], ["diff", "plain"], ["diff", "html"], ["diff", "html", "--format", "md"],
    ["diff", "plain", "--format", "md"], ["claims", "plain"], ["sources"], ["history", "html"],
    ["diff", "plain", "--ignored"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_terminal_output_carries_no_control_characters(hostile, args):
    p = watcher(*args, "--config", str(hostile["cfg"]))
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip()
    found = UNSAFE.findall(p.stdout + p.stderr)
    assert not found, (found, p.stdout[:2000])


def test_check_output_carries_no_control_characters(hostile):
    out = hostile["check"] + hostile["check_err"]
    assert "not an HTML page" in out  # the warning that quotes the hostile Content-Type
    assert not UNSAFE.findall(out), out
    # piped, each result is one plain line (no styling, no wrapping), its alerts indented below it
    assert re.search(r"^html: new_version \(version 2\) — \d+ claim alert\(s\)  \d+\.\d\ds$", out, re.M), out
    assert re.search(r"^   estimate_changed: 310 million → 340 million", out, re.M), out


def test_the_text_around_a_control_character_stays_readable(hostile):
    p = watcher("alerts", "--config", str(hostile["cfg"]))
    assert "- Officials said an estimated 7,000 containers[2J were shipped" in p.stdout, p.stdout  # ESC gone
    md = watcher("diff", "html", "--format", "md", "--config", str(hostile["cfg"])).stdout
    assert md.startswith("### Budget\\[2J vote"), md  # the ESC of the <title> gone, what it hid shown


@pytest.mark.parametrize("args", [["alerts"], ["diff", "plain"], ["check"]], ids=" ".join)
def test_colours_stay_but_escape_sequences_from_pages_do_not(hostile, args, monkeypatch):
    """In a colour terminal Rich's own styling is written (ESC sequences of ours), the page's not."""
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("TERM", "xterm-256color")
    p = watcher(*args, "--config", str(hostile["cfg"]))
    assert p.returncode == 0, p.stderr
    assert "\x1b[" in p.stdout  # the colours
    assert CLEAR not in p.stdout and "\x9b" not in p.stdout and "\u202e" not in p.stdout, p.stdout


@pytest.mark.parametrize("args", [["alerts", "--json"], ["diff", "plain", "--format", "json"],
                                  ["claims", "plain", "--json"], ["check", "--json"]], ids=" ".join)
def test_json_output_carries_no_control_characters(hostile, args):
    p = watcher(*args, "--config", str(hostile["cfg"]))
    assert p.returncode == 0, p.stderr
    text = p.stdout
    docs = [json.loads(line) for line in text.splitlines() if line.strip()] if "--json" in args else [json.loads(text)]
    assert docs
    assert not UNSAFE.findall(text), text[:2000]
    decoded = list(strings(docs))  # a control escaped as \\u001b is still a control in the data
    assert any(("not an HTML page" if "check" in args else "containers") in t for t in decoded)
    assert not [t for t in decoded if UNSAFE.search(t)], [t for t in decoded if UNSAFE.search(t)]


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)


def test_stored_text_and_titles_have_no_control_characters(hostile):
    cfg = load(hostile["cfg"])
    store = Store(cfg.database_url)
    try:
        versions = store.versions("plain") + store.versions("html")
        assert len(versions) == 4
        for v in versions:
            assert not UNSAFE.findall(v.text + (v.title or "")), (v.text, v.title)
            assert "\n" in v.text  # paragraphs still apart
        plain_text = store.versions("plain")[-1].text
        assert "The bridge will reopen in June" in plain_text, plain_text  # \x0c was a space, \x01 nothing
        assert store.versions("html")[-1].title == "Budget[2J vote"  # the ESC gone, the visible rest kept
        states = store.source_states()
        assert not UNSAFE.findall(states["ct"].last_error or ""), states["ct"].last_error
    finally:
        store.close()


def test_report_feed_and_pages_are_well_formed(hostile, tmp_path):
    out = tmp_path / "report"
    p = watcher("report", "--config", str(hostile["cfg"]), "--out", str(out))
    assert p.returncode == 0, p.stderr
    assert_well_formed_site(out)


def assert_well_formed_site(out: Path) -> None:
    feed = etree.parse(str(out / "alerts.xml"), etree.XMLParser(recover=False))  # raises on a bad character
    assert feed.getroot().tag == "{http://www.w3.org/2005/Atom}feed"
    assert feed.getroot().findall("{http://www.w3.org/2005/Atom}entry")
    for page in out.glob("*.html"):
        text = page.read_bytes().decode("utf-8")  # strict: a lone surrogate could not even be written
        assert not UNSAFE.findall(text), (page.name, UNSAFE.findall(text))
        tree = lxml.html.document_fromstring(text)
        assert tree.find(".//body") is not None and tree.findtext(".//title"), page.name


@pytest.mark.slow  # a database made the old way, then every output of it: ~8 s
def test_an_older_database_holding_hostile_text_still_gives_a_valid_feed(hostile, tmp_path):
    """Text stored before extraction stripped controls (written here through the store, as an older
    version did) is made safe where it leaves: the feed, the pages, the terminal, JSON."""
    work = tmp_path / "w"
    shutil.copytree(hostile["cfg"].parent, work)
    cfg_path = work / hostile["cfg"].name
    store = Store(load(cfg_path).database_url)
    try:
        with store.transaction() as c:
            old = store.latest(c, "html")
            assert old is not None
            bad = "Turnout was 41 percent\x01\x1b[2J, officials\ufffe said\u202e 14\u202c.\x0cMore\x85 text."
            v = store.add_version(c, "html", text=old.text + "\n\n" + bad, content_hash="x" * 64,
                                  title="Vote \x1b]0;pwned\x07 count", url=old.url, origin="fetch", is_baseline=False)
            store.add_alert(c, source="html", kind="claim_added", severity="low", before=None, after=bad,
                            explanation="new claim: 41 percent\x1b[31m", data=AlertData(url=old.url, version=v.number),
                            version_id=v.id, fingerprint="hostile-older-db")
    finally:
        store.close()
    out = tmp_path / "report"
    assert watcher("report", "--config", str(cfg_path), "--out", str(out)).returncode == 0
    assert_well_formed_site(out)
    assert "Turnout was 41 percent[2J, officials said 14." in (out / "alerts.xml").read_text("utf-8")
    for args in (["alerts"], ["alerts", "--json"], ["diff", "html"], ["diff", "html", "--format", "md"],
                 ["diff", "html", "--format", "html"], ["history", "html"]):
        p = watcher(*args, "--config", str(cfg_path))
        assert p.returncode == 0, (args, p.stderr)
        assert not UNSAFE.findall(p.stdout), (args, UNSAFE.findall(p.stdout))


def test_lone_surrogates_and_noncharacters_never_reach_a_page_or_the_feed():
    """No database can hold a lone surrogate (SQLite's UTF-8 refuses it), but a Python string can:
    the renderers themselves must never write one (UnicodeEncodeError) or a noncharacter."""
    hostile = "Figure\ud800 of 7,000\udfff containers\ufffe\uffff\x01 rose\x1b[2J to\u202e 9,000."
    calm = "Figure of 7,000 containers rose to 9,000."
    old = Version(id=1, source="s", number=1, created_at=0.0, origin="fetch", is_baseline=True, content_hash="a",
                  title="T\ud800", url="http://e.org/", text=calm.replace("9,000", "8,000"))
    new = Version(id=2, source="s", number=2, created_at=1.0, origin="fetch", is_baseline=False, content_hash="b",
                  title="T\ud800\x1b[2J", url="http://e.org/", text=hostile)
    page = change_html(change_view(build("s", old, new)), title=new.title or "", url=new.url, standalone=True)
    assert not UNSAFE.findall(page)
    page.encode("utf-8")
    entry = {"entry_id": "urn:x", "source": "s", "kind": "claim_added", "severity": "low", "explanation": hostile,
             "created_at": 0.0, "href": "a.html", "figures": [], "ops": [(1, hostile)]}

    class A(dict):
        __getattr__ = dict.__getitem__

    feed = render("alerts.xml", alerts=[A(entry)], titles={"s": "T\ud800\x01"}, feed_id="urn:x", updated=0.0)
    etree.fromstring(feed.encode("utf-8"), etree.XMLParser(recover=False))
    assert not UNSAFE.findall(feed)


def test_sources_table_survives_markup_in_page_text(tmp_path):
    """Rich markup in a server's text ('[/]', '[citation needed]') is printed as written, never
    parsed: a closing tag used to crash `watcher alerts` and a bracketed word to vanish."""
    pages = {"/a": (200, "text/plain; charset=utf-8",
                    b"Officials said 7,000 [citation needed] containers [/] were shipped this year, they said.\n")}
    site = LocalSite(pages.get)
    try:
        cfg = write_config(tmp_path, [{"id": "a", "url": site.url("/a")}])
        assert watcher("check", "--config", str(cfg)).returncode == 0
        pages["/a"] = (200, "text/plain; charset=utf-8",
                       b"Officials said 9,000 [citation needed] containers [/] were shipped this year, they said.\n")
        p = watcher("check", "--config", str(cfg))
        assert p.returncode == 0, p.stderr
    finally:
        site.close()
    p = watcher("alerts", "--config", str(cfg))
    assert p.returncode == 0, p.stderr
    assert "9,000 [citation needed] containers [/] were shipped" in p.stdout, p.stdout
