"""A whole posting list read at once (search.postings) holds what Whoosh's block reader reads."""
import numpy as np
import pytest

from whoosh.fields import ID, Schema
from whoosh.filedb.filestore import FileStorage

from search import postings
from search.analysis import text_fields, text_values
from search.codec import BLOCK_POSTINGS, ArchiveCodec
from tests.search.test_codec import EarlierArchiveCodec, paragraphs


@pytest.fixture(scope="module", params=[(ArchiveCodec, BLOCK_POSTINGS), (ArchiveCodec, 64),
                                        (EarlierArchiveCodec, 64)])
def packed(tmp_path_factory, request):
    """The bundled reports' paragraphs in two segments of our codec (the first a merge), in
    blocks of its size and in small ones (lists of many blocks), and in small blocks as it
    wrote them before they were packed."""
    schema = Schema(id=ID(stored=True), **text_fields("text"))
    index = FileStorage(str(tmp_path_factory.mktemp("packed"))).create_index(schema)
    texts = paragraphs()
    codec_class, blocklimit = request.param
    codec = codec_class(blocklimit=blocklimit)
    for part in range(3):
        writer = index.writer(codec=codec)
        for number in range(part, len(texts), 3):
            writer.add_document(id=str(number), **text_values("text", texts[number]))
        writer.commit(optimize=part == 2)  # the three merged into one segment by our codec
    with index.writer(codec=codec) as writer:
        writer.add_document(id="last", **text_values("text", texts[0]))
    return index


@pytest.mark.parametrize("fieldname", ["text", "text_chars"])
def test_every_term_reads_as_the_block_reader_reads_it(packed, fieldname):
    longest = 0
    with packed.reader() as top:
        assert len(top.leaf_readers()) == 2
        for reader, _ in top.leaf_readers():
            assert isinstance(reader.codec(), ArchiveCodec)
            longest = max(longest, _compare_terms(reader, fieldname))
    assert longest > 128  # lists over several blocks (of 64)


def _compare_terms(reader, fieldname) -> int:
    """Checks every term of one field of a segment; the longest list's length."""
    terms = reader._terms
    has_positions = reader.schema[fieldname].format.supports("positions")
    longest = 0
    for term in reader.lexicon(fieldname):
        info = terms.term_info(fieldname, term)
        matcher = reader.postings(fieldname, term)
        ids, weights, values = [], [], []
        while matcher.is_active():
            ids.append(matcher.id())
            weights.append(matcher.weight())
            values.append(matcher.value())
            matcher.next()
        if info.is_inlined():
            continue   # kept in the term info (search.codec.INLINE_POSTINGS), no block to read
        read = postings.read(terms._postfile, info, values=has_positions)
        assert read.ids.tolist() == ids, term
        assert read.weights.tolist() == weights, term
        if has_positions:
            assert read.value_lengths.tolist() == [len(v) for v in values], term
            assert read.value_bytes.tobytes() == b"".join(values), term
        longest = max(longest, len(ids))
    return longest


def test_weights_that_are_not_whole_numbers(tmp_path):
    index = FileStorage(str(tmp_path)).create_index(Schema(id=ID(stored=True), tag=ID()))
    with index.writer(codec=ArchiveCodec()) as writer:
        for number in range(300):
            writer.add_document(id=str(number), tag="a", _boost=1 + number % 3 / 4)
    with index.reader() as reader:
        read = postings.read(reader._terms._postfile, reader._terms.term_info("tag", b"a"))
        assert read.ids.tolist() == list(range(300))
        assert np.allclose(read.weights, [1 + n % 3 / 4 for n in range(300)])



def test_blocks_written_before_variable_length_ids_are_read_as_they_were(tmp_path, monkeypatch):
    """Indexes written before GAPS and COUNTS: gaps as an array, weights written out."""
    from search.codec import CompactPostingsWriter
    from search.packing import pack_numbers

    def old_ids(writer):
        ids = writer._ids
        return pack_numbers([docnum - previous for previous, docnum in zip([0, *ids], ids)])

    def old_weights(writer):
        return pack_numbers([int(w) for w in writer._weights]) if len(set(writer._weights)) > 1 \
            else (None if writer._weights[0] == 1 else float(writer._weights[0]))

    schema = Schema(id=ID(stored=True), **text_fields("text"))
    texts = paragraphs()
    found = []
    for written_before in (True, False):
        with monkeypatch.context() as patch:
            if written_before:
                patch.setattr(CompactPostingsWriter, "_mini_ids", old_ids)
                patch.setattr(CompactPostingsWriter, "_mini_weights", old_weights)
            folder = tmp_path / ("before" if written_before else "now")
            folder.mkdir()
            index = FileStorage(str(folder)).create_index(schema)
            # no term inlined, as before, so that postings.read reads every term
            with index.writer(codec=ArchiveCodec(blocklimit=64, inlinelimit=1)) as writer:
                for number, text in enumerate(texts[:300]):
                    writer.add_document(id=str(number), **text_values("text", text))
        with index.reader() as reader:
            _compare_terms(reader, "text")
            found.append({term: postings.read(reader._terms._postfile,
                                              reader._terms.term_info("text", term), values=True)
                          for term in reader.lexicon("text")})
    before, now = found
    assert before.keys() == now.keys()
    for term in now:
        assert before[term].ids.tolist() == now[term].ids.tolist()
        assert before[term].weights.tolist() == now[term].weights.tolist()
        assert before[term].value_bytes.tobytes() == now[term].value_bytes.tobytes()
