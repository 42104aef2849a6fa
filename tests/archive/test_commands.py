import io
import re

import pytest
from django.core.management import CommandError, call_command

from archive.models import Indicator, Report, Section
from tests.conftest import FIXTURE_REPORTS
from tests.documents import docx_bytes

pytestmark = pytest.mark.django_db


def run_import(*args, **options):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_reports", *args, stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def test_imports_every_bundled_report_once():
    files = [p for p in FIXTURE_REPORTS.iterdir() if p.suffix == ".txt"]
    out, _ = run_import(str(FIXTURE_REPORTS))
    assert Report.objects.count() == len(files)
    assert statuses(out) == ["created"] * len(files)

    again, _ = run_import(str(FIXTURE_REPORTS))
    assert Report.objects.count() == len(files)
    assert statuses(again) == ["unchanged"] * len(files)


def statuses(out):
    """The status word of each per-report line ("[3/9] created #4 …")."""
    return [line.split()[1] for line in out.splitlines() if line.startswith("[")]


def test_counts_files_and_closes_with_a_summary(tmp_path):
    for name in ("a.docx", "b.docx"):
        (tmp_path / name).write_bytes(docx_bytes(bold_prefix=f"{name}项目投资拉动有力。"))
    (tmp_path / "c.docx").write_bytes(b"not a docx at all")
    with pytest.raises(CommandError):
        call_command("import_reports", str(tmp_path), stdout=(out := io.StringIO()),
                     stderr=(err := io.StringIO()))
    lines = out.getvalue().splitlines()
    assert [line.split()[0] for line in lines[:2]] == ["[1/3]", "[2/3]"]
    assert err.getvalue().startswith("[3/3] ")
    assert re.fullmatch(r"3 file\(s\) in \d+\.\d s: 1 created, 1 replaced, 0 unchanged, 1 failed",
                        lines[-1]), lines[-1]


def test_prints_one_line_per_report_with_counts():
    out, _ = run_import(str(FIXTURE_REPORTS / "jinjiang-2025-work-report.txt"))
    report = Report.objects.get()
    assert f"#{report.pk} 晋江市 2025" in out
    assert f"sections={report.sections.count()}" in out
    assert f"indicators={report.indicators.count()}" in out
    assert report.sections.count() > 10 and report.indicators.count() > 5


def test_manifest_supplies_metadata_for_headerless_pages():
    run_import(str(FIXTURE_REPORTS / "jinjiang-2023-highlights.txt"))
    report = Report.objects.get()
    assert (report.region, report.year, report.kind) == ("晋江市", 2023, "highlights")


@pytest.mark.parametrize("year, delivered, meeting, speaker", [
    (2019, "2019-03-05", "第十三届全国人民代表大会第二次会议", "李克强"),
    (2025, "2025-03-05", "第十四届全国人民代表大会第三次会议", "李强"),
])
def test_state_council_reports_without_header_get_date_meeting_and_speaker(
        year, delivered, meeting, speaker):
    run_import(str(FIXTURE_REPORTS / f"guowuyuan-{year}-work-report.txt"))
    report = Report.objects.get()
    assert (report.delivered_on.isoformat(), report.meeting, report.speaker, report.office) == (
        delivered, meeting, speaker, "国务院总理")


def test_command_line_options_win_over_the_header(tmp_path):
    path = tmp_path / "report.docx"
    path.write_bytes(docx_bytes())
    run_import(str(path), region="测试区", year=2030, title="测试报告")
    report = Report.objects.get()
    assert (report.region, report.year, report.title) == ("测试区", 2030, "测试报告")


def test_changed_file_replaces_sections_and_indicators(tmp_path):
    path = tmp_path / "report.docx"
    path.write_bytes(docx_bytes())
    run_import(str(path))
    first = Report.objects.get()
    old_sections = set(first.sections.values_list("pk", flat=True))

    path.write_bytes(docx_bytes(bold_prefix="项目投资拉动有力。"))
    out, _ = run_import(str(path))
    assert "replaced" in out
    report = Report.objects.get()
    assert report.pk == first.pk and report.content_hash != first.content_hash
    assert not old_sections & set(report.sections.values_list("pk", flat=True))
    assert Section.objects.filter(report=report, heading__startswith="项目投资拉动有力").exists()


def test_bad_file_is_named_exits_non_zero_and_stores_nothing(tmp_path):
    good = tmp_path / "good.docx"
    good.write_bytes(docx_bytes())
    bad = tmp_path / "broken.docx"
    bad.write_bytes(docx_bytes()[:500])
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_reports", str(tmp_path), stdout=out, stderr=err)
    assert "broken.docx" in err.getvalue()
    assert Report.objects.count() == 1  # the good one landed, nothing of the bad one
    assert Indicator.objects.exclude(report__source_name="good.docx").count() == 0


def test_missing_path_is_an_error():
    with pytest.raises(CommandError, match="no such file"):
        run_import("/nonexistent/report.txt")
