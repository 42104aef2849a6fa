"""The pipeline on whole files: metadata completion, anchors, nothing lost."""
import re

import pytest

from archive.parsing.document import (
    OTHER, PREAMBLE_STYLE, WORK_REPORT, ReportMetadata, SectionNode,
)
from archive.parsing.pipeline import IncompleteMetadata, parse_report, section_anchors
from tests.documents import text_bytes


def test_jinjiang_seed_is_its_2025_report(jinjiang_bytes):
    report = parse_report(jinjiang_bytes, "jinjiang.txt")
    meta = report.metadata
    assert (meta.region, meta.year, meta.kind) == ("晋江市", 2025, WORK_REPORT)
    assert meta.delivered_on.isoformat() == "2024-12-30"
    assert "**" not in report.text
    assert "分别增长" in report.text and "文旅融合综合竞争力" in report.text


def test_no_cjk_character_of_the_seed_is_lost(jinjiang_bytes):
    source = jinjiang_bytes.decode("utf-8")
    report = parse_report(jinjiang_bytes, "jinjiang.txt")
    parts = [node.label + node.heading + node.text for node in report.flat_sections()]
    cjk = re.compile(r"[\u4e00-\u9fff]")
    assert sorted(cjk.findall(source)) == sorted(cjk.findall(report.text))
    assert sorted(cjk.findall(source)) == sorted(cjk.findall("".join(parts)))


def test_given_metadata_wins_and_file_name_supplies_the_year():
    paragraphs = ["各位代表：", "一、过去一年的工作", "经济平稳运行。", "二、今年的工作", "稳中求进。"]
    report = parse_report(text_bytes(paragraphs=paragraphs), "1998-guowuyuan.txt",
                          ReportMetadata(region="国务院"))
    assert (report.metadata.region, report.metadata.year) == ("国务院", 1998)
    assert report.metadata.kind == WORK_REPORT
    assert report.metadata.title == "政府工作报告"


def test_a_text_not_addressed_to_a_congress_is_other():
    report = parse_report(text_bytes(paragraphs=["报社评论", "经济平稳运行。"]), "note.txt",
                          ReportMetadata(region="晋江市", year=2024))
    assert report.metadata.kind == OTHER
    assert report.indicators == [] or all(f.kind for f in report.indicators)


def test_region_and_year_are_required():
    with pytest.raises(IncompleteMetadata, match="地区和年度"):
        parse_report(text_bytes(paragraphs=["各位代表：", "经济平稳运行。"]), "notes.txt")


def test_anchors_follow_the_tree_with_the_preamble_as_s0():
    roots = [
        SectionNode(heading="", level=1, style=PREAMBLE_STYLE),
        SectionNode(heading="工作回顾", level=1, label="一", style="chinese", children=[
            SectionNode(heading="稳增长", level=2, label="一", style="paren"),
            SectionNode(heading="促改革", level=2, label="二", style="paren", children=[
                SectionNode(heading="项目", level=3, label="1", style="arabic")]),
        ]),
    ]
    anchors = section_anchors(roots)
    walked = [anchors[id(node)] for root in roots for node in root.walk()]
    assert walked == ["s0", "s1", "s1-1", "s1-2", "s1-2-1"]


def test_anchors_start_at_s1_without_a_preamble():
    roots = [SectionNode(heading="工作回顾", level=1, label="一", style="chinese")]
    assert section_anchors(roots)[id(roots[0])] == "s1"


def test_newspaper_pages_do_not_take_captions_for_headings(fixture_reports):
    data = (fixture_reports / "jinjiang-2024-interpretations.txt").read_bytes()
    as_page = parse_report(data, "page.txt", ReportMetadata(region="晋江市", year=2024,
                                                            kind="interpretation"))
    as_report = parse_report(data, "page.txt", ReportMetadata(region="晋江市", year=2024,
                                                              kind="work_report"))
    # on the page only the four article headlines are headings: no kicker, deck or caption
    assert [node.heading for node in as_page.flat_sections() if node.heading] == [
        "聚焦新型工业化 加快形成新质生产力", "供需两端“齐发力”打造发展新格局",
        "优化城市平台 塑造城市气质", "晋江全年财政总收入达248亿元"]
    assert any(node.style == "plain" for node in as_report.flat_sections())


def test_newspaper_headings_do_not_place_figures():
    # jinjiang-2023-highlights.txt: the 2023 targets come out under the box title
    # 2022年，超多“国字号”荣誉！ because extraction scrambles the columns
    page = ["交出一年成绩单", "本报记者 蔡斯洵", "2023年 晋江制定什么目标？", "2022年，超多“国字号”荣誉！",
            "◎首批国家创新型县（市）", "地区生产总值增长6.5%左右，一般公共预算总收入增长7.6%。"]
    report = parse_report(text_bytes(paragraphs=page), "page.txt",
                          ReportMetadata(region="晋江市", year=2023, kind="highlights"))
    assert [node.heading for node in report.flat_sections()][-1] == "2022年，超多“国字号”荣誉！"
    assert {(fact.name, fact.kind, fact.period_year, fact.section_index)
            for fact in report.indicators} == {
        ("地区生产总值", "target", 2023, 2), ("一般公共预算总收入", "target", 2023, 2)}


def test_a_citys_report_that_names_the_nations_gdp_more_than_its_own_is_still_a_citys():
    # xuchang-2021 writes 生产总值 for its own and 国内生产总值 for the country's
    text = ("许昌市2021年政府工作报告\n\n——2021年3月23日在许昌市第七届人民代表大会第七次会议上\n\n各位代表：\n\n"
            "一、2020年工作回顾\n\n全市生产总值达到3449.2亿元、增长2.7%。国内生产总值增长2.3%，"
            "国内生产总值首次突破100万亿元，国内生产总值稳居世界第二。\n\n"
            "二、2021年工作安排\n\n今年的主要预期目标是：生产总值增长7.5%以上。")
    facts = parse_report(text.encode("utf-8"), "xuchang.txt").indicators
    assert {(fact.name, fact.kind, fact.value) for fact in facts if fact.name.endswith("生产总值")} >= {
        ("地区生产总值", "actual", 3449.2), ("地区生产总值", "actual", 2.7), ("地区生产总值", "target", 7.5)}
