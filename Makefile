# Two commands do all the set-up on a fresh machine with Python 3.11+ and make:
#   make demo   - install, crawl the bundled demo sites (replayed from disk), print the results
#   make test   - install with test dependencies, run the test suite
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
DEMO_DB ?= demo-output/demo.db

.PHONY: install install-test demo test clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'

demo: install
	@mkdir -p demo-output
	@rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/prospect --db $(DEMO_DB) add --file demo/prospects.csv
	$(BIN)/prospect --db $(DEMO_DB) crawl --replay tests/fixtures/sites
	$(BIN)/prospect --db $(DEMO_DB) list

test: install-test
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) demo-output build *.egg-info
