"""`make run`'s preparation (setup_archive) and the progress the long commands show."""
import io

import pytest
from django.core.management import call_command

from archive.models import Report
from tests.conftest import FIXTURE_REPORTS, JINJIANG_2025

pytestmark = pytest.mark.django_db


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_setup_imports_indexes_and_a_second_run_changes_nothing(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "static"
    report_file = str(FIXTURE_REPORTS / JINJIANG_2025)
    first = io.StringIO()
    call_command("setup_archive", report_file, stdout=first)
    assert "[1/1] created" in first.getvalue()
    assert (tmp_path / "static" / "css" / "site.css").exists()
    report = Report.objects.get()

    again = io.StringIO()
    call_command("setup_archive", report_file, stdout=again)
    assert "[1/1] unchanged" in again.getvalue()
    assert "index and database agree" in again.getvalue()
    assert Report.objects.get().updated_at == report.updated_at


def test_rebuild_index_counts_in_place_on_a_terminal_and_by_lines_elsewhere():
    call_command("import_reports", str(FIXTURE_REPORTS / JINJIANG_2025), stdout=io.StringIO())
    terminal, piped = Terminal(), io.StringIO()
    call_command("rebuild_index", stdout=terminal)
    call_command("rebuild_index", stdout=piped)
    assert terminal.getvalue().startswith("\r  1/1 reports\n")
    assert piped.getvalue().startswith("  1/1 reports\n")
