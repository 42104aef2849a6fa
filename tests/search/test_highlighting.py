import re

import pytest

from search.highlighting import ELLIPSIS, highlight
from tests.conftest import FIXTURE_REPORTS, JINJIANG_2025


@pytest.fixture(scope="module")
def jinjiang() -> str:
    return (FIXTURE_REPORTS / JINJIANG_2025).read_text(encoding="utf-8")


def marked(snippet: str) -> list[str]:
    return re.findall(r"<mark>(.*?)</mark>", snippet, flags=re.S)


def test_marks_the_terms_in_a_passage_of_the_report(jinjiang):
    snippet = highlight(jinjiang, ["晋江经验"], length=80, max_passages=1)
    assert marked(snippet) == ["晋江经验"]
    assert snippet.startswith(ELLIPSIS) and snippet.endswith(ELLIPSIS)
    assert len(re.sub(r"</?mark>", "", snippet)) <= 80 + 2 * len(ELLIPSIS)


def test_best_passages_hold_most_terms_and_follow_text_order(jinjiang):
    snippet = highlight(jinjiang, ["山姆会员店", "晋江经验"], length=100, max_passages=2)
    assert marked(snippet) == ["晋江经验", "山姆会员店"]
    assert snippet.count(ELLIPSIS) == 3
    single = highlight(jinjiang, ["山姆会员店", "晋江经验"], length=100, max_passages=1)
    assert len(marked(single)) == 1


def test_everything_is_escaped():
    text = '前文<script>alert("x")</script> & 新质生产力 <b>'
    snippet = highlight(text, ["新质生产力", "script"])
    assert "<script>" not in snippet and "<b>" not in snippet
    assert snippet == ('前文&lt;<mark>script</mark>&gt;alert(&quot;x&quot;)&lt;/<mark>script</mark>&gt;'
                       ' &amp; <mark>新质生产力</mark> &lt;b&gt;')


def test_traditional_term_marks_simplified_text_and_the_reverse():
    assert marked(highlight("加快发展新质生产力。", ["新質生產力"])) == ["新质生产力"]
    assert marked(highlight("加快發展新質生產力。", ["新质生产力"])) == ["新質生產力"]


def test_full_width_text_matches_half_width_term_and_keeps_its_characters():
    assert marked(highlight("推进５Ｇ网络，增长１７％和７％", ["5g", "7%"])) == ["５Ｇ", "７％"]


def test_letter_and_digit_runs_match_only_whole():
    assert marked(highlight("增长17%、1.7%、0.7%、7%，5G和15G", ["7%", "5G"])) == ["7%", "5G"]
    assert marked(highlight("v2.0 与 v2", ["v2"])) == ["v2"]


def test_term_is_marked_across_punctuation_and_page_breaks():
    assert marked(highlight("文旅\n\n融合综合竞争力", ["文旅融合"])) == ["文旅\n\n融合"]
    assert marked(highlight("“晋江”经验", ['"晋江经验"'])) == ["晋江”经验"]


def test_term_is_not_marked_across_a_sentence_end():
    assert marked(highlight("为人。民服务，人民满意", ["人民"])) == ["人民"]
    assert marked(highlight("稳增长；发展！", ["增长发展"])) == []


def test_no_match_gives_the_escaped_opening():
    assert highlight("<p>" + "无" * 200, ["鞋"], length=10) == "&lt;p&gt;无无无无无无无" + ELLIPSIS
    assert highlight("短文<b>", []) == "短文&lt;b&gt;"
    assert highlight("短文", ["!!", ""]) == "短文"
