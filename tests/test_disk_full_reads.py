"""With the disk full, pages that only read keep working and an import says the disk is full.

A real full file system: a small tmpfs, mounted for the test (root only; skipped elsewhere), holding
a data folder with one report, then filled to the last byte. Commands run in child processes with
ARCHIVE_DATA_DIR there, as the site would.
"""
import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import FIXTURE_REPORTS, JINJIANG_2025, ROOT

READ_PAGES = """
from django.test import Client
client = Client()
for path in ("/", "/regions/晋江市/", "/reports/1/", "/api/reports/1/", "/search/?q=晋江"):
    print(path, client.get(path).status_code)
"""


def manage(data_dir, *args, check=True):
    env = {**os.environ, "ARCHIVE_DATA_DIR": str(data_dir), "DJANGO_DEBUG": "0",
           "DJANGO_ALLOWED_HOSTS": "testserver"}
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=check, timeout=300)


@pytest.fixture
def small_disk(tmp_path):
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("the read-only fallback is SQLite's (config/sqlite); the suite runs on another database")
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small file system needs root")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", str(mount_point)],
                             capture_output=True)
    if mounted.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode()[:200]}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def fill(folder):
    with open(folder / "filler", "wb") as filler:
        try:
            while True:
                filler.write(b"\0" * 65536)
        except OSError:
            pass
    assert shutil.disk_usage(folder).free < 65536


def test_reading_pages_work_and_an_import_says_disk_full(small_disk):
    data = small_disk / "data"
    manage(data, "migrate", "--noinput")
    manage(data, "import_reports", str(FIXTURE_REPORTS / JINJIANG_2025), "--nice", "0")
    fill(small_disk)

    pages = manage(data, "shell", "-c", READ_PAGES).stdout.split("\n")
    assert [line.split()[1] for line in pages if line.startswith("/")] == ["200"] * 5, pages

    refused = manage(data, "import_reports", str(FIXTURE_REPORTS / "guowuyuan-2024-work-report.txt"),
                     "--nice", "0", check=False)
    assert refused.returncode != 0
    assert "磁盘空间已满" in refused.stderr, refused.stderr[-2000:]
    (small_disk / "filler").unlink()
    count = manage(data, "shell", "-c", "from archive.models import Report; print(Report.objects.count())")
    assert count.stdout.strip().splitlines()[-1] == "1"
