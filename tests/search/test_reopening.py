"""A searcher reopened after a commit (search.reopening) keeps the readers of unchanged
segments and finds what a searcher opened afresh finds."""
import pytest

from archive.importing import import_report
from search.indexing import backend
from search.querying import parse_user_query
from tests.conftest import FIXTURE_REPORTS

pytestmark = pytest.mark.django_db

QUERIES = ["发展", "晋江经验", "高质量发展", '"国内生产总值"', "鞋", "就业 -试点"]


def report(name: str) -> bytes:
    return (FIXTURE_REPORTS / name).read_bytes()


def leaves(searcher) -> list:
    return [reader for reader, _ in searcher.reader().leaf_readers()]


def same_as_afresh(searcher) -> None:
    afresh = backend().index.searcher()
    try:
        for raw in QUERIES:
            query = parse_user_query(raw).query
            assert (sorted(searcher.docs_for_query(query)) == sorted(afresh.docs_for_query(query))), raw
        assert searcher.doc_count() == afresh.doc_count()
    finally:
        afresh.close()


def test_a_new_segment_keeps_the_other_readers(jinjiang_bytes):
    import_report(jinjiang_bytes, "jinjiang.txt")
    before = backend().searcher()
    [first] = leaves(before)
    import_report(report("guowuyuan-2024-work-report.txt"), "2024.txt")
    after = backend().searcher()
    assert after is not before and after.up_to_date()
    assert leaves(after)[0] is first and len(leaves(after)) == 2
    assert backend().searcher() is after   # unchanged since: the same searcher
    same_as_afresh(after)


def test_a_segment_with_deleted_documents_gets_a_new_reader(jinjiang_bytes):
    import_report(jinjiang_bytes, "jinjiang.txt")
    import_report(report("guowuyuan-2024-work-report.txt"), "2024.txt")
    before = backend().searcher()
    first, second = leaves(before)
    count = before.doc_count()
    import_report(jinjiang_bytes + "\n本报告的修订版。\n".encode(), "jinjiang.txt")  # a new version:
    # its sections deleted from the first segment, and added anew in a third
    after = backend().searcher()
    kept = leaves(after)
    assert first not in kept and second in kept
    assert first.is_closed
    assert after.doc_count() == count
    same_as_afresh(after)


def test_segments_merged_away_are_closed(jinjiang_bytes):
    import_report(jinjiang_bytes, "jinjiang.txt")
    import_report(report("guowuyuan-2024-work-report.txt"), "2024.txt")
    before = leaves(backend().searcher())
    backend().optimize()
    searcher = backend().searcher()
    assert len(leaves(searcher)) == 1 and not set(before) & set(leaves(searcher))
    assert all(reader.is_closed for reader in before)
    same_as_afresh(searcher)


def test_a_segment_file_gone_while_opening_is_tried_again(jinjiang_bytes, monkeypatch):
    """A writer may delete a merged segment's files just as a reader opens them (as Whoosh's
    FileIndex.reader, the reopening tries again)."""
    from search import reopening

    import_report(jinjiang_bytes, "jinjiang.txt")
    backend().searcher()
    import_report(report("guowuyuan-2024-work-report.txt"), "2024.txt")
    failures = []

    class Flaky(reopening.SegmentReader):
        def __init__(self, *args, **kwargs):
            if not failures:
                failures.append(args)
                raise FileNotFoundError("merged away")
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(reopening, "SegmentReader", Flaky)
    searcher = backend().searcher()
    assert failures and len(leaves(searcher)) == 2
    same_as_afresh(searcher)


def test_a_table_of_contents_replaced_while_opening_is_tried_again(jinjiang_bytes, monkeypatch):
    """Opening the index lists its TOC generations and then reads the newest; a commit in
    between writes a newer TOC and deletes that one (a 503 on a read, seen in CI)."""
    from whoosh.index import TOC

    import_report(jinjiang_bytes, "jinjiang.txt")
    import_report(report("guowuyuan-2024-work-report.txt"), "2024.txt")
    latest = TOC._latest_generation
    stale = []

    def listed_before_a_commit(storage, indexname):
        generation = latest(storage, indexname)
        if len(stale) < 2:
            stale.append(generation - 1)
            return generation - 1
        return generation

    monkeypatch.setattr(TOC, "_latest_generation", classmethod(
        lambda cls, storage, indexname: listed_before_a_commit(storage, indexname)))
    engine = backend()
    engine.setup_complete = False
    same_as_afresh(engine.searcher())
    assert len(stale) == 2
