"""A terms file without hash tables (search.term_table) finds what Whoosh's own finds."""
import random

import pytest
from whoosh.filedb.filetables import OrderedHashReader, OrderedHashWriter
from whoosh.filedb.filestore import RamStorage

from search.term_table import SortedTermsReader, SortedTermsWriter


def write(storage, name, writer_class, items):
    writer = writer_class(storage.create_file(name))
    writer.extras["fieldmap"] = {"text": 0}
    for key, value in items:
        writer.add(key, value)
    writer.close()
    return SortedTermsReader(storage.open_file(name), storage.file_length(name))


@pytest.fixture(scope="module")
def items():
    rng = random.Random(16)
    words = {"".join(rng.choice("发展改革开放创新教育就业") for _ in range(rng.randint(1, 6)))
             for _ in range(3000)}
    return sorted((word.encode(), rng.randbytes(rng.randint(0, 40))) for word in words)


@pytest.fixture(scope="module", params=[SortedTermsWriter, OrderedHashWriter])
def table(request, items):
    """The same keys in a file without hash tables and in one with them (written before)."""
    return write(RamStorage(), "terms", request.param, items)


def test_every_key_is_found_with_its_value(table, items):
    for key, value in items:
        assert table[key] == value
        assert key in table
    assert table.extras["fieldmap"] == {"text": 0}


def test_keys_that_are_not_there_are_not_found(table, items):
    keys = {key for key, _ in items}
    probes = [b"", b"\x00", b"\xff" * 8] + [key + b"\x00" for key, _ in items[::50]] + [
        key[:-1] for key, _ in items[::50] if key[:-1] not in keys]
    for probe in probes:
        assert probe not in table
        assert table.get(probe) is None
        with pytest.raises(KeyError):
            table[probe]


def test_ordered_reads_are_the_same(table, items):
    assert list(table.items()) == items
    middle = items[len(items) // 2][0]
    assert list(table.items_from(middle)) == [item for item in items if item[0] >= middle]
    assert table.closest_key(middle + b"\x00") == next(k for k, _ in items if k > middle)


def test_the_file_is_smaller_by_the_hash_tables(items):
    storage = RamStorage()
    write(storage, "sorted", SortedTermsWriter, items)
    write(storage, "hashed", OrderedHashWriter, items)
    saved = storage.file_length("hashed") - storage.file_length("sorted")
    assert saved > 24 * len(items) - 50  # two 12-byte slots a key, less the extras' flag
    assert not OrderedHashReader(storage.open_file("hashed"), storage.file_length("hashed")) \
        .extras.get("sorted_only")
