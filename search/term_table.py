"""A segment's table of terms without its hash tables: terms found by binary search.

Whoosh's terms file (filetables.OrderedHashWriter) keeps its keys in order with an array
of their positions, for prefix and range reads, and a hash table besides, for lookups:
two 12-byte slots a term, a third of the file once term infos are packed (search.codec).
The ordered array alone finds a term in about log2(terms) key reads (17 for 100,000
terms), which a query does a few dozen times at most, so SortedTermsWriter writes the hash
tables empty and says so in the file's extras; SortedTermsReader then looks keys up in the
array, and a file with hash tables (written before) is read through them as it was.
A lookup costs about 26 µs where the hash took 4 (a segment of 43,000 words); the bench's
50 queries, which look up a few dozen terms each, took no measurably longer.
"""
from __future__ import annotations

from whoosh.filedb.filetables import OrderedHashReader, OrderedHashWriter, _lengths

SORTED_ONLY = "sorted_only"  # the extras' key saying the hash tables are empty


class SortedTermsWriter(OrderedHashWriter):
    def add(self, key, value):
        # OrderedHashWriter.add, less the hash (HashWriter.add's bucket) no table will hold
        if key <= self.lastkey:
            raise ValueError(f"Keys must increase: {self.lastkey!r}..{key!r}")
        self.index.append(self.dbfile.tell())
        self.dbfile.write(_lengths.pack(len(key), len(value)) + key + value)
        self.lastkey = key

    def _write_hashes(self):
        self.extras[SORTED_ONLY] = True
        self.directory = [(self.dbfile.tell(), 0)] * len(self.buckets)


class SortedTermsReader(OrderedHashReader):
    def ranges_for_key(self, key):
        if not self.extras.get(SORTED_ONLY):
            yield from super().ranges_for_key(key)
            return
        position = self.closest_key_pos(key)
        if position is not None:
            found, datapos, datalen = self.key_and_range_at(position)
            if found == key:
                yield datapos, datalen
