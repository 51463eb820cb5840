# One command to set up and run the service, one to set up and run the tests.
# `make run` / `make test` create .venv on first use and reinstall when pyproject.toml changes.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
# two pytest-xdist workers per core: many tests wait on local servers and subprocesses, so one
# worker per core leaves the cores idle a third of the time
JOBS   ?= $(shell echo $$(( $$(nproc 2>/dev/null || echo 1) * 2 )))
# pytest caches its assertion-rewritten test modules only where bytecode may be written; with
# PYTHONDONTWRITEBYTECODE set (as on our machines) every worker would rewrite them all again (~4 s)
PYTEST  = env -u PYTHONDONTWRITEBYTECODE $(BIN)/python -m pytest

.PHONY: setup run test test-fast check lint demo clean

# The package's modules compiled ahead (as pip does for an installed wheel): with
# PYTHONDONTWRITEBYTECODE set (as on our machines) an editable install would otherwise compile
# ~150 modules from source at every start of every command (~50 ms of a one-source `watcher check`).
# Up to date, it only compares timestamps (~40 ms); a module edited since is compiled again here.
setup: $(VENV)/.installed
	@$(BIN)/python -m compileall -q src

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

run: setup            ## start the service on the bundled config (Ctrl-C stops it)
	$(BIN)/watcher run --config config/watcher.toml

check: setup          ## one check of every source now
	$(BIN)/watcher check --config config/watcher.toml

demo: setup           ## the offline demo: a local site, scripted edits, alerts and a report
	$(BIN)/watcher demo

test: setup           ## the whole test suite, on every core (pytest-xdist)
	$(PYTEST) -q -n $(JOBS)

test-fast: setup      ## the edit loop: everything but the slow end-to-end modules (marked slow)
	$(PYTEST) -q -n $(JOBS) -m "not slow"

lint: setup           ## ruff, and mypy at the strictness pyproject.toml states
	$(BIN)/ruff check src tests bench
	$(BIN)/python -m mypy

clean:
	rm -rf $(VENV) build *.egg-info
