"""One check of one source — the only place that knows the order of the stages.

fetch → (unchanged bytes? stop) → extract (in worker processes; for a page that will be a new
version also its WARC records and its comparison with the baseline) → fault check → store a version
when the cleaned text changed → compare with the baseline → record alerts. Everything a check
writes happens in one transaction, so a kill mid-check loses nothing and duplicates nothing; only
the bookkeeping of unchanged pages (check time, validators) is batched across sources, since losing
it loses no version and no alert. Sources are independent: an exception in one is reported as that
source's error. Where the blocking work runs (a db thread, the extraction lane) is :mod:`watcher.lanes`;
:mod:`watcher.passes` runs a pass.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Protocol

from .alerts.problems import record_problem
from .config import Config, SiteRules, Source
from .extract import Document
from .fetch import Client, FetchResult, Politeness, fetch, make_client
from .fetch.polite import Recall
from .lanes import Workers
from .redact import redact
from .sanitize import one_line
from .store import (
    AlertRecord,
    BaselineRef,
    PassMeta,
    SourceState,
    Store,
    StoreFault,
    Version,
    discovered,
    now,
)
from .store import blocks as template_blocks
from .store.records import pack_ignored, pack_text

if TYPE_CHECKING:
    from .claims.compare import Finding
    from .evidence.capture import VersionEvidence
    from .evidence.pagedates import PageDates
    from .evidence.warc import Exchange, Packed

log = logging.getLogger("watcher.check")


class AlreadyStored(Exception):
    """Raised by a :class:`WriteGuard`: this check's result is already stored (another run of the same
    check committed first); the check's transaction is rolled back and nothing is written."""


class WriteGuard(Protocol):
    """Called inside the transaction that stores a check's result, with the source's row locked:
    ``enter`` before anything is written (raise :class:`AlreadyStored` to write nothing), ``leave``
    just before the commit. A cluster node (:mod:`watcher.cluster.guard`) makes its idempotency key
    part of that transaction this way, so a check run twice stores once."""

    def enter(self, c) -> None: ...

    def leave(self, c) -> None: ...


@contextmanager
def _writing(store: Store, source_id: str, guard: WriteGuard | None) -> Iterator:
    """The one transaction a check writes in: the source's row locked first, so two processes
    storing the same source take turns and the second reads what the first stored (SQLite: its
    write lock; PostgreSQL: the row lock)."""
    with store.transaction(immediate=True) as c:
        store.lock_source(c, source_id)
        if guard is not None:
            guard.enter(c)
        yield c
        if guard is not None:
            guard.leave(c)


# analysed sentences an extraction worker keeps: it meets a given baseline again rarely (the sources
# are spread over the workers), and a bounded cache keeps every worker small
LANE_SENTENCE_CACHE = 500


@dataclass(frozen=True)
class BaselineText:
    """The baseline a check hands to the extraction lane with a changed page, so the claim
    comparison runs there (the costliest step of a changed page: sentence segmentation and figure
    parsing of both texts) rather than on the store's one thread."""

    id: int
    paragraphs: tuple[str, ...]
    seed: bool


Compared = tuple[int, list["Finding"]]  # (id of the baseline compared with, the findings)


@dataclass(frozen=True)
class Prepared:
    """What the extraction lane readied for storing a page it expects to be a new version, so the
    store's one thread (which every check's transaction shares) only appends and inserts."""

    packed: Packed | None = None  # its WARC records (none without a captures folder)
    compared: Compared | None = None  # its comparison with the baseline (none without a baseline)
    columns: tuple[bytes, bytes | None] | None = None  # its text and left-out blocks, compressed


@dataclass
class CheckResult:
    source: str
    outcome: str  # new_version | unchanged | baseline | error | warning | merged (the same article as another)
    duration: float = 0.0
    version: int | None = None
    alerts: list[AlertRecord] = field(default_factory=list)
    message: str | None = None
    timings: dict[str, float] = field(default_factory=dict)


