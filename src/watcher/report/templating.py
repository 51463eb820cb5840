"""Jinja2 templates shared by the static site, the live UI and ``watcher diff --format html``.

Why one environment of our own rather than Starlette's ``Jinja2Templates``: the static site has no
request and no router, and every link is relative (see :mod:`watcher.report.views`), so the same
``render`` call serves ``file://`` pages and HTTP responses alike. Autoescaping is on for HTML and
XML: article text is untrusted input.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from .. import __version__, kinds, timefmt
from ..sanitize import strip_controls
from .views import SEVERITIES, qualifier_word


@dataclass(frozen=True)
class Live:
    """What a page rendered by ``watcher serve`` adds to the static one: the review forms, which
    carry the session's CSRF token, and a log-out button when the session logged in. Passed as
    ``live`` (absent: a static page)."""

    csrf: str
    logout: bool = False


def fmt_ts(ts: float | None) -> str:
    """A timestamp for people: ``2026-11-25 16:10 UTC``."""
    return timefmt.human(ts)


def iso_ts(ts: float | None) -> str:
    return timefmt.iso(ts) or ""


def safe_value(value: object) -> object:
    """Every value a template prints, without control characters (``finalize``: one place for all
    pages and the Atom feed, so text from a page or a database an older version wrote can never
    make the feed invalid XML or a page carry a lone surrogate). Markup stays markup."""
    if value is None or isinstance(value, int | float):
        return value
    if hasattr(value, "__html__"):
        return Markup(strip_controls(str(value.__html__())))
    return strip_controls(str(value))


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=PackageLoader("watcher.report", "templates"), undefined=StrictUndefined,
                      autoescape=select_autoescape(["html", "xml"]), trim_blocks=True, lstrip_blocks=True,
                      finalize=safe_value)
    env.filters.update(ts=fmt_ts, iso=iso_ts, qualifier=qualifier_word)
    env.globals.update(SEVERITIES=SEVERITIES, VERDICTS=kinds.VERDICTS, version=__version__)
    return env


def render(template: str, **context) -> str:
    context.setdefault("generated_at", datetime.now(UTC).timestamp())
    context.setdefault("live", None)
    context.setdefault("standalone", False)
    return environment().get_template(template).render(**context)
