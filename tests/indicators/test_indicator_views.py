"""An indicator across years: series building, the gap rule, the SVG chart, the pages, CSV and JSON."""
import csv
import io
import json
import xml.etree.ElementTree as ET
from urllib.parse import quote

import pytest
from django.core.management import call_command

import tests.conftest
from archive.models import Indicator, Report
from indicators import indicator_series as lib
from indicators.charts import indicator_chart, nice_ticks

SVG = "{http://www.w3.org/2000/svg}"
GDP = "国内生产总值"


# --- constructed rows (no database) -------------------------------------------------------------

def report(year, kind="work_report", region="国务院"):
    return Report(pk=year * 10 + len(kind), region=region, year=year, kind=kind, title=f"{year}年报告")


def fact(report_, kind, period, value, qualifier="", unit="%", value_high=None, measure="growth",
         name=GDP, order=0):
    return Indicator(report=report_, name=name, measure=measure, value=value, value_high=value_high,
                     unit=unit, qualifier=qualifier, kind=kind, period_year=period, order=order,
                     sentence=f"{name}{value}{unit}{qualifier}。")


def target(year, value, qualifier="左右", **kw):
    return fact(report(year), "target", year, value, qualifier, **kw)


def actual(year, value, qualifier="", **kw):
    """The actual for ``year``, as the next year's report states it."""
    return fact(report(year + 1), "actual", year, value, qualifier, **kw)


def test_target_of_report_y_sits_beside_actual_of_report_y_plus_1():
    rows = [target(2023, 5), actual(2023, 5.2), target(2024, 5), actual(2022, 3)]
    series = lib.build_series(rows, GDP, "国务院", "growth")
    assert series.years == [2022, 2023, 2024]
    row_2023 = series.rows[1]
    assert (row_2023.target.value, row_2023.target.report.year) == (5, 2023)
    assert (row_2023.actual.value, row_2023.actual.report.year) == (5.2, 2024)
    assert row_2023.gap.display == "+0.2个百分点"
    assert row_2023.gap.status == lib.CLOSE and row_2023.gap.label == "基本持平"
    assert series.rows[0].target is None and series.rows[0].gap is None
    assert series.rows[2].actual is None
    assert (series.target_count, series.actual_count, series.paired_count) == (2, 2, 1)


def test_measures_are_kept_apart():
    rows = [target(2023, 5), actual(2023, 126, "超过", unit="万亿元", measure="level")]
    growth = lib.build_series(rows, measure="growth")
    level = lib.build_series(rows, measure="level")
    assert growth.rows[0].actual is None and growth.rows[0].target.value == 5
    assert level.rows[0].target is None and level.rows[0].actual.value == 126


@pytest.mark.parametrize("target_row, actual_value, gap, status", [
    # 左右: within ±0.5 point is 基本持平, beyond it only above / below
    (target(2023, 5), 5.5, "+0.5个百分点", lib.CLOSE),
    (target(2022, 5.5), 3, "−2.5个百分点", lib.BELOW),
    (target(2010, 8), 10.3, "+2.3个百分点", lib.ABOVE),
    (target(2012, 7.5, ""), 7.8, "+0.3个百分点", lib.CLOSE),          # no qualifier: a point
    # 以上 / 超过: at least
    (target(2021, 6, "以上"), 8.1, "+2.1个百分点", lib.MET),
    (target(2021, 6, "以上"), 6, "0个百分点", lib.MET),
    (target(2021, 6, "超过"), 5.9, "−0.1个百分点", lib.MISSED),
    # 以内 / 以下: at most
    (target(2022, 5.5, "以内"), 5.5, "0个百分点", lib.MET),
    (target(2022, 3, "以下"), 3.4, "+0.4个百分点", lib.MISSED),
    # a range: met inside it; the gap is from its midpoint
    (target(2019, 6, "range", value_high=6.5), 6.1, "−0.15个百分点", lib.MET),
    (target(2019, 6, "range", value_high=6.5), 6.5, "+0.25个百分点", lib.MET),
    (target(2019, 6, "range", value_high=6.5), 5.9, "−0.35个百分点", lib.MISSED),
    # a decline (negative): 下降3%以上 is met by a larger decline
    (target(2018, -3, "以上"), -3.1, "−0.1个百分点", lib.MET),
    (target(2018, -3, "以上"), -2.5, "+0.5个百分点", lib.MISSED),
])
def test_gap_rule(target_row, actual_value, gap, status):
    result = lib.compare(target_row, actual(target_row.period_year, actual_value))
    assert result.display == gap
    assert result.status == status


