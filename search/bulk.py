"""Queries evaluated over whole posting lists at once, with numpy arrays.

Whoosh evaluates a query one document at a time, in Python: for a common word it steps
a tree of matchers through ten thousand documents and scores each (about 100 ms at
1,000 reports), and a phrase of two common words decodes and compares positions for
every document holding both (170 ms for 人民群众). Here each segment is evaluated as
arrays over its documents: a term's whole posting list is read at once into arrays
(search.postings; those of the terms searched most are kept, search.posting_cache),
And/Or/Not are boolean operations, BM25 is computed for a whole
posting list at once, and the positions of a phrase are decoded for all its
candidate documents together and lined up with array intersections.

The result is Whoosh's: the same documents, and Whoosh's BM25F scores (the same
formula and statistics; sums may differ from Whoosh's in the last bits, as they are
added in another order). Only the queries search.querying and search.services build
are evaluated (Term, Or, And, Not, AdjacentWords, WordsContaining, NumericRange on a
column); anything else raises Unsupported, a programming error rather than a user's:
the search box's grammar (search.querying) cannot express it.
"""
from __future__ import annotations

import weakref
from dataclasses import dataclass

import numpy as np
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.query import And, NullQuery, NumericRange, Not, Or, Term
from whoosh.reading import EmptyReader, TermNotFound
from whoosh.scoring import BM25F
from whoosh.util.numeric import byte_to_length

from search import posting_cache, postings
from search.adjacency import AdjacentWords
from search.codec import ArchiveCodec, CompactPositions, length_bytes
from search.containing import WordsContaining

_LENGTH_OF_BYTE = np.array([byte_to_length(b) for b in range(256)], dtype=np.float64)


class Unsupported(Exception):
    """A query (or weighting, or posting reader) this module does not evaluate."""


@dataclass
class Matches:
    """Matching documents (top-level document numbers, ascending unless reordered) and
    their scores."""

    docnums: np.ndarray
    scores: np.ndarray

    def ranked(self) -> Matches:
        """The matches by score, highest first; ties by document number (as Whoosh)."""
        return self._in_order(np.lexsort((self.docnums, -self.scores)))

    def sorted_by(self, keys: np.ndarray, descending: bool) -> Matches:
        """The matches by keys[docnum] (the year), and by score within a key: what Whoosh
        sorts by a field facet and then a score facet."""
        key = keys[self.docnums]
        return self._in_order(np.lexsort((self.docnums, -self.scores, -key if descending else key)))

    def _in_order(self, order: np.ndarray) -> Matches:
        return Matches(self.docnums[order], self.scores[order])


def search(searcher, query) -> Matches:
    """Every document matching ``query`` and its score. Raises Unsupported."""
    if not isinstance(searcher.weighting, BM25F):
        raise Unsupported(f"weighting {searcher.weighting!r}")
    docnums, scores = [], []
    for leaf, offset in searcher.leaf_searchers():
        segment = _Segment(searcher, leaf)
        matched, score = segment.evaluate(query)
        matched &= segment.live
        found = np.flatnonzero(matched)
        docnums.append(found + offset)
        scores.append(score[found])
    if not docnums:
        return Matches(np.zeros(0, np.int64), np.zeros(0))
    return Matches(np.concatenate(docnums).astype(np.int64), np.concatenate(scores))


