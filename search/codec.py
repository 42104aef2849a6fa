"""A compact posting encoding for Whoosh: the same postings in far fewer bytes.

Whoosh 2.7's W3 codec pickles each block of up to 128 postings as Python tuples: every
document number, every weight (a float, 9 bytes pickled) and every value (a bytes object
with its own pickle header); a word's positions are themselves a pickled list behind a
4-byte count. On the archive's text that is about 16 bytes a posting, most of the index.
Here a block holds three packed strings instead (search.packing): document numbers as
variable-length gaps; whole-number weights in the smallest array type that fits them, or
nothing where a weight is the number of the posting's positions (a word's frequency in
a document, which its positions already tell); values as their lengths followed by their
concatenation; positions are variable-length gaps, their count read off the bytes
themselves. Blocks written before document numbers were variable-length gaps (an
array of gaps behind its type byte) are read as they were.

Each field's document lengths, which writing a segment and scoring ask for posting by
posting, are read into memory once per segment (CompactPerDocReader) rather than with a
seek and a read each. Otherwise only the inside of a block changes: block headers,
skipping, term info, inlined postings, columns and stored fields stay Whoosh's, except
that a term of fewer than INLINE_POSTINGS postings keeps them in its term info, as Whoosh's
format provides for (Whoosh 2.7 itself never does: see finish_postings). A segment remembers the codec that
wrote it (the index's table of contents pickles it), so an index written before keeps
being read as it was; a merge writes its postings in the writer's codec.
"""
from __future__ import annotations

from array import array
from itertools import accumulate

from whoosh.codec.whoosh3 import (
    LENGTHS_COLUMN, W3Codec, W3FieldWriter, W3LeafMatcher, W3PerDocReader, W3PostingsWriter,
    _lenfield,
)
from whoosh.formats import Positions
from whoosh.util.numeric import byte_to_length

from search.packing import count_gaps, pack_gaps, pack_numbers, unpack_gaps, unpack_numbers

BLOCK_POSTINGS = 1024
INLINE_POSTINGS = 4  # a term of up to three postings keeps them in its term info
GAPS = b"g"  # a block's document numbers as variable-length gaps follow (search.packing.pack_gaps)
COUNTS = b"n"  # a block's weights are its postings' numbers of positions, read off their values
FLOATS = b"f"  # a block's weights that are not all whole numbers: 4-byte floats follow


class CompactPositions(Positions):
    """Word positions as variable-length gaps: [3, 7, 300] → 03 04 ac 02."""

    def encode(self, poslist):
        return pack_gaps(poslist)

    def decode_positions(self, valuestring):
        return unpack_gaps(valuestring)

    def decode_frequency(self, valuestring):
        return count_gaps(valuestring)

    def combine(self, vs):
        return self.encode(sorted({p for v in vs for p in self.decode_positions(v)}))


class CompactPostingsWriter(W3PostingsWriter):
    """W3's posting writer with packed ids, weights and values in each block."""

    def _mini_ids(self):
        if self._byteids:  # term vectors (the archive has none): W3's own way
            return super()._mini_ids()
        return GAPS + pack_gaps(self._ids)

    def _mini_weights(self):
        weights = super()._mini_weights()  # None (all 1.0), one float (all equal) or a tuple
        if not isinstance(weights, tuple):
            return weights
        if (isinstance(self._format, CompactPositions) and len(self._values) == len(weights)
                and all(w == count_gaps(v) for w, v in zip(weights, self._values))):
            return COUNTS  # a word's frequency in each document: already in its positions
        if all(w.is_integer() and 0 <= w < 2 ** 32 for w in weights):
            return pack_numbers([int(w) for w in weights])
        return FLOATS + array("f", weights).tobytes()

    def _mini_values(self):
        size = self._format.fixed_value_size()
        if size and size > 0:  # Whoosh posts a spelling word with the last value of its text field
            # (writing.py, add_document), which need not have the size read back
            return b"".join(value[:size].ljust(size, b"\0") for value in self._values)
        values = super()._mini_values()  # None or joined bytes (fixed size), else a tuple
        if not isinstance(values, tuple):
            return values
        return pack_numbers([len(v) for v in values]) + b"".join(values)

    def add_postings_list(self, ids: array, weights: array, values: list, lengths: list) -> None:
        """A term's whole posting list at once: the blocks add_posting writes one posting at a
        time (search.term_lists), each filled by slicing. ``weights`` are doubles (the
        block's maximum is compared before they are stored as floats, as add_posting does);
        ``lengths`` the documents' field lengths, None or 0 where there is none."""
        limit = self._blocklimit
        for start in range(0, len(ids), limit):
            if len(self._ids):
                self._write_block()   # full, and more postings follow
            end = start + limit
            self._ids = ids[start:end]
            block_weights = weights[start:end]
            self._weights = array("f", block_weights)
            self._maxweight = max(0, max(block_weights))
            self._values = [value for value in values[start:end] if value]
            known = [length for length in lengths[start:end] if length]
            self._minlength = min(known) if known else None
            self._maxlength = max(known, default=0)

    def finish_postings(self):
        """W3's, except that a term of fewer than ``inlinelimit`` postings is kept in its
        term info, without a block of its own: Whoosh 2.7 means to but calls a method its
        term info lacks (set_inline for set_inlined), so it never inlines."""
        if self.written() or len(self) >= self._inlinelimit or self._byteids:
            return super().finish_postings()   # term vectors keep their blocks: W3 reads them so
        terminfo, self._terminfo = self._terminfo, None
        terminfo.add_block(self)
        # b"" for each posting where the format keeps no values: Whoosh's reader of inlined
        # postings gives "" (text) when there are none, which a merge refuses.
        terminfo.set_inlined(self._ids, self._weights, self._values or [b""] * len(self))
        return terminfo


