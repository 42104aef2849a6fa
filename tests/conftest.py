"""Shared fixtures: where the bundled reports and the real corpus live.

The corpus is in fixtures/corpus (what `make run` imports); tests that need it are skipped,
with a reason, where it is absent.
"""
import io
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis.database import DirectoryBasedExampleDatabase

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_REPORTS = ROOT / "fixtures" / "reports"
CORPUS = ROOT / "fixtures" / "corpus"
NATIONAL = CORPUS / "national"
PROVINCIAL = CORPUS / "provincial-2025"

JINJIANG_2025 = "jinjiang-2025-work-report.txt"

# Hypothesis: the suite (make test, CI) runs the same examples every time, with no example
# database, so a run never depends on what an earlier one found; `make fuzz` runs random
# examples, many more, and keeps the failing ones in .hypothesis/ to replay them first.
SLOW_FIXTURES = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
settings.register_profile("ci", derandomize=True, database=None, max_examples=150, deadline=None,
                          print_blob=True, suppress_health_check=SLOW_FIXTURES)
settings.register_profile("fuzz", derandomize=False, max_examples=2000, deadline=None,
                          database=DirectoryBasedExampleDatabase(ROOT / ".hypothesis" / "examples"),
                          suppress_health_check=SLOW_FIXTURES)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is not here")
    return path


@pytest.fixture(scope="session", autouse=True)
def temp_dir_per_run(tmp_path_factory):
    """Every temporary file of this run under its own folder.

    Whoosh's RamStorage writes its merge scratch to a fixed name in the system temp
    folder (MAIN.tmp), so two test runs at once on one machine would trample each other.
    Child processes (gunicorn, management commands) inherit TMPDIR.
    """
    folder = tmp_path_factory.mktemp("tmp")
    saved_dir, saved_env = tempfile.tempdir, os.environ.get("TMPDIR")
    tempfile.tempdir, os.environ["TMPDIR"] = str(folder), str(folder)
    yield folder
    tempfile.tempdir = saved_dir
    if saved_env is None:
        os.environ.pop("TMPDIR", None)
    else:
        os.environ["TMPDIR"] = saved_env


@pytest.fixture
def fixture_reports() -> Path:
    return FIXTURE_REPORTS


@pytest.fixture
def jinjiang_bytes() -> bytes:
    """The founding seed: Jinjiang's report delivered 2024-12-30 (its 2025 report)."""
    return (FIXTURE_REPORTS / JINJIANG_2025).read_bytes()


@pytest.fixture
def national_dir() -> Path:
    return _need(NATIONAL)


@pytest.fixture
def provincial_dir() -> Path:
    return _need(PROVINCIAL)


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Uploaded originals go to a scratch folder, never to the developer's var/."""
    settings.MEDIA_ROOT = tmp_path / "uploads"
    return settings.MEDIA_ROOT


@contextmanager
def search_index_at(path):
    """Point haystack's default connection at another Whoosh folder for a while."""
    from haystack import connections

    info = connections.connections_info["default"]
    live_path = info["PATH"]
    info["PATH"] = str(path)
    connections.reload("default")
    try:
        yield path
    finally:
        info["PATH"] = live_path
        connections.reload("default")


@pytest.fixture(autouse=True)
def search_index_in_tmp(request, tmp_path):
    """Each test gets its own empty Whoosh index, unless it reads the shared bundled one."""
    if "bundled" in request.fixturenames:
        yield None
        return
    with search_index_at(tmp_path / "whoosh") as path:
        yield path


@pytest.fixture(scope="module")
def bundled(django_db_setup, django_db_blocker, tmp_path_factory):
    """The bundled reports imported and indexed once for a whole module of read-only tests."""
    from django.conf import settings
    from django.core.management import call_command

    from archive.models import Report

    scratch = tmp_path_factory.mktemp("bundled")
    media_root, settings.MEDIA_ROOT = settings.MEDIA_ROOT, scratch / "uploads"
    with search_index_at(scratch / "whoosh"), django_db_blocker.unblock():
        call_command("import_reports", str(FIXTURE_REPORTS), stdout=io.StringIO())
        try:
            yield
        finally:
            Report.objects.all().delete()
            settings.MEDIA_ROOT = media_root
