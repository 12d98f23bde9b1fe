# The commands people type. `make audit` and `make test` set everything up on a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: help setup audit test bench bench-edits lint clean

help:  ## Show the targets
	@grep -E '^[a-z-]+:.*## ' Makefile | sed 's/:.*## /\t/'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# torch is installed first and pinned: the CPU wheel lies on this machine's disk; an unpinned torch would pull
# a multi-GB CUDA build. Reinstalls only when pyproject.toml changes.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check torch==2.13.0
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev,fast]'
	touch $(STAMP)

setup: $(STAMP)  ## Create .venv and install factcheck with its dependencies

audit: $(STAMP)  ## Audit seeds/: Rich report on screen, Markdown in reports/seeds.md
	$(BIN)/factcheck audit seeds/ --exit-zero

test: $(STAMP)  ## Run the test suite
	$(BIN)/python -m pytest -q

bench: $(STAMP)  ## Benchmark the pipeline per stage and corpus size (writes reports/bench.md)
	$(BIN)/python -m benchmarks.run

bench-edits: $(STAMP)  ## Single-fact edits of real articles: recall per edit type, false alarms per audit
	$(BIN)/python -m benchmarks.edits

lint: $(STAMP)  ## ruff and mypy
	$(BIN)/ruff check factcheck tests
	$(BIN)/mypy factcheck --ignore-missing-imports

clean:  ## Remove generated reports and caches (keeps .venv)
	rm -rf reports/*.md reports/*.png claims/embeddings .pytest_cache
