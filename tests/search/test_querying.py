import random
import re

import pytest
from whoosh.fields import ID, TEXT, Schema
from whoosh.filedb.filestore import RamStorage
from whoosh.qparser import QueryParser
from whoosh.query import Or, Query, Sequence, Term

from search.adjacency import AdjacentWords
from search.analysis import char_analyzer, text_fields, text_values, to_simplified, word_analyzer
from search.highlighting import highlight
from search.querying import (
    MAX_QUERY_CHARS, NOTE_EMOJI, NOTE_ONLY_EXCLUDED, NOTE_STRAY_OR, NOTE_SYMBOLS, NOTE_TOO_LONG,
    NOTE_UNCLOSED_QUOTE, parse_user_query,
)
from tests.conftest import FIXTURE_REPORTS, JINJIANG_2025, NATIONAL

NATIONAL_2024 = "guowuyuan-2024-work-report.txt"


def paragraphs(text: str) -> list[str]:
    return [part.strip() for part in text.split("\n\n") if part.strip()]


@pytest.fixture(scope="module")
def corpus() -> dict[str, str]:
    """Paragraphs of the Jinjiang seed (page break collapsed) and the 2024 national report."""
    jinjiang = (FIXTURE_REPORTS / JINJIANG_2025).read_text(encoding="utf-8")
    national = (FIXTURE_REPORTS / NATIONAL_2024).read_text(encoding="utf-8")
    return ({f"jj{i}": p for i, p in enumerate(paragraphs(jinjiang.replace("文旅\n\n融合", "文旅融合")))}
            | {f"gw{i}": p for i, p in enumerate(paragraphs(national))})


def text_schema(*names: str) -> Schema:
    fields = {}
    for name in names:
        fields.update(text_fields(name))
    return Schema(id=ID(stored=True), **fields)


def build_index(schema: Schema, documents: list[dict]):
    index = RamStorage().create_index(schema)
    with index.writer() as writer:
        for document in documents:
            writer.add_document(**document)
    return index


@pytest.fixture(scope="module")
def index(corpus):
    return build_index(text_schema("text"), [{"id": key, **text_values("text", text)}
                                             for key, text in corpus.items()])


def search(index, query: Query | None) -> set[str]:
    assert query is not None
    with index.searcher() as searcher:
        return {hit["id"] for hit in searcher.search(query, limit=None)}


def hits(index, raw: str, fields=("text",)) -> set[str]:
    return search(index, parse_user_query(raw, fields).query)


def containing(corpus, pattern: str) -> set[str]:
    found = {key for key, text in corpus.items() if re.search(pattern, text)}
    assert found, pattern
    return found


@pytest.mark.parametrize("raw, pattern", [
    ('"文旅融合综合竞争力"', "文旅融合综合竞争力"),
    ("文旅融合综合竞争力", "文旅融合综合竞争力"),
    ("晋江经验", "晋江经验"),
    ("山姆会员店", "山姆会员店"),
    ("鞋", "鞋"),
    ("伞", "伞"),
    ("3500亿元", "3500亿元"),
    ("5G", "5G"),
    ("hbm", "HBM"),
    ("新質生產力", "新质生产力"),
    ("发展新质生产力", "发展新质生产力"),
    ("“招投联动”", "招投联动"),
])
def test_query_finds_exactly_the_paragraphs_containing_it(index, corpus, raw, pattern):
    assert hits(index, raw) == containing(corpus, pattern)


@pytest.mark.corpus
@pytest.mark.parametrize("raw", ["人民代表大会", "人民代表大會", "宪法草案"])
def test_simplified_and_traditional_queries_find_the_1954_traditional_text(national_dir, raw):
    texts = {f"{year}-{i}": p for year in ("1954", "1957") for i, p in enumerate(
        paragraphs((national_dir / f"{year}-guowuyuan.txt").read_text(encoding="utf-8")))}
    index = build_index(text_schema("text"),
                        [{"id": key, **text_values("text", text)} for key, text in texts.items()])
    expected = {key for key, text in texts.items() if to_simplified(raw) in to_simplified(text)}
    assert any(key.startswith("1954") for key in expected)
    assert any(key.startswith("1957") for key in expected) or raw == "宪法草案"
    assert hits(index, raw) == expected


