# The whole setup on a fresh machine with Python 3.11+, git and make:
#   make run    create the virtual environment, install alinea, open the app
#   make test   the same environment with the test extras, then the tests
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test bench check clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

run: $(VENV)/.installed
	$(BIN)/alinea $(ARGS)

test: $(VENV)/.installed
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(VENV)/.installed
	$(BIN)/python -m tests.bench.run $(ARGS)

check: $(VENV)/.installed
	$(BIN)/ruff check store tui themes tests
	$(BIN)/lint-imports

clean:
	rm -rf $(VENV) *.egg-info
