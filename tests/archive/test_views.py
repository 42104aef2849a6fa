import pytest

from archive.importing import import_report
from tests.documents import docx_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def report():
    return import_report(docx_bytes(), "report.docx").report


def test_home_lists_years_and_latest_reports(client, report):
    page = client.get("/").content.decode()
    assert "2025年" in page
    assert report.get_absolute_url() in page


def test_home_without_reports_says_so(client):
    response = client.get("/")
    assert response.status_code == 200
    assert "还没有报告" in response.content.decode()


def test_report_page_has_every_section_anchor_and_the_indicators(client, report):
    page = client.get(report.get_absolute_url()).content.decode()
    for section in report.sections.all():
        assert f'id="{section.anchor}"' in page
    assert "示范市人民政府市长" in page
    assert "地区生产总值" in page


def test_report_text_is_escaped(client):
    hostile = import_report(docx_bytes(bold_prefix='<script>alert(1)</script>'), "x.docx").report
    page = client.get(hostile.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


def test_source_download_returns_the_original(client, report):
    response = client.get(f"/reports/{report.pk}/source/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == docx_bytes()


def test_missing_report_is_404(client):
    assert client.get("/reports/424242/").status_code == 404
