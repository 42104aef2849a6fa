import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile

from archive.models import Report
from tests.documents import blank_pdf_bytes, docx_bytes

pytestmark = pytest.mark.django_db
UPLOAD = "/admin/archive/report/upload/"


@pytest.fixture
def staff_client(client):
    user = User.objects.create_superuser("editor", "editor@example.org", "a-long-password-1")
    client.force_login(user)
    return client


def upload(client, data, name="report.docx", **fields):
    return client.post(UPLOAD, {"file": SimpleUploadedFile(name, data), **fields})


def test_staff_upload_stores_and_shows_the_parsed_result(staff_client):
    response = upload(staff_client, docx_bytes(bold_prefix="项目投资拉动有力。"))
    report = Report.objects.get()
    assert response.status_code == 302
    assert response.url == f"/admin/archive/report/{report.pk}/change/"
    page = staff_client.get(response.url).content.decode()
    assert "项目投资拉动有力" in page          # the section tree
    assert "地区生产总值" in page              # the indicators, editable
    assert "个章节" in page                    # the summary message


def test_upload_metadata_fields_win(staff_client):
    upload(staff_client, docx_bytes(), region="测试区", year="2031", title="测试报告")
    report = Report.objects.get()
    assert (report.region, report.year, report.title) == ("测试区", 2031, "测试报告")


def test_add_button_leads_to_the_upload_form(staff_client):
    response = staff_client.get("/admin/archive/report/add/")
    assert response.status_code == 302 and response.url == UPLOAD


@pytest.mark.parametrize("data, name", [
    (b"", "empty.txt"),
    (blank_pdf_bytes(), "scan.pdf"),
    (docx_bytes()[:600], "truncated.docx"),
])
def test_refused_upload_shows_why_and_stores_nothing(staff_client, data, name):
    response = upload(staff_client, data, name)
    assert response.status_code == 200
    page = response.content.decode()
    assert "未能导入" in page or "空文件" in page
    assert Report.objects.count() == 0


def test_oversized_upload_is_refused(staff_client, settings):
    settings.ARCHIVE_MAX_UPLOAD_BYTES = 1000
    response = upload(staff_client, docx_bytes())
    assert "文件过大" in response.content.decode()
    assert Report.objects.count() == 0


def test_anonymous_users_cannot_upload(client):
    response = upload(client, docx_bytes())
    assert response.status_code == 302 and "/admin/login/" in response.url
    assert Report.objects.count() == 0


def test_reparse_action_rebuilds_sections(staff_client):
    upload(staff_client, docx_bytes())
    report = Report.objects.get()
    report.sections.all().delete()
    staff_client.post("/admin/archive/report/", {
        "action": "reparse", "_selected_action": [report.pk]})
    assert report.sections.count() > 0
