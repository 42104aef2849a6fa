"""The classes of real text of issue 11, each on sentences from the corpus (the file named
beside each) or, where it has none, short sentences written in the same style."""
import pytest

from archive.parsing.document import (
    ACTUAL, GROWTH, HIGHLIGHTS, INTERPRETATION, LEVEL, TARGET, ReportMetadata, SectionNode,
)
from archive.parsing.indicators import extract_from_text, extract_indicators
from archive.parsing.pipeline import parse_report
from tests.conftest import FIXTURE_REPORTS


def facts_of(text, year, **options):
    return [(f.name, f.measure, f.kind, f.period_year, f.value, f.unit, f.qualifier)
            for f in extract_from_text(text, year, **options)]


def part(heading, text, level=1, style="chinese"):
    return SectionNode(heading=heading, level=level, style=style, text=text)


def kinds(facts):
    return [(f.name, f.kind, f.period_year, f.value) for f in facts]


# ---- periods: parts on several periods, year openers, targets that mention the past ----

def test_a_review_part_on_the_year_and_the_plan_period():
    report = [
        part("2025年和“十四五”时期工作回顾",
             "全省地区生产总值增长5.2%。“十四五”时期地区生产总值增长28%，年均增长5.1%。"),
        part("“十五五”时期目标任务和2026年工作安排", "全省地区生产总值增长5%左右。"),
    ]
    assert kinds(extract_indicators(report, 2026)) == [
        ("地区生产总值", ACTUAL, 2025, 5.2), ("地区生产总值", TARGET, 2026, 5)]


def test_a_review_of_five_years_gives_only_the_level_reached():
    # 2018-guowuyuan.txt, under 过去五年工作回顾
    report = [part("过去五年工作回顾",
                   "国内生产总值从54万亿元增加到82.7万亿元，年均增长7.1%。"
                   "城镇新增就业6600万人以上。")]
    assert kinds(extract_indicators(report, 2018)) == [("国内生产总值", ACTUAL, 2017, 82.7)]


def test_five_year_items_of_a_review_of_five_years_give_the_levels_reached():
    # 2003-guowuyuan.txt: 一、过去五年政府工作的回顾, its unnumbered items 五年来，…
    report = [part("过去五年政府工作的回顾", "第九届全国人民代表大会第一次会议以来的五年，是很不平凡的五年。"),
              part("五年来，国民经济保持良好发展势头，经济结构战略性调整迈出重要步伐",
                   "经济持续较快增长。国内生产总值从1997年的7.4万亿元增加到2002年的10.2万亿元，"
                   "按可比价格计算，平均每年增长7.7%。", 2, "plain")]
    assert kinds(extract_indicators(report, 2003)) == [("国内生产总值", ACTUAL, 2002, 10.2)]


def test_an_item_after_an_item_that_set_its_time_is_not_the_plan():
    # 1998-guowuyuan.txt: a neutral part after the review is the plan, a neutral item is not
    report = [part("关于过去五年的政府工作", "第八届全国人民代表大会第一次会议以来的五年，我国各族人民"
                                           "在中国共产党领导下，解放思想，开拓进取。"),
              part("过去的五年，经济发展保持良好势头，国家经济实力显著增强",
                   "1997年国内生产总值达到74772亿元，按可比价格计算，平均每年增长11%。", 2, "plain"),
              part("对外开放继续扩大，形成了全方位、多层次、宽领域的开放格局",
                   "五年来，我国年进出口总额由1655亿美元增加到3251亿美元。", 2, "plain"),
              part("进一步稳定和加强农业", "国内生产总值增长8%。")]
    assert kinds(extract_indicators(report, 1998)) == [
        ("国内生产总值", ACTUAL, 1997, 74772), ("进出口总额", ACTUAL, 1997, 3251),
        ("国内生产总值", TARGET, 1998, 8)]


