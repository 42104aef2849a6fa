"""The search box's query language, parsed by hand into a Whoosh query.

Words separated by spaces (or by the commas of a list: 、，,；) must all match; "…" or
“…” is a phrase; OR (uppercase) or | between two items means either; -word or -"phrase"
(or NOT word) excludes, and AND may stand where a space does. Everything else is literal
text: Whoosh's own syntax (field:x, *, ?, ~, ^, [a TO b], parentheses) is never
interpreted, so no input raises. Each item, quoted or not, must appear as a sequence of
jieba words (cut in precise mode): the first may be the end of a longer word of the
text and the last its beginning, a single word may stand anywhere inside one
(search.analysis indexes the words inside long words), so 财政 finds 财政收入 and 收入增长
finds 居民收入增长; an item of Han characters that is not one dictionary word is also
found inside any word of the text (search.containing: 低碳 in 绿色低碳, 质量发展 in
高质量发展). A hit always contains the item's characters in order. An item of a
single token (one character, one letter/digit run) is looked up in the character
field, so 鞋 finds every paragraph with 鞋 in it, whatever word it stands in.

Whoosh's and haystack's own parsers are not used: haystack lowercases OR to "or",
which the analyzer then reads as a word, so "A OR B" silently meant "A and B and or".
"""
import re
import unicodedata
from dataclasses import dataclass, field, replace

from whoosh.query import And, Not, Or, Query, Term

from search.adjacency import AdjacentWords
from search.analysis import (
    HAN, char_analyzer, chars_field, normalize, segmenter, subword_term, to_simplified,
    word_analyzer,
)
from search.containing import WordsContaining
from search.synonyms import expansions
from search.synonyms import note as synonym_note

MAX_QUERY_CHARS = 200  # a long sentence; a pasted paragraph is cut here, with a note

NOTE_TOO_LONG = f"查询过长，已截取前 {MAX_QUERY_CHARS} 个字符"
NOTE_EMOJI = "已忽略表情符号"
NOTE_SYMBOLS = "已忽略无法识别的符号"
NOTE_UNCLOSED_QUOTE = "引号未配对，已在末尾补上"
NOTE_STRAY_OR = "OR 需要写在两个词之间，已忽略多余的 OR"
NOTE_ONLY_EXCLUDED = "只有排除的词（-词），无法搜索，请加上要查找的词"

QUOTES = '"＂“”'
# A list of terms (新质生产力，高质量发展、数字经济) is words separated by spaces; not a comma
# between digits (1,000).
LIST_SEPARATORS = re.compile(r"(?<!\d)[,，、;；]|[,，、;；](?!\d)")
OR_SIGNS = "|｜"
MINUS_SIGNS = "-－"
OR_WORD = "OR"
AND_NOT = ("AND", "NOT")  # uppercase, as OR
# Pictographs, dingbats, arrows and stars, variation selectors, keycaps, flag tags.
EMOJI_RANGES = [(0x1F000, 0x1FAFF), (0x2600, 0x27BF), (0x2B00, 0x2BFF), (0xFE00, 0xFE0F),
                (0x20E3, 0x20E3), (0xE0000, 0xE007F)]

_WORDS = word_analyzer()
_CHARS = char_analyzer()
_HAN_ONLY = re.compile(f"[{HAN}]{{2,}}")


@dataclass
class UserQuery:
    query: Query | None  # None when nothing searchable is left
    terms: list[str] = field(default_factory=list)  # simplified, for highlighting
    notes: list[str] = field(default_factory=list)  # messages for the user
    text: str = ""  # the query as understood, to echo back


@dataclass(frozen=True)
class _Item:
    text: str
    phrase: bool
    excluded: bool

    def show(self) -> str:
        body = f'"{self.text}"' if self.phrase else self.text
        return "-" + body if self.excluded else body


_OR = object()  # the OR operator in the token stream


def parse_user_query(raw: str, fields=("text",)) -> UserQuery:
    notes = []
    text = _clean("" if raw is None else str(raw), notes)
    tokens = [t for t in _and_not(_lex(text, notes)) if t is _OR or _searchable(t, notes)]
    groups, excluded = _group(tokens, notes)
    shown = [" OR ".join(item.show() for item in group) for group in groups]
    shown += [item.show() for item in excluded]
    result = UserQuery(None, notes=notes, text=" ".join(shown))
    if not groups:
        if excluded:
            _note(notes, NOTE_ONLY_EXCLUDED)
        return result
    required = [Or([_item_query(text, fields) for item in group for text in _meanings(item, notes)])
                for group in groups]
    # Not inside And, rather than AndNot: Whoosh 2.7.4's AndNot matcher skips past
    # excluded documents and returns some of them (tests/search/test_querying.py).
    excluded_queries = [Not(Or([_item_query(text, fields) for text in _meanings(item, notes)]))
                        for item in excluded]
    query = And(required + excluded_queries)
    result.query = query.normalize()
    terms = (to_simplified(text) for group in groups for item in group for text in _meanings(item))
    result.terms = list(dict.fromkeys(terms))
    return result


def _meanings(item: _Item, notes: list | None = None) -> list[str]:
    """The item's text, and the names it abbreviates where it is one (GDP), with a note."""
    names = () if item.phrase else expansions(item.text)
    if names and notes is not None:
        _note(notes, synonym_note(item.text, names))
    return [item.text, *names]


