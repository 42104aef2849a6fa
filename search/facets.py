"""Facet counts for a set of matching documents, read from arrays kept per searcher.

Whoosh's own grouping asks a categorizer for every matching document and every facet
(about 60,000 calls for a common word over 1,000 reports); here each facet field's
column is read into a list once per searcher (that is, until the index changes), and a
count is one Counter over the document numbers.
"""
from __future__ import annotations

import weakref
from collections import Counter

import numpy as np

FACETS = ("year", "region", "kind")

_columns_by_searcher: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def facet_counts(searcher, docnums) -> dict[str, Counter]:
    """{facet: Counter(value → number of documents)} over ``docnums``."""
    columns = _columns(searcher)
    docnums = list(docnums)
    return {name: Counter(map(columns[name].__getitem__, docnums)) for name in FACETS}


def facet_column(searcher, name: str) -> np.ndarray:
    """Each document's value of one facet, by document number (the year, for sorting)."""
    return np.asarray(_columns(searcher)[name])


def _columns(searcher) -> dict[str, list]:
    columns = _columns_by_searcher.get(searcher)
    if columns is None:
        reader = searcher.reader()
        columns = {}
        for name in FACETS:
            field = searcher.schema[name]
            raw = (list(reader.column_reader(name)) if reader.has_column(name)  # one per document
                   else [None] * reader.doc_count_all())  # an index with no documents yet
            values = {value: field.from_column_value(value) if isinstance(value, bytes) else value
                      for value in set(raw)}
            columns[name] = [values[value] for value in raw]
        _columns_by_searcher[searcher] = columns
    return columns
