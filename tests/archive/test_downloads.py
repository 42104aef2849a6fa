"""The report list as CSV, and the favicon."""
import csv
import io

import pytest

from archive.models import Report

pytestmark = pytest.mark.django_db


def rows_of(response):
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")  # Excel reads it as UTF-8
    return list(csv.reader(io.StringIO(body[1:])))


def test_report_list_csv_has_every_report_the_json_lists(client, bundled):
    response = client.get("/api/reports.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    header, *rows = rows_of(response)
    assert header == ["ID", "年度", "地区", "类型", "标题", "报告日期", "网址"]
    listed = client.get("/api/reports/").json()["results"]
    assert [int(row[0]) for row in rows] == [item["id"] for item in listed]
    assert len(rows) == Report.objects.count() > 5
    first = Report.objects.get(pk=int(rows[0][0]))
    assert rows[0][1:6] == [str(first.year), first.region, first.get_kind_display(), first.title,
                            first.delivered_on.isoformat() if first.delivered_on else ""]
    assert rows[0][6].endswith(first.get_absolute_url())


def test_report_list_csv_takes_the_filters_of_the_json(client, bundled):
    header, *rows = rows_of(client.get("/api/reports.csv?region=晋江市&year=2024"))
    assert rows and {(row[2], row[1]) for row in rows} == {("晋江市", "2024")}
    bad = client.get("/api/reports.csv?year=abc")
    assert bad.status_code == 400 and bad.json() == {"error": "参数 year 应为整数"}


def test_a_title_that_looks_like_a_formula_is_quoted(client):
    Report.objects.create(region="测试市", year=2025, title="=HYPERLINK(\"x\")", text="。")
    _, row = rows_of(client.get("/api/reports.csv?region=测试市"))
    assert row[4] == "'=HYPERLINK(\"x\")"


def test_pages_link_the_csv_of_their_reports(client, bundled):
    assert 'href="/api/reports.csv"' in client.get("/").content.decode()
    assert 'href="/api/reports.csv?year=2024"' in client.get("/years/2024/").content.decode()
    region = client.get("/regions/晋江市/").content.decode()
    assert 'href="/api/reports.csv?region=%E6%99%8B%E6%B1%9F%E5%B8%82"' in region


def test_favicon_is_linked_and_served(client):
    page = client.get("/").content.decode()
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in page
    redirect = client.get("/favicon.ico")
    assert redirect.status_code == 301 and redirect["Location"] == "/static/favicon.svg"
    admin_login = client.get("/admin/login/").content.decode()
    assert 'href="/static/favicon.svg"' in admin_login
