"""The packed postings (search.codec, search.packing) hold exactly what Whoosh's own hold.

The simple path is Whoosh's W3 codec with its pickled Positions; the fast one is
ArchiveCodec with CompactPositions. Both index the same paragraphs of the bundled
reports, and every term's postings (documents, weights, positions) must be the same,
and so must every search; the packed index must be smaller.
"""
import copy
import io
import random
import shutil

import pytest
from django.core.management import CommandError, call_command
from whoosh.codec.whoosh3 import W3Codec, W3FieldWriter, W3PostingsWriter, W3TermInfo
from whoosh.fields import ID, NUMERIC, Schema
from whoosh.filedb.filestore import FileStorage
from whoosh.formats import Positions
from whoosh.util.numeric import byte_to_length, length_to_byte

from search.analysis import text_fields, text_values
from search.codec import (
    INLINE_POSTINGS, ArchiveCodec, CompactFieldWriter, CompactPositions, CompactPostingsWriter,
    CompactTermInfo,
)
from search.indexing import backend
from search.packing import count_gaps, pack_gaps, pack_numbers, unpack_gaps, unpack_numbers
from search.querying import parse_user_query
from tests.conftest import FIXTURE_REPORTS


# -- numbers and gaps ------------------------------------------------------------------

@pytest.mark.parametrize("numbers", [[0], [255], [256], [65535], [65536], [2 ** 32 - 1],
                                     [2 ** 32], [2 ** 63], [1, 300, 70000, 5], []])
def test_numbers_round_trip_in_the_smallest_type(numbers):
    packed = pack_numbers(numbers)
    largest = max(numbers, default=0)
    width = 1 if largest < 2 ** 8 else 2 if largest < 2 ** 16 else 4 if largest < 2 ** 32 else 8
    assert len(packed) == 1 + width * len(numbers)
    unpacked, end = unpack_numbers(b"xy" + packed + b"tail", len(numbers), start=2)
    assert list(unpacked) == numbers
    assert end == 2 + len(packed)


def test_gaps_are_seven_bits_a_byte():
    assert pack_gaps([3, 7, 300]) == bytes([3, 4, 0x80 | (293 & 0x7F), 293 >> 7])
    assert unpack_gaps(pack_gaps([3, 7, 300])) == [3, 7, 300]


def test_gaps_round_trip_and_count():
    rng = random.Random(7)
    for _ in range(300):
        positions = sorted(rng.sample(range(rng.choice([50, 1000, 10 ** 6, 2 ** 40])),
                                      rng.randint(1, 40)))
        packed = pack_gaps(positions)
        assert unpack_gaps(packed) == positions
        assert count_gaps(packed) == len(positions)
    assert unpack_gaps(pack_gaps([0])) == [0]


# -- the codec against Whoosh's own ------------------------------------------------------

def paragraphs() -> list[str]:
    """The bundled reports' paragraphs, four times over (as reports repeat each other's
    words: on so few, most terms have a posting or two and Whoosh's per-term overhead,
    which both codecs share, would be most of the index)."""
    texts = [path.read_text(encoding="utf-8") for path in sorted(FIXTURE_REPORTS.glob("*.txt"))]
    return 4 * [part.strip() for text in texts for part in text.split("\n\n") if part.strip()]


def build(folder, codec, positions_format):
    fields = text_fields("text")
    fields["text"].format = positions_format
    schema = Schema(id=ID(stored=True, unique=True), year=NUMERIC(int, stored=True), **fields)
    index = FileStorage(str(folder)).create_index(schema)
    rng = random.Random(2025)
    texts = paragraphs()
    # three commits, so that segments are merged through the codec too
    for part in range(3):
        with index.writer(codec=codec) as writer:
            for number in range(part, len(texts), 3):
                writer.add_document(id=str(number), year=rng.randint(1990, 2025),
                                    **text_values("text", texts[number]))
    with index.writer(codec=codec) as writer:
        writer.delete_by_term("id", "4")
        writer.add_document(id="4", year=2025, **text_values("text", texts[4] * 40))  # many positions
    index.writer(codec=codec).commit(optimize=True)  # Index.optimize would write in W3's codec
    with index.reader() as reader:
        assert type(reader.codec()) is type(codec)
    return index


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    simple = build(tmp_path_factory.mktemp("w3"), W3Codec(), Positions())
    packed = build(tmp_path_factory.mktemp("packed"), ArchiveCodec(), CompactPositions())
    return simple, packed


