"""Decoded postings kept between searches (search.posting_cache): bounded, least recently used out."""
import numpy as np
import pytest

from search.posting_cache import PostingCache
from search.postings import Postings


def postings(size, values=False):
    found = Postings(np.arange(size, dtype=np.int64), np.ones(size))
    if values:
        found.value_lengths, found.value_bytes = np.ones(size, dtype=np.int64), np.zeros(size, np.uint8)
    return found


def test_kept_until_the_bound_then_the_least_recently_used_go():
    cache = PostingCache(limit_bytes=3 * 16 * 100)  # three lists of 100 postings
    reads = []

    def get(key, values=False):
        return cache.get(key, values, lambda: reads.append(key) or postings(100, values))

    for key in "abc":
        get(key)
    get("a")  # a is used again: b is now the least recently used
    get("d")
    assert reads == ["a", "b", "c", "d"]
    get("a"), get("c"), get("d")
    assert reads == ["a", "b", "c", "d"]
    get("b")
    assert reads == ["a", "b", "c", "d", "b"]
    assert cache.bytes <= cache.limit_bytes


def test_postings_kept_without_values_are_read_again_for_values():
    cache = PostingCache()
    assert cache.get("a", False, lambda: postings(10)).value_bytes is None
    with_values = cache.get("a", True, lambda: postings(10, values=True))
    assert with_values.value_bytes is not None
    assert cache.get("a", False, lambda: pytest.fail("read again")) is with_values
    assert cache.bytes == 10 * (8 + 8 + 8 + 1)


def test_kept_arrays_cannot_be_changed_by_a_search():
    cache = PostingCache()
    found = cache.get("a", False, lambda: postings(10))
    with pytest.raises(ValueError):
        found.ids[0] = 5
    cache.clear()
    assert cache.bytes == 0
    assert cache.get("a", False, lambda: postings(3)).ids.size == 3