@pytest.mark.parametrize("text, year", [
    ("刚刚过去的2017年，经济社会发展主要目标任务全面完成并好于预期。国内生产总值增长6.9%，"
     "居民收入增长7.3%，增速均比上年有所加快；", 2018),                        # 2018-guowuyuan.txt
    ("2025年是极不平凡的一年。全市地区生产总值增长5.2%。", 2026),
    ("一年来，全市地区生产总值增长6.2%。", 2025),
    ("过去一年，全省地区生产总值增长5.8%。", 2025),
    ("在１９９２年快速增长的基础上，１９９３年我国经济继续蓬勃发展。"
     "国内生产总值突破３万亿元大关，比上年增长百分之十三点四。", 1994),     # 1994-guowuyuan.txt
    ("这里要特别指出，刚刚过去的1992年，我国改革开放和现代化建设进入了新阶段。"
     "国民经济实现了快速增长，国民生产总值比上年增长百分之十二点八。", 1993),  # 1993-guowuyuan.txt
])
def test_year_openers_place_what_follows_in_the_reviewed_year(text, year):
    facts = extract_from_text(text, year)
    assert facts and {(f.kind, f.period_year) for f in facts} == {(ACTUAL, year - 1)}
    assert [f.value for f in facts if f.measure == GROWTH][0] in (6.9, 5.2, 6.2, 5.8, 13.4, 12.8)


def test_a_part_without_a_telling_heading_is_placed_by_its_opening():
    # 2025-fujian.docx: 一、牢记殷殷嘱托… opens on 2024年是…, its items hold no year
    report = [
        part("牢记殷殷嘱托，在接续奋斗中新福建建设取得新成效",
             "2024年是中华人民共和国成立75周年，也是福建发展历程中具有里程碑意义的一年。"),
        part("办好民生实事，人民群众生活品质稳步改善提高", "城镇新增就业53.1万人。", 2, "paren"),
        part("牢记历史使命，在中国式现代化建设中奋勇争先", "福建是重要孕育地和实践地。"),
        part("全力促进就业增收", "城镇新增就业50万人、失业人员实现再就业10万人。", 2, "paren"),
    ]
    assert kinds(extract_indicators(report, 2025)) == [
        ("城镇新增就业", ACTUAL, 2024, 53.1), ("城镇新增就业", TARGET, 2025, 50)]


def test_a_list_of_targets_that_mentions_the_past_stays_targets():
    facts = extract_from_text("今年粮食产量1.3万亿斤以上、力争比上年有所增长，"
                              "城镇新增就业1200万人以上。", 2025)
    assert {(f.kind, f.period_year) for f in facts} == {(TARGET, 2025)} and len(facts) == 2


def test_a_target_explained_after_a_word_on_last_year_stays_a_target():
    # 2013-guowuyuan.txt, under 今年经济社会发展的总体要求、主要预期目标和宏观经济政策
    report = [part("今年经济社会发展的总体要求、主要预期目标和宏观经济政策",
                   "关于物价总水平。去年居民消费价格涨幅回落到2.6%，这是一个重要成果。"
                   "去年价格上涨的翘尾影响约有1个百分点。"
                   "把居民消费价格涨幅控制在3.5%左右，是充分考虑各方面因素后作出的选择。")]
    assert kinds(extract_indicators(report, 2013)) == [
        ("居民消费价格涨幅", ACTUAL, 2012, 2.6), ("居民消费价格涨幅", TARGET, 2013, 3.5)]


def test_a_review_item_whose_heading_holds_a_plan_word_stays_review():
    report = [part("2024年工作回顾", ""),
              part("圆满完成重大活动服务保障任务", "全市地区生产总值增长5.5%。", 2, "paren")]
    assert kinds(extract_indicators(report, 2025)) == [("地区生产总值", ACTUAL, 2024, 5.5)]


def test_a_part_on_both_years_is_read_by_its_wording():
    # 1999-guowuyuan.txt: 一、1998年工作回顾和1999年工作的总体要求
    report = [part("1998年工作回顾和1999年工作的总体要求",
                   "国内生产总值比上年增长7.8％，虽然略低于8％的预定目标，但这是在抵御亚洲金融危机的"
                   "冲击和战胜国内特大洪涝灾害的情况下取得的，来之不易。"
                   "国内生产总值计划增长7%左右。")]
    assert kinds(extract_indicators(report, 1999)) == [
        ("国内生产总值", ACTUAL, 1998, 7.8), ("国内生产总值", TARGET, 1999, 7)]


# ---- not the figure of the whole place for the year ------------------------------------

