"""The packers that work on whole arrays at once (numpy) give the bytes the scalar ones give."""
import random
from array import array

import numpy as np
import pytest

from search.packing import (
    count_gaps, count_gaps_each, pack_gap_array, pack_gaps, pack_varint, pack_varints, unpack_gaps,
    unpack_varint,
)

EDGES = [0, 1, 127, 128, 2 ** 14 - 1, 2 ** 14, 2 ** 21 - 1, 2 ** 21, 2 ** 32 - 1, 2 ** 32,
         2 ** 63, 2 ** 64 - 1]


def test_varints_at_the_edges_of_their_widths():
    assert pack_varints(np.array(EDGES, np.uint64)) == b"".join(map(pack_varint, EDGES))
    for number in EDGES:
        assert unpack_varint(b"x" + pack_varint(number), 1) == (number, 1 + len(pack_varint(number)))
    assert pack_varints(np.array([], np.uint64)) == b""


def test_varints_of_random_numbers():
    rng = random.Random(11)
    for _ in range(200):
        top = rng.choice([100, 2 ** 14, 2 ** 20, 2 ** 32, 2 ** 64])
        numbers = [rng.randrange(top) for _ in range(rng.randint(1, 300))]
        assert pack_varints(np.array(numbers, np.uint64)) == b"".join(map(pack_varint, numbers))


def test_gap_arrays_as_pack_gaps():
    rng = random.Random(12)
    for _ in range(200):
        span = rng.choice([2000, 5000, 2 ** 20, 2 ** 32])
        ids = array("I", sorted(rng.sample(range(span), rng.randint(1, 1024))))
        assert pack_gap_array(np.frombuffer(ids, np.uint32)) == pack_gaps(ids)
    assert pack_gap_array(np.array([2 ** 32 - 1], np.uint32)) == pack_gaps([2 ** 32 - 1])


def test_gaps_of_any_size_and_falling_lists():
    positions = [0, 127, 255, 2 ** 14 + 255, 2 ** 40]
    assert unpack_gaps(pack_gaps(positions)) == positions
    with pytest.raises(KeyError):
        pack_gaps([5, 3])


def test_gaps_counted_each():
    rng = random.Random(13)
    lists = [sorted(rng.sample(range(rng.choice([100, 10 ** 5])), rng.randint(1, 20)))
             for _ in range(300)]
    packed = [pack_gaps(positions) for positions in lists] + [b""]
    counts = count_gaps_each(np.array([len(p) for p in packed]), b"".join(packed))
    assert counts.tolist() == [count_gaps(p) for p in packed]
