"""`watcher demo`: the whole loop offline — the alerts it narrates and the silences."""

from __future__ import annotations

import re
import time

import watcher.demo.story as demo

from .conftest import cli


def test_demo_end_to_end(tmp_path):
    keep = tmp_path / "demo"
    start = time.monotonic()
    p = cli("demo", "--keep", str(keep), cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    assert time.monotonic() - start < 60
    out = re.sub(r"\s+", " ", p.stdout)
    sections = re.split(r"Edit \d+\. ", out)
    assert len(sections) == 1 + len(demo.STEPS)
    assert "silent" in sections[0]  # first check against the seeds
    for step, text in zip(demo.STEPS, sections[1:], strict=True):
        if step.expect:
            assert f"watcher: {step.expect}" in text, (step.title, text)
            assert text.count("watcher: ") == 1, text
        else:
            assert "watcher: silent" in text and "estimate_changed" not in text and "claim_" not in text, text
    assert "7,000 → 10,000 containers" in out
    assert "hedge" in sections[5] and "attribution" in sections[6]
    report = keep / "report" / "index.html"
    assert report.is_file() and str(report) in out
    assert sorted(x.name for x in tmp_path.iterdir()) == ["demo"], "nothing written outside the demo folder"
    assert {x.name for x in keep.iterdir()} == {"watcher.toml", "state", "report"}