@pytest.mark.parametrize("text, year", [
    ("去年对共建“一带一路”国家进出口额增长27.7%、占比77%。", 2025),        # 2025-gansu.docx
    ("去年全省机电产品出口增长12%，规上工业增加值增长6%。", 2025),
    ("东莞长安成为全省第3个地区生产总值超千亿元镇。", 2025),                 # 2025-guangdong.docx
    ("五年来，全省地区生产总值年均增长6%，五年累计城镇新增就业300万人。", 2025),
    ("今后五年每年城镇新增就业60万人以上。", 2025),
    ("这两年中，社会商品零售总额增长百分之十六，进出口总额增长百分之五十三点七。", 1979),  # 1979
    ("2005年与2000年相比，国内生产总值增长57.3%，年均增长9.5%；", 2006),    # 2006-guowuyuan.txt
    ("城镇居民人均可支配收入和农村居民人均纯收入年均分别实际增长9.7%和8.9%；", 2011),  # 2011
    ("农业生产的任务是很紧张的，以一九五四年为基数，粮食产量要增长百分之十三点七。", 1955),
    ("接照十年规划，到一九八五年，粮食产量达到八千亿斤。", 1978),          # 1978-guowuyuan.txt
    ("提出居民消费价格涨幅3%左右，综合考虑了去年价格变动的翘尾因素。", 2010),  # 2010: a target explained
    ("今年对外贸易，进出口总额559亿元，比1980年预计增加42亿元。", 1980),      # 1980: 1981's plan
    ("去年脱贫地区农村居民人均可支配收入增长6.8%。", 2025),                  # 2025-sichuan.docx
    ("去年民族地区、革命老区农村居民人均可支配收入分别增长7%、6.9%。", 2025),
    ("去年东部沿海地区生产总值增长5.5%。", 2025),
])
def test_no_fact_for_a_part_several_years_or_another_year(text, year):
    assert [f for f in extract_from_text(text, year)
            if f.name not in ("规上工业增加值",)] == []


def test_a_five_year_paragraph_frames_its_sentences():
    # 2016-guowuyuan.txt: 过去五年，… 城镇新增就业人数超过6400万人 (a sum, not 2015's)
    report = [part("2015年工作回顾", "2015年是“十二五”收官之年。过去五年，我国发展成就举世瞩目。"
                                     "城镇新增就业人数超过6400万人。")]
    assert extract_indicators(report, 2016) == []


# ---- wordings ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, year, expected", [
    ("城镇调查失业率平均为5.2%。", 2024, ("城镇调查失业率", LEVEL, 5.2, "%", "")),  # 2024
    ("城镇调查失业率平均值5.2%。", 2025, ("城镇调查失业率", LEVEL, 5.2, "%", "")),  # anhui
    ("全年城镇调查失业率均值5.1%。", 2025, ("城镇调查失业率", LEVEL, 5.1, "%", "")),
    ("粮食生产再获丰收，总产达到557亿斤。", 2025, ("粮食产量", LEVEL, 557, "亿斤", "")),  # hubei
    ("粮食面积、总产、单产实现“两增一稳”，总产762亿斤。", 2025,
     ("粮食产量", LEVEL, 762, "亿斤", "")),                                          # jiangsu
    ("粮食总产量再上新台阶，突破1600亿斤。", 2025, ("粮食产量", LEVEL, 1600, "亿斤", "超过")),
    ("外贸出口增长7.8％。", 2025, ("出口总额", GROWTH, 7.8, "%", "")),                # tianjin
    ("货物贸易增长20%。", 2025, ("进出口总额", GROWTH, 20, "%", "")),                  # hainan
    ("粮食产量首次跃上1.4万亿斤新台阶。", 2025, ("粮食产量", LEVEL, 1.4, "万亿斤", "超过")),
    ("粮食产量达到四亿零七百多万吨。", 1985, ("粮食产量", LEVEL, 40700, "万吨", "超过")),  # 1985
    ("城镇新增就业一千二百万人。", 2025, ("城镇新增就业", LEVEL, 1200, "万人", "")),
    ("全省地区生产总值增速达到5.5%。", 2025, ("地区生产总值", GROWTH, 5.5, "%", "")),
    ("全省经济增速为5.5%。", 2025, ("地区生产总值", GROWTH, 5.5, "%", "")),
    ("实现地区生产总值（GDP）1.5万亿元。", 2025, ("地区生产总值", LEVEL, 1.5, "万亿元", "")),
    ("城镇居民人均可支配收入，考虑价格下降因素比上年实际增长９．３％；", 2000,
     ("城镇居民人均可支配收入", GROWTH, 9.3, "%", "")),                             # 2000
    ("全国居民人均可支配收入实际增长7.4%，快于经济增速。", 2016,
     ("城乡居民人均可支配收入", GROWTH, 7.4, "%", "")),                              # 2016
    ("推动外贸扩大规模、优化结构，出口总值增长6.3%。", 2025,
     ("出口总额", GROWTH, 6.3, "%", "")),                                           # hebei
    ("北京地区进出口总额超3.6万亿元。", 2025, ("进出口总额", LEVEL, 3.6, "万亿元", "超过")),
    ("公共财政收入11.7万亿元。", 2013, ("一般公共预算收入", LEVEL, 11.7, "万亿元", "")),  # 2013
])
def test_actual_wordings(text, year, expected):
    facts = extract_from_text(f"去年{text}" if year > 2000 else f"{year - 1}年，{text}", year,
                              national=year < 2020 or None)
    assert [(f.name, f.measure, f.value, f.unit, f.qualifier) for f in facts] == [expected]
    assert (facts[0].kind, facts[0].period_year) == (ACTUAL, year - 1)


