"""Chinese text analysis for the Whoosh index: jieba words and single tokens.

Every analyzer reads a normalised copy of the text (half-width, lowercase, simplified)
that matches the original character for character, so every token's startchar/endchar
point into the original text. Normalising has to come before segmentation (jieba must
see simplified characters), so it happens inside the tokenizers, not in Whoosh filters.

Token pieces: a Han run is cut by jieba (words) or into single characters; a run of
other letters and digits is one token, decimals included ("5g", "hbm", "3500", "1.7"),
so "7%" never matches inside "17%" or "1.7%"; a unit sign (%, ‰, ℃, ¥…) is a token of
its own; punctuation and whitespace are dropped.

Each of our own text fields (search.fields.ChineseTextField) is indexed twice (text_fields):
- ``name``: jieba words with positions. A word of three or more characters also gives
  the dictionary words inside it (全国人民代表大会 → 人民代表大会, 人民, 代表大会…), at its own
  position and marked by where they stand in it: "居民>" begins a longer word, "<收入"
  ends one (居民收入), "<人民>" stands inside one. So a query for 收入 finds 居民收入, and the
  phrase 收入增长 finds 居民收入增长 (a word ending in 收入, then 增长), but never 收入的增长 —
  a phrase only continues where a word ends (search.querying). A phrase that lies wholly
  inside one word of the text (质量发展 in 高质量发展, a single dictionary word) is not found;
- ``name_chars``: the single tokens (characters, letter/digit runs, unit signs), only
  whether each occurs in a document, for a query of one character.

haystack's own text fields (search.schema) are one Whoosh TEXT field each, analysed by
chinese_analyzer (the words and marked words above, Latin words stemmed); their edge
n-grams are made of whole words (WholeWordTokenizer).

Segmentation uses jieba-rs (the rjieba binding) with the project's policy dictionary: it
gives the Python package's tokens (tests/search/test_analysis.py compares the two over
the reports) at several times its speed.
"""
import re
import threading
from collections import defaultdict
from pathlib import Path

import opencc
import rjieba
from whoosh.analysis import Filter, StemFilter, Token, Tokenizer
from whoosh.fields import FieldType
from whoosh.formats import Existence

from search.codec import CompactPositions

POLICY_TERMS = Path(__file__).with_name("dictionary") / "policy_terms.txt"
CHARS_SUFFIX = "_chars"

HAN = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
UNITS = "%‰‱℃°$¥€£"
# One letter or digit that is not Han (a regex class usable in lookbehinds).
ALNUM = rf"(?![{HAN}])[^\W_]"
PIECES = re.compile(
    rf"(?P<han>[{HAN}]+)|(?P<alnum>(?:{ALNUM})+(?:\.\d+)*)|(?P<unit>[{re.escape(UNITS)}])"
)

_HALF_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_T2S = opencc.OpenCC("t2s")


def _t2s(text: str) -> str:
    return _T2S.convert(text)


def _same_length(text: str, convert) -> str:
    """convert(text), or convert each character alone where the whole would change length."""
    converted = convert(text)
    if len(converted) == len(text):
        return converted
    return "".join(c2 if len(c2 := convert(c)) == 1 else c for c in text)


def to_simplified(text: str) -> str:
    """OpenCC t2s (by phrase: 反覆 → 反复), keeping the length of text."""
    return _same_length(text, _t2s)


def normalize(text: str) -> str:
    """Half-width, lowercase, simplified copy of text, of the same length (offsets map 1:1)."""
    return to_simplified(_same_length(text.translate(_HALF_WIDTH), str.lower))


def policy_terms() -> list[tuple[str, int, str]]:
    """(word, frequency, part of speech) of each line of the policy dictionary."""
    entries = []
    for line in POLICY_TERMS.read_text(encoding="utf-8").splitlines():
        if line.strip():
            word, frequency, tag = line.split()
            entries.append((word, int(frequency), tag))
    return entries


_segmenter_lock = threading.Lock()
_segmenter: rjieba.Jieba | None = None


def segmenter() -> rjieba.Jieba:
    """jieba's default dictionary plus the policy terms, loaded once per process (≈0.4 s)."""
    global _segmenter
    if _segmenter is None:
        with _segmenter_lock:
            if _segmenter is None:
                loaded = rjieba.Jieba()
                for word, frequency, tag in policy_terms():
                    loaded.add_word(word, frequency, tag)
                _segmenter = loaded
    return _segmenter


def segment(han_run: str) -> list[str]:
    """jieba's precise mode with HMM over a run of Han characters."""
    return segmenter().cut(han_run, True)


SENTENCE_ENDS = frozenset("。！？；!?;")


