# criteria-compare: `make run` opens the app on the bundled sample, `make test` checks everything.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test bench lint format typecheck screenshot clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/criteria-compare-gui --sample

test: $(STAMP)
	$(BIN)/ruff check src tests benchmarks sample_criteria
	$(BIN)/ruff format --check --quiet src tests benchmarks sample_criteria
	$(BIN)/mypy
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/run.py

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks sample_criteria
	$(BIN)/ruff format --check src tests benchmarks sample_criteria

format: $(STAMP)
	$(BIN)/ruff format src tests benchmarks
	$(BIN)/ruff check --fix src tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

screenshot: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/criteria-compare-gui --sample --screenshot docs/screenshot.png

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
