"""The fast paths give what the simple ones give, on the bundled reports.

- facets from per-segment arrays (search.facets) = Whoosh's own grouping;
- one ranked pass sliced into pages = Whoosh's own paging;
- snippets cut from the database text of the page's hits = snippets of the same text
  highlighted whole;
- the index built by worker processes = the index built by one writer.
"""
import pytest
from haystack.constants import DJANGO_CT, DJANGO_ID
from whoosh.query import And, Term
from whoosh.sorting import Count, FieldFacet

from archive.models import Section
from search import services
from search.facets import FACETS, facet_counts
from search.highlighting import highlight
from search.indexing import backend
from search.params import SearchParams
from search.querying import parse_user_query
from search.rebuild import rebuild
from search.search_indexes import section_text
from tests.conftest import search_index_at

pytestmark = pytest.mark.django_db

QUERIES = ["发展", "晋江经验", "新质生产力 OR 数字经济", '"国内生产总值"', "改革 -试点", "鞋", "5G", "质量"]


def whoosh_groups(searcher, query):
    found = searcher.search(query, limit=None, groupedby=[FieldFacet(name, maptype=Count)
                                                          for name in FACETS])
    return {name: dict(found.groups(name)) for name in FACETS}


@pytest.mark.parametrize("raw", QUERIES)
def test_facets_from_arrays_equal_whooshs_grouping(bundled, raw):
    searcher = backend().searcher()
    query = parse_user_query(raw).query
    ours = facet_counts(searcher, searcher.docs_for_query(query))
    assert sum(ours["year"].values()) > 0
    assert {name: dict(counts) for name, counts in ours.items()} == whoosh_groups(searcher, query)


def test_facets_with_a_filter(bundled):
    searcher = backend().searcher()
    query = And([parse_user_query("发展").query, Term("region", "国务院")])
    ours = facet_counts(searcher, searcher.docs_for_query(query))
    assert set(ours["region"]) == {"国务院"}
    assert {name: dict(counts) for name, counts in ours.items()} == whoosh_groups(searcher, query)


@pytest.mark.parametrize("raw", ["发展", "政府", "经济 -试点"])
def test_pages_are_slices_of_whooshs_own_pages(bundled, raw):
    searcher = backend().searcher()
    query = parse_user_query(raw).query
    assert services.search(SearchParams(q=raw)).count > 2 * services.PAGE_SIZE
    for page in (1, 2, 3):
        ours = services.search(SearchParams(q=raw, page=page))
        whooshs = searcher.search_page(query, page, pagelen=services.PAGE_SIZE)
        expected = [int(hit[DJANGO_ID]) for hit in whooshs if hit[DJANGO_CT] == "archive.section"]
        assert [hit.section.pk for hit in ours.hits if hit.section] == expected


@pytest.mark.parametrize("raw", QUERIES)
def test_snippets_equal_the_whole_text_highlighted(bundled, raw):
    parsed = parse_user_query(raw)
    results = services.search(SearchParams(q=raw))
    assert results.hits
    for hit in results.hits:
        if hit.section is not None:
            whole = Section.objects.select_related("parent").get(pk=hit.section.pk)
            assert hit.snippet == highlight(section_text(whole), parsed.terms)


def test_workers_build_the_same_index_as_one_writer(bundled, tmp_path):
    def identities(searcher, docnums):
        return sorted((fields[DJANGO_CT], fields[DJANGO_ID])
                      for fields in map(searcher.stored_fields, docnums))

    def snapshot():
        searcher = backend().searcher()
        found = {raw: identities(searcher, searcher.docs_for_query(parse_user_query(raw).query))
                 for raw in QUERIES}
        return identities(searcher, range(searcher.doc_count_all())), found

    results = []
    for processes in (1, 2):
        with search_index_at(tmp_path / f"whoosh-{processes}"):
            assert rebuild(processes=processes) > 0
            results.append(snapshot())
    assert results[0] == results[1]
    assert all(results[0][1].values())