class CheckInterrupted(StoreFault):
    """A pass stopped by a storage fault (full, read-only, locked): ``results`` are the checks that
    finished and were saved before it — they are kept, each in its own committed transaction."""

    def __init__(self, fault: StoreFault, results: list[CheckResult], total: int) -> None:
        super().__init__(f"{len(results)} of {total} source(s) checked and saved; {fault}")
        self.fault, self.results, self.total = fault, results, total


def _ensure_seed_baseline(store: Store, c, source: Source, seed: Document | None,
                          empty: bool = False) -> tuple[Version | None, bool]:
    """The baseline version; the seed (re)written into the store when it changed. ``empty``: the
    source has no version at all (read in this transaction), so there is no baseline to read."""
    base = None if empty else store.baseline(c, source.id)
    if seed is None:
        return base, False
    if base is not None and base.origin == "seed" and base.content_hash == seed.content_hash:
        return base, False
    new = store.add_version(c, source.id, text=seed.text, content_hash=seed.content_hash, title=seed.title,
                            url=str(source.baseline), origin="seed", is_baseline=True,
                            replaces=base is not None)
    store.clear_claim_states(c, source.id)
    return new, True


def _seed_differs(seed: Document | None, baseline: BaselineRef | None) -> bool:
    """The seed no longer matches the stored baseline, so even unchanged bytes need a comparison.
    Compared by hash only: no version text is loaded."""
    return seed is not None and (baseline is None or baseline.origin != "seed"
                                 or baseline.content_hash != seed.content_hash)


def _seed_changed(store: Store, c, source: Source, seed: Document | None) -> bool:
    return _seed_differs(seed, store.baseline_ref(c, source.id))


def _ok_values(res: FetchResult, state: SourceState) -> dict:
    """What a successful fetch records on its source, changed or not."""
    t = now()
    return dict(last_check=t, last_ok=t, failures=0, last_error=None, etag=res.etag or state.etag,
                last_modified=res.last_modified or state.last_modified)


def _problem(store: Store, source: Source, state: SourceState, kind: str, message: str, res: FetchResult | None,
             start: float, guard: WriteGuard | None = None, **extra) -> CheckResult:
    """Record a ``source_error``/``source_warning`` (its alert once per streak); ``extra``: more
    columns of the source row to write with it. The message can quote the server (a reason phrase,
    a Location) or a URL: it is stored as one line without control characters, URLs and the
    source's secrets masked."""
    message = one_line(redact(message, source.secrets))
    with _writing(store, source.id, guard) as c:
        a = record_problem(store, c, source.id, kind, message, state, source.url)
        values = dict(last_check=now(), last_outcome=kind, last_error=message, **extra)
        if kind == "source_error":
            values["failures"] = state.failures + 1
        store.update_source(c, source.id, **values)
    return CheckResult(source.id, "error" if kind == "source_error" else "warning", time.monotonic() - start,
                       alerts=[a] if a else [], message=message)