class _PickledBlocksWriter(CompactPostingsWriter):
    _write_block = W3PostingsWriter._write_block


class _W3TermInfoWriter(CompactFieldWriter):
    __init__ = W3FieldWriter.__init__  # a terms file with hash tables
    start_term = W3FieldWriter.start_term


class EarlierArchiveCodec(ArchiveCodec):
    """ArchiveCodec as it wrote segments before its blocks and term infos were packed: the
    same minified ids, weights and values, but block headers and data pickled (W3's
    _write_block), and W3's term infos in a terms file with hash tables."""

    def field_writer(self, storage, segment):
        return _W3TermInfoWriter(self, storage, segment)

    def postings_writer(self, dbfile, byteids=False):
        return _PickledBlocksWriter(dbfile, blocklimit=self._blocklimit, byteids=byteids,
                                    compression=self._compression, inlinelimit=self._inlinelimit)


def postings(index, fieldname):
    """{term: [(docnum, weight, positions or None)]} of every term of one field."""
    found = {}
    with index.reader() as reader:
        has_positions = reader.schema[fieldname].format.supports("positions")
        for term in reader.lexicon(fieldname):
            matcher = reader.postings(fieldname, term)
            rows = []
            while matcher.is_active():
                rows.append((matcher.id(), matcher.weight(),
                             matcher.value_as("positions") if has_positions else None,
                             matcher.value_as("frequency") if has_positions else None))
                matcher.next()
            found[term] = rows
    return found


@pytest.mark.parametrize("fieldname", ["text", "text_chars", "id", "year"])
def test_every_posting_is_the_same(both, fieldname):
    simple, packed = (postings(index, fieldname) for index in both)
    assert simple == packed
    assert len(simple) > 20
    if fieldname == "text":
        longest = max(len(rows) for rows in simple.values())
        assert longest > 128  # postings over several blocks
        assert any(positions[-1] > 127 for rows in simple.values() for _, _, positions, _ in rows)


def test_searches_find_the_same_documents_in_the_same_order(both):
    queries = ["发展", "晋江经验", "新质生产力 OR 数字经济", '"国内生产总值"', "改革 -试点", "鞋",
               "5G", "质量", "人民 群众", '"高质量发展"', "教育 医疗 养老"]
    for raw in queries:
        query = parse_user_query(raw).query
        found = []
        for index in both:
            with index.searcher() as searcher:
                found.append([(hit["id"], round(hit.score, 4)) for hit in searcher.search(query, limit=None)])
        assert found[0] == found[1], raw
        assert found[0], raw


def test_the_packed_index_is_smaller(both):
    def size(index):
        return sum(index.storage.file_length(name) for name in index.storage.list())
    simple, packed = map(size, both)
    assert packed < 0.8 * simple, (packed, simple)


def term_infos(index, fieldname):
    """{term: (weight, documents, min/max length, max weight, first/last document, and the
    frequencies and cursor reads of the reader)} of every term of one field."""
    found = {}
    with index.reader() as reader:
        cursor = reader.cursor(fieldname)
        while cursor.is_valid():
            term, info = cursor.text(), cursor.term_info()
            assert reader.term_info(fieldname, term).__dict__ == info.__dict__
            found[term] = (info.weight(), info.doc_frequency(), info.min_length(),
                           info.max_length(), info.max_weight(), info.min_id(), info.max_id(),
                           reader.frequency(fieldname, term), reader.doc_frequency(fieldname, term))
            cursor.next()
        from_prefix = [info.doc_frequency() for _, info in reader.iter_prefix(fieldname, "")]
        assert from_prefix == [row[1] for row in found.values()]
    return found


# (not "year": a number's cursor gives numbers, which are not its terms)
@pytest.mark.parametrize("fieldname", ["text", "text_chars", "id"])
def test_term_infos_say_what_whooshs_say(both, fieldname):
    simple, packed = (term_infos(index, fieldname) for index in both)
    assert simple == packed
    assert len(simple) > 20


