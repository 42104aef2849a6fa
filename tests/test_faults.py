"""Crash faults: a process killed during an import or a rebuild, a missing or garbled index.

The kill tests run manage.py in subprocesses against a scratch data folder (its own
SQLite file, uploads and index), never the test database, and look at what is left with
a fresh process, as the next start of the site would.
"""
import datetime
import hashlib
import io
import json
import os
import random
import select
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import whoosh.index
from django.core.management import CommandError, call_command
from haystack import connections

from archive.importing import import_report
from archive.models import Report
from archive.parsing.document import ReportMetadata
from archive.parsing.pipeline import parse_report
from search import services
from search.checks import search_index_check
from search.drift import find_drift
from search.errors import MESSAGE
from search.indexing import backend
from search.params import SearchParams
from tests.conftest import FIXTURE_REPORTS, ROOT
from tests.documents import docx_bytes

SMALL_REPORTS = ["guowuyuan-2019-work-report.txt", "guowuyuan-2021-work-report.txt",
                 "guowuyuan-2022-work-report.txt", "jinjiang-2023-highlights.txt",
                 "jinjiang-2024-interpretations.txt"]
QUERIES = ["高质量发展", "就业", "晋江"]
TIMEOUT = 60  # seconds any one subprocess may take
RUNS_SEED = 20250601  # the random kill moments are reproducible


# -- scratch sites in subprocesses ------------------------------------------------------

def site_env(data: Path) -> dict:
    """The environment of a site whose everything lives in ``data`` (nothing from ours)."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("DATABASE_", "HAYSTACK_", "DJANGO_SETTINGS"))}
    return {**env, "ARCHIVE_DATA_DIR": str(data), "PYTHONPATH": str(ROOT),
            "DJANGO_SETTINGS_MODULE": "config.settings"}


def manage(data: Path, *args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "manage.py"), *args], env=site_env(data),
                          cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT)


def spawn(data: Path, *args) -> subprocess.Popen:
    """``python *args`` on the scratch site, in a process group of its own (see finish)."""
    return subprocess.Popen([sys.executable, *args], env=site_env(data), cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)


def exited(process: subprocess.Popen) -> bool:
    """Whether it has ended, without reaping it: its group stays reserved for finish."""
    return os.waitid(os.P_PID, process.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None


def finish(process: subprocess.Popen, kill: bool = False) -> int:
    """End ``process`` (at once if ``kill``, else when it ends, at the latest after TIMEOUT),
    then whatever it left running in its group (the workers of a multiprocessing index
    writer outlive their parent for a while); returns its exit status."""
    if process.returncode is None:
        deadline = time.monotonic() + (0 if kill else TIMEOUT)
        while not exited(process):
            if time.monotonic() >= deadline:
                os.kill(process.pid, signal.SIGKILL)
            time.sleep(0.01)
        os.killpg(process.pid, signal.SIGKILL)
    return process.wait()


def killed(process: subprocess.Popen) -> None:
    """Wait for a process that kills itself; it must have died of SIGKILL."""
    assert finish(process) == -signal.SIGKILL, process.stderr.read()[-3000:]


# Runs a management command with one function (module, dotted attribute) patched to
# SIGKILL the process right after its n-th call: the crash lands at an exact point.
DIE_AFTER = """
import importlib, os, signal, sys
import django
django.setup()
from django.core.management import call_command
module_name, path, nth, *command = sys.argv[1:]
owner = importlib.import_module(module_name)
*parents, name = path.split(".")
for parent in parents:
    owner = getattr(owner, parent)
original, calls = getattr(owner, name), []
def dying(*args, **kwargs):
    result = original(*args, **kwargs)
    calls.append(1)
    if len(calls) == int(nth):
        os.kill(os.getpid(), signal.SIGKILL)
    return result
setattr(owner, name, dying)
call_command(*command)
"""

# What a fresh process finds, then check_index, --repair and check_index again, as JSON.
INSPECT = """
import io, json, os, time
import django
django.setup()
from django.conf import settings
from django.core.management import CommandError, call_command
from archive.backup import stray_files
from archive.models import Report
from search import services
from search.params import SearchParams

def state():
    return {"reports": [{"hash": r.content_hash, "sections": r.sections.count(),
                         "file": r.source_file.storage.exists(r.source_file.name)}
                        for r in Report.objects.all()],
            "strays": stray_files(older_than=0),
            "counts": {q: services.search(SearchParams(q=q)).count for q in %(queries)r}}

