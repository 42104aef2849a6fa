"""Header metadata: the seed, the national and provincial corpus, constructed headers."""
import datetime

import pytest

from archive.parsing.document import BUDGET_REPORT, WORK_REPORT, ReportMetadata
from archive.parsing.metadata import extract_metadata
from tests.parsing.test_structure import cleaned, docx_text


def test_seed_header(jinjiang_bytes):
    meta = extract_metadata(cleaned(jinjiang_bytes.decode("utf-8")))
    assert meta == ReportMetadata(
        title="政府工作报告", region="晋江市", year=2025, kind=WORK_REPORT,
        delivered_on=datetime.date(2024, 12, 30), meeting="第十八届人民代表大会第四次会议",
        speaker="王明元", office="晋江市人民政府市长")


@pytest.mark.corpus
def test_national_2024_header(national_dir):
    meta = extract_metadata(cleaned((national_dir / "2024-guowuyuan.txt").read_text()))
    assert meta == ReportMetadata(
        title="政府工作报告", region="国务院", year=2024, kind=WORK_REPORT,
        delivered_on=datetime.date(2024, 3, 5), meeting="第十四届全国人民代表大会第二次会议",
        speaker="李强", office="国务院总理")


@pytest.mark.corpus
def test_national_2025_without_header_falls_back_to_opening_and_headings(national_dir):
    meta = extract_metadata(cleaned((national_dir / "2025-guowuyuan.txt").read_text()))
    # the file opens with 各位代表： — region from 我代表国务院, year from 一、2024年工作回顾
    assert meta == ReportMetadata(region="国务院", year=2025)


@pytest.mark.corpus
def test_national_name_on_its_own_line(national_dir):
    meta = extract_metadata(cleaned((national_dir / "2017-guowuyuan.txt").read_text()))
    assert (meta.office, meta.speaker, meta.delivered_on) == (
        "国务院总理", "李克强", datetime.date(2017, 3, 5))


@pytest.mark.corpus
@pytest.mark.parametrize("name, region, office, speaker, day", [
    ("guangdong", "广东省", "广东省省长", "王伟中", 15),
    ("guangxi", "广西壮族自治区", "自治区主席", "蓝天立", 13),
    ("beijing", "北京市", "北京市市长", "殷勇", 14),
    ("sichuan", "四川省", "四川省人民政府省长", "施小琳", 20),
    ("shanghai", "上海市", "市长", "龚正", 15),
    ("hainan", "海南省", "海南省省长", "刘小明", 14),
    ("xinjiang", "新疆维吾尔自治区", "自治区主席", "艾尔肯·吐尼亚孜", 19),
    ("qinghai", "青海省", "代省长", "罗东川", 19),
])
def test_provincial_headers(provincial_dir, name, region, office, speaker, day):
    meta = extract_metadata(docx_text(provincial_dir / f"2025-{name}.docx"))
    assert (meta.region, meta.office, meta.speaker) == (region, office, speaker)
    assert (meta.year, meta.delivered_on, meta.kind) == (
        2025, datetime.date(2025, 1, day), WORK_REPORT)
    assert meta.title.endswith("政府工作报告") and "来源" not in meta.title


@pytest.mark.corpus
def test_every_provincial_header_names_its_region(provincial_dir):
    regions = dict(line.split("\t")[:2] for line in
                   (provincial_dir / "FILES.tsv").read_text(encoding="utf-8").splitlines()[1:])
    for filename, region in regions.items():
        meta = extract_metadata(docx_text(provincial_dir / filename))
        assert meta.region.startswith(region), (filename, meta.region)
        assert meta.year == 2025 and meta.speaker and meta.meeting, filename


def test_chinese_numeral_date_and_letter_spaced_title():
    meta = extract_metadata(
        "政 府 工 作 报 告\n\n——二〇二五年一月二十日在广东省第十四届人民代表大会第三次会议上\n\n"
        "广东省人民政府代省长  王伟中\n\n各位代表：\n\n一、2024年工作回顾")
    assert (meta.title, meta.delivered_on, meta.year) == (
        "政府工作报告", datetime.date(2025, 1, 20), 2025)
    assert (meta.region, meta.office, meta.speaker) == ("广东省", "广东省人民政府代省长", "王伟中")


def test_full_width_digits_and_autumn_delivery_plan_for_next_year():
    meta = extract_metadata("政府工作报告\n\n——２０２４年１２月３０日在晋江市第十八届人民代表大会"
                            "第四次会议上\n\n晋江市人民政府市长 王明元")
    assert (meta.delivered_on, meta.year) == (datetime.date(2024, 12, 30), 2025)


def test_budget_report_title():
    meta = extract_metadata("关于2023年中央和地方预算执行情况与2024年中央和地方预算草案的报告\n\n"
                            "——2024年3月5日在第十四届全国人民代表大会第二次会议上")
    assert (meta.kind, meta.region, meta.year) == (BUDGET_REPORT, "国务院", 2024)


