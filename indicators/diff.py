"""Two texts compared word by word (jieba words, not characters).

Sentences are lined up first and only the sentences that changed are compared word by word:
most of a report's sentences come back unchanged or not at all, and a word-level matcher over
a whole section (thousands of words) costs far more than over the few sentences that differ.
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher

from indicators.words import tokens

SAME, DELETED, INSERTED = "same", "del", "ins"
_SENTENCE = re.compile(r"[^。！？；!?;\n]*(?:[。！？；!?;\n]+|$)")


def sentences(text: str) -> list[str]:
    """``text`` cut after each sentence end (and line break), keeping every character."""
    return [piece for piece in _SENTENCE.findall(text) if piece]


def word_diff(old: str, new: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]], float]:
    """``(old side, new side, ratio)``: each side a list of ``(kind, text)`` runs, where kind is
    ``same`` or ``del`` (old side) / ``ins`` (new side); ratio is the share of characters kept
    (0–1). Runs of the same kind are merged, so that a page marks 加快发展新质生产力 once rather
    than word by word."""
    old_sentences, new_sentences = sentences(old), sentences(new)
    old_side, new_side = [], []
    matcher = SequenceMatcher(None, old_sentences, new_sentences, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        before, after = "".join(old_sentences[i1:i2]), "".join(new_sentences[j1:j2])
        if op == "equal":
            _append(old_side, SAME, before)
            _append(new_side, SAME, after)
        elif op == "replace":
            _words_diff(before, after, old_side, new_side)
        else:
            _append(old_side, DELETED, before)
            _append(new_side, INSERTED, after)
    kept = sum(len(text) for kind, text in new_side if kind == SAME)
    total = len(old) + len(new)
    return old_side, new_side, (2 * kept / total) if total else 1.0


def _words_diff(old: str, new: str, old_side: list, new_side: list) -> None:
    old_words, new_words = tokens(old), tokens(new)
    matcher = SequenceMatcher(None, old_words, new_words, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            _append(old_side, SAME, "".join(old_words[i1:i2]))
            _append(new_side, SAME, "".join(new_words[j1:j2]))
        else:
            _append(old_side, DELETED, "".join(old_words[i1:i2]))
            _append(new_side, INSERTED, "".join(new_words[j1:j2]))


def _append(side: list, kind: str, text: str) -> None:
    if not text:
        return
    if side and side[-1][0] == kind:
        side[-1] = (kind, side[-1][1] + text)
    else:
        side.append((kind, text))
