"""haystack's own field types on our engine, with Chinese text, through SearchQuerySet.

A search index of the indicators of a small report uses every haystack field type (text,
edge n-grams, n-grams, float, integer, date, datetime, boolean, several values); each is
searched, filtered, sorted or faceted the way haystack documents it.
"""
import threading
from datetime import date, timedelta

import pytest
from haystack import connections, indexes
from haystack.exceptions import SkipDocument
from haystack.query import SearchQuerySet
from haystack.utils.loading import UnifiedIndex
from whoosh.fields import BOOLEAN, DATETIME, KEYWORD, NGRAM, NGRAMWORDS, NUMERIC, TEXT

from archive.importing import import_report
from archive.models import Indicator
from search.backend import IndexBusy
from search.codec import CompactPositions
from tests.conftest import search_index_at
from tests.documents import docx_bytes

pytestmark = pytest.mark.django_db


class IndicatorIndex(indexes.SearchIndex, indexes.Indexable):
    text = indexes.CharField(document=True, model_attr="sentence")
    name = indexes.CharField(model_attr="name", faceted=True)
    name_auto = indexes.EdgeNgramField(model_attr="name")
    name_ngram = indexes.NgramField(model_attr="name")
    value = indexes.FloatField(model_attr="value")
    period_year = indexes.IntegerField(model_attr="period_year")
    delivered_on = indexes.DateField(model_attr="report__delivered_on")
    imported_at = indexes.DateTimeField(model_attr="report__created_at")
    is_target = indexes.BooleanField()
    labels = indexes.MultiValueField()

    def get_model(self):
        return Indicator

    def prepare_is_target(self, obj):
        return obj.kind == Indicator.Kind.TARGET

    def prepare_labels(self, obj):
        return [obj.report.region, obj.get_kind_display()]


class SkippingIndicatorIndex(IndicatorIndex):
    def prepare_text(self, obj):
        if obj.kind == Indicator.Kind.ACTUAL:
            raise SkipDocument
        return obj.sentence


@pytest.fixture
def report(tmp_path):
    return import_report(docx_bytes(), "report.docx").report


def _use(index, path):
    connection = connections["default"]
    unified = UnifiedIndex()
    unified.build(indexes=[index])
    connection._index = unified
    engine = connection.get_backend()
    engine.setup()
    return engine


@pytest.fixture
def engine(report, tmp_path):
    """Our engine over a fresh index of IndicatorIndex (the archive's own indexes set aside)."""
    connection = connections["default"]
    archive_indexes = connection.get_unified_index()
    with search_index_at(tmp_path / "indicators"):
        engine = _use(IndicatorIndex(), tmp_path)
        engine.update(IndicatorIndex(), Indicator.objects.select_related("report"))
        yield engine
        connection._index = archive_indexes


def test_each_field_type_maps_to_its_whoosh_field(engine):
    schema = engine.schema
    expected = {"text": TEXT, "name": TEXT, "name_auto": NGRAMWORDS, "name_ngram": NGRAM,
                "value": NUMERIC, "period_year": NUMERIC, "delivered_on": DATETIME,
                "imported_at": DATETIME, "is_target": BOOLEAN, "labels": KEYWORD}
    for name, field_class in expected.items():
        assert isinstance(schema[name], field_class), name
    assert isinstance(schema["text"].format, CompactPositions)  # packed, as our word fields


def test_text_is_cut_into_chinese_words(engine):
    sentences = set(Indicator.objects.values_list("sentence", flat=True))
    found = SearchQuerySet().filter(content="地区生产总值")
    assert found.count() and all("地区生产总值" in r.text for r in found)
    # traditional characters find simplified text; a word inside a sentence is found alone
    assert {r.text for r in SearchQuerySet().auto_query("地區生產總值")} == {r.text for r in found}
    assert {r.text for r in SearchQuerySet().filter(content="就业")} == {
        s for s in sentences if "就业" in s}


def test_highlight_marks_chinese_words(engine):
    results = SearchQuerySet().filter(content="就业").highlight()
    assert results.count()
    for result in results:
        assert "<em>就业</em>" in result.highlighted["text"][0]