def test_percent_matches_the_whole_number_only(index, corpus):
    seven = containing(corpus, r"(?<![\d.])7 ?%")
    assert containing(corpus, r"17%") - seven  # paragraphs with 17% alone are not found
    assert hits(index, "7%") == seven


def test_the_stock_jieba_analyzer_misses_the_phrase(corpus):
    """The trap we avoid: ChineseAnalyzer numbers positions by character, so phrases fail."""
    from jieba.analyse import ChineseAnalyzer

    schema = Schema(id=ID(stored=True), text=TEXT(analyzer=ChineseAnalyzer(), phrase=True))
    stock = build_index(schema, [{"id": key, "text": text} for key, text in corpus.items()])
    parser = QueryParser("text", schema)
    assert search(stock, parser.parse("竞争力"))
    assert search(stock, parser.parse('"文旅融合综合竞争力"')) == set()


def test_dictionary_term_is_one_word_in_the_query():
    assert Term("text", "晋江经验") in parse_user_query("晋江经验").query.children()
    assert parse_user_query("鞋").query == Term("text_chars", "鞋")


def test_or_is_a_union_and_space_an_intersection(index, corpus):
    shoes, textiles = containing(corpus, "鞋"), containing(corpus, "纺织")
    assert shoes & textiles and shoes - textiles and textiles - shoes
    assert hits(index, "鞋 OR 纺织") == shoes | textiles
    assert hits(index, "鞋|纺织") == shoes | textiles
    assert hits(index, "鞋 纺织") == shoes & textiles
    assert hits(index, "鞋 or 纺织") == set()  # lowercase or is a word to find


def test_or_binds_tighter_than_and(index, corpus):
    expected = (containing(corpus, "鞋") | containing(corpus, "伞")) & containing(corpus, "晋江")
    assert hits(index, "鞋 OR 伞 晋江") == expected


# 产业 -全国 and 的 -晋江 returned excluded paragraphs through Whoosh 2.7.4's AndNot.
@pytest.mark.parametrize("wanted, unwanted", [("鞋", "纺织"), ("产业", "全国"), ("的", "晋江")])
def test_minus_excludes(index, corpus, wanted, unwanted):
    expected = containing(corpus, wanted) - containing(corpus, unwanted)
    assert expected and expected != containing(corpus, wanted)
    assert hits(index, f"{wanted} -{unwanted}") == expected
    assert hits(index, f'{wanted} -"{unwanted}"') == expected


def test_only_exclusions_is_no_query():
    result = parse_user_query("-鞋 -伞")
    assert result.query is None
    assert result.notes == [NOTE_ONLY_EXCLUDED]
    assert result.text == "-鞋 -伞"


def test_whoosh_syntax_is_literal_text(index, corpus):
    assert hits(index, "text:鞋") == set()
    assert hits(index, "鞋*") == containing(corpus, "鞋")
    assert hits(index, "(鞋 OR 伞)") == containing(corpus, "鞋") | containing(corpus, "伞")
    assert hits(index, "[鞋 TO 伞]") == set()


def test_several_fields():
    index = build_index(text_schema("text", "title"), [
        {"id": "a", **text_values("title", "晋江经验"), **text_values("text", "鞋")},
        {"id": "b", **text_values("title", "伞"), **text_values("text", "晋江经验")},
    ])
    assert hits(index, "晋江经验", fields=("title",)) == {"a"}
    assert hits(index, "晋江经验", fields=("text", "title")) == {"a", "b"}
    assert hits(index, "晋江经验 伞", fields=("text", "title")) == {"b"}


def test_terms_are_simplified_and_text_is_echoed():
    result = parse_user_query('新質生產力   “文旅 融合”  -伞 鞋 OR 5G')
    assert result.terms == ["新质生产力", "文旅 融合", "鞋", "5G"]
    assert result.text == '新質生產力 "文旅 融合" 鞋 OR 5G -伞'
    assert result.notes == []


