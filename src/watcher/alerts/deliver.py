"""Deliver alerts to people through Apprise (email, Slack, Matrix, ntfy, Discord, webhooks, …).

Why Apprise: one maintained library speaks to ~100 services through one URL syntax, so a new
channel is a config line, not code. Apprise is itself the registry of channels (urlwatch's
reporter registry, DESIGN.md §5); ours are the body formats in :mod:`watcher.alerts.messages`.

Reliability rules (issue 6):

* The alert log (``alerts`` table) is the source of truth. Delivery state lives beside it, one
  ``deliveries`` row per alert and notifier, so a crash, a dead notifier or a restart loses nothing.
* A notifier is keyed by a hash of its URL; it receives the alerts created since it was first
  configured (``notifiers.since``), never the history before it.
* Notifiers are served in parallel and independently: one that is down (or slow) does not delay or
  block the others. A failure postpones that notifier's pending deliveries with exponential backoff
  (``notify_retry`` doubling, at most an hour) until they succeed or reach ``notify_expire``.
* A delivery is attempted only after taking it with a compare-and-set on the row (a lease), so two
  processes (the service and a manual ``watcher check``) never send the same alert twice, and a
  delivered row is final. (At-least-once remains in one case: a crash between the channel's "OK"
  and the row update.)
* URLs carry secrets (tokens, passwords): only the masked form (Apprise's privacy URL) is ever
  logged, stored or printed, and error texts are scrubbed of every secret part of the URL.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from ..config import Config, NotifyTarget
from ..kinds import CLAIM_KINDS
from ..store import AlertHead, AlertRecord, Delivery, Store, discovered, now
from . import messages
from .channels import Notifier, check_url, key_of, mask_url, notifier, plugin_for  # noqa: F401 (the notify surface)

log = logging.getLogger("watcher.notify")

LEVELS = {"info": 0, "low": 1, "medium": 2, "high": 3}
LEASE_SECONDS = 600.0  # a taken delivery is due again after this if its process died mid-send
MAX_BACKOFF = 3600.0
NOTIFY_TYPES = {"high": "warning", "medium": "warning", "low": "info", "info": "info"}


@dataclass(frozen=True)
class Outcome:
    """One message sent (or not) to one notifier."""

    notifier: str  # masked URL
    alert_ids: tuple[int, ...]
    ok: bool
    error: str | None = None
    retry_at: float | None = None


# -- which alerts go where ---------------------------------------------------------------------


def wants(target: NotifyTarget, alert: AlertHead | AlertRecord) -> bool:
    """``claims`` (the default): the four claim kinds only. A severity: every kind at or above it,
    so ``low`` adds source errors/warnings and ``info`` adds ``text_changed``."""
    if target.min_severity == "claims":
        return alert.kind in CLAIM_KINDS
    return LEVELS.get(alert.severity, 0) >= LEVELS[target.min_severity]


def routes(config: Config) -> tuple[dict[str, Notifier], dict[str, list[tuple[Notifier, NotifyTarget]]]]:
    """Every configured notifier by key, and per source id (or feed id: its articles' alerts and its
    own) the notifiers (with settings) it uses."""
    notifiers: dict[str, Notifier] = {}
    by_source: dict[str, list[tuple[Notifier, NotifyTarget]]] = {}
    for s in config.notifying:
        for t in s.notify:
            k = key_of(t.url)
            if k not in notifiers:
                notifiers[k] = notifier(t.url)
            by_source.setdefault(s.id, []).append((notifiers[k], t))
    return notifiers, by_source


def backoff(retry: float, attempts: int) -> float:
    return min(retry * 2 ** max(0, attempts - 1), max(retry, MAX_BACKOFF))


# -- delivery ----------------------------------------------------------------------------------


def deliver_pending(config: Config, store: Store, since: float | None = None) -> list[Outcome]:
    """Queue new alerts for their notifiers, then send whatever is due. Never raises.

    Called after every check (``passes.check_all``, the service). ``since``: when the caller
    started, so a notifier configured for the first time gets the alerts this run raised.
    """
    if not any(s.notify for s in config.notifying):
        return []
    try:
        return _deliver(config, store, now() if since is None else since)
    except Exception:  # delivery must never break a check; the rows stay and are retried
        log.exception("notification delivery failed (alerts are kept and will be retried)")
        return []


def _deliver(config: Config, store: Store, since: float) -> list[Outcome]:
    notifiers, by_source = routes(config)
    t = now()
    with store.transaction() as c:
        _enqueue(config, store, c, notifiers, by_source, since, t)
        pending = []
        for d in store.pending_deliveries(c, t):
            if d.expires_at <= t:
                store.update_delivery(c, d.id, state="expired")
                n = notifiers.get(d.notifier)
                log.warning("gave up delivering alert #%d to %s after %d attempt(s): %s", d.alert_id,
                            n.display if n else d.notifier, d.attempts, d.last_error or "expired")
            elif d.notifier in notifiers:
                pending.append(d)
    groups: dict[str, list[Delivery]] = {}
    for d in pending:
        groups.setdefault(d.notifier, []).append(d)
    due = [k for k, rows in groups.items() if any(r.next_attempt <= t for r in rows)]
    if not due:
        return []
    titles = {sid: st.title for sid, st in store.source_states().items()}
    ctx = {sid: messages.Context(title or sid, None) for sid, title in titles.items()}  # discovered ones too
    ctx.update({s.id: messages.Context(s.title or titles.get(s.id) or s.id, None) for s in config.sources})
    with ThreadPoolExecutor(max_workers=min(8, len(due)), thread_name_prefix="notify") as pool:
        done = pool.map(lambda k: _send_due(config, store, notifiers[k], groups[k], t, ctx), due)
        return [o for outcomes in done for o in outcomes]


def _enqueue(config: Config, store: Store, c, notifiers: dict[str, Notifier],
             by_source: dict[str, list[tuple[Notifier, NotifyTarget]]], since: float, t: float) -> None:
    """One ``deliveries`` row per (alert, notifier) the config asks for and that is not stored yet."""
    first = {k: store.notifier_since(c, k, n.display, since) for k, n in notifiers.items()}
    longest = max(tg.digest for pairs in by_source.values() for _, tg in pairs)
    horizon = max(min(first.values()), t - config.notify_expire - longest)
    recent = store.alerts_created_since(c, horizon)
    if not recent:
        return
    have = store.delivery_keys(c, recent[0].id)
    feed_of = discovered.feeds_of(c, {a.source for a in recent} - set(by_source)) if config.feeds else {}
    for a in recent:
        for n, target in by_source.get(a.source) or by_source.get(feed_of.get(a.source, ""), []):
            if (a.id, n.key) in have or a.created_at < first[n.key] or not wants(target, a):
                continue
            due_at = a.created_at + target.digest
            if due_at + config.notify_expire <= t:
                continue
            store.add_delivery(c, alert_id=a.id, notifier=n.key, mode="digest" if target.digest else "now",
                               next_attempt=due_at, expires_at=due_at + config.notify_expire)
            have.add((a.id, n.key))


def _context(config: Config, alert: AlertRecord, base: dict[str, messages.Context]) -> messages.Context:
    ctx = base.get(alert.source) or messages.Context(alert.source, None)
    pointer = None
    if alert.data.version is not None and alert.data.baseline_version is not None:
        pointer = (f"watcher diff {alert.source} {alert.data.baseline_version} {alert.data.version} "
                   f"--config {config.path}")
    return messages.Context(ctx.article_title, pointer)


def _send_due(config: Config, store: Store, n: Notifier, rows: list[Delivery], t: float,
              ctx: dict[str, messages.Context]) -> list[Outcome]:
    """Send one notifier's due messages in alert order; stop at its first failure."""
    channel = Channel(n)
    batches = [[r] for r in rows if r.mode == "now" and r.next_attempt <= t]
    digest_rows = [r for r in rows if r.mode == "digest"]
    if any(r.next_attempt <= t for r in digest_rows):
        batches.append(digest_rows)  # one message with every collected alert
    out: list[Outcome] = []
    for batch in batches:
        with store.transaction() as c:
            claimed = [r for r in batch if store.claim_delivery(c, r, t + LEASE_SECONDS)]
            alerts = store.alerts_by_id(c, [r.alert_id for r in claimed])
        if not claimed:
            continue
        items = [(alerts[r.alert_id], _context(config, alerts[r.alert_id], ctx)) for r in claimed]
        if batch is digest_rows:
            title, body = messages.digest(items, channel.format)
        else:
            title, body = messages.single(*items[0], channel.format)
        severity = max((a.severity for a, _ in items), key=lambda s: LEVELS.get(s, 0))
        kind = "failure" if any(a.kind == "source_error" for a, _ in items) else NOTIFY_TYPES.get(severity)
        error = channel.send(title, body, kind or "info")
        ids = tuple(r.alert_id for r in claimed)
        finished = now()
        with store.transaction() as c:
            if error is None:
                for r in claimed:
                    store.update_delivery(c, r.id, state="delivered", delivered_at=finished, last_error=None)
                log.info("delivered alert(s) %s to %s", ",".join(f"#{i}" for i in ids), n.display)
                out.append(Outcome(n.display, ids, True))
                continue
            retry_at = finished + backoff(config.notify_retry, max(r.attempts for r in claimed) + 1)
            for r in claimed:
                store.update_delivery(c, r.id, state="pending", next_attempt=retry_at, last_error=error)
            # what else was due for this notifier waits with it, so alerts arrive in order later
            taken = {r.id for r in claimed}
            for r in rows:
                if r.id not in taken and r.next_attempt <= t:
                    store.claim_delivery(c, r, retry_at, attempt=False)
        log.warning("could not deliver alert(s) %s to %s: %s (will retry)", ",".join(f"#{i}" for i in ids),
                    n.display, error)
        out.append(Outcome(n.display, ids, False, error, retry_at))
        break
    return out


