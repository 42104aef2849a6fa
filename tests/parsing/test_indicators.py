"""Indicator facts: kind and period, names, values, on strings, the seed and the corpus.

The tables of expected values were written by reading each report's sentence.
"""
import re

import pytest

from archive.parsing.document import ACTUAL, GROWTH, LEVEL, TARGET, SectionNode
from archive.parsing.indicators import extract_from_text, extract_indicators

FULL_WIDTH = str.maketrans("０１２３４５６７８９％．", "0123456789%.")
HEADINGS = [  # (pattern, level, style) of the headings the local splitter knows
    (re.compile(r"([一二三四五六七八九十]{1,3})\s*、\s*(.+)"), 1, "chinese"),
    (re.compile(r"[（(]([一二三四五六七八九十]{1,3})[）)]\s*(.+)"), 2, "paren"),
]


def paragraphs(raw: str) -> list[str]:
    """A small stand-in for cleaning: ASCII digits, no ** or 1 9 9 8 spacing, page breaks joined."""
    text = re.sub(r"(?<=\d) (?=[\d%.年])", "", raw.translate(FULL_WIDTH).replace("**", ""))
    joined: list[str] = []
    for line in filter(None, (line.strip() for line in text.splitlines())):
        if joined and len(joined[-1]) > 60 and joined[-1][-1] not in "。！？；：”":
            joined[-1] += line          # 分 / 别增长: a paragraph split by a page break
        else:
            joined.append(line)
    return joined


def sections(paras: list[str]) -> list[SectionNode]:
    """A small stand-in for structure: short 一、 and （一） lines open sections."""
    nodes = [SectionNode(heading="", level=1, style="preamble")]
    for para in paras:
        for pattern, level, style in HEADINGS:
            match = pattern.fullmatch(para)
            if match and len(para) <= 40:
                nodes.append(SectionNode(heading=match.group(2), level=level,
                                         label=match.group(1), style=style))
                break
        else:
            nodes[-1].text += ("\n\n" if nodes[-1].text else "") + para
    return nodes


def summary(facts, name=None, kind=None, measure=None):
    return [(f.value, f.value_high, f.unit, f.qualifier) for f in facts
            if (name is None or f.name == name) and (kind is None or f.kind == kind)
            and (measure is None or f.measure == measure)]


# ---- strings -------------------------------------------------------------------------

@pytest.mark.parametrize("written, expected", [
    ("6%－6.5%", (6, 6.5, "range")),
    ("6%-6.5%", (6, 6.5, "range")),
    ("4.5%—5%", (4.5, 5, "range")),
    ("6-6.5%", (6, 6.5, "range")),
    ("6.5%到7%", (6.5, 7, "range")),
    ("百分之八至九", (8, 9, "range")),
    ("百分之十三点四", (13.4, None, "")),
    ("７．５％左右", (7.5, None, "左右")),
    ("7%以上", (7, None, "以上")),
    ("超10%", (10, None, "超过")),
    ("约6%", (6, None, "左右")),
])
def test_growth_values_ranges_and_qualifiers(written, expected):
    facts = extract_from_text(f"今年地区生产总值增长{written}。", 2025)
    assert [(f.value, f.value_high, f.qualifier) for f in facts] == [expected]
    assert (facts[0].name, facts[0].measure, facts[0].unit) == ("地区生产总值", GROWTH, "%")
    assert (facts[0].kind, facts[0].period_year) == (TARGET, 2025)


def test_sentence_is_kept_as_written_and_located():
    section = SectionNode(heading="二、今年的工作", level=1, style="chinese",
                          text="稳中求进。今年国内生产总值增长百分之十三点四，力争更好结果。")
    fact, = extract_indicators([SectionNode(heading="", level=1, style="preamble"), section], 1994)
    assert fact.sentence == "今年国内生产总值增长百分之十三点四，力争更好结果。"
    assert fact.section_index == 1 and fact.value == 13.4