def test_level_and_growth_in_one_sentence():
    # 1995-guowuyuan.txt
    facts = facts_of("1994年，国内生产总值达到４３８００亿元，按可比价格计算，比上年增长百分之十一点八。",
                     1995)
    assert facts == [("国内生产总值", LEVEL, ACTUAL, 1994, 43800, "亿元", ""),
                     ("国内生产总值", GROWTH, ACTUAL, 1994, 11.8, "%", "")]


def test_exports_of_goods_are_exports_not_trade():
    # 2025-zhejiang.docx
    facts = facts_of("去年货物贸易出口达3.9万亿元、增长9.5%，占全国份额提高到15.3%。", 2025)
    assert facts == [("出口总额", LEVEL, ACTUAL, 2024, 3.9, "万亿元", ""),
                     ("出口总额", GROWTH, ACTUAL, 2024, 9.5, "%", "")]


def test_older_names_of_rural_and_urban_income():
    # 1985-guowuyuan.txt; 2003-guowuyuan.txt (城镇居民家庭…, 农村居民家庭…)
    facts = facts_of("1984年，农民的纯收入，全国平均每人达到三百五十五元，比上年增长１４．７％。", 1985)
    assert facts == [("农村居民人均纯收入", LEVEL, ACTUAL, 1984, 355, "元", ""),
                     ("农村居民人均纯收入", GROWTH, ACTUAL, 1984, 14.7, "%", "")]
    facts = facts_of("2002年，农村居民家庭人均纯收入2476元，城镇居民家庭人均可支配收入7703元。", 2003)
    assert [fact[0] for fact in facts] == ["农村居民人均纯收入", "城镇居民人均可支配收入"]


def test_a_level_reached_from_an_earlier_year():
    # 2003-guowuyuan.txt, under 过去五年政府工作的回顾
    report = [part("过去五年政府工作的回顾",
                   "国内生产总值从1997年的7.4万亿元增加到2002年的10.2万亿元，按可比价格计算，"
                   "平均每年增长7.7%。城镇居民家庭人均可支配收入，由1997年的5160元增加到2002年的"
                   "7703元，平均每年实际增长8.6%。公路通车里程由1997年的123万公里增加到2002年的176万公里。")]
    assert kinds(extract_indicators(report, 2003)) == [
        ("国内生产总值", ACTUAL, 2002, 10.2), ("城镇居民人均可支配收入", ACTUAL, 2002, 7703)]
    # the level of a year other than the reviewed one is not the reviewed year's
    assert facts_of("过去五年，国内生产总值从2015年的68.9万亿元增加到2019年的99万亿元。", 2021) == []
    assert facts_of("去年国内生产总值从68.9万亿元增加到2019年的99万亿元。", 2021) == []


