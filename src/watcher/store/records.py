"""What the store hands out: one frozen dataclass per kind of row, JSON already parsed.

Why records and not the rows themselves: a row is a mapping of column names to raw values, some
of them JSON text (an alert's ``data``, a claim state's ``changes``). Every reader would parse
that text again and guess at its keys; a typo in a key is a silent ``None``. Here each row becomes
a typed record once, when it leaves the store, so readers use attributes that mypy checks and the
JSON is parsed exactly once. Records are frozen: a change to the state goes through a ``Store``
method, never through an edited copy that is then forgotten.

Building a record costs one small object per row and no query; the store's hot paths (a pass
over ten thousand sources) read the same rows as before.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..redact import mask_url, redact

Row = Mapping[Any, Any]  # a result row as SQLAlchemy hands it out (RowMapping), or a dict of its columns


@dataclass(frozen=True)
class Version:
    """One stored text of a source (the seed, or a fetched page after extraction)."""

    id: int
    source: str
    number: int
    created_at: float
    origin: str  # "seed" | "fetch"
    is_baseline: bool
    content_hash: str
    title: str | None
    url: str | None
    text: str
    ignored: tuple[tuple[str, str], ...] = ()  # (text, reason) of each block left out as boilerplate

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(p for p in self.text.split("\n\n") if p)

    @classmethod
    def from_row(cls, row: Row) -> Version:
        return cls(id=row["id"], source=row["source"], number=row["number"], created_at=row["created_at"],
                   origin=row["origin"], is_baseline=bool(row["is_baseline"]), content_hash=row["content_hash"],
                   title=row["title"], url=_shown(row["url"]), text=zlib.decompress(row["text_z"]).decode("utf-8"),
                   ignored=unpack_ignored(row.get("ignored_z")))


def _shown(url: str | None) -> str | None:
    """A stored URL as it may be shown. The store writes URLs masked (:meth:`Store.add_version`…);
    rows an older version wrote may still hold a password or a token, so reads mask too."""
    return mask_url(url) if url else url


def _scrubbed(text: str | None) -> str | None:
    """A stored message (an error quoting a URL) with any URL in it masked, for the same reason."""
    return redact(text) if text else text


def pack_text(text: str) -> bytes:
    """The ``text_z`` column: zlib of the UTF-8 text (written by zlib-ng: the same format at about half
    the CPU, see watcher.evidence.warc; imported here, by the first new version, not by every pass)."""
    from zlib_ng import zlib_ng

    return zlib_ng.compress(text.encode("utf-8"), 6)


def pack_ignored(ignored: Sequence[tuple[str, str]]) -> bytes | None:
    """The ``ignored_z`` column: zlib JSON ``[[text, reason], ...]`` (None when nothing was left out)."""
    from zlib_ng import zlib_ng

    return zlib_ng.compress(json.dumps(ignored, ensure_ascii=False).encode("utf-8"), 6) if ignored else None


def unpack_ignored(raw: bytes | None) -> tuple[tuple[str, str], ...]:
    if not raw:
        return ()
    try:
        return tuple((str(t), str(r)) for t, r in json.loads(zlib.decompress(raw).decode("utf-8")))
    except (ValueError, zlib.error, TypeError):
        return ()  # unreadable extras never cost the version itself


@dataclass(frozen=True)
class Capture:
    """A ``captures`` row: where a fetched version's raw HTTP exchange is kept (a WARC record) and
    what the page said of its own dates (see :mod:`watcher.evidence`)."""

    version_id: int
    source: str
    warc_file: str  # relative to the captures folder
    warc_offset: int
    warc_length: int
    record_id: str
    payload_digest: str
    block_digest: str
    fetched_at: float
    final_url: str
    status: int
    page_published: str | None = None
    page_modified: str | None = None
    page_updated: str | None = None

    @classmethod
    def from_row(cls, row: Row) -> Capture:
        return cls(**{k: row[k] for k in cls.__dataclass_fields__})


@dataclass(frozen=True)
class SourceState:
    """A ``sources`` row: what the last checks of a source left behind (health, validators, plan)."""

    id: str
    url: str
    title: str | None = None
    last_check: float | None = None
    last_ok: float | None = None
    last_change: float | None = None
    last_outcome: str | None = None  # new_version | unchanged | baseline | source_error | source_warning
    failures: int = 0  # failed checks in a row
    last_error: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    raw_hash: str | None = None  # sha256 of the last body fetched: identical bytes are not extracted again
    next_due: float | None = None  # the next run `watcher run` planned

    @classmethod
    def from_row(cls, row: Row) -> SourceState:
        return cls(id=row["id"], url=mask_url(row["url"]), title=row["title"], last_check=row["last_check"],
                   last_ok=row["last_ok"], last_change=row["last_change"], last_outcome=row["last_outcome"],
                   failures=row["failures"] or 0, last_error=_scrubbed(row["last_error"]), etag=row["etag"],
                   last_modified=row["last_modified"], raw_hash=row["raw_hash"], next_due=row["next_due"])


@dataclass(frozen=True)
class BaselineRef:
    """Which baseline a source has, without its text: enough to tell whether the seed file moved."""

    origin: str
    content_hash: str


@dataclass(frozen=True)
class PassMeta:
    """What a pass knows of a source's versions before it fetches (read for all sources at once), so
    an unchanged page is settled without a query of its own."""

    baseline: BaselineRef | None = None
    latest: int | None = None  # number of the latest fetched version
    latest_hash: str | None = None  # its content hash: whether a new extraction will be a new version


@dataclass(frozen=True)
class AlertData:
    """The ``data`` JSON of an alert: where it points and what it compares.

    Only what differs from the defaults is stored (:meth:`to_json`), and a key missing from an older
    row reads as its default, so rows written before a field existed stay readable.
    """

    url: str | None = None
    version: int | None = None  # the version this alert was raised at
    baseline_version: int | None = None
    changes: tuple[dict, ...] = ()  # the figures and cues that changed (watcher.claims.compare)
    key: str | None = None  # the claim it is about
    baseline: str | None = None  # the claim's sentence at baseline
    previous: str | None = None  # what the claim said when it last alerted (a change alerted again)
    previous_changes: tuple[dict, ...] = ()
    reverted: bool = False  # the claim is back to its baseline form
    born_version: int | None = None  # a claim added after the baseline: the version it appeared in
    error: str | None = None  # source_error / source_warning: what went wrong
    rule: int | None = None  # a claim finding a reviewer's rule kept as text_changed: that rule's id
    edit_type: str | None = None  # claim alerts: watcher.evidence.edittype.EDIT_TYPES
    silent: bool = False  # a claim change with no correction note and no moved modified date
    correction: str | None = None  # the correction note(s) new in the alert's version
    evidence: dict | None = None  # the capture of the alert's version (watcher.evidence.capture.evidence)

    @classmethod
    def from_json(cls, text: str | None) -> AlertData:
        raw = json.loads(text) if text else {}
        if not isinstance(raw, dict):
            return cls()
        return cls(url=_shown(raw.get("url")), version=raw.get("version"), baseline_version=raw.get("baseline_version"),
                   changes=tuple(raw.get("changes") or ()), key=raw.get("key"), baseline=raw.get("baseline"),
                   previous=raw.get("previous"), previous_changes=tuple(raw.get("previous_changes") or ()),
                   reverted=bool(raw.get("reverted")), born_version=raw.get("born_version"),
                   error=_scrubbed(raw.get("error")), rule=raw.get("rule"), edit_type=raw.get("edit_type"),
                   silent=bool(raw.get("silent")), correction=raw.get("correction"),
                   evidence=raw.get("evidence") if isinstance(raw.get("evidence"), dict) else None)

    def to_json(self) -> str:
        fields = {k: (list(v) if isinstance(v, tuple) else v) for k, v in vars(self).items()
                  if v is not None and v is not False and v != ()}
        return json.dumps(fields, ensure_ascii=False)


@dataclass(frozen=True)
class AlertRecord:
    """An ``alerts`` row: one thing a person should be told, said once."""

    id: int
    source: str
    kind: str  # one of watcher.kinds
    severity: str
    before: str | None
    after: str | None
    explanation: str | None
    data: AlertData
    version_id: int | None  # None for source errors and warnings
    created_at: float
    fingerprint: str
    reviewed: bool = False
    verdict: str | None = None  # the reviewer's (watcher.alerts.feedback.VERDICTS), from the reviews table

    @classmethod
    def from_row(cls, row: Row) -> AlertRecord:
        return cls(id=row["id"], source=row["source"], kind=row["kind"], severity=row["severity"],
                   before=row["before"], after=row["after"], explanation=_scrubbed(row["explanation"]),
                   data=AlertData.from_json(row["data"]), version_id=row["version_id"],
                   created_at=row["created_at"], fingerprint=row["fingerprint"], reviewed=bool(row["reviewed"]),
                   verdict=row.get("verdict"))


@dataclass(frozen=True)
class Rule:
    """A ``rules`` row: a reviewer said an alert of ``source`` was not a claim (or read a wrong figure);
    findings of that source whose sentences carry one of ``match``'s keys are kept as ``text_changed``
    (see :mod:`watcher.alerts.feedback`)."""

    id: int
    source: str
    reason: str  # not_a_claim | wrong_figure
    scope: str  # block | sentence: what ``text`` is
    alert_id: int | None
    match: frozenset[str]
    text: str
    created_at: float

    @classmethod
    def from_row(cls, row: Row) -> Rule:
        return cls(id=row["id"], source=row["source"], reason=row["reason"], scope=row["scope"],
                   alert_id=row["alert_id"], match=frozenset(json.loads(row["match"] or "[]")), text=row["text"],
                   created_at=row["created_at"])


@dataclass(frozen=True)
class ReviewCounts:
    """What reviewers said about one source's claim alerts (``watcher sources``, the API)."""

    alerts: int = 0  # claim alerts raised
    reviewed: int = 0
    confirmed: int = 0
    not_a_claim: int = 0
    wrong_figure: int = 0

    @property
    def dismissed(self) -> int:
        return self.not_a_claim + self.wrong_figure


