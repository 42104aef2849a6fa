"""What `make run` does on a fresh clone, read from the Makefile (dry run) and the README.

The import itself is tested in tests/archive (test_setup_archive.py, test_commands.py) and the
time to serving is measured by bench/make_run.py, not here.
"""
import io
import re
import shutil
import subprocess

import pytest

from tests.conftest import CORPUS, FIXTURE_REPORTS, ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def dry_run(*args):
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    # --no-print-directory: under a make of its own (CI runs `make test`), make prints
    # "Entering/Leaving directory" lines among the commands
    result = subprocess.run(["make", "--no-print-directory", "-n", "-B", *args], cwd=ROOT,
                            capture_output=True, text=True, check=True)
    return result.stdout.splitlines()


def test_make_run_imports_the_bundled_reports_and_the_whole_corpus_then_serves():
    commands = dry_run("run", "PORT=8123", "HOST=0.0.0.0")
    setup = next(line for line in commands if "setup_archive" in line).split()
    folders = [ROOT / path for path in setup[setup.index("setup_archive") + 1:]]
    assert set(folders) == {FIXTURE_REPORTS, CORPUS / "national", CORPUS / "provincial-2025"}
    assert len(list((CORPUS / "national").glob("*.txt"))) == 52
    assert len(list((CORPUS / "provincial-2025").glob("*.docx"))) == 31
    assert commands[-1].endswith("runserver --noreload 0.0.0.0:8123")


def test_installing_shows_pips_progress():
    installs = [line for line in dry_run("install") if "pip install" in line]
    assert installs and not any("--quiet" in line or " -q" in line for line in installs)


def test_the_corpus_names_its_sources():
    sources = (CORPUS / "README.md").read_text(encoding="utf-8")
    assert "zh.wikisource.org" in sources
    for folder in ("national", "provincial-2025"):
        listed = (CORPUS / folder / "FILES.tsv").read_text(encoding="utf-8").splitlines()[1:]
        files = {path.name for path in (CORPUS / folder).iterdir() if path.suffix in (".txt", ".docx")}
        assert {line.split("\t")[0] for line in listed} == files


def test_readme_documents_port_and_host_and_says_the_bundled_reports_once():
    assert "make run PORT=" in README and "make run HOST=" in README
    assert README.count("The bundled reports (`fixtures/reports/`") == 1


@pytest.mark.django_db
def test_the_readmes_example_permalinks_exist_after_make_run(client):
    """`make run` imports fixtures/reports first, in name order: report 9 is Jinjiang's 2025."""
    from django.core.management import call_command

    from archive.models import Report
    examples = set(re.findall(r"`/reports/(\d+)/#([\w-]+)`", README))
    assert examples
    files = sorted(path for path in FIXTURE_REPORTS.iterdir() if path.suffix == ".txt")
    for number, anchor in examples:
        call_command("import_reports", str(files[int(number) - 1]), stdout=io.StringIO())
        report = Report.objects.get(source_name=files[int(number) - 1].name)
        page = client.get(report.get_absolute_url()).content.decode()
        assert f'id="{anchor}"' in page, (number, anchor)