def test_levels_with_units_and_qualifiers():
    text = ("今年城镇新增就业1200万人以上，城镇调查失业率5.5%左右，粮食产量1.3万亿斤以上；"
            "一般公共预算总收入263亿元。")
    facts = extract_from_text(text, 2025)
    assert [(f.name, f.measure, f.value, f.unit, f.qualifier) for f in facts] == [
        ("城镇新增就业", LEVEL, 1200, "万人", "以上"),
        ("城镇调查失业率", LEVEL, 5.5, "%", "左右"),
        ("粮食产量", LEVEL, 1.3, "万亿斤", "以上"),
        ("一般公共预算总收入", LEVEL, 263, "亿元", ""),
    ]
    assert {f.kind for f in facts} == {TARGET}   # the ；-piece continues the 今年 sentence


def test_enumerations_keep_known_names_in_order():
    facts = extract_from_text("2024年规上工业增加值、限上批零销售额、固定资产投资分别增长10.5%、17%、10%。", 2025)
    assert [(f.name, f.value, f.kind, f.period_year) for f in facts] == [
        ("规上工业增加值", 10.5, ACTUAL, 2024), ("固定资产投资", 10, ACTUAL, 2024)]
    assert extract_from_text("2024年甲、规上工业增加值分别增长1%、2%、3%。", 2025) == []


def test_urban_and_rural_incomes():
    both = extract_from_text("今年城乡居民人均可支配收入分别增长5%、6%。", 2025)
    shared = extract_from_text("今年城镇、农村居民人均可支配收入分别增长5%、6.5%左右。", 2025)
    for facts in (both, shared):
        assert [(f.name, f.value) for f in facts] == [
            ("城镇居民人均可支配收入", 5), ("农村居民人均可支配收入", 6.5 if facts is shared else 6)]


def test_declines_are_negative_growth():
    fact, = extract_from_text("今年单位地区生产总值能耗下降2.5%左右。", 2025)
    assert (fact.measure, fact.value, fact.qualifier) == (GROWTH, -2.5, "左右")


@pytest.mark.parametrize("text", [
    "今年我们将继续深化改革，扩大开放，保障和改善民生。",
    "预计地区生产总值增长7%以上。",                       # 预计 with no heading decides nothing
    "五年来国内生产总值年均增长6.5%，到2027年研发投入强度达到3%。",
    "今年数字经济增长18%，人均地区生产总值突破10万元，生产总值超200亿元县达26个。",
    "今年研发投入占地区生产总值比重提高0.1个百分点，粮食产量增加100亿斤。",
])
def test_no_fact_where_none_is_stated(text):
    assert extract_from_text(text, 2025) == []


def test_a_report_of_actuals_only_yields_no_target():
    facts = extract_from_text("2024年，地区生产总值增长5.2%，社会消费品零售总额增长3.5%。", 2025)
    assert summary(facts, kind=TARGET) == [] and len(summary(facts, kind=ACTUAL)) == 2


def test_a_report_delivered_before_its_year_says_mingnian():
    facts = extract_from_text("今年地区生产总值增长7%。明年地区生产总值增长6%左右。明年要稳中求进。", 2025)
    assert [(f.kind, f.period_year, f.value) for f in facts] == [(ACTUAL, 2024, 7), (TARGET, 2025, 6)]


def test_headings_place_sentences_in_the_review_or_the_plan():
    def node(heading, text, level=1, style="chinese"):
        return SectionNode(heading=heading, level=level, style=style, text=text)

    report = [
        node("2024年工作回顾", "预计地区生产总值增长5.5%。"),
        node("锚定目标攻坚，经济发展逆势而上", "规上工业增加值增长9%。", 2, "paren"),
        node("2025年工作安排", "地区生产总值增长5%左右。"),
        node("扩大有效投资", "固定资产投资增长6%。", 2, "paren"),
        node("建设人民满意政府", "社会消费品零售总额增长5%。"),
        node("名词解释", "城镇调查失业率5%。", 1, "glossary"),
    ]
    facts = extract_indicators(report, 2025)
    assert [(f.name, f.kind, f.period_year, f.section_index) for f in facts] == [
        ("地区生产总值", ACTUAL, 2024, 0), ("规上工业增加值", ACTUAL, 2024, 1),
        ("地区生产总值", TARGET, 2025, 2), ("固定资产投资", TARGET, 2025, 3),
        ("社会消费品零售总额", TARGET, 2025, 4)]