@pytest.mark.parametrize("raw, note", [
    ("晋江经验 😀", NOTE_EMOJI),
    ('"晋江经验', NOTE_UNCLOSED_QUOTE),
    ("晋江经验 *", NOTE_SYMBOLS),
    ("OR 晋江经验", NOTE_STRAY_OR),
    ("晋江经验 OR OR 鞋", NOTE_STRAY_OR),
    ("晋江经验 OR -鞋", NOTE_STRAY_OR),
])
def test_notes(raw, note):
    result = parse_user_query(raw)
    assert result.notes == [note]
    assert result.query is not None


def test_long_query_is_cut():
    result = parse_user_query("鞋" * (MAX_QUERY_CHARS + 50))
    assert result.notes == [NOTE_TOO_LONG]
    assert result.text == "鞋" * MAX_QUERY_CHARS


@pytest.mark.parametrize("raw", ["", "   \u3000 ", '""', "“”", "-", "OR", "| OR |", "\x00\x01", "😀"])
def test_nothing_searchable_is_no_query(raw):
    assert parse_user_query(raw).query is None


def test_control_characters_are_removed():
    result = parse_user_query("晋江\x00经\u200b验\t鞋")
    assert result.text == "晋江经验 鞋"
    assert result.terms == ["晋江经验", "鞋"]


PIECES = ["OR", "or", "|", "｜", "-", "－", '"', "“", "”", "＂", "*", "?", "~", "~2", "^3", ":", "text:",
          "[", "]", "(", ")", "{", "}", "TO", "AND", "NOT", "*:*", "\\", "/", "'", "&", "<script>",
          "\x00", "\t", "\n", "\u3000", " ", " ", " ", "\u200d", "\ufeff", "\ud800", "😀", "👍🏽", "🇨🇳",
          "晋江经验", "鞋", "伞", "新質生產力", "5G", "7%", "3500亿元", "文旅融合综合竞争力", "Ａ１",
          "İ", "ß", "\U00020000", "〇", "的", "１７％", "1.7"]


def hostile_queries() -> list[str]:
    rng = random.Random(20250305)
    queries = ["", " ", "-", "OR OR", '""', '"', "“", "| |", "-OR", "--鞋", "鞋" * 2100,
               "晋江经验 " * 500, "\x00" * 50, "😀" * 30, '"' * 31, "-" * 40, "OR " * 300]
    for _ in range(400):
        parts = [rng.choice(PIECES) if rng.random() < 0.8 else chr(rng.randrange(0x110000))
                 for _ in range(rng.randrange(1, 40))]
        queries.append("".join(parts))
    queries += ["".join(rng.choice(PIECES) for _ in range(800)) for _ in range(5)]
    return queries


def test_any_input_parses_searches_and_highlights():
    text = "晋江经验：鞋服、伞业，5G和7%，新质生产力 OR or <script>"
    index = build_index(text_schema("text", "title"),
                        [{"id": "a", **text_values("title", "标题"), **text_values("text", text)}])
    queries = hostile_queries()
    assert max(map(len, queries)) > 2000
    for raw in queries:
        result = parse_user_query(raw, fields=("text", "title"))
        assert isinstance(result.text, str) and all(isinstance(n, str) for n in result.notes)
        if result.query is not None:
            search(index, result.query)
        assert "<script>" not in highlight(text, result.terms)


# -- jieba's search mode against the simple definition of a match ------------------------

def tokens(text: str) -> list[str]:
    return [token.text for token in char_analyzer()(text)]


def occurs(needle: list[str], haystack: list[str]) -> bool:
    """The simple definition: the item's single tokens stand in sequence in the text."""
    width = len(needle)
    return any(haystack[i:i + width] == needle for i in range(len(haystack) - width + 1))


