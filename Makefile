# The two commands of the README: `make demo` (set up, then build a ledger from the
# demo corpus) and `make test` (set up, then run the test suite).
VENV ?= .venv
PYTHON ?= python3
BIN = $(VENV)/bin

.PHONY: setup demo test bench clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

demo: setup
	$(BIN)/dateline demo

test: setup
	$(BIN)/ruff check src tests bench
	$(BIN)/python -m pytest -q

bench: setup
	$(BIN)/python bench/quality.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info demo.db demo.db-wal demo.db-shm
