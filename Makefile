NO_MKDOCS_2_WARNING := 1
export NO_MKDOCS_2_WARNING

# quotebank — the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: run test lint typecheck complexity unit slow docs bench clean system-tools

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(DEV_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev,docs,eval]'
	touch $@ $(STAMP)

## run: install and print the quotes of the five seed articles
run: $(STAMP)
	$(BIN)/quotebank extract seeds/*.txt --format table

## test: install with dev, docs and eval extras (and chromium and jq where missing); ruff, mypy, radon, pytest (slow and browser tests included) and a strict docs build
test: $(DEV_STAMP) system-tools lint typecheck complexity unit docs

## system-tools: the Debian packages the tests drive (headless chromium for the report, jq for the shell pipe), installed only where missing
system-tools:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium chromium-driver"; \
	command -v jq >/dev/null 2>&1 || missing="$$missing jq"; \
	if [ -n "$$missing" ]; then \
	  sudo=""; [ "$$(id -u)" = 0 ] || sudo="sudo"; \
	  echo "make: installing$$missing with apt-get"; \
	  $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends $$missing; \
	fi

lint: $(DEV_STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: $(DEV_STAMP)
	$(BIN)/mypy --strict src

## complexity: no function in src above cyclomatic complexity 20 (radon prints any that is)
complexity: $(DEV_STAMP)
	@out="$$($(BIN)/radon cc -n D -s src)"; if [ -n "$$out" ]; then echo "$$out"; echo "radon: functions above complexity 20"; exit 1; fi

unit: $(DEV_STAMP)
	$(BIN)/pytest -q

## slow: only the tests over the PolNeAR corpus
slow: $(DEV_STAMP)
	$(BIN)/pytest -q -m slow

docs: $(DEV_STAMP)
	$(BIN)/mkdocs build --strict --site-dir site

bench: $(DEV_STAMP)
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) site build dist .mypy_cache .ruff_cache .pytest_cache .hypothesis
