"""Load test: the production server (gunicorn) under concurrent searches and page views.

    python bench/load.py                      # scratch site: the bundled reports
    python bench/load.py --generate 200       # ... plus 200 generated ones (bench/corpus.py)
    python bench/load.py --data var           # an existing data folder, left as it is

C client threads (--clients) send the 50 queries of bench/run.py to /api/search/ and view
pages (home, year, region, report, indicator and HTML search pages) until --requests have
been sent or --seconds have passed. The server listens on loopback only and is always
stopped. The table (throughput, latency percentiles overall and per kind, errors: any
status other than 2xx/3xx, or no answer) goes to stdout and bench/results/<UTC>-load.txt.

With --import-reports N, a second run follows: the same clients while `import_reports`
stores N more generated reports into the site (each commits its index segment, merges run
after), until the import ends; its table shows what an import costs the readers (p95).
Timings are for reading: the script fails only when it cannot run.
"""
from __future__ import annotations

import argparse
import datetime
import http.client
import io
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import QUERIES, RESULTS, percentiles  # noqa: E402
from bench.server import LOOPBACK, gunicorn, prepare, site_env  # noqa: E402

REQUEST_TIMEOUT = 30
SEARCH_SHARE = 0.5  # of requests; the rest are page views
WARMUP = 40  # requests before measuring: each server thread opens its searcher on first use


# -- the site to load: an existing data folder or a scratch one ------------------------

def fill(generate: int, seed: int) -> None:
    """In a child whose ARCHIVE_DATA_DIR is the scratch folder: import the bundled reports
    and ``generate`` more, then build the index once (indexing each import on its own
    would take minutes; the live path is not what this script measures)."""
    import django
    django.setup()
    from django.core.management import call_command

    from archive.signals import report_stored
    from bench import corpus
    from search import indexing
    from search.rebuild import rebuild

    report_stored.disconnect(dispatch_uid="search-index-report")
    folders = [ROOT / "fixtures" / "reports"]
    if generate:
        folders.append(Path(os.environ["ARCHIVE_DATA_DIR"]).parent / "corpus")
        corpus.build(generate, folders[-1], seed)
    call_command("import_reports", *map(str, folders), stdout=io.StringIO())
    report_stored.connect(indexing.on_report_stored, dispatch_uid="search-index-report")
    rebuild()


def fill_scratch_site(data: Path, generate: int, seed: int) -> None:
    env = site_env(data)
    prepare(env)
    subprocess.run([sys.executable, __file__, "--fill", "--generate", str(generate),
                    "--seed", str(seed)], cwd=ROOT, env=env, check=True, timeout=3600)


# -- what the clients ask for -------------------------------------------------------

def page_paths(url: str) -> list[str]:
    """Page views over what the site holds: its years, regions, reports and indicators."""
    reports = get_json(url, "/api/reports/")["results"]
    indicators = get_json(url, "/api/indicators/")["results"]
    paths = ["/", "/years/", "/regions/", "/indicators/"]
    paths += [f"/years/{year}/" for year in sorted({r["year"] for r in reports})]
    paths += [f"/regions/{quote(region)}/" for region in sorted({r["region"] for r in reports})]
    paths += [f"/reports/{r['id']}/" for r in reports]
    paths += [f"/indicators/{quote(item['name'])}/?{urlencode({'region': item['regions'][0]})}"
              for item in indicators if item["regions"]]
    paths += [f"/search/?{urlencode(query)}" for query in QUERIES[::5]]
    return paths


def get_json(url: str, path: str) -> dict:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=REQUEST_TIMEOUT)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        if response.status != 200:
            raise RuntimeError(f"GET {path}: {response.status}")
        return json.loads(response.read())
    finally:
        connection.close()


# -- the clients ------------------------------------------------------------------------

