# The whole setup on a fresh machine with Python 3.11+, git and make:
#   make run    create the virtual environment, install alinea, open the app
#   make test   the same environment with the test extras, then the tests
# Optional: make install   puts the `alinea` command on your PATH (~/.local/bin)
#           make docs      retakes the README's screenshots (docs/*.svg) with the app itself
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PIPX ?= $(shell command -v pipx 2>/dev/null)
LOCAL_BIN ?= $(or $(PIPX_BIN_DIR),$(HOME)/.local/bin)

.PHONY: run test bench check clean install docs catalogs

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# The compiled Spanish catalog the app reads (store.i18n); rebuilt whenever the .po changes
CATALOGS := $(patsubst %.po,%.mo,$(wildcard store/locale/*/LC_MESSAGES/alinea.po))
%.mo: %.po | $(VENV)/.installed
	$(BIN)/python tools/catalogs.py compile

run: $(VENV)/.installed $(CATALOGS)
	$(BIN)/alinea $(ARGS)

# After marking new strings with _(): add them to each .po, then translate them there
catalogs: $(VENV)/.installed
	$(BIN)/python tools/catalogs.py extract

test: $(VENV)/.installed $(CATALOGS)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(VENV)/.installed $(CATALOGS)
	$(BIN)/python -m tests.bench.run $(ARGS)

check: $(VENV)/.installed
	$(BIN)/ruff check store tui themes tests tools
	$(BIN)/lint-imports
	$(BIN)/mypy

# One SVG per pane and of the meeting runner, 120x40, on the sample quarter at a fixed day
docs: $(VENV)/.installed
	$(BIN)/python tools/screenshots.py docs

# pipx when it is there (its own environment, following this checkout); else a link to
# this checkout's .venv/bin/alinea. Either way, say where it went and whether that is on PATH.
install: $(VENV)/.installed $(CATALOGS)
	@if [ -n "$(PIPX)" ]; then \
		"$(PIPX)" install --force --editable . >/dev/null && echo "Installed alinea with pipx ($(PIPX))."; \
	else \
		mkdir -p "$(LOCAL_BIN)" && ln -sf "$(abspath $(BIN))/alinea" "$(LOCAL_BIN)/alinea" && \
		echo "Linked $(LOCAL_BIN)/alinea to $(abspath $(BIN))/alinea (no pipx found)."; \
	fi
	@case ":$$PATH:" in \
		*":$(LOCAL_BIN):"*) echo "$(LOCAL_BIN) is on your PATH: run \`alinea\`." ;; \
		*) echo "$(LOCAL_BIN) is not on your PATH: add it (export PATH=\"$(LOCAL_BIN):\$$PATH\" in your shell profile)," \
			"or run $(abspath $(BIN))/alinea." ;; \
	esac

clean:
	rm -rf $(VENV) *.egg-info
