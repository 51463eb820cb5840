"""Config edits are noticed once (watcher.config.watch): the main file, included files, new drop-ins."""

from __future__ import annotations

from watcher.config import ConfigWatcher, load

SRC = '[[sources]]\nid = "{id}"\nurl = "https://e.org/{id}"\n'


def test_edits_additions_and_removals_are_each_seen_once(tmp_path):
    (tmp_path / "sources").mkdir()
    main = tmp_path / "watcher.toml"
    main.write_text('include = ["sources/*.toml"]\n' + SRC.format(id="a"))
    w = ConfigWatcher(load(main))
    assert not w.changed()
    main.write_text('include = ["sources/*.toml"]\n' + SRC.format(id="b"))
    assert w.changed() and not w.changed()
    drop = tmp_path / "sources" / "more.toml"
    drop.write_text(SRC.format(id="c"))  # a file newly matching the include glob
    assert w.changed() and not w.changed()
    drop.write_text(SRC.format(id="d"))  # same size, same second: contents are hashed, not timed
    assert w.changed()
    drop.unlink()
    assert w.changed() and not w.changed()


def test_an_edit_made_during_a_reload_is_not_lost(tmp_path):
    main = tmp_path / "watcher.toml"
    main.write_text(SRC.format(id="a"))
    w = ConfigWatcher(load(main))
    main.write_text(SRC.format(id="b"))
    assert w.changed()
    cfg = load(main)
    main.write_text(SRC.format(id="c"))  # edited again before the watcher is told of the reload
    w.use(cfg)
    assert w.changed()
