"""The Tantivy peer of the benchmark (bench/peer.py) finds what our engine finds.

make bench compares the two engines' speed only where they do the same work: the same
documents for every query form and filter, and the same count and facets on a page.
Needs the bench-only extra (pip install -e ".[bench]"); skipped without it.
"""
import pytest

pytest.importorskip("tantivy", reason="the bench-only extra: pip install -e \".[bench]\"")

from bench import peer  # noqa: E402  (needs tantivy)
from bench.side_by_side import our_keys  # noqa: E402
from search.indexing import backend  # noqa: E402
from search.params import SearchParams  # noqa: E402
from search.querying import parse_user_query  # noqa: E402
from search.services import search  # noqa: E402
from tests.search.test_bulk import FILTERS, RAW, query_of  # noqa: E402

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def tantivy_peer(bundled, django_db_blocker, tmp_path_factory):
    path = tmp_path_factory.mktemp("tantivy")
    with django_db_blocker.unblock():
        _, documents = peer.build(path)
    assert documents == backend().searcher().doc_count()
    return peer.Peer(path)


def test_the_same_documents_for_every_query_form_and_filter(tantivy_peer):
    found = 0
    for raw in RAW:
        for params in FILTERS:
            query = query_of(raw, params)
            ours = our_keys(backend().searcher(), query)
            assert tantivy_peer.keys(query) == ours, (raw, params)
            found += len(ours)
    assert found > 1000  # the queries find something to compare


@pytest.mark.parametrize("params", [{"q": "发展"}, {"q": "鞋", "year_from": "2021"},
                                    {"q": "新质生产力 OR 数字经济", "sort": "newest"},
                                    {"q": "低碳", "region": "国务院"}])
def test_a_page_has_our_count_facets_and_marked_snippets(tantivy_peer, params):
    ours = search(SearchParams.from_query(params))
    parsed = parse_user_query(params["q"])
    page = tantivy_peer.page(query_of(params["q"], params), peer.highlight_words(parsed.terms),
                             newest=params.get("sort") == "newest")
    assert page["count"] == ours.count > 0
    for name, counts in ours.facets.items():
        buckets = {bucket["key"]: bucket["doc_count"] for bucket in page["facets"][name]["buckets"]}
        assert {(int(key) if name == "year" else key): n for key, n in buckets.items()} == dict(counts)
    assert len(page["hits"]) == len(ours.hits)
    if len(params["q"]) > 1:  # Tantivy marks only terms of the word field (鞋 is rarely a word)
        assert all("<b>" in snippet for _, snippet in page["hits"])