def test_words_find_nearly_every_paragraph_that_has_the_characters(index, corpus):
    """Word matching against a scan of every paragraph, over the words of real text.

    A hit always has the characters. A paragraph is missed where the characters cross a
    word boundary of the text: mostly not the word sought (统一 in 系统一些, 民生 in 人民生活,
    设计 in 建设计划), sometimes it (高地 in 新高/地); over 95% of the scan's paragraphs are found.
    """
    rng = random.Random(5)
    words = sorted({token.text for text in corpus.values() for token in word_analyzer()(text)
                    if len(token.text) >= 2 and re.fullmatch(r"\w+", token.text)})
    items = rng.sample(words, 300) + ["财政", "质量", "开放", "消费", "就业", "质量发展"]
    token_lists = {key: tokens(text) for key, text in corpus.items()}
    expected_total = found_total = 0
    for item in items:
        expected = {key for key, found in token_lists.items() if occurs(tokens(item), found)}
        found = hits(index, f'"{item}"')
        assert found <= expected, item
        expected_total += len(expected)
        found_total += len(found)
    assert found_total / expected_total >= 0.95


def test_adjacent_words_find_what_whooshs_sequence_finds(index, corpus):
    """search.adjacency's matcher against the simple path it replaces, on pieces of real text."""
    rng = random.Random(7)
    word_lists = [[t.text for t in word_analyzer()(sentence)] for text in corpus.values()
                  for sentence in re.split("[。！？；]", text)]
    word_lists = [words for words in word_lists if len(words) > 4]
    for _ in range(200):
        words = rng.choice(word_lists)
        start = rng.randrange(len(words) - 3)
        chosen = words[start:start + rng.choice([2, 3])]
        places = [[chosen[0], "<" + chosen[0]], *([w] for w in chosen[1:-1]),
                  [chosen[-1], chosen[-1] + ">"]]
        sequence = Sequence([Or([Term("text", term) for term in place]) for place in places])
        found = search(index, AdjacentWords("text", places))
        assert found == search(index, sequence), chosen
        assert found


def test_phrases_do_not_run_across_a_sentence_end():
    index = build_index(text_schema("text"), [
        {"id": "across", **text_values("text", "要提高质量。发展经济")},
        {"id": "within", **text_values("text", "推动质量发展，提高效益")},
    ])
    assert hits(index, '"质量发展"') == {"within"}
    assert hits(index, "质量 发展") == {"across", "within"}


def test_an_item_inside_one_word_of_the_text_is_found():
    """低碳 and 新质 are no dictionary words; 质量发展 is cut 质量/发展 in the query but lies
    inside 高质量发展, one word of the text. Letters and digits still match only whole."""
    index = build_index(text_schema("text"), [
        {"id": "green", **text_values("text", "推动绿色低碳转型")},
        {"id": "alone", **text_values("text", "发展低碳经济")},
        {"id": "quality", **text_values("text", "推动高质量发展")},
        {"id": "force", **text_values("text", "培育新质生产力")},
        {"id": "apart", **text_values("text", "质量和发展，低的碳")},
        {"id": "number", **text_values("text", "增长17%，5g基站")},
        {"id": "involution", **text_values("text", "综合整治内卷式竞争")},
    ])
    assert [t.text for t in word_analyzer()("内卷", mode="query")] == ["内", "卷"]
    assert hits(index, "内卷") == {"involution"}  # one word in the text, two in the query
    assert hits(index, "低碳") == {"green", "alone"}
    assert hits(index, '"质量发展"') == {"quality"}
    assert hits(index, "新质") == {"force"}
    assert hits(index, "质量 发展") == {"quality", "apart"}
    assert hits(index, "7%") == set() and hits(index, "g基站") == set()


def test_a_phrase_may_begin_inside_a_word_of_the_text():
    index = build_index(text_schema("text"), [
        {"id": "inside", **text_values("text", "城乡居民收入增长")},
        {"id": "apart", **text_values("text", "居民收入稳步增长")},
    ])
    assert hits(index, '"收入增长"') == {"inside"}
    assert hits(index, "收入") == {"inside", "apart"}


@pytest.mark.parametrize("listed", ["新质生产力,高质量发展", "新质生产力，高质量发展", "新质生产力、高质量发展",
                                    "新质生产力；高质量发展"])
def test_a_list_of_terms_is_words_separated_by_spaces(listed):
    assert parse_user_query(listed).query == parse_user_query("新质生产力 高质量发展").query
    assert parse_user_query(listed).text == "新质生产力 高质量发展"


