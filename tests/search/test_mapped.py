"""A segment's files are read from the map of its compound file (search.mapped), not copied."""
import mmap

import pytest
from whoosh.codec.whoosh3 import W3Segment
from whoosh.fields import ID, Schema
from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.structfile import BufferFile

from search.analysis import text_fields, text_values
from search.codec import ArchiveCodec
from search.mapped import ArchiveSegment, MappedFile
from tests.search.test_codec import paragraphs, postings


class _CopyingCodec(ArchiveCodec):
    """ArchiveCodec as before: Whoosh's segment class, whose files are copies."""

    def new_segment(self, storage, indexname):
        return W3Segment(self, indexname)


def build(folder, codec):
    index = FileStorage(str(folder)).create_index(Schema(id=ID(stored=True), **text_fields("text")))
    with index.writer(codec=codec) as writer:
        for number, text in enumerate(paragraphs()[:300]):
            writer.add_document(id=str(number), **text_values("text", text))
    return index


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    return build(tmp_path_factory.mktemp("copied"), _CopyingCodec()), \
        build(tmp_path_factory.mktemp("mapped"), ArchiveCodec())


def test_the_segment_files_are_views_of_the_map(both):
    copied, mapped = both
    with mapped.reader() as reader:
        assert isinstance(reader.segment(), ArchiveSegment)
        postfile = reader._terms._postfile
        assert isinstance(postfile, MappedFile)
        assert isinstance(postfile._buf, memoryview) and isinstance(postfile._buf.obj, mmap.mmap)
    with copied.reader() as reader:
        assert type(reader._terms._postfile) is BufferFile  # Whoosh's: a BytesIO copy


def test_they_read_what_the_copies_read(both):
    copied, mapped = both
    for fieldname in ("text", "text_chars", "id"):
        assert postings(mapped, fieldname) == postings(copied, fieldname)
    with mapped.reader() as reader, copied.reader() as other:
        assert [reader.stored_fields(n) for n in range(300)] == \
            [other.stored_fields(n) for n in range(300)]
        files = (reader._terms._postfile, other._terms._postfile)
        for f in files:  # the file interface: seek and read, as the headers are read
            f.seek(0)
        assert files[0].read(64) == files[1].read(64)
        assert files[0].read_int() == files[1].read_int() and files[0].tell() == files[1].tell()
