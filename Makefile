# 政报档案 — the two commands a new machine needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run setup install migrate static import index test test-postgres serve clean bench bench-large bench-huge load

run: setup
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

setup: install migrate static import index

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

migrate: install
	$(BIN)/python manage.py migrate --noinput

static: install
	$(BIN)/python manage.py collectstatic --noinput -v0

# Idempotent: reports already stored with the same content are left as they are.
import: migrate
	$(BIN)/python manage.py import_reports fixtures/reports

# Imports index as they go; this mends an index that is missing or behind the database.
index: import
	$(BIN)/python manage.py check_index --repair

# Debian's chromium for the browser tests (tests/browser/); a no-op once it is installed.
test: install
	bash .ci/install-browser
	$(BIN)/python -m pytest

# The suite again on a throw-away PostgreSQL server (.ci/with-postgres installs and starts it);
# the browser tests are left out: the point is the database layer.
test-postgres: install
	bash .ci/with-postgres $(BIN)/python -m pytest --ignore=tests/browser

# The production server (config/gunicorn.conf.py); settings come from the environment, see
# "Running in production" in README.md.
serve: migrate static
	$(BIN)/gunicorn -c config/gunicorn.conf.py config.wsgi

clean:
	rm -rf $(VENV) var .pytest_cache

# Benchmarks (bench/run.py): scratch data under /tmp, one table to stdout and bench/results/,
# our engine beside Tantivy (bench/peer.py, the bench-only extra).
BENCH_STAMP := $(VENV)/.bench-installed

$(BENCH_STAMP): pyproject.toml $(STAMP)
	$(BIN)/pip install --quiet -e ".[test,bench]"
	touch $(BENCH_STAMP)

bench: $(BENCH_STAMP)
	$(BIN)/python bench/run.py --sizes 100 1000

bench-large: $(BENCH_STAMP)
	$(BIN)/python bench/run.py --sizes 100 1000 5000

# 20,000 reports (hours here, not in CI): the growth of every figure from 1,000 to 5,000 to 20,000.
bench-huge: $(BENCH_STAMP)
	$(BIN)/python bench/run.py --sizes 1000 5000 20000

# Load on the production server (gunicorn on 127.0.0.1): the bundled reports plus 200 generated ones.
load: install
	$(BIN)/python bench/load.py --generate 200