@pytest.mark.parametrize("text, year, expected", [
    # 2007-guowuyuan.txt
    ("2006年，城镇居民人均可支配收入11759元，农村居民人均纯收入3587元，扣除价格因素，"
     "分别比上年实际增长10.4%和7.4%。", 2007, [11759, 3587, 10.4, 7.4]),
    # 2009-guowuyuan.txt
    ("2008年，城镇居民人均可支配收入15781元，农村居民人均纯收入4761元，实际增长8.4%和8%。",
     2009, [15781, 4761, 8.4, 8]),
])
def test_levels_then_their_changes_in_one_clause(text, year, expected):
    facts = facts_of(text, year)
    assert sorted(facts, key=lambda fact: fact[1] == GROWTH) == [
        (name, measure, ACTUAL, year - 1, value, unit, "")
        for (name, measure, unit), value in zip(
            [("城镇居民人均可支配收入", LEVEL, "元"), ("农村居民人均纯收入", LEVEL, "元"),
             ("城镇居民人均可支配收入", GROWTH, "%"), ("农村居民人均纯收入", GROWTH, "%")], expected)]


def test_an_enumeration_without_fenbie():
    # 2012-guowuyuan.txt: 甲和乙实际增长8.4%和11.4% pairs them as 分别 would
    facts = facts_of("2011年，城镇新增就业1221万人，城镇居民人均可支配收入和农村居民人均纯收入"
                     "实际增长8.4%和11.4%。", 2012)
    assert [(fact[0], fact[4]) for fact in facts] == [
        ("城镇新增就业", 1221), ("城镇居民人均可支配收入", 8.4), ("农村居民人均纯收入", 11.4)]
    # an item that names no known figure: no pairing can be trusted without 分别
    assert facts_of("2011年，城镇居民人均可支配收入和外汇储备增长8.4%和11.4%。", 2012) == []


def test_levels_then_changes_of_the_same_names_each():
    facts = facts_of("去年城乡居民人均可支配收入分别达到45000元和21000元，分别增长4.5%和6.5%。", 2025)
    assert [(fact[0][:2], fact[1], fact[4]) for fact in facts] == [
        ("城镇", LEVEL, 45000), ("农村", LEVEL, 21000), ("城镇", GROWTH, 4.5), ("农村", GROWTH, 6.5)]


def test_changes_listed_after_one_level_give_nothing():
    # 增长8.4%和8% after one name: two changes, one name; neither is its growth
    assert facts_of("2008年，农村居民人均纯收入4761元，增长8.4%和8%。", 2009) == [
        ("农村居民人均纯收入", LEVEL, ACTUAL, 2008, 4761, "元", "")]


def test_the_total_in_the_next_clause_is_the_names_level():
    # 2025-hubei.docx
    facts = facts_of("2024年，地区生产总值增长5.8％、增速全国第3，总量达到60013亿元；"
                     "规上工业增加值增长7.7%，人口总量达到5800万人。", 2025)
    assert facts == [("地区生产总值", GROWTH, ACTUAL, 2024, 5.8, "%", ""),
                     ("地区生产总值", LEVEL, ACTUAL, 2024, 60013, "亿元", ""),
                     ("规上工业增加值", GROWTH, ACTUAL, 2024, 7.7, "%", "")]
    assert len(facts_of("2024年，地区生产总值增长5.8%，总量大幅提升。", 2025)) == 1


def test_the_year_after_its_quarters_is_the_economys():
    # 2025-hunan.docx: the GDP named only by its quarters
    report = [part("2024年工作回顾",
                   "——经济发展贡献新担当。顶住经济下行压力，实现三季度增长4.6%、追平全国，四季度增长5.6%、"
                   "高于全国0.2个百分点，全年增长4.8%、总量达5.3万亿元；粮食总产达615.6亿斤。"
                   "规上工业增加值一季度增长8%，全年增长7%。")]
    assert kinds(extract_indicators(report, 2025)) == [
        ("地区生产总值", ACTUAL, 2024, 4.8), ("地区生产总值", ACTUAL, 2024, 5.3),
        ("粮食产量", ACTUAL, 2024, 615.6)]