# ---- the Jinjiang seed ---------------------------------------------------------------

def test_jinjiang_seed_review_and_targets(jinjiang_bytes):
    nodes = sections(paragraphs(jinjiang_bytes.decode("utf-8")))
    facts = extract_indicators(nodes, 2025)
    actual = {(f.name, f.measure): (f.value, f.qualifier) for f in facts
              if (f.kind, f.period_year) == (ACTUAL, 2024)}
    assert actual[("地区生产总值", GROWTH)] == (7, "以上")
    assert actual[("地区生产总值", LEVEL)] == (3500, "超过")   # 站上3500亿元新台阶
    assert actual[("一般公共预算总收入", GROWTH)] == (1.7, "")
    assert actual[("城乡居民人均可支配收入", GROWTH)] == (5.5, "")
    assert actual[("规上工业增加值", GROWTH)] == (10.5, "")
    assert actual[("固定资产投资", GROWTH)] == (10, "")
    assert actual[("社会消费品零售总额", GROWTH)] == (5.5, "")
    targets = [(f.name, f.value, f.qualifier) for f in facts
               if (f.kind, f.period_year, f.measure) == (TARGET, 2025, GROWTH)]
    assert targets == [("地区生产总值", 6, "左右"), ("一般公共预算总收入", 3, ""),
                       ("规上工业增加值", 7.5, ""), ("固定资产投资", 7.5, ""),
                       ("城乡居民人均可支配收入", 6.5, "")]
    gdp_target, = [f for f in facts if f.kind == TARGET and f.name == "地区生产总值"]
    assert gdp_target.sentence.startswith("经济社会发展主要预期目标是：地区生产总值增长 6%左右")
    assert nodes[gdp_target.section_index].heading == "2025年主要工作安排"
    assert all(f.period_year in (2024, 2025) for f in facts)


# ---- the State Council's reports -------------------------------------------------------

# The 国内生产总值 growth target as each report states it: (value, upper end, qualifier);
# None where the report states none for its year (1993 states a GNP target, 2001 only
# the Tenth Five-Year Plan's yearly average, 2000 and 2002 no figure).
NATIONAL_GDP_TARGETS = {
    1993: None, 1994: (9, None, ""), 1995: (8, 9, "range"), 1997: (8, None, ""),
    1998: (8, None, ""), 1999: (7, None, "左右"), 2000: None, 2001: None, 2002: None,
    2003: (7, None, "左右"), 2004: (7, None, "左右"), 2005: (8, None, "左右"),
    2006: (8, None, "左右"), 2007: (8, None, "左右"), 2008: (8, None, "左右"),
    2009: (8, None, "左右"), 2010: (8, None, "左右"), 2011: (8, None, "左右"),
    2012: (7.5, None, ""), 2013: (7.5, None, "左右"), 2014: (7.5, None, "左右"),
    2015: (7, None, "左右"), 2016: (6.5, 7, "range"), 2017: (6.5, None, "左右"),
    2018: (6.5, None, "左右"), 2019: (6, 6.5, "range"), 2021: (6, None, "以上"),
    2022: (5.5, None, "左右"), 2023: (5, None, "左右"), 2024: (5, None, "左右"),
    2025: (5, None, "左右"),
}
NATIONAL_GDP_ACTUALS = {2011: 10.3, 2013: 7.8, 2021: 2.3, 2024: 5.2, 2025: 5}   # of year − 1


def national_facts(national_dir, year):
    raw = (national_dir / f"{year}-guowuyuan.txt").read_text(encoding="utf-8")
    return extract_indicators(sections(paragraphs(raw)), year)


