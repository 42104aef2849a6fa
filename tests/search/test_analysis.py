import pickle
import re

import jieba
import pytest
from whoosh.fields import Schema

from search import analysis
from search.analysis import (
    HAN, PIECES, POLICY_TERMS, char_analyzer, normalize, subword_term, text_fields, word_analyzer,
)
from tests.conftest import FIXTURE_REPORTS, JINJIANG_2025


@pytest.fixture(scope="module")
def python_jieba(tmp_path_factory):
    """The Python jieba package with the policy dictionary: the reference for our segmenter."""
    reference = jieba.Tokenizer()
    reference.tmp_dir = str(tmp_path_factory.mktemp("jieba"))
    reference.initialize()
    reference.load_userdict(str(POLICY_TERMS))
    return reference


@pytest.fixture(scope="module")
def jinjiang() -> str:
    return (FIXTURE_REPORTS / JINJIANG_2025).read_text(encoding="utf-8")


def words(text):
    return [token.text for token in word_analyzer()(text)]


def chars(text):
    return [token.text for token in char_analyzer()(text)]


def policy_terms():
    return [line.split()[0] for line in POLICY_TERMS.read_text(encoding="utf-8").splitlines()]


def han_runs(texts) -> list[str]:
    return [match.group() for text in texts for match in PIECES.finditer(normalize(text))
            if match.lastgroup == "han"]


def assert_same_words_as_python_jieba(reference, texts):
    runs = han_runs(texts)
    assert sum(map(len, runs)) > 10_000
    differing = [run for run in runs if analysis.segment(run) != reference.lcut(run, HMM=True)]
    assert differing == []


def test_segmenter_gives_python_jiebas_words_on_the_bundled_reports(python_jieba):
    texts = [path.read_text(encoding="utf-8") for path in FIXTURE_REPORTS.glob("*.txt")]
    assert_same_words_as_python_jieba(python_jieba, texts)


@pytest.mark.corpus
def test_segmenter_gives_python_jiebas_words_on_the_national_corpus(python_jieba, national_dir):
    texts = [path.read_text(encoding="utf-8") for path in sorted(national_dir.glob("*.txt"))]
    assert_same_words_as_python_jieba(python_jieba, texts)


def test_segmenter_cuts_like_python_jieba_where_the_dictionary_decides(python_jieba):
    for text in ["发展新质生产力", "坚持和发展新时代“枫桥经验”", "南京市长江大桥", "结婚的和尚未结婚的"]:
        assert analysis.segment(text) == python_jieba.lcut(text, HMM=True)


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
    assert [word for word, _, _ in analysis.policy_terms()] == policy_terms()
    terms = policy_terms()
    assert len(set(terms)) == len(terms)
    assert [analysis.to_simplified(term) for term in terms] == terms
    assert [term for term in terms if words(term) != [term]] == []


@pytest.mark.corpus
def test_every_policy_term_occurs_in_the_reports(national_dir):
    texts = [path.read_text(encoding="utf-8").replace("\n\n", "")
             for path in [*FIXTURE_REPORTS.glob("*.txt"), *national_dir.glob("*.txt")]]
    assert [term for term in policy_terms() if not any(term in text for text in texts)] == []


def test_positions_count_words_and_offsets_slice_the_original(jinjiang):
    tokens = [(t.text, t.pos, t.startchar, t.endchar) for t in
              word_analyzer()(jinjiang, positions=True, chars=True, mode="index")]
    whole = [token for token in tokens if token[0] == token[0].strip("<>")]
    inside = [token for token in tokens if token[0] != token[0].strip("<>")]
    assert_positions_step_over_sentence_ends(normalize(jinjiang), whole)
    assert len(inside) > 100
    assert all(normalize(jinjiang[start:end]) == text.strip("<>") for text, _, start, end in tokens)
    assert all(text.strip("<>") == jinjiang[start:end].lower() for text, _, start, end in tokens)
    starts = {pos: (start, end) for _, pos, start, end in whole}
    assert all(starts[pos][0] <= start < end <= starts[pos][1] for _, pos, start, end in inside)
    assert ("文旅", "融合") in {(a[0], b[0]) for a, b in zip(whole, whole[1:])}  # across the page break


