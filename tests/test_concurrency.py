"""Many writers at once against the real server (gunicorn, SQLite, Whoosh in one data folder).

Staff upload reports through the admin while ``import_reports`` runs in other processes
and readers search and browse the whole time. Afterwards every report must be stored
whole, no read may have failed, and the search index must match the database.
"""
from __future__ import annotations

import http.client
import json
import random
import re
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from http.cookies import SimpleCookie
from importlib.util import find_spec
from urllib.parse import urlencode, urlsplit

import pytest

from archive.parsing.pipeline import parse_report
from bench import corpus
from bench.run import QUERIES
from bench.server import gunicorn, manage, prepare, site_env, tail

pytestmark = pytest.mark.skipif(
    find_spec("gunicorn") is None,
    reason="gunicorn is not installed; this test runs the production server")

UPLOADERS, IMPORTERS, PER_WRITER = 3, 3, 2  # writers and reports per writer
READERS, READ_PAUSE = 3, 0.05  # a steady stream, not a flood that starves the writers' CPU
REQUEST_TIMEOUT = 60   # an upload may queue behind every other writer, but not for longer
WRITERS_TIMEOUT = 90   # all writers, together
STAFF = {"username": "editor", "password": "concurrency-test-password-1"}
PAGES = ["/", "/years/", "/regions/", "/indicators/", "/search/?" + urlencode({"q": "高质量发展"}),
         "/api/reports/"]


class Client:
    """A tiny HTTP client with a cookie jar; redirects are returned, not followed."""

    def __init__(self, base_url: str):
        parts = urlsplit(base_url)
        self.host, self.port = parts.hostname, parts.port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, body: bytes | None = None,
                headers: dict | None = None) -> tuple[int, dict, bytes]:
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        connection = http.client.HTTPConnection(self.host, self.port, timeout=REQUEST_TIMEOUT)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read()
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response.status, dict(response.headers), content

    def get(self, path: str):
        return self.request("GET", path)

    def csrf_token(self, path: str) -> str:
        status, _, page = self.get(path)
        assert status == 200, f"GET {path}: {status}"
        return re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()

    def post(self, path: str, fields: dict, files: dict | None = None):
        body, content_type = multipart(fields, files or {})
        return self.request("POST", path, body, {"Content-Type": content_type})

    def log_in(self) -> None:
        token = self.csrf_token("/admin/login/")
        status, _, _ = self.post("/admin/login/", {**STAFF, "csrfmiddlewaretoken": token,
                                                   "next": "/admin/"})
        assert status == 302, f"login failed: {status}"

    def upload(self, name: str, data: bytes) -> tuple[int, str]:
        """Upload a report through the admin form: (status, where the server sent us)."""
        path = "/admin/archive/report/upload/"
        token = self.csrf_token(path)
        status, headers, _ = self.post(path, {"csrfmiddlewaretoken": token}, {"file": (name, data)})
        return status, headers.get("Location", "")


def multipart(fields: dict, files: dict) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                     f"{value}\r\n".encode())
    for name, (filename, data) in files.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                     f'filename="{filename}"\r\nContent-Type: text/plain\r\n\r\n'.encode()
                     + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def section_count(nodes: list[dict]) -> int:
    return sum(1 + section_count(node["children"]) for node in nodes)


def read_until(stop: threading.Event, client: Client, rng: random.Random, failures: list,
               done: list) -> None:
    """Search and browse until told to stop; every answer must be a 200 (and JSON for the API)."""
    while not stop.is_set():
        if rng.random() < 0.6:
            path = "/api/search/?" + urlencode(rng.choice(QUERIES))
        else:
            path = rng.choice(PAGES)
        try:
            status, _, body = client.get(path)
            if status != 200:
                failures.append((path, status, body.decode(errors="replace")[:300]))
            elif path.startswith("/api/"):
                json.loads(body)
        except Exception as error:  # a refused connection, a timeout, broken JSON: all failures
            failures.append((path, repr(error)))
        done.append(path)
        stop.wait(READ_PAUSE)