class _ThreadErrors(logging.Handler):
    """Apprise reports why a send failed only through its logger; keep this thread's warnings."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.thread = threading.get_ident()
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread == self.thread:
            self.lines.append(record.getMessage())


class Channel:
    """One notifier as Apprise sees it: the body format it takes, and a send that says why it failed."""

    def __init__(self, n: Notifier) -> None:
        self.notifier = n
        self.plugin = plugin_for(n.url)
        self.format = _body_format(self.plugin)

    def send(self, title: str, body: str, notify_type: str = "info") -> str | None:
        """None when delivered, else the reason (secrets removed)."""
        if self.plugin is None:
            return "not a usable Apprise URL"
        apprise_log = logging.getLogger("apprise")
        capture = _ThreadErrors()
        apprise_log.addHandler(capture)
        try:
            ok = self.plugin.notify(body=body, title=title, notify_type=notify_type, body_format=self.format)
        except Exception as e:  # a plugin bug is this notifier's failure, not the caller's
            ok = False
            capture.lines.append(f"{type(e).__name__}: {e}")
        finally:
            apprise_log.removeHandler(capture)
        if ok:
            return None
        return self.notifier.redact(" ".join(dict.fromkeys(capture.lines)) or "the service refused the message")


def _body_format(plugin) -> str:
    """The body format the channel takes natively (Apprise ≥ 1.9 may declare several; the first wins)."""
    if plugin is None:
        return "text"
    resolve = getattr(plugin, "resolve_format", None)
    fmt = resolve() if resolve else plugin.notify_format
    value = str(getattr(fmt, "value", fmt))
    return value if value in messages.FORMATS else "text"


# -- notify-test -------------------------------------------------------------------------------


@dataclass(frozen=True)
class TestResult:
    notifier: str  # masked URL
    sources: tuple[str, ...]
    error: str | None

    @property
    def ok(self) -> bool:
        return self.error is None


def notify_test(config: Config) -> list[TestResult]:
    """Send a test message to every configured notifier (top-level and per source), in parallel."""
    users: dict[str, tuple[Notifier, list[str]]] = {}
    for t in config.notify:
        users.setdefault(key_of(t.url), (notifier(t.url), []))
    for s in config.notifying:
        for t in s.notify:
            users.setdefault(key_of(t.url), (notifier(t.url), []))[1].append(s.id)

    def one(pair: tuple[Notifier, list[str]]) -> TestResult:
        channel = Channel(pair[0])
        title, body = messages.test_message(str(config.path), channel.format)
        return TestResult(pair[0].display, tuple(pair[1]), channel.send(title, body))

    if not users:
        return []
    with ThreadPoolExecutor(max_workers=min(8, len(users)), thread_name_prefix="notify-test") as pool:
        return list(pool.map(one, users.values()))
