"""Facet values are read per segment (search.facets): a commit reads its new segment's only."""
import pytest
from whoosh.query import Every

from archive.importing import import_report
from search import facets
from search.facets import facet_counts
from search.indexing import backend
from tests.conftest import FIXTURE_REPORTS
from tests.search.test_fast_paths import whoosh_groups

pytestmark = pytest.mark.django_db


def test_a_commit_reads_the_facet_values_of_its_new_segment_only(jinjiang_bytes):
    import_report(jinjiang_bytes, "jinjiang.txt")
    searcher = backend().searcher()
    facet_counts(searcher, [0])
    [(first, _)] = searcher.reader().leaf_readers()
    read_before = facets._by_reader[first]

    import_report((FIXTURE_REPORTS / "guowuyuan-2024-work-report.txt").read_bytes(), "2024.txt")
    searcher = backend().searcher()
    everything = searcher.docs_for_query(Every())
    ours = facet_counts(searcher, everything)
    assert {name: dict(counts) for name, counts in ours.items()} == whoosh_groups(searcher, Every())
    assert set(ours["region"]) == {"晋江市", "国务院"}
    readers = [reader for reader, _ in searcher.reader().leaf_readers()]
    assert len(readers) == 2 and readers[0] is first  # the first segment's reader, kept
    assert facets._by_reader[first] is read_before     # and its values, not read again
