import pytest

from archive.importing import import_report
from archive.parsing.document import ReportMetadata
from tests.conftest import FIXTURE_REPORTS
from tests.documents import docx_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def jinjiang():
    data = (FIXTURE_REPORTS / "jinjiang-2025-work-report.txt").read_bytes()
    return import_report(data, "jinjiang-2025-work-report.txt").report


@pytest.fixture
def other():
    return import_report(docx_bytes(), "report.docx", ReportMetadata(region="示范市")).report


def test_list_filters_by_region_year_and_kind(client, jinjiang, other):
    everything = client.get("/api/reports/").json()
    assert everything["count"] == 2
    assert {r["id"] for r in everything["results"]} == {jinjiang.pk, other.pk}

    only = client.get("/api/reports/", {"region": "晋江市", "year": 2025, "kind": "work_report"}).json()
    assert [r["id"] for r in only["results"]] == [jinjiang.pk]
    first = only["results"][0]
    assert first["delivered_on"] == "2024-12-30"
    assert first["url"].endswith(f"/reports/{jinjiang.pk}/")
    assert client.get("/api/reports/", {"year": 1999}).json()["count"] == 0


def test_list_rejects_a_year_that_is_not_a_number(client):
    response = client.get("/api/reports/", {"year": "二〇二五"})
    assert response.status_code == 400
    assert "year" in response.json()["error"]


def test_detail_has_the_section_tree_and_indicators(client, jinjiang):
    data = client.get(f"/api/reports/{jinjiang.pk}/").json()
    assert data["speaker"] == "王明元"
    assert data["meeting"] == "第十八届人民代表大会第四次会议"
    numbered = [s for s in data["sections"] if s["label"]]
    assert [s["label"] for s in numbered] == ["一", "二", "三"]
    plan = numbered[1]
    assert [c["label"] for c in plan["children"]][:7] == ["一", "二", "三", "四", "五", "六", "七"]
    assert plan["url"].endswith(f"#{plan['anchor']}")
    assert all(isinstance(c["children"], list) for c in plan["children"])

    gdp = [i for i in data["indicators"] if i["name"] == "地区生产总值" and i["measure"] == "growth"]
    assert {(i["kind"], i["period_year"]) for i in gdp} >= {("actual", 2024), ("target", 2025)}
    assert all(isinstance(i["value"], float | int) for i in gdp)
    section_ids = {s["id"] for s in _walk(data["sections"])}
    assert all(i["section_id"] in section_ids for i in data["indicators"])


def test_detail_of_a_missing_report_is_404(client):
    assert client.get("/api/reports/999/").status_code == 404


def _walk(nodes):
    for node in nodes:
        yield node
        yield from _walk(node["children"])
