"""The classes of real text behind the wrong, false and missed facts on the external dev
reports of session 17 (fixtures/external: the 2026 reports of 浙江, 云南, 新疆, 西藏, 吉林,
河北 and the press pages on 深圳 2022, 广州 2018, 上海 2024, 武汉 2023), each on sentences
from those texts (the file named beside each)."""
import pytest

from archive.parsing.document import (
    ACTUAL, GROWTH, INTERPRETATION, LEVEL, TARGET, ReportMetadata, SectionNode,
)
from archive.parsing.cleaning import clean_text
from archive.parsing.indicators import extract_from_text, extract_indicators
from archive.parsing.pipeline import parse_report
from tests.conftest import ROOT

EXTERNAL = ROOT / "fixtures" / "external"


def facts_of(text, year, **options):
    return [(f.name, f.measure, f.kind, f.period_year, f.value, f.unit, f.qualifier)
            for f in extract_from_text(text, year, **options)]


def part(heading, text, level=1, style="chinese"):
    return SectionNode(heading=heading, level=level, style=style, text=text)


def facts_in(sections, year, **options):
    return [(f.name, f.measure, f.kind, f.period_year, f.value, f.unit, f.qualifier)
            for f in extract_indicators(sections, year, **options)]


# ---- newspaper pages: other places, sentences on both years, questions ------------------

WUHAN = ("目标报告显示,年武年预计2022年武汉地区生产总值增长4.5%左右,预计总量达到1.9万亿元左右,"
         "增长增长同时武汉将2023年GDP增长目标定在6.5%以上。目标 不过，这反而使2023年中部省会城市的"
         "GDP目标可以定得相对高一些。 2022年郑州全市生产总值预计增长2%左右,规模以上工业增加值增长3.5%,"
         "固定资产投资下降4%,社会消费品零售总额下降4%。2023年郑州的主要预期目标是生产总值增长7%,"
         "规模以上工业增加值增长8%以上,固定资产投资增长15%,社会消费品零售总额增长12%。 "
         "长沙2022年预计地区生产总值预计增长4.8% ,2023年长沙经济社会发展主要预期目标包括地区生产总值"
         "增长7%左右,规模以上工业增加值增长8%以上,社会消费品零售总额增长7%。")   # wuhan-2023


def test_figures_of_other_places_on_a_newspaper_page_are_skipped():
    assert facts_of(WUHAN, 2023, newspaper=True, region="武汉市") == [
        ("地区生产总值", GROWTH, ACTUAL, 2022, 4.5, "%", "左右"),
        ("地区生产总值", LEVEL, ACTUAL, 2022, 1.9, "万亿元", "左右"),
        ("地区生产总值", GROWTH, TARGET, 2023, 6.5, "%", "以上"),
    ]


def test_without_a_region_the_page_is_about_the_place_it_names_most():
    facts = facts_of(WUHAN + "武汉市将实施“项目投资攻坚年”行动。", 2023, newspaper=True)
    assert {value for *_, value, _, _ in facts} == {4.5, 1.9, 6.5}


def test_another_place_counts_only_on_a_newspaper_page():
    # a work report names its cities beside its own figures (a part is left out by its name)
    text = "2025年，郑州全市生产总值增长5.5%。"
    assert facts_of(text, 2026, region="河南省") == [("地区生产总值", GROWTH, ACTUAL, 2025, 5.5, "%", "")]


def test_a_sentence_on_both_years_is_read_one_piece_per_year():
    text = ("长沙2022年预计地区生产总值预计增长4.8% ,2023年长沙经济社会发展主要预期目标包括地区生产总值"
            "增长7%左右,规模以上工业增加值增长8%以上,社会消费品零售总额增长7%。")       # wuhan-2023
    facts = facts_of(text, 2023, newspaper=True, region="长沙市")
    assert [f for f in facts if f[0] != "规上工业增加值"] == [
        ("地区生产总值", GROWTH, ACTUAL, 2022, 4.8, "%", ""),
        ("地区生产总值", GROWTH, TARGET, 2023, 7, "%", "左右"),
        ("社会消费品零售总额", GROWTH, TARGET, 2023, 7, "%", ""),
    ]


@pytest.mark.parametrize("text, year, expected", [
    ("深圳市政府工作报告指出，2022年深圳地区生产总值预期增长目标6%左右。", 2022,
     ("地区生产总值", GROWTH, TARGET, 2022, 6, "%", "左右")),                    # shenzhen-2022
    ("同时武汉将2023年GDP增长目标定在6.5%以上。", 2023,
     ("地区生产总值", GROWTH, TARGET, 2023, 6.5, "%", "以上")),                 # wuhan-2023
])
def test_a_growth_target_written_as_增长目标(text, year, expected):
    assert facts_of(text, year, newspaper=True) == [expected]


def test_a_question_headline_states_no_result():
    # shenzhen-2022: the page's title; the body states the target
    assert facts_of("title: '深圳如何实现GDP增长6%：稳住制造业基本盘'", 2022, newspaper=True) == []
    assert facts_of("2023年 晋江地区生产总值增长多少？", 2023, newspaper=True) == []


def test_half_width_commas_part_clauses():
    text = "预计全年地区生产总值2.15万亿元,比上年增长7%以上。"                         # guangzhou-2018
    assert facts_of(text, 2018, newspaper=True) == [
        ("地区生产总值", LEVEL, ACTUAL, 2017, 2.15, "万亿元", ""),
        ("地区生产总值", GROWTH, ACTUAL, 2017, 7, "%", "以上"),
    ]


def test_a_speaker_before_the_year_frames_the_paragraph():
    text = ("报告首先回顾了2017年工作。温国辉介绍,2017年, 广州市经济社会发展稳中向好。"
            "完成固定资产投资6000亿元, 增长8%左右。")                                     # guangzhou-2018
    assert facts_of(text, 2018, newspaper=True, region="广州市") == [
        ("固定资产投资", LEVEL, ACTUAL, 2017, 6000, "亿元", ""),
        ("固定资产投资", GROWTH, ACTUAL, 2017, 8, "%", "左右"),
    ]


def test_guangzhou_page_end_to_end():
    path = EXTERNAL / "guangzhou-2018-highlights.txt"
    report = parse_report(path.read_bytes(), path.name,
                          ReportMetadata(region="广州市", year=2018, kind="highlights"))
    found = {(f.name, f.measure, f.kind, f.period_year): (f.value, f.qualifier)
             for f in report.indicators}
    assert found[("地区生产总值", GROWTH, ACTUAL, 2017)] == (7, "以上")
    assert found[("社会消费品零售总额", GROWTH, ACTUAL, 2017)] == (8, "")
    assert found[("出口总额", GROWTH, TARGET, 2018)] == (5, "左右")
    assert found[("一般公共预算收入", GROWTH, TARGET, 2018)] == (7.5, "")
    assert not any(f.kind == TARGET and f.period_year != 2018 for f in report.indicators)


def test_wuhan_and_shenzhen_pages_end_to_end():
    path = EXTERNAL / "wuhan-2023-interpretation.txt"
    wuhan = parse_report(path.read_bytes(), path.name,
                         ReportMetadata(region="武汉市", year=2023, kind=INTERPRETATION))
    assert sorted((f.kind, f.value) for f in wuhan.indicators) == [
        (ACTUAL, 1.9), (ACTUAL, 4.5), (TARGET, 6.5)]
    path = EXTERNAL / "shenzhen-2022-interpretation.txt"
    shenzhen = parse_report(path.read_bytes(), path.name,
                            ReportMetadata(region="深圳市", year=2022, kind=INTERPRETATION))
    gdp = [(f.measure, f.kind, f.value) for f in shenzhen.indicators if f.name == "地区生产总值"]
    assert sorted(gdp) == [(GROWTH, TARGET, 6), (LEVEL, ACTUAL, 3.07)]


# ---- wordings ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, year, expected", [
    ("今年经济社会发展主要预期目标是: 地方一般公共预算收入可比增长7.5%。", 2018,
     [("一般公共预算收入", GROWTH, TARGET, 2018, 7.5, "%", "")]),                 # guangzhou-2018
    ("今年经济社会发展主要预期目标是: 商品出口总值增长5%左右。", 2018,
     [("出口总额", GROWTH, TARGET, 2018, 5, "%", "左右")]),                        # guangzhou-2018
    ("今年，严守耕地红线，严格占补平衡管理，确保粮食播种面积1530万亩、总产量125亿斤。", 2026,
     [("粮食产量", LEVEL, TARGET, 2026, 125, "亿斤", "")]),                         # zhejiang-2026
    ("2025年，出口规模突破4万亿元，占全国份额从14%提升到15.5%，跃居全国第2位。", 2026,
     [("出口总额", LEVEL, ACTUAL, 2025, 4, "万亿元", "超过")]),                      # zhejiang-2026
    ("今年，加大“双招双引”力度，确保招商引资项目完成固定资产投资220亿元。", 2026, []),  # xizang-2026
])
def test_wordings_of_the_external_reports(text, year, expected):
    assert facts_of(text, year) == expected


# ---- round marks and exact levels ----------------------------------------------------------

def test_the_exact_level_after_the_round_mark_it_passed():
    text = ("全年地区生产总值2.15万亿元、增长5.5%，城乡居民人均可支配收入分别增长5.3%、7%，"
            "其中农村居民人均可支配收入首次突破2万元、达到20793元。")                   # xinjiang-2026
    rural = [(f.measure, f.value, f.unit, f.qualifier)
             for f in extract_indicators([part("一、2025年工作回顾", text)], 2026)
             if f.name == "农村居民人均可支配收入"]
    assert rural == [(GROWTH, 7, "%", ""), (LEVEL, 20793, "元", "")]


def test_a_round_mark_beside_the_exact_level_is_dropped():
    report = [part("一、“十四五”时期和2025年工作回顾",
                   "这五年，我们全力推动高质量发展，经济实力迈上新台阶。\n"
                   "地区生产总值突破3万亿元、年均增长4.7%，人均地区生产总值超1万美元。\n"
                   "刚刚过去的2025年，完成地区生产总值32765亿元、增长4.1%。")]   # yunnan-2026
    assert [f for f in facts_in(report, 2026) if f[1] == LEVEL] == [
        ("地区生产总值", LEVEL, ACTUAL, 2025, 32765, "亿元", "")]


# ---- five-year passages inside the review of the year ---------------------------------------

def test_a_lead_line_on_five_years_frames_the_next_paragraph():
    report = [part("一、“十四五”时期和2025年工作回顾",
                   "这五年，我们持续扩大高水平对外开放，面向南亚东南亚辐射中心建设取得新突破。\n"
                   "实现进出口总额1.4万亿元，对共建“一带一路”国家贸易额年均增长4.1%。\n"
                   "这五年，我们深入践行以人民为中心的发展思想，民生福祉得到新改善。\n"
                   "居民人均可支配收入超3.1万元、年均增长6.1%。城镇新增就业261.6万人，"
                   "高校毕业生去向落实率逐年提升。")]                                       # yunnan-2026
    assert facts_in(report, 2026) == [
        ("城乡居民人均可支配收入", LEVEL, ACTUAL, 2025, 3.1, "万元", "超过")]


def test_a_five_year_passage_in_the_review_gives_its_levels_reached():
    report = [part("一、工作回顾",
                   "“十四五”时期是吉林高质量发展攻坚克难、砥砺奋进、蓄势聚能的五年。这五年，发展质效"
                   "持续提升。地区生产总值跨越3个千亿元台阶，达到1.5万亿元、增长19.8%。"
                   "这五年，民生福祉持续增进。城镇新增就业124.27万人。")]               # jilin-2026
    assert facts_in(report, 2026) == [("地区生产总值", LEVEL, ACTUAL, 2025, 1.5, "万亿元", "")]


def test_levels_from_one_named_year_to_another():
    report = [part("一、“十四五”时期经济社会发展回顾",
                   "这五年，高质量发展扎实推进，经济实力跃上新台阶。全省生产总值从2020年的3.68万亿元"
                   "增长到2025年的4.93万亿元、实现万亿级跃升，一般公共预算收入从3826.5亿元增长到"
                   "4398.6亿元，规上工业增加值年均增长6.5%。")]                              # hebei-2026
    assert [f for f in facts_in(report, 2026) if f[0] != "规上工业增加值"] == [
        ("地区生产总值", LEVEL, ACTUAL, 2025, 4.93, "万亿元", ""),
        ("一般公共预算收入", LEVEL, ACTUAL, 2025, 4398.6, "亿元", ""),
    ]


