"""Region against region: /indicators/<name>/?year=<y> ranked, with the national reference, the
year before, a bar chart readable on a phone, CSV and JSON."""
import csv
import io
import xml.etree.ElementTree as ET
from datetime import date

import pytest

from archive.models import Indicator, Report
from indicators.bar_chart import WIDTH
from indicators.ranking import build_ranking

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"
GRP = "地区生产总值"
URL = "/indicators/地区生产总值/"


def stated(region, year, kind, period, value, qualifier="左右", name=GRP, value_high=None, unit="%"):
    report, _ = Report.objects.get_or_create(
        region=region, year=year, kind="work_report", title=f"{year}年{region}政府工作报告",
        defaults={"text": "……", "content_hash": f"{region}{year}", "delivered_on": date(year, 1, 15)})
    return Indicator.objects.create(
        report=report, name=name, measure="growth", value=value, value_high=value_high, unit=unit,
        qualifier=qualifier, kind=kind, period_year=period, sentence=f"{name}增长{value}{unit}{qualifier}。")


@pytest.fixture
def regions():
    stated("甲省", 2025, "target", 2025, 6)
    stated("甲省", 2025, "actual", 2024, 5.8, "")
    stated("甲省", 2024, "target", 2024, 6.5)
    stated("乙省", 2025, "target", 2025, 5, "以上")
    stated("丙市", 2025, "target", 2025, 5.5, "range", value_high=6.5)  # midpoint 6: ties 甲省
    stated("丁省", 2025, "actual", 2024, 4.9, "")                         # no target for 2025
    stated("国务院", 2025, "target", 2025, 5, name="国内生产总值")


def test_ranked_by_target_with_ties_and_the_year_before(regions):
    ranking = build_ranking(GRP, 2025)
    assert [(row.region, row.rank) for row in ranking.rows] == \
        [("丙市", 1), ("甲省", 1), ("乙省", 3), ("丁省", None)]
    first = {row.region: row for row in ranking.rows}
    assert first["甲省"].previous_actual.value == 5.8 and first["甲省"].previous_target.value == 6.5
    assert first["丁省"].target is None and first["丁省"].previous_actual.value == 4.9
    assert ranking.unit == "%"
    assert ranking.reference.value == 5 and ranking.reference.report.region == "国务院"


def test_page_table_chart_and_reference_line(client, regions):
    response = client.get(URL, {"year": 2025})
    assert response.status_code == 200
    page = response.content.decode()
    assert "2025年各地区地区生产总值增速目标" in page and "<script" not in page
    table = page[page.index('<table class="ranking-table"'):page.index("</table>")]
    assert table.index("丙市") < table.index("甲省") < table.index("乙省") < table.index("丁省")
    root = ET.fromstring(page[page.index("<svg"):page.index("</svg>") + 6])
    bars = root.findall(f".//{SVG}g[@class='ranking-bar']")
    assert len(bars) == 3
    reference = root.find(f".//{SVG}g[@class='ranking-reference']")
    assert "全国 5%左右" in "".join(reference.itertext())
    # Readable at 390 px: 12-unit text in a drawing at most 390 wide is scaled by column/width,
    # about 358/372 on such a phone (the browser test measures it).
    assert int(root.get("width")) == WIDTH <= 390 and root.get("font-size") == "12"
    years = page[page.index("年度："):page.index("</ul>", page.index("年度："))]
    assert years.count("2025") == 1
    assert all(t.get("font-size") in (None, "12") for t in root.iter(f"{SVG}text"))


def test_csv_and_json_hold_the_same_ranking(client, regions):
    response = client.get("/indicators/地区生产总值.csv", {"year": 2025})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["排名", "地区", "本年目标"]
    assert [row[:2] for row in rows[1:]] == [["1", "丙市"], ["1", "甲省"], ["3", "乙省"], ["", "丁省"]]
    assert response.content.startswith("\ufeff".encode()) and b"\r\n" in response.content
    data = client.get("/api/indicators/", {"name": GRP, "year": 2025}).json()
    assert [r["region"] for r in data["results"]] == ["丙市", "甲省", "乙省", "丁省"]
    assert data["reference"]["text"] == "5%左右" and data["results"][0]["value"] == 6


def test_without_year_the_series_page_is_unchanged(client, regions):
    page = client.get(URL, {"region": "甲省"}).content.decode()
    assert "各地区" not in page.split("<main", 1)[1].split("</h1>", 1)[0]


@pytest.mark.parametrize("year", ["abc", "1800", "", "2025.5", "9" * 30])
def test_bad_year_is_a_400_that_says_why(client, regions, year):
    for url, params in ((URL, {}), ("/indicators/地区生产总值.csv", {}), ("/api/indicators/", {"name": GRP})):
        response = client.get(url, {"year": year, **params})
        assert response.status_code == 400, url
        assert "year" in response.content.decode()


def test_a_year_without_targets_says_so(client, regions):
    response = client.get(URL, {"year": 2010})
    assert response.status_code == 404
    assert "还没有地区在2010年的报告中提出" in response.content.decode()


def test_year_page_links_to_the_rankings(client, regions):
    page = client.get("/years/2025/").content.decode()
    assert "/indicators/%E5%9C%B0%E5%8C%BA%E7%94%9F%E4%BA%A7%E6%80%BB%E5%80%BC/?year=2025" in page


def test_provinces_are_ranked_apart_from_cities(client):
    """The newspapers' table is the provinces'; a city's target is ranked with the cities."""
    stated("浙江省", 2025, "target", 2025, 5.5)
    stated("广西", 2025, "target", 2025, 5)
    stated("新疆维吾尔自治区", 2025, "target", 2025, 6)
    stated("晋江市", 2025, "target", 2025, 7, "以上")
    stated("国务院", 2025, "target", 2025, 5, name="国内生产总值")
    provinces = build_ranking(GRP, 2025)
    assert [row.region for row in provinces.rows] == ["新疆维吾尔自治区", "浙江省", "广西"]
    assert provinces.level == "provincial" and provinces.levels == {"provincial": 3, "local": 1}
    assert [row.region for row in build_ranking(GRP, 2025, level="local").rows] == ["晋江市"]
    page = client.get(URL, {"year": 2025}).content.decode()
    assert "省级（3）" in page and "level=local" in page and "晋江市" not in page.split("</table>")[0]
    data = client.get("/api/indicators/", {"name": GRP, "year": 2025, "level": "local"}).json()
    assert [row["region"] for row in data["results"]] == ["晋江市"]
    assert client.get(URL, {"year": 2025, "level": "county"}).status_code == 400


def test_the_level_of_a_region():
    from archive.regions import level_of

    assert [level_of(r) for r in ("国务院", "北京市", "广西壮族自治区", "宁夏", "内蒙古自治区", "吉林省",
                                  "晋江市", "北京市海淀区", "吉林市", "广西省")] == [
        "national", "provincial", "provincial", "provincial", "provincial", "provincial",
        "local", "local", "local", "local"]