@dataclass(frozen=True)
class AlertHead:
    """The columns of an alert that routing needs (no texts, no JSON): cheap to read by the thousand."""

    id: int
    source: str
    kind: str
    severity: str
    created_at: float


@dataclass(frozen=True)
class ClaimState:
    """A ``claim_states`` row: the last state alerted for one claim of a source (what is news is what
    differs from it; see :mod:`watcher.alerts.record`)."""

    source: str
    key: str
    kind: str
    state: str
    baseline_text: str | None
    last_text: str | None
    changes: tuple[dict, ...]
    version_id: int | None
    updated_at: float

    @classmethod
    def from_row(cls, row: Row) -> ClaimState:
        return cls(source=row["source"], key=row["key"], kind=row["kind"], state=row["state"],
                   baseline_text=row["baseline_text"], last_text=row["last_text"],
                   changes=tuple(json.loads(row["changes"] or "[]")), version_id=row["version_id"],
                   updated_at=row["updated_at"])


@dataclass(frozen=True)
class Delivery:
    """A ``deliveries`` row: one alert for one notifier, and how its sending went."""

    id: int
    alert_id: int
    notifier: str  # hash of the Apprise URL
    mode: str  # "now" | "digest"
    state: str  # "pending" | "sending" (leased) | "delivered" | "expired"
    attempts: int
    next_attempt: float
    expires_at: float
    last_error: str | None
    created_at: float
    delivered_at: float | None = None
    display: str | None = None  # the notifier's URL with its secrets masked (Store.deliveries only)

    @classmethod
    def from_row(cls, row: Row) -> Delivery:
        return cls(id=row["id"], alert_id=row["alert_id"], notifier=row["notifier"], mode=row["mode"],
                   state=row["state"], attempts=row["attempts"], next_attempt=row["next_attempt"],
                   expires_at=row["expires_at"], last_error=row["last_error"], created_at=row["created_at"],
                   delivered_at=row["delivered_at"], display=row.get("display"))