def test_urban_and_rural_levels_from_a_base_year():
    report = [part("一、2025年和“十四五”时期工作回顾",
                   "这五年是各族群众得实惠最多的五年。实施“十大民生工程”，民生投入累计超过1万亿元，"
                   "城乡居民人均可支配收入从2021年的46503元和16935元分别提高到58794元和23184元。")]  # xizang
    assert facts_in(report, 2026) == [
        ("城镇居民人均可支配收入", LEVEL, ACTUAL, 2025, 58794, "元", ""),
        ("农村居民人均可支配收入", LEVEL, ACTUAL, 2025, 23184, "元", ""),
    ]


# ---- the first unseen batch of 2026 reports (jiangsu, shandong, shanghai, fujian, shaanxi,
# sichuan): the false facts they showed when first measured ---------------------------------

REVIEW_2025 = "一、2025年和“十四五”时期工作回顾"


@pytest.mark.parametrize("sentence", [
    "工业、消费、进出口等年均增速高于全国，粮食总产稳定在1100亿斤以上。",                 # shandong-2026
    "每年实施20项重点民生实事，财政民生支出突破万亿元、占比稳定在80%左右，"
    "居民人均可支配收入增长34.3%。",                                                  # shandong-2026
    "人均可支配收入年均增长6%，城镇新增就业超690万人、稳定在全国1/10以上。",             # jiangsu-2026
])
def test_a_figure_after_an_every_year_word_in_the_review_is_not_the_years(sentence):
    assert facts_in([part(REVIEW_2025, sentence)], 2026) == []


def test_a_figure_before_the_every_year_word_stays_the_years():
    text = "地区生产总值增长5.4%，五年年均增长5.5%。"
    assert facts_in([part(REVIEW_2025, text)], 2026) == [
        ("地区生产总值", GROWTH, ACTUAL, 2025, 5.4, "%", "")]


@pytest.mark.parametrize("sentence", [
    "金砖创新基地促成138个合作项目，与共建“一带一路”国家进出口贸易额突破5万亿元。",       # fujian-2026
    "贸易多元化成效明显，对东盟、共建“一带一路”国家进出口总额分别增长10.4%、12.1%。",    # shanghai-2026
])
def test_trade_with_partners_is_a_part(sentence):
    assert facts_in([part(REVIEW_2025, sentence)], 2026) == []


def test_an_item_continuing_another_subjects_figure_is_that_subjects():
    text = "延安苹果、汉中中药材入选国家级优势特色产业集群，猕猴桃综合产值增长8.5%、出口增长53.6%。"  # shaanxi-2026
    assert facts_in([part(REVIEW_2025, text)], 2026) == []
    whole = "地区生产总值增长5.4%、出口增长6%。"
    assert [fact[0] for fact in facts_in([part(REVIEW_2025, whole)], 2026)] == ["地区生产总值", "出口总额"]


def test_a_mark_above_the_exact_level_is_of_something_larger():
    text = ("全省地区生产总值达到64700亿元。成渝地区双城经济圈建设走深走实，经济总量超9万亿元，"
            "占全国比重升至6.5%左右。")                                                       # sichuan-2026 (the second sentence)
    assert facts_in([part(REVIEW_2025, text)], 2026) == [
        ("地区生产总值", LEVEL, ACTUAL, 2025, 64700, "亿元", "")]


# ---- the second unseen batch (天津 山西 内蒙古 辽宁 江西 河南 贵州, 2026) ----------------------

def external_line(name, number):
    return (EXTERNAL / name).read_text(encoding="utf-8").split("\n")[number - 1]


def review_facts(text, reviewed_year, **options):
    return facts_in([part(f"一、{reviewed_year}年工作回顾", text)], reviewed_year + 1, **options)


def plan_facts(text, year):
    return facts_in([part(f"二、{year}年工作安排", text)], year)


def in_the_review(text, heading="一、2025年工作回顾"):
    return facts_in([part(heading, text)], 2026)


def test_a_target_list_that_compares_with_last_year_stays_a_list_of_targets():
    # henan-2026: …粮食产量1300亿斤以上、力争比去年实现更多增长…
    facts = facts_of(external_line("henan-2026-work_report.txt", 47), 2026)
    assert len(facts) == 9 and {(kind, year) for _, _, kind, year, *_ in facts} == {(TARGET, 2026)}
    assert ("粮食产量", LEVEL, TARGET, 2026, 1300, "亿斤", "以上") in facts


def test_a_level_risen_to_with_增至_is_reached():
    text = "2025年，社会消费品零售总额增至2.79万亿元。"                                  # hubei-2026
    assert facts_of(text, 2026) == [("社会消费品零售总额", LEVEL, ACTUAL, 2025, 2.79, "万亿元", "")]


def test_a_figure_compared_with_the_year_before_is_the_reviewed_years():
    # shanxi-2026: 全年GDP增长4%，快于2024年1.8个百分点
    line = external_line("shanxi-2026-work_report.txt", 30)
    assert facts_of(line, 2026) == [("地区生产总值", GROWTH, ACTUAL, 2025, 4, "%", "")]


def test_the_reviewed_years_paragraph_inside_a_review_of_five_years():
    # shanxi-2026: part 一 “十四五”时期工作回顾 ends on 刚刚过去的2025年，…
    five_years = external_line("shanxi-2026-work_report.txt", 28)
    year = external_line("shanxi-2026-work_report.txt", 30)
    assert in_the_review(five_years, "一、“十四五”时期工作回顾") == []
    assert in_the_review(five_years + "\n" + year, "一、“十四五”时期工作回顾") == [
        ("地区生产总值", GROWTH, ACTUAL, 2025, 4, "%", "")]


@pytest.mark.parametrize("name, number", [
    ("hubei-2026-work_report.txt", 22),     # 粮食总产量稳定在550亿斤左右: a floor held for years
    ("henan-2026-work_report.txt", 24),     # 城镇新增就业603.7万人…年均增长6%: a five-year sum
])
def test_figures_on_several_years_in_a_review_are_not_the_years(name, number):
    assert in_the_review(external_line(name, number)) == []


@pytest.mark.parametrize("text, expected", [
    ("2025年，开展“以旧换新”等促消费活动，社会消费品零售总额实现4.6万亿元、增长2.8%。",   # guangdong-2026
     [("社会消费品零售总额", LEVEL, ACTUAL, 2025, 4.6, "万亿元", ""),
      ("社会消费品零售总额", GROWTH, ACTUAL, 2025, 2.8, "%", "")]),
    ("2025年，积极应对外部环境冲击，着力拓市场、优结构、稳主体，出口逆势增长17.8%。",     # anhui-2026
     [("出口总额", GROWTH, ACTUAL, 2025, 17.8, "%", "")]),
])
def test_实现_and_an_adverb_before_the_verb(text, expected):
    assert facts_of(text, 2026) == expected


def test_the_same_names_again_without_分别():
    text = ("2025年，一般公共预算收入增长2.1%，税占比达77.4%；城乡居民人均可支配收入分别达6.9万元、"
            "3.4万元，增长4.2%、5.3%。")                                                 # jiangsu-2026
    assert facts_of(text, 2026)[1:] == [
        ("城镇居民人均可支配收入", LEVEL, ACTUAL, 2025, 6.9, "万元", ""),
        ("农村居民人均可支配收入", LEVEL, ACTUAL, 2025, 3.4, "万元", ""),
        ("城镇居民人均可支配收入", GROWTH, ACTUAL, 2025, 4.2, "%", ""),
        ("农村居民人均可支配收入", GROWTH, ACTUAL, 2025, 5.3, "%", ""),
    ]


def test_a_mark_passed_with_跨过_at_the_end_of_five_years():
    text = "地区生产总值跨过3万亿元、年均增长5.2％，较“十三五”末净增1万亿元，人均生产总值居全国第12位。"  # shaanxi-2026
    assert in_the_review(text, "一、“十四五”时期工作回顾") == [
        ("地区生产总值", LEVEL, ACTUAL, 2025, 3, "万亿元", "超过")]


@pytest.mark.parametrize("text, expected", [
    ("全省地区生产总值增速居全国前列，规上工业增加值增速居全国第4位，进出口总额突破万亿元、增速居全国第5位。",
     ("进出口总额", LEVEL, ACTUAL, 2025, 1, "万亿元", "超过")),                  # anhui-2026: 万亿 is one
    ("积极争创中国（内蒙古）自由贸易试验区，进出口总值翻番达到2206亿元。",
     ("进出口总额", LEVEL, ACTUAL, 2025, 2206, "亿元", "")),                    # neimenggu-2026
    ("地区生产总值连续迈上4个万亿元台阶、达14.2万亿元、年均增长5.7%，人均地区生产总值达16.7万元。",
     ("地区生产总值", LEVEL, ACTUAL, 2025, 14.2, "万亿元", "")),                # jiangsu-2026
])
def test_levels_reached_at_the_end_of_five_years(text, expected):
    assert in_the_review(text, "一、“十四五”时期工作回顾") == [expected]


def test_the_growth_after_a_clause_without_a_figure():
    text = ("2025年，全省地区生产总值达到5.53万亿元、稳居全国前十强、增长4.8%，其中规模工业增加值增长6.2%、"
            "高于全国平均0.3个百分点。")                                                  # hunan-2026
    assert facts_of(text, 2026)[:2] == [("地区生产总值", LEVEL, ACTUAL, 2025, 5.53, "万亿元", ""),
                                        ("地区生产总值", GROWTH, ACTUAL, 2025, 4.8, "%", "")]
    # a clause that names another indicator is not a bridge
    assert facts_of("2025年，地区生产总值达到5.53万亿元、规上工业增加值增长6.2%。", 2026)[1][0] == "规上工业增加值"


def test_农村居民收入_is_the_rural_income():
    text = ("2025年，全体居民人均可支配收入达39545元、增长5%，其中农村居民收入增长5.8%、快于经济增速1个百分点，"
            "城乡居民收入比缩小至1.98∶1。")                                                 # hunan-2026
    assert facts_of(text, 2026)[-1] == ("农村居民人均可支配收入", GROWTH, ACTUAL, 2025, 5.8, "%", "")


@pytest.mark.parametrize("text, expected", [
    ("2025年，城镇调查失业率4.7%，居民消费价格与上年持平。",                              # fujian-2026
     [("城镇调查失业率", LEVEL, ACTUAL, 2025, 4.7, "%", ""), ("居民消费价格涨幅", GROWTH, ACTUAL, 2025, 0, "%", "")]),
    ("2025年，城镇调查失业率5.4%，居民消费价格涨幅基本持平。",                            # the rate, no value
     [("城镇调查失业率", LEVEL, ACTUAL, 2025, 5.4, "%", "")]),
])
def test_consumer_prices_unchanged_is_a_rise_of_nothing(text, expected):
    assert facts_of(text, 2026) == expected


# ---- a district's reports (海拉尔区 2013, 2016, 2019; fixtures/external/hailaer-*) -----------

@pytest.mark.parametrize("text, year, expected", [
    ("2015年，全年共发放就业小额担保贷款1600万元，全年实现新增就业5650人，再就业2100人，城镇登记失业率控制到3.9%。",
     2016, [("城镇新增就业", LEVEL, ACTUAL, 2015, 5650, "人", ""),
            ("城镇登记失业率", LEVEL, ACTUAL, 2015, 3.9, "%", "")]),             # hailaer-2016
    ("2015年，地方公共财政预算收入达到15.07亿元,同比增长10.3%；", 2016,
     [("一般公共预算收入", LEVEL, ACTUAL, 2015, 15.07, "亿元", ""),
      ("一般公共预算收入", GROWTH, ACTUAL, 2015, 10.3, "%", "")]),                # hailaer-2016
    ("2018年，全年地区生产总值完成192.3亿元，按可比价计算，同比增长6.0%。", 2019,
     [("地区生产总值", LEVEL, ACTUAL, 2018, 192.3, "亿元", ""),
      ("地区生产总值", GROWTH, ACTUAL, 2018, 6, "%", "")]),                      # hailaer-2019
    ("2018年，城乡常住居民人均可支配收入分别完成37820元、28104元，同比分别增长6.5%、9.4%。", 2019,
     [("城镇居民人均可支配收入", LEVEL, ACTUAL, 2018, 37820, "元", ""),
      ("农村居民人均可支配收入", LEVEL, ACTUAL, 2018, 28104, "元", ""),
      ("城镇居民人均可支配收入", GROWTH, ACTUAL, 2018, 6.5, "%", ""),
      ("农村居民人均可支配收入", GROWTH, ACTUAL, 2018, 9.4, "%", "")]),            # hailaer-2019
])
def test_a_districts_wordings(text, year, expected):
    assert facts_of(text, year) == expected