@pytest.mark.corpus
def test_national_gdp_targets_1993_to_2025(national_dir):
    years = {int(path.name[:4]) for path in national_dir.glob("*-guowuyuan.txt")}
    assert set(NATIONAL_GDP_TARGETS) == {year for year in years if 1993 <= year <= 2025}
    found = {}
    for year in sorted(NATIONAL_GDP_TARGETS):
        facts = national_facts(national_dir, year)
        found[year] = [(f.value, f.value_high, f.qualifier) for f in facts
                       if (f.name, f.measure, f.kind) == ("国内生产总值", GROWTH, TARGET)]
        assert all(f.period_year == year for f in facts if f.kind == TARGET)
    expected = {year: [value] if value else [] for year, value in NATIONAL_GDP_TARGETS.items()}
    assert found == expected


@pytest.mark.corpus
def test_national_gnp_and_past_year_gdp(national_dir):
    gnp = [f for f in national_facts(national_dir, 1993) if f.name == "国民生产总值"]
    # 这里要特别指出，刚刚过去的1992年，…国民生产总值比上年增长百分之十二点八
    assert [(f.kind, f.value) for f in gnp] == [(ACTUAL, 12.8), (TARGET, 8)]
    for year, value in NATIONAL_GDP_ACTUALS.items():
        facts = national_facts(national_dir, year)
        assert summary([f for f in facts if f.period_year == year - 1], "国内生产总值", ACTUAL,
                       GROWTH) == [(value, None, "%", "")], year


# ---- the provinces' 2025 reports -------------------------------------------------------

PROVINCIAL_GDP_TARGETS = {
    "anhui": (5.5, None, "以上"), "beijing": (5, None, "左右"), "chongqing": (6, None, "左右"),
    "fujian": (5, 5.5, "range"), "gansu": (5.5, None, "左右"), "guangdong": (5, None, "左右"),
    "guangxi": (5, None, "左右"), "guizhou": (5.5, None, "左右"), "hainan": (6, None, "以上"),
    "hebei": (5, None, "以上"), "heilongjiang": (5, None, "左右"), "henan": (5.5, None, "左右"),
    "hubei": (6, None, "左右"), "hunan": (5.5, None, "左右"), "jiangsu": (5, None, "以上"),
    "jiangxi": (5, None, "左右"), "jilin": (5.5, None, "左右"), "liaoning": (5, None, "以上"),
    "neimenggu": (6, None, "左右"), "ningxia": (5.5, None, "左右"), "qinghai": (4.5, None, "左右"),
    "shaanxi": (5, None, "左右"), "shandong": (5, None, "以上"), "shanghai": (5, None, "左右"),
    "shanxi": (5, None, "左右"), "sichuan": (5.5, None, "以上"), "tianjin": (5, None, "左右"),
    "xinjiang": (6, None, "左右"), "xizang": (7, None, "以上"), "yunnan": (5, None, "左右"),
    "zhejiang": (5.5, None, "左右"),
}


@pytest.mark.corpus
def test_provincial_gdp_targets_2025(provincial_dir):
    docx = pytest.importorskip("docx")
    found = {}
    for path in sorted(provincial_dir.glob("2025-*.docx")):
        raw = "\n".join(paragraph.text for paragraph in docx.Document(path).paragraphs)
        facts = extract_indicators(sections(paragraphs(raw)), 2025)
        gdp = [f for f in facts if (f.name, f.measure) == ("地区生产总值", GROWTH)]
        assert all(0 < f.value <= 15 for f in gdp), path.name
        assert all(abs(f.value) <= 30 for f in facts if f.kind == TARGET and f.unit == "%")
        found[path.stem[5:]] = [(f.value, f.value_high, f.qualifier) for f in gdp if f.kind == TARGET]
    assert found == {region: [value] for region, value in PROVINCIAL_GDP_TARGETS.items()}
