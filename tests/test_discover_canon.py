"""Canonical URLs: examples of each rule, Hypothesis properties (idempotent, tracking parameters never
survive, every other parameter kept in order), and the canonical URL an article's HTML declares."""

from __future__ import annotations

from urllib.parse import parse_qsl, quote, urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from watcher.discover import (
    TRACKING_PARAMS,
    canonical_after_fetch,
    canonical_link,
    canonical_url,
    is_tracking_param,
)


@pytest.mark.parametrize("url, expected", [
    ("HTTP://Example.COM:80/a", "http://example.com/a"),
    ("https://example.com:443", "https://example.com/"),
    ("https://example.com:8443/a", "https://example.com:8443/a"),
    ("https://example.com./a#section-2", "https://example.com/a"),
    ("https://example.com/a?utm_source=rss&id=7&UTM_Medium=x&fbclid=1&gclid=2&p=2", "https://example.com/a?id=7&p=2"),
    ("https://example.com/a?mc_cid=1&mc_eid=2&igshid=3&ref_src=twsrc&_ga=1", "https://example.com/a"),
    ("https://example.com/a?z=1&a=2", "https://example.com/a?z=1&a=2"),           # order kept
    ("https://example.com/a?ref=home", "https://example.com/a?ref=home"),         # may select content: kept
    ("https://example.com/%7euser/%c3%a9t%C3%A9?q=%2b", "https://example.com/~user/%C3%A9t%C3%A9?q=%2B"),
    ("https://example.com/été caf", "https://example.com/%C3%A9t%C3%A9%20caf"),
    ("https://EXAMPLE.com/A/B", "https://example.com/A/B"),                       # paths are case-sensitive
    ("https://bücher.example/", "https://xn--bcher-kva.example/"),
    ("http://[::1]:80/x", "http://[::1]/x"),
    ("https://example.com/a?", "https://example.com/a"),
    ("https://example.com/a/", "https://example.com/a/"),                         # trailing slash kept
    ("https://www.example.com/a", "https://www.example.com/a"),                   # www kept
])
def test_canonical_forms(url, expected):
    assert canonical_url(url) == expected


def test_relative_links_resolve_against_the_base():
    assert canonical_url("../b?utm_campaign=x", "https://e.test/news/a/") == "https://e.test/news/b"


@pytest.mark.parametrize("url", ["mailto:desk@e.test", "javascript:void(0)", "ftp://e.test/f", "https:///nohost",
                                 "https://e.test:99999/", "data:text/html,x"])
def test_what_is_not_a_web_url_is_refused(url):
    with pytest.raises(ValueError):
        canonical_url(url)


def test_tracking_names_are_matched_case_insensitively_and_encoded():
    assert is_tracking_param("UTM_SOURCE") and is_tracking_param("utm%5Fsource") and is_tracking_param("FBCLID")
    assert not is_tracking_param("id") and not is_tracking_param("utmost")


# -- properties ---------------------------------------------------------------------------------

_name = st.text(st.characters(codec="utf-8", exclude_characters="&=#%+"), min_size=1, max_size=8).filter(
    lambda s: not is_tracking_param(quote(s, safe="")))
_tracking = st.sampled_from(sorted(TRACKING_PARAMS) + ["utm_source", "utm_campaign", "UTM_Medium", "pk_kwd"])
_value = st.text(st.characters(codec="utf-8", exclude_characters="#"), max_size=8)
_host = st.from_regex(r"\A[a-zA-Z][a-zA-Z0-9-]{0,10}(\.[a-zA-Z]{2,5}){1,2}\Z")
_path = st.lists(st.text(st.characters(codec="utf-8", exclude_characters="/?#"), max_size=6), max_size=4)


