"""/trends/: terms year by year counted per report (mentions per 10,000 characters, share of
reports), as an SVG line chart and a table, on the bundled reports."""
import re
import xml.etree.ElementTree as ET

import pytest

from archive.models import Report
from indicators import trends
from indicators.charts import TREND_STYLES, trend_chart
from indicators.trend_views import MAX_LINES, split_terms

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"


def svg_of(page: str) -> ET.Element:
    return ET.fromstring(page[page.index("<svg"):page.index("</svg>") + len("</svg>")])


def series(client, **params):
    data = client.get("/api/trends/", params).json()
    return [{row["year"]: row for row in line["series"]} for line in data["lines"]]


def test_terms_split_on_half_and_full_width_commas():
    assert split_terms("新质生产力,高质量发展") == ["新质生产力", "高质量发展"]
    assert split_terms(" 新质生产力，高质量发展、新质生产力 ,, ") == ["新质生产力", "高质量发展"]
    assert split_terms("") == []


def test_counts_per_report_by_hand():
    texts = [(2024, "高质量发展。" * 3 + "甲" * 82), (2024, "没有这个词" * 20), (2025, "高質量發展")]
    counts = {count.year: count for count in trends.term_counts("高质量发展", texts)}
    assert (counts[2024].reports, counts[2024].mentioning, counts[2024].mentions) == (2, 1, 3)
    assert counts[2024].chars == 100 + 100
    assert counts[2024].per_10k == 150.0 and counts[2024].share == 0.5
    assert counts[2025].mentions == 0  # the text is not converted: only the term is


def test_trend_chart_gives_each_line_its_own_dash_and_marker_and_says_what_it_counts():
    lines = [{"label": f"词{i}", "points": [(2021, i), (2022, i + 1), (2024, i + 2)]} for i in range(3)]
    root = ET.fromstring(str(trend_chart(lines, measure="每万字提及次数")))
    assert root.get("role") == "img" and "每万字提及次数" in root.find(f"{SVG}title").text
    dashes = []
    for index in range(3):
        group = root.find(f".//{SVG}g[@class='chart-series chart-term-{index + 1}']")
        polylines = group.findall(f"{SVG}polyline")
        assert len(polylines) == 1  # 2021–2022 joined, 2024 alone after the missing 2023
        dashes.append(polylines[0].get("stroke-dasharray"))
    assert len(set(dashes)) == 3
    assert len(TREND_STYLES) >= MAX_LINES


def test_no_query_explains_with_examples(client, bundled):
    response = client.get("/trends/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "<title>词频趋势" in page and "例如" in page and "<svg" not in page


def test_default_is_the_state_council_and_counts_match_the_texts(client, bundled):
    (line,) = series(client, q="高质量发展")
    national = Report.objects.filter(region="国务院", kind="work_report")
    assert set(line) == set(national.values_list("year", flat=True))
    for report in national:
        row = line[report.year]
        assert row["mentions"] == report.text.count("高质量发展") > 0
        assert row["chars"] == len(report.text) and row["reports"] == 1
        assert row["per_10k"] == pytest.approx(row["mentions"] * 10_000 / row["chars"], abs=1e-3)


def test_a_report_of_many_sections_no_longer_looks_like_a_drop(client, bundled):
    """Jinjiang's 2025 report has 68 sections; counted per report it is one report of 2025."""
    (line,) = series(client, q="高质量发展", region="全部")
    work_reports_2025 = Report.objects.filter(year=2025, kind="work_report").count()
    assert line[2025]["reports"] == work_reports_2025 == 2
    assert line[2025]["mentioning"] == 2 and line[2025]["share"] == 1.0


def test_several_regions_are_compared_line_by_line(client, bundled):
    data = client.get("/api/trends/", {"q": "高质量发展", "region": ["国务院", "晋江市"]}).json()
    assert [line["regions"] for line in data["lines"]] == [["国务院"], ["晋江市"]]
    jinjiang = {row["year"]: row for row in data["lines"][1]["series"]}
    assert set(jinjiang) == {2025}  # its only work report; the 2023/2024 documents are other kinds
    page = client.get("/trends/", {"q": "高质量发展", "region": ["国务院", "晋江市"]}).content.decode()
    labels = ["".join(t.itertext()) for t in svg_of(page).iter(f"{SVG}text")]
    assert {"高质量发展·国务院", "高质量发展·晋江市"} <= set(labels)


def test_the_chart_says_which_measure(client, bundled):
    density = client.get("/trends/", {"q": "新质生产力"}).content.decode()
    share = client.get("/trends/", {"q": "新质生产力", "measure": "share"}).content.decode()
    assert "每万字提及次数" in svg_of(density).find(f"{SVG}title").text
    assert "提到该词的报告占比" in svg_of(share).find(f"{SVG}title").text
    assert "国务院" in svg_of(density).find(f"{SVG}title").text


def test_a_term_never_used_says_so(client, bundled):
    page = client.get("/trends/", {"q": "量子纠缠,新质生产力"}).content.decode()
    assert "“量子纠缠”在所选报告中没有出现过" in page


def test_lines_are_capped_with_a_note(client, bundled):
    terms = [f"词{i}" for i in range(MAX_LINES + 2)]
    data = client.get("/api/trends/", {"q": ",".join(terms)}).json()
    assert len(data["lines"]) == MAX_LINES and data["notes"]


def test_unknown_region_and_measure_are_named(client, bundled):
    data = client.get("/api/trends/", {"q": "晋江经验", "region": "火星市", "measure": "x"}).json()
    assert any("火星市" in note for note in data["notes"])
    assert any("measure" in note for note in data["notes"])
    assert data["regions"] == ["国务院"]


def test_table_links_each_count_to_its_search(client, bundled):
    page = client.get("/trends/", {"q": "新质生产力"}).content.decode()
    assert re.search(r'href="/search/\?q=%E6%96%B0%E8%B4%A8%E7%94%9F%E4%BA%A7%E5%8A%9B&amp;year=2024'
                     r'&amp;region=%E5%9B%BD%E5%8A%A1%E9%99%A2">\d+ 次</a>', page)
