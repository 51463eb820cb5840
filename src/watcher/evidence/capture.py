"""The one step the check pipeline takes for evidence when it stores a new fetched version: keep
the raw exchange (:mod:`.warc`, then its row), record the correction notes the version brought, and
say what its claim alerts need to know — the evidence object, the new notes, and whether the page
moved its modified date.

Called inside the check's transaction, after the version row is added and before the commit: the
WARC record is written — and fsynced, but in a pass of many checks, which syncs its files once at
its end — before the rows pointing at it can be committed. The records themselves are usually
built beforehand in the extraction lane (``packed``). Nothing here runs for an unchanged page.

Secrets: the store keeps masked URLs only (:mod:`watcher.redact`), and so do the captures — the
target URI and request line are the masked URL, credentials in request headers (``Authorization``,
``Cookie``) are masked. The response is kept as the server sent it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import Connection

from ..fetch import FetchResult
from ..redact import MASK, mask_url
from ..store import Store, StoreFault, Version, now
from ..store import captures as rows
from ..store.records import Capture
from ..timefmt import iso
from . import corrections, warc
from .pagedates import PageDates

_SECRET_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie"})


@dataclass(frozen=True)
class VersionEvidence:
    """What the claim alerts of one version carry (:mod:`watcher.alerts.record`)."""

    evidence: dict | None = None  # the alert-JSON ``evidence`` object; None without a capture
    notes: tuple[str, ...] = ()  # correction notes new in this version
    note_paragraphs: tuple[str, ...] = ()  # every note of the version (their sentences are no claims)
    date_moved: bool = False  # the page changed its modified date since the previous capture

    @property
    def correction(self) -> str | None:
        return "\n\n".join(self.notes) or None

    @property
    def silent(self) -> bool:
        """A claim change of this version is silent: no new note, no moved modified date."""
        return not self.notes and not self.date_moved


def exchange(res: FetchResult, url: str) -> warc.Exchange:
    """The WARC view of a fetch, secrets masked (see the module doc)."""
    req = tuple((k, MASK if k.lower() in _SECRET_HEADERS else v) for k, v in res.request_headers)
    response = res.raw_headers or tuple(res.headers.items())
    return warc.Exchange(url=mask_url(url), fetched_at=res.fetched_at or now(), status=res.status or 200,
                         reason=res.reason, http_version=res.http_version, response_headers=response,
                         request_headers=req, body=res.body)


def evidence(cap: Capture, dates: PageDates) -> dict:
    """The alert-JSON ``evidence`` object of a capture."""
    return {"warc_record_id": cap.record_id, "payload_digest": cap.payload_digest,
            "fetched_at": iso(cap.fetched_at), "final_url": cap.final_url, "page_modified": dates.page_modified,
            "page_published": dates.published, "warc_file": cap.warc_file, "warc_offset": cap.warc_offset}


def _dates(cap: Capture) -> PageDates:
    return PageDates(published=cap.page_published, modified=cap.page_modified, updated_line=cap.page_updated)


def keep(store: Store, c: Connection, version: Version, res: FetchResult, dates: PageDates | None,
         previous: Version | None, packed: warc.Packed | None = None) -> VersionEvidence:
    """Capture ``res`` as the exchange of the new ``version`` and record its new correction notes.

    ``previous``: the version stored before it (whose notes are not new); ``dates``: what the page
    said of its dates (None: not read); ``packed``: the exchange's records, when the extraction lane
    already built them from :func:`exchange` of ``res``. Without a captures folder (a store with no
    state directory) no capture is written; notes and dates are still judged."""
    dates = dates or PageDates()
    # a source's first version has no capture before it (captures belong to versions)
    before = rows.latest(c, version.source) if previous is not None else None
    mine = corrections.note_paragraphs(version.paragraphs)
    notes = corrections.new_notes(mine, previous.paragraphs if previous else ())
    rows.add_corrections(c, version.source, version.id, notes, version.created_at)
    moved = dates.moved_from(_dates(before)) if before is not None else dates.declares_update
    found = VersionEvidence(notes=tuple(notes), note_paragraphs=tuple(mine), date_moved=moved)
    if store.captures_dir is None or not res.body:
        return found
    url = res.final_url or res.url
    p = packed or warc.records(exchange(res, url))
    deferred = store.defer_capture_sync(store.captures_dir / p.file)
    try:
        w = warc.write(store.captures_dir, p, sync=not deferred)
    except OSError as e:  # full, read-only, no permission: the operator's to fix, and the pass stops
        raise StoreFault(f"the captures folder {store.captures_dir} cannot be written: "
                         f"{e.strerror or e} (is its disk full or read-only?)") from None
    cap = Capture(version_id=version.id, source=version.source, warc_file=w.file, warc_offset=w.offset,
                  warc_length=w.length, record_id=w.record_id, payload_digest=w.payload_digest,
                  block_digest=w.block_digest, fetched_at=res.fetched_at or version.created_at,
                  final_url=mask_url(url), status=res.status or 200, page_published=dates.published,
                  page_modified=dates.modified, page_updated=dates.updated_line)
    rows.add(c, cap)
    return VersionEvidence(evidence(cap, dates), found.notes, found.note_paragraphs, moved)
