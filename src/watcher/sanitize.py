"""Text from the web made safe to store and to show: the one place that says which characters go.

Page text, titles, server messages and anything else a watched site controls reach a terminal, an
XML feed, HTML pages, JSON and notifications. Some characters break or subvert each of those:

* **C0 and C1 control characters** (``\\x1b[2J`` clears an analyst's terminal, ``\\x9b`` is the
  same escape in one byte; ``\\x01`` makes an Atom feed invalid XML: "PCDATA invalid Char value 1"),
  and DEL. Tab and newline are kept; a carriage return becomes a newline (``\\r`` alone rewinds
  the terminal line, hiding what came before it), and the C0 separators and vertical tab / form
  feed, which Python treats as whitespace, become spaces so that the words they separated stay apart.
* **Lone surrogates** (a Python string can hold one; no UTF-8 encoder will write it, so a page
  with one would crash the report) and the **noncharacters** U+FFFE, U+FFFF and U+FDD0–U+FDEF
  (U+FFFE and U+FFFF are not XML characters; the others mean nothing in text). The noncharacters
  at the end of the other planes are legal XML and stay: naming 32 more code points makes every
  search several times slower.
* **Bidirectional embeddings, overrides and isolates** (U+202A–U+202E, U+2066–U+2069): one
  RIGHT-TO-LEFT OVERRIDE makes "7,000" display as "000,7" in a terminal or a page — a figure shown
  other than it is stored ("Trojan Source"). Real right-to-left text does not need them: its
  direction comes from the letters themselves; the marks U+200E/U+200F, which cannot reorder a
  run, are kept.

:func:`strip_controls` is applied where text enters (extraction: every line and title goes
through :func:`watcher.extract.clean.normalise_space`, which calls it) and again where it leaves
(templates, the terminal console, JSON, Markdown, notifications), because a database written by an
older version, a config title or a server's reason phrase did not come through extraction.
"""

from __future__ import annotations

import json
import re
from typing import Any

_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f"      # C0 but tab and newline, DEL, C1
    "\u202a-\u202e\u2066-\u2069"        # bidi embeddings, overrides, isolates
    "\ud800-\udfff"                     # surrogates (in a str, always lone)
    "\ufdd0-\ufdef\ufffe\uffff]")       # noncharacters of the BMP
_AS_SPACE = dict.fromkeys("\x0b\x0c\x1c\x1d\x1e\x1f\x85", " ")
_REPLACE = {"\r": "\n", **_AS_SPACE}


def _replacement(m: re.Match[str]) -> str:
    return _REPLACE.get(m.group(), "")


def strip_controls(text: str) -> str:
    """``text`` without the characters listed above (tab and newline kept, ``\\r\\n`` and ``\\r``
    as newlines, whitespace controls as spaces). Returns ``text`` itself when it holds none, so it
    is cheap on the usual line."""
    if text.isprintable() or _UNSAFE.search(text) is None:  # isprintable: a C loop, the usual line's answer
        return text
    return _UNSAFE.sub(_replacement, text.replace("\r\n", "\n"))


def one_line(text: str) -> str:
    """``text`` safe and on one line, runs of whitespace as one space: a message for a log line or
    a table cell (a newline in a server's error must not forge a second log line)."""
    return " ".join(strip_controls(text).split())


def strip_controls_in(value: Any) -> Any:
    """A JSON-able value (dicts, lists, tuples, strings, numbers) with every string passed
    through :func:`strip_controls`, keys included: what ``--json`` output and API answers print."""
    if isinstance(value, str):
        return strip_controls(value)
    if isinstance(value, dict):
        return {strip_controls_in(k): strip_controls_in(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [strip_controls_in(v) for v in value]
    return value


def json_text(value: Any, **kwargs: Any) -> str:
    """``value`` as JSON for output (a ``--json`` line, a diff), its strings made safe first:
    ``json.dumps`` escapes C0 controls but writes C1 controls, bidi overrides and lone surrogates
    as they are (``ensure_ascii=False``), and a lone surrogate then cannot even be printed."""
    return json.dumps(strip_controls_in(value), ensure_ascii=False, **kwargs)
