# 政报档案 — the two commands a new machine needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run setup install migrate static import index test test-postgres test-haystack eval serve clean bench bench-large bench-huge load fuzz

BUNDLED := fixtures/reports fixtures/corpus/national fixtures/corpus/provincial-2025

# Without the autoreloader, which would start the whole site twice (a parent watching files
# and the server); developers who want reloading run manage.py runserver themselves.
run: setup
	$(BIN)/python manage.py runserver --noreload $(HOST):$(PORT)

# migrate, static, import and index below, in one process (a second run is quick).
setup: install
	$(BIN)/python manage.py setup_archive $(BUNDLED)

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --upgrade pip
	$(BIN)/pip install --progress-bar on -e ".[test]"
	touch $(STAMP)

migrate: install
	$(BIN)/python manage.py migrate --noinput

static: install
	$(BIN)/python manage.py collectstatic --noinput -v0

# The bundled reports and the corpus (fixtures/corpus/README.md). Idempotent: reports already
# stored with the same content are left as they are, unread by the parser.
import: migrate
	$(BIN)/python manage.py import_reports $(BUNDLED)

# Imports index as they go; this mends an index that is missing or behind the database.
index: import
	$(BIN)/python manage.py check_index --repair

# Debian's chromium for the browser tests (tests/browser/); a no-op once it is installed.
test: install
	bash .ci/install-browser
	$(BIN)/python -m pytest

# The Hypothesis tests with random examples, 2,000 each (the suite runs a fixed 150): nightly,
# or after changing what they cover. Failing examples are kept in .hypothesis/ and replayed first.
fuzz: install
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -p no:cacheprovider tests/security/test_fuzzing.py

# The suite again on a throw-away PostgreSQL server (.ci/with-postgres installs and starts it);
# the browser tests are left out: the point is the database layer.
test-postgres: install
	bash .ci/with-postgres $(BIN)/python -m pytest --ignore=tests/browser

# The parser against the hand-read labels of fixtures/labels (bench/evaluate.py): per report
# and in total; exits 1 below the floor it pins. LABELS=folder reads labels from elsewhere.
eval: install
	$(BIN)/python bench/evaluate.py --check $(if $(LABELS),--labels $(LABELS))
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

# Benchmarks (bench/run.py): scratch data under /tmp, one table to stdout and bench/results/,
# our engine beside Tantivy (bench/peer.py, the bench-only extra).
BENCH_STAMP := $(VENV)/.bench-installed

$(BENCH_STAMP): pyproject.toml $(STAMP)
	$(BIN)/pip install --quiet -e ".[test,bench]"
	touch $(BENCH_STAMP)

bench: $(BENCH_STAMP)
	$(BIN)/python bench/run.py --sizes 100 1000
	$(BIN)/python bench/compare.py

bench-large: $(BENCH_STAMP)
	$(BIN)/python bench/run.py --sizes 100 1000 5000

# 20,000 reports (about four hours here, not in CI): the growth of every figure from 1,000 to
# 5,000 to 20,000; Tantivy beside ours up to 5,000 (at 20,000 its build alone takes most of an hour).
bench-huge: $(BENCH_STAMP)
	$(BIN)/python bench/run.py --sizes 1000 5000 20000 --peer-max 5000

# Load on the production server (gunicorn on 127.0.0.1): the bundled reports plus 200 generated ones;
# then the same readers while 20 more are imported (their p95, quiet and during the import).
load: install
	$(BIN)/python bench/load.py --generate 200 --import-reports 20