class CompactFieldWriter(W3FieldWriter):
    """W3's field writer that also takes a term's posting list whole (add_list)."""

    def add_list(self, ids: array, weights: array, values: list, lengths: list) -> None:
        self._postwriter.add_postings_list(ids, weights, values, lengths)


class CompactLeafMatcher(W3LeafMatcher):
    """W3's block reader for the blocks CompactPostingsWriter writes."""

    def _read_ids(self):
        if self._byteids:
            return super()._read_ids()
        if self._data is None:
            self._read_data()
        packed = self._data[0]
        if packed[:1] == GAPS:
            self._ids = unpack_gaps(packed[1:])
        else:  # blocks written before GAPS: the gaps as search.packing.pack_numbers packs them
            self._ids = list(accumulate(unpack_numbers(packed, self._blocklength)[0]))

    def _read_weights(self):
        if self._data is None:
            self._read_data()
        weights = self._data[1]
        if weights is None or isinstance(weights, float):  # all 1.0, or all the same
            self._weights = array("f", [1.0 if weights is None else weights]) * self._blocklength
        elif weights == COUNTS:
            if self._values is None:
                self._read_values()
            self._weights = array("f", map(count_gaps, self._values))
        elif weights[:1] == FLOATS:
            self._weights = array("f", weights[1:])
        else:
            self._weights = array("f", unpack_numbers(weights, self._blocklength)[0])

    def _read_values(self):
        if self._data is None:
            self._read_data()
        packed = self._data[2]
        if self._fixedsize is not None and self._fixedsize >= 0:
            return super()._read_values()
        lengths, start = unpack_numbers(packed, self._blocklength)
        values = []
        for length in lengths:
            values.append(packed[start:start + length])
            start += length
        self._values = values


class CompactPerDocReader(W3PerDocReader):
    """W3's per-document reader with each field's document lengths read into memory at once.

    Writing a segment asks for the length of every posting's document (a seek and a
    read each in W3: 15% of the index build), and scoring asks for every hit's.
    """

    def doc_field_length(self, docnum, fieldname, default=0):
        if docnum > self._doccount:
            raise IndexError(f"Asked for docnum {docnum!r} of {self._doccount}")
        lengths = self._field_lengths(fieldname)
        return default if lengths is None else lengths[docnum]

    def _field_lengths(self, fieldname):
        cache = self.__dict__.setdefault("_lengths_in_memory", {})
        if fieldname not in cache:
            raw = length_bytes(self, fieldname)  # W3 gives None where the byte is 0
            cache[fieldname] = None if raw is None else [_LENGTH_OF_BYTE[b] for b in raw]
        return cache[fieldname]


_LENGTH_OF_BYTE = [None] + [byte_to_length(b) for b in range(1, 256)]


def length_bytes(perdoc, fieldname) -> bytes | None:
    """The one-byte length code of each document of a W3 per-document reader, padded with
    zeros (no length) to doc_count + 1, or None where the field keeps no lengths."""
    column = perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
    if column is None:
        return None
    raw = column._dbfile.get(column._basepos, column._count)
    return raw + bytes(perdoc._doccount + 1 - len(raw))


class ArchiveCodec(W3Codec):
    """W3Codec with compact posting blocks and lengths in memory (see the module docstring).

    Blocks hold up to 1,024 postings rather than W3's 128: search.postings reads a whole
    list at once, where each block costs an unpickled header, a zlib stream and a few
    arrays; one stream over more postings also compresses better. Whoosh's own matchers
    (more-like-this, the highlighter's) read blocks of any length.
    """

    def __init__(self, blocklimit=BLOCK_POSTINGS, compression=3, inlinelimit=INLINE_POSTINGS):
        super().__init__(blocklimit=blocklimit, compression=compression, inlinelimit=inlinelimit)

    def field_writer(self, storage, segment):
        return CompactFieldWriter(self, storage, segment)

    def per_document_reader(self, storage, segment):
        return CompactPerDocReader(storage, segment)

    def postings_writer(self, dbfile, byteids=False):
        return CompactPostingsWriter(dbfile, blocklimit=self._blocklimit, byteids=byteids,
                                     compression=self._compression,
                                     inlinelimit=self._inlinelimit)

    def postings_reader(self, dbfile, terminfo, format_, term=None, scorer=None):
        if terminfo.is_inlined():  # a term's lone posting, kept in its term info: W3's way
            return super().postings_reader(dbfile, terminfo, format_, term, scorer)
        offset, length = terminfo.extent()
        return CompactLeafMatcher(dbfile, offset, length, format_, term=term, scorer=scorer)