@st.composite
def urls(draw):
    scheme = draw(st.sampled_from(["http", "https", "HTTP", "Https"]))
    port = draw(st.sampled_from(["", ":80", ":443", ":8080"]))
    path = "/" + "/".join(quote(seg) for seg in draw(_path))
    params = draw(st.lists(st.one_of(st.tuples(_name, _value).map(lambda kv: ("keep", *kv)),
                                     st.tuples(_tracking, _value).map(lambda kv: ("track", *kv))), max_size=6))
    query = "&".join(f"{quote(k, safe='')}={quote(v, safe='')}" for _, k, v in params)
    fragment = draw(st.sampled_from(["", "#top", "#a?b=c"]))
    url = f"{scheme}://{draw(_host)}{port}{path}" + (f"?{query}" if query else "") + fragment
    return url, [(k, v) for kind, k, v in params if kind == "keep"]


@settings(max_examples=300, deadline=None)
@given(urls())
def test_canonicalising_twice_changes_nothing(case):
    url, _ = case
    once = canonical_url(url)
    assert canonical_url(once) == once


@settings(max_examples=300, deadline=None)
@given(urls())
def test_tracking_parameters_never_survive_and_the_others_stay_in_order(case):
    url, kept = case
    query = urlsplit(canonical_url(url)).query
    pairs = parse_qsl(query, keep_blank_values=True)
    assert not any(is_tracking_param(k) for k, _ in pairs)
    assert pairs == kept


@settings(max_examples=200, deadline=None)
@given(urls())
def test_the_canonical_url_has_no_fragment_default_port_or_upper_case_host(case):
    parts = urlsplit(canonical_url(case[0]))
    assert parts.fragment == "" and parts.scheme in ("http", "https")
    assert parts.netloc == parts.netloc.lower()
    assert parts.port != {"http": 80, "https": 443}[parts.scheme]  # the scheme's default port is left out


# -- declared canonical URLs -------------------------------------------------------------------

def page(head: str) -> bytes:
    return f"<!DOCTYPE html><html><head>{head}</head><body><p>text</p></body></html>".encode()


@pytest.mark.parametrize("head, url, expected", [
    ('<link rel="canonical" href="https://e.test/a?utm_source=x">', "https://e.test/a?x=1", "https://e.test/a"),
    ('<link rel="Canonical" href="/news/a">', "https://e.test/amp/a", "https://e.test/news/a"),
    ('<base href="/news/"><link rel="canonical" href="a">', "https://e.test/amp/a", "https://e.test/news/a"),
    ('<meta property="og:url" content="https://e.test/news/a">', "https://e.test/x", "https://e.test/news/a"),
    ('<link rel="canonical" href="https://e.test/c"><meta property="og:url" content="https://e.test/o">',
     "https://e.test/x", "https://e.test/c"),                                  # rel=canonical first
    ('<link rel="canonical" href="https://www.e.test/a">', "https://amp.e.test/a", "https://www.e.test/a"),
    ('<link rel="canonical" href="https://other.test/a">', "https://e.test/a", None),  # another site
    ('<link rel="canonical" href="/">', "https://e.test/news/a", None),         # front-page misconfiguration
    ('<link rel="canonical" href="javascript:x">', "https://e.test/a", None),
    ('<link rel="canonical" href="">', "https://e.test/a", None),
    ("", "https://e.test/a", None),
])
def test_canonical_link(head, url, expected):
    assert canonical_link(page(head), url) == expected


def test_garbage_html_declares_nothing():
    assert canonical_link(b"", "https://e.test/a") is None
    assert canonical_link(b"\x00\xff\xfe", "https://e.test/a") is None
    assert canonical_link("<?xml version='1.0' encoding='utf-8'?><html/>", "https://e.test/a") is None


def test_after_a_fetch_the_declared_url_wins_then_the_redirect_target():
    html = page('<link rel="canonical" href="/news/a">')
    assert canonical_after_fetch("https://e.test/go/1", "https://e.test/amp/a", html) == "https://e.test/news/a"
    assert canonical_after_fetch("https://e.test/go/1", "https://E.test/a?id=1&utm_source=y#f", page("")) \
        == "https://e.test/a?id=1"
    assert canonical_after_fetch("https://e.test/a#x", None, None) == "https://e.test/a"
