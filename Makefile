# The two commands of the README: `make demo` (set up, then build a ledger from the
# demo corpus) and `make test` (set up, then run the test suite, as CI does: .ci/run).
# Nothing is put on the PATH: the command is .venv/bin/dateline (or `source .venv/bin/activate`).
VENV ?= .venv
PYTHON ?= python3
BIN = $(VENV)/bin
# The browser tests drive Debian's chromium (never a downloaded browser).
CHROMIUM = /usr/bin/chromium

.PHONY: setup demo test chromium bench clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

demo: setup
	$(BIN)/dateline demo

# -rs: a skipped test says why (e.g. no chromium, or no ../shared)
test: setup chromium
	$(BIN)/ruff check src tests bench
	$(BIN)/python -m pytest -q -rs

# Installed with apt-get when missing and this user may (as root, as in CI); else the browser tests skip, saying so.
chromium:
	@if [ ! -x $(CHROMIUM) ] && command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	  echo "installing chromium for the browser tests (apt-get)"; \
	  (timeout 600 apt-get install -y -q chromium >/dev/null 2>&1 \
	   || (timeout 300 apt-get update -q >/dev/null 2>&1 && timeout 600 apt-get install -y -q chromium >/dev/null 2>&1)) \
	  || echo "note: could not install chromium; the browser tests will be skipped"; \
	elif [ ! -x $(CHROMIUM) ]; then \
	  echo "note: no $(CHROMIUM) (sudo apt-get install chromium); the browser tests will be skipped"; \
	fi

bench: setup
	$(BIN)/python bench/quality.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info demo.db demo.db-wal demo.db-shm
