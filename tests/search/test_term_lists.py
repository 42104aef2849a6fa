"""The index build's writer (search.term_lists) writes what Whoosh's own writer writes.

Both write one segment of the same documents with the archive's codec; every file of the
two segments must hold the same bytes (only the segment's random name differs). The
documents are the bundled reports' paragraphs many times over, so that common terms fill
several blocks of postings, and one document has thousands of positions.
"""
import random
from pathlib import Path

import pytest
from whoosh.fields import ID, NUMERIC, TEXT, Schema
from whoosh.filedb.filestore import FileStorage
from whoosh.writing import SegmentWriter

from search.analysis import text_fields, text_values
from search.codec import ArchiveCodec
from search.term_lists import TermListPool, TermListWriter
from tests.conftest import FIXTURE_REPORTS


def documents() -> list[dict]:
    texts = [path.read_text(encoding="utf-8") for path in sorted(FIXTURE_REPORTS.glob("*.txt"))]
    paragraphs = 6 * [part.strip() for text in texts for part in text.split("\n\n") if part.strip()]
    rng = random.Random(2025)
    found = [dict(id=str(number), year=rng.randint(1990, 2025), **text_values("text", paragraph))
             for number, paragraph in enumerate(paragraphs)]
    found.append(dict(id="long", **text_values("text", paragraphs[3] * 60)))   # no year
    return found


def segment_files(folder: Path, writer_class) -> dict[str, bytes]:
    """{file extension: bytes} of the one segment ``writer_class`` writes."""
    schema = Schema(id=ID(stored=True, unique=True), year=NUMERIC(int, stored=True, sortable=True),
                    **text_fields("text"))
    folder.mkdir()
    index = FileStorage(str(folder)).create_index(schema)
    writer = writer_class(index, _lk=False, codec=ArchiveCodec(), compound=False)   # files apart
    for document in documents():
        writer.add_document(**document)
    segment = writer._finalize_segment()
    name = segment.segment_id()
    files = {path.name[len(name):]: path.read_bytes() for path in folder.iterdir()
             if path.name.startswith(name)}
    assert files
    return files


def test_the_segment_is_byte_for_byte_whooshs(tmp_path):
    ours = segment_files(tmp_path / "ours", TermListWriter)
    whooshs = segment_files(tmp_path / "whoosh", SegmentWriter)
    assert sorted(ours) == sorted(whooshs)
    for extension in whooshs:
        assert ours[extension] == whooshs[extension], extension


def test_the_pool_keeps_each_terms_list_in_document_order():
    pool = TermListPool()
    for docnum, words in enumerate([[b"b", b"a"], [b"c"], [b"b"]]):
        length = pool.add_field("text", docnum, [(word, 2, 2.0, b"\x00\x01") for word in words], 1.5)
        assert length == 2 * len(words)
    assert [(text, list(ids), list(weights)) for _, text, (ids, weights, _) in pool.sorted_lists()] == [
        (b"a", [0], [3.0]), (b"b", [0, 2], [3.0, 3.0]), (b"c", [1], [3.0])]
    assert pool.postings == 4


def test_term_vectors_are_refused(tmp_path):
    schema = Schema(text=TEXT(vector=True))
    writer = TermListWriter(FileStorage(str(tmp_path)).create_index(schema), _lk=False,
                            codec=ArchiveCodec())
    with pytest.raises(ValueError, match="term vectors"):
        writer.add_document(text="加快建设")
    writer.cancel()


def test_a_writer_abandoned_leaves_the_others_their_files(tmp_path):
    """Worker processes' writers share the index's temporary folder (Whoosh names it after
    the index): one that fails must not take it from the others, as cancel() would."""
    schema = Schema(id=ID(stored=True), **text_fields("text"))
    index = FileStorage(str(tmp_path)).create_index(schema)
    failed, working = (TermListWriter(index, _lk=False, codec=ArchiveCodec()) for _ in range(2))
    for number, writer in enumerate((failed, working)):
        writer.add_document(id=str(number), **text_values("text", "晋江经验"))
    failed.abandon()
    segment = working.finish()
    assert segment.doc_count_all() == 1
