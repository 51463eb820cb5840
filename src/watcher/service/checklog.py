"""The service's log: one line per check, human-readable by default, JSON Lines with ``--log-json``.

Why one line per check with fixed fields (source, outcome, duration, new version or not, alerts):
a person tailing the journal sees what happened at a glance, and a log shipper (journald → Loki,
Elastic, …) can index the JSON form without parsing prose. Other service messages (start, reload,
config errors, stop) go through the same formatter, with their structured fields in JSON.
"""

from __future__ import annotations

import json
import logging
import sys

from .. import timefmt
from ..redact import redact
from ..sanitize import strip_controls

FIELDS = "fields"  # the ``extra`` key that carries structured fields of a record
LOG_IDS = 20  # source ids named in a log line at most (a new feed can add hundreds)


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time, level, logger, message, plus the record's structured fields."""

    def format(self, record: logging.LogRecord) -> str:
        obj = {"time": timefmt.iso_ms(record.created),
               "level": record.levelname.lower(), "logger": record.name, "message": record.getMessage()}
        obj.update(getattr(record, FIELDS, None) or {})
        if record.exc_info:
            obj["traceback"] = self.formatException(record.exc_info)
        return json.dumps(obj, ensure_ascii=False, default=str)


class SafeFormatter(logging.Formatter):
    """Another formatter's lines made safe to write: every URL in them masked (:mod:`watcher.redact`:
    a traceback or a library's message may quote a source's URL, and its password must not reach
    the journal) and control characters removed (:mod:`watcher.sanitize`: a page's text quoted by
    an exception must not drive the terminal that tails the log)."""

    def __init__(self, inner: logging.Formatter) -> None:
        super().__init__()
        self.inner = inner

    def format(self, record: logging.LogRecord) -> str:
        return strip_controls(redact(self.inner.format(record)))


def setup(json_lines: bool = False, level: int = logging.INFO) -> None:
    """Log to stderr (systemd's journal collects it); quiet APScheduler's per-job chatter."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(SafeFormatter(JsonFormatter() if json_lines else logging.Formatter(
        "%(asctime)s %(levelname)s %(message)s", datefmt="%Y-%m-%dT%H:%M:%S%z")))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # "Running job …" / "executed successfully" twice per check would bury our one line.
    logging.getLogger("apscheduler").setLevel(logging.WARNING)


def setup_commands() -> None:
    """For the other commands: warnings and errors (an internal error in one source, with its
    traceback) on stderr as Python's last-resort handler would write them, but made safe. Left
    alone when logging is already configured (a host program, a test runner)."""
    root = logging.getLogger()
    if not root.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setLevel(logging.WARNING)
        handler.setFormatter(SafeFormatter(logging.Formatter("%(message)s")))
        root.addHandler(handler)


def check_fields(result, failures: int = 0, next_check: float | None = None) -> dict:
    """The structured fields of one check's log line, from a :class:`watcher.pipeline.CheckResult`."""
    new_version = result.outcome in ("new_version", "baseline")
    return {
        "event": "check", "source": result.source, "outcome": result.outcome,
        "duration": round(result.duration, 3), "new_version": new_version,
        "version": result.version if new_version else None,
        "alerts": len(result.alerts), "alert_kinds": [a.kind for a in result.alerts],
        "error": result.message, "failures": failures,
        "next_check": timefmt.iso(next_check),
    }


def check_message(f: dict, retry_in: float | None = None) -> str:
    """The human line, e.g. ``rs-putin-kim: new_version, new version 3, 1 alert (estimate_changed), 0.41s``."""
    parts = [f"{f['source']}: {f['outcome']}",
             f"new version {f['version']}" if f["new_version"] else "no new version"]
    n = f["alerts"]
    parts.append(f"{n} alert{'s' if n != 1 else ''} ({', '.join(f['alert_kinds'])})" if n else "no alerts")
    parts.append(f"{f['duration']:.2f}s")
    line = ", ".join(parts)
    if f["error"]:
        line += f" — {f['error']}"
    if f["failures"] > 1 and retry_in is not None:
        line += f" ({f['failures']} failures in a row; next try in {timefmt.span(retry_in)})"
    return line


def _few(ids: list[str]) -> str:
    return ", ".join(ids[:LOG_IDS]) + (f", … ({len(ids) - LOG_IDS} more)" if len(ids) > LOG_IDS else "")


def reload_line(reason: str, watching: int, changes: dict[str, list[str]]) -> tuple[str, dict]:
    """The line and fields of a config reload; ``changes``: ids by what happened to them."""
    summary = ", ".join(f"{len(ids)} {what.replace('_', ' ').replace('retimed', 're-timed')} ({_few(ids)})"
                        for what, ids in changes.items() if ids) or "no source changes"
    return (f"config reloaded ({reason}): {summary}; watching {watching} source(s)",
            {"event": "reload", "reason": reason, "sources": watching, **{k: v[:LOG_IDS] for k, v in changes.items()}})


def feed_line(out, failures: int, next_read: float) -> tuple[str, dict]:
    """The line and fields of one read of a feed, from a :class:`watcher.discover.run.FeedOutcome`."""
    new = [r.source for r in out.new]
    fields = {"event": "feed", "feed": out.feed, "outcome": out.outcome, "listed": out.listed, "new": new[:LOG_IDS],
              "new_count": len(new), "error": out.error, "warnings": list(out.warnings), "failures": failures,
              "duration": round(out.duration, 3), "next_read": timefmt.iso(next_read), "alerts": 1 if out.alert else 0}
    what = "not modified" if out.not_modified else f"{len(new)} new article(s) of {out.listed} listed"
    line = f"feed {out.feed}: {out.outcome}, {what}" + (f" ({_few(new)})" if new else "") + f", {out.duration:.2f}s"
    if out.error or out.warnings:
        line += " — " + (out.error or "; ".join(out.warnings))
    if failures > 1:
        line += f" ({failures} failures in a row)"
    return line, fields


def start_line(config, sources, soon: int, pid: int) -> tuple[str, dict]:
    """The line and fields of the service's start (``config``: the Config, ``sources``: every watched one)."""
    found = sum(1 for s in sources if s.feed)
    d = config.defaults
    return (f"watching {len(sources)} source(s) ({found} discovered) and {len(config.feeds)} feed(s) from "
            f"{config.path} ({soon} due within {d.stagger:g}s); state in {config.state_dir}; pid {pid}",
            {"event": "start", "sources": len(sources), "discovered": found, "feeds": len(config.feeds), "pid": pid,
             "config": str(config.path), "state_dir": str(config.state_dir)})
