"""Facet counts for a set of matching documents, read from arrays kept per segment.

Whoosh's own grouping asks a categorizer for every matching document and every facet
(about 60,000 calls for a common word over 1,000 reports); here each facet field's
column is read once per segment reader as each document's value code, and a count is one
np.bincount over the matching documents' codes. A searcher reopened after a commit keeps
the readers of the segments that did not change, so an upload reads only its own
segment's values (and a merge only the merged segment's), not every document's again.
"""
from __future__ import annotations

import weakref
from collections import Counter

import numpy as np

FACETS = ("year", "region", "kind")

_by_reader: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_by_searcher: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


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
    """{facet: (its distinct values, each document's index in them)}: the segments' columns
    one after another, their codes renumbered into one list of values."""
    columns = _by_searcher.get(searcher)
    if columns is None:
        segments = [_segment_columns(reader, searcher.schema)
                    for reader, _ in searcher.reader().leaf_readers()]
        columns = {}
        for name in FACETS:
            code_of, parts = {}, []
            for segment in segments:
                values, codes = segment[name]
                renumbered = np.array([code_of.setdefault(value, len(code_of)) for value in values],
                                      dtype=np.int64)
                parts.append(renumbered[codes])
            columns[name] = (list(code_of), np.concatenate(parts) if parts
                             else np.zeros(0, dtype=np.int64))
        _by_searcher[searcher] = columns
    return columns


def _segment_columns(reader, schema) -> dict[str, tuple[list, np.ndarray]]:
    """{facet: (its distinct values, each document's index in them)} of one segment."""
    columns = _by_reader.get(reader)
    if columns is None:
        columns = {}
        for name in FACETS:
            raw = (list(reader.column_reader(name)) if reader.has_column(name)  # one per document
                   else [None] * reader.doc_count_all())  # a segment with no values
            field = schema[name]
            decoded = {value: field.from_column_value(value) if isinstance(value, bytes) else value
                       for value in set(raw)}
            code_of = {}
            for value in decoded.values():
                code_of.setdefault(value, len(code_of))
            codes = np.fromiter((code_of[decoded[value]] for value in raw), dtype=np.int64,
                                count=len(raw))
            columns[name] = (list(code_of), codes)
        _by_reader[reader] = columns
    return columns
