"""A term's whole posting list as arrays, read in one call (search.bulk).

Whoosh's block reader (W3LeafMatcher, and search.codec's CompactLeafMatcher over it)
seeks and reads each block's header, then reads and decompresses the block's data, and
turns its numbers into Python lists: for a word in ten thousand documents, eighty rounds
of that and lists of ten thousand ints, about a third of a search page. Here the term's
extent (every block, as search.codec writes them) is read from the postings file at once
and walked in a loop; each block's packed numbers become numpy arrays directly
(variable-length numbers decoded all at once), and the document-number gaps of all blocks
are summed in one pass (a block's first gap counts from 0, so it is corrected by the
previous block's last document, which its header holds).
"""
from __future__ import annotations

import struct
from dataclasses import dataclass

import numpy as np
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC

from search.codec import COUNTS, FLOATS, GAPS, block_data, block_header

_BLOCK_LENGTH = struct.Struct("!i")
# search.packing's type byte → its little-endian array type
_DTYPES = {ord("B"): np.dtype("u1"), ord("H"): np.dtype("<u2"), ord("I"): np.dtype("<u4"),
           ord("Q"): np.dtype("<u8")}


@dataclass
class Postings:
    """One term's postings: document numbers (ascending), weights, and values as the
    length of each and their concatenation (only when asked for)."""

    ids: np.ndarray
    weights: np.ndarray
    value_lengths: np.ndarray | None = None
    value_bytes: np.ndarray | None = None


def read(postfile, terminfo, values: bool = False) -> Postings:
    """The postings of a term (not inlined) that search.codec.CompactPostingsWriter wrote."""
    offset, length = terminfo.extent()
    if isinstance(length, tuple):  # Whoosh 2.7 reads it back as a 1-tuple (W3TermInfo.from_bytes)
        length, = length
    raw = postfile.get(offset, length)
    if raw[:4] != WHOOSH3_HEADER_MAGIC:
        raise ValueError(f"no posting blocks at {offset}")
    gaps, weights, lengths, data = [], [], [], []
    position, previous_last = 4, 0
    while position < length:
        end = position + 4 + abs(_BLOCK_LENGTH.unpack_from(raw, position)[0])
        (count, last, _, compression, _, _), start = block_header(raw, position + 4)
        ids_packed, block_weights, block_values = block_data(raw[start:end], compression)
        block_gaps = _gaps(ids_packed, count)
        block_gaps[0] -= previous_last
        gaps.append(block_gaps)
        if values or block_weights == COUNTS:
            packed_lengths = _numbers(block_values, count)
            block_lengths = packed_lengths.astype(np.int64)
            block_bytes = np.frombuffer(block_values, dtype=np.uint8,
                                       offset=1 + count * packed_lengths.itemsize)
        if block_weights == COUNTS:  # each posting's number of positions: its bytes below 128
            weights.append(np.bincount(np.repeat(np.arange(count), block_lengths),
                                       weights=block_bytes < 0x80, minlength=count))
        else:
            weights.append(_weights(block_weights, count))
        if values:
            lengths.append(block_lengths)
            data.append(block_bytes)
        previous_last, position = last, end
    found = Postings(np.cumsum(np.concatenate(gaps)), np.concatenate(weights))
    if values:
        found.value_lengths = np.concatenate(lengths)
        found.value_bytes = np.concatenate(data)
    return found


def varints(data: np.ndarray) -> np.ndarray:
    """The numbers in bytes search.packing.pack_gaps wrote (seven bits a byte, low bits
    first; a byte below 128 ends a number), not summed."""
    ends = data < 0x80
    if ends.all():  # every number below 128: one byte each (most)
        return data.astype(np.int64)
    number = np.cumsum(ends) - ends  # which number each byte belongs to
    first_byte = np.flatnonzero(np.concatenate(([True], ends[:-1])))
    shift = 7 * (np.arange(data.size) - first_byte[number])
    return np.bincount(number, weights=(data & 0x7F).astype(np.int64) << shift).astype(np.int64)


def _gaps(packed: bytes, count: int) -> np.ndarray:
    """A block's document-number gaps (the first from 0), as a new array."""
    if packed[:1] == GAPS:
        return varints(np.frombuffer(packed, dtype=np.uint8, offset=1))
    return _numbers(packed, count).astype(np.int64)  # blocks written before GAPS


def _numbers(packed: bytes, count: int) -> np.ndarray:
    """The numbers search.packing.pack_numbers packed (a type byte, then the array)."""
    return np.frombuffer(packed, dtype=_DTYPES[packed[0]], count=count, offset=1)


def _weights(packed, count: int) -> np.ndarray:
    if packed is None:  # all 1.0
        return np.ones(count)
    if isinstance(packed, float):  # all the same
        return np.full(count, packed)
    if packed[:1] == FLOATS:
        return np.frombuffer(packed, dtype="=f4", offset=1)  # array("f"): native.astype(np.float64)
    return _numbers(packed, count).astype(np.float64)