def test_gap_in_amounts_converts_units_and_uses_a_relative_band():
    employment = target(2023, 1200, "左右", unit="万人", measure="level")
    assert lib.compare(employment, actual(2023, 1210, unit="万人", measure="level")).status == lib.CLOSE
    assert lib.compare(employment, actual(2023, 1244, unit="万人", measure="level")).status == lib.ABOVE
    gdp = target(2024, 130, "以上", unit="万亿元", measure="level")
    gap = lib.compare(gdp, actual(2024, 1349000, unit="亿元", measure="level"))
    assert (gap.display, gap.status) == ("+4.9万亿元", lib.MET)


def test_different_units_are_not_compared():
    gap = lib.compare(target(2023, 5), actual(2023, 1200, unit="万人"))
    assert gap.value is None and gap.status is None and gap.label == "无法比较"


def test_missing_years_become_one_line_per_run():
    rows = [target(2015, 7), actual(2015, 6.9), target(2019, 6, "range", value_high=6.5),
            actual(2020, 2.3), target(2021, 6, "以上")]
    table = lib.build_series(rows).table()
    labels = [line.label if isinstance(line, lib.GapRun) else line.year for line in table]
    assert labels == [2015, "2016—2018年", 2019, 2020, 2021]


def test_a_work_report_wins_over_an_interpretation_and_the_rest_are_kept():
    main = target(2024, 5)
    restated = fact(report(2024, kind="interpretation"), "target", 2024, 5.5, "左右", order=0)
    later = fact(report(2025), "target", 2024, 4.8, "左右")  # a later report quoting it
    series = lib.build_series([restated, later, main])
    row = series.rows[0]
    assert row.target is main
    assert row.target_alternatives == [later, restated]


def test_values_are_written_as_the_report_has_them():
    assert lib.written(target(2023, 5)) == "5%左右"
    assert lib.written(target(2019, 6, "range", value_high=6.5)) == "6%－6.5%"
    assert lib.written(target(2021, 6, "以上")) == "6%以上"
    assert lib.written(actual(2023, 126, "超过", unit="万亿元", measure="level")) == "超过126万亿元"
    assert lib.written(None) == ""


# --- the chart ---------------------------------------------------------------------------------

def parse(svg) -> ET.Element:
    root = ET.fromstring(str(svg))
    assert root.tag == f"{SVG}svg"
    return root


def texts(root) -> list[str]:
    return ["".join(node.itertext()) for node in root.iter(f"{SVG}text")]


def test_chart_is_wellformed_with_axes_legend_and_both_series():
    rows = [target(year, 5) for year in range(2021, 2026)] + \
           [actual(year, value) for year, value in ((2021, 8.1), (2022, 3), (2023, 5.2), (2024, 5))]
    root = parse(indicator_chart(lib.build_series(rows, GDP, "国务院"), chart_id="c1"))
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "c1-title"
    title = root.find(f"{SVG}title")
    assert title.get("id") == "c1-title" and GDP in title.text and "2021—2025年" in title.text
    labels = texts(root)
    for year in range(2021, 2026):
        assert str(year) in labels
    assert "单位：%" in labels
    assert any("预期目标" in label for label in labels) and any("实际完成" in label for label in labels)
    target_group = root.find(f".//{SVG}g[@class='chart-series chart-target']")
    actual_group = root.find(f".//{SVG}g[@class='chart-series chart-actual']")
    # targets: hollow circles on a dashed line; actuals: filled squares on a solid line
    circles = target_group.findall(f".//{SVG}circle")
    assert len(circles) == 5 and {c.get("fill") for c in circles} == {"#fff"}
    assert target_group.find(f"{SVG}polyline").get("stroke-dasharray")
    squares = actual_group.findall(f".//{SVG}g[@class='chart-point']/{SVG}rect")
    assert len(squares) == 4 and all(s.get("fill") != "#fff" for s in squares)
    assert actual_group.find(f"{SVG}polyline").get("stroke-dasharray") is None
    tips = ["".join(t.itertext()) for t in root.iter(f"{SVG}title")]
    assert "2022年 实际完成 3%" in tips and "2025年 预期目标 5%左右" in tips


def test_chart_breaks_lines_at_missing_years_and_draws_ranges_as_bands():
    rows = [actual(2018, 6.6), actual(2020, 2.3), actual(2021, 8.1),
            target(2019, 6, "range", value_high=6.5)]
    root = parse(indicator_chart(lib.build_series(rows)))
    lines = root.findall(f".//{SVG}polyline[@class='chart-line chart-line-actual']")
    assert [len(line.get("points").split()) for line in lines] == [2]  # 2020–2021 only
    band = root.find(f".//{SVG}rect[@class='chart-range']")
    assert band is not None and float(band.get("height")) > 1
    assert any("目标区间" in text for text in texts(root))


