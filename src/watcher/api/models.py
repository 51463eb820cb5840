"""What the API accepts and answers, as pydantic models: the OpenAPI document is generated from them.

Every response is built from the same dictionaries the CLI prints — an alert from
:func:`watcher.alerts.record.to_json`, a diff from :func:`watcher.report.diff.to_json`, a tracked
claim from :func:`watcher.alerts.record.tracked_claims`, a rule from
:func:`watcher.alerts.feedback.rule_json` — validated into these models, so ``watcher alerts --json``
and ``GET /api/v1/alerts`` cannot drift apart without a test noticing.

The vocabularies (alert kinds, severities, verdicts) come from :mod:`watcher.kinds`: a string
checked against it, with the list of values as its schema's ``enum``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PlainValidator, StrictBool, WithJsonSchema

from .. import kinds
from ..evidence import edittype


def _one_of(values: Sequence[str], what: str):
    def check(value: str) -> str:
        if value not in values:
            raise ValueError(f"unknown {what} {value!r} (one of: {', '.join(values)})")
        return value

    return check


Kind = Annotated[str, AfterValidator(_one_of(kinds.ALL, "kind")),
                 WithJsonSchema({"type": "string", "enum": list(kinds.ALL)})]
Severity = Annotated[str, AfterValidator(_one_of(kinds.SEVERITIES, "severity")),
                     WithJsonSchema({"type": "string", "enum": list(kinds.SEVERITIES)})]
Verdict = Annotated[str, AfterValidator(_one_of(tuple(kinds.VERDICTS), "verdict")),
                    WithJsonSchema({"type": "string", "enum": list(kinds.VERDICTS)})]
Reason = Annotated[str, AfterValidator(_one_of(kinds.DISMISSING, "reason")),
                   WithJsonSchema({"type": "string", "enum": list(kinds.DISMISSING)})]
EditType = Annotated[str, AfterValidator(_one_of(edittype.NAMES, "edit type")),
                     WithJsonSchema({"type": "string", "enum": list(edittype.NAMES)})]
_RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})")


def _instant(value: object) -> datetime:
    """An RFC 3339 date-time — with its offset: a time without one names no instant. Its own parser,
    not pydantic's lax one, which also takes a bare number as Unix time."""
    if not isinstance(value, str) or not _RFC3339.fullmatch(value):
        raise ValueError("not an RFC 3339 date-time with an offset (e.g. 2026-11-25T16:10:00Z)")
    return datetime.fromisoformat(value.replace("z", "Z"))


Instant = Annotated[datetime, PlainValidator(_instant), WithJsonSchema({"type": "string", "format": "date-time"})]
Time = Annotated[str, Field(description="ISO 8601, UTC", examples=["2026-11-25T16:10:01+00:00"])]


class Error(BaseModel):
    error: str = Field(description="what went wrong, for a person")
    detail: list[dict[str, Any]] | None = Field(default=None, description="the fields at fault (422 only)")


class Health(BaseModel):
    state: str = Field(description="ok | failing | warning | never", json_schema_extra={
        "enum": ["ok", "failing", "warning", "never"]})
    text: str
    last_check: Time | None
    last_ok: Time | None
    last_change: Time | None = Field(description="when a new version was last stored")
    last_outcome: str | None
    failures: int = Field(description="failed checks in a row")
    last_error: str | None
    next_check: Time | None = Field(description="the next run `watcher run` planned")


class Reviews(BaseModel):
    """The source's claim alerts and what reviewers said of them."""

    alerts: int
    open: int
    reviewed: int
    confirmed: int
    dismissed: int = Field(description="not_a_claim + wrong_figure")
    not_a_claim: int
    wrong_figure: int


class Source(BaseModel):
    id: str
    title: str
    url: str
    configured: bool = Field(description="false: only in the store, no longer in the config")
    interval: float | None = Field(description="seconds between checks (configured sources)")
    latest_version: int | None
    health: Health
    reviews: Reviews


