"""Two texts compared word by word (jieba words, not characters)."""
from __future__ import annotations

from difflib import SequenceMatcher

from indicators.words import tokens

SAME, DELETED, INSERTED = "same", "del", "ins"


def word_diff(old: str, new: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]], float]:
    """``(old side, new side, ratio)``: each side a list of ``(kind, text)`` runs, where kind is
    ``same`` or ``del`` (old side) / ``ins`` (new side); ratio is the share of words kept (0–1).

    Runs of the same kind are merged, so that a page marks 加快发展新质生产力 once rather than
    word by word.
    """
    old_words, new_words = tokens(old), tokens(new)
    matcher = SequenceMatcher(None, old_words, new_words, autojunk=False)
    old_side, new_side = [], []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            _append(old_side, SAME, old_words[i1:i2])
            _append(new_side, SAME, new_words[j1:j2])
            continue
        _append(old_side, DELETED, old_words[i1:i2])
        _append(new_side, INSERTED, new_words[j1:j2])
    return old_side, new_side, matcher.ratio()


def _append(side: list, kind: str, words: list[str]) -> None:
    if not words:
        return
    text = "".join(words)
    if side and side[-1][0] == kind:
        side[-1] = (kind, side[-1][1] + text)
    else:
        side.append((kind, text))
