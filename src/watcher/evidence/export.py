"""``watcher export ID --warc OUT.warc.gz``: a source's captures as one WARC file for replay tools.

The records are copied byte for byte from the day files (each exchange is its own gzip members, so
a copy is a valid ``.warc.gz`` fragment and every digest still holds), after a ``warcinfo`` record
naming the source. pywb (``wb-manager add``) and ReplayWeb.page open the result as they open any
crawl; ``warcio check`` verifies its digests.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..store import Store
from ..store import captures as rows
from . import warc


@dataclass(frozen=True)
class Exported:
    captures: int
    versions: tuple[int, ...]
    missing: tuple[int, ...]  # versions whose record is not on disk (gc'd file, cut short): left out


def export(store: Store, source_id: str, out: Path, first: int | None = None, last: int | None = None) -> Exported:
    """Write the captures of ``source_id``'s versions ``first``..``last`` (default: all) to ``out``
    (written to a temporary name, then renamed: a failed export leaves no half file)."""
    with store.transaction() as c:
        found = rows.of_source(c, source_id, first, last)
    directory = store.captures_dir
    done: list[int] = []
    missing: list[int] = []
    tmp = out.with_name(out.name + ".part")
    with open(tmp, "wb") as f:
        f.write(warc.warcinfo(out.name, f"raw captures of watcher source {source_id}"))
        for number, cap in found:
            path = directory / cap.warc_file if directory is not None else None
            # gone (a gc'd day), or cut short (a power cut before a pass synced its captures)
            if path is None or not path.is_file() or path.stat().st_size < cap.warc_offset + cap.warc_length:
                missing.append(number)
                continue
            f.write(warc.read_member(path, cap.warc_offset, cap.warc_length))
            done.append(number)
    os.replace(tmp, out)
    return Exported(len(done), tuple(done), tuple(missing))
