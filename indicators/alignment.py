"""Which section of last year's report became which section of this year's.

Parts are renumbered, merged and reordered between years (2023's 二、（一）着力扩大国内需求 is
2024's 三、（三）着力扩大国内需求，推动经济实现良性循环), so numbers say nothing. Each pair of sections
is scored by what they say — the cosine of their TF-IDF word vectors (jieba words of two or more Han
characters, weighted over the sections of both reports) — and by their headings (the Dice
coefficient of the headings' character pairs). Pairs are then taken best first, each section at
most once, down to ``THRESHOLD``; what is left is new (this year) or dropped (last year).
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from indicators.words import term_words

THRESHOLD = 0.2
HEADING_WEIGHT = 0.4


@dataclass(frozen=True)
class Passage:
    """What alignment needs of a section: its heading and its text."""
    key: int
    heading: str
    text: str


@dataclass(frozen=True)
class Alignment:
    pairs: list[tuple[int, int, float]]  # (old key, new key, score), in the new report's order
    new: list[int]                       # new keys without a partner
    dropped: list[int]                   # old keys without a partner, in their order


def align(old: list[Passage], new: list[Passage]) -> Alignment:
    vectors = _tfidf([_words(p) for p in old] + [_words(p) for p in new])
    old_vectors, new_vectors = vectors[:len(old)], vectors[len(old):]
    scored = []
    for i, before in enumerate(old):
        for j, after in enumerate(new):
            score = similarity(before, after, old_vectors[i], new_vectors[j])
            if score >= THRESHOLD:
                scored.append((score, i, j))
    scored.sort(key=lambda item: (-item[0], item[1], item[2]))
    partner_of_new, taken = {}, set()
    for score, i, j in scored:
        if i not in taken and j not in partner_of_new:
            partner_of_new[j] = (i, score)
            taken.add(i)
    pairs = [(old[partner_of_new[j][0]].key, after.key, round(partner_of_new[j][1], 3))
             for j, after in enumerate(new) if j in partner_of_new]
    return Alignment(pairs=pairs,
                     new=[after.key for j, after in enumerate(new) if j not in partner_of_new],
                     dropped=[before.key for i, before in enumerate(old) if i not in taken])


def similarity(before: Passage, after: Passage, before_vector: dict, after_vector: dict) -> float:
    content = _cosine(before_vector, after_vector)
    if not (before.heading and after.heading):
        return content
    return (1 - HEADING_WEIGHT) * content + HEADING_WEIGHT * heading_similarity(before.heading,
                                                                              after.heading)


def heading_similarity(first: str, second: str) -> float:
    """Dice coefficient of character pairs (a one-character heading counts as its character)."""
    a, b = _bigrams(first), _bigrams(second)
    if not a or not b:
        return 0.0
    return 2 * sum((a & b).values()) / (sum(a.values()) + sum(b.values()))


def _bigrams(text: str) -> Counter:
    text = "".join(ch for ch in text if ch.isalnum())
    if len(text) == 1:
        return Counter([text])
    return Counter(text[i:i + 2] for i in range(len(text) - 1))


def _words(passage: Passage) -> Counter:
    return Counter(term_words(f"{passage.heading}\n{passage.text}"))


def _tfidf(documents: list[Counter]) -> list[dict]:
    frequency = Counter(word for document in documents for word in document)
    count = len(documents)
    vectors = []
    for document in documents:
        vector = {word: (1 + math.log(n)) * math.log(1 + count / frequency[word])
                  for word, n in document.items()}
        norm = math.sqrt(sum(weight * weight for weight in vector.values())) or 1.0
        vectors.append({word: weight / norm for word, weight in vector.items()})
    return vectors


def _cosine(first: dict, second: dict) -> float:
    if len(first) > len(second):
        first, second = second, first
    return sum(weight * second.get(word, 0.0) for word, weight in first.items())