@pytest.mark.parametrize("info", [
    {"_weight": 7.0, "_df": 3, "_minlength": 5, "_maxlength": 900, "_maxweight": 4.0,
     "_minid": 12, "_maxid": 40, "_inlined": ((12, 30, 40), (1.0, 2.0, 4.0), (b"a", b"", b"xyz"))},
    {"_weight": 2.5, "_df": 2, "_minlength": 1, "_maxlength": 1, "_maxweight": 1.5,
     "_minid": 0, "_maxid": 2 ** 31, "_inlined": ((0, 2 ** 31), (1.0, 1.5), (b"", b""))},
    {"_weight": 3e6, "_df": 2 ** 20, "_minlength": 0, "_maxlength": 106374, "_maxweight": 900.0,
     "_minid": 5, "_maxid": 2 ** 32 - 1, "_offset": 2 ** 40, "_length": 123456},
    {"_weight": 0.0, "_df": 0, "_minlength": 0, "_maxlength": 0, "_maxweight": 0,
     "_minid": None, "_maxid": None, "_offset": 0, "_length": 0},
])
def test_a_term_info_reads_back_as_written(info):
    written = CompactTermInfo()
    written.__dict__.update(info)
    for name in ("_minlength", "_maxlength"):  # kept as a byte, as W3 keeps them
        setattr(written, name, byte_to_length(length_to_byte(info[name])))
    read = CompactTermInfo.from_bytes(written.to_bytes())
    assert read.__dict__ == written.__dict__
    assert len(written.to_bytes()) < len(W3TermInfo.to_bytes(written))
    old = CompactTermInfo.from_bytes(W3TermInfo.to_bytes(written))  # as W3 wrote it before
    assert (old.doc_frequency(), old.min_id(), old.is_inlined()) == (info["_df"], info["_minid"],
                                                                     "_inlined" in info)


def test_segments_written_before_are_read_as_they_were(both, tmp_path):
    earlier = build(tmp_path, EarlierArchiveCodec(), CompactPositions())
    packed = both[1]
    for fieldname in ("text", "text_chars", "year"):
        assert postings(earlier, fieldname) == postings(packed, fieldname)
    assert term_infos(earlier, "text") == term_infos(packed, "text")
    sizes = [sum(index.storage.file_length(name) for name in index.storage.list())
             for index in (earlier, packed)]
    assert sizes[1] < 0.85 * sizes[0], sizes


# -- an index in the old layout ----------------------------------------------------------

@pytest.mark.django_db
def test_an_index_in_the_old_layout_is_refused_and_rebuilt(client, jinjiang_bytes):
    from archive.importing import import_report

    import_report(jinjiang_bytes, "jinjiang.txt")
    engine = backend()
    assert client.get("/api/search/", {"q": "晋江经验"}).json()["count"] > 0
    # the same documents written as before the packed layout: W3 codec, pickled positions
    old_schema = copy.deepcopy(engine.schema)
    for name in engine.chinese_fields:
        old_schema[name].format = Positions()
    shutil.rmtree(engine.path)
    FileStorage(engine.path).create().create_index(old_schema)
    engine.setup_complete = False

    response = client.get("/api/search/", {"q": "晋江经验"})
    assert response.status_code == 503
    with pytest.raises(CommandError, match="missing or unreadable"):
        call_command("check_index", stdout=io.StringIO())
    out = io.StringIO()
    call_command("check_index", "--repair", stdout=out)
    assert "旧版格式" in out.getvalue()
    assert client.get("/api/search/", {"q": "晋江经验"}).json()["count"] > 0


def test_terms_of_few_postings_are_kept_in_their_term_info(tmp_path):
    schema = Schema(id=ID(stored=True, unique=True), **text_fields("text"))
    index = FileStorage(str(tmp_path)).create_index(schema)
    with index.writer(codec=ArchiveCodec()) as writer:
        for number, text in enumerate(paragraphs()[:400]):
            writer.add_document(id=str(number), **text_values("text", text))
    writer = index.writer(codec=ArchiveCodec())
    writer.add_document(id="last", **text_values("text", "鸑鷟琅嬛"))
    writer.commit(optimize=True)   # merged through the codec: no "" read as a value
    frequencies = {}
    with index.reader() as reader:
        for fieldname in ("text", "text_chars", "id"):
            for term in reader.lexicon(fieldname):
                info = reader.term_info(fieldname, term)
                frequencies[fieldname, term] = (info.is_inlined(), info.doc_frequency())
        [last] = reader.postings("id", "last").all_ids()   # an inlined posting, after a merge
        assert reader.stored_fields(last)["id"] == "last"
    assert any(inlined for inlined, _ in frequencies.values())
    assert all(inlined == (frequency < INLINE_POSTINGS) for inlined, frequency in frequencies.values())
