"""search.bulk over an index of several segments, one with deleted documents (the
bundled reports' module fixture would keep these reports in the database, so not there)."""
import pytest

from archive.importing import import_report
from search.indexing import backend
from tests.conftest import FIXTURE_REPORTS
from tests.search.test_bulk import RAW, assert_same_as_whoosh, query_of

pytestmark = pytest.mark.django_db


def test_several_segments_with_deleted_documents():
    """Each import commits a segment; a changed report replaces (deletes) its documents."""
    texts = sorted(FIXTURE_REPORTS.glob("*.txt"))[:4]
    for path in texts:
        import_report(path.read_bytes(), path.name)
    changed = texts[0].read_text(encoding="utf-8").replace("发展", "发展进步", 3)
    import_report(changed.encode(), texts[0].name)
    searcher = backend().searcher()
    assert len(searcher.leaf_searchers()) > 1 and searcher.reader().has_deletions()
    for raw in RAW:
        assert_same_as_whoosh(searcher, query_of(raw, {}))
    assert assert_same_as_whoosh(searcher, query_of("发展进步", {})) > 0