def test_a_comma_between_digits_stays_in_the_number():
    assert parse_user_query("1,000亿元").text == "1,000亿元"
    assert parse_user_query("1,000亿元").query == parse_user_query('"1,000亿元"').query


def test_and_and_not_are_a_space_and_a_minus():
    assert parse_user_query("就业 AND 教育").query == parse_user_query("就业 教育").query
    assert parse_user_query("就业 NOT 教育").query == parse_user_query("就业 -教育").query
    assert parse_user_query('就业 NOT "义务教育"').query == parse_user_query('就业 -"义务教育"').query
    assert parse_user_query("就业 NOT 教育").text == "就业 -教育"
    assert parse_user_query('"AND" and').text == '"AND" and'  # quoted or lowercase: words


def test_a_dictionary_word_split_over_two_words_of_the_text_is_found():
    """jieba cuts 深化改革/开放 and 计划/经济体制 in the text; 改革开放 and 计划经济 are still
    there. Parts of a single character are no parts: 民生 is not in 人民/生活."""
    index = build_index(text_schema("text"), [
        {"id": "deepen", **text_values("text", "全面深化改革开放")},
        {"id": "whole", **text_values("text", "坚持改革开放")},
        {"id": "planned", **text_values("text", "改变计划经济体制")},
        {"id": "apart", **text_values("text", "改革要深入，开放要扩大")},
        {"id": "people", **text_values("text", "改善人民生活")},
    ])
    assert hits(index, "改革开放") == {"deepen", "whole"}
    assert hits(index, "计划经济") == {"planned"}
    assert hits(index, "民生") == set()


@pytest.fixture(scope="module")
def reform_era():
    """Paragraphs of the State Council's reports of 1992–2005, and their index."""
    national_dir = NATIONAL
    if not national_dir.exists():
        pytest.skip(f"{national_dir} is not here (the shared corpus sits beside the clone)")
    texts = {f"{path.stem}-{i}": p for path in sorted(national_dir.glob("*.txt"))
             if "1992" <= path.stem[:4] <= "2005"
             for i, p in enumerate(paragraphs(path.read_text(encoding="utf-8")))}
    return texts, build_index(text_schema("text"), [{"id": key, **text_values("text", text)}
                                                    for key, text in texts.items()])


@pytest.mark.corpus
@pytest.mark.parametrize("word", ["改革开放", "计划经济", "经济体制"])
def test_a_dictionary_word_finds_every_paragraph_holding_it(reform_era, word):
    """Before split words were looked for, 改革开放 found 186 of the 236 paragraphs holding it
    in all the State Council's reports, and 经济体制 130 of 173."""
    texts, index = reform_era
    expected = {key for key, text in texts.items() if word in re.sub(r"\s+", "", text)}
    found = hits(index, word)
    assert found >= expected
    # The few others hold the two words apart (改革、开放), never only their characters.
    assert len(found - expected) <= 0.05 * len(expected)
    assert all(word[:2] in texts[key] and word[2:] in texts[key] for key in found - expected)


def test_an_abbreviation_also_finds_the_names_it_stands_for():
    index = build_index(text_schema("text"), [
        {"id": "national", **text_values("text", "国内生产总值增长5%左右，经济稳中向好")},
        {"id": "regional", **text_values("text", "地区生产总值增长6%，经济回升")},
        {"id": "latin", **text_values("text", "单位GDP能耗下降，经济转型")},
        {"id": "other", **text_values("text", "生产总值的提法，经济")},
    ])
    parsed = parse_user_query("GDP")
    assert "“GDP”同时检索：国内生产总值、地区生产总值" in parsed.notes
    assert {"GDP", "国内生产总值", "地区生产总值"} <= set(parsed.terms)
    assert hits(index, "GDP") == {"national", "regional", "latin"}
    assert hits(index, "gdp") == {"national", "regional", "latin"}
    assert hits(index, '"GDP"') == {"latin"}  # a quoted item is taken as written
    assert hits(index, "经济 -GDP") == {"other"}
