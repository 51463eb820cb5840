"""A source as the cluster stores it: the resolved :class:`~watcher.config.Source` as JSON.

Why the resolved source and not the config file: each node loads its own file, and files on
different machines may differ for a while (one was edited first). The node that pushes the config
(:mod:`watcher.cluster.push`) writes every source, with every default applied, into its row; every
node checks from that row. So all nodes check a source with the same URL, timeouts, extraction
rules and notifiers, whichever file they were started with. Paths (a seed file) are kept as they
are: a seed file must be at the same path on every node, as the config files are.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, fields
from pathlib import Path

from ..config import Config, Feed, NotifyTarget, SiteRules, Source
from ..discover.ladder import Ladder
from ..fetch.polite import host_of

__all__ = ["config_hash", "from_json", "host_of", "to_json"]


def to_json(source: Source) -> str:
    """The source's JSON, without the file that defined it: that is this node's own detail, and nodes
    whose files hold the same sources must write the same specs."""
    data = asdict(source)
    data["baseline"] = None if source.baseline is None else str(source.baseline)
    data["config_file"] = None
    return json.dumps(data, sort_keys=True, ensure_ascii=False)


def from_json(text: str) -> Source:
    data = json.loads(text)
    known = {f.name for f in fields(Source)}
    data = {k: v for k, v in data.items() if k in known}  # a key a newer watcher added is not ours to read
    for key in ("baseline", "config_file"):
        data[key] = None if data.get(key) is None else Path(data[key])
    data["notify"] = tuple(NotifyTarget(**t) for t in data.get("notify") or ())
    rules = data.get("extract")
    data["extract"] = None if rules is None else SiteRules(tuple(rules["exclude"]), tuple(rules["include"]))
    ladder = data.get("ladder")
    data["ladder"] = None if ladder is None else Ladder(tuple((a, i) for a, i in ladder["steps"]), ladder["stop_after"])
    return Source(**data)


def feed_json(feed: Feed) -> str:
    """What the cluster must agree on about a feed: where and how it is read, and the template of
    the sources it makes (their specs are made from it)."""
    return json.dumps({"id": feed.id, "url": feed.url, "kind": feed.kind, "interval": feed.interval,
                       "max_articles": feed.max_articles, "links": feed.links.text if feed.links else None,
                       "include": [p.text for p in feed.include], "exclude": [p.text for p in feed.exclude],
                       "title": feed.title, "source": to_json(feed.source)}, sort_keys=True, ensure_ascii=False)


def config_hash(config: Config) -> str:
    """What the cluster must agree on, hashed: every resolved source, every feed and the per-host limit."""
    h = hashlib.sha256(f"per_host={config.defaults.per_host}\n".encode())
    for s in sorted(config.sources, key=lambda s: s.id):
        h.update(to_json(s).encode("utf-8") + b"\n")
    for f in sorted(config.feeds, key=lambda f: f.id):
        h.update(b"feed " + feed_json(f).encode("utf-8") + b"\n")
    return h.hexdigest()
