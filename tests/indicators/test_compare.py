"""Year over year: alignment, word diff, terms and targets on the State Council's real reports,
and /compare/ and /api/compare/ as pages and JSON."""
import re
from unittest import mock

import pytest

from archive.models import Report, Section
from indicators import comparison as comparison_lib
from indicators.alignment import Passage, align
from indicators.diff import word_diff
from indicators.terms import dropped_terms, new_terms
from search.analysis import normalize

pytestmark = pytest.mark.django_db


def national(year):
    return Report.objects.get(region="国务院", year=year, kind="work_report")


def headings(report):
    return {s.pk: s.display_heading for s in Section.objects.filter(report=report)}


# --- the pieces, on constructed text ---------------------------------------------------------------

def test_reordered_and_renumbered_sections_align_by_content():
    old = [Passage(1, "扩大国内需求", "扩大消费，稳定投资，促进消费持续恢复。"),
           Passage(2, "保障粮食安全", "稳定粮食播种面积，提高粮食单产，保障粮食安全。"),
           Passage(3, "防范金融风险", "化解地方债务风险，守住不发生系统性风险底线。")]
    new = [Passage(10, "坚持不懈抓好三农工作", "稳定粮食播种面积，提高单产，保障国家粮食安全。"),
           Passage(11, "着力扩大国内需求", "促进消费稳定增长，积极扩大有效投资。"),
           Passage(12, "发展新质生产力", "推动产业链供应链优化升级，培育壮大新兴产业。")]
    result = align(old, new)
    assert {(o, n) for o, n, _ in result.pairs} == {(2, 10), (1, 11)}
    assert result.new == [12] and result.dropped == [3]
    assert [n for _, n, _ in result.pairs] == [10, 11]  # in the new report's order


def test_word_diff_marks_whole_jieba_words_and_keeps_the_texts():
    old_side, new_side, ratio = word_diff("推动高质量发展，稳定就业。", "加快发展新质生产力，稳定就业。")
    assert "".join(text for _, text in old_side) == "推动高质量发展，稳定就业。"
    assert "".join(text for _, text in new_side) == "加快发展新质生产力，稳定就业。"
    inserted = [text for kind, text in new_side if kind == "ins"]
    assert any("新质生产力" in text for text in inserted)
    assert ("same", "，稳定就业。") in new_side
    assert 0 < ratio < 1
    assert word_diff("相同的文字", "相同的文字")[2] == 1.0


# --- the State Council's 2023 and 2024 reports -------------------------------------------------------

def test_2023_and_2024_sections_align_by_heading_and_content_not_number(bundled):
    data = comparison_lib.build(national(2023), national(2024))
    pairs = {(s["old"]["heading"], s["new"]["heading"]) for s in data["sections"] if s["status"] == "paired"}
    assert ("开篇", "开篇") in pairs
    assert ("（一）着力扩大国内需求", "（三）着力扩大国内需求，推动经济实现良性循环") in pairs
    assert ("（八）加强生态环境保护，促进绿色低碳发展", "（九）加强生态文明建设，推进绿色低碳发展") in pairs
    assert ("（九）切实保障和改善民生，加快社会事业发展", "（十）切实保障和改善民生，加强和创新社会治理") in pairs
    new = [s["new"]["heading"] for s in data["sections"] if s["status"] == "new"]
    assert "二、2024年经济社会发展总体要求和政策取向" in new
    # every section of either report is listed exactly once
    listed_new = [s["new"]["id"] for s in data["sections"] if s["new"]]
    listed_old = [s["old"]["id"] for s in data["sections"] if s["old"]]
    assert sorted(listed_new) == sorted(headings(national(2024)))
    assert sorted(listed_old) == sorted(headings(national(2023)))
    assert data["counts"]["paired"] == len(pairs)


def test_every_diff_of_the_pair_gives_back_both_texts(bundled):
    data = comparison_lib.build(national(2023), national(2024))
    texts = {s.pk: s.text for s in Section.objects.filter(report__in=[national(2023), national(2024)])}
    for item in data["sections"]:
        if item["old"]:
            assert "".join(text for _, text in item["old_runs"]) == texts[item["old"]["id"]]
        if item["new"]:
            assert "".join(text for _, text in item["new_runs"]) == texts[item["new"]["id"]]
    marked = " ".join(text for item in data["sections"] for kind, text in item["new_runs"] if kind == "ins")
    assert "未来产业" in marked  # first used in 2024 (新质生产力 stands in a heading there)
    kept = " ".join(text for item in data["sections"] for kind, text in item["new_runs"] if kind == "same")
    assert "未来产业" not in kept


