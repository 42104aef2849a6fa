"""Spelling suggestions on a word field: for each word of a query, the nearest word of the index.

Whoosh's corrector proposes index terms within two edits of a word. The query is cut into
words by jieba first (a query of Chinese has no spaces between its words), a word the
index holds is kept as it is, and the marked words inside long words (search.analysis:
"<收入") are never proposed. Two edits are a lot for words of two or three characters:
the suggestion is the most frequent such term, a guess rather than a correction.
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
            word = next((term for term in corrector.suggest(word, limit=10)
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