def check(*args):
    out = io.StringIO()
    try:
        call_command("check_index", *args, stdout=out)
        return {"ok": True, "out": out.getvalue()}
    except CommandError as error:
        return {"ok": False, "out": out.getvalue() + str(error)}

before = state()
old = time.time() - 3600  # strays count once older than check_index's grace period
for folder, _, names in os.walk(settings.MEDIA_ROOT):
    for name in names:
        os.utime(os.path.join(folder, name), (old, old))
result = {"before": before, "check": check(), "repair": check("--repair"), "recheck": check()}
result["after"] = state()
print(json.dumps(result))
""" % {"queries": QUERIES}


def inspect(data: Path) -> dict:
    process = spawn(data, "-c", INSPECT)
    try:
        out, err = process.communicate(timeout=TIMEOUT)
    finally:
        finish(process, kill=True)
    assert process.returncode == 0, err[-3000:]
    return json.loads(out.splitlines()[-1])


@pytest.fixture(scope="module")
def report_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("reports")
    for name in [*SMALL_REPORTS, "manifest.json"]:
        shutil.copy(FIXTURE_REPORTS / name, folder)
    return folder


@pytest.fixture(scope="module")
def expected_sections(report_folder) -> dict[str, int]:
    """Sections per file (by content hash) as parsing it gives."""
    manifest = json.loads((report_folder / "manifest.json").read_text(encoding="utf-8"))
    found = {}
    for name in SMALL_REPORTS:
        data = (report_folder / name).read_bytes()
        fields = manifest.get(name, {})
        if fields.get("delivered_on"):   # as import_reports reads the manifest
            fields = {**fields, "delivered_on": datetime.date.fromisoformat(fields["delivered_on"])}
        parsed = parse_report(data, name, ReportMetadata(**fields))
        found[hashlib.sha256(data).hexdigest()] = len(parsed.flat_sections())
    return found


@pytest.fixture(scope="module")
def empty_site(tmp_path_factory) -> Path:
    """Migrated, with an empty index and jieba's cache; each test works on a copy."""
    data = tmp_path_factory.mktemp("empty-site") / "data"
    for args in (("migrate", "-v0"), ("check_index", "--repair")):
        run = manage(data, *args)
        assert run.returncode == 0, run.stdout + run.stderr
    return data


@pytest.fixture(scope="module")
def full_site(tmp_path_factory, empty_site, report_folder) -> tuple[Path, dict]:
    """The small reports imported whole, and what a fresh process finds there."""
    data = tmp_path_factory.mktemp("full-site") / "data"
    shutil.copytree(empty_site, data)
    run = manage(data, "import_reports", str(report_folder))
    assert run.returncode == 0, run.stdout + run.stderr
    return data, inspect(data)["after"]


