# Lethe: `make serve` runs the server, `make test` runs every test.
# `make serve` installs the runtime dependencies only; `make test` adds the [test] extras.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUNTIME := $(VENV)/.installed-runtime
TESTING := $(VENV)/.installed-test

.PHONY: serve test lint bench clean

$(RUNTIME): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --upgrade pip
	$(BIN)/pip install -e .
	touch $@

$(TESTING): $(RUNTIME)
	$(BIN)/pip install -e ".[test]"
	touch $@

serve: $(RUNTIME)
	$(BIN)/lethe serve $(if $(CONFIG),--config $(CONFIG))

test: $(TESTING)
	$(BIN)/ruff check src tests tools benchmarks
	$(BIN)/mypy src
	$(BIN)/pytest -q -p no:cacheprovider
	# The tests built on the make_app fixture again, on the PostgreSQL index.
	LETHE_TEST_INDEX=postgresql $(BIN)/pytest -q -p no:cacheprovider tests/api tests/jobs tests/store

bench: $(TESTING)
	$(BIN)/python -m benchmarks $(BENCH_ARGS)
	$(BIN)/python -m benchmarks.nodes $(NODES_BENCH_ARGS)
	$(BIN)/python -m benchmarks.offline $(OFFLINE_BENCH_ARGS)

lint: $(TESTING)
	$(BIN)/ruff check src tests tools benchmarks

clean:
	rm -rf $(VENV) build dist src/*.egg-info
