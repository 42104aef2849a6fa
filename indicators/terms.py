"""Policy terms a report uses for the first time in its region, and those it no longer uses.

A word is a jieba word of two or more Han characters (with the policy dictionary of
``search/dictionary/policy_terms.txt``, so 新质生产力 is one word). New: used in this report and in
none of the region's earlier reports of the same kind. Dropped: used in last year's report and not
in this one.

Most words new to a report are not policy terms (衷心感谢, 上年, a place name), so the lists hold the
policy dictionary's terms, however often used, and other words of three or more characters used
at least twice; dictionary terms come first, then by how often they are used, longer words first
on a tie. (新质生产力 is used once in the 2024 report: a count threshold alone would miss it.)
"""
from __future__ import annotations

from collections import Counter
from functools import cache as memoize

from django.core.cache import cache

from archive.models import Report
from indicators.words import term_words
from search.analysis import policy_terms

MOST = 30          # terms listed each way
MIN_USES = 2       # for words outside the policy dictionary
MIN_LENGTH = 3     # for words outside the policy dictionary: two-character words are mostly plain words


def word_counts(report: Report) -> Counter:
    """The report's terms and their counts, cached per report content."""
    key = f"indicators:words:{report.pk}:{report.content_hash}"
    counts = cache.get(key)
    if counts is None:
        counts = Counter(term_words(report.text))
        cache.set(key, counts, None)
    return counts


def earlier_vocabulary(report: Report) -> set[str]:
    earlier = (Report.objects.filter(region=report.region, kind=report.kind, year__lt=report.year)
               .only("id", "content_hash", "text"))
    words: set[str] = set()
    for other in earlier.iterator():
        words.update(word_counts(other))
    return words


@memoize
def dictionary_terms() -> frozenset[str]:
    return frozenset(word for word, _, _ in policy_terms())


def ranked(counts: Counter, words) -> list[tuple[str, int]]:
    dictionary = dictionary_terms()
    chosen = [(word, counts[word]) for word in words if word in dictionary
              or (len(word) >= MIN_LENGTH and counts[word] >= MIN_USES)]
    chosen.sort(key=lambda item: (item[0] not in dictionary, -item[1], -len(item[0]), item[0]))
    return chosen[:MOST]


def new_terms(report: Report) -> list[tuple[str, int]]:
    counts = word_counts(report)
    return ranked(counts, set(counts) - earlier_vocabulary(report))


def dropped_terms(previous: Report, report: Report) -> list[tuple[str, int]]:
    before = word_counts(previous)
    return ranked(before, set(before) - set(word_counts(report)))