def test_chart_of_a_single_point_and_of_negative_values():
    single = parse(indicator_chart(lib.build_series([target(2025, 5)])))
    assert "2025" in texts(single)
    assert len(single.findall(f".//{SVG}g[@class='chart-point']")) == 1
    negative = parse(indicator_chart(lib.build_series([target(2024, -2.5), actual(2024, -3.2)])))
    labels = texts(negative)
    assert any(label.startswith("−") for label in labels)  # ticks below zero
    assert negative.find(f".//{SVG}line[@class='chart-zero']") is not None or "0" in labels
    assert str(indicator_chart(lib.build_series([]))) == ""


def test_chart_draws_one_unit_converting_what_it_can():
    rows = [actual(2021, 1.37, unit="万亿斤", measure="level"),
            actual(2022, 13700, unit="亿斤", measure="level"),       # converts: 1.37万亿斤
            actual(2020, 66949, unit="万吨", measure="level"),       # converts: 万吨 → 斤
            actual(2023, 5, unit="万人", measure="level"),           # does not: only in the table
            target(2023, 1.3, "以上", unit="万亿斤", measure="level")]
    series = lib.build_series(rows, "粮食产量", "国务院", "level")
    assert series.unit == "万亿斤"
    assert [i.unit for i in series.unconvertible()] == ["万人"]
    root = parse(indicator_chart(series))
    assert "单位：万亿斤" in texts(root)
    squares = root.findall(f".//{SVG}g[@class='chart-series chart-actual']/{SVG}g")
    assert len(squares) == 3
    ys = [square.find(f"{SVG}rect").get("y") for square in squares]
    assert ys[1] == ys[2]  # 1.37万亿斤 and 13700亿斤 land on the same height
    assert lib.convert(66949, "万吨", "万亿斤") == pytest.approx(1.33898)


def test_nice_ticks_cover_the_values():
    ticks = nice_ticks(2.3, 8.1, include_zero=True)
    assert ticks[0] == 0 and ticks[-1] >= 8.1
    assert nice_ticks(-3.2, -2.5)[0] <= -3.2 <= -2.5 <= nice_ticks(-3.2, -2.5)[-1]
    assert len(nice_ticks(5, 5)) >= 2


# --- the pages on the bundled reports ----------------------------------------------------------

pytestmark = pytest.mark.django_db


def gdp_url(suffix="/", **params):
    query = "&".join(f"{key}={quote(value)}" for key, value in params.items())
    return f"/indicators/{quote(GDP)}{suffix}" + (f"?{query}" if query else "")


