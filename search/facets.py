"""Facet counts for a set of matching documents, read from arrays kept per searcher.

Whoosh's own grouping asks a categorizer for every matching document and every facet
(about 60,000 calls for a common word over 1,000 reports); here each facet field's
column is read once per searcher (that is, until the index changes) as each document's
value code, and a count is one np.bincount over the matching documents' codes.
"""
from __future__ import annotations

import weakref
from collections import Counter

import numpy as np

FACETS = ("year", "region", "kind")

_columns_by_searcher: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def facet_counts(searcher, docnums) -> dict[str, Counter]:
    """{facet: Counter(value → number of documents)} over ``docnums`` (an array, or any iterable)."""
    if not isinstance(docnums, np.ndarray):
        docnums = np.fromiter(docnums, dtype=np.int64)
    found = {}
    for name, (values, codes) in _columns(searcher).items():
        counts = np.bincount(codes[docnums], minlength=len(values))
        found[name] = Counter({values[code]: int(counts[code]) for code in np.flatnonzero(counts)})
    return found


def facet_column(searcher, name: str) -> np.ndarray:
    """Each document's value of one facet, by document number (the year, for sorting)."""
    values, codes = _columns(searcher)[name]
    return np.asarray(values)[codes]


def _columns(searcher) -> dict[str, tuple[list, np.ndarray]]:
    """{facet: (its distinct values, each document's index in them)}."""
    columns = _columns_by_searcher.get(searcher)
    if columns is None:
        reader = searcher.reader()
        columns = {}
        for name in FACETS:
            field = searcher.schema[name]
            raw = (list(reader.column_reader(name)) if reader.has_column(name)  # one per document
                   else [None] * reader.doc_count_all())  # an index with no documents yet
            decoded = {value: field.from_column_value(value) if isinstance(value, bytes) else value
                       for value in set(raw)}
            code_of = {}
            for value in decoded.values():
                code_of.setdefault(value, len(code_of))
            codes = np.fromiter((code_of[decoded[value]] for value in raw), dtype=np.int64,
                                count=len(raw))
            columns[name] = (list(code_of), codes)
        _columns_by_searcher[searcher] = columns
    return columns
