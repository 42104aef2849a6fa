import pickle
import re
import subprocess
import sys

import pytest
from whoosh.fields import Schema

from search import analysis
from search.analysis import (
    HAN, POLICY_TERMS, char_analyzer, configure_jieba, normalize, schema_fields,
    text_field_pair, word_analyzer,
)
from tests.conftest import FIXTURE_REPORTS, JINJIANG_2025, ROOT


@pytest.fixture(scope="module", autouse=True)
def jieba_ready(tmp_path_factory):
    configure_jieba(tmp_path_factory.mktemp("jieba"))


@pytest.fixture(scope="module")
def jinjiang() -> str:
    return (FIXTURE_REPORTS / JINJIANG_2025).read_text(encoding="utf-8")


def words(text):
    return [token.text for token in word_analyzer()(text)]


def chars(text):
    return [token.text for token in char_analyzer()(text)]


def policy_terms():
    return [line.split()[0] for line in POLICY_TERMS.read_text(encoding="utf-8").splitlines()]


def test_jieba_cache_file_lands_in_the_given_folder(tmp_path):
    # A fresh interpreter: configure_jieba acts once per process.
    script = ("import pathlib, sys; from search.analysis import configure_jieba; "
              "print(configure_jieba(pathlib.Path(sys.argv[1])))")
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "data")], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    assert done.stdout.strip() == str(tmp_path / "data" / "jieba.cache")
    assert (tmp_path / "data" / "jieba.cache").stat().st_size > 1_000_000


def test_configure_jieba_runs_once(tmp_path):
    first = configure_jieba()
    assert configure_jieba(tmp_path) == first
    assert not (tmp_path / "jieba.cache").exists()


@pytest.mark.parametrize("term", ["晋江经验", "新质生产力", "数转智改", "低效用地", "山姆会员店"])
def test_policy_terms_are_one_word(term):
    assert words(term) == [term]


def test_policy_terms_stay_whole_in_the_report(jinjiang):
    found = words(jinjiang)
    for term in ["晋江经验", "低效用地", "山姆会员店", "数转智改", "专精特新", "一带一路"]:
        assert term in found, term


def test_policy_dictionary_format():
    lines = POLICY_TERMS.read_text(encoding="utf-8").splitlines()
    assert len(lines) >= 100
    for line in lines:
        assert re.fullmatch(rf"[{HAN}]+ \d+ [a-z]+", line), line
    terms = policy_terms()
    assert len(set(terms)) == len(terms)
    assert [analysis.to_simplified(term) for term in terms] == terms
    assert [term for term in terms if words(term) != [term]] == []


@pytest.mark.corpus
def test_every_policy_term_occurs_in_the_reports(national_dir):
    texts = [path.read_text(encoding="utf-8").replace("\n\n", "")
             for path in [*FIXTURE_REPORTS.glob("*.txt"), *national_dir.glob("*.txt")]]
    assert [term for term in policy_terms() if not any(term in text for text in texts)] == []


def test_positions_count_tokens_and_offsets_slice_the_original(jinjiang):
    tokens = [(t.text, t.pos, t.startchar, t.endchar) for t in
              word_analyzer()(jinjiang, positions=True, chars=True, mode="index")]
    assert [pos for _, pos, _, _ in tokens] == list(range(len(tokens)))
    assert all(normalize(jinjiang[start:end]) == text for text, _, start, end in tokens)
    assert all(text == jinjiang[start:end].lower() for text, _, start, end in tokens)
    assert ("文旅", "融合") in {(a[0], b[0]) for a, b in zip(tokens, tokens[1:])}  # across the page break


@pytest.mark.corpus
def test_offsets_and_positions_hold_over_the_national_corpus(national_dir):
    for path in sorted(national_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        normal = normalize(text)  # OpenCC converts by phrase: 反覆 → 反复, but 覆 alone stays
        for analyzer in (word_analyzer(), char_analyzer()):
            tokens = [(t.text, t.pos, t.startchar, t.endchar)
                      for t in analyzer(text, positions=True, chars=True)]
            assert [pos for _, pos, _, _ in tokens] == list(range(len(tokens))), path.name
            assert all(normal[start:end] == token for token, _, start, end in tokens), path.name


def test_start_pos_and_start_char_shift_tokens():
    tokens = list((t.pos, t.startchar) for t in char_analyzer()(
        "鞋伞", positions=True, chars=True, start_pos=10, start_char=100))
    assert tokens == [(10, 100), (11, 101)]


def test_normalising_keeps_offsets_for_traditional_and_full_width():
    text = "ＡＢ１％，新質生產力"
    tokens = [(t.text, text[t.startchar:t.endchar]) for t in word_analyzer()(text, chars=True)]
    assert tokens == [("ab1", "ＡＢ１"), ("%", "％"), ("新质生产力", "新質生產力")]
    assert len(normalize("İstanbul")) == len("İstanbul")


def test_character_by_character_fallback_when_conversion_changes_length(monkeypatch):
    def lengthening(text):  # a stand-in for an OpenCC phrase rule that changes length
        return text.replace("乾隆", "乾隆帝").replace("發", "发")

    monkeypatch.setattr(analysis, "_t2s", lengthening)
    assert normalize("乾隆發") == "乾隆发"


def test_numbers_and_units():
    assert words("站上3500亿元新台阶") == ["站上", "3500", "亿元", "新台阶"]
    assert words("增长7%以上，1.7%、１７％") == ["增长", "7", "%", "以上", "1.7", "%", "17", "%"]
    assert words("5G网络、HBM") == ["5g", "网络", "hbm"]
    assert chars("5G网络 3500亿元") == ["5g", "网", "络", "3500", "亿", "元"]


def test_punctuation_and_whitespace_are_dropped():
    assert words("“晋江经验”！ ？") == ["晋江经验"]
    assert chars("文旅\n\n融合，") == ["文", "旅", "融", "合"]


def test_whoosh_keyword_arguments():
    analyzer = word_analyzer()
    assert [t.text for t in analyzer("晋江经验", tokenize=False)] == ["晋江经验"]
    assert [t.original for t in analyzer("新質", keeporiginal=True)] == ["新質"]
    assert [t.text for t in analyzer("OR 的 a", mode="query", removestops=True)] == ["or", "的", "a"]


def test_schema_fields_pickle_and_are_not_sortable():
    fields = schema_fields()
    assert set(fields) == {"text", "text_chars"}
    assert fields["text"].stored and not fields["text_chars"].stored
    assert all(field.column_type is None for field in fields.values())  # not sortable
    assert all(field.format.supports("positions") for field in fields.values())
    schema = Schema(**text_field_pair("title", stored=False), **fields)
    restored = pickle.loads(pickle.dumps(schema))
    assert restored == schema
    assert [t.text for t in restored["title_chars"].analyzer("鞋服")] == ["鞋", "服"]
