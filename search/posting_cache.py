"""Decoded posting lists of the terms searched most, kept between searches (search.bulk).

Searches come back to the same common words (发展, 人民, 经济), and reading a word's
postings from a segment (search.postings: a zlib stream and a few arrays per block)
is most of a search's time. A segment's postings never change (Whoosh writes a segment
once and keeps its deletions apart), so the decoded arrays are kept per process, keyed by
the segment and the term, and the least recently used go first once they pass LIMIT_BYTES.
Their memory is counted by the arrays' own bytes, so the bound is the memory's.
"""
from __future__ import annotations

import threading
from collections import OrderedDict

from search.postings import Postings

LIMIT_BYTES = 64 * 2 ** 20


class PostingCache:
    def __init__(self, limit_bytes: int = LIMIT_BYTES):
        self.limit_bytes = limit_bytes
        self.bytes = 0
        self._entries: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key, values: bool, read) -> Postings:
        """The postings under ``key``, with values if asked for; read() reads them when absent."""
        with self._lock:
            found = self._entries.get(key)
            if found is not None and (found.value_bytes is not None or not values):
                self._entries.move_to_end(key)
                return found
        found = read()
        for array in (found.ids, found.weights, found.value_lengths, found.value_bytes):
            if array is not None:
                array.flags.writeable = False  # shared by every search that reads this term
        with self._lock:
            previous = self._entries.pop(key, None)
            if previous is not None:
                self.bytes -= _size(previous)
            self._entries[key] = found
            self.bytes += _size(found)
            while self.bytes > self.limit_bytes:
                _, dropped = self._entries.popitem(last=False)
                self.bytes -= _size(dropped)
        return found

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self.bytes = 0


def _size(postings: Postings) -> int:
    return sum(array.nbytes for array in (postings.ids, postings.weights, postings.value_lengths,
                                          postings.value_bytes) if array is not None)


cache = PostingCache()