def test_new_jobs_without_城镇_only_in_a_sentence_on_employment():
    assert facts_of("2015年，全年新增营业面积10万平方米，新增就业3000人。", 2016) == []   # hailaer-2016


def test_one_value_for_each_name_with_均():
    text = "今年，城镇常住居民人均可支配收入、农村常住居民人均可支配收入均增长8%；"              # hailaer-2016
    assert facts_of(text, 2016) == [("城镇居民人均可支配收入", GROWTH, TARGET, 2016, 8, "%", ""),
                                    ("农村居民人均可支配收入", GROWTH, TARGET, 2016, 8, "%", "")]
    # the 均 of 人均 or 年均 is not "each"
    assert facts_of("今年，城镇居民人均可支配收入增长8%。", 2016) == [
        ("城镇居民人均可支配收入", GROWTH, TARGET, 2016, 8, "%", "")]


# ---- the third unseen batch (黑龙江 广西 海南 甘肃 青海 宁夏, 2026), read in session 21 --------

def in_the_five_years(text):
    """``text`` in a review of five years (gansu-2026's part “十四五”时期工作回顾)."""
    return in_the_review("——这是综合实力快速跃升的五年。" + text, "“十四五”时期工作回顾")


def test_a_mark_passed_for_the_first_time_in_five_years_is_no_years_level():
    # gansu-2026: the first passing may fall in any year of the five
    assert in_the_five_years("外贸进出口总值首次突破700亿元、年均增长13.2%。") == []
    # in the reviewed year's own part it is that year's level (guangxi-2026)
    assert in_the_review("一般公共预算收入增长4.6%，总量首次突破1900亿元。") == [
        ("一般公共预算收入", GROWTH, ACTUAL, 2025, 4.6, "%", ""),
        ("一般公共预算收入", LEVEL, ACTUAL, 2025, 1900, "亿元", "超过")]


def test_a_span_to_now_does_not_make_a_sentence_another_years():
    # gansu-2026: 2022年以来 is several years ending now, not a figure of 2022
    text = "全省地区生产总值达到13697.5亿元，较“十三五”末的9323.1亿元增加4374.4亿元，增长33.6%，经济增速2022年以来连续16个季度高于全国平均水平。"
    assert in_the_five_years(text) == [("地区生产总值", LEVEL, ACTUAL, 2025, 13697.5, "亿元", "")]


@pytest.mark.parametrize("text", [
    "扣除房地产开发投资后，固定资产投资增长2.7%。",                                  # gansu-2026
    "2025年，服务进出口总额增长22.1%，实际使用外资增长19.9%。",                          # hainan-2026
    "常住人口城镇化率五年提高3.89个百分点，经济总量超500亿元的县域增至12个。",             # guangxi-2026
])
def test_parts_of_the_whole(text):
    assert in_the_review(text) == []


def test_the_whole_restated_without_a_factor_is_kept():
    assert in_the_review("剔除留抵退税因素后，一般公共预算收入增长5.1%。") == [
        ("一般公共预算收入", GROWTH, ACTUAL, 2025, 5.1, "%", "")]


@pytest.mark.parametrize("text, expected", [
    ("城镇新增就业42.3万人，年末城镇调查失业率从上半年5.5%降到5.3%。",                   # guangxi-2026
     [("城镇新增就业", LEVEL, ACTUAL, 2025, 42.3, "万人", ""),
      ("城镇调查失业率", LEVEL, ACTUAL, 2025, 5.3, "%", "")]),
    ("CPI微降0.1%，城镇调查失业率5.2%。",                                                 # hainan-2026
     [("居民消费价格涨幅", GROWTH, ACTUAL, 2025, -0.1, "%", ""),
      ("城镇调查失业率", LEVEL, ACTUAL, 2025, 5.2, "%", "")]),
    ("全省地区生产总值历史性迈上4000亿元台阶。",                                         # qinghai-2026
     [("地区生产总值", LEVEL, ACTUAL, 2025, 4000, "亿元", "超过")]),
    ("国家财政收入比上年增加1501亿元，总额首次突破万亿元，达到11377亿元。",                 # national 2000
     [("一般公共预算收入", LEVEL, ACTUAL, 2025, 11377, "亿元", "")]),
])
def test_wordings_of_the_review(text, expected):
    assert in_the_review(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("社会消费品零售总额、固定资产投资增长4%左右。",                                        # heilongjiang-2026
     [("社会消费品零售总额", GROWTH, TARGET, 2026, 4, "%", "左右"),
      ("固定资产投资", GROWTH, TARGET, 2026, 4, "%", "左右")]),
    ("粮食总产量稳定保持在76亿斤以上。",                                                  # ningxia-2026
     [("粮食产量", LEVEL, TARGET, 2026, 76, "亿斤", "以上")]),
])
def test_wordings_of_the_plan(text, expected):
    assert plan_facts(text, 2026) == expected


def test_one_value_after_items_not_all_known_is_only_the_last_names():
    text = "规上工业增加值、限上批零销售额、固定资产投资增长6%。"
    assert plan_facts(text, 2026) == [
        ("固定资产投资", GROWTH, TARGET, 2026, 6, "%", "")]
    # grain held at a floor in the review stays several years' record
    assert in_the_review("粮食总产量稳定保持在76亿斤以上。") == []


# ---- county reports (batch 5: 高阳 2018, 高唐 2023, 米易 2022, 河北 2022), session 21 ---------

@pytest.mark.parametrize("text, year, expected", [
    ("2021年，粮食产量稳中有增，2021年全县粮食产量达11.8万吨，增长2.4%。", 2022,          # miyi-2022
     [("粮食产量", LEVEL, ACTUAL, 2021, 11.8, "万吨", ""), ("粮食产量", GROWTH, ACTUAL, 2021, 2.4, "%", "")]),
    ("2017年，全部财政收入完成11.07亿元，增长7.3%。", 2018,                                # gaoyang-2018
     [("一般公共预算总收入", LEVEL, ACTUAL, 2017, 11.07, "亿元", ""),
      ("一般公共预算总收入", GROWTH, ACTUAL, 2017, 7.3, "%", "")]),
    ("2022年，完成规模以上固定资产投资75亿元，增长24%；完成一般公共预算收入11.7亿元，同口径增长9%。", 2023,
     [("固定资产投资", LEVEL, ACTUAL, 2022, 75, "亿元", ""), ("固定资产投资", GROWTH, ACTUAL, 2022, 24, "%", ""),
      ("一般公共预算收入", LEVEL, ACTUAL, 2022, 11.7, "亿元", ""),
      ("一般公共预算收入", GROWTH, ACTUAL, 2022, 9, "%", "")]),                           # gaotang-2023
    ("2022年，农村人均可支配收入达到18740元，同比增长6.3%。", 2023,                          # gaotang-2023
     [("农村居民人均可支配收入", LEVEL, ACTUAL, 2022, 18740, "元", ""),
      ("农村居民人均可支配收入", GROWTH, ACTUAL, 2022, 6.3, "%", "")]),
    ("2021年，登记失业率控制在3.7%以内。", 2022,                                          # miyi-2022
     [("城镇登记失业率", LEVEL, ACTUAL, 2021, 3.7, "%", "以内")]),
])
def test_a_countys_names(text, year, expected):
    assert facts_of(text, year) == expected


def test_new_jobs_in_a_sentence_of_their_own_are_the_countys():
    # gaotang-2023: …发放创业担保贷款7226万元。新增就业4974人。
    assert in_the_review("发放创业担保贷款7226万元。新增就业4974人。", "五、工作回顾") == [
        ("城镇新增就业", LEVEL, ACTUAL, 2025, 4974, "人", "")]


@pytest.mark.parametrize("text", [
    "2022年，开展跨境电商健康发展三年行动，电商进出口额突破200亿元。",                       # hebei-2022
    "2021年，米易县地区生产总值增长8%。",                                                  # a county of the region
])
def test_a_county_or_a_trade_channel_is_a_part(text):
    assert facts_of(text, 2022) == []


# ---- county reports of 保定 (batch 6: 易县 2025, 曲阳 2020, 蠡县 2022, 定兴 2021), session 21 ----

def county_facts(text, year, region):
    return [(f.name, f.measure, f.kind, f.period_year, f.value, f.unit, f.qualifier)
            for f in extract_from_text(text, year, region=region)]


def test_县域_is_the_whole_only_in_a_countys_report():
    text = "预计2020年县域生产总值达到167.2亿元。"                                        # dingxing-2021
    assert county_facts(text, 2021, "定兴县") == [("地区生产总值", LEVEL, ACTUAL, 2020, 167.2, "亿元", "")]
    assert county_facts(text, 2021, "河北省") == []   # in a province's: its counties together


@pytest.mark.parametrize("text, expected", [
    ("做好重点群体就业工作，千方百计扩大就业，全年完成新增就业人数3870人。",                  # dingxing-2021
     [("城镇新增就业", LEVEL, TARGET, 2021, 3870, "人", "")]),
    ("确保招商引资项目完成固定资产投资220亿元。", []),                                      # xizang-2026
])
def test_完成_before_a_name(text, expected):
    assert plan_facts(text, 2021) == expected


def test_a_comparison_in_passing_frames_no_later_sentence():
    # lixian-2022: …增速较近两年翻一番，较2018年翻四番。…一般公共财政预算收入完成7.3亿元…
    text = ("规上工业增加值增长15.4%，增速较近两年翻一番，较2018年翻四番。"
            "一般公共财政预算收入完成7.3亿元，同比增长19.1%。")
    assert review_facts(text, 2021) == [   # (the comparing one gives none)
        ("一般公共预算收入", LEVEL, ACTUAL, 2021, 7.3, "亿元", ""),
        ("一般公共预算收入", GROWTH, ACTUAL, 2021, 19.1, "%", "")]
    # a sentence that opens on the comparison still frames the ones after it
    opening = "1986年同1980年相比，国民收入增长百分之六十。国内生产总值增长百分之八。"
    assert facts_in([part("一、过去五年的回顾", opening)], 1987) == []


# ---- county reports of 保定 (batches 7 and 8: 徐水 2018, 顺平 2020, 涞源 2022, 博野 2024, 满城 2023,
# 阜平 2022, 唐县 2020, 涞水 2021), session 22 ---------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("2017年，完成地方生产总值[1]202亿元，同比增长9%。",                                   # xushui-2018
     [("地区生产总值", LEVEL, ACTUAL, 2017, 202, "亿元", ""), ("地区生产总值", GROWTH, ACTUAL, 2017, 9, "%", "")]),
    ("一般公共预算收入完成8.69亿元，可比增长10.5%；",                                       # laiyuan-2022
     [("一般公共预算收入", LEVEL, ACTUAL, 2017, 8.69, "亿元", ""),
      ("一般公共预算收入", GROWTH, ACTUAL, 2017, 10.5, "%", "")]),
    ("全社会消费品零售总额稳定增长，2017年完成94.8亿元，同比增长9.8%。",                      # xushui-2018
     [("社会消费品零售总额", LEVEL, ACTUAL, 2017, 94.8, "亿元", ""),
      ("社会消费品零售总额", GROWTH, ACTUAL, 2017, 9.8, "%", "")]),
    ("全县新增就业2505人，基本养老和基本医疗参保率分别达到99%、95.4%。",                      # laiyuan-2022
     [("城镇新增就业", LEVEL, ACTUAL, 2017, 2505, "人", "")]),
    ("新增营业面积10万平方米，新增就业3000人。", []),          # one sector's jobs, as before
])
def test_a_countys_wordings_of_the_review(text, expected):
    assert review_facts(text, 2017) == expected


@pytest.mark.parametrize("text, expected", [
    ("加快推进4万亩高标准农田建设，保障粮食生产面积36万亩、产量稳定在16万吨以上。",            # boye-2024
     [("粮食产量", LEVEL, TARGET, 2024, 16, "万吨", "以上")]),
    ("严禁农地非农化，粮食播种面积、产量稳定在35万亩、15万吨左右。",                          # laishui-2021
     [("粮食产量", LEVEL, TARGET, 2024, 15, "万吨", "左右")]),
    ("抓好春耕生产，实现粮食播种面积3320万亩、产量1285万吨以上。",                        # guangdong-2026
     [("粮食产量", LEVEL, TARGET, 2024, 1285, "万吨", "以上")]),
    ("全年完成固投62亿元以上。", [("固定资产投资", LEVEL, TARGET, 2024, 62, "亿元", "以上")]),   # lixian-2022
    ("棉花播种面积、产量稳定在35万亩、15万吨左右。", []),      # another crop's output
    ("固定资产投资、规上工业增加值分别增长8%、6%。",
     [("固定资产投资", GROWTH, TARGET, 2024, 8, "%", ""), ("规上工业增加值", GROWTH, TARGET, 2024, 6, "%", "")]),
])
def test_grain_and_investment_in_a_countys_plan(text, expected):
    assert plan_facts(text, 2024) == expected