@pytest.mark.parametrize("text, level, growth", [
    # 1997-guowuyuan.txt: 多 after digits is "more than", as in words
    ("国内生产总值达到６７７００多亿元，按可比价格计算，比上年增长９．７％。", (67700, "超过"), 9.7),
    ("农村居民人均纯收入达到1900多元，实际增长9%，是近年来增幅最高的一年。", (1900, "超过"), 9),
    # 1995-guowuyuan.txt
    ("农村居民人均纯收入达到1220元，扣除物价因素比上年增长百分之五；", (1220, ""), 5),
])
def test_a_level_then_its_real_growth(text, level, growth):
    year = 1997 if "多" in text else 1995
    facts = facts_of(f"{year - 1}年，{text}", year, national=True)
    assert [(fact[1], fact[4], fact[6]) for fact in facts] == [
        (LEVEL, level[0], level[1]), (GROWTH, growth, "")]


def test_a_level_with_a_note_then_its_growth():
    # seed 003: 全年一般公共预算总收入完成248亿元（预计数，下同），同比增长 7.4%
    facts = facts_of("2023年，全年一般公共预算总收入完成248亿元（预计数，下同），同比增长 7.4%；"
                     "一般公共预算收入完成152.5亿元。", 2024)
    assert facts == [("一般公共预算总收入", LEVEL, ACTUAL, 2023, 248, "亿元", ""),
                     ("一般公共预算总收入", GROWTH, ACTUAL, 2023, 7.4, "%", ""),
                     ("一般公共预算收入", LEVEL, ACTUAL, 2023, 152.5, "亿元", "")]


@pytest.mark.parametrize("text, expected", [
    ("一般公共预算收入按增长3%安排。", [("一般公共预算收入", GROWTH, 3, "")]),
    ("居民消费价格上涨幅度控制在3%左右。", [("居民消费价格涨幅", GROWTH, 3, "左右")]),
    ("城乡居民人均可支配收入分别增长5%和7%左右。",                             # 2025-gansu.docx
     [("城镇居民人均可支配收入", GROWTH, 5, "左右"), ("农村居民人均可支配收入", GROWTH, 7, "左右")]),
    ("全省地区生产总值增长5.5%以上。", [("地区生产总值", GROWTH, 5.5, "以上")]),
    ("确保粮食播种面积1520万亩、总产125亿斤。", [("粮食产量", LEVEL, 125, "")]),  # zhejiang
    ("新建高标准农田850万亩，粮肉奶产量分别稳定在800亿斤、60亿斤、160亿斤以上。",    # neimenggu
     [("粮食产量", LEVEL, 800, "以上")]),
])
def test_target_wordings(text, expected):
    facts = extract_from_text(f"今年{text}", 2025)
    assert [(f.name, f.measure, f.value, f.qualifier) for f in facts] == expected
    assert {(f.kind, f.period_year) for f in facts} == {(TARGET, 2025)}


def test_urban_and_rural_incomes_written_short():
    # 2025-shanxi.docx: 城乡居民收入预计分别增长4.1%、6%; alone it names no one figure
    facts = facts_of("2024年，城乡居民收入预计分别增长4.1%、6%。", 2025)
    assert [fact[0] for fact in facts] == ["城镇居民人均可支配收入", "农村居民人均可支配收入"]
    assert facts_of("2024年城乡居民收入增长5%。", 2025) == []


def test_grain_output_in_an_enumeration_of_products():
    # 2025-qinghai.docx
    facts = facts_of("2024年，粮食、油料、蔬菜产量分别达118.3万吨、33万吨、165万吨，均创十年新高。", 2025)
    assert facts == [("粮食产量", LEVEL, ACTUAL, 2024, 118.3, "万吨", "")]


def test_grain_output_after_a_sentence_on_grain():
    # 2025-jilin.docx: the bullet names the topic, the output follows a sentence later
    report = [part("2024年工作回顾", "——粮食生产再创新高。播种面积达到8780.7万亩，单产连续3年居"
                                     "粮食主产省第1位，总产量达到853.2亿斤，全国第4的地位进一步巩固。"
                                     "——工业提质增效。产量增长12%。")]
    assert kinds(extract_indicators(report, 2025)) == [("粮食产量", ACTUAL, 2024, 853.2)]


