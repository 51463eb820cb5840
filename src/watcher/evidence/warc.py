"""Raw captures as WARC (ISO 28500), written and read with warcio.

One stored version keeps its HTTP exchange as two records: the ``response`` (status line, headers,
body) and the ``request`` that asked for it (``WARC-Concurrent-To`` the response), each its own gzip
member so a record is read back by seeking to its offset. warcio computes ``WARC-Block-Digest`` and
``WARC-Payload-Digest`` (sha1, base32) as it writes.

**The body is the one the pipeline extracted**: fetching inflates gzip/deflate itself, within bounds
(:mod:`watcher.fetch.body`). So the response's headers are made consistent with that body, as replay
tools need: ``Content-Encoding``, ``Transfer-Encoding`` and ``Content-Length`` are kept as
``X-Archive-Orig-…`` headers (the prefix pywb itself uses) and a ``Content-Length`` of the stored
body is set. Everything else (status, reason, header order and case, duplicates) is as received.

**Files**: ``<captures dir>/YYYY-MM-DD.warc.gz``, by the UTC day of the fetch, each opened by a
``warcinfo`` record. Appends take an exclusive ``flock`` on the file, so the service, a hand-run
``watcher check`` and cluster nodes sharing the folder never interleave; the whole exchange is
written with one ``write`` before the version row that points at it is committed — a crash of the
process leaves at most an unreferenced record. ``watcher gc`` drops whole days
(:func:`watcher.store.captures.collect`).

**Syncing**: a check the service or a cluster node runs fsyncs its record before that commit. A
pass of many checks (``watcher check``) fsyncs each file it appended to once, at its end
(:meth:`watcher.store.Store.captures_synced_at_end`): an fsync per record cost a busy pass more than
a third of its time (a journal commit each), and the database itself, in WAL mode with
``synchronous=NORMAL``, syncs its commits no more often. So a pass has the database's own
durability: nothing is lost when the process dies; a power cut during a pass may lose the last
records with the last commits, and a record cut short is reported missing when exported.

**Compression**: each record is its own gzip member at zlib's default level 6. warcio's writer
compresses at level 9, which on real pages (~100 KB) costs 1.7× the CPU for a file 0.5 % smaller.
The members are made by zlib-ng, which writes the same format as zlib at about half its CPU
(measured on 199 real pages, ~150 KB each: 1.45 against 3.1 ms a page, files within 0.5 %); any
gzip reader, warcio's included, reads them.
"""

from __future__ import annotations

import fcntl
import io
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter
from zlib_ng import zlib_ng

SOFTWARE = "watcher (https://github.com/; raw captures of watched article pages)"
_REWRITTEN = ("content-encoding", "transfer-encoding", "content-length")


@dataclass(frozen=True)
class Exchange:
    """One HTTP exchange as fetched (the parts of :class:`watcher.fetch.FetchResult` a capture keeps)."""

    url: str  # the final URL (after redirects): the one the body came from
    fetched_at: float
    status: int
    reason: str | None
    http_version: str
    response_headers: tuple[tuple[str, str], ...]
    request_headers: tuple[tuple[str, str], ...]
    body: bytes


@dataclass(frozen=True)
class Written:
    """Where a capture went: file (relative to the captures folder), offset and length of its two
    records, and the response record's id and digests."""

    file: str
    offset: int
    length: int
    record_id: str
    payload_digest: str
    block_digest: str


def day_file(fetched_at: float) -> str:
    return datetime.fromtimestamp(fetched_at, UTC).strftime("%Y-%m-%d") + ".warc.gz"


