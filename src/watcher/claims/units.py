"""A measure written in the other system of units: "40C" = "104F", "120mph" = "193km/h", "1.5
miles" = "2.4km", "4,000 acres" = "1,600 hectares".

A copy edit may put the metric figure in place of the US one (or the other way round), rounded as
news rounds conversions. Each side is taken to a metric base unit — the US unit through its
metric one (:data:`TO_METRIC`), the metric one through the same table of multiples the figures'
keys use (``UNIT_BASE``: "km" is 1,000 "m") — and the two are one figure when the ranges their
written digits allow overlap, or when they lie within :data:`CONVERTED_WITHIN` of each other.
"""

from __future__ import annotations

import re

from .numbers import Mention
from .numbers_words import UNIT_BASE

CONVERTED_WITHIN = 0.02  # how far a converted figure may stray by its rounding: news rounds conversions

# US and imperial units, in the metric unit a page would convert them to (temperatures by their
# own formula): what "40C (104F)" shows side by side
TO_METRIC = {"mi": ("km", 1.609344), "mph": ("km/h", 1.609344), "ft": ("m", 0.3048), "yd": ("m", 0.9144),
             "in": ("cm", 2.54), "lb": ("kg", 0.45359237), "lbs": ("kg", 0.45359237), "oz": ("g", 28.349523),
             "acre": ("ha", 0.40468564), "mi²": ("km²", 2.5899881), "ft²": ("m²", 0.09290304)}


# the metric units a US one converts to, and their multiples
METRIC = frozenset({"km", "m", "cm", "mm", "kg", "g", "t", "ha", "km²", "m²", "km/h"})


def in_metric(m: Mention, value: float) -> tuple[str, float] | None:
    """``value`` of ``m``'s unit in a metric base unit (temperatures in °C), or None for a unit of
    neither system (a duration, a byte, a rate of interest)."""
    unit = m.unit or ""
    if unit == "°f":
        return "°c", (value - 32) * 5 / 9
    if unit == "°c":
        return "°c", value
    if unit in TO_METRIC:
        unit, factor = TO_METRIC[unit]
        value *= factor
    if unit not in METRIC:
        return None
    base, factor = UNIT_BASE.get(unit, (unit, 1.0))
    return base, value * factor


def _us(m: Mention) -> bool:
    return m.unit in TO_METRIC or m.unit == "°f"


def step(m: Mention) -> float:
    """How far the page rounded the figure: one unit of its last written digit ("193" → 1, "1.5" →
    0.1), ten times that for each trailing zero of an approximate one ("about 200" → 100)."""
    digits = re.sub(r"[^\d.,]", "", m.text).rstrip(".,")
    decimals = len(re.split(r"[.,]", digits)[-1]) if re.search(r"[.,]\d{1,2}$", digits) else 0
    if decimals:
        return 10.0 ** -decimals
    whole = re.sub(r"\D", "", digits)
    zeros = len(whole) - len(whole.rstrip("0")) if m.qualifier and whole.strip("0") else 0
    return 10.0 ** zeros


def converted(o: Mention, n: Mention) -> bool:
    """The same measure written in the other system of units, as rounded as the page wrote it."""
    if o.kind != "measure" or n.kind != "measure" or o.unit == n.unit or o.high is not None or n.high is not None:
        return False
    if _us(o) == _us(n):
        return False  # the same system: compared by its own base units
    lo_o, hi_o = in_metric(o, o.value - step(o) / 2), in_metric(o, o.value + step(o) / 2)
    lo_n, hi_n = in_metric(n, n.value - step(n) / 2), in_metric(n, n.value + step(n) / 2)
    if lo_o is None or hi_o is None or lo_n is None or hi_n is None or lo_o[0] != lo_n[0]:
        return False
    if lo_o[1] <= hi_n[1] and lo_n[1] <= hi_o[1]:
        return True  # the two rounding intervals overlap
    # a conversion rounded further than its digits say ("4,000 acres (1,600 hectares)": 1,619)
    a, b = (lo_o[1] + hi_o[1]) / 2, (lo_n[1] + hi_n[1]) / 2
    return lo_o[0] != "°c" and max(abs(a), abs(b)) > 0 and abs(a - b) / max(abs(a), abs(b)) <= CONVERTED_WITHIN
