"""The search page as a reader uses it: scope, year range, histogram, empty and error states,
CSV; and the JSON errors of /api/."""
import csv
import io
import re
from urllib.parse import parse_qs

import pytest

from archive.models import Report

pytestmark = pytest.mark.django_db


def page(client, status=200, **params):
    response = client.get("/search/", params)
    assert response.status_code == status, response.content[:500]
    return response.content.decode()


def api(client, **params):
    return client.get("/api/search/", params).json()


def links(html: str) -> list[dict]:
    return [parse_qs(href) for href in re.findall(r'href="\?([^"]*)"', html.replace("&amp;", "&"))]


def test_a_search_inside_one_report_says_so_and_links_to_everything(client, bundled):
    report = Report.objects.get(region="国务院", year=2024)
    html = page(client, q="新质生产力", report=report.pk)
    assert "在《2024年国务院政府工作报告》中检索" in html
    lifted = [query for query in links(html) if query.get("q") == ["新质生产力"] and "report" not in query
              and "year" not in query]
    assert lifted, "a link searches every report"
    # The scope is a visible, checked box in the form, not a hidden field the next query inherits.
    assert f'type="checkbox" name="report" value="{report.pk}" checked' in html
    assert f'type="hidden" name="report"' not in html


def test_the_year_range_and_sort_stay_with_the_refined_query(client, bundled):
    html = page(client, q="发展", year_from=2021, year_to=2023, sort="newest")
    assert 'name="year_from" value="2021"' in html and 'name="year_to" value="2023"' in html
    assert '<input type="hidden" name="sort" value="newest">' in html
    years = {hit["report"]["year"] for hit in api(client, q="发展", year_from=2021, year_to=2023)["results"]}
    assert years and years <= {2021, 2022, 2023}


def test_the_year_facet_is_a_histogram_of_links(client, bundled):
    data = api(client, q="发展")
    html = page(client, q="发展")
    svg = html[html.index('<figure class="year-histogram">'):html.index("</figure>")]
    bars = re.findall(r'<a href="\?([^"]*)"><rect [^>]*><title>(\d{4})年：(\d+) 条</title>', svg)
    assert {year: int(count) for _, year, count in bars} == {
        year: count for year, count in data["facets"]["year"].items()}
    for href, year, _ in bars:
        assert parse_qs(href.replace("&amp;", "&"))["year"] == [year]
    first, last = min(data["facets"]["year"]), max(data["facets"]["year"])
    assert re.search(rf"<span>{first}</span>.*<span>{last}</span>", svg, re.S)


def test_a_page_past_the_last_says_how_many_and_links_to_the_last(client, bundled):
    pages = api(client, q="发展")["pages"]
    assert pages > 1
    html = page(client, q="发展", page=pages + 40)
    assert f"共 {pages} 页" in html
    targets = {query.get("page", ["1"])[0] for query in links(html) if query.get("q") == ["发展"]}
    assert str(pages) in targets and str(pages + 39) not in targets
    assert "没有找到包含" not in html


def test_crossed_year_filters_say_so_and_nothing_else(client, bundled):
    html = page(client, q="经济", year_from=2024, year_to=2021)
    assert "晚于截止年份" in html
    assert "没有找到包含" not in html


def test_a_bad_parameter_is_a_400_without_results(client, bundled):
    html = page(client, status=400, q="发展", year="abc")
    assert "参数 year 应为整数" in html
    assert 'class="hit"' not in html
    response = client.get("/api/search/", {"q": "发展", "year": "abc"})
    assert response.status_code == 400
    assert response.json()["results"] == [] and response.json()["count"] == 0
    assert response.json()["errors"]


def test_an_unknown_report_scope_says_so(client, bundled):
    data = api(client, q="发展", report=999999)
    assert data["count"] == 0 and any("999999" in note for note in data["notes"])


def test_gdp_also_finds_the_names_it_stands_for(client, bundled):
    gdp = api(client, q="GDP")
    named = api(client, q="国内生产总值 OR 地区生产总值 OR GDP")
    assert gdp["count"] == named["count"] > api(client, q='"GDP"')["count"]
    assert any("国内生产总值" in note for note in gdp["notes"])
    assert "同时检索" in page(client, q="GDP")


def test_search_results_as_csv(client, bundled):
    response = client.get("/search/results.csv", {"q": "新质生产力", "region": "国务院"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body[1:])))
    assert rows[0] == ["年度", "地区", "类型", "报告", "章节", "摘录", "链接"]
    data = api(client, q="新质生产力", region="国务院")
    assert len(rows) - 1 == data["count"] > 0
    assert all(row[1] == "国务院" and "新质生产力" in row[5] and "<mark>" not in row[5] for row in rows[1:])
    assert rows[1][6] == data["results"][0]["section"]["url"]
    assert client.get("/search/results.csv", {"q": "x", "year": "abc"}).status_code == 400


@pytest.mark.parametrize("path", ["/api/reports/999999/", "/api/nothing-here/"])
def test_api_errors_answer_json(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {"error": "未找到"}


def test_pages_keep_their_html_error_page(client):
    response = client.get("/reports/999999/")
    assert response.status_code == 404 and "页面不存在" in response.content.decode()


def test_a_bad_api_parameter_is_json_without_english(client):
    response = client.get("/api/reports/", {"year": "二〇二五"})
    assert response.status_code == 400 and response.json() == {"error": "参数 year 应为整数"}


def test_hit_titles_name_year_and_region_once(client, bundled):
    html = page(client, q="新质生产力", region="国务院", year=2024)
    titles = re.findall(r'<a class="hit-title" href="[^"]*">([^<]*)</a>', html)
    assert titles and set(titles) == {"2024年国务院政府工作报告"}
