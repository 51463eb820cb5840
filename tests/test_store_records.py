"""The typed records of the store (watcher.store.records): what a reader gets for each kind of row, and
that the alert JSON written by `watcher alerts --json` is exactly the contract's, for rows written now
and for rows an earlier watcher wrote (explicit empty lists, other key order)."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import FrozenInstanceError

import pytest

from watcher.alerts.record import record_problem, to_json
from watcher.store import AlertData, AlertRecord, PassMeta, SourceState, Store

CHANGE = {"unit": None, "noun": "bridges", "kind": "count", "old": "12", "old_value": 12.0, "old_high": None,
          "old_qualifier": "estimated", "new": "15", "new_value": 15.0, "new_high": None,
          "new_qualifier": "estimated", "field": "value", "relative_change": 0.25}


@pytest.fixture
def store(tmp_path):
    st = Store(f"sqlite:///{tmp_path / 'w.db'}")
    yield st
    st.close()


def _alert(store: Store, data: AlertData, fingerprint: str = "f1") -> AlertRecord:
    with store.transaction() as c:
        store.ensure_source(c, "s", "http://e.org/s")
        v = store.add_version(c, "s", text="Twelve.", content_hash="h", title=None, url=None, origin="fetch",
                              is_baseline=True)
        a = store.add_alert(c, source="s", kind="estimate_changed", severity="high", before="12 bridges",
                            after="15 bridges", explanation="12 → 15 bridges (+25%)", data=data, version_id=v.id,
                            fingerprint=fingerprint)
    assert a is not None
    return a


def test_an_alert_reads_back_as_written_with_its_data_parsed_once(store):
    data = AlertData(url="http://e.org/s", version=2, baseline_version=1, changes=(CHANGE,), key="k1",
                     baseline="About 12 bridges.")
    made = _alert(store, data)
    [read] = store.alerts()
    assert read == made and read.data == data and read.data.changes[0]["noun"] == "bridges"
    assert store.alert(made.id) == made
    with store.transaction() as c:
        assert store.alerts_by_id(c, [made.id]) == {made.id: made}
        [head] = store.alerts_created_since(c, made.created_at)
    assert (head.id, head.kind, head.severity) == (made.id, "estimate_changed", "high")
    with pytest.raises(FrozenInstanceError):
        read.kind = "claim_changed"  # type: ignore[misc]


def test_the_alert_json_is_the_contract_line_byte_for_byte(store):
    a = _alert(store, AlertData(url="http://e.org/s", version=2, baseline_version=1, changes=(CHANGE,), key="k1",
                                baseline="About 12 bridges."))
    line = json.dumps(to_json(a), ensure_ascii=False)
    expected = ('{"id": 1, "source": "s", "kind": "estimate_changed", "severity": "high", "before": "12 bridges", '
                '"after": "15 bridges", "explanation": "12 → 15 bridges (+25%)", "created_at": "%s", "changes": ['
                + json.dumps(CHANGE) + '], "url": "http://e.org/s", "version": 2, "baseline_version": 1, '
                '"baseline": "About 12 bridges.", "reverted": false, "reviewed": false, "verdict": null, "rule": null, '
                '"edit_type": null, "silent": false, "correction": null, "evidence": null}')
    assert line == expected.replace("%s", to_json(a)["created_at"])


def test_a_row_written_by_an_earlier_watcher_reads_the_same(store, tmp_path):
    """Rows from before the records stored every key, empty lists included, in another order."""
    a = _alert(store, AlertData(url="http://e.org/s", version=3, baseline_version=1, reverted=True,
                                baseline="About 12 bridges.", key="k1"))
    old_text = json.dumps({"url": "http://e.org/s", "version": 3, "baseline_version": 1, "reverted": True,
                           "baseline": "About 12 bridges.", "changes": [], "key": "k1", "born_version": None})
    db = sqlite3.connect(tmp_path / "w.db")
    db.execute("update alerts set data = ? where id = ?", (old_text, a.id))
    db.commit()
    db.close()
    [old] = store.alerts()
    assert old.data == a.data and to_json(old) == to_json(a)
    assert to_json(old)["changes"] == [] and to_json(old)["reverted"] is True


def test_empty_text_is_kept_and_only_defaults_are_left_out_of_the_stored_json():
    data = AlertData(baseline="", version=1)
    assert json.loads(data.to_json()) == {"version": 1, "baseline": ""}
    assert AlertData.from_json(data.to_json()) == data
    assert AlertData.from_json(None) == AlertData() == AlertData.from_json("{}")


def test_source_state_and_pass_meta(store):
    with store.transaction() as c:
        fresh = store.ensure_source(c, "s", "http://e.org/s")
        store.update_source(c, "s", etag='"v1"', raw_hash="abc", failures=2, last_outcome="source_error")
    assert fresh == SourceState(id="s", url="http://e.org/s")
    with store.transaction() as c:
        moved = store.ensure_source(c, "s", "http://e.org/moved")
        assert store.pass_meta(c) == {}
    # a new URL is another page: its validators and body hash are forgotten, its health is kept
    assert (moved.url, moved.etag, moved.raw_hash, moved.failures) == ("http://e.org/moved", None, None, 2)
    assert store.source_state("s") == moved and store.source_states() == {"s": moved}
    with store.transaction() as c:
        store.add_version(c, "s", text="Seed.", content_hash="seed", title=None, url=None, origin="seed",
                          is_baseline=True)
        store.add_version(c, "s", text="Page.", content_hash="page", title=None, url=None, origin="fetch",
                          is_baseline=False)
        [meta] = store.pass_meta(c).values()
        assert store.baseline_ref(c, "s") == meta.baseline
    assert isinstance(meta, PassMeta) and meta.latest == 2
    assert (meta.baseline.origin, meta.baseline.content_hash) == ("seed", "seed")


def test_a_problem_alert_is_raised_once_per_streak(store):
    with store.transaction() as c:
        state = store.ensure_source(c, "s", "http://e.org/s")
        first = record_problem(store, c, "s", "source_error", "HTTP 500", state, "http://e.org/s")
        store.update_source(c, "s", last_outcome="source_error", last_error="HTTP 500", last_check=1.0)
    assert first is not None and first.data == AlertData(url="http://e.org/s", error="HTTP 500")
    assert first.version_id is None
    with store.transaction() as c:
        again = record_problem(store, c, "s", "source_error", "HTTP 500", store.ensure_source(c, "s", "http://e.org/s"),
                               "http://e.org/s")
    assert again is None