def process(store: Store, source: Source, res: FetchResult, doc: Document | None, state: SourceState,
            start: float, timings: dict[str, float], raw_hash: str | None = None,
            seed: Document | None = None, guard: WriteGuard | None = None,
            dates: PageDates | None = None, prepared: Prepared | None = None) -> CheckResult:
    """Everything after fetch and extraction: fault check, version, comparison, alerts; a new fetched
    version keeps its raw capture and its notes (:func:`watcher.evidence.capture.keep`).

    ``prepared``: the page's WARC records, compressed columns and comparison with the baseline,
    made beside its extraction (see :func:`_extract`; a comparison with another baseline than the
    one found here is made again).
    ``doc`` is None when the bytes were the same as last time (or a 304): then only a changed seed
    file makes work, by comparing the latest stored version with the new baseline. ``seed`` is the
    source's cleaned seed file, already parsed in the extraction lane (:meth:`watcher.lanes.Workers.seed`): this
    runs on the db thread, where parsing HTML would race the extraction lane inside lxml."""
    t0 = time.monotonic()
    with _writing(store, source.id, guard) as c:
        ok = _ok_values(res, state)
        if doc is None and not _seed_changed(store, c, source, seed):  # the cheap path: nothing to do
            store.update_source(c, source.id, last_outcome="unchanged", **ok)
            return CheckResult(source.id, "unchanged", time.monotonic() - start, store.latest_number(c, source.id),
                               timings=timings)
        # the source's highest version number, read under its lock: a new source's first page (most
        # of a first pass) then reads no baseline and no latest version, and numbers its version
        # without reading it again
        top = store.max_number(c, source.id)
        baseline, reseeded = _ensure_seed_baseline(store, c, source, seed, empty=top is None)
        latest = store.latest(c, source.id) if top is not None else None
        if doc is None:  # the seed changed: compare the latest version with the new baseline
            if latest is None:
                store.update_source(c, source.id, last_outcome="unchanged", **ok)
                return CheckResult(source.id, "unchanged", time.monotonic() - start, None, timings=timings)
            doc = Document(title=latest.title, paragraphs=latest.paragraphs)
        base_doc = Document(baseline.title, baseline.paragraphs) if baseline else None
        from .extract import faults  # here: a pass of unchanged pages never judges one

        reason = faults.assess(doc, base_doc)
        if reason is None:
            ok.update(title=source.title or doc.title, raw_hash=raw_hash or state.raw_hash)
            if latest is not None and latest.content_hash == doc.content_hash and not reseeded:
                store.update_source(c, source.id, last_outcome="unchanged", **ok)
                return CheckResult(source.id, "unchanged", time.monotonic() - start, latest.number,
                                   timings=timings)
            found = None
            if latest is not None and latest.content_hash == doc.content_hash:
                version = latest
            else:
                version = store.add_version(c, source.id, text=doc.text, content_hash=doc.content_hash,
                                            title=doc.title, url=res.final_url or source.url, origin="fetch",
                                            is_baseline=baseline is None, ignored=doc.ignored,
                                            packed=prepared.columns if prepared else None,
                                            replaces=baseline is not None,
                                            number=None if reseeded else (top or 0) + 1)
                from .evidence import capture  # lazily: warcio is loaded by the first changed page only

                found = capture.keep(store, c, version, res, dates, latest or baseline,
                                     prepared.packed if prepared else None)
                ok["last_change"] = now()
                if source.feed is not None and baseline is not None:  # an edit: on the ladder it is young again
                    discovered.changed(c, source.id, ok["last_change"])
            timings["store"] = time.monotonic() - t0
            new_alerts: list[AlertRecord] = []
            outcome = "baseline" if baseline is None else "new_version"
            tmpl = _template_blocks(store, c, source, version, baseline, first=latest is None)
            if baseline is not None and baseline.id != version.id:
                t1 = time.monotonic()
                new_alerts = _compare_and_record(store, c, source, version, baseline, tmpl, found,
                                                 prepared.compared if prepared else None)
                timings["compare"] = time.monotonic() - t1
            store.update_source(c, source.id, last_outcome=outcome, **ok)
            return CheckResult(source.id, outcome, time.monotonic() - start, version.number, new_alerts,
                               timings=timings)
    result = _problem(store, source, state, "source_warning", reason, res, start, guard)
    result.timings = timings
    return result


def _compare_and_record(store: Store, c, source: Source, version: Version, baseline: Version,
                        tmpl: list[str], found: VersionEvidence | None = None,
                        compared: Compared | None = None) -> list[AlertRecord]:
    """Compare a new version with the baseline and record what is news; ``found``: the version's
    evidence (its notes' own sentences are no claim changes; its alerts carry it); ``compared``:
    the comparison the extraction lane made, used when it was made with this baseline.

    The claim engine is imported here, at the first changed page, not with the pipeline: a pass
    over unchanged or failing pages never pays for it (imports are most of a short pass's CPU)."""
    from .alerts import record
    from .claims import template
    from .claims.compare import compare
    from .evidence import corrections

    raw = compared[1] if compared is not None and compared[0] == baseline.id else \
        compare(baseline.paragraphs, version.paragraphs, seed=baseline.origin == "seed")
    findings = template.demote(raw, tmpl)
    findings = corrections.demote(findings, found.note_paragraphs if found else ())
    return record.record_findings(store, c, source.id, findings, version, baseline, source.url, found)