def test_concurrent_uploads_imports_and_reads_keep_everything_whole(tmp_path):
    data_dir, log = tmp_path / "data", tmp_path / "server.log"
    env = site_env(data_dir, DJANGO_ALLOWED_HOSTS="127.0.0.1",
                   DJANGO_SUPERUSER_USERNAME=STAFF["username"],
                   DJANGO_SUPERUSER_PASSWORD=STAFF["password"],
                   DJANGO_SUPERUSER_EMAIL="editor@example.org")
    prepare(env)
    manage(env, "rebuild_index", "--noinput")  # a site has its index before its first visitor
    manage(env, "createsuperuser", "--noinput")

    # Distinct reports (a repeated region/year would replace one report by another).
    rng = random.Random(6)
    paragraphs = corpus.real_paragraphs()
    writers = UPLOADERS + IMPORTERS
    reports = {}  # file name -> bytes
    for region, year in corpus.region_years(writers * PER_WRITER, rng):
        text = corpus.make_report(region, year, paragraphs, rng, target_chars=20_000)
        reports[f"{region}-{year}.txt"] = text.encode()
    expected = {}
    for name, data in reports.items():
        parsed = parse_report(data, name)
        expected[(parsed.metadata.region, parsed.metadata.year)] = (
            len(parsed.flat_sections()), len(parsed.indicators))
    names = list(reports)
    batches = [names[i::writers] for i in range(writers)]
    folder = tmp_path / "incoming"
    folder.mkdir()
    for name in names:
        (folder / name).write_bytes(reports[name])

    def upload(batch):
        client = Client(url)
        client.log_in()
        return [(name, *client.upload(name, reports[name])) for name in batch]

    def import_files(batch):
        return manage(env, "import_reports", *(str(folder / name) for name in batch),
                      timeout=WRITERS_TIMEOUT).stdout

    stop, failures, reads = threading.Event(), [], []
    with gunicorn(env, log, workers=2, threads=4) as url:
        readers = [threading.Thread(target=read_until,
                                    args=(stop, Client(url), random.Random(n), failures, reads))
                   for n in range(READERS)]
        for reader in readers:
            reader.start()
        try:
            with ThreadPoolExecutor(writers) as pool:
                jobs = [pool.submit(upload, batch) for batch in batches[:UPLOADERS]]
                jobs += [pool.submit(import_files, batch) for batch in batches[UPLOADERS:]]
                deadline = time.monotonic() + WRITERS_TIMEOUT
                outcomes = [job.result(timeout=max(1, deadline - time.monotonic())) for job in jobs]
        finally:
            stop.set()
            for reader in readers:
                reader.join(timeout=REQUEST_TIMEOUT + 5)

        uploads = [upload for batch in outcomes[:UPLOADERS] for upload in batch]
        assert all(status == 302 and re.fullmatch(r"/admin/archive/report/\d+/change/", location)
                   for _, status, location in uploads), f"{uploads}\n{tail(log)}"
        imported = [line.split(maxsplit=1)[1] for output in outcomes[UPLOADERS:]
                    for line in output.splitlines() if line.startswith("[")]  # "[1/2] created …"
        assert len(imported) == IMPORTERS * PER_WRITER, imported
        assert all(line.startswith("created") for line in imported), imported
        assert not failures, f"{len(failures)} failed reads, e.g. {failures[:5]}\n{tail(log)}"
        assert len(reads) >= 20, "the readers hardly ran alongside the writers"

        client = Client(url)
        listing = json.loads(client.get("/api/reports/")[2])
        assert listing["count"] == len(reports)
        stored = {}
        for summary in listing["results"]:
            detail = json.loads(client.get(f"/api/reports/{summary['id']}/")[2])
            stored[(detail["region"], detail["year"])] = (
                section_count(detail["sections"]), len(detail["indicators"]))
            hits = json.loads(client.get("/api/search/?" + urlencode(
                {"q": detail["region"], "region": detail["region"], "year": detail["year"]}))[2])
            assert hits["count"] > 0, f"{detail['region']} {detail['year']} is not searchable"
        assert stored == expected

    manage(env, "check_index", timeout=60)  # exits non-zero (and manage raises) on drift
    assert "Traceback" not in log.read_text(errors="replace"), tail(log, 80)
