"""A segment written from whole posting lists kept in memory: the index build's writer.

Whoosh's SegmentWriter puts every posting into a pool that sorts runs of them, pickles
them to temporary files and merges them back, then hands them one by one to the field
writer, which asks for the document's length and checks types posting by posting. Most
of a rebuild went there. Documents are added in order, so a term's postings already come
sorted by document: here each field keeps its postings as columns (term number, document,
weight, value) in the order they came, each document's added in a few calls that loop in
C rather than in Python; when the segment is written they are sorted by term at once
(numpy; stable, so each term's stay in document order), and each term's list goes to the
codec whole, as slices of the sorted columns (CompactFieldWriter.add_list), which writes
the same blocks as before.

The columns live in memory until the segment is written (about 22 bytes a posting, and
while one field is sorted about 60 more for each of its postings): search.rebuild starts
a new segment when a writer holds its share of POSTINGS_PER_REBUILD.
"""
from __future__ import annotations

from array import array
from collections import defaultdict, deque
from itertools import count, repeat
from operator import mul

import numpy as np
from whoosh.writing import SegmentWriter

POSTINGS_PER_REBUILD = 80_000_000   # about 2–5 GB across a rebuild's writers, at their peak


class FieldPostings:
    """One field's postings in the order they were added: for each, its term's number (in
    the order terms came), document, weight and value's length; and each term's values
    joined, in the order of their documents."""

    def __init__(self):
        self.terms: dict[bytes, int] = defaultdict(count().__next__)  # a new term: the next number
        self.numbers, self.docnums = array("I"), array("I")
        self.weights = array("d")
        self.value_lengths = array("I")
        self.values: list[bytearray] = []   # by term number

    def add(self, docnum: int, texts: tuple, weights: tuple, values: tuple, boost: float) -> None:
        numbers = list(map(self.terms.__getitem__, texts))
        self.numbers.extend(numbers)
        self.docnums.extend(repeat(docnum, len(texts)))
        self.weights.extend(map(mul, weights, repeat(boost)))
        self.value_lengths.extend(map(len, values))
        self.values.extend(bytearray() for _ in range(len(self.terms) - len(self.values)))
        if any(values):   # Whoosh's NUMERIC gives "" for none, which extends by nothing
            deque(map(bytearray.extend, map(self.values.__getitem__, numbers), values), maxlen=0)

    def sorted_lists(self):
        """(term, (ids, weights, (value lengths, values joined))) in the order of the terms,
        each list in the order of its documents: slices of the columns sorted at once."""
        texts = list(self.terms)   # in the order of their numbers
        by_text = sorted(range(len(texts)), key=texts.__getitem__)
        rank = np.empty(len(texts), np.uint32)
        rank[by_text] = np.arange(len(texts), dtype=np.uint32)
        numbers = np.frombuffer(self.numbers, np.uint32)
        order = np.argsort(rank[numbers], kind="stable")
        ids = _as_array("I", np.frombuffer(self.docnums, np.uint32)[order])
        weights = _as_array("d", np.frombuffer(self.weights, np.float64)[order])
        value_lengths = _as_array("I", np.frombuffer(self.value_lengths, np.uint32)[order])
        postings = np.bincount(numbers, minlength=len(texts)).tolist()   # by term number
        end = 0
        for number in by_text:
            start, end = end, end + postings[number]
            yield texts[number], (ids[start:end], weights[start:end],
                                  (value_lengths[start:end], bytes(self.values[number])))


def _as_array(code: str, numbers: np.ndarray) -> array:
    """numbers (contiguous) as an array, whose slices and items cost less than numpy's."""
    packed = array(code)
    packed.frombytes(memoryview(numbers).cast("B"))
    return packed


class TermListPool:
    """Each field's postings (FieldPostings)."""

    def __init__(self):
        self.fields: dict[str, FieldPostings] = {}
        self.postings = 0

    def add_field(self, fieldname: str, docnum: int, items, boost: float) -> int:
        """One document's postings of one field (Whoosh's Field.index items); returns the
        sum of their frequencies, the field's length in that document."""
        columns = tuple(zip(*items))   # texts, frequencies, weights, values
        if not columns:
            return 0
        texts, frequencies, weights, values = columns
        if fieldname not in self.fields:
            self.fields[fieldname] = FieldPostings()
        self.fields[fieldname].add(docnum, texts, weights, values, boost)
        self.postings += len(texts)
        return sum(frequencies)

    def sorted_lists(self):
        """(field name, term, lists) in the order a segment's terms are written."""
        for fieldname in sorted(self.fields):
            for text, lists in self.fields[fieldname].sorted_lists():
                yield fieldname, text, lists

    def cleanup(self) -> None:
        self.fields.clear()


class TermListWriter(SegmentWriter):
    """A SegmentWriter for a new index's segments (search.rebuild): each field's postings
    kept as columns, each term's written whole. Not for merging segments, term vectors or
    spelling."""

    def __init__(self, index, **kwargs):
        super().__init__(index, **kwargs)
        self.pool = TermListPool()

    def add_document(self, **fields):
        """What SegmentWriter.add_document does, with each field's postings handed to the
        pool in one call rather than one call a posting."""
        self._check_state()
        schema, perdoc, docnum = self.schema, self.perdocwriter, self.docnum
        names = sorted(name for name in fields if not name.startswith("_"))
        self._check_fields(schema, names)
        docboost = self._doc_boost(fields)
        perdoc.start_doc(docnum)
        for name in names:
            value = fields[name]
            if value is None:
                continue
            field = schema[name]
            if field.vector or field.separate_spelling():
                raise ValueError(f"{name}: term vectors and spelling words are not kept in term lists")
            length = 0
            if field.indexed:
                boost = self._field_boost(fields, name, docboost)
                frequencies = self.pool.add_field(name, docnum, field.index(value), boost)
                length = frequencies if field.scorable else 0
            stored = fields.get(f"_stored_{name}", value)
            perdoc.add_field(name, field, stored if field.stored else None, length)
            if field.column_type and stored is not None:
                perdoc.add_column_value(name, field.column_type, field.to_column_value(stored))
        perdoc.finish_doc()
        self._added = True
        self.docnum += 1

    def finish(self):
        """Write and close the segment (no table of contents: the caller commits it)."""
        return self._finalize_segment()

    def abandon(self):
        """Close the segment's files unwritten: cancel(), less its removal of the index's
        temporary folder, which the writers of other worker processes share (a writer
        that failed would take their files away; the rebuild removes the folder)."""
        self._close_segment()
        self.is_closed = True

    def _flush_segment(self):
        self.perdocwriter.close()
        perdoc = self.per_document_reader()   # the codec keeps lengths (search.codec)
        fieldwriter = self.fieldwriter
        field = None
        for fieldname, text, (ids, weights, values) in self.pool.sorted_lists():
            if fieldname != field:
                if field is not None:
                    fieldwriter.finish_field()
                field = fieldname
                fieldwriter.start_field(fieldname, self.schema[fieldname])
                field_lengths = perdoc._field_lengths(fieldname)
            fieldwriter.start_term(text)
            lengths = list(map(field_lengths.__getitem__, ids)) if field_lengths else []
            fieldwriter.add_list(ids, weights, values, lengths)
            fieldwriter.finish_term()
        if field is not None:
            fieldwriter.finish_field()
        fieldwriter.close()
        perdoc.close()