# ---- county reports (batches 9 and 10: 安国 2022, 清苑 2008, 徐水 2012, 易县 2019 …), session 22 ----

@pytest.mark.parametrize("text, expected", [
    ("城乡人均可支配收入分别达到34068元、23756元，分别同比增长8.5%、11.5%。",               # anguo-2022
     [("城镇居民人均可支配收入", LEVEL, ACTUAL, 2021, 34068, "元", ""),
      ("农村居民人均可支配收入", LEVEL, ACTUAL, 2021, 23756, "元", ""),
      ("城镇居民人均可支配收入", GROWTH, ACTUAL, 2021, 8.5, "%", ""),
      ("农村居民人均可支配收入", GROWTH, ACTUAL, 2021, 11.5, "%", "")]),
    ("财政收入突破3亿元，同比增长18.1%，其中一般预算收入增幅首次超过总收入，完成1.1亿元，同比增长18.9%。",
     [("一般公共预算总收入", LEVEL, ACTUAL, 2021, 3, "亿元", "超过"),                      # qingyuan-2008
      ("一般公共预算总收入", GROWTH, ACTUAL, 2021, 18.1, "%", ""),
      ("一般公共预算收入", LEVEL, ACTUAL, 2021, 1.1, "亿元", ""),
      ("一般公共预算收入", GROWTH, ACTUAL, 2021, 18.9, "%", "")]),
    ("财政收入突破3亿元，同比增长18.1%。", []),   # without the budget revenue beside: too vague
    ("城镇以上固定资产投资完成21.1亿元，剔除不可比因素，增长27.4%。",                      # qingyuan-2008
     [("固定资产投资", LEVEL, ACTUAL, 2021, 21.1, "亿元", ""),
      ("固定资产投资", GROWTH, ACTUAL, 2021, 27.4, "%", "")]),
    ("全部财政收入突破10亿大关，完成11.68亿元，增长30.2%。",                                # yixian-2019
     [("一般公共预算总收入", LEVEL, ACTUAL, 2021, 11.68, "亿元", ""),
      ("一般公共预算总收入", GROWTH, ACTUAL, 2021, 30.2, "%", "")]),
])
def test_older_county_wordings_of_the_review(text, expected):
    assert review_facts(text, 2021) == expected


def test_the_reviewed_years_figures_in_a_review_of_five_years():
    # xushui-2012: 2011 opens the paragraph's figures; 是2006年的2.2倍 is a multiple said in passing
    text = ("国民经济持续增长，综合实力显著增强。2011年完成地方生产总值126.4亿元，同比增长13%，是2006年的2.2倍。"
            "完成固定资产投资62.5亿元，同比增长36.1%，是2006年的3.6倍。")
    assert facts_in([part("一、过去五年工作回顾", text)], 2012) == [
        ("地区生产总值", LEVEL, ACTUAL, 2011, 126.4, "亿元", ""), ("地区生产总值", GROWTH, ACTUAL, 2011, 13, "%", ""),
        ("固定资产投资", LEVEL, ACTUAL, 2011, 62.5, "亿元", ""), ("固定资产投资", GROWTH, ACTUAL, 2011, 36.1, "%", "")]
    # without the year's opening the five years' growth stays out
    assert facts_in([part("一、过去五年工作回顾", "地区生产总值比2006年增长120%。")], 2012) == []


# ---- county reports (batch 11: 清苑 2013, 阜平 2017, 容城 2017, 蠡县 2020, 安国 2020), session 22 -------

def test_a_base_year_in_a_target_list_places_nothing():
    # lixian-2020: 去年 in 在去年市核任务…的基础上 is a base; the targets after it stay targets
    text = ("2020年经济社会发展的主要预期目标是：生产总值增长6.5%；一般公共预算收入在去年市核任务（5.55亿元）的"
            "基础上增长8.1%；社会消费品零售总额增长9%左右；城乡居民人均可支配收入分别增长7.5%、8.5%；")
    assert plan_facts(text, 2020) == [
        ("地区生产总值", GROWTH, TARGET, 2020, 6.5, "%", ""), ("一般公共预算收入", GROWTH, TARGET, 2020, 8.1, "%", ""),
        ("社会消费品零售总额", GROWTH, TARGET, 2020, 9, "%", "左右"),
        ("城镇居民人均可支配收入", GROWTH, TARGET, 2020, 7.5, "%", ""),
        ("农村居民人均可支配收入", GROWTH, TARGET, 2020, 8.5, "%", "")]


@pytest.mark.parametrize("year, expected", [
    (2013, [("城镇登记失业率", LEVEL, ACTUAL, 2012, 4.5, "%", "以内")]),   # qingyuan-2013
    (2021, []),     # once the surveyed rate is published, a bare 城镇失业率 names neither
])
def test_a_bare_urban_unemployment_rate(year, expected):
    text = f"{year - 1}年，城镇失业率控制在4.5%以内。"
    assert review_facts(text, year - 1) == expected


def test_revenue_in_a_countys_report_and_beside_the_budget_revenue():
    # qingyuan-2013: 财政收入 beside 公共财政预算收入; fuping-2017: 财政收入 alone, in a county's report
    text = "特别是财政收入突破6亿元，同比增长22.2%，公共财政预算收入完成2.7亿元，同比增长19.4%。"
    assert review_facts(text, 2012)[:2] == [
        ("一般公共预算总收入", LEVEL, ACTUAL, 2012, 6, "亿元", "超过"),
        ("一般公共预算总收入", GROWTH, ACTUAL, 2012, 22.2, "%", "")]
    alone = "2016年，财政收入完成3.62亿元。"
    assert county_facts(alone, 2017, "阜平县") == [("一般公共预算总收入", LEVEL, ACTUAL, 2016, 3.62, "亿元", "")]
    assert county_facts(alone, 2017, "河北省") == []


def test_the_levels_at_the_end_of_a_review_of_five_years():
    # rongcheng-2017: 比2011年增长 in the review of 2012–2016: the level is 2016's, the growth is not
    text = ("过去的五年，经济运行稳中有进。社会消费品零售总额完成44.9亿元，比2011年增长84.5%，年均增长13%。"
            "城乡居民收入分别完成2.3万元、1.5万元，比2011年分别增长43.7%和75%。")
    assert facts_in([part("一、过去五年工作回顾", text)], 2017) == [
        ("社会消费品零售总额", LEVEL, ACTUAL, 2016, 44.9, "亿元", ""),
        ("城镇居民人均可支配收入", LEVEL, ACTUAL, 2016, 2.3, "万元", ""),
        ("农村居民人均可支配收入", LEVEL, ACTUAL, 2016, 1.5, "万元", "")]


def test_a_sentence_on_a_park_gives_the_parks_figures():
    # anguo-2020
    text = "园区在全省综合排名第14位，预计主营业务收入突破600亿元，进出口总额1050万美元。"
    assert review_facts(text, 2019) == []
    assert review_facts("园区建设加快，全市进出口总额1050万美元。", 2019) == [
        ("进出口总额", LEVEL, ACTUAL, 2019, 1050, "万美元", "")]


# ---- city reports of other provinces (batch 12: 长沙 2008, 乐山 2014, 云浮 2018, 天水 2021, 嘉兴 2023) --

@pytest.mark.parametrize("year", [2008, 2021])   # changsha-2008, chenzhou-2021: before and after
def test_local_revenue_by_its_older_name(year):        # the budget law of 2014
    text = f"{year}年主要目标是：地方财政收入增长15%以上。"
    assert facts_in([part(f"四、{year}年工作安排", text)], year) == [
        ("一般公共预算收入", GROWTH, TARGET, year, 15, "%", "以上")]


@pytest.mark.parametrize("text, expected", [
    ("对外贸易迈上新台阶，外贸进出口总额11.2亿美元，其中出口8.3亿美元，分别增长18.4%和25.5%。",     # leshan-2014
     [("进出口总额", GROWTH, ACTUAL, 2017, 18.4, "%", ""), ("进出口总额", LEVEL, ACTUAL, 2017, 11.2, "亿美元", ""),
      ("出口总额", GROWTH, ACTUAL, 2017, 25.5, "%", ""), ("出口总额", LEVEL, ACTUAL, 2017, 8.3, "亿美元", "")]),
    ("预计全市实现地区生产总值863亿元，同比增长（下同）6%；固定资产投资总额627亿元，增长6%；",           # yunfu-2018
     [("地区生产总值", LEVEL, ACTUAL, 2017, 863, "亿元", ""), ("地区生产总值", GROWTH, ACTUAL, 2017, 6, "%", ""),
      ("固定资产投资", LEVEL, ACTUAL, 2017, 627, "亿元", ""), ("固定资产投资", GROWTH, ACTUAL, 2017, 6, "%", "")]),
    ("罗定片区引进项目37个，完成固定资产投资18亿元。", []),                                        # yunfu-2018
])
def test_city_wordings_of_the_review(text, expected):
    assert review_facts(text, 2017) == expected


def test_jobs_of_the_year_in_the_plan():
    # yunfu-2018
    text = "大力实施就业优先战略，年度新增就业2万人，帮扶1000名就业困难人员实现再就业。"
    assert plan_facts(text, 2018) == [("城镇新增就业", LEVEL, TARGET, 2018, 2, "万人", "")]


def test_a_review_of_the_period_and_the_year_opens_on_the_period():
    # tianshui-2021: “十三五”时期和2020年工作回顾 opens on the period: its paragraphs are the
    # period's (sums, held limits) until one opens on 2020
    text = ("“十三五”时期，面对错综复杂的外部环境，我们攻坚克难。\n"
            "千方百计惠民生促和谐。新增城镇就业29万人，城镇登记失业率控制在4%以内。\n"
            "2020年，地区生产总值增长3.8%。")
    assert facts_in([part("“十三五”时期和2020年工作回顾", text)], 2021) == [
        ("地区生产总值", GROWTH, ACTUAL, 2020, 3.8, "%", "")]


# ---- city reports drawn at random (batch 13: 上海 2008, 昆明 2006, 西宁 2012, 合肥 2009, 大连 2023) -----

@pytest.mark.parametrize("text, expected", [
    ("财政收入301。2亿元，增长40%，其中地方财政收入160。9亿元，增长57。8%。",               # hefei-2009
     [("一般公共预算总收入", LEVEL, ACTUAL, 2008, 301.2, "亿元", ""),
      ("一般公共预算总收入", GROWTH, ACTUAL, 2008, 40, "%", ""),
      ("一般公共预算收入", LEVEL, ACTUAL, 2008, 160.9, "亿元", ""),
      ("一般公共预算收入", GROWTH, ACTUAL, 2008, 57.8, "%", "")]),
    ("居民消费价格指数101。8%，全年新增城镇就业人口8。9万人。",                                 # hefei-2009
     [("居民消费价格涨幅", GROWTH, ACTUAL, 2008, 1.8, "%", ""), ("城镇新增就业", LEVEL, ACTUAL, 2008, 8.9, "万人", "")]),
    ("外贸出口2008年完成1439.3亿美元，城镇登记失业率预计下降到4.4%以内。",                    # shanghai-2008
     [("出口总额", LEVEL, ACTUAL, 2008, 1439.3, "亿美元", ""), ("城镇登记失业率", LEVEL, ACTUAL, 2008, 4.4, "%", "以内")]),
    ("外贸出口2006年完成1100亿美元。", []),                     # another year's, between name and verb
    ("2008年上海口岸进出口总额完成5209亿美元。", []),                                        # shanghai-2008
    ("一般公共预算收入扣除减税降费因素增长8%左右。",                                           # dalian-2023
     [("一般公共预算收入", GROWTH, ACTUAL, 2008, 8, "%", "左右")]),
    ("完成地区固定资产投资528亿元，增长31 %。",                                                # xining-2012
     [("固定资产投资", LEVEL, ACTUAL, 2008, 528, "亿元", ""), ("固定资产投资", GROWTH, ACTUAL, 2008, 31, "%", "")]),
    ("推进重点功能区的开发建设，海湖新区完成固定资产投资62亿元。", []),                        # xining-2012
    ("三个国家级开发区健康发展，实现财政总收入13.7亿元，增长36.7%。", []),                    # kunming-2006
    ("加强外向型经济园区和出口示范基地建设，实现外贸进出口总额12亿美元以上。",                 # leshan-2014
     [("进出口总额", LEVEL, ACTUAL, 2008, 12, "亿美元", "以上")]),
])
def test_city_wordings_of_older_reviews(text, expected):
    # cleaned first, as an upload is (301。2亿元 is repaired there)
    assert review_facts(clean_text(text), 2008) == expected


