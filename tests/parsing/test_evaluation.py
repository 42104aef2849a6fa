"""make eval: the scoring rules on hand-made labels and facts, and the pinned totals on the corpus.

The corpus test runs the whole evaluation over fixtures/labels (EVAL_LABELS=folder reads
another folder) and holds it to bench.evaluate.FLOOR, so that a parser change that loses
right figures, adds wrong ones or drops headings fails CI.
"""
import os
from pathlib import Path

import pytest

from archive.parsing.document import IndicatorFact, SectionNode
from bench.evaluate import FLOOR, Totals, evaluate, main, shortfalls
from bench.labels import LabelError, LabelledFact, LabelledHeading, load_label, load_labels
from bench.scoring import (
    HeadingTally, extracted_headings, heading_text, headings_match, score_headings, score_indicators,
)
from tests.conftest import ROOT

GDP_TARGET = LabelledFact("地区生产总值", "growth", "target", 2025, 5.0, "%", "左右",
                          quote="地区生产总值增长5%左右")


def fact(name="地区生产总值", measure="growth", kind="target", period=2025, value=5.0, unit="%",
         qualifier="左右", high=None, sentence="地区生产总值增长5%左右。"):
    return IndicatorFact(name=name, measure=measure, value=value, unit=unit, kind=kind,
                         period_year=period, sentence=sentence, value_high=high,
                         qualifier=qualifier)


def counts(score, kind):
    tally = score.tallies[kind]
    return tally.right, tally.wrong, tally.missed, tally.false


def test_the_same_fact_is_right():
    assert counts(score_indicators([GDP_TARGET], [fact()]), "target") == (1, 0, 0, 0)


def test_units_compare_by_value():
    label = LabelledFact("地区生产总值", "level", "actual", 2024, 1.3, "万亿元", "")
    score = score_indicators([label], [fact(measure="level", kind="actual", period=2024,
                                            value=13000, unit="亿元", qualifier="")])
    assert counts(score, "actual") == (1, 0, 0, 0)
    grain = LabelledFact("粮食产量", "level", "actual", 2024, 1000, "万吨", "")
    score = score_indicators([grain], [fact("粮食产量", "level", "actual", 2024, 200, "亿斤", "")])
    assert counts(score, "actual") == (1, 0, 0, 0)
    as_written = LabelledFact("地区生产总值", "level", "actual", 2024, 5500, "亿", "超过")   # 突破5500亿
    score = score_indicators([as_written], [fact(measure="level", kind="actual", period=2024,
                                                 value=5500, unit="亿元", qualifier="超过")])
    assert counts(score, "actual") == (1, 0, 0, 0)


@pytest.mark.parametrize("changed", [
    {"kind": "actual", "period": 2024},    # a target stored as last year's actual
    {"qualifier": ""},                     # 左右 lost
    {"name": "一般公共预算收入"},            # the quoted words credited to another name
    {"value": 5.5},                        # a wrong number
])
def test_a_fact_that_stands_for_the_label_but_differs_is_wrong(changed):
    score = score_indicators([GDP_TARGET], [fact(**changed)])
    assert counts(score, "target") == (0, 1, 0, 0)


def test_a_label_nothing_stands_for_is_missed_and_an_unstated_fact_is_false():
    other = fact(name="固定资产投资", kind="actual", period=2024, value=3.1, qualifier="",
                 sentence="固定资产投资增长3.1%。")
    score = score_indicators([GDP_TARGET], [other])
    assert counts(score, "target") == (0, 0, 1, 0)
    assert counts(score, "actual") == (0, 0, 0, 1)
    assert score.missed == [GDP_TARGET] and score.false == [other]


def test_same_value_under_another_name_without_the_quote_is_not_paired():
    unrelated = fact(name="居民消费价格涨幅", qualifier="", sentence="居民消费价格涨幅5%。")
    score = score_indicators([GDP_TARGET], [unrelated])
    assert counts(score, "target") == (0, 0, 1, 1)


def test_names_outside_the_key_list_are_ignored():
    score = score_indicators([], [fact(name="规上工业增加值")])
    assert counts(score, "target") == (0, 0, 0, 0)


def test_a_repeat_of_a_right_fact_is_neither_right_nor_false():
    score = score_indicators([GDP_TARGET], [fact(), fact(qualifier="")])
    assert counts(score, "target") == (1, 0, 0, 0)
    assert score.tallies["target"].repeats == 1


def test_a_range_needs_both_ends():
    label = LabelledFact("地区生产总值", "growth", "target", 2025, 5.0, "%", "range", 5.5)
    assert counts(score_indicators([label], [fact(high=5.5, qualifier="range")]),
                  "target") == (1, 0, 0, 0)
    assert counts(score_indicators([label], [fact(high=6.0, qualifier="range")]),
                  "target") == (0, 1, 0, 0)


def test_heading_text_drops_numbering_marks_and_spaces():
    assert heading_text("**（一）科学调度、精准施策，推动经济持续回升向好。**") == \
        "科学调度精准施策推动经济持续回升向好"
    assert heading_text("一、2024年工作回顾") == "2024年工作回顾"
    assert heading_text("一是加大宏观调控力度，推动经济运行持续好转。") == "加大宏观调控力度推动经济运行持续好转"
    assert heading_text("第一，坚持 政治引领") == "坚持政治引领"
    assert heading_text("1.坚持依法行政") == heading_text("１、坚持依法行政") == "坚持依法行政"