def _template_blocks(store: Store, c, source: Source, version: Version, baseline: Version | None,
                     first: bool = False) -> list[str]:
    """Paragraphs of this version and its baseline that other sources of the host also carry (none
    asked for when there is no baseline to compare with); and this version's short blocks recorded
    as evidence for the others (a new version only: the claim engine is imported then, see
    :func:`_compare_and_record`). ``first``: the source's first fetched
    version, so no blocks of its own are stored yet (a thousand new articles skip a thousand deletes)."""
    from .claims import template

    host = template.host_of(source.url)
    page = template.candidates(version.paragraphs)
    if baseline is None or baseline.id == version.id:  # nothing to compare: only record this page's blocks
        template_blocks.set_blocks(c, host, source.id, set(page), replace=not first)
        return []
    base = template.candidates(baseline.paragraphs)

    def mirrors(hashes: set[str], floor: int) -> set[str]:
        return template_blocks.block_overlap(c, host, source.id, hashes, floor)

    def carried(hashes: set[str], mirror_ids: set[str]) -> set[str]:
        return template_blocks.carried_elsewhere(c, host, hashes, mirror_ids | {source.id})

    found = template.template_hashes(page, mirrors, carried) | template.template_hashes(base, mirrors, carried)
    template_blocks.set_blocks(c, host, source.id, set(page), replace=not first)
    return [p for h, p in {**base, **page}.items() if h in found]


def fetch_options(source: Source, config: Config) -> dict:
    """The fetch limits of ``source`` (its own keys, else ``[defaults]``) as :func:`fetch` keywords."""
    return dict(timeout=source.timeout, connect_timeout=source.connect_timeout, read_timeout=source.read_timeout,
                max_bytes=source.max_bytes, max_decompressed=source.max_decompressed, retries=source.retries,
                min_delay=source.min_delay, respect_robots=source.respect_robots, allow_private=source.allow_private,
                max_redirects=config.defaults.max_redirects, user_agent=source.user_agent)


def new_politeness(config: Config, recall: Recall | None = None) -> Politeness:
    """Per-host state (slots, delays, robots.txt) shared by the checks of one pass or one service;
    ``recall``: where it finds the robots.txt files other processes read
    (:func:`watcher.robotsfiles.robots_recall`)."""
    return Politeness(per_host=config.defaults.per_host, recall=recall)


def client_for(config: Config, user_agent: str = "watcher") -> Client:
    """The pooled HTTP client of a pass, with the configured proxy (else the environment's)."""
    return make_client(user_agent, config.defaults.timeout, config.defaults.concurrency, proxy=config.defaults.proxy)


def _extract(body: bytes, encoding: str | None, rules: SiteRules | None = None, exchange: Exchange | None = None,
             latest_hash: str | None = None, baseline: BaselineText | None = None
             ) -> tuple[Document, PageDates, Prepared | None]:
    """The article and the page's own dates and, for a page that will be a new version (its content
    hash is not ``latest_hash``, the source's latest fetched version's; None: it has none), what
    storing it takes (:class:`Prepared`): the WARC records of its ``exchange``, its compressed
    columns and its comparison with the ``baseline``. All of it byte, HTML and text work for the
    extraction lane's processes; the store's one thread then only appends, inserts and records."""
    from .evidence import pagedates
    from .extract.html import decode, extract

    text = decode(body, encoding)  # once for both: decoding may mean charset detection
    doc = extract(text, rules=rules)
    dates = pagedates.of_page(text, doc.ignored, doc.paragraphs)
    if doc.content_hash == latest_hash:
        return doc, dates, None
    packed: Packed | None = None
    compared: Compared | None = None
    if exchange is not None:
        from .evidence import warc

        packed = warc.records(exchange)
    if baseline is not None:
        from .claims.compare import compare
        from .claims.sentences import trim_caches

        compared = (baseline.id, compare(baseline.paragraphs, doc.paragraphs, seed=baseline.seed))
        trim_caches(LANE_SENTENCE_CACHE)
    return doc, dates, Prepared(packed, compared, (pack_text(doc.text), pack_ignored(doc.ignored)))


