"""Reading a response body within bounds: raw bytes capped, inflation capped, binaries named.

Why the body is read raw and inflated here rather than by the HTTP library: libraries inflate a
whole network read (up to 64 KB) in one call, and 64 KB of a gzip bomb is ~66 MB of zeros; chained encodings
multiply that. :class:`_Inflater` inflates in pieces of at most :data:`PIECE` bytes, so a bomb is
cut off at ``max_decompressed`` without ever being allocated. We advertise only ``gzip, deflate``
(what we can bound); a server that sends ``br`` or ``zstd`` anyway gets a clear error.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator

import aiohttp

from .result import Fault
from .session import ACCEPT_ENCODING

PIECE = 256 * 1024          # largest piece of inflated output produced at once
MAX_ENCODINGS = 3
_MAGIC = ((b"%PDF-", "a PDF document"), (b"\x89PNG", "a PNG image"), (b"GIF8", "a GIF image"),
          (b"\xff\xd8\xff", "a JPEG image"), (b"PK\x03\x04", "a ZIP archive"),
          (b"\x1f\x8b", "gzip-compressed data"), (b"RIFF", "a media file"), (b"\x7fELF", "a program"))


class _Inflater:
    """One gzip or deflate layer, inflated in pieces of at most :data:`PIECE` bytes.

    ``zlib``'s ``max_length`` leaves the input it could not yet inflate in ``unconsumed_tail``,
    so however much a chunk expands, no piece is larger than PIECE. Concatenated gzip members
    (legal, and a way to build bombs that naive decoders stop early on) are followed.
    """

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._start(zlib.MAX_WBITS | 16 if kind == "gzip" else zlib.MAX_WBITS)

    def _start(self, wbits: int) -> None:
        self.wbits, self.d, self.fresh = wbits, zlib.decompressobj(wbits), True

    def feed(self, data: bytes) -> Iterator[bytes]:
        while data:
            try:
                out = self.d.decompress(data, PIECE)
            except zlib.error:
                if self.kind == "deflate" and self.fresh and self.wbits > 0:  # raw deflate, as browsers allow
                    self._start(-zlib.MAX_WBITS)
                    continue
                raise
            self.fresh = False
            if out:
                yield out
            if self.d.eof:
                rest = self.d.unused_data
                if self.kind == "gzip" and rest.lstrip(b"\x00"):
                    self._start(self.wbits)
                    data = rest
                    continue
                return  # trailing bytes after the stream are ignored, as browsers do
            tail = self.d.unconsumed_tail
            if not out and tail == data:
                return
            data = tail


def _through(layers: list[_Inflater], data: bytes) -> Iterator[bytes]:
    if not layers:
        yield data
        return
    for piece in layers[0].feed(data):
        yield from _through(layers[1:], piece)


def _inflaters(content_encoding: str | None) -> list[_Inflater]:
    """Decoders for a Content-Encoding header, outermost (last applied) first."""
    names = [e.strip().lower() for e in (content_encoding or "").split(",") if e.strip()]
    names = [{"x-gzip": "gzip"}.get(n, n) for n in names if n != "identity"]
    unknown = [n for n in names if n not in ("gzip", "deflate")]
    if unknown:
        raise Fault(f"unsupported content encoding {unknown[0]!r} (we asked for {ACCEPT_ENCODING})")
    if len(names) > MAX_ENCODINGS:
        raise Fault(f"content encoded {len(names)} times (at most {MAX_ENCODINGS} accepted)")
    return [_Inflater(n) for n in reversed(names)]


async def read_body(r: aiohttp.ClientResponse, max_bytes: int, max_decompressed: int, *,
                    truncate: bool = False) -> bytes:
    """The body, inflated; raw bytes capped at ``max_bytes``, inflated at ``max_decompressed``.

    Both caps apply while the bytes arrive, so nothing larger than a cap plus one piece is ever
    held. ``truncate`` keeps what fits instead of failing (robots.txt).
    """
    layers = _inflaters(r.headers.get("content-encoding"))
    chunks: list[bytes] = []
    raw = size = 0
    try:
        async for chunk in r.content.iter_any():
            raw += len(chunk)
            if raw > max_bytes and not truncate:
                raise Fault(f"response too large (over {max_bytes:,} bytes)")
            for piece in _through(layers, chunk):
                size += len(piece)
                if size > max_decompressed:
                    if truncate:
                        chunks.append(piece[: len(piece) - (size - max_decompressed)])
                        return b"".join(chunks)
                    raise Fault(f"decompressed body too large (over {max_decompressed:,} bytes from "
                                f"{raw:,} received; a compression bomb?)")
                chunks.append(piece)
            if raw > max_bytes:
                break
    except aiohttp.ClientPayloadError as e:  # the connection broke before the promised length
        got = re.search(r"received \d+ of \d+ bytes", str(e))
        raise Fault("connection broken by the server while sending the body" + (f" ({got.group(0)})" if got else ""),
                    retry=True) from None
    except zlib.error as e:
        raise Fault(f"bad content encoding ({r.headers.get('content-encoding')}): {e}") from None
    return b"".join(chunks)


def sniff_binary(body: bytes) -> str | None:
    """What a body served as HTML really is, when its first bytes say it is no text at all (a PDF,
    an image, an archive): extracting "text" from it would store noise as a version."""
    head = body[:4096]
    for magic, what in _MAGIC:
        if head.lstrip()[: len(magic)] == magic:
            return what
    return "binary data" if b"\x00" in head else None
