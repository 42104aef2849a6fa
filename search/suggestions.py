"""Spelling suggestions on a word field: for each word of a query, the nearest word of the index.

Whoosh's corrector proposes index terms within two edits of a word. The query is cut into
words by jieba first (a query of Chinese has no spaces between its words), a word the
index holds is kept as it is, and the marked words inside long words (search.analysis:
"<收入") are never proposed. A word of Han characters is a few characters long, and two
edits would turn it into any other word: one edit (a character) is allowed there, and the
suggestion is the most frequent such word of the index (发屏 → 发展, 数字经挤 → 数字经济).
"""
import re

from search.analysis import HAN, word_analyzer

_WORDS = word_analyzer()
_HAN_CHAR = re.compile(f"[{HAN}]")


def suggest(reader, fieldname: str, query_string: str) -> str:
    """The query with each word the index lacks replaced by its nearest index word."""
    corrector = reader.corrector(fieldname)
    suggested = []
    for token in _WORDS(query_string, mode="query"):
        word = token.text
        if (fieldname, word) not in reader:
            edits = 1 if _HAN_CHAR.match(word) and len(word) < 5 else 2
            word = next((term for term in corrector.suggest(word, limit=10, maxdist=edits)
                         if not term.startswith("<") and not term.endswith(">")), "")
        if word:
            suggested.append(word)
    return _join(suggested)


def _join(words: list[str]) -> str:
    """Words as one query: Han words run together (a space would make them separate
    items), others separated by spaces."""
    joined = ""
    for word in words:
        if joined and not (_HAN_CHAR.match(joined[-1]) and _HAN_CHAR.match(word[0])):
            joined += " "
        joined += word
    return joined