def test_year_from_headings_only_when_unambiguous():
    assert extract_metadata("各位代表：\n\n2024年工作回顾\n\n正文。\n\n2025年工作安排").year == 2025
    assert extract_metadata("各位代表：\n\n一、2023年工作回顾\n\n二、2025年工作安排").year is None


def test_text_without_header_gives_empty_metadata():
    assert extract_metadata("") == ReportMetadata()
    assert extract_metadata("市场采购贸易稳步增长。\n\n外贸进出口增长5%。") == ReportMetadata()


# ---- the header classes of issue 11 ------------------------------------------------------

@pytest.mark.parametrize("header, expected", [
    # the speaker on the date line
    ("——2025年1月14日在河北省第十四届人民代表大会第三次会议上 河北省省长 王正谱",
     ("河北省", datetime.date(2025, 1, 14), "第十四届人民代表大会第三次会议", "河北省省长", "王正谱")),
    # 十四届 without 第
    ("——2025年3月5日在十四届全国人民代表大会第三次会议上\n\n国务院总理 李强",
     ("国务院", datetime.date(2025, 3, 5), "第十四届全国人民代表大会第三次会议", "国务院总理", "李强")),
    # the meeting line broken in two
    ("——2025年1月12日在广东省第十四届人民代表大会\n\n第三次会议上\n\n广东省省长 王伟中",
     ("广东省", datetime.date(2025, 1, 12), "第十四届人民代表大会第三次会议", "广东省省长", "王伟中")),
])
def test_header_forms(header, expected):
    meta = extract_metadata(f"政府工作报告\n\n{header}\n\n各位代表：\n\n现在，我代表省人民政府作报告。")
    assert (meta.region, meta.delivered_on, meta.meeting, meta.office, meta.speaker) == expected
    assert (meta.year, meta.kind) == (2025, WORK_REPORT)


# ---- headers of city and county reports copied from the web ------------------------------

@pytest.mark.parametrize("text, region", [
    # a county of one character: the meeting line, the office, 我代表
    ("——2022年1月27日在蠡县第十八届人民代表大会第二次会议上\n\n各位代表：", "蠡县"),
    ("易县人民政府县长 王明\n\n各位代表：", "易县"),
    ("各位代表：\n\n现在，我代表唐县人民政府向大会报告工作。", "唐县"),
    # the region only in a title line, before or after the year
    ("2022年涞源县政府工作报告\n\n——在县十七届人民代表大会第二次会议上\n\n各位代表：\n\n"
     "现在，我代表县政府向大会报告工作。", "涞源县"),
    ("合肥市2009年政府工作报告\n\n各位代表：\n\n现在，我代表市人民政府作报告。", "合肥市"),
    ("2008年长沙市人民政府工作报告\n\n各位代表：", "长沙市"),
])
def test_region_of_a_small_place(text, region):
    assert extract_metadata(text).region == region


@pytest.mark.parametrize("text", [
    "各位代表：\n\n现在，我代表全县人民政府作报告。",
    "全县政府工作报告\n\n各位代表：",
    "本县政府工作报告\n\n各位代表：",
])
def test_a_word_for_the_whole_place_is_no_region(text):
    assert extract_metadata(text).region == ""


def test_a_collectors_title_line_is_the_last_resort_for_the_title():
    labelled = "---\n\nsource: https://example.gov.cn/1.html title: 合肥市2009年政府工作报告\n\n---\n\n各位代表："
    assert extract_metadata(labelled).title == "合肥市2009年政府工作报告"
    own_title = ("---\n\nsource: https://example.gov.cn/1.html title: 2008年政府工作报告\n\n---\n\n"
                 "2008年长沙市人民政府工作报告\n\n各位代表：")
    assert extract_metadata(own_title).title == "2008年长沙市人民政府工作报告"
    assert extract_metadata("标题：2022年河北省政府工作报告\n\n各位代表：").title == "2022年河北省政府工作报告"


def test_a_web_pages_menus_before_the_header():
    menus = "\n\n".join(["当前位置：", "首页", ">", "政务信息", ">", "要闻", "发表时间：",
                         "2026-02-09 09:45:30", "来源：", "日报客户端", "阅读量：", "【字体：",
                         "小", "中", "大", "】", "政府工作报告"])
    meta = extract_metadata(f"{menus}\n\n——2026年2月3日在宁夏回族自治区第十三届人民代表大会第四次会议上"
                            "\n\n自治区人民政府主席 张雨浦\n\n各位代表：\n\n现在，我代表自治区人民政府作报告。")
    assert (meta.region, meta.year, meta.delivered_on, meta.speaker) == (
        "宁夏回族自治区", 2026, datetime.date(2026, 2, 3), "张雨浦")
