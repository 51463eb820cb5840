"""Notifications delivered for real on 127.0.0.1: alerts raised by `watcher check` against a served
page reach an Apprise ``json://`` webhook receiver and an SMTP server (aiosmtpd)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from watcher.alerts.deliver import backoff, routes, wants
from watcher.config import load
from watcher.passes import run_check
from watcher.store import AlertHead, Store

from .conftest import SEEDS, Ran, cli, write_config
from .fixtures.receivers import Receiver, SmtpSink, free_port
from .seed_expected import SEED_ANALYSIS, SEED_ANALYSIS_FILE
from .test_check import TITLE_A, edit, magazine

OLD, NEW = "an estimated 7,000 containers", "an estimated 11,000 containers"
pytestmark = [pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS"),
              pytest.mark.filterwarnings("ignore::DeprecationWarning:apprise")]


@pytest.fixture
def receiver():
    r = Receiver()
    yield r
    r.stop()


def setup(site, tmp_path: Path, notify: list[str], **top) -> Path:
    site.put("/analysis", magazine(SEED_ANALYSIS))
    return write_config(tmp_path, [{"id": "analysis", "url": site.url("/analysis"),
                                    "baseline": SEEDS / SEED_ANALYSIS_FILE}], notify=notify, **top)


def check(cfg: Path) -> Ran:
    p = cli("check", "--config", str(cfg))
    assert p.returncode == 0, p.stderr
    return p


def check_here(cfg: Path) -> None:
    """The same check in this process (the pipeline's own entry point), for the quicker tests."""
    config = load(cfg)
    store = Store(config.database_url)
    try:
        run_check(config, store)
    finally:
        store.close()


def change_figure(site, old=OLD, new=NEW, paras=SEED_ANALYSIS):
    paras = edit(paras, old, new)
    site.put("/analysis", magazine(paras))
    return paras


def test_estimate_change_reaches_webhook_and_email_once(site, tmp_path, receiver):
    smtp = SmtpSink()
    try:
        cfg = setup(site, tmp_path, [receiver.url("hook:t0ken-s3cret@"), smtp.url()])
        check(cfg)
        assert receiver.payloads == [] and smtp.messages == [], "a page matching its seed notifies nobody"

        paras = change_figure(site)
        p = check(cfg)
        [payload] = receiver.payloads
        assert payload["title"] == f"Estimate changed — {TITLE_A}"
        msg = payload["message"]
        assert "an estimated [-7,000-] containers" in msg and "an estimated {+11,000+} containers" in msg
        assert site.url("/analysis") in msg and "watcher diff analysis 1 3" in msg

        [mail] = smtp.messages
        assert mail["Subject"] == f"Estimate changed — {TITLE_A}"
        assert mail["To"] == "analyst@example.com"
        text = mail.get_body(("plain",)).get_content()
        html = mail.get_body(("html",)).get_content()
        assert "7,000" in text and "11,000" in text
        assert ">7,000</del>" in html and "<b>11,000</b>" in html and site.url("/analysis") in html

        # the same figure moves again: the message also names the baseline value
        change_figure(site, "an estimated 11,000 containers", "an estimated 13,000 containers", paras)
        check(cfg)
        assert len(receiver.payloads) == 2 and len(smtp.messages) == 2
        msg = receiver.payloads[1]["message"]
        assert "[-11,000-]" in msg and "{+13,000+}" in msg
        assert "At baseline: According to estimates" in msg and "an estimated [-7,000-] containers" in msg

        again = check(cfg)  # nothing changed: nothing is sent again
        assert len(receiver.payloads) == 2 and len(smtp.messages) == 2
        shown = p.stdout + p.stderr + again.stdout + again.stderr
        assert "t0ken-s3cret" not in shown and "pa55word" not in shown
    finally:
        smtp.stop()


def test_dead_notifier_does_not_block_live_one_and_is_retried_when_back(site, tmp_path, receiver):
    dead_port = free_port()
    dead_url = f"json://hook:k3y-abcdef@127.0.0.1:{dead_port}/"
    cfg = setup(site, tmp_path, [dead_url, receiver.url()], notify_retry="0.3s")
    check(cfg)
    change_figure(site)
    p = check(cfg)
    assert len(receiver.payloads) == 1, "the live notifier gets the alert although the other is down"
    assert f"could not deliver alert(s) #1 to json://hook:****@127.0.0.1:{dead_port}/" in p.stderr
    assert "k3y-abcdef" not in p.stderr

    store = Store(load(cfg).database_url)
    pending = [d for d in store.deliveries() if d.state == "pending"]
    assert [(d.attempts, d.display) for d in pending] == [(1, f"json://hook:****@127.0.0.1:{dead_port}/")]
    assert pending[0].last_error and "k3y-abcdef" not in pending[0].last_error

    back = Receiver(port=dead_port)  # the receiver comes back
    try:
        time.sleep(0.4)
        check(cfg)  # the page did not change; the pending delivery is retried
        [payload] = back.payloads
        assert "[-7,000-]" in payload["message"] and "{+11,000+}" in payload["message"]
        assert len(receiver.payloads) == 1, "the live notifier is not sent the alert twice"
        check(cfg)
        assert len(back.payloads) == 1 and len(receiver.payloads) == 1
        assert {d.state for d in store.deliveries()} == {"delivered"}
    finally:
        back.stop()
        store.close()


def test_one_sender_takes_a_delivery_and_a_dead_senders_lease_runs_out(site, tmp_path):
    port = free_port()
    cfg = setup(site, tmp_path, [f"json://127.0.0.1:{port}/"], notify_retry="0.1s")
    check_here(cfg)
    change_figure(site)
    check_here(cfg)  # the notifier is down: the delivery stays pending
    time.sleep(0.15)
    store = Store(load(cfg).database_url)
    back = Receiver(port=port)
    try:
        with store.transaction() as c:
            [row] = store.pending_deliveries(c, time.time())
        with store.transaction() as c:  # sender A takes it, then dies mid-send
            assert store.claim_delivery(c, row, time.time() + 1.0)
        with store.transaction() as c:  # sender B had read the same row: refused
            assert not store.claim_delivery(c, row, time.time() + 600)
        check_here(cfg)
        assert back.payloads == [], "a delivery taken by another sender is not sent meanwhile"
        time.sleep(1.1)
        check_here(cfg)
        assert len(back.payloads) == 1, "after the lease runs out the delivery is sent, once"
        check_here(cfg)
        assert len(back.payloads) == 1
    finally:
        back.stop()
        store.close()


def test_digest_collects_alerts_of_a_period_into_one_message(site, tmp_path, receiver):
    cfg = setup(site, tmp_path, [receiver.url()], notify_digest="3s")
    check_here(cfg)
    paras = change_figure(site)
    check_here(cfg)
    change_figure(site, "around 10,000 shells", "around 12,000 shells", paras)
    check_here(cfg)
    assert receiver.payloads == [], "alerts wait for the digest period"
    # the period runs from the first alert's creation (not from before the check that raised it,
    # which may take a while on a busy machine)
    store = Store(load(cfg).database_url)
    first = store.alerts()[0].created_at
    store.close()
    time.sleep(max(0.0, first + 3.2 - time.time()))
    check_here(cfg)
    [payload] = receiver.payloads
    assert payload["title"].startswith("watcher digest: 2 alert(s) from 1 source(s)")
    msg = payload["message"]
    assert "[-7,000-]" in msg and "{+11,000+}" in msg and "[-10,000-]" in msg and "{+12,000+}" in msg
    check_here(cfg)
    assert len(receiver.payloads) == 1


def test_min_severity_and_per_source_lists(site, tmp_path):
    everyone, ops = Receiver(), Receiver()
    try:
        site.put("/analysis", magazine(SEED_ANALYSIS))
        cfg = write_config(tmp_path, [
            {"id": "analysis", "url": site.url("/analysis"), "baseline": SEEDS / SEED_ANALYSIS_FILE},
            {"id": "down", "url": f"http://127.0.0.1:{free_port()}/gone", "notify": [ops.url()],
             "notify_replace": True, "notify_min_severity": "low", "retries": 0},  # no backoff waits
        ], notify=[everyone.url()])
        check_here(cfg)
        # the default ("claims") does not send source errors; "low" does
        assert everyone.payloads == []
        [err] = ops.payloads
        assert err["title"].startswith("Source error — down") and err["type"] == "failure"
        change_figure(site)
        check_here(cfg)
        assert [p["title"] for p in everyone.payloads] == [f"Estimate changed — {TITLE_A}"]
        assert len(ops.payloads) == 1, "notify_replace: the ops list does not get the other source's alerts"
    finally:
        everyone.stop()
        ops.stop()


def test_notify_lists_resolve_per_source(tmp_path):
    cfg = write_config(tmp_path, [
        {"id": "plain", "url": "http://127.0.0.1:9/a"},
        {"id": "extra", "url": "http://127.0.0.1:9/b", "notify": ["json://127.0.0.1:2/"],
         "notify_min_severity": "high", "notify_digest": "1h"},
        {"id": "solo", "url": "http://127.0.0.1:9/c", "notify": ["json://127.0.0.1:2/"], "notify_replace": True},
    ], notify=["json://127.0.0.1:1/"], notify_digest="10m")
    c = load(cfg)
    by = {s.id: [(t.url, t.min_severity, t.digest) for t in s.notify] for s in c.sources}
    assert by["plain"] == [("json://127.0.0.1:1/", "claims", 600.0)]
    assert by["extra"] == [("json://127.0.0.1:2/", "high", 3600.0), ("json://127.0.0.1:1/", "high", 3600.0)]
    assert by["solo"] == [("json://127.0.0.1:2/", "claims", 600.0)]
    notifiers, _ = routes(c)
    assert len(notifiers) == 2
    high = c.source("extra").notify[0]
    claims = c.source("plain").notify[0]
    def head(kind: str, severity: str) -> AlertHead:
        return AlertHead(id=1, source="plain", kind=kind, severity=severity, created_at=0.0)

    assert wants(high, head("estimate_changed", "high"))
    assert not wants(high, head("claim_changed", "medium"))
    assert wants(claims, head("claim_added", "low"))
    assert not wants(claims, head("source_error", "low"))
    assert not wants(claims, head("text_changed", "info"))
    assert [backoff(60, n) for n in (1, 2, 3, 10)] == [60, 120, 240, 3600]


def test_notifier_added_later_gets_only_new_alerts(site, tmp_path, receiver):
    cfg = setup(site, tmp_path, [])
    check_here(cfg)
    paras = change_figure(site)
    check_here(cfg)  # an alert raised before any notifier was configured
    setup(site, tmp_path, [receiver.url()])
    site.put("/analysis", magazine(paras))
    check_here(cfg)
    assert receiver.payloads == [], "old alerts are not replayed to a new notifier"
    change_figure(site, "around 10,000 shells", "around 12,000 shells", paras)
    check_here(cfg)
    assert len(receiver.payloads) == 1 and "{+12,000+}" in receiver.payloads[0]["message"]


def test_notify_test_reports_each_notifier(tmp_path, receiver):
    dead = f"json://user:hunter22-secret@127.0.0.1:{free_port()}/"
    cfg = write_config(tmp_path, [{"id": "a", "url": "http://127.0.0.1:9/a"}], notify=[receiver.url(), dead])
    p = cli("notify-test", "--config", str(cfg))
    assert p.returncode == 1, p.stderr
    lines = p.stdout.splitlines()
    assert any(line.startswith("OK") and f"127.0.0.1:{receiver.port}" in line for line in lines)
    assert any(line.startswith("FAIL") and "json://user:****@127.0.0.1" in line for line in lines)
    assert "hunter22" not in p.stdout + p.stderr
    assert [pl["title"] for pl in receiver.payloads] == ["watcher: test notification"]

    ok = write_config(tmp_path, [{"id": "a", "url": "http://127.0.0.1:9/a"}], notify=[receiver.url()])
    p = cli("notify-test", "--config", str(ok))
    assert p.returncode == 0 and "1 of 1 notifier(s) reached" in p.stdout

    none = write_config(tmp_path, [{"id": "a", "url": "http://127.0.0.1:9/a"}])
    p = cli("notify-test", "--config", str(none))
    assert p.returncode == 2 and "no notifiers configured" in p.stderr


@pytest.mark.parametrize(("top", "needle"), [
    ({"notify": ["nosuchservice://user:hunter22@example.org/x"]}, "is not one Apprise can use"),
    ({"notify": ["not a url"]}, "is not an Apprise URL"),
    ({"notify_min_severity": "urgent"}, "notify_min_severity"),
    ({"notify_severity": "high"}, "unknown key 'notify_severity'"),
    ({"notify_expire": "0s"}, "notify_expire"),
])
def test_bad_notify_config_is_a_clear_error(tmp_path, top, needle):
    cfg = write_config(tmp_path, [{"id": "a", "url": "http://127.0.0.1:9/a"}], **top)
    p = cli("check", "--config", str(cfg))
    assert p.returncode == 2 and needle in p.stderr and "hunter22" not in p.stderr, p.stderr


def test_service_delivers_after_its_checks(site, tmp_path, receiver):
    paras = edit(SEED_ANALYSIS, OLD, NEW)
    site.put("/analysis", magazine(paras))
    cfg = write_config(tmp_path, [{"id": "analysis", "url": site.url("/analysis"), "interval": "1s",
                                   "baseline": SEEDS / SEED_ANALYSIS_FILE}], notify=[receiver.url("u:svc-s3cret@")])
    exe = Path(sys.executable).parent / "watcher"
    env = {k: v for k, v in os.environ.items() if k != "WATCHER_CONFIG"}
    proc = subprocess.Popen([str(exe), "run", "--config", str(cfg)], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while not receiver.payloads and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.2)
        assert [p["title"] for p in receiver.payloads] == [f"Estimate changed — {TITLE_A}"]
        time.sleep(2.5)  # more checks of the unchanged page
        assert len(receiver.payloads) == 1
    finally:
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=20)
    assert proc.returncode == 0
    assert f"delivered alert(s) #1 to json://u:****@127.0.0.1:{receiver.port}/" in err
    assert "svc-s3cret" not in out + err
