"""End to end in a real browser: Playwright driving Debian's Chromium against `watcher serve`.

A reviewer opens the alert queue, narrows it to one source, follows the estimate alert to its
change page, sees the changed figure at the top, marks the alert reviewed, and the queue no longer
lists it. Screenshots are saved under the test's temporary folder.

Never a downloaded browser: Chromium comes from Debian (`.ci/run` installs it when missing).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .conftest import alerts_json
from .test_serve import serving

CHROMIUM = Path("/usr/bin/chromium")

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="Debian's chromium is not installed (/usr/bin/chromium missing; "
                                       "`apt-get install chromium`, as .ci/run does)")]


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (test extra) is not installed")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--no-first-run", "--disable-extensions"])
        yield b
        b.close()


def test_review_an_alert_in_the_browser(browser, alert_copy: Path, tmp_path: Path):
    from playwright.sync_api import expect

    est = next(a for a in alerts_json(alert_copy) if a["source"] == "analysis" and a["kind"] == "estimate_changed")
    with serving(alert_copy) as srv:
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.goto(srv.base + "/alerts.html")
        expect(page.get_by_role("heading", name="Alert queue")).to_be_visible()
        # the filter submits itself on change (a line of inline JS)
        page.select_option("select[name=source]", "analysis")
        page.wait_for_url(re.compile(r"source=analysis"))
        items = page.locator("ul.alerts > li")
        expect(items).to_have_count(2)
        item = page.locator(f"#alert-{est['id']}")
        expect(item.locator(".figs del")).to_have_text("7,000")
        expect(item.locator(".figs ins")).to_have_text("11,000")
        page.screenshot(path=str(tmp_path / "queue.png"), full_page=True)

        item.get_by_role("link", name="Open change →").click()
        page.wait_for_url(re.compile(rf"change-analysis-v3\.html#alert-{est['id']}$"))
        page.evaluate("window.scrollTo(0, 0)")
        hero = page.locator("section.hero .fig-card").first
        expect(hero.locator("del")).to_have_text("7,000")
        expect(hero.locator("ins")).to_have_text("11,000")
        box = hero.bounding_box()
        assert box and box["y"] + box["height"] <= 800, "the changed figure must be on the first screen"
        # colour is not the only cue: deletions are struck through, insertions underlined
        assert "line-through" in hero.locator("del").evaluate("e => getComputedStyle(e).textDecorationLine")
        assert "underline" in hero.locator("ins").evaluate("e => getComputedStyle(e).textDecorationLine")

        page.get_by_role("button", name=f"Mark alert {est['id']} reviewed").click()
        page.wait_for_url(re.compile(rf"change-analysis-v3\.html#alert-{est['id']}$"))
        expect(page.locator(f"#alert-{est['id']}")).to_contain_text("Reviewed")
        shot = tmp_path / "change-reviewed.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000

        page.goto(srv.base + "/alerts.html")
        expect(page.locator(f"#alert-{est['id']}")).to_have_count(0)

        # readable on a phone: no sideways scrolling, the figure still on the first screen
        phone = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2)
        phone.goto(srv.base + "/change-analysis-v3.html")
        assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        fig = phone.locator("section.hero .fig-card").first.bounding_box()
        assert fig and fig["y"] + fig["height"] <= 844
        phone.screenshot(path=str(tmp_path / "change-phone.png"))
    assert next(a for a in alerts_json(alert_copy) if a["id"] == est["id"])["reviewed"] is True


def _hostile_form(action: str) -> str:
    """A page holding a "mark reviewed" form for ``action``, as a hostile page would. The test
    submits it from inside the page (the request's origin is the page's, whoever starts it): a page
    that submitted on its own, a moment after loading, raced Playwright attaching to its frame on a
    loaded machine, and the response could go unseen."""
    return (f'<!doctype html><form method="post" action="{action}"><input name="reviewed" value="1">'
            '<input name="next" value="alerts.html"></form>')


def test_hostile_pages_cannot_mark_an_alert_reviewed(browser, alert_copy: Path, site, tmp_path: Path):
    """A sandboxed iframe and a file:// page post with ``Origin: null``; a page on another port of
    this host is "same-site". None of them has the session's form token, and none gets through."""
    from html import escape

    from playwright.sync_api import Error as PlaywrightError

    aid = alerts_json(alert_copy)[0]["id"]
    with serving(alert_copy) as srv:
        action = f"{srv.base}/alerts/{aid}/review"
        site.put("/sandboxed", '<!doctype html><title>cute cats</title><iframe sandbox="allow-forms allow-scripts" '
                               f'srcdoc="{escape(_hostile_form(action))}"></iframe>')
        site.put("/other-port", _hostile_form(action))
        local = tmp_path / "attachment.html"
        local.write_text(_hostile_form(action), encoding="utf-8")
        context = browser.new_context()
        page = context.new_page()
        page.goto(srv.base + "/alerts.html")  # the reviewer has the UI open: the browser holds its session cookie
        for url in (site.url("/sandboxed"), site.url("/other-port"), local.as_uri()):
            hostile = context.new_page()  # a tab of its own, beside the UI's (the same cookies), left open
            hostile.goto(url)
            frame = hostile.frames[-1]  # the sandboxed iframe, else the page itself
            frame.wait_for_selector("form", state="attached")
            with context.expect_event("response", lambda r: r.url == action) as posted:
                try:
                    frame.evaluate("document.forms[0].submit()")
                except PlaywrightError as e:  # the frame navigated away as it posted: what it is for
                    if "navigat" not in str(e) and "detached" not in str(e):
                        raise
            assert posted.value.status == 403, (url, posted.value.status)
            sent = posted.value.request.all_headers()
            assert sent.get("origin") in ("null", site.url("").rstrip("/")), (url, sent)
        context.close()
    assert not any(a["reviewed"] for a in alerts_json(alert_copy))