def test_index_lists_names_with_year_counts_and_regions(client, bundled):
    response = client.get("/indicators/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "<title>指标" in page
    assert f'href="/indicators/{GDP}/"' in page or f'href="/indicators/{quote(GDP)}/"' in page
    assert "晋江市" in page and "国务院" in page
    assert "indicators.css" in page


def test_gdp_page_puts_target_beside_actual(client, bundled):
    response = client.get(gdp_url(region="国务院"))
    assert response.status_code == 200
    page = response.content.decode()
    assert f"<title>{GDP}增速 · 国务院 · 指标" in page
    row = page.split('id="y2023"')[1].split("</tr>")[0]
    assert "5%左右" in row and "5.2%" in row and "+0.2个百分点" in row and "基本持平" in row
    assert "<details" in row and "今年发展主要预期目标是" in row  # the sentence, one click away
    assert "/reports/" in row and "#s" in row                     # and its section
    row_2021 = page.split('id="y2021"')[1].split("</tr>")[0]
    assert "6%以上" in row_2021 and "8.1%" in row_2021 and "达到" in row_2021
    row_2019 = page.split('id="y2019"')[1].split("</tr>")[0]
    assert "6%－6.5%" in row_2019
    assert "2020年：无数据" not in page  # 2020 has the actual 2.3% from the 2021 report
    assert 'id="y2020"' in page
    root = parse(page[page.index("<svg"):page.index("</svg>") + 6])
    assert {"2019", "2025"} <= set(texts(root))


def test_default_region_and_region_links(client, bundled):
    page = client.get(gdp_url()).content.decode()
    assert 'aria-current="page">增速' in page or "增速" in page
    assert "国务院" in page
    # 地区生产总值 has no State Council data: the region with most years is chosen
    other = client.get(f"/indicators/{quote('地区生产总值')}/").content.decode()
    assert "晋江市" in other and "<svg" in other


def test_measure_switch(client, bundled):
    page = client.get(gdp_url(measure="level")).content.decode()
    assert "总量" in page and "万亿元" in page
    assert client.get(gdp_url(measure="nonsense")).status_code == 400


def test_region_without_data_says_so(client, bundled):
    response = client.get(gdp_url(region="火星市"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "火星市的报告中没有" in page
    assert f"?region={quote('国务院')}" in page or "?region=国务院" in page


def test_a_citys_gdp_points_to_its_regional_gdp(client, bundled):
    page = client.get(gdp_url(region="晋江市")).content.decode()
    assert "晋江市的报告把这一指标写作“地区生产总值”" in page
    assert f'href="/indicators/{quote("地区生产总值")}/?region={quote("晋江市")}"' in page
    assert "把这一指标写作" not in client.get(gdp_url(region="火星市")).content.decode()


def test_unknown_indicator_is_404_in_chinese(client, bundled):
    response = client.get(f"/indicators/{quote('生产总值')}/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "没有这项指标" in page and "<title>没有这项指标" in page
    assert GDP in page  # a name that shares a part is offered
    assert client.get(f"/indicators/{quote('不存在')}.csv").status_code == 404
    api = client.get("/api/indicators/", {"name": "不存在"})
    assert api.status_code == 404 and "没有" in api.json()["error"]


def test_csv_has_bom_header_and_rows(client, bundled):
    response = client.get(gdp_url(".csv", region="国务院"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["年度", "预期目标", "目标值"]
    by_year = {row[0]: dict(zip(rows[0], row)) for row in rows[1:]}
    assert by_year["2023"]["预期目标"] == "5%左右"
    assert by_year["2023"]["实际值"] == "5.2"
    assert by_year["2023"]["差距"] == "0.2" and by_year["2023"]["判断"] == "基本持平"
    assert by_year["2019"]["目标上限"] == "6.5"
    assert by_year["2020"]["预期目标"] == "" and by_year["2020"]["实际完成"] == "2.3%"


def test_json_series_contract(client, bundled):
    response = client.get("/api/indicators/", {"name": GDP, "region": "国务院"})
    assert response.status_code == 200
    data = response.json()
    assert (data["name"], data["region"], data["measure"]) == (GDP, "国务院", "growth")
    assert [row["year"] for row in data["series"]] == [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]
    point_keys = {"value", "value_high", "unit", "qualifier", "sentence", "report_id"}
    for row in data["series"]:
        assert set(row) == {"year", "target", "actual"}
        for point in (row["target"], row["actual"]):
            assert point is None or set(point) == point_keys
    by_year = {row["year"]: row for row in data["series"]}
    assert by_year[2019]["target"]["value_high"] == 6.5
    assert by_year[2019]["target"]["qualifier"] == "range"
    assert by_year[2019]["actual"] is None
    assert by_year[2023]["actual"]["value"] == 5.2
    reports = {r["year"]: r["id"] for r in client.get("/api/reports/").json()["results"]
               if r["region"] == "国务院"}
    assert by_year[2023]["target"]["report_id"] == reports[2023]
    assert by_year[2023]["actual"]["report_id"] == reports[2024]
    level = client.get("/api/indicators/", {"name": GDP, "measure": "level"}).json()
    assert level["measure"] == "level" and all(r["target"] is None for r in level["series"])
    assert client.get("/api/indicators/", {"name": GDP, "measure": "x"}).status_code == 400


def test_json_list_of_names(client, bundled):
    data = client.get("/api/indicators/").json()
    names = {item["name"]: item for item in data["results"]}
    assert names[GDP]["years"] == 8 and names[GDP]["regions"] == ["国务院"]
    assert "晋江市" in names["城镇新增就业"]["regions"]
    assert json.dumps(data, ensure_ascii=False)


def test_a_region_without_data_in_json_is_an_empty_series(client, bundled):
    data = client.get("/api/indicators/", {"name": GDP, "region": "火星市"}).json()
    assert data["series"] == [] and data["region"] == "火星市"


def test_empty_archive_says_so(client):
    Indicator.objects.all().delete()  # undone after the test, whatever the module imported before
    response = client.get("/indicators/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "还没有指标" in page
    assert client.get("/api/indicators/").json() == {"count": 0, "results": []}


def test_pages_after_an_import(client):
    call_command("import_reports", str(tests.conftest.FIXTURE_REPORTS), stdout=io.StringIO())
    page = client.get(f"/indicators/{quote('城镇新增就业')}/?region={quote('晋江市')}").content.decode()
    assert "晋江市" in page and "万人" in page
    assert "<svg" in page


@pytest.mark.parametrize("sentence, written", [
    ("=HYPERLINK(\"http://x\")增长7%", "'=HYPERLINK(\"http://x\")增长7%"),
    ("+1增长", "'+1增长"), ("-1增长", "'-1增长"), ("@SUM(A1)", "'@SUM(A1)"),
    ("地区生产总值增长7%", "地区生产总值增长7%"), ("", ""),
])
def test_csv_sentences_cannot_run_as_spreadsheet_formulas(sentence, written):
    from archive.csv_export import spreadsheet_text
    assert spreadsheet_text(sentence) == written
