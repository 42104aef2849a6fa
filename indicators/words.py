"""Reports cut into jieba words, the unit in which the comparison pages see text."""
from __future__ import annotations

import re

from search.analysis import normalize, segmenter

_TERM = re.compile(r"^[\u4e00-\u9fff]{2,}$")


def tokens(text: str) -> list[str]:
    """Every piece of ``text`` in order (words, numbers, punctuation, spaces): they join back to it."""
    return segmenter().cut(text, True) if text else []


def term_words(text: str) -> list[str]:
    """The words of two or more Han characters in ``text``, simplified, in order (repeats kept)."""
    return [word for word in tokens(normalize(text)) if len(word) > 1 and _TERM.match(word)]