def copy_of(site: Path, tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(site, data)
    return data


def assert_whole_and_mended(found: dict, expected_sections: dict) -> None:
    """Every stored report whole, check_index agrees or names the drift, --repair mends it."""
    for state in (found["before"], found["after"]):
        for report in state["reports"]:
            assert report["sections"] == expected_sections[report["hash"]] > 0, report
            assert report["file"], report
    check = found["check"]
    assert check["ok"] and "agree" in check["out"] or (
        not check["ok"] and "run check_index --repair" in check["out"]), check
    assert found["repair"]["ok"], found["repair"]
    assert found["recheck"]["ok"] and "agree" in found["recheck"]["out"], found["recheck"]
    assert found["after"]["strays"] == []


# -- a: killed during an import ---------------------------------------------------------

@pytest.mark.parametrize("module, function, indexed", [
    # the second report's original is stored and its rows written, nothing committed
    ("archive.importing", "store_structure", False),
    # ... and the search app's receiver has committed its documents to the index
    ("archive.signals", "report_stored.send", True),
])
def test_an_import_killed_before_its_commit_leaves_nothing_that_check_index_cannot_mend(
        tmp_path, empty_site, report_folder, expected_sections, module, function, indexed):
    data = copy_of(empty_site, tmp_path)
    killed(spawn(data, "-c", DIE_AFTER, module, function, "2", "import_reports", str(report_folder)))
    found = inspect(data)
    assert len(found["before"]["reports"]) == 1  # the first report committed, the second not
    assert len(found["before"]["strays"]) == 1  # the second's original, written before the commit
    assert not found["check"]["ok"]
    assert "original files without a report" in found["check"]["out"]
    assert ("reports in the index but not the database: 1" in found["check"]["out"]) == indexed
    assert_whole_and_mended(found, expected_sections)


def test_imports_killed_at_random_moments_leave_whole_reports(
        tmp_path, empty_site, report_folder, expected_sections):
    """Killed twice a random moment after a report landed; then the import runs to its end
    over what the kills left."""
    data = copy_of(empty_site, tmp_path)
    moments = random.Random(RUNS_SEED)
    for run in range(2):
        process = spawn(data, "manage.py", "import_reports", str(report_folder))
        try:
            # Once a report has been stored the import is under way.
            assert select.select([process.stdout], [], [], TIMEOUT)[0], "no output from import_reports"
            process.stdout.readline()
            time.sleep(moments.uniform(0, 0.5))
        finally:
            finish(process, kill=True)

    finished = manage(data, "import_reports", str(report_folder))
    assert finished.returncode == 0, finished.stderr
    found = inspect(data)
    assert_whole_and_mended(found, expected_sections)
    assert sorted(r["hash"] for r in found["after"]["reports"]) == sorted(expected_sections)


# -- b: killed during rebuild_index -----------------------------------------------------

def test_a_rebuild_killed_half_way_leaves_the_live_index_answering(tmp_path, full_site):
    site, baseline = full_site
    data = copy_of(site, tmp_path)
    # killed half-way through building the new index, at its third report
    killed(spawn(data, "-c", DIE_AFTER, "search.rebuild", "report_documents", "3", "rebuild_index"))
    leftover = data / "whoosh.building"
    assert leftover.is_dir()
    found = inspect(data)
    assert found["check"]["ok"] and "agree" in found["check"]["out"], found["check"]
    assert found["before"]["counts"] == baseline["counts"]

    rebuilt = manage(data, "rebuild_index")
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert not leftover.exists() and (data / "whoosh").is_dir()


def test_a_rebuild_killed_at_a_random_moment_leaves_the_live_index_answering(tmp_path, full_site):
    site, baseline = full_site
    data = copy_of(site, tmp_path)
    process = spawn(data, "manage.py", "rebuild_index")
    try:
        deadline = time.monotonic() + TIMEOUT
        while not (data / "whoosh.building").exists() and not exited(process):
            assert time.monotonic() < deadline
            time.sleep(0.005)
        time.sleep(random.Random(RUNS_SEED).uniform(0, 0.5))
    finally:
        finish(process, kill=True)
    found = inspect(data)
    assert found["check"]["ok"] and "agree" in found["check"]["out"], found["check"]
    assert found["before"]["counts"] == baseline["counts"]


# -- c: a missing or garbled index, in this process -------------------------------------

def junk(path: Path, size: int | None = None) -> None:
    path.write_bytes(os.urandom(path.stat().st_size if size is None else size))


def each(folder: Path, pattern: str, damage) -> None:
    files = list(folder.glob(pattern))
    assert files, f"no {pattern} in {folder}"
    for path in files:
        damage(path)


DAMAGES = {
    "toc garbled": lambda index: each(index, "_MAIN_*.toc", junk),
    "toc emptied": lambda index: each(index, "_MAIN_*.toc", lambda path: path.write_bytes(b"")),
    "segments garbled": lambda index: each(index, "MAIN_*.seg", junk),
    "segments truncated": lambda index: each(index, "MAIN_*.seg", lambda path: junk(path, 100)),
    "segments deleted": lambda index: each(index, "MAIN_*.seg", Path.unlink),
}

SEARCH_URLS = ["/search/?q=鞋服产业集群", "/api/search/?q=鞋服产业集群"]


def fresh_backend():
    """Forget the open searcher, as a newly started process would have none."""
    connections.reload("default")


def assert_searches_answer_503(client, urls=SEARCH_URLS):
    for url in urls:
        response = client.get(url)
        assert response.status_code == 503, (url, response.status_code)
        assert response["Retry-After"]
        assert MESSAGE in response.content.decode(), url


def assert_searches_work(client):
    for url in SEARCH_URLS:
        assert client.get(url).status_code == 200, url
    assert services.search(SearchParams(q="鞋服产业集群")).count == 1


@pytest.mark.django_db
@pytest.mark.parametrize("damage", DAMAGES)
def test_a_garbled_index_answers_503_is_reported_and_rebuilt(client, damage):
    import_report(docx_bytes(), "report.docx")
    DAMAGES[damage](Path(backend().path))
    fresh_backend()

    assert_searches_answer_503(client, SEARCH_URLS[:2])  # each try costs Whoosh 0.5 s of retries
    out = io.StringIO()
    with pytest.raises(CommandError, match=r"missing or unreadable; run check_index --repair"):
        call_command("check_index", stdout=out)
    assert "搜索索引无法读取" in out.getvalue()
    assert [warning.id for warning in search_index_check()] == ["search.W001"]

    call_command("check_index", "--repair", stdout=out)
    assert "repaired: index and database agree" in out.getvalue()
    fresh_backend()
    assert_searches_work(client)
    assert not find_drift() and search_index_check() == []


@pytest.mark.django_db
def test_an_index_deleted_under_a_running_site_answers_503_until_repaired(client):
    import_report(docx_bytes(), "report.docx")
    assert_searches_work(client)  # the searcher is open
    shutil.rmtree(backend().path)

    assert_searches_answer_503(client)
    out = io.StringIO()
    with pytest.raises(CommandError, match="missing or unreadable"):
        call_command("check_index", stdout=out)
    assert "搜索索引不存在" in out.getvalue()
    assert [warning.id for warning in search_index_check()] == ["search.W001"]

    call_command("check_index", "--repair", stdout=io.StringIO())
    assert_searches_work(client)
    call_command("check_index", stdout=io.StringIO())


@pytest.mark.django_db
def test_the_start_up_check_warns_only_when_the_index_cannot_serve_the_reports():
    assert search_index_check() == []  # a fresh installation: no index, no reports
    report = import_report(docx_bytes(), "report.docx").report
    assert search_index_check() == []
    backend().remove_report(report.pk)
    warnings = search_index_check()
    assert [warning.id for warning in warnings] == ["search.W002"]
    assert "check_index --repair" in warnings[0].hint
    shutil.rmtree(backend().path)
    assert [warning.id for warning in search_index_check()] == ["search.W001"]


@pytest.mark.django_db
def test_check_index_removes_originals_without_a_report_once_old_enough(settings):
    report = import_report(docx_bytes(), "report.docx").report
    uploads = Path(settings.MEDIA_ROOT)
    stray, young = uploads / "reports/2024/某市/stray.txt", uploads / "reports/2024/某市/young.txt"
    stray.parent.mkdir(parents=True)
    stray.write_text("left by a killed import")
    young.write_text("an import still running")
    old = time.time() - 3600
    os.utime(stray, (old, old))
    os.utime(uploads / report.source_file.name, (old, old))

    out = io.StringIO()
    with pytest.raises(CommandError, match="original files without a report"):
        call_command("check_index", stdout=out)
    assert "reports/2024/某市/stray.txt" in out.getvalue()
    assert "young.txt" not in out.getvalue()
    call_command("check_index", "--repair", stdout=io.StringIO())
    assert not stray.exists() and young.exists()
    assert (uploads / report.source_file.name).exists()
    assert Report.objects.count() == 1


# A server thread or process that has not searched yet has no backend of its own (haystack
# keeps one per thread): its first search sets one up, and haystack's setup creates an empty
# index wherever it finds none. A missing index must still be a 503 there, not a silent
# "0 results", and check_index must still call it missing rather than drifted.
MISSING = {
    "folder deleted": lambda index: shutil.rmtree(index),
    "folder emptied": lambda index: [path.unlink() for path in index.iterdir()],
    "toc deleted": lambda index: each(index, "_MAIN_*.toc", Path.unlink),
}


@pytest.mark.django_db
@pytest.mark.parametrize("damage", MISSING)
def test_a_missing_index_answers_503_in_a_thread_that_had_not_searched_yet(client, damage):
    import_report(docx_bytes(), "report.docx")
    index = Path(backend().path)
    MISSING[damage](index)
    fresh_backend()  # as a new server thread or a restarted worker would start

    response = client.get("/api/search/?q=鞋服产业集群")
    assert response.status_code == 503, (response.status_code, response.content[:300])
    assert MESSAGE in response.content.decode()
    assert not whoosh.index.exists_in(str(index))  # no empty index put in its place
    with pytest.raises(CommandError, match="missing or unreadable"):
        call_command("check_index", stdout=io.StringIO())


@pytest.mark.django_db
def test_a_fresh_installation_without_reports_searches_an_empty_archive(client):
    """No index and no reports yet (before the first import): an empty answer, not a 503."""
    index = Path(backend().path)
    assert not index.exists()
    fresh_backend()
    for url in SEARCH_URLS:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    assert client.get(SEARCH_URLS[1]).json()["count"] == 0
