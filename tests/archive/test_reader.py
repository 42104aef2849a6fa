"""The reader: the query's words marked (?q=), 出处 links landing on sentences, full titles."""
import html
import re
from urllib.parse import quote

import pytest

from archive.models import Indicator, Report
from archive.sentences import anchor_of, paragraphs, render

pytestmark = pytest.mark.django_db

SECTION_TEXT = "今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上。\n\n“坚持稳中求进。”我们要努力！"


def page_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def marks_in(fragment):
    return [html.unescape(mark) for mark in re.findall(r"<mark[^>]*>(.*?)</mark>", fragment)]


def sentence_spans(page):
    """{anchor: the sentence's text} of the reader's full text."""
    return {anchor: html.unescape(re.sub(r"<[^>]+>", "", body)) for anchor, body in
            re.findall(r'<span class="sentence" id="([^"]+)">(.*?)</span>', page, re.S)}


def test_sentences_end_at_full_stops_and_semicolons_with_their_quotes():
    found = [[SECTION_TEXT[s.start:s.end].strip() for s in group] for group in paragraphs(SECTION_TEXT)]
    assert found == [["今年发展主要预期目标是：国内生产总值增长5%左右；", "城镇新增就业1200万人以上。"],
                     ["“坚持稳中求进。”", "我们要努力！"]]
    assert [s.number for group in paragraphs(SECTION_TEXT) for s in group] == [1, 2, 3, 4]


def test_anchor_of_finds_the_sentence_an_indicator_was_read_from():
    assert anchor_of("s2-1", SECTION_TEXT, "城镇新增就业1200万人以上。") == "s2-1-j2"
    assert anchor_of("s2-1", SECTION_TEXT, "我们要努力！") == "s2-1-j4"
    assert anchor_of("s2-1", SECTION_TEXT, "不在这一节的句子。") == "s2-1"


def test_render_marks_inside_sentences_and_escapes():
    text = "甲<b>乙。丙乙"
    spans = [(3, 7)]  # "&gt;乙。丙": runs across the sentence end, so it is split there
    out = render("s1", text, spans)
    assert out == ('<p><span class="sentence" id="s1-j1">甲&lt;b<mark>&gt;乙。</mark></span>'
                   '<span class="sentence" id="s1-j2"><mark>丙</mark>乙</span></p>\n')


def test_full_title_adds_the_year_and_region_a_title_leaves_out():
    def full(title, region="国务院", year=2025):
        return Report(title=title, region=region, year=year).full_title

    assert full("政府工作报告") == "2025年国务院政府工作报告"
    assert full("2025年宁夏政府工作报告", region="宁夏回族自治区") == "2025年宁夏政府工作报告"
    assert full("晋江市2023年政府工作报告要点", region="晋江市", year=2023) == "晋江市2023年政府工作报告要点"
    assert full("关于2025年预算的报告") == "国务院关于2025年预算的报告"


def test_report_heading_and_title_name_year_and_region(client, bundled):
    report = Report.objects.get(region="国务院", year=2025)
    page = page_of(client, report.get_absolute_url())
    assert "<title>2025年国务院政府工作报告 · 政报档案</title>" in page
    assert "<h1>2025年国务院政府工作报告</h1>" in page


def test_q_marks_the_query_words_in_headings_and_text(client, bundled):
    report = Report.objects.get(region="国务院", year=2025)
    page = page_of(client, report.get_absolute_url() + "?q=" + quote("就业"))
    text = page[page.index('<div class="fulltext">'):]
    marks = marks_in(text)
    expected = sum(s.text.count("就业") + s.display_heading.count("就业")
                   for s in report.sections.all())
    assert expected > 3 and marks == ["就业"] * expected
    assert f"已标出“就业”：共 {expected} 处" in page
    assert "js/reader.js" in page
    plain = page_of(client, report.get_absolute_url())
    assert "<mark" not in plain and "js/reader.js" not in plain


def test_q_marks_every_word_of_the_query_but_not_the_excluded_ones(client, bundled):
    report = Report.objects.get(region="国务院", year=2025)
    page = page_of(client, report.get_absolute_url() + "?q=" + quote("就业 -消费"))
    assert set(marks_in(page[page.index('<div class="fulltext">'):])) == {"就业"}


@pytest.mark.parametrize("query", ["<script>alert(1)</script>", "-消费", "？？？", "x" * 5000])
def test_odd_queries_mark_nothing_wrongly_and_never_fail(client, bundled, query):
    report = Report.objects.get(region="国务院", year=2025)
    page = page_of(client, report.get_absolute_url() + "?q=" + quote(query))
    assert "<script>alert" not in page
    text = page[page.index('<div class="fulltext">'):]
    assert all(mark in report.text for mark in marks_in(text))


def test_a_query_not_in_the_report_says_so(client, bundled):
    report = Report.objects.get(region="国务院", year=2025)
    page = page_of(client, report.get_absolute_url() + "?q=" + quote("火星基地"))
    assert "已标出“火星基地”：本报告中没有找到" in page and "<mark" not in page


def test_search_hits_link_to_the_reader_with_the_query(client, bundled):
    page = page_of(client, "/search/?q=" + quote("新质生产力"))
    links = re.findall(r'<a class="hit-title" href="([^"]+)"', page)
    assert links
    for link in links[:5]:
        link = html.unescape(link)
        assert re.fullmatch(r"/reports/\d+/\?q=%E6%96%B0%E8%B4%A8%E7%94%9F%E4%BA%A7%E5%8A%9B#s[\d-]+", link), link
        path, anchor = link.split("#")
        reader = page_of(client, path)
        section = reader[reader.index(f'id="{anchor}"'):]
        section = section[:section.index("</section>")]
        assert "新质生产力" in marks_in(section)  # the hit's section has the word marked


def test_indicator_pages_link_each_number_to_its_sentence(client, bundled):
    page = page_of(client, "/indicators/" + quote("国内生产总值") + "/?region=" + quote("国务院"))
    links = set(re.findall(r'<p class="source-link"><a href="(/reports/\d+/#[^"]+)"', page))
    assert len(links) >= 5
    readers = {}
    for link in links:
        path, anchor = link.split("#")
        assert re.fullmatch(r"s[\d-]+-j\d+", anchor), link
        if path not in readers:
            readers[path] = sentence_spans(page_of(client, path))
        sentence = readers[path][anchor]
        report_id = int(path.strip("/").split("/")[1])
        # the sentence linked is one an indicator of that report was read from
        assert Indicator.objects.filter(report_id=report_id, name="国内生产总值",
                                        sentence__startswith=sentence.strip()[:15]).exists(), sentence