class _Segment:
    """One segment's documents as arrays: a mask and a score for each query node."""

    def __init__(self, parent, leaf):
        self.parent = parent
        self.reader = leaf.reader()
        self.size = self.reader.doc_count_all()
        self.live = np.ones(self.size, dtype=bool)
        if self.reader.has_deletions():
            self.live[list(self.reader._perdoc.deleted_docs())] = False

    def nothing(self):
        return np.zeros(self.size, dtype=bool), np.zeros(self.size)

    def evaluate(self, query):
        if isinstance(query, Term):
            return self.term(query)
        if isinstance(query, AdjacentWords):
            return self.adjacent(query)
        if isinstance(query, (And, Or)) and query.boost == 1:
            parts = [self.evaluate(sub) for sub in query.subqueries]
            if not parts:
                return self.nothing()
            combine = np.logical_and if isinstance(query, And) else np.logical_or
            matched = parts[0][0].copy()
            for mask, _ in parts[1:]:
                combine(matched, mask, out=matched)
            score = np.sum([score for _, score in parts], axis=0)
            return matched, np.where(matched, score, 0.0)
        if isinstance(query, WordsContaining) and query.boost == 1:
            words = query.words_in(self.reader)
            return self.evaluate(Or([Term(query.fieldname, word) for word in words]))
        if isinstance(query, Not):  # Whoosh's InverseMatcher scores 1.0 where it matches
            matched, _ = self.evaluate(query.query)
            return ~matched, np.where(matched, 0.0, 1.0)
        if isinstance(query, NumericRange) and query.constantscore and query.boost == 1:
            return self.numeric_range(query)
        if query is NullQuery:
            return self.nothing()
        raise Unsupported(repr(query))

    # -- leaves -------------------------------------------------------------------

    def term(self, query: Term):
        """A term's documents and scores (times its boost, as Whoosh's wrapping matcher)."""
        ids, weights = self.postings(query.fieldname, query.text)[:2]
        matched, score = self.nothing()
        if ids.size:
            matched[ids] = True
            score[ids] = self.term_scores(query.fieldname, query.text, ids, weights) * query.boost
        return matched, score

    def term_scores(self, fieldname, text, ids, weights):
        """Whoosh's score of each posting: BM25F on a scorable field, else its weight."""
        field = self.parent.schema[fieldname]
        if not field.scorable:
            return weights
        # BM25FScorer's statistics, from the top-level searcher (which keeps each idf), without
        # the scorer itself: its setup reads the term's info again for block-quality skipping
        weighting = self.parent.weighting
        k1, b = weighting.K1, weighting._field_B.get(fieldname, weighting.B)
        idf = self.parent.idf(fieldname, text)
        avgfl = self.parent.avg_field_length(fieldname) or 1
        lengths = _lengths(self.reader, fieldname)[ids]
        return idf * ((weights * (k1 + 1)) / (weights + k1 * ((1 - b) + b * lengths / avgfl)))

    def adjacent(self, query: AdjacentWords):
        """Documents where a term of each place stands at consecutive positions."""
        if not isinstance(self.parent.schema[query.fieldname].format, CompactPositions):
            raise Unsupported(f"positions of {query.fieldname} are not packed")
        places = [[self.postings(query.fieldname, term, values=True) for term in terms]
                  for terms in query.places]
        candidates = None
        for place in places:
            present = np.zeros(self.size, dtype=bool)
            for ids, _, _ in place:
                present[ids] = True
            candidates = present if candidates is None else candidates & present
        matched, score = self.nothing()
        if not candidates.any():
            return matched, score
        # (document << 32 | position) of place 0's terms, kept while place i has a term
        # at position + i; each term's numbers are in ascending order
        starts = [_position_keys(ids, values, candidates) for ids, _, values in places[0]]
        for offset, place in enumerate(places[1:], start=1):
            following = [_position_keys(ids, values, candidates) - offset for ids, _, values in place]
            starts = [keys[np.logical_or.reduce([_contains(other, keys) for other in following])]
                      for keys in starts]
        matched[np.concatenate(starts) >> 32] = True
        for place, terms in zip(places, query.places):
            for (ids, weights, _), term in zip(place, terms):
                hit = matched[ids]
                if hit.any():
                    score[ids[hit]] += self.term_scores(query.fieldname, term, ids[hit], weights[hit])
        return matched, score

    def numeric_range(self, query: NumericRange):
        if not self.reader.has_column(query.fieldname):  # no document here has a value
            return self.nothing()
        values = _column(self.reader, query.fieldname)
        matched = np.ones(self.size, dtype=bool)
        if query.start is not None:
            matched &= (values > query.start) if query.startexcl else (values >= query.start)
        if query.end is not None:
            matched &= (values < query.end) if query.endexcl else (values <= query.end)
        return matched, np.where(matched, 1.0, 0.0)

    # -- reading postings ------------------------------------------------------------

    def postings(self, fieldname, text, values=False):
        """(document numbers, weights, values) of one term in this segment; values, when
        asked for, as (the length of each, their concatenation as bytes)."""
        if isinstance(self.reader.codec(), ArchiveCodec):
            segment = self.reader._segment
            found = posting_cache.cache.get((segment.indexname, segment.segment_id(), fieldname, text),
                                            values, lambda: self._read(fieldname, text, values))
        else:
            found = self._read(fieldname, text, values)
        return found.ids, found.weights, (found.value_lengths, found.value_bytes) if values else None

    def _read(self, fieldname, text, values) -> postings.Postings:
        field = self.parent.schema[fieldname]
        if isinstance(self.reader, EmptyReader):  # an index with no segment yet
            return _arrays([], [], [] if values else None)
        try:
            info = self.reader._terms.term_info(fieldname, field.to_bytes(text))
        except TermNotFound:
            return _arrays([], [], [] if values else None)
        if info.is_inlined():  # a term's few postings, kept in its term info (search.codec)
            ids, weights, found = info.inlined_postings()
            return _arrays(ids, weights, found if values else None)
        if isinstance(self.reader.codec(), ArchiveCodec):
            return postings.read(self.reader._terms._postfile, info, values=values)
        return self._block_postings(fieldname, field, text, values)

    def _block_postings(self, fieldname, field, text, values) -> postings.Postings:
        """As _read, through Whoosh's block reader: segments of Whoosh's own codec."""
        ids, weights, found = [], [], []
        matcher = self.reader._terms.matcher(fieldname, field.to_bytes(text), field.format)
        if not isinstance(matcher, W3LeafMatcher):
            raise Unsupported(f"postings read by {type(matcher).__name__}")
        while matcher.is_active():
            matcher._read_ids()
            matcher._read_weights()
            ids.extend(matcher._ids)
            weights.extend(matcher._weights)
            if values:
                matcher._read_values()
                found.extend(matcher._values)
            matcher._next_block()
        return _arrays(ids, weights, found if values else None)


