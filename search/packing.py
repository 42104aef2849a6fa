"""Numbers packed into bytes for the index's posting blocks (search.codec).

- pack_numbers: non-negative whole numbers as an array of the smallest type that holds
  the largest (1, 2, 4 or 8 bytes each), behind one byte naming that type, little-endian
  on every machine; unpack_numbers needs the count, which the block header holds;
- pack_gaps: a rising list of positions as the gaps between them, seven bits a byte,
  the high bit set on every byte but a number's last ([3, 7, 300] → 03 04 a1 02);
- pack_varint: one number the same way (the lengths inside a block); pack_varints and
  pack_gap_array: many at once (numpy);
- count_gaps_each: how many positions each of many packed lists holds, all at once.
"""
from __future__ import annotations

import sys
from array import array
from itertools import accumulate

import numpy as np

_TYPECODES = [(code, 2 ** (8 * array(code).itemsize)) for code in ("B", "H", "I", "Q")]
_SWAP = sys.byteorder != "little"


def pack_numbers(numbers) -> bytes:
    largest = max(numbers, default=0)
    code = next(code for code, limit in _TYPECODES if largest < limit)
    packed = array(code, numbers)
    if _SWAP:
        packed.byteswap()
    return code.encode() + packed.tobytes()


def unpack_numbers(data: bytes, count: int, start: int = 0) -> tuple[array, int]:
    """The ``count`` numbers packed at data[start:], and the offset just past them."""
    numbers = array(chr(data[start]))
    end = start + 1 + count * numbers.itemsize
    numbers.frombytes(data[start + 1:end])
    if _SWAP:
        numbers.byteswap()
    return numbers, end


def pack_gaps(positions) -> bytes:
    parts = []
    previous = 0
    for position in positions:
        gap = position - previous
        previous = position
        parts.append(_SHORT_VARINTS[gap] if gap < _SHORT else _pack_long_varint(gap))
    return b"".join(parts)


def _pack_long_varint(number: int) -> bytes:
    out = bytearray()
    while number >= 0x80:
        out.append(0x80 | (number & 0x7F))
        number >>= 7
    out.append(number)
    return bytes(out)


# Most numbers packed are below 2 ** 14 (one or two bytes): those are looked up packed.
# (A dictionary, not a list: a negative gap, a falling list, raises KeyError.)
_SHORT = 2 ** 14
_SHORT_VARINTS = {number: _pack_long_varint(number) for number in range(_SHORT)}


def pack_gap_array(numbers: np.ndarray) -> bytes:
    """pack_gaps of a rising array of numbers below 2 ** 32 (a block's document numbers),
    all at once: for long lists, where numpy's cost per call is less than Python's per
    number."""
    gaps = numbers.astype(np.uint32)
    gaps[1:] -= numbers[:-1]
    return pack_varints(gaps)


def pack_varints(numbers: np.ndarray) -> bytes:
    """Each of the (non-negative) numbers as pack_varint packs it, joined."""
    numbers = numbers.astype(np.uint64)
    width = max(1, (int(numbers.max(initial=0)).bit_length() + 6) // 7)   # bytes of the largest
    if width == 1:
        return numbers.astype(np.uint8).tobytes()
    sizes = np.ones(len(numbers), np.uint8)
    for column in range(1, width):
        sizes += numbers >= np.uint64(1 << (7 * column))
    septets = np.empty((len(numbers), width), np.uint8)
    for column in range(width):   # seven bits each, the high bit set on all but a number's last
        septets[:, column] = (numbers >> np.uint64(7 * column)) & np.uint64(0x7F)
        septets[:, column] |= (sizes > column + 1).view(np.uint8) << np.uint8(7)
    return septets[np.arange(width) < sizes[:, None]].tobytes()


def unpack_gaps(data: bytes) -> list[int]:
    if data.isascii():  # every gap below 128: one byte each (most postings)
        return list(accumulate(data))
    positions = []
    position = gap = shift = 0
    for byte in data:
        gap |= (byte & 0x7F) << shift
        if byte & 0x80:
            shift += 7
        else:
            position += gap
            positions.append(position)
            gap = shift = 0
    return positions


def count_gaps(data: bytes) -> int:
    """How many positions pack_gaps packed into data: its bytes below 128."""
    return len(data.translate(None, _HIGH_BYTES))


_HIGH_BYTES = bytes(range(0x80, 0x100))


def count_gaps_each(lengths: np.ndarray, data: bytes) -> np.ndarray:
    """count_gaps of each of the lists pack_gaps packed one after another into data,
    ``lengths`` their lengths in bytes."""
    below = np.zeros(len(data) + 1, np.int64)
    np.cumsum(np.frombuffer(data, np.uint8) < 0x80, out=below[1:])
    ends = np.cumsum(lengths)
    return below[ends] - below[ends - lengths]


def pack_varint(number: int) -> bytes:
    """One non-negative number, seven bits a byte (pack_gaps of a single number)."""
    return _SHORT_VARINTS[number] if number < _SHORT else _pack_long_varint(number)


def unpack_varint(data: bytes, start: int) -> tuple[int, int]:
    """The number pack_varint packed at data[start:], and the offset just past it."""
    number = shift = 0
    while True:
        byte = data[start]
        start += 1
        number |= (byte & 0x7F) << shift
        if byte < 0x80:
            return number, start
        shift += 7