def _lane_inputs(store: Store, source_id: str, meta: PassMeta | None) -> tuple[str | None, BaselineText | None]:
    """What the extraction lane needs besides the page: the content hash of the source's latest
    fetched version (from ``meta`` when a pass read it already) and the baseline's text."""
    with store.transaction() as c:
        latest = meta.latest_hash if meta is not None else store.latest_hash(c, source_id)
        b = store.baseline(c, source_id)
    return latest, BaselineText(b.id, b.paragraphs, b.origin == "seed") if b is not None else None


def _begin(store: Store, source: Source) -> SourceState:
    with store.transaction() as c:
        return store.ensure_source(c, source.id, source.url)


def _skip_note(raw_hash: str) -> str:
    """The tail of an internal error's message that remembers the failing body (``raw_hash``)."""
    return f" (page sha256 {raw_hash[:12]}: not processed again until it changes)"


def _failed_bytes(state: SourceState) -> str | None:
    """The raw hash of the body whose processing last failed with an internal error, if any.

    Remembered in the source's ``raw_hash`` (so identical bytes compare as the same page, like any
    unchanged page) and named in ``last_error`` (so ``watcher sources`` says it is skipped)."""
    h = state.raw_hash
    if h and state.last_outcome == "source_error" and (state.last_error or "").endswith(_skip_note(h)):
        return h
    return None


def _internal_error(store: Store, source: Source, state: SourceState, e: Exception, raw_hash: str | None,
                    start: float, guard: WriteGuard | None = None) -> CheckResult:
    """A ``source_error`` for a bug met while checking one source; with ``raw_hash`` (the body it
    failed on) those bytes are remembered, so the next checks skip them instead of failing the
    same way each time (the alert is raised once: :func:`record_problem`)."""
    message = f"internal error: {type(e).__name__}: {e}"
    if raw_hash is None:
        return _problem(store, source, state, "source_error", message, None, start, guard)
    return _problem(store, source, state, "source_error", message + _skip_note(raw_hash), None, start, guard,
                    raw_hash=raw_hash)


def _still_failing(store: Store, source: Source, state: SourceState, start: float,
                   guard: WriteGuard | None = None) -> CheckResult:
    """The page is still the body an internal error was met on: note the check, nothing else."""
    with _writing(store, source.id, guard) as c:
        store.update_source(c, source.id, last_check=now())
    return CheckResult(source.id, "error", time.monotonic() - start, message=state.last_error)


async def _first_fetch(store: Store, source: Source, res: FetchResult, client, config: Config,
                       polite: Politeness | None, workers: Workers, reserved: Mapping[str, str]):
    """The first fetch of a discovered source: settle its URL by what the page says
    (:mod:`watcher.discover.settle`) and, when it moved, fetch the canonical page instead. The
    canonical link is read in the extraction lane (an HTML parse); discovery's modules are imported
    here, by the first fetch of a discovered source only."""
    from .discover.canon import canonical_after_fetch
    from .discover.settle import settle

    canonical = await workers.run_cpu(canonical_after_fetch, source.url, res.final_url, res.body)
    settled = await workers.run_db(settle, store, source.id, source.url, canonical, reserved)
    if settled.outcome == "moved":
        source = replace(source, url=settled.url)
        res = await fetch(client, source.url, polite=polite, **fetch_options(source, config))
    return source, res, settled


