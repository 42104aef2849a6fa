"""Numbers packed into bytes for the index's posting blocks (search.codec).

- pack_numbers: non-negative whole numbers as an array of the smallest type that holds
  the largest (1, 2, 4 or 8 bytes each), behind one byte naming that type, little-endian
  on every machine; unpack_numbers needs the count, which the block header holds;
- pack_gaps: a rising list of positions as the gaps between them, seven bits a byte,
  the high bit set on every byte but a number's last ([3, 7, 300] → 03 04 a1 02);
- pack_varint: one number the same way (the lengths inside a block).
"""
from __future__ import annotations

import sys
from array import array
from itertools import accumulate

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
    out = bytearray()
    previous = 0
    for position in positions:
        gap = position - previous
        previous = position
        while gap >= 0x80:
            out.append(0x80 | (gap & 0x7F))
            gap >>= 7
        out.append(gap)
    return bytes(out)


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


def pack_varint(number: int) -> bytes:
    """One non-negative number, seven bits a byte (pack_gaps of a single number)."""
    return pack_gaps([number])


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