def test_incomes_per_year_in_a_review_of_five_years():
    # kunming-2006
    text = "城镇居民年人均可支配收入从7563元增加到9616元，农民年人均纯收入从2220元增加到3258元。"
    assert facts_in([part("一、过去五年工作回顾", text)], 2006) == [
        ("城镇居民人均可支配收入", LEVEL, ACTUAL, 2005, 9616, "元", ""),
        ("农村居民人均纯收入", LEVEL, ACTUAL, 2005, 3258, "元", "")]


# ---- city reports drawn at random (batch 14: 厦门 2025, 临沂 2014, 天津 2007 …), session 22 -------------

@pytest.mark.parametrize("text, expected", [
    ("力争“10+6”产业完成固定资产投资2400亿元，增长26%左右；", []),                        # linyi-2014
    ("推动国有公司实体化转型，确保市级国有公司完成固定资产投资100亿元以上。", []),          # bijie-2020
    ("城市居民人均可支配收入增长10%。",                                                     # tianjin-2007
     [("城镇居民人均可支配收入", GROWTH, TARGET, 2014, 10, "%", "")]),
])
def test_parts_and_older_names_in_a_citys_plan(text, expected):
    assert plan_facts(text, 2014) == expected


def test_a_part_that_says_no_time_before_the_plan_is_the_review():
    # xiamen-2025: 保持定力、勇毅前行，努力率先实现社会主义现代化取得新进展新成效, then the plan
    sections = [part("保持定力、勇毅前行，努力率先实现社会主义现代化取得新进展新成效", ""),
                part("乡村全面振兴纵深推进", "建成7100亩高标准农田；农村居民人均可支配收入增长6.3%。", level=2),
                part("牢记嘱托、感恩奋进，2025年在中国式现代化建设中奋勇争先", "全市生产总值增长5.5%左右。")]
    assert facts_in(sections, 2025) == [
        ("农村居民人均可支配收入", GROWTH, ACTUAL, 2024, 6.3, "%", ""),
        ("地区生产总值", GROWTH, TARGET, 2025, 5.5, "%", "左右")]


# ---- batch 15 (新乡 2022, 克孜勒苏州 2021, 巴中 2022 …), read in session 23 ---------------------

@pytest.mark.parametrize("text, expected", [
    # bazhong-2022: CPI named without 涨幅 and given a level is the rise itself
    ("CPI、城镇调查失业率分别控制在3.5%和5.5%以内。",
     [("居民消费价格涨幅", GROWTH, TARGET, 2022, 3.5, "%", "以内"),
      ("城镇调查失业率", LEVEL, TARGET, 2022, 5.5, "%", "以内")]),
    ("居民消费价格控制在3%左右。", [("居民消费价格涨幅", GROWTH, TARGET, 2022, 3, "%", "左右")]),
    # kezilesu-2021: 农牧民 for the rural residents of a pastoral region
    ("农牧民人均纯收入增长11%以上。", [("农村居民人均纯收入", GROWTH, TARGET, 2022, 11, "%", "以上")]),
    ("农牧民人均可支配收入增长8%。", [("农村居民人均可支配收入", GROWTH, TARGET, 2022, 8, "%", "")]),
])
def test_prices_and_pastoral_incomes_in_a_plan(text, expected):
    assert plan_facts(text, 2022) == expected


@pytest.mark.parametrize("text, expected", [
    # kezilesu-2021: the change said in words, then its figure
    ("固定资产投资实现大幅增长，预计同比增长31.1%，增速高于全疆平均水平。",
     [("固定资产投资", GROWTH, ACTUAL, 2020, 31.1, "%", "")]),
    ("农牧民人均纯收入突破万元大关，预计增长10.8％。",
     [("农村居民人均纯收入", GROWTH, ACTUAL, 2020, 10.8, "%", "")]),
    # …but not the figure of another subject in the next clause
    ("固定资产投资稳步增长，工业投资增长12%。", []),
    # a mark with its figure keeps its own level (1994-guowuyuan)
    ("国内生产总值突破3万亿元大关，比上年增长12%。",
     [("国内生产总值", LEVEL, ACTUAL, 2020, 3, "万亿元", "超过"),
      ("国内生产总值", GROWTH, ACTUAL, 2020, 12, "%", "")]),
    # kezilesu-2021: a crop's sown area, then grain's output named in full
    ("截止2020年底，全州各类农作物播种面积109.29万亩、粮食总产量达到34.75万吨，牲畜存栏190.02万头（只）。",
     [("粮食产量", LEVEL, ACTUAL, 2020, 34.75, "万吨", "")]),
])
def test_changes_in_words_and_grain_after_the_sown_area(text, expected):
    assert review_facts(text, 2020) == expected


# ---- batches 16 and 17 (重庆 2017 … 哈密 2016; 乌海 2022 … 庆阳 2022), read in session 23 -------

@pytest.mark.parametrize("text, expected", [
    # hami-2016: 新疆's series counts new jobs and re-employment together
    ("全年城镇新增就业再就业7410人。", [("城镇新增就业", LEVEL, ACTUAL, 2015, 7410, "人", "")]),
    # hami-2016: a count of villages is a part
    ("4个整村推进村农牧民人均纯收入增长19%。", []),
    # jiaxing-2021: 亿 without 元, and a bare 城乡居民人均收入 after the survey reform
    ("全市生产总值、规上工业总产值分别突破5500亿和1万亿，财政总收入突破1000亿。",
     [("地区生产总值", LEVEL, ACTUAL, 2015, 5500, "亿元", "超过"),
      ("一般公共预算总收入", LEVEL, ACTUAL, 2015, 1000, "亿元", "超过")]),
    ("城乡居民人均收入分别增长3.5%和6.4%。",
     [("城镇居民人均可支配收入", GROWTH, ACTUAL, 2015, 3.5, "%", ""),
      ("农村居民人均可支配收入", GROWTH, ACTUAL, 2015, 6.4, "%", "")]),
    # langfang-2014: two levels listed with 、, then their changes
    ("全部财政收入349.2亿元、公共财政预算收入205.4亿元，分别增长13.9%和19.3%。",
     [("一般公共预算总收入", GROWTH, ACTUAL, 2015, 13.9, "%", ""),
      ("一般公共预算总收入", LEVEL, ACTUAL, 2015, 349.2, "亿元", ""),
      ("一般公共预算收入", GROWTH, ACTUAL, 2015, 19.3, "%", ""),
      ("一般公共预算收入", LEVEL, ACTUAL, 2015, 205.4, "亿元", "")]),
    # liupanshui-2016: a threshold names the scope of what follows, not a figure
    ("全市生产总值同比增长12.1%，2000万元以上工业增加值增长10%，固定资产投资增长25.9%。",
     [("地区生产总值", GROWTH, ACTUAL, 2015, 12.1, "%", ""),
      ("固定资产投资", GROWTH, ACTUAL, 2015, 25.9, "%", "")]),
    # huhehaote-2015: 对外贸易 is the whole trade, not trade with a partner
    ("预计全市对外贸易进出口总额实现19亿美元，增长17.3%。",
     [("进出口总额", LEVEL, ACTUAL, 2015, 19, "亿美元", ""),
      ("进出口总额", GROWTH, ACTUAL, 2015, 17.3, "%", "")]),
    # anyang-2023: a part of the year is not the year
    ("前三季度，全市生产总值增长2.1%，较上半年回升1.5个百分点。", []),
    ("1—11月，全市规模以上工业增加值增长2.1%，固定资产投资增长12.6%。", []),
    ("前三季度，全市生产总值增长2.1%，全年生产总值增长3%。",
     [("地区生产总值", GROWTH, ACTUAL, 2015, 3, "%", "")]),
    # chenzhou-2021: 地方财政收入 is the local budget revenue in any year; GDP总量
    ("地方财政收入增长2.2%，GDP总量突破2500亿元大关。",
     [("一般公共预算收入", GROWTH, ACTUAL, 2015, 2.2, "%", ""),
      ("地区生产总值", LEVEL, ACTUAL, 2015, 2500, "亿元", "超过")]),
])
def test_city_wordings_of_batches_16_and_17(text, expected):
    assert review_facts(text, 2015) == expected


def test_a_bare_rural_income_is_the_net_income_before_the_survey_reform():
    # tianjin-2007
    assert plan_facts("城乡居民人均收入分别增长10%以上。", 2007) == [
        ("城镇居民人均可支配收入", GROWTH, TARGET, 2007, 10, "%", "以上"),
        ("农村居民人均纯收入", GROWTH, TARGET, 2007, 10, "%", "以上")]


def test_500_yuan_projects_are_the_whole_investment_series():
    # liupanshui-2016
    assert plan_facts("500万元以上固定资产投资增长20%以上；", 2016) == [
        ("固定资产投资", GROWTH, TARGET, 2016, 20, "%", "以上")]


def test_the_review_of_a_governments_term_gives_its_end_levels_only():
    # qingyang-2022: delivered in December, 今年 is the year reviewed
    sections = [part("一、本届政府工作回顾", "五年来，我们做了以下工作。"),
                part("（一）做强产业引擎", "地区生产总值跨越600亿元、700亿元大关，今年预计达到850亿元。"
                     "新增城镇就业19.7万人，城镇登记失业率控制在4.5%以内。", level=2),
                part("二、2022年工作任务", "地区生产总值增长7%。")]
    facts = [(f.name, f.measure, f.kind, f.period_year, f.value, f.unit, f.qualifier)
             for f in extract_indicators(sections, 2022, delivered_in=2021)]
    assert facts == [("地区生产总值", LEVEL, ACTUAL, 2021, 850, "亿元", ""),
                     ("地区生产总值", GROWTH, TARGET, 2022, 7, "%", "")]


# ---- batch 18 (山南 2021, 汕尾 2014, 合肥 2013, 天津 2006 …), read in session 23 ----------------

@pytest.mark.parametrize("text, expected", [
    # hefei-2013, shanwei-2014, 2002-guowuyuan: other words for the CPI's rise
    ("居民消费品价格指数上涨2.4%。", [("居民消费价格涨幅", GROWTH, ACTUAL, 2012, 2.4, "%", "")]),
    ("居民消费价格上升2.5%；", [("居民消费价格涨幅", GROWTH, ACTUAL, 2012, 2.5, "%", "")]),
    # tianjin-2006: a customs district's trade is mostly other places' goods
    ("天津海关进出口总额819亿美元，其中外省市货物总值占54%。", []),
    ("城市居民年人均可支配收入和农村居民年人均纯收入分别达到12639元和7202元。",
     [("城镇居民人均可支配收入", LEVEL, ACTUAL, 2012, 12639, "元", ""),
      ("农村居民人均纯收入", LEVEL, ACTUAL, 2012, 7202, "元", "")]),
    # shannan-2021: a name for the urban and the rural figure among others
    ("2012年地区生产总值、城乡居民人均可支配收入分别完成215.4亿元、38100元、15874元，分别是2007年的1.9倍、1.59倍、1.77倍。",
     [("地区生产总值", LEVEL, ACTUAL, 2012, 215.4, "亿元", ""),
      ("城镇居民人均可支配收入", LEVEL, ACTUAL, 2012, 38100, "元", ""),
      ("农村居民人均可支配收入", LEVEL, ACTUAL, 2012, 15874, "元", "")]),
    # shannan-2021: a comparison with an earlier year after the year's figures is not theirs
    ("预计城乡居民人均可支配收入分别增长10%、13%，总量分别占全国平均水平的84.1%、93.8%，较2007年分别增加了7.3个、15.1个百分点。",
     [("城镇居民人均可支配收入", GROWTH, ACTUAL, 2012, 10, "%", ""),
      ("农村居民人均可支配收入", GROWTH, ACTUAL, 2012, 13, "%", "")]),
    # …while the change over the years stays unread (2008-guowuyuan)
    ("地区生产总值达到24.66万亿元，比2002年增长65.5%，年均增长10.6%。",
     [("地区生产总值", LEVEL, ACTUAL, 2012, 24.66, "万亿元", "")]),
])
def test_city_wordings_of_batch_18(text, expected):
    assert review_facts(text, 2012) == expected


