"""haystack's highlight(), more_like_this() and spelling suggestions on the archive's own
indexes (word fields that store no text: it is read from the database), with Chinese text."""
import pytest
from haystack.query import SearchQuerySet
from haystack.utils import get_identifier
from whoosh.query import Or, Term

from archive.models import Section
from search.indexing import backend
from search.search_indexes import section_text
from search.similar import key_terms, similar

pytestmark = pytest.mark.django_db


@pytest.fixture
def section(bundled):
    return Section.objects.filter(text__contains="新质生产力").order_by("pk").first()


def test_highlight_marks_the_query_also_inside_longer_words(bundled):
    results = SearchQuerySet().models(Section).filter(content="收入").highlight()
    marked = [result.highlighted["text"][0] for result in results]
    assert marked and all("<em>收入</em>" in text for text in marked)
    assert any("居民<em>收入</em>" in text for text in marked)


def test_key_terms_are_the_words_bm25_weighs_most_in_the_document(bundled, section):
    searcher = backend().searcher()
    docnum = searcher.document_number(id=get_identifier(section))
    terms = key_terms(searcher, "text", docnum, section_text(section))
    weights = [weight for _, weight in terms]
    assert len(terms) > 5 and weights == sorted(weights, reverse=True)
    for term, weight in terms:
        assert term in section_text(section)
        scores = {hit.docnum: hit.score for hit in searcher.search(Term("text", term), limit=None)}
        assert weight == pytest.approx(scores[docnum])


def test_similar_sections_rank_as_whoosh_ranks_the_key_terms(bundled, section):
    searcher = backend().searcher()
    docnum = searcher.document_number(id=get_identifier(section))
    terms = key_terms(searcher, "text", docnum, section_text(section))
    query = Or([Term("text", term, boost=weight) for term, weight in terms])
    whoosh = {hit.docnum: hit.score for hit in searcher.search(query, limit=None, mask={docnum})}
    ours = similar(searcher, "text", docnum, section_text(section))
    assert whoosh == pytest.approx(dict(zip(ours.docnums.tolist(), ours.scores.tolist())))
    assert ours.scores.tolist() == pytest.approx(sorted(whoosh.values(), reverse=True))


def test_more_like_this_through_haystack_leaves_out_the_section_and_can_leave_out_its_report(
        bundled, section):
    related = SearchQuerySet().models(Section).more_like_this(section)
    first = list(related[:10])
    assert first and str(section.pk) not in {result.pk for result in first}
    assert [r.score for r in first] == sorted((r.score for r in first), reverse=True)
    assert len(related) == SearchQuerySet().models(Section).more_like_this(section).count()
    elsewhere = SearchQuerySet().models(Section).more_like_this(section).exclude(
        report_id=section.report_id)
    assert 0 < elsewhere.count() < related.count()
    assert all(result.report_id != section.report_id for result in elsewhere)


def test_more_like_this_reads_only_the_slice_asked_for(bundled, section):
    everything = backend().more_like_this(section)
    page = backend().more_like_this(section, start_offset=2, end_offset=5)
    assert page["hits"] == everything["hits"] > 5
    assert [r.pk for r in page["results"]] == [r.pk for r in everything["results"][2:5]]
    sliced = SearchQuerySet().models(Section).more_like_this(section)[2:5]
    assert [r.pk for r in sliced] == [r.pk for r in everything["results"][2:5]]


def test_spelling_suggestions_are_whole_words_of_the_index(bundled):
    engine = backend()
    assert engine.create_spelling_suggestion("高质量发展") == "高质量发展"
    assert engine.create_spelling_suggestion("数字经挤") == "数字经济"
    assert engine.create_spelling_suggestion("高质量发屏") == "高质量发展"
    assert engine.create_spelling_suggestion("新質生產力") == "新质生产力"