async def check(store: Store, source: Source, client, config: Config,
                polite: Politeness | None = None, workers: Workers | None = None,
                known: tuple[SourceState, PassMeta] | None = None, guard: WriteGuard | None = None,
                reserved: Mapping[str, str] | None = None) -> CheckResult:
    """One check of one source. Never raises but :class:`AlreadyStored` (from ``guard``): an internal
    error becomes a ``source_error``.

    ``known``: the source's state and version summary, read for the whole pass by
    :func:`check_all`; with it (in a batching pass) an unchanged page costs no query of its own.
    ``guard``: see :class:`WriteGuard` (a check with one writes each result in its own transaction).
    ``reserved``: canonical URLs of the config's sources (``watcher.discover.run.Reserved``), which
    a discovered source whose page declares one of them is merged into."""
    own = workers is None
    workers = workers or Workers.for_pass(1)
    start = time.monotonic()
    timings: dict[str, float] = {}
    state, meta = known if known is not None else (await workers.run_db(_begin, store, source), None)
    body_hash: str | None = None  # the body being processed: an internal error from then on is remembered
    try:
        # after an internal error, fetch unconditionally: a 304 could not tell the failing body
        # from the last good one, the raw hash of a full body can
        conditional = state.raw_hash is not None and _failed_bytes(state) is None
        res = await fetch(client, source.fetch_url, etag=state.etag if conditional else None,
                          last_modified=state.last_modified if conditional else None,
                          polite=polite, **fetch_options(source, config))
        timings["fetch"] = res.elapsed
        if source.feed is not None and state.raw_hash is None and res.ok:
            source, res, settled = await _first_fetch(store, source, res, client, config, polite, workers,
                                                      reserved or {})
            if settled.outcome == "merged":
                return CheckResult(source.id, "merged", time.monotonic() - start,
                                   message=f"the same article as {settled.into} ({settled.url})")
            if settled.outcome == "moved":
                state = replace(state, url=source.url, etag=None, last_modified=None, raw_hash=None)
        if res.error:
            return await workers.run_db(_problem, store, source, state, "source_error", res.error, res, start, guard)
        if res.warning:
            return await workers.run_db(_problem, store, source, state, "source_warning", res.warning, res, start,
                                        guard)
        seed = await workers.seed(source)
        doc, dates = None, None
        raw_hash = hashlib.sha256(res.body).hexdigest() if res.body else state.raw_hash
        same = res.not_modified or raw_hash == state.raw_hash
        if same and _failed_bytes(state) is not None:
            return await workers.run_db(_still_failing, store, source, state, start, guard)
        if (same and guard is None and workers.batch is not None and meta is not None
                and not _seed_differs(seed, meta.baseline)):
            await workers.note_unchanged(store, source.id, dict(last_outcome="unchanged", **_ok_values(res, state)))
            return CheckResult(source.id, "unchanged", time.monotonic() - start, meta.latest, timings=timings)
        body_hash = raw_hash
        prepared = None
        if not same:
            t = time.monotonic()
            # a page that will be a new version has its records built and its claims compared beside
            # its extraction (the body is pickled once for both), not on the store's one thread
            ex = None
            if store.captures_dir is not None and res.body:
                from .evidence.capture import exchange

                ex = exchange(res, res.final_url or res.url)
            if meta is not None and meta.baseline is None:  # a pass knows there is nothing to read
                latest_hash, base = meta.latest_hash, None
            else:
                latest_hash, base = await workers.run_db(_lane_inputs, store, source.id, meta)
            doc, dates, prepared = await workers.run_cpu(_extract, res.body, res.encoding, source.extract, ex,
                                                         latest_hash, base)
            timings["extract"] = time.monotonic() - t
        return await workers.run_db(process, store, source, res, doc, state, start, timings, raw_hash, seed, guard,
                                    dates, prepared)
    except AlreadyStored:
        raise
    except StoreFault:  # the database's fault, not the source's: the pass stops (check_all)
        raise
    except Exception as e:  # one source's bug must not stop the others
        log.exception("check of %s failed", source.id)
        return await workers.run_db(_internal_error, store, source, state, e, body_hash, start, guard)
    finally:
        if own:
            workers.close()
