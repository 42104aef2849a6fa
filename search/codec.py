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
themselves. The three are joined behind their lengths and compressed, and the block's
header is a struct (block_header), where W3 pickles both: a pickle keeps bytes as Latin-1
text, two bytes for every byte above 127. A term's info (CompactTermInfo) is
variable-length numbers too.

Each field's document lengths, which writing a segment and scoring ask for posting by
posting, are read into memory once per segment (CompactPerDocReader) rather than with a
seek and a read each. Otherwise W3's layout stays: a term's blocks one after another with
their lengths, skipping by block headers, the terms file (less its hash tables:
search.term_table), columns and stored fields (read through the map: search.mapped), except
that a term of fewer than INLINE_POSTINGS postings keeps them in its term info, as Whoosh's
format provides for (Whoosh 2.7 itself never does: see finish_postings).
A segment remembers the codec that wrote it (the index's table of contents pickles it), and
blocks and term infos written before they were packed (pickled; document numbers an array
of gaps behind its type byte) are read as they were; a merge writes in the writer's codec.
"""
from __future__ import annotations

import io
import pickle
import struct
import zlib
from array import array
from itertools import accumulate

import numpy as np

from whoosh.codec.whoosh3 import (
    LENGTHS_COLUMN, WHOOSH3_HEADER_MAGIC, W3Codec, W3FieldCursor, W3FieldWriter, W3LeafMatcher,
    W3PerDocReader, W3PostingsWriter, W3TermInfo, W3TermsReader, _lenfield,
)
from whoosh.formats import Positions
from whoosh.reading import TermNotFound
from whoosh.util.numeric import byte_to_length, length_to_byte

from search.mapped import ArchiveSegment
from search.packing import (
    count_gaps, count_gaps_each, pack_gap_array, pack_gaps, pack_numbers, pack_varint, unpack_gaps,
    unpack_numbers, unpack_varint,
)
from search.term_table import SortedTermsReader, SortedTermsWriter

BLOCK_POSTINGS = 1024
INLINE_POSTINGS = 4  # a term of up to three postings keeps them in its term info
_NUMPY_IDS = 256  # a block of as many document numbers packs them with numpy (pack_gap_array)
GAPS = b"g"  # a block's document numbers as variable-length gaps follow (search.packing.pack_gaps)
COUNTS = b"n"  # a block's weights are its postings' numbers of positions, read off their values
FLOATS = b"f"  # a block's weights that are not all whole numbers: 4-byte floats follow

# A packed block: its header a struct (a pickled W3 header starts with 0x80, never PACKED_TAG)
# and its data one zlib stream of _pack_data's bytes, where W3 pickles both.
PACKED_TAG = 0x01
PACKED = -1  # the compression field of a packed block's header, as block_header gives it
_PACKED_HEADER = struct.Struct("<BIIdBB")  # tag, postings, last document, max weight, min/max length
_DOUBLE = struct.Struct("<d")
_ONE_WEIGHT, _WEIGHT_BYTES, _VALUES = 1, 2, 4  # the bits of a packed block's first data byte

# A packed term info's first byte: TERM_INFO_TAG and its flags (W3's first byte is 0 or 1).
TERM_INFO_TAG, _INLINED, _FLOAT_WEIGHTS = 0x10, 0x01, 0x02
_FLOAT = struct.Struct("<f")  # as W3 keeps a term's weights: 4-byte floats


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
    """W3's posting writer with packed ids, weights and values in each block. A block keeps
    its values (those not empty, as W3's list does) as their lengths and their bytes joined,
    which a whole posting list gives by slicing (add_postings_list)."""

    def _new_block(self):
        self._ids = [] if self._byteids else array("I")
        self._weights = array("f")
        self._value_lengths = array("I")
        self._value_bytes = bytearray()
        self._minlength = None
        self._maxlength = 0
        self._maxweight = 0

    def add_posting(self, id_, weight, vbytes, length=None):
        """W3's, less its type checks, with the value kept as its length and bytes."""
        if len(self._ids) >= self._blocklimit:
            self._write_block()
        self._ids.append(id_)
        self._weights.append(weight)
        if weight > self._maxweight:
            self._maxweight = weight
        if vbytes:
            self._value_lengths.append(len(vbytes))
            self._value_bytes += vbytes
        if length:
            if self._minlength is None or length < self._minlength:
                self._minlength = length
            if length > self._maxlength:
                self._maxlength = length

    def _values(self) -> list[bytes]:
        """The block's values that are not empty, as W3 lists them."""
        values, start = [], 0
        for length in self._value_lengths:
            values.append(bytes(self._value_bytes[start:start + length]))
            start += length
        return values

    def _mini_ids(self):
        if self._byteids:  # term vectors (the archive has none): W3's own way
            return super()._mini_ids()
        if len(self._ids) < _NUMPY_IDS:
            return GAPS + pack_gaps(self._ids)
        return GAPS + pack_gap_array(np.frombuffer(self._ids, np.uint32))

    def _mini_weights(self):
        """W3's None (all 1.0) or one float (all the same); else COUNTS, whole numbers
        (pack_numbers) or 4-byte floats."""
        weights = self._weights
        if weights.count(1.0) == len(weights):
            return None
        if weights.count(weights[0]) == len(weights):
            return weights[0]
        if self._weights_count_positions():
            return COUNTS  # a word's frequency in each document: already in its positions
        if all(w.is_integer() and 0 <= w < 2 ** 32 for w in weights):
            return pack_numbers([int(w) for w in weights])
        return FLOATS + weights.tobytes()

    def _weights_count_positions(self) -> bool:
        """Whether each weight is the number of its posting's positions (numpy: a block's
        values at once, where count_gaps took a call each)."""
        if not isinstance(self._format, CompactPositions) or len(self._value_lengths) != len(self):
            return False
        counts = count_gaps_each(np.frombuffer(self._value_lengths, np.uint32), self._value_bytes)
        return bool((np.frombuffer(self._weights, np.float32) == counts).all())

    def _mini_values(self):
        size = self._format.fixed_value_size()
        if size is None or size < 0:
            return pack_numbers(self._value_lengths) + self._value_bytes
        if size == 0:
            return None
        # Whoosh posts a spelling word with the last value of its text field (writing.py,
        # add_document), which need not have the size read back
        return b"".join(value[:size].ljust(size, b"\0") for value in self._values())

    def _write_block(self, last=False):
        """W3's, with the block's header and data packed rather than pickled (block_header)."""
        if self._byteids:  # term vectors (the archive has none): W3's own way
            return super()._write_block(last)
        if not self._blockcount:
            self._postfile.write(WHOOSH3_HEADER_MAGIC)
        self._terminfo.add_block(self)
        header = _PACKED_HEADER.pack(PACKED_TAG, len(self._ids), self._ids[-1], self._maxweight,
                                     length_to_byte(self._minlength),
                                     length_to_byte(self._maxlength))
        data = zlib.compress(_pack_data(self._mini_ids(), self._mini_weights(), self._mini_values()),
                             self._compression)
        size = len(header) + len(data)
        self._postfile.write_int(-size if last else size)  # negative: the term's last block
        self._postfile.write(header + data)
        self._blockcount += 1
        self._new_block()

    def add_postings_list(self, ids: array, weights: array, values: tuple, lengths) -> None:
        """A term's whole posting list at once: the blocks add_posting writes one posting at a
        time (search.term_lists), each filled by slicing. ``ids`` are an array("I");
        ``weights`` an array("d") (the block's maximum is compared before they are stored
        as floats, as add_posting does); ``values`` each posting's value's length (an
        array, 0: none) and the values joined; ``lengths`` the documents' field lengths,
        None or 0 where there is none."""
        value_lengths, value_bytes = values
        value_start = 0
        limit = self._blocklimit
        for start in range(0, len(ids), limit):
            if len(self._ids):
                self._write_block()   # full, and more postings follow
            end = start + limit
            self._ids = ids[start:end]
            block_weights = weights[start:end]
            self._weights = array("f", block_weights)
            self._maxweight = max(0, max(block_weights))
            block_value_lengths = value_lengths[start:end]
            self._value_lengths = array("I", filter(None, block_value_lengths))
            value_end = value_start + sum(block_value_lengths)
            self._value_bytes = value_bytes[value_start:value_end]
            value_start = value_end
            known = list(filter(None, lengths[start:end]))
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
        terminfo.set_inlined(self._ids, self._weights, self._values() or [b""] * len(self))
        return terminfo


class CompactTermInfo(W3TermInfo):
    """W3's term info in variable-length numbers: 10 to 15 bytes a term where W3 packs 35,
    and a term's few inlined postings as numbers where W3 pickles them (40 bytes for the
    lone posting of a document's id). Term infos W3 wrote are read as they were."""

    def to_bytes(self):
        inlined = self._inlined
        weights = (self._weight, self._maxweight, *(inlined[1] if inlined else ()))
        whole = all(float(weight).is_integer() and weight >= 0 for weight in weights)
        flags = TERM_INFO_TAG | (_INLINED if inlined else 0) | (0 if whole else _FLOAT_WEIGHTS)
        weight = (lambda w: pack_varint(int(w))) if whole else _FLOAT.pack
        out = bytearray([flags])
        out += pack_varint(self._df) + weight(self._weight) + weight(self._maxweight)
        out += bytes([length_to_byte(self._minlength), length_to_byte(self._maxlength)])
        if self._minid is None:  # no postings
            out += pack_varint(0)
        else:
            out += pack_varint(self._minid + 1) + pack_varint(self._maxid - self._minid)
        if inlined:
            ids, weights, values = inlined
            out += pack_varint(len(ids)) + pack_gaps(ids)
            for w in weights:
                out += weight(w)
            for value in values:
                out += pack_varint(len(value)) + value
        else:
            out += pack_varint(self._offset) + pack_varint(self._length)
        return bytes(out)

    @classmethod
    def from_bytes(cls, s):
        flags = s[0]
        if flags & ~(_INLINED | _FLOAT_WEIGHTS) != TERM_INFO_TAG:
            return super().from_bytes(s)  # written by W3
        info = cls()
        if flags & _FLOAT_WEIGHTS:
            def weight(start):
                return _FLOAT.unpack_from(s, start)[0], start + _FLOAT.size
        else:
            def weight(start):
                number, start = unpack_varint(s, start)
                return float(number), start
        info._df, start = unpack_varint(s, 1)
        info._weight, start = weight(start)
        info._maxweight, start = weight(start)
        info._minlength, info._maxlength = byte_to_length(s[start]), byte_to_length(s[start + 1])
        minid, start = unpack_varint(s, start + 2)
        info._minid = info._maxid = None
        if minid:
            info._minid = minid - 1
            span, start = unpack_varint(s, start)
            info._maxid = info._minid + span
        if flags & _INLINED:
            count, start = unpack_varint(s, start)
            ids = []
            for _ in range(count):
                gap, start = unpack_varint(s, start)
                ids.append(gap + (ids[-1] if ids else 0))
            weights, values = [], []
            for _ in range(count):
                w, start = weight(start)
                weights.append(w)
            for _ in range(count):
                length, start = unpack_varint(s, start)
                values.append(s[start:start + length])
                start += length
            info._inlined = (tuple(ids), tuple(weights), tuple(values))
        else:
            info._offset, start = unpack_varint(s, start)
            info._length, start = unpack_varint(s, start)
        return info


class CompactTermsReader(W3TermsReader):
    """W3's terms reader for CompactTermInfo (W3's names its own term info throughout) and a
    terms file without hash tables (search.term_table)."""

    def __init__(self, codec, dbfile, length, postfile):
        self._codec = codec
        self._dbfile = dbfile
        self._tindex = SortedTermsReader(dbfile, length)
        self._fieldmap = self._tindex.extras["fieldmap"]
        self._postfile = postfile
        self._fieldunmap = [None] * len(self._fieldmap)
        for fieldname, number in self._fieldmap.items():
            self._fieldunmap[number] = fieldname

    def cursor(self, fieldname, fieldobj):
        return CompactFieldCursor(self._tindex, fieldname, self._keycoder, self._keydecoder,
                                  fieldobj)

    def items(self):
        return ((self._keydecoder(key), CompactTermInfo.from_bytes(value))
                for key, value in self._tindex.items())

    def items_from(self, fieldname, prefix):
        return ((self._keydecoder(key), CompactTermInfo.from_bytes(value))
                for key, value in self._tindex.items_from(self._keycoder(fieldname, prefix)))

    def term_info(self, fieldname, tbytes):
        try:
            return CompactTermInfo.from_bytes(self._tindex[self._keycoder(fieldname, tbytes)])
        except KeyError:
            raise TermNotFound(f"No term {fieldname}:{tbytes!r}") from None

    def frequency(self, fieldname, tbytes):
        return self._term_info_at(fieldname, tbytes).weight()

    def doc_frequency(self, fieldname, tbytes):
        return self._term_info_at(fieldname, tbytes).doc_frequency()

    def _term_info_at(self, fieldname, tbytes):
        position, length = self._range_for_key(fieldname, tbytes)  # KeyError, as W3's
        return CompactTermInfo.from_bytes(self._dbfile.get(position, length))


class CompactFieldCursor(W3FieldCursor):
    def term_info(self):
        if self._pos is None:
            return None
        return CompactTermInfo.from_bytes(self._tindex.dbfile.get(self._datapos, self._datalen))


class CompactFieldWriter(W3FieldWriter):
    """W3's field writer with CompactTermInfo in a terms file without hash tables
    (search.term_table), that also takes a term's posting list whole (add_list)."""

    def __init__(self, codec, storage, segment):
        self._codec, self._storage, self._segment = codec, storage, segment
        self._fieldname = self._fieldid = self._btext = self._fieldobj = self._format = None
        self._tindex = SortedTermsWriter(self._create_file(W3Codec.TERMS_EXT))
        self._fieldmap = self._tindex.extras["fieldmap"] = {}
        self._postfile = self._create_file(W3Codec.POSTS_EXT)
        self._postwriter = None
        self._infield = False
        self.is_closed = False

    def start_term(self, btext):
        if self._postwriter is None:
            raise Exception("Called start_term before start_field")
        self._btext = btext
        self._postwriter.start_postings(self._fieldobj.format, CompactTermInfo())

    def add_list(self, ids: array, weights: array, values: tuple, lengths) -> None:
        self._postwriter.add_postings_list(ids, weights, values, lengths)


class CompactLeafMatcher(W3LeafMatcher):
    """W3's block reader for the blocks CompactPostingsWriter writes."""

    def _goto(self, position):
        self._data = self._ids = self._weights = self._values = None
        self._i = 0
        length = self._postfile.get_int(position)
        if length < 0:
            self._lastblock = True
            length = -length
        self._nextoffset = position + 4 + length
        head = self._postfile.get(position + 4, min(length, _LONGEST_HEADER))
        info, data_start = block_header(head, 0)
        self._dataoffset = position + 4 + data_start
        (self._blocklength, self._maxid, self._maxweight, self._compression,
         shortest, longest) = info
        self._minlength = byte_to_length(shortest)
        self._maxlength = byte_to_length(longest)

    def _read_data(self):
        data = self._postfile.get(self._dataoffset, self._nextoffset - self._dataoffset)
        self._data = block_data(data, self._compression)

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


_LONGEST_HEADER = 64  # a pickled W3 block header is at most about 40 bytes


def block_header(raw: bytes, start: int) -> tuple[tuple, int]:
    """The header of the block whose length ends at raw[start], packed or pickled, as W3's
    tuple (postings, last document, max weight, compression or PACKED, min and max length
    bytes), and the offset of the block's data."""
    if raw[start] == PACKED_TAG:
        _, postings, last, weight, shortest, longest = _PACKED_HEADER.unpack_from(raw, start)
        return (postings, last, weight, PACKED, shortest, longest), start + _PACKED_HEADER.size
    buffer = io.BytesIO(raw[start:start + _LONGEST_HEADER])
    return pickle.load(buffer), start + buffer.tell()


def block_data(data: bytes, compression) -> tuple:
    """A block's (ids, weights, values) as CompactPostingsWriter minified them."""
    if compression == PACKED:
        return _unpack_data(zlib.decompress(data))
    return pickle.loads(zlib.decompress(data) if compression else data)


def _pack_data(ids: bytes, weights, values) -> bytes:
    """A block's minified ids (bytes), weights (None: all 1.0; a float: all the same;
    else bytes) and values (None or bytes): a byte saying which, then each with its length.

    Pickling them (protocol 2, as W3 does) writes bytes as Latin-1 text, which doubles every
    byte above 127: a block's positions and gaps, pickled, were a third larger."""
    kind, packed_weights = 0, b""
    if isinstance(weights, float):
        kind, packed_weights = _ONE_WEIGHT, _DOUBLE.pack(weights)
    elif weights is not None:
        kind, packed_weights = _WEIGHT_BYTES, pack_varint(len(weights)) + weights
    if values is not None:
        kind |= _VALUES
    return bytes([kind]) + pack_varint(len(ids)) + ids + packed_weights + (values or b"")


def _unpack_data(data: bytes) -> tuple:
    kind = data[0]
    length, start = unpack_varint(data, 1)
    ids, start = data[start:start + length], start + length
    weights = None
    if kind & _ONE_WEIGHT:
        weights, = _DOUBLE.unpack_from(data, start)
        start += _DOUBLE.size
    elif kind & _WEIGHT_BYTES:
        length, start = unpack_varint(data, start)
        weights, start = data[start:start + length], start + length
    return ids, weights, data[start:] if kind & _VALUES else None


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

    def new_segment(self, storage, indexname):
        return ArchiveSegment(self, indexname)  # read from its map, not copied (search.mapped)

    def per_document_reader(self, storage, segment):
        return CompactPerDocReader(storage, segment)

    def terms_reader(self, storage, segment):
        tiname = segment.make_filename(self.TERMS_EXT)
        return CompactTermsReader(self, storage.open_file(tiname), storage.file_length(tiname),
                                  segment.open_file(storage, self.POSTS_EXT))

    def postings_writer(self, dbfile, byteids=False):
        return CompactPostingsWriter(dbfile, blocklimit=self._blocklimit, byteids=byteids,
                                     compression=self._compression,
                                     inlinelimit=self._inlinelimit)

    def postings_reader(self, dbfile, terminfo, format_, term=None, scorer=None):
        if terminfo.is_inlined():  # a term's lone posting, kept in its term info: W3's way
            return super().postings_reader(dbfile, terminfo, format_, term, scorer)
        offset, length = terminfo.extent()
        return CompactLeafMatcher(dbfile, offset, length, format_, term=term, scorer=scorer)