def warc_date(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _response_headers(headers: Iterable[tuple[str, str]], size: int) -> list[tuple[str, str]]:
    """The received headers made consistent with the stored (inflated) body (see the module doc)."""
    out = []
    for k, v in headers:
        out.append((f"X-Archive-Orig-{k}", v) if k.lower() in _REWRITTEN else (k, v))
    out.append(("Content-Length", str(size)))
    return out


def _request_line(url: str, version: str) -> str:
    parts = urlsplit(url)
    return f"GET {parts.path or '/'}{'?' + parts.query if parts.query else ''} HTTP/{version}"


@dataclass(frozen=True)
class Packed:
    """An exchange made into its records, ready to append: the day's file they go to (by the fetch's
    UTC day), the two gzip members (response, then request), and the response's record id,
    payload digest and block digest."""

    file: str
    data: bytes
    record_id: str
    payload_digest: str
    block_digest: str


def records(ex: Exchange) -> Packed:
    """The exchange's records (see :class:`Packed`). A pure function of the exchange: a pass builds
    them in the extraction lane, beside the page's extraction, not on the store's one thread."""
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=False, warc_version="1.1")
    date = warc_date(ex.fetched_at)
    http = StatusAndHeaders(f"{ex.status} {ex.reason or ''}".strip(), _response_headers(ex.response_headers,
                            len(ex.body)), protocol=f"HTTP/{ex.http_version}")
    resp = w.create_warc_record(ex.url, "response", payload=io.BytesIO(ex.body), length=len(ex.body),
                                http_headers=http, warc_headers_dict={"WARC-Date": date})
    w.write_record(resp)
    response = gzip_member(buf.getvalue())
    buf.seek(0)
    buf.truncate()
    rid = resp.rec_headers.get_header("WARC-Record-ID")
    req_http = StatusAndHeaders(_request_line(ex.url, ex.http_version), list(ex.request_headers),
                                is_http_request=True)
    req = w.create_warc_record(ex.url, "request", http_headers=req_http,
                               warc_headers_dict={"WARC-Date": date, "WARC-Concurrent-To": rid})
    w.write_record(req)
    return Packed(day_file(ex.fetched_at), response + gzip_member(buf.getvalue()), rid,
                  resp.rec_headers.get_header("WARC-Payload-Digest"), resp.rec_headers.get_header("WARC-Block-Digest"))


def gzip_member(record: bytes) -> bytes:
    """One uncompressed WARC record as its own gzip member (zlib's default level, see the module doc)."""
    z = zlib_ng.compressobj(6, zlib_ng.DEFLATED, zlib_ng.MAX_WBITS + 16)
    return z.compress(record) + z.flush()


def warcinfo(filename: str, description: str = "raw captures of watched pages") -> bytes:
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=True, warc_version="1.1")
    w.write_record(w.create_warcinfo_record(filename, {"software": SOFTWARE, "format": "WARC File Format 1.1",
                                                       "description": description}))
    return buf.getvalue()


def append(directory: Path, name: str, data: bytes, sync: bool = True) -> int:
    """Append ``data`` (whole gzip members) to ``directory/name`` under an exclusive lock, a
    ``warcinfo`` record first when the file is new; fsynced unless ``sync`` is false (the caller
    syncs the file later, see the module doc). Returns the offset ``data`` starts at."""
    try:
        f = open(directory / name, "ab")
    except FileNotFoundError:  # the folder's first capture (a mkdir for every record cost more than the write)
        directory.mkdir(parents=True, exist_ok=True)
        f = open(directory / name, "ab")
    with f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            size = os.fstat(f.fileno()).st_size
            head = warcinfo(name) if size == 0 else b""
            f.write(head + data)
            f.flush()
            if sync:
                os.fsync(f.fileno())
            return size + len(head)
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def write(directory: Path, p: Packed, sync: bool = True) -> Written:
    """Store one exchange's records (:func:`records`) in its day's file (see the module doc)."""
    offset = append(directory, p.file, p.data, sync)
    return Written(p.file, offset, len(p.data), p.record_id, p.payload_digest, p.block_digest)


def read_member(path: Path, offset: int, length: int) -> bytes:
    with open(path, "rb") as f:
        f.seek(offset)
        return f.read(length)


@dataclass(frozen=True)
class Record:
    """A response record read back: its WARC headers, status line, HTTP headers and payload."""

    warc_headers: dict[str, str]
    status_line: str
    http_headers: list[tuple[str, str]]
    payload: bytes


def iter_records(stream: BinaryIO) -> Iterator[Record]:
    for rec in ArchiveIterator(stream):
        http = rec.http_headers
        yield Record(dict(rec.rec_headers.headers), http.statusline if http else "",
                     list(http.headers) if http else [], rec.content_stream().read())


def read(path: Path, offset: int) -> Record:
    """The record at ``offset`` of ``path`` (a capture's response)."""
    with open(path, "rb") as f:
        f.seek(offset)
        return next(iter_records(f))