def _note(notes: list, note: str) -> None:
    if note not in notes:
        notes.append(note)


def _is_emoji(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in EMOJI_RANGES)


def _clean(text: str, notes: list) -> str:
    """Spaces for whitespace and list commas; emoji and control, format and unassigned
    characters dropped."""
    kept = []
    for char in text:
        if char.isspace():
            kept.append(" ")
        elif _is_emoji(char):
            _note(notes, NOTE_EMOJI)
        elif unicodedata.category(char)[0] != "C":
            kept.append(char)
    text = " ".join(LIST_SEPARATORS.sub(" ", "".join(kept)).split())
    if len(text) > MAX_QUERY_CHARS:
        _note(notes, NOTE_TOO_LONG)
        text = text[:MAX_QUERY_CHARS]
    return text


def _lex(text: str, notes: list):
    """Yield _Item and _OR tokens; an unclosed quote runs to the end."""
    i, end = 0, len(text)
    while i < end:
        char = text[i]
        if char == " ":
            i += 1
            continue
        if char in OR_SIGNS:
            yield _OR
            i += 1
            continue
        excluded = char in MINUS_SIGNS and i + 1 < end and text[i + 1] != " "
        if excluded:
            i += 1
        if text[i] in QUOTES:
            close = next((j for j in range(i + 1, end) if text[j] in QUOTES), None)
            if close is None:
                _note(notes, NOTE_UNCLOSED_QUOTE)
                close = end
            phrase = " ".join(text[i + 1:close].split())
            if phrase:
                yield _Item(phrase, True, excluded)
            i = close + 1
            continue
        j = i + 1
        while j < end and text[j] != " " and text[j] not in OR_SIGNS and text[j] not in QUOTES:
            j += 1
        word = text[i:j]
        yield _OR if word == OR_WORD and not excluded else _Item(word, False, excluded)
        i = j


def _and_not(tokens):
    """AND between two items means what a space means; NOT before an item excludes it, as -."""
    negate = False
    for token in tokens:
        if token is not _OR and not (token.phrase or token.excluded) and token.text in AND_NOT:
            negate = token.text == "NOT"
            continue
        if negate and token is not _OR:
            token = replace(token, excluded=True)
        negate = False
        yield token


def _searchable(item: _Item, notes: list) -> bool:
    if any(True for _ in _CHARS(item.text)):
        return True
    _note(notes, NOTE_SYMBOLS)
    return False


def _group(tokens: list, notes: list) -> tuple[list[list[_Item]], list[_Item]]:
    """Wanted items in OR groups (ANDed together), and excluded items.

    An OR joins the wanted items on either side of it; one that does not stand between
    two wanted items is dropped with a note.
    """
    groups, excluded = [], []
    joining = False  # an OR is waiting for its right-hand item
    after_wanted = False
    for token in tokens:
        if token is _OR:
            if after_wanted and not joining:
                joining = True
            else:
                _note(notes, NOTE_STRAY_OR)
            continue
        if token.excluded:
            if joining:
                _note(notes, NOTE_STRAY_OR)
            excluded.append(token)
            joining = after_wanted = False
        elif joining:
            groups[-1].append(token)
            joining = False
        else:
            groups.append([token])
            after_wanted = True
    if joining:
        _note(notes, NOTE_STRAY_OR)
    return groups, excluded


def _item_query(text: str, fields) -> Query:
    """The item as consecutive words, or as its single token, in any of the fields."""
    chars = [token.text for token in _CHARS(text, mode="query")]
    if len(chars) == 1:
        return Or([Term(chars_field(name), chars[0]) for name in fields])
    words = [token.text for token in _WORDS(text, mode="query")]
    queries = [_word_sequence(name, words) for name in fields]
    normal = normalize(text)
    if _HAN_ONLY.fullmatch(normal) and (len(words) > 1 or not segmenter().has_word(normal)):
        queries += [WordsContaining(name, normal, itself=len(words) > 1) for name in fields]
    return Or(queries)


def _word_sequence(name: str, words: list[str]) -> Query:
    """A lone word anywhere in a word of the text, or across two (see _straddling); the
    first of several may end a longer word, the last may begin one, the ones between are
    whole words."""
    if len(words) == 1:
        word = words[0]
        return Or([Term(name, word), *(Term(name, subword_term(word, at_start, at_end))
                                        for at_start, at_end in ((True, False), (False, True),
                                                                 (False, False))),
                   *_straddling(name, word)])
    first, *middle, last = words
    return AdjacentWords(name, [[first, subword_term(first, False, True)],
                                *([word] for word in middle),
                                [last, subword_term(last, True, False)]])


def _straddling(name: str, word: str) -> list[Query]:
    """A dictionary word the text holds split over two of its words: 改革开放 in 深化改革/开放
    and 计划经济 in 计划/经济体制. Each part must be a dictionary word of two or more
    characters, which is what the index knows of the inside of a word; that keeps out
    accidents such as 民生 in 人民/生活 (single characters are never indexed as parts)."""
    has_word = segmenter().has_word
    return [AdjacentWords(name, [[head, subword_term(head, False, True)],
                                 [tail, subword_term(tail, True, False)]])
            for cut in range(2, len(word) - 1)
            if has_word(head := word[:cut]) and has_word(tail := word[cut:])]
