"""The numeric grammar: every supported rendering of a figure parses to the same value."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from watcher.numbers import parse

SMALL = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = {2: "twenty", 3: "thirty", 4: "forty", 5: "fifty", 6: "sixty", 7: "seventy", 8: "eighty", 9: "ninety"}


def words(n: int) -> str:
    if n < 20:
        return SMALL[n]
    t, u = divmod(n, 10)
    return TENS[t] + ("" if u == 0 else "-" + SMALL[u])


def grouped(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


def renderings(n: int) -> list[str]:
    out = [str(n), grouped(n, ","), grouped(n, "\u202f"), grouped(n, "\u2009"), grouped(n, "\u00a0")]
    if n >= 1000 and n < 1_000_000:
        out.append(grouped(n, " "))
    for scale, word in ((10**9, "billion"), (10**6, "million"), (10**3, "thousand")):
        if n >= scale and (n * 10) % scale == 0:
            out.append(f"{n / scale:g} {word}")
            break
    if 2 <= n < 100:
        out.append(words(n))
    if n >= 1000 and n % 1000 == 0 and 2 <= n // 1000 < 100:
        out.append(f"{words(n // 1000)} thousand")
    return out


def values(sentence: str) -> list[tuple]:
    return [(m.kind, m.value, m.high) for m in parse(sentence)]


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.integers(2, 99), st.integers(100, 10**7), st.integers(1, 999).map(lambda x: x * 10**6)),
       st.sampled_from(["troops", "containers of munitions", "shells per day", "people"]))
def test_every_rendering_of_a_count_parses_to_the_same_value(n, noun):
    expected = [("count", float(n), None)]
    for r in renderings(n):
        assert values(f"Officials said that {r} {noun} were counted.") == expected, r


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 999), st.sampled_from([(10**6, ["m", " million", "mn"]), (10**9, ["bn", " billion", "b"])]))
def test_money_with_scale_words_and_suffixes(n, scale_forms):
    scale, forms = scale_forms
    tenths = n / 10
    want = [("money", float(f"{tenths * scale:.12g}"), None)]
    for form in forms:
        assert values(f"The plan costs ${tenths:g}{form} over two years.")[:1] == want, form
    assert values(f"The plan costs ${grouped(round(tenths * scale), ',')} over two years.")[:1] == want


@pytest.mark.parametrize("text, kind, value, high", [
    ("supplies accounting for 20 percent to 50 percent of imports", "percent", 20, 50),
    ("supplies accounting for 20% to 50% of imports", "percent", 20, 50),
    ("between 20 and 50 percent of imports", "percent", 20, 50),
    ("it will take 10 to 14 days", "duration", 10, 14),
    ("it will take 10–14 days", "duration", 10, 14),
    ("travel rose fivefold", "multiplier", 5, None),
    ("travel rose 5-fold", "multiplier", 5, None),
    ("roughly five times more than Ukraine", "multiplier", 5, None),
    ("prices doubled last year", "multiplier", 2, None),
    ("their second visit", "ordinal", 2, None),
    ("the 75th anniversary", "ordinal", 75, None),
    ("in just nine months", "duration", 9, None),
    ("first trip in 24 years", "duration", 24, None),
    ("support rose 3 percentage points", "pp", 3, None),
    ("a $100m loan", "money", 1e8, None),
    ("a €2.5bn package", "money", 2.5e9, None),
    ("in 2019", "year", 2019, None),
    ("two-thirds of voters", "fraction", 2 / 3, None),
    ("hundreds of troops", "count", 100, None),
    ("tens of thousands of people", "count", 10000, None),
])
def test_grammar_cases(text, kind, value, high):
    ms = [m for m in parse(text) if m.kind == kind]
    assert ms, (text, [(m.kind, m.value) for m in parse(text)])
    assert (ms[0].value, ms[0].high) == (value, high)


@pytest.mark.parametrize("text, qualifier", [
    ("an estimated 7,000 containers", "estimated"), ("about 7,000 containers", "approx"),
    ("around 10,000 shells", "approx"), ("roughly 5 percent", "approx"), ("more than 3 million rounds", "more_than"),
    ("at least eight weeks", "at_least"), ("less than 40 percent", "less_than"), ("nearly 300 people", "nearly"),
    ("up to 50 ships", "up_to"), ("as many as 50 ships", "up_to"), ("fewer than 10 cases", "less_than"),
    ("7,000 containers", None),
])
def test_qualifier_class(text, qualifier):
    assert parse(text)[0].qualifier == qualifier


def test_counted_noun_and_rate():
    m = parse("Russian troops fire around 10,000 shells per day.")[0]
    assert (m.noun, m.rate, m.qualifier) == ("shells", "day", "approx")
    m = parse("North Korea has provided an estimated 7,000 containers of munitions.")[0]
    assert m.noun == "containers"


def test_identifiers_and_words_are_not_figures():
    assert values("The F-16 and the COVID-19 response, no one knows.") == []
    assert values("It often rains; listen to the tenants and someone at 3:59 PM.") == [("time", 959.0, None)]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_random_text_never_raises(text):
    for m in parse(text):
        assert 0 <= m.start <= m.end <= len(text)
