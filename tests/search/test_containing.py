"""The terms that contain a text (search.containing.TermList), against a test of each term."""
import random

from search.containing import TermList


def test_the_terms_that_contain_a_text_as_a_test_of_each_term_finds_them():
    rng = random.Random(16)
    terms = sorted({"".join(rng.choices("低碳绿色发展质量高", k=rng.randint(1, 6))) for _ in range(2000)})
    term_list = TermList(terms)
    for text in ["低碳", "发展", "质量发展", "高高", "碳", "绿色低碳发展", "无", "", *rng.sample(terms, 50)]:
        assert term_list.containing(text) == [term for term in terms if text in term], text


def test_no_terms():
    assert TermList([]).containing("低碳") == TermList([]).containing("") == []