def test_headings_match_by_prefix_but_not_a_stub():
    assert headings_match("一、2024年工作回顾", "2024年工作回顾")
    assert headings_match("2024年工作回顾", "2024年工作回顾过去一年我们")   # body swallowed
    assert headings_match("（二）推动科技创新和产业创新深度融合，新质生产力加快成长。",
                          "推动科技创新和产业创新深度融合")
    assert not headings_match("三、持续提升政府治理效能和服务水平", "持续提升政府")
    assert not headings_match("一、2024年工作回顾", "二、2025年工作安排")
    # 第三 that opens the words is no ordinal number (海拉尔区 2012)
    assert headings_match("（三）第三产业发展强劲，集聚辐射能力持续增强。", "第三产业发展强劲，集聚辐射能力持续增强")


def test_heading_scores_per_level():
    roots = [SectionNode("", 1, style="preamble"),
             SectionNode("2024年工作回顾", 1, "一", "chinese", children=[
                 SectionNode("稳增长", 2, "一", "paren"), SectionNode("多余的", 2, "二", "paren")]),
             SectionNode("名词解释", 1, style="glossary")]
    labels = [LabelledHeading(1, "一、2024年工作回顾"), LabelledHeading(2, "（一）稳增长。"),
              LabelledHeading(2, "（二）促改革。"), LabelledHeading(1, "二、2025年工作安排")]
    score = score_headings(labels, extracted_headings(roots))
    assert (score.tallies[1].matched, score.tallies[1].labelled, score.tallies[1].extracted) == (1, 2, 1)
    assert (score.tallies[2].precision, score.tallies[2].recall) == (0.5, 0.5)
    assert [heading.text for heading in score.missed] == ["（二）促改革。", "二、2025年工作安排"]


def test_a_malformed_label_file_is_named(tmp_path):
    path = tmp_path / "x-2025-work_report.toml"
    path.write_text('source = "corpus/x"\nregion = "某省"\nkind = "work_report"\nyear = 2025\n'
                    'split = "dev"\n[[indicators]]\nname = "生产总值"\nmeasure = "growth"\n'
                    'kind = "target"\nperiod = 2025\nvalue = 5\nunit = "%"\n', encoding="utf-8")
    with pytest.raises(LabelError, match="x-2025-work_report.toml, indicator 1: unknown name"):
        load_label(path)
    assert main(["--labels", str(tmp_path)]) == 2


def test_evaluate_on_a_small_labelled_text(tmp_path):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "r.txt").write_text(
        "各位代表：\n\n一、2024年工作回顾\n\n过去一年，全市地区生产总值增长6%。\n\n"
        "二、2025年工作安排\n\n今年的主要预期目标是：地区生产总值增长5%左右，固定资产投资增长9%。\n",
        encoding="utf-8")
    labels = tmp_path / "labels"
    labels.mkdir()
    (labels / "r.toml").write_text(
        'source = "corpus/r.txt"\nregion = "某市"\nkind = "work_report"\nyear = 2025\n'
        'split = "dev"\n'
        '[[indicators]]\nname = "地区生产总值"\nmeasure = "growth"\nkind = "actual"\n'
        'period = 2024\nvalue = 6\nunit = "%"\n'
        '[[indicators]]\nname = "地区生产总值"\nmeasure = "growth"\nkind = "target"\n'
        'period = 2025\nvalue = 5\nunit = "%"\nqualifier = "左右"\n'
        '[[headings]]\nlevel = 1\ntext = "一、2024年工作回顾"\n'
        '[[headings]]\nlevel = 1\ntext = "二、2025年工作安排"\n', encoding="utf-8")
    totals = evaluate(load_labels(labels), tmp_path)["dev"][1]
    assert [totals.indicators[kind].right for kind in ("target", "actual")] == [1, 1]
    assert totals.indicators["target"].false == 1          # 固定资产投资 is not labelled
    assert totals.headings[1].recall == 1.0
    strict = {"dev": {"target": {"right": 2, "wrong_false": 0},
                      "actual": {"right": 1, "wrong_false": 0}, "heading_recall": {1: 1.0}}}
    assert shortfalls("dev", totals, strict) == [
        "dev targets: 1 right, floor 2", "dev targets: 1 wrong + false, at most 0"]


# ---- the labelled set -------------------------------------------------------------------

LABELS = Path(os.environ.get("EVAL_LABELS", ROOT / "fixtures" / "labels"))


@pytest.mark.corpus
def test_the_labelled_set_holds_the_pinned_floor():
    labels = load_labels(LABELS)
    if not labels:
        pytest.skip(f"no label files in {LABELS}")
    by_split = evaluate(labels)
    assert set(by_split) <= set(FLOOR)   # every split is pinned
    problems = [problem for split, (_, totals) in by_split.items()
                for problem in shortfalls(split, totals)]
    assert problems == []


def test_a_floor_on_heading_precision_fails_on_extra_headings():
    totals = Totals()
    totals.headings[1] = HeadingTally(matched=9, labelled=9, extracted=12)   # 3 extra parts
    floor = {"dev": {"target": {"right": 0, "wrong_false": 0}, "actual": {"right": 0, "wrong_false": 0},
                     "heading_precision": {1: 0.9}, "heading_recall": {1: 1.0}}}
    assert shortfalls("dev", totals, floor) == ["dev level-1 headings: precision 0.750, floor 0.9"]
