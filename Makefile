# One entry point for people and CI. Every target creates or reuses ./.venv.
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: install demo serve test lint format bench bench-spark eval clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[all]"
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

demo: install
	rm -f demo.db
	$(BIN)/coopwatch ingest examples --db demo.db
	$(BIN)/coopwatch events --db demo.db

# The web pages and the API on the example corpus, at http://127.0.0.1:8000/
serve: demo
	$(BIN)/coopwatch serve --db demo.db

test: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/pytest -q

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

format: install
	$(BIN)/ruff format src tests benchmarks
	$(BIN)/ruff check --fix src tests benchmarks

eval: install
	$(BIN)/coopwatch eval ../shared/eval/dev

bench: install
	$(BIN)/python benchmarks/extract_speed.py
	$(BIN)/python benchmarks/ingest_speed.py

# Spark job on local[1] and local[2] over a generated WARC crawl, and the load into
# PostgreSQL (COOPWATCH_TEST_PG, e.g. the URL scripts/postgres.sh prints).
bench-spark: install
	SPARK_LOCAL_IP=127.0.0.1 $(BIN)/python benchmarks/spark_speed.py

clean:
	rm -rf $(VENV) demo.db .pytest_cache .ruff_cache .mypy_cache
