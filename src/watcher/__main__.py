"""The ``watcher`` command, installed or run as ``python -m watcher``: the collector is turned off
before the first import (:mod:`watcher.startup`), then :func:`watcher.cli.main.entry` runs it."""

from .startup import begin


def entry() -> None:
    begin()
    from .cli.main import entry as run

    run()


if __name__ == "__main__":
    entry()