def word_pieces(normal: str, subwords: bool = False):
    """(token, start, end, position) of jieba words and the other pieces of normalised text.

    With subwords, a word of three or more characters is followed by the marked
    dictionary words inside it, at its position. A sentence end between two pieces
    skips a position, so that no phrase runs across it (质量。发展 is not 质量发展); other
    punctuation and line breaks do not (文旅\n\n融合 is 文旅融合).
    """
    position = -1
    previous_end = 0
    for match in PIECES.finditer(normal):
        start = match.start()
        if not SENTENCE_ENDS.isdisjoint(normal[previous_end:start]):
            position += 1
        previous_end = match.end()
        if match.lastgroup != "han":
            position += 1
            yield match.group(), start, match.end(), position
            continue
        for word in segment(match.group()):
            position += 1
            yield word, start, start + len(word), position
            if subwords and len(word) > 2:
                for offset, inner in _dictionary_words_inside(word):
                    end = offset + len(inner)
                    yield (subword_term(inner, at_start=offset == 0, at_end=end == len(word)),
                           start + offset, start + end, position)
            start += len(word)


def _dictionary_words_inside(word: str):
    has_word = segmenter().has_word
    for size in range(2, len(word)):
        for offset in range(len(word) - size + 1):
            if has_word(inner := word[offset:offset + size]):
                yield offset, inner


def subword_term(word: str, at_start: bool, at_end: bool) -> str:
    """The index term of a word inside a longer one: ">" where the longer word goes on."""
    return ("" if at_start else "<") + word + ("" if at_end else ">")


def char_pieces(normal: str, subwords: bool = False):
    """(token, start, end, position) of single Han characters and the other pieces."""
    position = -1
    for match in PIECES.finditer(normal):
        if match.lastgroup != "han":
            position += 1
            yield match.group(), match.start(), match.end(), position
            continue
        for i in range(match.start(), match.end()):
            position += 1
            yield normal[i], i, i + 1, position


class _PieceTokenizer(Tokenizer):
    """Whoosh's tokenizer protocol over pieces (text, start, end, position) of the normalised value."""

    pieces = staticmethod(char_pieces)

    def __call__(self, value, positions=False, chars=False, keeporiginal=False,
                 removestops=True, start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        normal = normalize(value)
        pieces = (self.pieces(normal, subwords=mode == "index") if tokenize
                  else [(normal, 0, len(normal), 0)])
        for text, start, end, position in pieces:
            token.text = text
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = value[start:end]
            if positions:
                token.pos = start_pos + position
            if chars:
                token.startchar = start_char + start
                token.endchar = start_char + end
            yield token


class WordTokenizer(_PieceTokenizer):
    """jieba words (precise mode with HMM) for Han runs; their sub-words when indexing."""

    pieces = staticmethod(word_pieces)


class WholeWordTokenizer(_PieceTokenizer):
    """jieba words, never the marked words inside them (for n-grams of word beginnings)."""

    @staticmethod
    def pieces(normal, subwords=False):
        return word_pieces(normal)


class CharTokenizer(_PieceTokenizer):
    """One token per Han character."""


def word_analyzer() -> WordTokenizer:
    return WordTokenizer()


def chinese_analyzer():
    """For haystack's own text fields: our words, with Latin words stemmed as Whoosh's
    StemmingAnalyzer (haystack's default) stems them (indexed → index); Han words have no
    English suffix to lose."""
    return WordTokenizer() | StemFilter()


class NormalizeFilter(Filter):
    """Each token half-width, lowercase and simplified (for tokenizers other than ours)."""

    def __call__(self, tokens):
        for token in tokens:
            token.text = normalize(token.text)
            yield token


def char_analyzer() -> CharTokenizer:
    return CharTokenizer()


def chars_field(name: str) -> str:
    """The name of the single-token twin of text field `name`."""
    return name + CHARS_SUFFIX


class WordField(FieldType):
    """jieba words with their positions (packed, search.codec).

    index() reads word_pieces itself rather than through the analyzer's Token objects:
    the same postings (tests/search/test_analysis.py), in about half the time.
    """

    def __init__(self):
        super().__init__(CompactPositions(), word_analyzer(), scorable=True)

    def index(self, value, **kwargs):
        positions = defaultdict(list)
        for text, _, _, position in word_pieces(normalize(value), subwords=True):
            positions[text].append(position)
        boost, encode = self.format.field_boost, self.format.encode
        for text, found in positions.items():
            yield text.encode("utf-8"), len(found), len(found) * boost, encode(found)


class CharField(FieldType):
    """Whether each single token occurs (characters, letter/digit runs, unit signs).

    index() collects them as a set, a Han run at a time, instead of one Token each.
    """

    def __init__(self):
        super().__init__(Existence(), char_analyzer(), scorable=True)

    def index(self, value, **kwargs):
        tokens = set()
        for match in PIECES.finditer(normalize(value)):
            if match.lastgroup == "han":
                tokens.update(match.group())
            else:
                tokens.add(match.group())
        boost = self.format.field_boost
        for token in tokens:
            yield token.encode("utf-8"), 1, boost, b""


def text_fields(name: str) -> dict:
    """Whoosh fields for one text field: words and single tokens (feed both the same text).

    Neither is stored (hits read the text from the database) nor sortable (that would
    store it again as a column); only words keep positions, which phrases need, and
    frequencies, which rank hits. A character's frequency ranks little, and storing it
    would double the character field's size.
    """
    return {name: WordField(), chars_field(name): CharField()}


def text_values(name: str, text: str) -> dict:
    """The document values of text_fields(name) for ``text``."""
    return {name: text, chars_field(name): text}
