"""A segment written from whole posting lists kept in memory: the index build's writer.

Whoosh's SegmentWriter puts every posting into a pool that sorts runs of them, pickles
them to temporary files and merges them back, then hands them one by one to the field
writer, which asks for the document's length and checks types posting by posting. Most
of a rebuild went there. Documents are added in order, so a term's postings already come
sorted by document: here each term keeps its lists (document numbers, weights, values),
only the terms are sorted at the end, and each list goes to the codec whole
(CompactFieldWriter.add_list), which writes the same blocks as before.

The lists live in memory until the segment is written (about 40–60 bytes a posting):
search.rebuild starts a new segment when a writer holds its share of POSTINGS_PER_REBUILD.
"""
from __future__ import annotations

from array import array

from whoosh.writing import SegmentWriter

POSTINGS_PER_REBUILD = 80_000_000   # about 3–5 GB of lists across a rebuild's writers


class TermListPool:
    """Each field's terms, each with its lists: document numbers, weights, values."""

    def __init__(self):
        self.fields: dict[str, dict[bytes, tuple[array, array, list]]] = {}
        self.postings = 0

    def add_field(self, fieldname: str, docnum: int, items, boost: float) -> int:
        """One document's postings of one field (Whoosh's Field.index items); returns the
        sum of their frequencies, the field's length in that document."""
        terms = self.fields.setdefault(fieldname, {})
        frequencies = count = 0
        for text, frequency, weight, value in items:
            lists = terms.get(text)
            if lists is None:
                lists = terms[text] = (array("I"), array("d"), [])
            lists[0].append(docnum)
            lists[1].append(weight * boost)
            lists[2].append(value)
            frequencies += frequency
            count += 1
        self.postings += count
        return frequencies

    def sorted_lists(self):
        """(field name, term, lists) in the order a segment's terms are written."""
        for fieldname in sorted(self.fields):
            terms = self.fields[fieldname]
            for text in sorted(terms):
                yield fieldname, text, terms[text]

    def cleanup(self) -> None:
        self.fields.clear()


class TermListWriter(SegmentWriter):
    """A SegmentWriter for a new index's segments (search.rebuild): each term's postings
    kept as lists and written whole. Not for merging segments, term vectors or spelling."""

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
            lengths = [field_lengths[docnum] for docnum in ids] if field_lengths else []
            fieldwriter.add_list(ids, weights, values, lengths)
            fieldwriter.finish_term()
        if field is not None:
            fieldwriter.finish_field()
        fieldwriter.close()
        perdoc.close()