def test_numbers_dates_and_booleans_filter_and_sort(engine):
    targets = Indicator.objects.filter(kind=Indicator.Kind.TARGET)
    assert {int(r.pk) for r in SearchQuerySet().filter(is_target=True)} == set(
        targets.values_list("pk", flat=True))
    values = sorted(Indicator.objects.values_list("value", flat=True))
    middle = values[len(values) // 2]
    assert sorted(r.value for r in SearchQuerySet().filter(value__gte=middle)) == [
        v for v in values if v >= middle]
    assert [r.value for r in SearchQuerySet().order_by("value")] == values
    delivered = Indicator.objects.first().report.delivered_on
    assert SearchQuerySet().filter(delivered_on=delivered).count() == Indicator.objects.count()
    day = timedelta(days=1)
    assert SearchQuerySet().filter(delivered_on__gte=delivered + day).count() == 0
    assert SearchQuerySet().filter(delivered_on__range=(delivered - day, delivered + day)).count()
    assert [r.pk for r in SearchQuerySet().order_by("-imported_at", "-value")] == [
        str(i.pk) for i in Indicator.objects.order_by("-report__created_at", "-value")]


def test_date_facets_count_by_month(engine):
    delivered = Indicator.objects.first().report.delivered_on
    facets = SearchQuerySet().date_facet("delivered_on", start_date=date(delivered.year, 1, 1),
                                         end_date=date(delivered.year + 1, 1, 1),
                                         gap_by="month").facet_counts()
    counts = dict(facets["dates"]["delivered_on"])
    month = next(start for (start, _), n in counts.items() if n)
    assert (month.year, month.month) == (delivered.year, delivered.month)
    assert sum(counts.values()) == Indicator.objects.count()


def test_field_facets_and_several_values(engine, report):
    facets = SearchQuerySet().facet("name").facet_counts()["fields"]["name"]
    assert dict(facets) == {name: Indicator.objects.filter(name=name).count()
                            for name in Indicator.objects.values_list("name", flat=True)}
    assert SearchQuerySet().filter(labels=report.region).count() == Indicator.objects.count()
    assert SearchQuerySet().filter(labels=Indicator.Kind.TARGET.label).count() == Indicator.objects.filter(
        kind=Indicator.Kind.TARGET).count()


def test_autocomplete_by_the_beginning_of_a_word(engine):
    names = set(Indicator.objects.values_list("name", flat=True))
    beginning = sorted(names)[0][:2]
    assert {r.name for r in SearchQuerySet().autocomplete(name_auto=beginning)} == {
        name for name in names if any(word.startswith(beginning) for word in [name])}
    middle = sorted(names)[0][1:3]
    assert SearchQuerySet().filter(name_ngram=middle).count()


def test_skip_document_leaves_the_object_out(report, tmp_path):
    connection = connections["default"]
    archive_indexes = connection.get_unified_index()
    with search_index_at(tmp_path / "skipping"):
        try:
            engine = _use(SkippingIndicatorIndex(), tmp_path)
            engine.update(SkippingIndicatorIndex(), Indicator.objects.select_related("report"))
            assert {int(r.pk) for r in SearchQuerySet()} == set(
                Indicator.objects.filter(kind=Indicator.Kind.TARGET).values_list("pk", flat=True))
        finally:
            connection._index = archive_indexes


def _hold_lock(engine, seconds: float) -> threading.Thread:
    """Another writer holding the index's lock for ``seconds``."""
    held = threading.Event()

    def hold():
        writer = engine.index.writer()
        held.set()
        threading.Event().wait(seconds)
        writer.cancel()

    thread = threading.Thread(target=hold)
    thread.start()
    held.wait()
    return thread


@pytest.mark.parametrize("operation, empties", [
    (lambda engine: engine.clear(models=[Indicator]), True),
    (lambda engine: engine.clear(), True),
    (lambda engine: engine.delete_index(), True),
    (lambda engine: engine.optimize(), False),
], ids=["clear-models", "clear", "delete_index", "optimize"])
def test_maintenance_waits_for_the_lock_then_gives_up(engine, operation, empties):
    count = Indicator.objects.count()
    engine.lock_timeout = 5
    holder = _hold_lock(engine, 0.5)
    operation(engine)  # waits for the other writer, then does its work
    holder.join()
    assert engine.index.refresh().doc_count() == (0 if empties else count)
    engine.lock_timeout = 0.2
    holder = _hold_lock(engine, 2)
    try:
        with pytest.raises(IndexBusy):
            operation(engine)
    finally:
        holder.join()