def test_national_names_only_in_the_state_councils_reports():
    text = "去年财政收入增长7.4%，居民收入增长7.3%，全国城镇调查失业率降到5.2%。"
    assert [f[0] for f in facts_of(text, 2018, national=True)] == [
        "一般公共预算收入", "城乡居民人均可支配收入", "城镇调查失业率"]
    assert facts_of(text, 2018, national=False) == []


# ---- newspaper pages ---------------------------------------------------------------------

def newspaper(name, year, kind):
    data = (FIXTURE_REPORTS / name).read_bytes()
    return parse_report(data, name, ReportMetadata(region="晋江市", year=year, kind=kind))


def test_seed_highlights_targets_and_last_years_results():
    report = newspaper("jinjiang-2023-highlights.txt", 2023, HIGHLIGHTS)
    found = {(f.name, f.measure, f.kind, f.period_year): (f.value, f.qualifier)
             for f in report.indicators}
    assert found[("地区生产总值", GROWTH, TARGET, 2023)] == (6.5, "左右")
    assert found[("一般公共预算总收入", GROWTH, TARGET, 2023)] == (7.6, "")
    assert found[("城乡居民人均可支配收入", GROWTH, TARGET, 2023)] == (7, "")   # across a column
    assert found[("地区生产总值", LEVEL, ACTUAL, 2022)] == (3000, "超过")
    assert found[("一般公共预算收入", GROWTH, ACTUAL, 2022)] == (6.17, "")
    assert found[("城乡居民人均可支配收入", GROWTH, ACTUAL, 2022)] == (5, "")
    assert found[("城镇新增就业", LEVEL, ACTUAL, 2022)] == (2.7, "")
    assert all(len(f.sentence) < 120 and "\n" not in f.sentence for f in report.indicators)


def test_seed_interpretation_headline_is_last_years_actual():
    report = newspaper("jinjiang-2024-interpretations.txt", 2024, INTERPRETATION)
    revenue = [(f.measure, f.kind, f.period_year, f.value) for f in report.indicators
               if f.name == "一般公共预算总收入"]
    assert (LEVEL, ACTUAL, 2023, 248) in revenue and (GROWTH, ACTUAL, 2023, 7.4) in revenue
    assert (LEVEL, TARGET, 2024, 263) in revenue and (GROWTH, TARGET, 2024, 6) in revenue
    assert not any(value == 248 and kind == TARGET for _, kind, _, value in revenue)
    assert all("\n" not in f.sentence for f in report.indicators)


# ---- session 18: the national reports labelled last (1999, 2015, 2019) -------------------

@pytest.mark.parametrize("text, year, expected", [
    ("1998年，下半年国有单位固定资产投资增长显著加快，全年增长19·5％，全社会固定资产投资增长14·1％。", 1999,
     ("固定资产投资", GROWTH, ACTUAL, 1998, 14.1, "%", "")),        # 1999-guowuyuan.txt: 14·1 is 14.1
    ("去年，经济结构有新的优化，粮食产量达到6.07亿吨，消费对经济增长的贡献率上升3个百分点。", 2015,
     ("粮食产量", LEVEL, ACTUAL, 2014, 6.07, "亿吨", "")),          # 2015-guowuyuan.txt: 亿吨
    ("去年，城镇新增就业1361万人、调查失业率稳定在5%左右的较低水平。", 2019,
     ("城镇调查失业率", LEVEL, ACTUAL, 2018, 5, "%", "左右")),       # 2019-guowuyuan.txt
])
def test_a_middle_dot_point_亿吨_and_调查失业率_alone(text, year, expected):
    assert expected in facts_of(text, year, national=True)


def test_an_increment_then_the_level_reached():
    # 1993-guowuyuan.txt writes 农村居民人均纯收入增加３２１元，达到７８４元 (there, against 1987)
    assert facts_of("1992年，农村居民人均纯收入增加321元，达到784元。", 1993, national=True) == [
        ("农村居民人均纯收入", LEVEL, ACTUAL, 1992, 784, "元", "")]