class Version(BaseModel):
    number: int
    created_at: Time
    origin: str = Field(json_schema_extra={"enum": ["seed", "fetch"]})
    is_baseline: bool
    content_hash: str
    title: str | None
    url: str | None
    paragraphs: int
    words: int
    ignored: int = Field(description="blocks left out as boilerplate")
    text: str | None = Field(default=None, description="the stored text (with ?text=true)")


class Evidence(BaseModel):
    """The capture an alert can be cited by (a WARC record under the state directory)."""

    warc_record_id: str = Field(description="WARC-Record-ID of the response record")
    payload_digest: str = Field(description="WARC-Payload-Digest (sha1, base32) of the body")
    fetched_at: Time | None
    final_url: str
    page_modified: str | None = Field(description="the page's own modified date (JSON-LD, meta, or its "
                                                  "visible Updated line), as written")
    page_published: str | None = None
    warc_file: str | None = None
    warc_offset: int | None = None


class Alert(BaseModel):
    """An alert as ``watcher alerts --json`` prints it."""

    id: int
    source: str
    kind: Kind
    severity: Severity
    before: str | None
    after: str | None
    explanation: str | None
    created_at: Time | None
    changes: list[dict[str, Any]]
    url: str | None
    version: int | None
    baseline_version: int | None
    baseline: str | None
    reverted: bool
    reviewed: bool
    verdict: Verdict | None = Field(description="the reviewer's verdict, if one was given")
    rule: int | None = Field(description="the rule that kept this finding as a text change")
    edit_type: EditType | None = Field(default=None, description="how the claim changed (claim alerts only)")
    silent: bool = Field(default=False, description="a claim change with no correction note and no moved "
                                                     "modified date of the page")
    correction: str | None = Field(default=None, description="the correction note(s) new in the alert's version")
    evidence: Evidence | None = Field(default=None, description="the raw capture of the alert's version")


class AlertPage(BaseModel):
    items: list[Alert]
    next_cursor: str | None = Field(description="pass as ?cursor= for the next page; kept after the last page "
                                                "too (ascending order), to ask later for alerts raised since")
    has_more: bool = Field(description="more alerts matched when this page was read")


class Rule(BaseModel):
    id: int
    source: str
    reason: Reason
    scope: str = Field(json_schema_extra={"enum": ["block", "sentence"]})
    alert_id: int | None = Field(description="the alert whose verdict made it")
    created_at: Time | None
    text: str = Field(description="the block or sentence it was made from")
    match: list[str] = Field(description="the keys it matches (masked-sentence and claim hashes)")


class Reviewed(BaseModel):
    alert: Alert
    rule: Rule | None = Field(description="the rule this verdict made")
    removed_rules: list[Rule] = Field(description="rules an earlier verdict on this alert had made")


class ReviewIn(BaseModel):
    """POST …/review: mark the alert reviewed, with a verdict or none."""

    model_config = ConfigDict(extra="forbid")
    verdict: Verdict | None = None


class ReviewedIn(BaseModel):
    """PATCH /alerts/{id}: set the reviewed flag (false reopens it and clears its verdict and rule)."""

    model_config = ConfigDict(extra="forbid")
    reviewed: StrictBool


class DiffClaim(BaseModel):
    kind: Kind
    severity: Severity
    before: str | None
    after: str | None
    explanation: str
    changes: list[dict[str, Any]]


class TextChange(BaseModel):
    kind: Kind
    before: str | None
    after: str | None


class ParagraphChange(BaseModel):
    status: str = Field(json_schema_extra={"enum": ["changed", "added", "removed"]})
    ops: list[tuple[int, str]] = Field(description="[op, text]: -1 deleted, 0 kept, 1 inserted")


class Ignored(BaseModel):
    text: str
    reason: str


class Diff(BaseModel):
    """``watcher diff ID FROM TO --format json``."""

    model_config = ConfigDict(populate_by_name=True)
    source: str
    from_: int = Field(alias="from")
    to: int
    claims: list[DiffClaim]
    text_changes: list[TextChange]
    paragraphs: list[ParagraphChange]
    ignored: list[Ignored] | None = None


class TrackedClaim(BaseModel):
    """``watcher claims ID --json``."""

    key: str
    baseline: str | None
    figures: list[str]
    status: str
    current: str | None
    history: list[Alert]
