"""Keep the search index in step with the database.

Receivers run inside the transaction that changed a report: if the index cannot be
written, the exception rolls the database change back, so the two never drift.
"""
from django.db import transaction
from haystack import connections
from haystack.utils import get_model_ct

from archive.models import Report, Section


def backend():
    return connections["default"].get_backend()


def unified_index():
    return connections["default"].get_unified_index()


def report_documents(report: Report) -> list[tuple]:
    """(search index, object) for the report's title and each of its sections.

    Sections get their report and parent from memory, so heading paths cost no queries.
    """
    sections = list(report.sections.all())
    by_pk = {section.pk: section for section in sections}
    for section in sections:
        section.report = report
        if section.parent_id:
            section.parent = by_pk[section.parent_id]
    indexes = unified_index()
    section_index = indexes.get_index(Section)
    return [(indexes.get_index(Report), report), *((section_index, s) for s in sections)]


def index_report(report: Report) -> None:
    """Replace every document of ``report`` in one commit; merge small segments afterwards."""
    engine = backend()
    engine.replace_report(report.pk, report_documents(report))
    transaction.on_commit(engine.merge_small_segments, robust=True)


def unindex_report(report_id: int) -> None:
    engine = backend()
    engine.remove_report(report_id)
    transaction.on_commit(engine.merge_small_segments, robust=True)


def on_report_stored(sender, report, **kwargs):
    index_report(report)


def on_report_deleted(sender, instance, **kwargs):
    unindex_report(instance.pk)


def model_ct(model) -> str:
    return get_model_ct(model)
