"""The opaque position of a page of alerts: where the last page ended, and in which order.

Clients pass ``next_cursor`` back unchanged. It is the order (``a`` ascending, ``d`` descending)
and the last alert id in hex — short, URL-safe, and such that every string the OpenAPI pattern
allows is a position (a property-based tester that follows the pattern never hits an
"invalid cursor" it was promised was valid). The id is capped below 2**60, far under what the
store's 64-bit ids hold, so no cursor overflows a query.
"""

from __future__ import annotations

from dataclasses import dataclass

PATTERN = r"^[ad][0-9a-f]{1,15}$"


@dataclass(frozen=True)
class Cursor:
    descending: bool
    after: int  # the last alert id seen; the page starts past it

    def encode(self) -> str:
        return ("d" if self.descending else "a") + format(self.after, "x")


def decode(text: str) -> Cursor:
    """A cursor from its text (which the API has already matched against :data:`PATTERN`)."""
    return Cursor(descending=text[0] == "d", after=int(text[1:], 16))
