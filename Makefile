# 政报档案 — the two commands a new machine needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run setup install migrate static import index test test-postgres test-haystack serve clean bench bench-large load

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

# django-haystack's own Whoosh test suite (from the installed version's sdist, cached in
# .cache/), on stock Whoosh and on our engine; fails where a test passes on stock only.
test-haystack: install
	$(BIN)/python .ci/haystack_suite.py

# The production server (config/gunicorn.conf.py); settings come from the environment, see
# "Running in production" in README.md.
serve: migrate static
	$(BIN)/gunicorn -c config/gunicorn.conf.py config.wsgi

clean:
	rm -rf $(VENV) var .pytest_cache

# Benchmarks (bench/run.py): scratch data under /tmp, one table to stdout and bench/results/.
bench:
	$(BIN)/python bench/run.py --sizes 100 1000

bench-large:
	$(BIN)/python bench/run.py --sizes 100 1000 5000

# Load on the production server (gunicorn on 127.0.0.1): the bundled reports plus 200 generated ones.
load: install
	$(BIN)/python bench/load.py --generate 200
