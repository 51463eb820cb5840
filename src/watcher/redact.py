"""Secrets in URLs, masked wherever a URL is shown, stored or sent.

A source URL may carry credentials — ``https://user:password@host/…``, or a token in the query
(``?token=…``, ``api_key=…``, a signed link's ``sig=…``) — and it is shown by ``watcher sources``,
the reports, the review UI, ``alerts --json``, notifications, error messages and logs. Only the
fetch needs the real URL (:attr:`watcher.config.Source.fetch_url`); everything else gets
:func:`mask_url`'s form, ``https://user:****@host/path?token=****&page=2``: the page is still
recognisable, the secret is not there. The store keeps only masked URLs too (so a report, a
database copy or a backup leaks nothing); the real URL lives in the config alone.

Which query parameters are secret (:func:`is_secret_param`) is a list, compared case-insensitively
with ``-`` and ``_`` alike: :data:`SECRET_PARAMS`, plus any name ending in one of
:data:`SECRET_SUFFIXES`. A secret in the path itself (``/feed/3f9a…/rss``) cannot be told from a
page name and is not masked: put such a token in the config's ``user_agent`` or a query parameter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import unquote, urlsplit, urlunsplit

MASK = "****"
SECRET_PARAMS = frozenset({
    "token", "access_token", "refresh_token", "id_token", "auth", "auth_token", "authorization",
    "api_key", "apikey", "key", "secret", "client_secret", "password", "passwd", "pass", "pwd",
    "sig", "signature", "session", "sessionid", "session_id", "sid", "jwt", "code", "credential",
    "x_amz_signature", "x_amz_credential", "x_amz_security_token", "x_goog_signature", "x_goog_credential",
})
SECRET_SUFFIXES = ("token", "secret", "password", "signature", "_key", "apikey")
_URL_IN_TEXT = re.compile(r"https?://[^\s'\"<>`]*[^\s'\"<>`.,:;)\]]", re.IGNORECASE)  # not a closing comma
_USERINFO = re.compile(r"(?<=//)[^/?#@]*@")


def is_secret_param(name: str) -> bool:
    """Whether a query parameter of this name holds a secret (see the module's list)."""
    n = unquote(name).strip().lower().replace("-", "_")
    return n in SECRET_PARAMS or n.endswith(SECRET_SUFFIXES)


def _split(url: str):
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises on a bad port, as the netloc is then no host
    except ValueError:
        return None
    return parts


def mask_url(url: str) -> str:
    """``url`` with its password (or a user name standing alone, as tokens do) and the values of
    secret query parameters replaced by ``****``; everything else exactly as written. Cheap when
    there is nothing to mask (no ``@``, no query)."""
    if "@" not in url and "?" not in url and "#" not in url:
        return url
    parts = _split(url)
    if parts is None:  # no URL a fetch could use: keep what surely holds no secret
        base, q, _ = url.partition("?")
        return _USERINFO.sub(MASK + "@", base) + (f"?{MASK}" if q else "")
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, host = netloc.rsplit("@", 1)
        user, has_password, _ = userinfo.partition(":")
        netloc = f"{user}:{MASK}@{host}" if has_password else f"{MASK}@{host}"
    return urlunsplit((parts.scheme, netloc, parts.path, _mask_params(parts.query), _mask_params(parts.fragment)))


def _params(s: str) -> list[tuple[str, str, str]]:
    return [piece.partition("=") for piece in s.split("&")] if "=" in s else []


def _mask_params(s: str) -> str:
    """A query (or a fragment, where OAuth puts ``access_token=``) with secret values masked."""
    pieces = _params(s)
    if not any(eq and value and is_secret_param(name) for name, eq, value in pieces):
        return s
    return "&".join(f"{name}={MASK}" if eq and value and is_secret_param(name) else name + eq + value
                    for name, eq, value in pieces)


def url_secrets(url: str) -> tuple[str, ...]:
    """The secret strings in ``url`` (as written and percent-decoded), longest first: what
    :func:`redact` replaces in a message that might quote them outside a URL."""
    parts = _split(url)
    if parts is None:
        return ()
    found: set[str] = set()
    if "@" in parts.netloc:
        user, has_password, password = parts.netloc.rsplit("@", 1)[0].partition(":")
        found.add(password if has_password else user)
    for name, eq, value in _params(parts.query) + _params(parts.fragment):
        if eq and value and is_secret_param(name):
            found.add(value)
    found |= {unquote(s) for s in found}
    return tuple(sorted((s for s in found if len(s) >= 4), key=len, reverse=True))


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """``text`` with every URL in it masked and each of ``secrets`` replaced by ``****``: an error
    message, a log line, anything that may quote a URL or a piece of one."""
    for s in secrets:
        text = text.replace(s, MASK)
    if "://" in text:
        text = _URL_IN_TEXT.sub(lambda m: mask_url(m.group()), text)
    return text
