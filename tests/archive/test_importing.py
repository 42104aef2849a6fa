"""The import service: one transaction per report, refusals store nothing."""
import pytest

from archive.importing import CREATED, UNCHANGED, ImportRefused, import_report, safe_filename
from archive.models import Indicator, Report, Section
from archive.parsing.document import ReportMetadata
from tests.documents import blank_pdf_bytes, docx_bytes, text_bytes

pytestmark = pytest.mark.django_db

GIVEN = ReportMetadata(region="示范市", year=2025)


def assert_nothing_stored(media_root):
    assert Report.objects.count() == 0
    assert Section.objects.count() == 0
    assert Indicator.objects.count() == 0
    assert not media_root.exists() or not any(p.is_file() for p in media_root.rglob("*"))


@pytest.mark.parametrize("data, reason", [
    (b"", "empty file"),
    (b"   \n\n  ", "whitespace only"),
    (bytes(range(256)) * 40, "binary garbage"),
    (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + bytes(4000), "an executable"),
    (docx_bytes()[:700], "a truncated docx"),
    (blank_pdf_bytes(), "an image-only PDF"),
])
def test_unreadable_files_are_refused_and_nothing_is_stored(data, reason, media_in_tmp):
    with pytest.raises(ImportRefused) as refusal:
        import_report(data, "upload.txt", GIVEN)
    assert str(refusal.value), f"{reason}: the refusal must say why"
    assert_nothing_stored(media_in_tmp)


def test_oversized_file_is_refused(settings, media_in_tmp):
    settings.ARCHIVE_MAX_UPLOAD_BYTES = len(text_bytes()) - 1
    with pytest.raises(ImportRefused, match="过大"):
        import_report(text_bytes(), "big.txt", GIVEN)
    assert_nothing_stored(media_in_tmp)


def test_txt_that_is_really_a_docx_is_read_as_docx():
    outcome = import_report(docx_bytes(), "report.txt")
    assert outcome.status == CREATED
    assert "地区生产总值增长5%左右" in outcome.report.text
    assert "PK" not in outcome.report.text[:10]


def test_gbk_text_without_a_marker_is_decoded():
    outcome = import_report(text_bytes("gbk"), "report.txt")
    report = outcome.report
    assert report.region == "示范市"
    assert "加快发展新质生产力" in report.text


def test_metadata_from_the_header():
    report = import_report(docx_bytes(), "report.docx").report
    assert report.region == "示范市"
    assert report.year == 2025
    assert report.delivered_on.isoformat() == "2025-01-20"
    assert report.meeting == "第五届人民代表大会第三次会议"
    assert report.speaker == "张三"
    assert report.kind == Report.Kind.WORK_REPORT


def test_report_without_region_or_year_is_refused(media_in_tmp):
    headerless = text_bytes(paragraphs=["各位代表：", "一、工作回顾", "去年经济平稳运行。"])
    with pytest.raises(ImportRefused, match="地区"):
        import_report(headerless, "notes.txt")
    assert_nothing_stored(media_in_tmp)


def test_same_content_again_changes_nothing():
    first = import_report(docx_bytes(), "report.docx")
    second = import_report(docx_bytes(), "copy-of-report.docx")
    assert second.status == UNCHANGED and second.report.pk == first.report.pk
    assert Report.objects.count() == 1


def test_failure_while_storing_rolls_back_everything(monkeypatch, media_in_tmp):
    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(Indicator.objects, "bulk_create", explode)
    with pytest.raises(RuntimeError):
        import_report(docx_bytes(), "report.docx")
    assert_nothing_stored(media_in_tmp)


@pytest.mark.parametrize("name, expected", [
    ("../../x.txt", "x.txt"),
    ("..\\..\\windows\\x.docx", "x.docx"),
    ("", "report"),
    ("..", "report"),
    ("/etc/passwd", "passwd"),
])
def test_uploaded_names_cannot_leave_the_uploads_folder(name, expected):
    assert safe_filename(name) == expected


def test_original_file_is_stored_under_the_uploads_folder(media_in_tmp):
    report = import_report(docx_bytes(), "../../evil.docx").report
    stored = media_in_tmp / report.source_file.name
    assert stored.resolve().is_relative_to(media_in_tmp.resolve())
    assert stored.read_bytes() == docx_bytes()


def test_a_report_stored_by_a_concurrent_import_is_replaced_not_a_crash(monkeypatch):
    """PostgreSQL lets two imports both find no report and both insert; the second retries."""
    import archive.importing

    first = import_report(text_bytes(), "first.txt", GIVEN)
    real_queryset = Report.objects.select_for_update
    looked_up = []

    def misses_once(*args, **kwargs):  # the look-up the concurrent import raced past
        queryset = real_queryset(*args, **kwargs)
        if not looked_up:
            looked_up.append(True)
            return queryset.none()
        return queryset

    monkeypatch.setattr(archive.importing.Report.objects, "select_for_update", misses_once)
    second = import_report(text_bytes().replace("。".encode(), "；".encode(), 1), "second.txt", GIVEN)
    assert looked_up and second.status == "replaced"
    assert second.report.pk == first.report.pk
    assert Report.objects.count() == 1