def test_a_sentence_of_sums_frames_the_pieces_after_it():
    # 2013-guowuyuan
    text = ("五年累计，共淘汰落后炼铁产能1.17亿吨；新增城市污水日处理能力4600万吨；"
            "单位国内生产总值能耗下降17.2%，化学需氧量、二氧化硫排放总量分别下降15.7%和17.5%。")
    assert facts_in([part("一、过去五年工作回顾", text)], 2013) == []


def test_the_years_results_after_a_recap_in_the_plan_part():
    # tianjin-2006: the plan part opens on last year's results, then the targets
    text = ("各位代表，在全市人民的共同努力下，2005年市十四届人大三次会议确定的经济社会发展的各项任务已圆满完成。"
            "全市生产总值在上年增长15.7%的基础上又增长14.5%。财政收入增长26.8%。\n\n"
            "2006年是实施“十一五”规划的开局之年。主要预期目标是：生产总值增长12%，财政收入增长17%以上。")
    facts = [(f.name, f.measure, f.kind, f.period_year, f.value, f.unit, f.qualifier)
             for f in extract_indicators([part("七、做好2006年工作，实现“十一五”良好开局", text)], 2006,
                                         region="天津市")]
    assert facts == [("地区生产总值", GROWTH, ACTUAL, 2005, 14.5, "%", ""),
                     ("一般公共预算总收入", GROWTH, ACTUAL, 2005, 26.8, "%", ""),
                     ("地区生产总值", GROWTH, TARGET, 2006, 12, "%", ""),
                     ("一般公共预算总收入", GROWTH, TARGET, 2006, 17, "%", "以上")]


def test_new_jobs_of_the_year_without_the_place():
    # shannan-2021
    assert plan_facts("促进全年新增就业6200人。", 2021) == [("城镇新增就业", LEVEL, TARGET, 2021, 6200, "人", "")]


# ---- batch 19 (岳阳 2022, 东莞 2025, 安顺 2023, 濮阳 2022, 青岛 2008 …), read in session 23 -------

@pytest.mark.parametrize("text, expected", [
    # anshun-2023: grain's output after its sown area, and another crop's after it
    ("完成粮食播种面积202万亩、产量95万吨，油菜92万亩、产量11万吨。",
     [("粮食产量", LEVEL, TARGET, 2023, 95, "万吨", "")]),
    # yueyang-2022: 一般公共预算地方收入; a zone's targets
    ("一般公共预算地方收入增长8.0%左右。", [("一般公共预算收入", GROWTH, TARGET, 2023, 8, "%", "左右")]),
    ("着力建设内陆临港经济示范区，力争新港区实现GDP400亿元、进出口总额800亿元、集装箱吞吐量80万标箱；", []),
    ("力争经开区实现GDP440亿元以上。", []),
])
def test_city_wordings_of_batch_19_in_a_plan(text, expected):
    assert plan_facts(text, 2023) == expected


def test_a_record_since_a_time_is_not_a_figure_of_several_years():
    # qingdao-2008
    text = "服务业增加值、社会消费品零售总额分别增长17%、18.8%，均创新世纪以来最高增幅。"
    assert review_facts(text, 2007) == [("社会消费品零售总额", GROWTH, ACTUAL, 2007, 18.8, "%", "")]


def test_parts_without_a_telling_heading_open_on_their_period():
    # yueyang-2022: the term's review, the coming five years, then the plan year
    sections = [part("全面建成小康社会 岳阳阔步迈上现代化建设新征程",
                     "市八届人大一次会议以来的五年，是岳阳发展史上具有里程碑意义的五年。"
                     "GDP由2016年2807亿元增加到2021年4402.98亿元。城镇新增就业30.78万人。"),
                part("走好新的赶考之路 奋力开创“三区一中心”建设新局面",
                     "道阻且长，行则将至。今后五年是岳阳赶超跨越的五年。奋斗目标是：GDP达到7000亿元。"),
                part("只争朝夕抢抓开局 奋力在高质量发展上闯出新路子",
                     "2022年是实施“十四五”规划承上启下的关键之年。主要经济指标预期目标是：GDP增长7.5%以上。")]
    assert facts_in(sections, 2022) == [
        ("地区生产总值", LEVEL, ACTUAL, 2021, 4402.98, "亿元", ""),
        ("地区生产总值", GROWTH, TARGET, 2022, 7.5, "%", "以上")]


# ---- batch 20 (贵阳 2011, 徐州 2023, 定西 2022, 西双版纳州 2025 …), read in session 23 ------------

def test_a_terms_review_with_levels_it_is_expected_to_reach():
    # dingxi-2022, delivered in December 2021: 有望达到 at the end of the term
    sections = [part("一、四届政府工作及“十四五”开局", "市四届人大一次会议以来的五年，是定西发生深刻变革的五年。"),
                part("", "——五年砥砺前行。到今年底，地区生产总值有望达到500亿元，比2016年增加170多亿元，年均增长8%；"
                         "一般公共预算收入在大规模减税降费背景下逆势增长，有望达到30亿元。", level=2),
                part("", "——五年用情用力。城乡居民人均可支配收入有望达到3万元和1万元，年均分别增长7.6%、9.7%。"
                         "城镇新增就业8万人。", level=2)]
    facts = [(f.name, f.measure, f.kind, f.period_year, f.value, f.unit, f.qualifier)
             for f in extract_indicators(sections, 2022, delivered_in=2021)]
    assert facts == [("地区生产总值", LEVEL, ACTUAL, 2021, 500, "亿元", ""),
                     ("一般公共预算收入", LEVEL, ACTUAL, 2021, 30, "亿元", ""),
                     ("城镇居民人均可支配收入", LEVEL, ACTUAL, 2021, 3, "万元", ""),
                     ("农村居民人均可支配收入", LEVEL, ACTUAL, 2021, 1, "万元", "")]


def test_border_trade_is_a_part():
    # xishuangbanna-2025
    assert review_facts("规范运营边民互市二级市场，边民互市进出口贸易总额82.3亿元、增长17.7%。", 2024) == []


# ---- batch 21 (吉林市 2015, 银川 2020, 萍乡 2021, 厦门 2016 …), read in session 23 ---------------

@pytest.mark.parametrize("text, expected", [
    # jilinshi-2015, xiamen-2016: 地方级(财政)收入 is the local budget revenue
    ("财政总收入和地方级收入分别增长8%和6.5%；",
     [("一般公共预算总收入", GROWTH, TARGET, 2016, 8, "%", ""),
      ("一般公共预算收入", GROWTH, TARGET, 2016, 6.5, "%", "")]),
    ("地方级财政收入增长7%左右。", [("一般公共预算收入", GROWTH, TARGET, 2016, 7, "%", "左右")]),
    # pingxiang-2021
    ("居民消费价格水平涨幅控制在3%以内。", [("居民消费价格涨幅", GROWTH, TARGET, 2016, 3, "%", "以内")]),
])
def test_city_wordings_of_batch_21(text, expected):
    assert plan_facts(text, 2016) == expected


def test_a_paragraph_opening_on_a_five_year_period_is_that_periods():
    # xiamen-2016: the 十二五 paragraph inside the review of 2015
    text = ("各位代表！“十二五”期间，我们牢牢把握重大历史机遇。四是改善民生取得新成效。"
            "新增城镇就业75.2万人，转移农村劳动力8.7万人。")
    assert facts_in([part("一、2015年和“十二五”工作回顾", text)], 2016) == []


# ---- batch 22 (许昌 2021, 青岛 2025 …), read in session 23 -----------------------------------

def test_services_trade_is_a_part():
    # qingdao-2025
    assert review_facts("服务贸易进出口额达到1560亿元，增长18.6%。", 2024) == []


# ---- batch 23 (齐齐哈尔 2014, 青岛 2007, 大庆 2020, 通辽 2021, 潍坊 2021), read in session 24 -------

@pytest.mark.parametrize("text, expected", [
    # daqing-2020: a verb with 了
    ("克服了局部内涝影响，粮食总产量达到了90.6亿斤，粮食安全市长责任制考核排名全省第一。",
     [("粮食产量", LEVEL, ACTUAL, 2019, 90.6, "亿斤", "")]),
    # tongliao-2021: the increase, then the output it reached
    ("新建浅埋滴灌高标准农田17.37万亩，粮食增产3.2亿斤、达到173亿斤，牧业年度新增肉牛存栏53.8万头。",
     [("粮食产量", LEVEL, ACTUAL, 2019, 173, "亿斤", "")]),
    ("粮食减产2.5%。", [("粮食产量", GROWTH, ACTUAL, 2019, -2.5, "%", "")]),
])
def test_grain_reached_and_changed(text, expected):
    assert review_facts(text, 2019) == expected


def test_prices_named_by_their_index_and_增幅():
    # qingdao-2007
    assert plan_facts("城镇登记失业率控制在4%以内，居民消费价格指数增幅控制在3%以内。", 2007) == [
        ("城镇登记失业率", LEVEL, TARGET, 2007, 4, "%", "以内"),
        ("居民消费价格涨幅", GROWTH, TARGET, 2007, 3, "%", "以内")]


def test_local_revenue_beside_the_budget_revenue_is_a_wider_figure():
    # qiqihaer-2014: 地方财政收入 names the budget revenue only where nothing else does
    text = "财政总收入144.9亿元、地方财政收入104.6亿元、公共财政预算收入64.4亿元，分别增长18.1%、19.7%和17.1%；"
    assert review_facts(text, 2013) == [
        ("一般公共预算总收入", GROWTH, ACTUAL, 2013, 18.1, "%", ""),
        ("一般公共预算总收入", LEVEL, ACTUAL, 2013, 144.9, "亿元", ""),
        ("一般公共预算收入", GROWTH, ACTUAL, 2013, 17.1, "%", ""),
        ("一般公共预算收入", LEVEL, ACTUAL, 2013, 64.4, "亿元", "")]
    assert review_facts("地方财政收入104.6亿元，增长19.7%。", 2013) == [
        ("一般公共预算收入", LEVEL, ACTUAL, 2013, 104.6, "亿元", ""),
        ("一般公共预算收入", GROWTH, ACTUAL, 2013, 19.7, "%", "")]
    assert facts_of("2013年，地方财政收入增长19.7%。", 2014, national=True) == []


@pytest.mark.parametrize("heading, year, targets", [
    # tongliao-2021: the plan's items under a heading on the first year of the 十四五
    ("二、全力以赴做好“十四五”开局工作", 2021, 1),
    ("二、决战决胜“十三五”收官之年", 2020, 1),
    # the same heading in the report of another year says nothing of the plan year
    ("二、全力以赴做好“十四五”开局工作", 2022, 0),
])
def test_a_heading_on_a_plans_first_or_last_year(heading, year, targets):
    text = "增加城乡居民收入。落实就业优先政策，农牧民稳定转移就业40万人，城镇新增就业1.5万人，确保零就业家庭动态清零。"
    facts = facts_in([part(heading, text)], year)
    assert [(f[0], f[2], f[3]) for f in facts] == [("城镇新增就业", TARGET, year)] * targets


# ---- batch 24 (通化 2023, 乌兰察布 2021, 滁州 2021, 石家庄 2019, 龙岩 2019, 南宁 2025), read in session 24

def test_budget_revenue_named_without_一般():
    # longyan-2019
    assert review_facts("公共预算总收入297亿元、增长6.4%，地方公共预算收入151亿元、增长9%。", 2018) == [
        ("一般公共预算总收入", LEVEL, ACTUAL, 2018, 297, "亿元", ""),
        ("一般公共预算总收入", GROWTH, ACTUAL, 2018, 6.4, "%", ""),
        ("一般公共预算收入", LEVEL, ACTUAL, 2018, 151, "亿元", ""),
        ("一般公共预算收入", GROWTH, ACTUAL, 2018, 9, "%", "")]


def test_a_unit_written_once_after_listed_values_is_each_ones():
    # shijiazhuang-2019: 及 inside an item, the unit after the last value
    text = "粮食、蔬菜及食用菌、肉蛋奶总产量分别达到424.8、502.5、187.9万吨，农业结构持续优化。"
    assert review_facts(text, 2018) == [("粮食产量", LEVEL, ACTUAL, 2018, 424.8, "万吨", "")]


