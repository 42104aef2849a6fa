"""Chinese text analysis for the Whoosh index: jieba words and single characters.

Both analyzers read a normalised copy of the text (half-width, lowercase, simplified)
that matches the original character for character, so every token's startchar/endchar
point into the original text. Normalising has to come before segmentation (jieba must
see simplified characters), so it happens inside the tokenizers, not in Whoosh filters.

Token pieces: a Han run is cut by jieba (word field) or into single characters (char
field); a run of other letters and digits is one token, decimals included ("5g", "hbm",
"3500", "1.7"), so "7%" never matches inside "17%" or "1.7%"; a unit sign (%, ‰, ℃, ¥…)
is a token of its own; punctuation and whitespace are dropped. Token positions count
kept tokens (0, 1, 2…), which is what Whoosh's phrase queries need.
"""
import logging
import re
import tempfile
import threading
from pathlib import Path

import jieba
import opencc
from whoosh.analysis import Token, Tokenizer
from whoosh.fields import TEXT

logger = logging.getLogger(__name__)

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


_jieba_lock = threading.Lock()
_jieba_cache: Path | None = None


def configure_jieba(cache_dir: Path | None = None) -> Path:
    """Initialise jieba once per process and load the project's policy dictionary.

    jieba writes its prefix-dictionary cache (about 1 s to rebuild) into cache_dir, the
    site's data folder, or into the system temporary folder when cache_dir is None.
    Later calls do nothing and return the cache path of the first one. Returns the path.
    """
    global _jieba_cache
    if _jieba_cache is not None:
        return _jieba_cache
    with _jieba_lock:
        if _jieba_cache is None:
            jieba.setLogLevel(logging.WARNING)
            if jieba.dt.initialized:
                logger.warning("jieba was initialised before configure_jieba; its cache stays where it is")
            if cache_dir is not None:
                Path(cache_dir).mkdir(parents=True, exist_ok=True)
                jieba.dt.tmp_dir = str(cache_dir)
                jieba.dt.cache_file = "jieba.cache"
            jieba.dt.initialize()
            jieba.dt.load_userdict(str(POLICY_TERMS))
            _jieba_cache = Path(jieba.dt.tmp_dir or tempfile.gettempdir()) / (
                jieba.dt.cache_file or "jieba.cache")
    return _jieba_cache


class _PieceTokenizer(Tokenizer):
    """Whoosh's tokenizer protocol over pieces (text, start, end) of the normalised value."""

    def pieces(self, normal: str):
        raise NotImplementedError

    def __call__(self, value, positions=False, chars=False, keeporiginal=False,
                 removestops=True, start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        normal = normalize(value)
        pieces = self.pieces(normal) if tokenize else [(normal, 0, len(normal))]
        for pos, (text, start, end) in enumerate(pieces):
            token.text = text
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = value[start:end]
            if positions:
                token.pos = start_pos + pos
            if chars:
                token.startchar = start_char + start
                token.endchar = start_char + end
            yield token


class WordTokenizer(_PieceTokenizer):
    """jieba words (precise mode with HMM) for Han runs."""

    def pieces(self, normal):
        configure_jieba()
        for match in PIECES.finditer(normal):
            start = match.start()
            if match.lastgroup != "han":
                yield match.group(), start, match.end()
                continue
            for word in jieba.dt.cut(match.group(), HMM=True):
                yield word, start, start + len(word)
                start += len(word)


class CharTokenizer(_PieceTokenizer):
    """One token per Han character, so a phrase query finds any literal substring."""

    def pieces(self, normal):
        for match in PIECES.finditer(normal):
            if match.lastgroup != "han":
                yield match.group(), match.start(), match.end()
                continue
            for i in range(match.start(), match.end()):
                yield normal[i], i, i + 1


def word_analyzer() -> WordTokenizer:
    return WordTokenizer()


def char_analyzer() -> CharTokenizer:
    return CharTokenizer()


def chars_field(name: str) -> str:
    """The name of the character-level twin of text field `name`."""
    return name + CHARS_SUFFIX


def text_field_pair(name: str, stored: bool = True) -> dict:
    """Whoosh fields for one text field: words under `name`, characters under its twin.

    Both must be fed the same text. Not sortable: sorting by a body text is meaningless
    and a sortable field stores the text a second time as a column.
    """
    return {
        name: TEXT(analyzer=word_analyzer(), phrase=True, stored=stored),
        chars_field(name): TEXT(analyzer=char_analyzer(), phrase=True, stored=False),
    }


def schema_fields(stored_text: bool = True) -> dict:
    return text_field_pair("text", stored=stored_text)