@pytest.mark.corpus
def test_offsets_and_positions_hold_over_the_national_corpus(national_dir):
    for path in sorted(national_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        normal = normalize(text)  # OpenCC converts by phrase: 反覆 → 反复, but 覆 alone stays
        words = [(t.text, t.pos, t.startchar, t.endchar)
                 for t in word_analyzer()(text, positions=True, chars=True)]
        assert_positions_step_over_sentence_ends(normal, words)
        chars = [(t.text, t.pos, t.startchar, t.endchar)
                 for t in char_analyzer()(text, positions=True, chars=True)]
        assert [pos for _, pos, _, _ in chars] == list(range(len(chars))), path.name
        for tokens in (words, chars):
            assert all(normal[start:end] == token for token, _, start, end in tokens), path.name


def assert_positions_step_over_sentence_ends(normal, tokens):
    """Consecutive words are one position apart, two where a sentence ends between them."""
    assert tokens[0][1] in (0, 1)
    for (_, pos, _, end), (_, next_pos, start, _) in zip(tokens, tokens[1:]):
        gap = 2 if set(normal[end:start]) & set("。！？；!?;") else 1
        assert next_pos - pos == gap, normal[end - 5:start + 5]


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


def index_tokens(text):
    return [(t.text, t.pos, text[t.startchar:t.endchar])
            for t in word_analyzer()(text, positions=True, chars=True, mode="index")]


def test_words_inside_long_words_share_its_position_and_say_where_they_stand():
    tokens = index_tokens("推动高质量发展")
    assert tokens[:2] == [("推动", 0, "推动"), ("高质量发展", 1, "高质量发展")]
    assert {("高质量>", 1, "高质量"), ("<质量>", 1, "质量"), ("<发展", 1, "发展")} <= set(tokens)
    assert not any(text.startswith("<") or text.endswith(">") for text, _, _ in index_tokens("发展"))


def test_every_dictionary_word_inside_a_long_word_is_indexed(python_jieba):
    word = "全国人民代表大会"
    assert words(word) == [word]
    inside = {text.strip("<>") for text, pos, _ in index_tokens(word) if pos == 0} - {word}
    expected = {word[i:j] for i in range(len(word)) for j in range(i + 2, len(word) + 1)
                if j - i < len(word) and python_jieba.FREQ.get(word[i:j])}
    assert inside == expected
    assert {"人民代表大会", "人民", "代表大会", "大会"} <= inside


def test_subword_terms_mark_where_the_longer_word_goes_on():
    assert subword_term("质量", at_start=False, at_end=True) == "<质量"
    assert subword_term("人民", at_start=False, at_end=False) == "<人民>"
    assert subword_term("全国", at_start=True, at_end=False) == "全国>"


def test_queries_are_cut_without_subwords():
    assert [t.text for t in word_analyzer()("推动高质量发展", mode="query")] == ["推动", "高质量发展"]


def test_text_fields_pickle_store_nothing_and_only_words_keep_positions():
    fields = text_fields("text")
    assert set(fields) == {"text", "text_chars"}
    assert not any(field.stored for field in fields.values())
    assert all(field.column_type is None for field in fields.values())  # not sortable
    assert [name for name, field in fields.items() if field.format.supports("positions")] == [
        "text"]
    schema = Schema(**text_fields("title"), **fields)
    restored = pickle.loads(pickle.dumps(schema))
    assert restored == schema
    assert [t.text for t in restored["title_chars"].analyzer("鞋服")] == ["鞋", "服"]


def test_fields_index_what_the_analyzer_path_indexes(jinjiang, national_dir):
    """WordField and CharField read the pieces directly; Whoosh's own FieldType.index goes
    through the analyzers' Token objects. Both must give the same postings."""
    from whoosh.fields import FieldType

    texts = [jinjiang, "質量。發展 5G、3500亿元增长7%左右，文旅\n\n融合", "", "。，！"]
    texts += [path.read_text(encoding="utf-8")[:20_000] for path in sorted(national_dir.glob("*.txt"))[:8]]
    for field in text_fields("text").values():
        for text in texts:
            fast = sorted(field.index(text))
            simple = sorted(FieldType.index(field, text))
            assert fast == simple
    assert len(fast) > 100
