"""search.bulk finds what Whoosh's own matchers find: the same documents, in the same
order, with the same scores (to rounding), on one segment or several with deletions."""
import random

import numpy as np
import pytest
from whoosh.query import And, NumericRange, Or, Term, Wildcard
from whoosh.sorting import FieldFacet, MultiFacet, ScoreFacet

from search import bulk
from search.indexing import backend
from search.packing import pack_gaps
from search.params import SearchParams
from search.querying import parse_user_query
from search.services import filters

pytestmark = pytest.mark.django_db

RAW = ["发展", "晋江经验", "新质生产力 OR 数字经济", '"国内生产总值"', "改革 -试点", "鞋", "5G", "7%",
       "质量", "人民 群众", '"人民群众"', '"高质量发展"', "教育 医疗 养老", "收入增长", "全面深化改革",
       "-发展 经济", "财政 OR 预算 -试点", "鸑鷟", "城乡 融合发展", '"文旅融合"', "质量发展", "低碳",
       "新质", "特新", '"晋江 经验"']
FILTERS = [{}, {"year": "2024"}, {"year_from": "2021", "year_to": "2023"}, {"year_from": "2025"},
           {"region": "晋江市"}, {"kind": "interpretation"}, {"region": "国务院", "year_to": "2022"}]


def query_of(raw, params):
    parsed = parse_user_query(raw).query
    return And([parsed, *filters(SearchParams.from_query(params))]).normalize()


def assert_same_as_whoosh(searcher, query, sort=None):
    if sort is None:
        whooshs = [(hit.docnum, hit.score) for hit in searcher.search(query, limit=None)]
    else:
        by_year = MultiFacet([FieldFacet("year", reverse=sort == "newest"), ScoreFacet()])
        whooshs = [(hit.docnum, None) for hit in searcher.search(query, limit=None, sortedby=by_year)]
    matched = bulk.search(searcher, query)
    if sort is None:
        order = matched.ranked()
    else:
        order = matched.sorted_by(np.asarray([searcher.stored_fields(d)["year"]
                                              for d in range(searcher.doc_count_all())]),
                                  descending=sort == "newest")
    assert order.docnums.tolist() == [docnum for docnum, _ in whooshs], query
    assert sorted(zip(order.docnums.tolist(), order.scores.tolist())) == sorted(
        zip(matched.docnums.tolist(), matched.scores.tolist()))  # each score stays with its document
    if sort is None:
        ours = dict(zip(matched.docnums.tolist(), matched.scores.tolist()))
        for docnum, score in whooshs:
            assert ours[docnum] == pytest.approx(score, rel=1e-9), (query, docnum)
    return len(whooshs)


def test_every_query_and_filter_on_the_bundled_reports(bundled):
    searcher = backend().searcher()
    found = 0
    for raw in RAW:
        for params in FILTERS:
            found += assert_same_as_whoosh(searcher, query_of(raw, params))
    assert found > 1000


@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_sorted_by_year_then_score_as_whoosh_sorts(bundled, sort):
    searcher = backend().searcher()
    for raw in ["发展", "鞋", '"人民群众"', "改革 -试点"]:
        assert assert_same_as_whoosh(searcher, query_of(raw, {}), sort=sort) > 0


def test_numeric_range_and_report_filter(bundled):
    searcher = backend().searcher()
    report_id = searcher.stored_fields(0)["report_id"]
    for query in [And([parse_user_query("发展").query, NumericRange("year", 2022, None)]),
                  And([parse_user_query("经济").query, NumericRange("year", None, 2023, endexcl=True)]),
                  And([parse_user_query("经济").query, Term("report_id", report_id)])]:
        assert assert_same_as_whoosh(searcher, query) > 0


def test_boosted_terms_score_as_whoosh_boosts_them(bundled):
    """The query of more-like-this: key terms, each boosted by its weight (search.similar)."""
    searcher = backend().searcher()
    query = Or([Term("text", "发展", boost=2.5), Term("text", "改革", boost=0.4),
                Term("text_chars", "鞋", boost=3.0)])
    assert assert_same_as_whoosh(searcher, query) > 0


def test_positions_of_many_postings_decoded_together():
    rng = random.Random(3)
    ids, values, expected = [], [], set()
    for docnum in range(0, 400, 3):
        positions = sorted(rng.sample(range(rng.choice([100, 5000, 10 ** 6])), rng.randint(1, 9)))
        ids.append(docnum)
        values.append(pack_gaps(positions))
        if docnum % 2:
            expected |= {(docnum << 32) | p for p in positions}
    candidates = np.zeros(400, dtype=bool)
    candidates[1::2] = True
    packed = (np.array([len(v) for v in values]), np.frombuffer(b"".join(values), dtype=np.uint8))
    keys = bulk._position_keys(np.array(ids), packed, candidates)
    assert keys.tolist() == sorted(expected)


def test_a_query_it_does_not_know_is_refused(bundled):
    with pytest.raises(bulk.Unsupported):
        bulk.search(backend().searcher(), Wildcard("text", "发*"))


def test_a_segment_without_a_year_column_matches_no_year_range():
    """A segment none of whose documents has a year (an empty one, say) keeps no year
    column; a year filter matches nothing there, as in Whoosh."""
    from whoosh.fields import ID, NUMERIC, Schema
    from whoosh.filedb.filestore import RamStorage

    from search.analysis import text_fields, text_values

    schema = Schema(id=ID(stored=True), year=NUMERIC(int, stored=True, sortable=True),
                    **text_fields("text"))
    index = RamStorage().create_index(schema)
    with index.writer() as writer:
        writer.add_document(id="a", **text_values("text", "推动经济发展"))
    with index.writer(merge=False) as writer:
        writer.add_document(id="b", year=2024, **text_values("text", "经济发展质量"))
    with index.searcher() as searcher:
        assert len(searcher.leaf_searchers()) == 2
        query = And([parse_user_query("经济").query, NumericRange("year", 2000, None)])
        assert assert_same_as_whoosh(searcher, query) == 1
        # Whoosh's own codec wrote these segments: their postings are read too
        assert assert_same_as_whoosh(searcher, parse_user_query('"经济发展"').query) == 2


def test_an_index_with_no_segment_matches_nothing():
    """A new index, before its first document, is read by Whoosh's EmptyReader."""
    from whoosh.fields import ID, Schema
    from whoosh.filedb.filestore import RamStorage

    from search.analysis import text_fields

    index = RamStorage().create_index(Schema(id=ID(stored=True), **text_fields("text")))
    with index.searcher() as searcher:
        for raw in ("经济", '"经济发展"', "新质", "经济 -发展"):
            assert assert_same_as_whoosh(searcher, parse_user_query(raw).query) == 0