@pytest.mark.parametrize("text, expected", [
    # shijiazhuang-2019, chaoyang-2021's wording: one value for each name, known or not
    ("力争全年进出口总值、实际利用外资均增长5%以上。", [("进出口总额", GROWTH, TARGET, 2019, 5, "%", "以上")]),
    # xizang-2026
    ("粮食、肉蛋奶、蔬菜产量均稳定在百万吨以上。", [("粮食产量", LEVEL, TARGET, 2019, 100, "万吨", "以上")]),
    # 分别 with one value and a name it does not know stays unread
    ("进出口总值、实际利用外资分别增长5%。", []),
])
def test_a_value_shared_with_均_is_each_names(text, expected):
    assert plan_facts(text, 2019) == expected


# ---- batch 25 (延边州 2021, 宜宾 2016, 北京 1999, 松原 2022, 曲靖 2014, 广州 2006), read in session 24

def city_review(text, reviewed_year):
    return review_facts(text, reviewed_year, national=False, region="某市")


@pytest.mark.parametrize("text, expected", [
    # beijing-1999: a city's GDP under the country's name, as before 2000
    ("全市国内生产总值达到2009.9亿元，增长9.7%。",
     [("地区生产总值", LEVEL, ACTUAL, 1998, 2009.9, "亿元", ""), ("地区生产总值", GROWTH, ACTUAL, 1998, 9.7, "%", "")]),
    ("全国国内生产总值增长7.8%。", []),
    # beijing-1999: 按可比口径计算
    ("地方财政收入227.3亿元，按可比口径计算增长20%。",
     [("一般公共预算收入", LEVEL, ACTUAL, 1998, 227.3, "亿元", ""), ("一般公共预算收入", GROWTH, ACTUAL, 1998, 20, "%", "")]),
    # beijing-1999: a record named beside the figure is no period
    ("全社会固定资产投资完成1115.3亿元，增长16%，是建国以来投资规模最大的一年。",
     [("固定资产投资", LEVEL, ACTUAL, 1998, 1115.3, "亿元", ""), ("固定资产投资", GROWTH, ACTUAL, 1998, 16, "%", "")]),
    ("社会消费品零售总额达到1167.2亿元，实际增长12.9%，是近十年来增幅最高的一年。",
     [("社会消费品零售总额", LEVEL, ACTUAL, 1998, 1167.2, "亿元", ""),
      ("社会消费品零售总额", GROWTH, ACTUAL, 1998, 12.9, "%", "")]),
    # qujing-2014
    ("完成市内生产总值1583.9亿元，同比增长13.1%。",
     [("地区生产总值", LEVEL, ACTUAL, 1998, 1583.9, "亿元", ""), ("地区生产总值", GROWTH, ACTUAL, 1998, 13.1, "%", "")]),
    # songyuan-2022: a note between 同比 and its verb
    ("预计全年GDP同比（下同）增长8%，固定资产投资增长11%。",
     [("地区生产总值", GROWTH, ACTUAL, 1998, 8, "%", ""), ("固定资产投资", GROWTH, ACTUAL, 1998, 11, "%", "")]),
])
def test_city_wordings_of_batch_25(text, expected):
    assert city_review(text, 1998) == expected


@pytest.mark.parametrize("text, expected", [
    # guangzhou-2006: the level the year reached, from a five-year start
    ("全市海关进出口总值从2000年的233.51亿美元增至2005年的534.88亿美元。",
     [("进出口总额", LEVEL, ACTUAL, 2005, 534.88, "亿美元", "")]),
    ("2005年末，城镇登记失业率由2000年末的3.15%下降为2.08%。", [("城镇登记失业率", LEVEL, ACTUAL, 2005, 2.08, "%", "")]),
    # guangzhou-2006: the revenue raised in the place is the total
    ("2005年来源于广州地区的财政一般预算收入1502亿元，比上年增长14.8%，地方财政一般预算收入达371.26亿元。",
     [("一般公共预算总收入", LEVEL, ACTUAL, 2005, 1502, "亿元", ""),
      ("一般公共预算总收入", GROWTH, ACTUAL, 2005, 14.8, "%", ""),
      ("一般公共预算收入", LEVEL, ACTUAL, 2005, 371.26, "亿元", "")]),
    # guangzhou-2006: the change on last year, then on an earlier year
    ("农村居民人均纯收入达7080元，分别比上年和2000年增长6.9%和36.8%。",
     [("农村居民人均纯收入", LEVEL, ACTUAL, 2005, 7080, "元", ""),
      ("农村居民人均纯收入", GROWTH, ACTUAL, 2005, 6.9, "%", "")]),
    # guangzhou-2006: changes after levels, the second of something else
    ("2005年社会消费品零售总额1898.74亿元，批发零售商品销售总额7368.95亿元，分别比上年增长13.2%和14.9%。",
     [("社会消费品零售总额", GROWTH, ACTUAL, 2005, 13.2, "%", ""),
      ("社会消费品零售总额", LEVEL, ACTUAL, 2005, 1898.74, "亿元", "")]),
    # gansu-2026's wording: the first clause names whose the amounts are
    ("省属企业完成产业类投资553.1亿元、固定资产投资133.5亿元，分别增长10.6%、10.3%。", []),
])
def test_levels_and_changes_of_an_older_city_report(text, expected):
    assert city_review(text, 2005) == expected


def test_a_level_after_a_passed_mark_in_a_five_year_review():
    # yibin-2016: 迈过千亿元大关，预计2015年实现1560亿元
    text = "过去五年，是我市综合实力快速提升的五年。全市地区生产总值迈过千亿元大关，预计2015年实现1560亿元、年均增长10.8%。"
    assert review_facts(text, 2015) == [("地区生产总值", LEVEL, ACTUAL, 2015, 1560, "亿元", "")]


def test_a_dash_led_five_year_paragraph_in_the_review_is_that_periods():
    # yanbian-2021: ——五年来，… after the reviewed year's items: its new jobs are a sum
    text = ("城镇新增就业1.8万人，城镇登记失业率2.87%。\n"
            "——五年来，我们兜底线、补短板、惠民生。城镇新增就业18.7万人，城镇登记失业率控制在4.5%以内。")
    assert review_facts(text, 2020) == [("城镇新增就业", LEVEL, ACTUAL, 2020, 1.8, "万人", ""),
                                        ("城镇登记失业率", LEVEL, ACTUAL, 2020, 2.87, "%", "")]


def test_a_five_year_reviews_level_gives_way_to_the_years_own():
    # chuzhou-2021: the five-year passage rounds (1160) what the year's part states (1182.6)
    sections = [part("一、2020年工作和“十三五”时期发展回顾", "社会消费品零售总额1182.6亿元，增长3.9%。"),
                part("", "五年来，我们坚持稳中求进。社会消费品零售总额从674.9亿元增至1160亿元，年均增长11%以上。", level=2)]
    assert facts_in(sections, 2021) == [("社会消费品零售总额", LEVEL, ACTUAL, 2020, 1182.6, "亿元", ""),
                                        ("社会消费品零售总额", GROWTH, ACTUAL, 2020, 3.9, "%", "")]


# ---- batch 26 (河池 2023, 菏泽 2016, 江门 2018, 太原 2013, 朝阳 2021, 泰州 2022), read in session 24 ----

def test_a_part_reporting_how_tasks_went_is_a_review():
    # heze-2016: “十二五”…实施情况 (the five years) and 2015年主要工作任务完成情况 (the year)
    sections = [part("一、“十二五”经济社会发展规划实施情况",
                     "2011年至2015年，全市人民开拓创新。社会消费品零售总额由666亿元增加到1350亿元。"),
                part("二、2015年主要工作任务完成情况", "刚刚过去的一年，我们主动适应新常态。预计全年完成地区生产总值2400亿元，增长9.3%。"),
                part("三、2016年的目标任务和工作重点", "今年是“十三五”开局之年。地区生产总值增长8.5%左右。")]
    assert facts_in(sections, 2016) == [
        ("社会消费品零售总额", LEVEL, ACTUAL, 2015, 1350, "亿元", ""),
        ("地区生产总值", LEVEL, ACTUAL, 2015, 2400, "亿元", ""),
        ("地区生产总值", GROWTH, ACTUAL, 2015, 9.3, "%", ""),
        ("地区生产总值", GROWTH, TARGET, 2016, 8.5, "%", "左右")]


def test_the_figures_an_estimate_is_based_on_are_no_facts():
    # hechi-2023: a note after the report
    text = "千亿产业，以2022年河池市实际工业用电量45.5亿度、GDP1100亿、工业总产值635.2亿元为基数进行大致类推。"
    assert review_facts(text, 2022) == []


def test_the_budget_named_for_its_revenue():
    # xinan-2024: 一般公共预算同比增长 (its revenue); the budget's spending is no revenue
    assert review_facts("全年生产总值同比增长2%，一般公共预算同比增长0.5%。", 2023) == [
        ("地区生产总值", GROWTH, ACTUAL, 2023, 2, "%", ""), ("一般公共预算收入", GROWTH, ACTUAL, 2023, 0.5, "%", "")]
    assert review_facts("一般公共预算支出增长5%。", 2023) == []


# ---- batch 27 (厦门 2006, 青岛 2012, 合肥 2023, 武汉 2026, 舟山 2021, 盐城 2023), read in session 24 ------

def test_a_numbered_governments_term_is_several_years():
    # qingdao-2012: 第十四届政府工作回顾, a term of four years with no part of its own for 2011
    text = "四年来，全市生产总值跨越三个千亿元台阶，2011年达到6615.6亿元，年均增长12.5%。实现进出口总额2236亿美元，实际利用外资110亿美元。"
    assert facts_in([part("一、第十四届政府工作回顾", text)], 2012) == [
        ("地区生产总值", LEVEL, ACTUAL, 2011, 6615.6, "亿元", "")]


@pytest.mark.parametrize("text, reviewed_year, expected", [
    # xiamen-2006: a price index on last year's 100, without %
    ("居民消费价格指数101，城镇登记失业率3.79%。", 2005,
     [("居民消费价格涨幅", GROWTH, ACTUAL, 2005, 1, "%", ""), ("城镇登记失业率", LEVEL, ACTUAL, 2005, 3.79, "%", "")]),
    # zhoushan-2021: 分别 before the starting values
    ("城乡居民收入分别从44845元、25903元提高到63702元、39096元。", 2020,
     [("城镇居民人均可支配收入", LEVEL, ACTUAL, 2020, 63702, "元", ""),
      ("农村居民人均可支配收入", LEVEL, ACTUAL, 2020, 39096, "元", "")]),
    # wuhan-2026: bonded zones are parts
    ("三大综保区进出口额突破1200亿元。", 2025, []),
])
def test_city_wordings_of_batch_27(text, reviewed_year, expected):
    assert review_facts(text, reviewed_year) == expected


def test_a_price_index_target_without_percent():
    # xiamen-2006
    assert plan_facts("居民消费价格指数102左右，城镇登记失业率控制在4%以内。", 2006) == [
        ("居民消费价格涨幅", GROWTH, TARGET, 2006, 2, "%", "左右"), ("城镇登记失业率", LEVEL, TARGET, 2006, 4, "%", "以内")]


# ---- batch 28 (青岛 2015, 莆田 2014, 晋城 2021, 永州 2024, 陇南 2025, 黑河 2014), read in session 24 ------

def test_targets_stated_as_a_growth_and_the_level_it_gives():
    # putian-2014: 增长12.5%，预期1550亿元
    assert plan_facts("全市生产总值增长12.5%，预期1550亿元；外贸总额增长8%，预期52.5亿美元。", 2014) == [
        ("地区生产总值", GROWTH, TARGET, 2014, 12.5, "%", ""), ("地区生产总值", LEVEL, TARGET, 2014, 1550, "亿元", ""),
        ("进出口总额", GROWTH, TARGET, 2014, 8, "%", ""), ("进出口总额", LEVEL, TARGET, 2014, 52.5, "亿美元", "")]


