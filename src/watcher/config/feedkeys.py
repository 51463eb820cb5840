"""The keys of ``[[feeds]]`` and ``[retention]`` (pydantic models, as :mod:`watcher.config.keys`).

Apart from :mod:`watcher.config.keys` because a pydantic model costs milliseconds to build when its
module is imported, and most configs (every ``watcher check`` of one without feeds) never need
these: :mod:`watcher.config.feeds` imports this module when a file has a ``[[feeds]]`` or
``[retention]`` table.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from ..discover.patterns import compile_pattern
from .keys import _Strict, _web_url, parse_duration

FEED_ID_RE = re.compile(r"\A[a-z0-9_-]{1,32}\Z")
DEFAULT_FEED_INTERVAL = 900.0
DEFAULT_MAX_ARTICLES = 100
MAX_ARTICLES_LIMIT = 50_000  # a sitemap's own limit: more is a typo, not a plan
FeedKind = Literal["rss", "atom", "jsonfeed", "sitemap", "page"]


class FeedModel(_Strict):
    id: str
    url: str
    kind: FeedKind
    links: str | None = None
    interval: float = DEFAULT_FEED_INTERVAL
    include: list[str] = []
    exclude: list[str] = []
    max_articles: int = Field(default=DEFAULT_MAX_ARTICLES, gt=0, le=MAX_ARTICLES_LIMIT)
    title: str | None = None
    enabled: bool = True
    defaults: dict[str, Any] = {}

    @field_validator("id")
    @classmethod
    def _id(cls, v: str) -> str:
        if not FEED_ID_RE.match(v):
            raise ValueError(f"id {v!r} must match [a-z0-9_-]+ and be at most 32 characters")
        return v

    @field_validator("url")
    @classmethod
    def _url(cls, v: str) -> str:
        return _web_url(v, "url")

    @field_validator("interval", mode="before")
    @classmethod
    def _duration(cls, v: Any) -> float:
        return parse_duration(v)

    @field_validator("links", "include", "exclude")
    @classmethod
    def _valid_patterns(cls, v: Any) -> Any:
        for p in [v] if isinstance(v, str) else v or []:
            compile_pattern(p)
        return v

    @model_validator(mode="after")
    def _links_for_pages(self) -> FeedModel:
        if self.kind == "page" and self.links is None:
            raise ValueError("a feed of kind 'page' needs a 'links' pattern (which links are articles)")
        if self.kind != "page" and self.links is not None:
            raise ValueError(f"'links' applies only to kind 'page', not {self.kind!r}")
        return self


class RetentionModel(_Strict):
    max_age: float | None = None
    max_versions: int | None = Field(default=None, ge=1)
    captures: float | None = None

    @field_validator("max_age", mode="before")
    @classmethod
    def _age(cls, v: Any) -> float | None:
        return None if v is None else parse_duration(v)

    @field_validator("captures", mode="before")
    @classmethod
    def _captures(cls, v: Any) -> float | None:
        return None if v is None else parse_duration(v, allow_zero=True)
