"""``[serve]``: who may use ``watcher serve`` — the Host names it answers to and its access token.

A table of its own (and a module of its own) because it concerns the review UI only; the fetch
and notify settings never read it. The token may instead come from ``$WATCHER_SERVE_TOKEN``,
which wins, so a deployment can keep it out of the config file.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, field_validator

MIN_TOKEN_LENGTH = 16


def check_token(token: str) -> str:
    """``token`` without surrounding whitespace, if it is long enough to resist guessing over the
    network (16 characters; ``python -c "import secrets; print(secrets.token_urlsafe())"`` gives 43)."""
    token = token.strip()
    if len(token) < MIN_TOKEN_LENGTH:
        raise ValueError(f"the token must be at least {MIN_TOKEN_LENGTH} characters long "
                         "(e.g. the output of: python -c \"import secrets; print(secrets.token_urlsafe())\")")
    if any(ord(c) < 32 or ord(c) == 127 for c in token):
        raise ValueError("the token contains control characters")
    return token


class ServeModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    allow_hosts: list[str] = []  # Host names answered besides the ones derived from --host
    token: str | None = None  # required for a non-loopback bind; $WATCHER_SERVE_TOKEN overrides it

    @field_validator("token")
    @classmethod
    def _token(cls, v: str | None) -> str | None:
        return None if v is None else check_token(v)
