"""Snippets: the passage around the match, escaped, with the match in <mark>."""
import re

from search.highlighting import highlight
from tests.conftest import FIXTURE_REPORTS, JINJIANG_2025


def seed_text():
    return (FIXTURE_REPORTS / JINJIANG_2025).read_text(encoding="utf-8")


def test_marks_the_match_in_a_long_text():
    snippet = highlight(seed_text(), ["山姆会员店"])
    assert "<mark>山姆会员店</mark>" in snippet
    assert len(re.sub(r"</?mark>", "", snippet)) < 400


def test_escapes_the_text_before_marking():
    snippet = highlight('前文<script>alert("x")</script>新质生产力&后文', ["新质生产力"])
    assert "<script>" not in snippet
    assert "&lt;/script&gt;" in snippet and "&amp;" in snippet
    assert "<mark>新质生产力</mark>" in snippet


def test_traditional_term_marks_simplified_text():
    assert "<mark>新质生产力</mark>" in highlight("加快发展新质生产力。", ["新質生產力"])


def test_term_across_a_page_break_is_marked():
    assert "<mark>" in highlight("文旅\n\n融合综合竞争力居全国县域第六", ["文旅融合"])


def test_numbers_match_whole_only():
    snippet = highlight("增长17%，另一项增长7%", ["7%"])
    assert snippet.count("<mark>") == 1 and "<mark>7%</mark>" in snippet


def test_no_match_gives_the_escaped_opening():
    snippet = highlight("<b>开头</b>" + "文" * 500, ["不存在"])
    assert snippet.startswith("&lt;b&gt;开头") and "<mark>" not in snippet
    assert highlight("", ["词"]) == ""
