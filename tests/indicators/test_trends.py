"""/trends/: terms year by year, as an SVG line chart and a table, on the bundled reports."""
import re
import xml.etree.ElementTree as ET

import pytest

from archive.charts import TREND_STYLES, trend_chart
from search.trend_views import MAX_TERMS, split_terms

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"


def svg_of(page: str) -> ET.Element:
    return ET.fromstring(page[page.index("<svg"):page.index("</svg>") + len("</svg>")])


def test_terms_split_on_half_and_full_width_commas():
    assert split_terms("新质生产力,高质量发展") == ["新质生产力", "高质量发展"]
    assert split_terms(" 新质生产力，高质量发展、新质生产力 ,, ") == ["新质生产力", "高质量发展"]
    assert split_terms("") == []


def test_trend_chart_gives_each_term_its_own_dash_and_marker():
    lines = [{"label": f"词{i}", "points": [(2021, i), (2022, i + 1), (2024, i + 2)]} for i in range(3)]
    root = ET.fromstring(str(trend_chart(lines)))
    assert root.get("role") == "img" and root.find(f"{SVG}title").text
    dashes = []
    for index in range(3):
        group = root.find(f".//{SVG}g[@class='chart-series chart-term-{index + 1}']")
        polylines = group.findall(f"{SVG}polyline")
        assert len(polylines) == 1  # 2021–2022 joined, 2024 alone after the missing 2023
        dashes.append(polylines[0].get("stroke-dasharray"))
    assert len(set(dashes)) == 3
    legend = ["".join(t.itertext()) for t in root.find(f".//{SVG}g[@class='chart-legend']").iter(f"{SVG}text")]
    assert legend == ["词0", "词1", "词2"]
    assert len(TREND_STYLES) >= MAX_TERMS


def test_no_query_explains_with_examples(client, bundled):
    response = client.get("/trends/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "<title>词频趋势" in page
    assert "例如" in page and "?q=" in page
    assert "<svg" not in page


def test_several_terms_chart_and_table(client, bundled):
    response = client.get("/trends/", {"q": "新质生产力，高质量发展,晋江经验"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "<title>“新质生产力”、“高质量发展”、“晋江经验”的词频趋势" in page
    root = svg_of(page)
    labels = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    assert {"新质生产力", "高质量发展", "晋江经验"} <= set(labels)
    assert "占当年章节的比例（%）" in labels
    assert {"2019", "2025"} <= set(labels)
    groups = [g for g in root.iter(f"{SVG}g") if (g.get("class") or "").startswith("chart-series")]
    assert len(groups) == 3
    table = page[page.index('<table class="trend-table"'):page.index("</table>")]
    assert table.count("<th scope=\"col\"") == 5  # 年度, three terms, 当年章节数
    row_2024 = table.split('<th scope="row"><a href="/years/2024/">2024</a></th>')[1].split("</tr>")[0]
    assert "search/?q=" in row_2024  # a count links to the hits of that year


def test_counts_match_the_trend_api(client, bundled):
    api = client.get("/api/trends/", {"q": "新质生产力"}).json()
    page = client.get("/trends/", {"q": "新质生产力"}).content.decode()
    for point in api["series"]:
        if point["count"]:
            assert f"year={point['year']}\">{point['count']}</a>" in page


def test_a_term_never_used_says_so(client, bundled):
    page = client.get("/trends/", {"q": "量子纠缠,新质生产力"}).content.decode()
    assert "“量子纠缠”在所收录的报告中没有出现过" in page
    root = svg_of(page)
    assert len([g for g in root.iter(f"{SVG}g") if (g.get("class") or "").startswith("chart-series")]) == 1
    only_unused = client.get("/trends/", {"q": "量子纠缠"}).content.decode()
    assert "没有出现过" in only_unused and "<svg" not in only_unused


def test_at_most_five_terms(client, bundled):
    terms = ["改革", "开放", "发展", "创新", "就业", "消费", "投资"]
    page = client.get("/trends/", {"q": ",".join(terms)}).content.decode()
    assert f"最多比较 {MAX_TERMS} 个词，已略去：消费、投资" in page
    root = svg_of(page)
    assert len([g for g in root.iter(f"{SVG}g") if (g.get("class") or "").startswith("chart-series")]) == 5


def test_region_filter_and_unknown_region(client, bundled):
    page = client.get("/trends/", {"q": "晋江经验", "region": "晋江市"}).content.decode()
    assert "<svg" in page and "晋江市" in page
    assert "/years/2019/" not in page  # only Jinjiang's years
    unknown = client.get("/trends/", {"q": "晋江经验", "region": "火星市"}).content.decode()
    assert "还没有收录火星市的报告" in unknown


def test_shares_are_shown_with_one_decimal(client, bundled):
    page = client.get("/trends/", {"q": "发展"}).content.decode()
    shares = re.findall(r"（([\d.]+)%）", page)
    assert shares and all(re.fullmatch(r"\d+(\.\d)?", share) for share in shares)
