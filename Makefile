# Two commands, each from a fresh clone: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# `make demo` installs the package alone (what the demo runs); `make test` adds the extras the
# tests need (web, audit, Ray, browser and lint tools). Each stamp records what is installed.
DEMO_STAMP := $(VENV)/.installed-demo
TEST_STAMP := $(VENV)/.installed-test

.PHONY: demo test lint venv bench clean chromium

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(DEMO_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $(DEMO_STAMP)

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e ".[test]"
	touch $(TEST_STAMP) $(DEMO_STAMP)

venv: $(TEST_STAMP)

demo: $(DEMO_STAMP)
	$(BIN)/python examples/demo.py
	@echo
	@echo "Done. Run healthlens yourself with .venv/bin/healthlens (or: source .venv/bin/activate), e.g."
	@echo '  .venv/bin/healthlens ask "Is FPIES an autoimmune disease?"'
	@echo '  .venv/bin/healthlens check examples/09_clean_graves.html --question "Is Graves disease autoimmune?"'

test: $(TEST_STAMP) chromium
	$(BIN)/python -m pytest

lint: $(TEST_STAMP)
	$(BIN)/ruff check src tests benchmarks scripts examples
	$(BIN)/ruff format --check src tests benchmarks scripts examples
	$(BIN)/mypy src

# The web page's end-to-end test drives Debian's chromium (Playwright's own download does not work
# here). Installed when missing and apt-get is at hand (as root, or with password-less sudo);
# otherwise that one test skips and says why.
chromium:
	@if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null 2>&1; then \
		if [ "$$(id -u)" = 0 ]; then SUDO=; elif sudo -n true 2>/dev/null; then SUDO="sudo -n"; else SUDO=none; fi; \
		if [ "$$SUDO" = none ]; then echo "note: /usr/bin/chromium is missing and apt-get needs root; the browser test will skip"; \
		else echo "installing chromium for the browser test (apt-get)"; \
			$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null \
			|| echo "note: apt-get could not install chromium; the browser test will skip"; fi; \
	fi

bench: $(TEST_STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