@pytest.mark.parametrize("text, year, expected", [
    ("１９９２年同１９８７年相比，城镇居民人均生活费收入增加９１０元，达到１８２６元；农村居民人均纯收入增加３２１元，"
     "达到７８４元。", 1993, [("农村居民人均纯收入", LEVEL, ACTUAL, 1992, 784, "元", "")]),    # 1993-guowuyuan.txt
    ("2015年城镇常住居民人均可支配收入完成30788元，比2010年增加13480元，年均递增12.2%。", 2016,
     [("城镇居民人均可支配收入", LEVEL, ACTUAL, 2015, 30788, "元", "")]),   # fixtures/external/hailaer-2016
])
def test_a_sentence_on_the_reviewed_year_against_a_base_year_gives_its_levels(text, year, expected):
    # the changes since the base year are several years' and are left out
    assert facts_of(text, year) == expected


# ---- 海拉尔区 2012–2018 (fixtures/external/hailaer-*; batch 4 of session 19) -------------

@pytest.mark.parametrize("text, year, expected", [
    ("今年城镇人均可支配收入达到23896元，同比增长18％。", 2012,         # hailaer-2012: no 居民
     [("城镇居民人均可支配收入", LEVEL, TARGET, 2012, 23896, "元", ""),
      ("城镇居民人均可支配收入", GROWTH, TARGET, 2012, 18, "%", "")]),
    ("过去一年，农村牧区常住居民人均可支配收入完成23830元,同比增长7.1%。", 2017,   # hailaer-2017
     [("农村居民人均可支配收入", LEVEL, ACTUAL, 2016, 23830, "元", ""),
      ("农村居民人均可支配收入", GROWTH, ACTUAL, 2016, 7.1, "%", "")]),
])
def test_incomes_without_居民_and_of_farming_and_pastoral_areas(text, year, expected):
    assert facts_of(text, year) == expected


@pytest.mark.parametrize("text, expected", [
    ("过去一年，一般公共财政预算收入完成17亿元,按可比口径增长13%。",     # hailaer-2017
     [("一般公共预算收入", LEVEL, ACTUAL, 2016, 17, "亿元", ""),
      ("一般公共预算收入", GROWTH, ACTUAL, 2016, 13, "%", "")]),
    ("过去一年，一般公共预算收入剔除虚增空转因素后完成10.4亿元。",      # hailaer-2018
     [("一般公共预算收入", LEVEL, ACTUAL, 2016, 10.4, "亿元", "")]),
])
def test_a_comparable_basis_or_an_adjustment_between_name_and_verb(text, expected):
    assert facts_of(text, 2017) == expected


@pytest.mark.parametrize("text, expected", [
    ("今年主要预期目标是：城乡居民人均可支配收入分别增长7.5%。",          # hailaer-2018
     [("城镇居民人均可支配收入", GROWTH, TARGET, 2018, 7.5, "%", ""),
      ("农村居民人均可支配收入", GROWTH, TARGET, 2018, 7.5, "%", "")]),
    ("过去一年，城镇和农村居民人均可支配收入分别达35512元、25689元，分别同比增长7.8%。",   # hailaer-2018
     [("城镇居民人均可支配收入", LEVEL, ACTUAL, 2017, 35512, "元", ""),
      ("农村居民人均可支配收入", LEVEL, ACTUAL, 2017, 25689, "元", ""),
      ("城镇居民人均可支配收入", GROWTH, ACTUAL, 2017, 7.8, "%", ""),
      ("农村居民人均可支配收入", GROWTH, ACTUAL, 2017, 7.8, "%", "")]),
])
def test_fenbie_with_one_value_gives_it_to_each_name(text, expected):
    assert sorted(facts_of(text, 2018)) == sorted(expected)


def test_trade_counted_in_ten_thousands_of_dollars():
    # hailaer-2018 (a small district's trade)
    assert facts_of("过去一年，进出口总额达242万美元。", 2018) == [
        ("进出口总额", LEVEL, ACTUAL, 2017, 242, "万美元", "")]


def test_figures_written_in_words_pass_the_digit_check():
    # sentences without a digit are skipped; figures in words are digits by then
    assert facts_of("过去一年，地区生产总值增长百分之七点五，粮食总产量突破千亿斤。", 2018) == [
        ("地区生产总值", GROWTH, ACTUAL, 2017, 7.5, "%", ""),
        ("粮食产量", LEVEL, ACTUAL, 2017, 1000, "亿斤", "超过")]
