"""An indicator name as staff may type it in the admin: any characters, "/" included."""
from urllib.parse import quote

import pytest

from archive.models import Indicator, Report

pytestmark = pytest.mark.django_db

NAME = "能耗/碳排放强度"


@pytest.fixture
def indicator_with_a_slash():
    report = Report.objects.create(region="示范市", year=2025, kind="work_report", title="政府工作报告",
                                   text="单位地区生产总值能耗下降3%左右。", content_hash="x" * 64)
    return Indicator.objects.create(report=report, name=NAME, measure="growth", value=-3, unit="%",
                                    qualifier="左右", kind="target", period_year=2025,
                                    sentence="单位地区生产总值能耗下降3%左右。", order=0)


def test_the_index_links_an_indicator_whose_name_holds_a_slash(client, indicator_with_a_slash):
    index = client.get("/indicators/")
    assert index.status_code == 200
    link = f'href="/indicators/{quote(NAME, safe="/")}/"'
    assert link in index.content.decode()


@pytest.mark.parametrize("suffix, content_type", [("/", "text/html"), (".csv", "text/csv")])
def test_its_page_and_csv_are_reachable(client, indicator_with_a_slash, suffix, content_type):
    response = client.get(f"/indicators/{quote(NAME, safe='/')}{suffix}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    assert "3" in response.content.decode("utf-8-sig")
    if suffix == "/":
        assert NAME in response.content.decode()