def test_new_terms_are_new_to_the_region_and_dropped_terms_gone(bundled):
    before, after = national(2023), national(2024)
    new = dict(new_terms(after))
    assert "新质生产力" in new and new["新质生产力"] == after.text.count("新质生产力")
    earlier = [_words(r) for r in Report.objects.filter(region="国务院", year__lt=2024)]
    for term in new:
        assert all(term not in words for words in earlier), term
        assert term in normalize(after.text)
    dropped = dict(dropped_terms(before, after))
    assert dropped, "the 2023 report's terms of the five-year review are gone in 2024"
    for term, count in dropped.items():
        assert 0 < count <= normalize(before.text).count(term)
        assert term not in _words(after)
    assert "六稳" in dropped and "六保" in dropped


def _words(report):
    from indicators.terms import word_counts
    return word_counts(report)


def test_targets_side_by_side_with_the_change(bundled):
    data = comparison_lib.build(national(2023), national(2024))
    gdp = next(row for row in data["targets"] if row["name"] == "国内生产总值" and row["measure"] == "growth")
    assert (gdp["target"]["text"], gdp["previous_target"]["text"], gdp["previous_actual"]["text"]) == \
        ("5%左右", "5%左右", "5.2%")
    assert gdp["change"] == "same"
    lowered = comparison_lib.build(national(2021), national(2022))
    gdp = next(row for row in lowered["targets"] if row["name"] == "国内生产总值" and row["measure"] == "growth")
    assert gdp["previous_target"]["text"] == "6%以上" and gdp["target"]["text"] == "5.5%左右"
    assert gdp["change"] == "lowered" and gdp["change_label"] == "调低"


# --- views -------------------------------------------------------------------------------------------

def test_page_defaults_to_last_year_and_works_without_javascript(client, bundled):
    response = client.get("/compare/", {"b": national(2024).pk})
    assert response.status_code == 200
    page = response.content.decode()
    assert "国务院2024年政府工作报告与2023年对比" in page
    assert "<script" not in page
    assert "<ins>" in page and "<del>" in page
    assert "（三）着力扩大国内需求，推动经济实现良性循环" in page
    assert re.search(r'href="/search/\?q=%E6%96%B0%E8%B4%A8%E7%94%9F%E4%BA%A7%E5%8A%9B&amp;report=\d+">'
                     r"新质生产力</a>", page)
    assert "/trends/?q=%E6%96%B0%E8%B4%A8%E7%94%9F%E4%BA%A7%E5%8A%9B" in page
    assert "调低" in client.get("/compare/", {"a": national(2021).pk, "b": national(2022).pk}).content.decode()


def test_api_gives_the_same_comparison(client, bundled):
    a, b = national(2023), national(2024)
    data = client.get("/api/compare/", {"a": a.pk, "b": b.pk}).json()
    assert (data["a"]["year"], data["b"]["year"]) == (2023, 2024)
    assert data["counts"] == comparison_lib.build(a, b)["counts"]
    assert any(t["term"] == "新质生产力" for t in data["terms"]["new"])


@pytest.mark.parametrize("params, status, message", [
    ({}, 400, "请指定"),
    ({"b": "abc"}, 400, "参数 b"),
    ({"b": "99999"}, 404, "没有编号为 99999"),
    ({"a": "-1", "b": "1"}, 400, "参数 a"),
])
def test_bad_requests_are_explained(client, bundled, params, status, message):
    for url in ("/compare/", "/api/compare/"):
        response = client.get(url, params)
        assert response.status_code == status
        assert message in response.content.decode()


def test_same_report_and_first_report_are_refused(client, bundled):
    b = national(2024)
    assert client.get("/compare/", {"a": b.pk, "b": b.pk}).status_code == 400
    first = national(2019)
    response = client.get("/compare/", {"b": first.pk})
    assert response.status_code == 404 and "无从对比" in response.content.decode()


def test_comparison_is_cached_per_pair_and_redone_after_a_change(bundled):
    from django.core.cache import cache

    cache.clear()
    a, b = national(2022), national(2023)
    with mock.patch.object(comparison_lib, "build", wraps=comparison_lib.build) as build:
        comparison_lib.comparison(a, b)
        comparison_lib.comparison(a, b)
        assert build.call_count == 1
        b.save(update_fields=["updated_at"])
        comparison_lib.comparison(a, b)
        assert build.call_count == 2
        national(2019).save(update_fields=["updated_at"])  # an earlier report: the new terms may change
        comparison_lib.comparison(a, b)
        assert build.call_count == 3


def test_report_page_links_to_last_year(client, bundled):
    page = client.get(national(2024).get_absolute_url()).content.decode()
    assert f'href="/compare/?a={national(2023).pk}&amp;b={national(2024).pk}"' in page
    assert "与上年对比" not in client.get(national(2019).get_absolute_url()).content.decode()