@pytest.mark.parametrize("text, expected", [
    # longnan-2025: the urban and the rural level without a verb, then 分别增长
    ("城乡居民人均可支配收入33722元和11777元，分别增长6%、8.5%。",
     [("城镇居民人均可支配收入", LEVEL, ACTUAL, 2024, 33722, "元", ""),
      ("农村居民人均可支配收入", LEVEL, ACTUAL, 2024, 11777, "元", ""),
      ("城镇居民人均可支配收入", GROWTH, ACTUAL, 2024, 6, "%", ""),
      ("农村居民人均可支配收入", GROWTH, ACTUAL, 2024, 8.5, "%", "")]),
    # heihe-2014: the city's own (市直) revenue is a part
    ("公共财政收入23.1亿元，增长11.8%，其中，市直公共财政收入6.9亿元，增长22%。",
     [("一般公共预算收入", LEVEL, ACTUAL, 2024, 23.1, "亿元", ""), ("一般公共预算收入", GROWTH, ACTUAL, 2024, 11.8, "%", "")]),
    # longnan-2025: a district's GDP is a part; 北京地区 is the whole
    ("武都区地区生产总值突破200亿元、成县力争达到100亿元。", []),
    ("北京地区进出口总额超3.6万亿元。", [("进出口总额", LEVEL, ACTUAL, 2024, 3.6, "万亿元", "超过")]),
    # the total in the clause after the growth, without a verb
    ("地区生产总值增长5.8%、增速全国第3，总量60013亿元。",
     [("地区生产总值", GROWTH, ACTUAL, 2024, 5.8, "%", ""), ("地区生产总值", LEVEL, ACTUAL, 2024, 60013, "亿元", "")]),
])
def test_city_wordings_of_batch_28(text, expected):
    assert review_facts(text, 2024) == expected


# ---- batch 29 (乌鲁木齐 2014, 湛江 2019, 钦州 2025, 合肥 2017, 嘉峪关 2014, 深圳 2023), read in session 24 -

@pytest.mark.parametrize("text, expected", [
    # jiayuguan-2014: 年内新增就业 in a sentence on jobs
    ("深入实施全民创业工程，年内新增就业7500人以上，城镇登记失业率控制在2.7%以内。",
     [("城镇新增就业", LEVEL, TARGET, 2023, 7500, "人", "以上"), ("城镇登记失业率", LEVEL, TARGET, 2023, 2.7, "%", "以内")]),
    # shenzhen-2023: 新增就业 among the main targets; 消费价格涨幅 without 居民 (zhanjiang-2019)
    ("主要预期目标是：地区生产总值增长6%，新增就业18万人，消费价格涨幅控制在3%以内。",
     [("地区生产总值", GROWTH, TARGET, 2023, 6, "%", ""), ("城镇新增就业", LEVEL, TARGET, 2023, 18, "万人", ""),
      ("居民消费价格涨幅", GROWTH, TARGET, 2023, 3, "%", "以内")]),
    # one sector's new jobs stay unread
    ("新增营业面积10万平方米，新增就业3000人。", []),
])
def test_city_wordings_of_batch_29_in_a_plan(text, expected):
    assert plan_facts(text, 2023) == expected


@pytest.mark.parametrize("text, expected", [
    # wulumuqi-2014
    ("新增城镇人员就业8.2万人。", [("城镇新增就业", LEVEL, ACTUAL, 2018, 8.2, "万人", "")]),
    # zhanjiang-2019: a mark, the exact level, then the growth
    ("全市地区生产总值突破3000亿元，预计达到3012亿元，增长6%。",
     [("地区生产总值", LEVEL, ACTUAL, 2018, 3012, "亿元", ""), ("地区生产总值", GROWTH, ACTUAL, 2018, 6, "%", "")]),
])
def test_city_wordings_of_batch_29_in_a_review(text, expected):
    assert review_facts(text, 2018) == expected


# ---- batch 30 (铁岭 2022, 池州 2020, 济南 2025, 唐山 2012, 石家庄 2020, 三亚 2022), read in session 24 ----

@pytest.mark.parametrize("text, expected", [
    # tangshan-2012: 由上年的…跃升到…, then 其中… and the changes of both
    ("全部财政收入由上年的439亿元跃升到555.5亿元，其中一般预算收入255.6亿元，分别增长26.6%和30.5%。",
     [("一般公共预算总收入", GROWTH, ACTUAL, 2011, 26.6, "%", ""), ("一般公共预算总收入", LEVEL, ACTUAL, 2011, 555.5, "亿元", ""),
      ("一般公共预算收入", GROWTH, ACTUAL, 2011, 30.5, "%", ""), ("一般公共预算收入", LEVEL, ACTUAL, 2011, 255.6, "亿元", "")]),
    # tangshan-2012: a kind of area that completed its output is a part
    ("沿海地区完成生产总值1620亿元，增长13.5%，增速高于全市1.8个百分点。", []),
    # jinan-2025: 预计 between the name and the figure
    ("全市粮食总产量预计306万吨左右。", [("粮食产量", LEVEL, ACTUAL, 2011, 306, "万吨", "左右")]),
])
def test_city_wordings_of_batch_30(text, expected):
    assert review_facts(text, 2011) == expected


# ---- batch 33 (大连 2013, 长春 2019, 聊城 2014, 孝感 2016, 哈尔滨 2018, 大同 2021, 白城 2023), read in session 25 ----

@pytest.mark.parametrize("text, expected", [
    # haerbin-2018: figures of part of the year, also in an enumeration and with 分别
    ("前三季度，城乡居民人均可支配收入达到25891.2元和10469.3元，分别增长6.8%和6.7%。", []),
    ("截至11月底，完成固定资产投资4050.4亿元、社会消费品零售总额3560.9亿元，分别增长6.6%和7.8%。", []),
    ("前11个月，社会消费品零售总额增长8%。", []),
    # … but the year's end is the whole year, and so is 全年 after a part
    ("截至2017年底，完成固定资产投资4050.4亿元。", [("固定资产投资", LEVEL, ACTUAL, 2017, 4050.4, "亿元", "")]),
    ("上半年增长5%，全年地区生产总值增长6.6%。", [("地区生产总值", GROWTH, ACTUAL, 2017, 6.6, "%", "")]),
    # liaocheng-2014: two levels, each with its verb and 全市 before the first, then 分别
    ("全市城镇居民人均可支配收入达到26450元，农民人均纯收入达到10030元，分别增长11.5%和13%。",
     [("城镇居民人均可支配收入", GROWTH, ACTUAL, 2017, 11.5, "%", ""), ("城镇居民人均可支配收入", LEVEL, ACTUAL, 2017, 26450, "元", ""),
      ("农村居民人均纯收入", GROWTH, ACTUAL, 2017, 13, "%", ""), ("农村居民人均纯收入", LEVEL, ACTUAL, 2017, 10030, "元", "")]),
    # dalian-2013: 按传统口径计算 between a name and its verb
    ("固定资产投资按传统口径计算超过8000亿元，增长25%。",
     [("固定资产投资", LEVEL, ACTUAL, 2017, 8000, "亿元", "超过"), ("固定资产投资", GROWTH, ACTUAL, 2017, 25, "%", "")]),
    # xiaogan-2016: one name and 都 after a count of places: each county's figure
    ("7个县市区生产总值、固定资产投资都超过百亿元，财政总收入都超过10亿元。", []),
])
def test_city_wordings_of_batch_33_in_a_review(text, expected):
    assert city_review(text, 2017) == expected


def test_a_level_beside_its_base_years_in_a_five_year_review_is_the_periods_end():
    """xiaogan-2016: 是2010年的N倍 compares one year's level with another's; a sum over the
    five years is never set beside one year. Without it a verbless level there says nothing."""
    text = ("这五年，经济规模成倍增长。财政总收入169.4亿元、地方公共财政预算收入122.8亿元，分别是2010年的2.9倍、3.6倍。"
            "社会消费品零售总额797.1亿元，是2010年的2.1倍。完成全社会固定资产投资1824.9亿元，是2010年的3.2倍。"
            "城镇新增就业27.4万人。进出口总额60亿元。")
    assert facts_in([part("一、“十二五”工作回顾", text)], 2016) == [
        ("一般公共预算总收入", LEVEL, ACTUAL, 2015, 169.4, "亿元", ""),
        ("一般公共预算收入", LEVEL, ACTUAL, 2015, 122.8, "亿元", ""),
        ("社会消费品零售总额", LEVEL, ACTUAL, 2015, 797.1, "亿元", ""),
        ("固定资产投资", LEVEL, ACTUAL, 2015, 1824.9, "亿元", "")]


def test_all_residents_disposable_income_without_per_capita_is_the_whole_places():
    # dalian-2013
    assert plan_facts("全体居民可支配收入增长13%，城镇登记失业率控制在3%以下。", 2013) == [
        ("城乡居民人均可支配收入", GROWTH, TARGET, 2013, 13, "%", ""),
        ("城镇登记失业率", LEVEL, TARGET, 2013, 3, "%", "以下")]


# ---- batch 34 (深圳 2012, 肇庆 2023, 赣州 2024, 岳阳 2023, 沈阳 2016, 湘西州 2022), read in session 25 ----

def test_the_generic_gdp_after_本市_is_the_places():
    # shenzhen-2012
    assert city_review("本市生产总值突破1.1万亿元，增长10%以上。", 2011) == [
        ("地区生产总值", LEVEL, ACTUAL, 2011, 1.1, "万亿元", "超过"), ("地区生产总值", GROWTH, ACTUAL, 2011, 10, "%", "以上")]
    assert plan_facts("本市生产总值增长10％左右。", 2012) == [("地区生产总值", GROWTH, TARGET, 2012, 10, "%", "左右")]


def test_the_investment_after_a_count_of_projects_is_theirs():
    # ganzhou-2024: the projects' investment, not the city's
    assert plan_facts("实施亿元以上工业项目448个，完成年度固定资产投资564亿元。", 2024) == []
    assert plan_facts("实施亿元以上工业项目448个，全市固定资产投资增长6.5%左右。", 2024) == [
        ("固定资产投资", GROWTH, TARGET, 2024, 6.5, "%", "左右")]


@pytest.mark.parametrize("verb", ["上升到", "增长至", "提高为", "增至"])
def test_every_verb_of_a_change_to_a_level_gives_the_level_reached(verb):
    """One list (MOVED_TO) of the verbs that end at a level: from a start, after 分别 and
    in a review of several years, where only a level reached is the period's end."""
    text = (f"这五年，城镇居民人均可支配收入从2.1万元{verb}3.6万元。"
            f"地区生产总值和一般公共预算收入分别从300亿元和20亿元{verb}520亿元和36亿元。")
    assert facts_in([part("一、过去五年工作回顾", text)], 2021) == [
        ("城镇居民人均可支配收入", LEVEL, ACTUAL, 2020, 3.6, "万元", ""),
        ("地区生产总值", LEVEL, ACTUAL, 2020, 520, "亿元", ""),
        ("一般公共预算收入", LEVEL, ACTUAL, 2020, 36, "亿元", "")]


# ---- batch 35 (绵阳 2014, 滁州 2014, 天水 2018, 福州 2020, 赣州 2022, 武汉 2024), read in session 25 ----

@pytest.mark.parametrize("text, expected", [
    # wuhan-2024: the year after its quarters, the GDP's own name opening the sentence
    ("经济增速逐季回升，一季度增长4.5%，上半年增长5%，前三季度增长5.5%，全年增长5.7%，地区生产总值突破2万亿元。",
     [("地区生产总值", GROWTH, ACTUAL, 2023, 5.7, "%", ""), ("地区生产总值", LEVEL, ACTUAL, 2023, 2, "万亿元", "超过")]),
    # … but not after another name
    ("固定资产投资一季度增长4.5%，上半年增长5%，全年增长6%。", []),
    # chuzhou-2014: what building something cost is its investment, not the city's
    ("市政公用设施建设完成固定资产投资157.6亿元，总量全省第二。", []),
])
def test_city_wordings_of_batch_35(text, expected):
    assert city_review(text, 2023) == expected


# ---- batch 36 (威海 2014, 北京 2015, 滨州 2021, 太原 2017, 南通 2022, 襄阳 2016), read in session 25 ----

def test_a_year_opener_after_the_address_frames_the_paragraph_in_a_five_year_review():
    # nantong-2022: the reviewed year's paragraph inside the review of the term
    text = ("各位代表，2021年是本届政府的收官之年，我们较好完成全年目标任务。"
            "全市完成地区生产总值11026.9亿元，增长8.9%；一般公共预算收入710.2亿元，增长11.1%。")
    assert facts_in([part("一、过去五年工作回顾", text)], 2022, national=False, region="某市") == [
        ("地区生产总值", LEVEL, ACTUAL, 2021, 11026.9, "亿元", ""), ("地区生产总值", GROWTH, ACTUAL, 2021, 8.9, "%", ""),
        ("一般公共预算收入", LEVEL, ACTUAL, 2021, 710.2, "亿元", ""), ("一般公共预算收入", GROWTH, ACTUAL, 2021, 11.1, "%", "")]
