# Two commands do all the set-up on a fresh machine with Python 3.11+ and make:
#   make demo   - install, crawl the bundled demo sites (replayed from disk), print the results
#   make test   - install with test dependencies, check the code (lint), run the test suite
#   make test-lowest - the test suite on the lowest versions pyproject.toml allows (CI runs it too)
#   make bench  - install bench extras, run the performance benchmarks (~20 min; not part of test)
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
DEMO_DB ?= demo-output/demo.db

LOWEST ?= .venv-lowest
# The suite on three processes, a test file per process at a time (the tests of one file share its
# fixtures: a crawled store, a served site). Three on a two-core machine: many tests wait on served
# sites, killed crawls and Redis, and a third process keeps both cores busy meanwhile (measured:
# 565 s against 637 s for two). PARALLEL= runs it in one process.
PARALLEL ?= -n 3 --dist loadfile
# The versions `make demo`, `make test` and the evaluation figures use (`make lock` renews it).
LOCK = -c requirements.lock

.PHONY: install install-test install-browser install-redis install-bench demo lint test test-lowest lock bench clean catalogue

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/python -m pip install --quiet $(LOCK) -e .

install-test: $(BIN)/python
	$(BIN)/python -m pip install --quiet $(LOCK) -e '.[test]'

demo: install
	@mkdir -p demo-output
	@rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/prospect --db $(DEMO_DB) add --file demo/prospects.csv
	$(BIN)/prospect --db $(DEMO_DB) crawl --replay tests/fixtures/sites
	$(BIN)/prospect --db $(DEMO_DB) import-registry tests/fixtures/registry/qichacha_export.xlsx
	$(BIN)/prospect --db $(DEMO_DB) list

# The web app's browser tests drive the system's Chromium (Playwright cannot download browsers here).
install-browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 \
	  || [ -n "$$PROSPECT_CHROMIUM" ] \
	  || { command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ] \
	       && { echo "installing Chromium for the browser tests (apt-get)"; \
	            apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }; } \
	  || { echo "The browser tests need Chromium: install it (Debian/Ubuntu: apt-get install chromium) or set PROSPECT_CHROMIUM."; exit 1; }

# The relay tests run a real Redis 7 (`redis-server`) on a loopback port of their own.
install-redis:
	@command -v redis-server >/dev/null 2>&1 \
	  || { command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ] \
	       && { echo "installing redis-server for the relay tests (apt-get)"; \
	            apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null; }; } \
	  || { echo "The relay tests need Redis 7: install it (Debian/Ubuntu: apt-get install redis-server)."; exit 1; }

# Each failure names its rule: ruff its code, lint-imports the broken layer contract
# (pyproject.toml [tool.importlinter]), mypy its error code.
lint: install-test
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/mypy

# The suite starts the `prospect` command some hundreds of times: its modules are compiled once
# first, or each start compiles them again where PYTHONDONTWRITEBYTECODE is set (a quarter second).
COMPILE = -m compileall -q prospect_intel

test: lint install-browser install-redis
	$(BIN)/python $(COMPILE) >/dev/null
	$(BIN)/python -m pytest -q $(PARALLEL)

# The floors in pyproject.toml must really work: install exactly them (uv's lowest-direct
# resolution) in a venv of their own and run the suite there.
test-lowest: install-test install-browser install-redis
	$(BIN)/python -m pip install --quiet $(LOCK) uv
	rm -rf $(LOWEST) && $(PYTHON) -m venv $(LOWEST)
	$(BIN)/uv pip install --quiet --python $(LOWEST)/bin/python --resolution lowest-direct -e '.[test]'
	$(LOWEST)/bin/python $(COMPILE) >/dev/null
	$(LOWEST)/bin/python -m pytest -q -p no:cacheprovider $(PARALLEL)

# The interface's sentences: extract them into the template and merge it into each language's
# catalogue (new sentences arrive untranslated; the test suite fails until they are translated).
CATALOGUE_DIR = prospect_intel/locale
catalogue: install
	$(BIN)/pybabel extract -F babel.cfg -k N_ --no-location --sort-output --omit-header \
	  -o $(CATALOGUE_DIR)/messages.pot .
	$(BIN)/pybabel update -i $(CATALOGUE_DIR)/messages.pot -d $(CATALOGUE_DIR) -l zh --ignore-obsolete \
	  --no-fuzzy-matching --ignore-pot-creation-date

lock: $(BIN)/python
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile --quiet --universal --python-version 3.11 --extra test --extra bench \
	  pyproject.toml -o requirements.lock

install-bench: $(BIN)/python
	$(BIN)/python -m pip install --quiet $(LOCK) -e '.[bench]'

# BENCH_ARGS, e.g. make bench BENCH_ARGS="--quick" or BENCH_ARGS="--only crawl --sizes 200"
bench: install-bench
	$(BIN)/python -m bench --json bench-results.json $(BENCH_ARGS)

clean:
	rm -rf $(VENV) $(LOWEST) demo-output build *.egg-info