@dataclass
class Tally:
    """Samples of one run, shared by the client threads."""
    samples: dict = field(default_factory=lambda: {"search": [], "page": []})
    errors: dict = field(default_factory=lambda: {"search": 0, "page": 0})
    examples: list = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, seconds: float, problem: str | None) -> None:
        with self.lock:
            self.samples[kind].append(seconds)
            if problem:
                self.errors[kind] += 1
                if len(self.examples) < 5:
                    self.examples.append(problem)


class Budget:
    """At most ``requests`` requests, and none after ``seconds``."""

    def __init__(self, requests: int, seconds: float):
        self.left, self.deadline = requests, time.monotonic() + seconds
        self.lock = threading.Lock()

    def take(self) -> bool:
        with self.lock:
            if self.left <= 0 or time.monotonic() >= self.deadline:
                return False
            self.left -= 1
            return True


def client(url: str, pages: list[str], rng: random.Random, budget: Budget, tally: Tally) -> None:
    """One visitor on one kept-alive connection, opened again after any failure."""
    parts = urlsplit(url)
    connection = None
    while budget.take():
        if rng.random() < SEARCH_SHARE:
            kind, path = "search", "/api/search/?" + urlencode(rng.choice(QUERIES))
        else:
            kind, path = "page", rng.choice(pages)
        problem = None
        start = time.perf_counter()
        try:
            connection = connection or http.client.HTTPConnection(
                parts.hostname, parts.port, timeout=REQUEST_TIMEOUT)
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            if not 200 <= response.status < 400:
                problem = f"{response.status} {path}"
        except (OSError, http.client.HTTPException) as error:
            problem = f"{error!r} {path}"
        elapsed = time.perf_counter() - start
        if problem and connection is not None:
            connection.close()
            connection = None
        tally.add(kind, elapsed, problem)
    if connection is not None:
        connection.close()


class WhileRunning:
    """Requests for as long as ``process`` runs (at most ``seconds``)."""

    def __init__(self, process: subprocess.Popen, seconds: float):
        self.process, self.deadline = process, time.monotonic() + seconds

    def take(self) -> bool:
        return self.process.poll() is None and time.monotonic() < self.deadline


def during_an_import(url: str, pages: list[str], data: Path, work: Path, args) -> tuple[Tally, float]:
    """The clients again while ``args.import_reports`` generated reports are imported."""
    from bench import corpus

    folder = work / "import"
    corpus.build(args.import_reports, folder, args.seed + 1)
    with (work / "import.log").open("wb") as log:
        importing = subprocess.Popen([sys.executable, "manage.py", "import_reports", str(folder)],
                                     cwd=ROOT, env=site_env(data), stdout=log, stderr=subprocess.STDOUT)
    start = time.monotonic()
    tally = run_clients(url, pages, args.clients, WhileRunning(importing, 1800), args.seed + 7)
    if importing.wait() != 0:
        raise RuntimeError(f"import_reports failed:\n{(work / 'import.log').read_text()[-3000:]}")
    return tally, time.monotonic() - start