def _arrays(ids, weights, values) -> postings.Postings:
    """Postings as search.postings reads them, from lists (values: bytes each, or None)."""
    found = postings.Postings(np.asarray(ids, dtype=np.int64), np.asarray(weights, dtype=np.float64))
    if values is not None:
        found.value_lengths = np.asarray([len(v) for v in values], dtype=np.int64)
        found.value_bytes = np.frombuffer(b"".join(values), dtype=np.uint8)
    return found


_cache: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # per segment reader


def _cached(reader, key, make):
    entries = _cache.setdefault(reader, {})
    if key not in entries:
        entries[key] = make()
    return entries[key]


def _lengths(reader, fieldname) -> np.ndarray:
    """The field length Whoosh scores each document with (stored as one byte)."""
    def make():
        raw = length_bytes(reader._perdoc, fieldname)
        if raw is None:
            return np.zeros(reader.doc_count_all())
        return _LENGTH_OF_BYTE[np.frombuffer(raw, dtype=np.uint8)]
    return _cached(reader, ("length", fieldname), make)


def _column(reader, fieldname) -> np.ndarray:
    def make():
        field = reader.schema[fieldname]
        raw = reader.column_reader(fieldname)
        return np.array([field.from_column_value(v) if isinstance(v, bytes) else v for v in raw],
                        dtype=np.float64)
    return _cached(reader, ("column", fieldname), make)


def _position_keys(ids, values, candidates) -> np.ndarray:
    """document << 32 | position for every position of the postings of candidate documents,
    in ascending order (postings come by document, positions rising)."""
    lengths, data = values
    keep = candidates[ids]
    data = data[np.repeat(keep, lengths)]
    lengths = lengths[keep]
    if not data.size:
        return np.zeros(0, np.int64)
    # how many numbers each value holds (a number ends at a byte below 128); positions
    # are running sums of the gaps, restarting at each value
    counts = np.add.reduceat((data < 0x80).astype(np.int64),
                             np.concatenate(([0], np.cumsum(lengths)[:-1])))
    total = np.cumsum(postings.varints(data))
    restart = np.repeat(np.concatenate(([0], total[np.cumsum(counts)[:-1] - 1])), counts)
    return (np.repeat(ids[keep], counts) << 32) | (total - restart)


def _contains(sorted_keys: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """For each of keys, whether it is in sorted_keys."""
    if not sorted_keys.size:
        return np.zeros(keys.size, dtype=bool)
    at = np.minimum(np.searchsorted(sorted_keys, keys), sorted_keys.size - 1)
    return sorted_keys[at] == keys
