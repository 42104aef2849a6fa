"""Writes while the search index is unusable: refused with a message, nothing stored, and
no fresh index put in the place of the missing one (which would answer 0 hits, not 503)."""
import io
from pathlib import Path

import pytest
import whoosh.index
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from archive.importing import ImportRefused, import_report
from archive.models import Report
from archive.parsing.document import ReportMetadata
from search.indexing import backend
from tests.archive.test_admin import UPLOAD, staff_client  # noqa: F401 (a fixture)
from tests.documents import SMALL_REPORT, docx_bytes, text_bytes
from tests.test_faults import DAMAGES, MISSING, fresh_backend

pytestmark = pytest.mark.django_db

UNUSABLE = {**{f"missing: {name}": damage for name, damage in MISSING.items()},
            **{f"garbled: {name}": damage for name, damage in DAMAGES.items()}}
SECOND = text_bytes(paragraphs=(*SMALL_REPORT[:3], "各位代表：", "另一份报告，内容不同。"))
OTHER_TITLE = "另一份报告"  # another report than the stored one, which it would replace


def stored_files(settings) -> list[Path]:
    return [path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()]


def index_state(index: Path):
    """The index's table of contents and the segments it lists. A cancelled writer may leave
    the files of a segment it never listed; Whoosh deletes them at the next commit."""
    if not index.exists():
        return None
    return {path.name: path.read_bytes() for path in index.iterdir()
            if path.suffix in (".toc", ".seg")}


@pytest.fixture(params=UNUSABLE)
def unusable_index(request, settings):
    """One report stored and indexed, then its index made unusable, in a fresh process's view."""
    import_report(docx_bytes(), "report.docx")
    index = Path(backend().path)
    UNUSABLE[request.param](index)
    fresh_backend()
    before = (Report.objects.count(), stored_files(settings), index_state(index))
    yield index
    after = (Report.objects.count(), stored_files(settings), index_state(index))
    assert after == before  # nothing stored, no file left, the index folder untouched


def test_an_import_is_refused_with_the_remedy(unusable_index):
    with pytest.raises(ImportRefused, match=r"搜索索引(不存在|无法读取)，请运行 manage.py check_index --repair"):
        import_report(SECOND, "second.txt", ReportMetadata(title=OTHER_TITLE))


def test_the_import_command_exits_non_zero_naming_the_index(unusable_index, tmp_path):
    (tmp_path / "second.txt").write_bytes(SECOND)
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_reports", str(tmp_path / "second.txt"), "--title", OTHER_TITLE, stdout=io.StringIO(), stderr=err)
    assert "check_index --repair" in err.getvalue()
    if not unusable_index.exists() or not any(unusable_index.iterdir()):
        assert not whoosh.index.exists_in(str(unusable_index))


def test_the_admin_upload_shows_the_refusal(unusable_index, staff_client):  # noqa: F811
    response = staff_client.post(UPLOAD, {"file": SimpleUploadedFile("second.txt", SECOND),
                                          "title": OTHER_TITLE})
    assert response.status_code == 200
    page = response.content.decode()
    assert "未能导入" in page and "check_index --repair" in page


def test_an_admin_deletion_is_refused_with_the_remedy(staff_client, media_in_tmp):  # noqa: F811
    report = import_report(docx_bytes(), "report.docx").report
    import_report(SECOND, "second.txt", ReportMetadata(title=OTHER_TITLE))  # which the index would lose
    MISSING["folder deleted"](Path(backend().path))
    fresh_backend()
    response = staff_client.post(f"/admin/archive/report/{report.pk}/delete/", {"post": "yes"},
                                 follow=True)
    assert response.status_code == 200
    assert "未能删除" in response.content.decode() and "check_index --repair" in response.content.decode()
    assert Report.objects.filter(pk=report.pk).exists()
    assert (media_in_tmp / report.source_file.name).is_file()


def test_after_repair_the_same_import_goes_through(settings):
    import_report(docx_bytes(), "report.docx")
    MISSING["folder deleted"](Path(backend().path))
    fresh_backend()
    with pytest.raises(ImportRefused):
        import_report(SECOND, "second.txt", ReportMetadata(title=OTHER_TITLE))
    call_command("check_index", "--repair", stdout=io.StringIO())
    import_report(SECOND, "second.txt", ReportMetadata(title=OTHER_TITLE))
    assert Report.objects.count() == 2
    call_command("check_index", stdout=io.StringIO())  # index and database agree


def test_the_first_import_of_a_new_installation_creates_the_index():
    assert not whoosh.index.exists_in(backend().path)
    import_report(docx_bytes(), "report.docx")
    assert whoosh.index.exists_in(backend().path)