def run_clients(url: str, pages: list[str], clients: int, budget: Budget, seed: int) -> Tally:
    tally = Tally()
    threads = [threading.Thread(target=client, args=(url, pages, random.Random(seed + n), budget, tally))
               for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return tally


# -- the report -----------------------------------------------------------------------

def table(tally: Tally, elapsed: float) -> str:
    rows = [("all", tally.samples["search"] + tally.samples["page"],
             tally.errors["search"] + tally.errors["page"]),
            ("search", tally.samples["search"], tally.errors["search"]),
            ("page", tally.samples["page"], tally.errors["page"])]
    lines = [f"{'kind':<8}{'requests':>10}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}"]
    for kind, samples, errors in rows:
        if len(samples) < 2:
            lines.append(f"{kind:<8}{len(samples):>10}{'':>36}{errors:>8}")
            continue
        cut = percentiles(samples)
        lines.append(f"{kind:<8}{len(samples):>10}{len(samples) / elapsed:>9.1f}{cut['p50']:>9.1f}"
                     f"{cut['p95']:>9.1f}{cut['p99']:>9.1f}{errors:>8}")
    return "\n".join(lines)


def _import_lines(quiet: Tally, importing: Tally, elapsed: float, reports: int) -> list[str]:
    def p95(tally):
        return percentiles(tally.samples["search"] + tally.samples["page"])["p95"]

    total = sum(map(len, importing.samples.values()))
    return [f"while importing {reports} generated reports ({elapsed:.1f} s): {total} requests, "
            f"{sum(importing.errors.values())} errors; readers' p95 {p95(quiet):.0f} ms quiet, "
            f"{p95(importing):.0f} ms during the import",
            table(importing, elapsed)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="an existing data folder (default: a scratch site)")
    parser.add_argument("--generate", type=int, default=0,
                        help="reports to generate into the scratch site besides the bundled ones")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=4, help="threads per gunicorn worker")
    parser.add_argument("--host", default="127.0.0.1", help="loopback only: " + ", ".join(LOOPBACK))
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--import-reports", type=int, default=0,
                        help="then load the site again while this many generated reports are imported")
    parser.add_argument("--keep", action="store_true", help="keep the scratch site")
    parser.add_argument("--fill", action="store_true", help=argparse.SUPPRESS)  # the child's job
    args = parser.parse_args()
    if args.fill:
        fill(args.generate, args.seed)
        return
    if args.host not in LOOPBACK:
        parser.error(f"--host {args.host}: this script only serves on loopback ({', '.join(LOOPBACK)})")
    if args.data and args.generate:
        parser.error("--generate fills a scratch site; it cannot be combined with --data")
    if args.data and not (args.data / "archive.sqlite3").exists():
        parser.error(f"--data {args.data}: no archive.sqlite3 there (run `make run` or migrate first)")

    work = Path(tempfile.mkdtemp(prefix="zhengbao-load-", dir="/tmp"))  # scratch site, server log
    data = args.data.resolve() if args.data else work / "data"
    described = str(data) if args.data else f"scratch: bundled reports + {args.generate} generated"
    try:
        if not args.data:
            fill_scratch_site(data, args.generate, args.seed)
        with gunicorn(site_env(data), work / "server.log", args.host, args.workers,
                      args.threads) as url:
            pages = page_paths(url)
            warmup = run_clients(url, pages, args.clients, Budget(WARMUP, args.seconds), args.seed)
            load_before = os.getloadavg()[0]
            start = time.monotonic()
            tally = run_clients(url, pages, args.clients, Budget(args.requests, args.seconds),
                                args.seed + args.clients)
            elapsed = time.monotonic() - start
            load_after = os.getloadavg()[0]
            if args.import_reports:
                importing, import_elapsed = during_an_import(url, pages, data, work, args)
    finally:
        if args.keep:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)

    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    total = sum(map(len, tally.samples.values()))
    errors = sum(tally.errors.values())
    reports = sum(path.startswith("/reports/") for path in pages)
    report = "\n".join([
        f"政报档案 load {stamp}: gunicorn {args.workers} workers x {args.threads} threads, "
        f"{args.clients} clients, {os.cpu_count()} CPUs",
        f"data: {described} ({reports} reports); {len(pages)} page URLs; "
        f"load average {load_before:.1f} before, {load_after:.1f} after",
        f"{total} requests in {elapsed:.1f} s: {total / elapsed:.1f} req/s, {errors} errors "
        f"(after {WARMUP} warm-up requests, {sum(warmup.errors.values())} errors)",
        table(tally, elapsed),
        *(f"  e.g. {example}" for example in tally.examples),
        *(_import_lines(tally, importing, import_elapsed, args.import_reports)
          if args.import_reports else []),
    ]) + "\n"
    print(report)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{stamp}-load.txt").write_text(report, encoding="utf-8")
    errors += sum(importing.errors.values()) if args.import_reports else 0
    if errors or sum(warmup.errors.values()):
        sys.exit(f"load: {errors + sum(warmup.errors.values())} errors (the bar is 0)")


if __name__ == "__main__":
    main()
