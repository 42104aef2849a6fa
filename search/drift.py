"""Compare the search index with the database, the source of truth."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from haystack.constants import DJANGO_CT, DJANGO_ID
from whoosh.filedb.filestore import FileStorage
from whoosh.index import EmptyIndexError

from archive.models import Report, Section
from search.errors import DAMAGE, IndexMissing, IndexUnavailable, check_layout, index_errors
from search.indexing import backend, index_report, model_ct, unified_index, unindex_report
from search.rebuild import rebuild


@dataclass
class Drift:
    reports_missing: set[int] = field(default_factory=set)   # in the database only
    reports_extra: set[int] = field(default_factory=set)     # in the index only
    sections_missing: set[int] = field(default_factory=set)
    sections_extra: set[int] = field(default_factory=set)
    affected_reports: set[int] = field(default_factory=set)  # whose documents need redoing

    def __bool__(self):
        return bool(self.affected_reports)

    def repair(self) -> None:
        """Re-index each affected report that still exists; drop the documents of the rest."""
        existing = set(Report.objects.filter(pk__in=self.affected_reports).values_list("pk", flat=True))
        for report in Report.objects.filter(pk__in=existing):
            index_report(report)
        for report_id in self.affected_reports - existing:
            unindex_report(report_id)


def indexed_documents() -> int | None:
    """How many documents the Whoosh index on disk holds; None under another engine.

    Reads the folder itself, because the backend quietly creates an empty index where
    there is none. Raises IndexMissing or IndexUnavailable (unreadable).
    """
    engine = backend()
    if not getattr(engine, "use_file_storage", False):
        return None
    missing = f"搜索索引不存在 (search index missing at {engine.path})"
    if not Path(engine.path).is_dir():
        raise IndexMissing(missing)
    try:
        index = FileStorage(engine.path).open_index()
        check_layout(index.schema, engine.build_schema(unified_index().all_searchfields())[1])
        with index.reader() as reader:
            return reader.doc_count()
    except EmptyIndexError as error:
        raise IndexMissing(missing) from error
    except DAMAGE as error:
        raise IndexUnavailable(
            f"搜索索引无法读取 (search index unreadable at {engine.path}: {error!r})") from error


def find_drift() -> Drift:
    """Raises IndexUnavailable when the index is missing or unreadable."""
    indexed_documents()
    with index_errors():
        return _compare_with_database()


def replace_unusable_index(progress=None) -> int:
    """Build the index again from the database, in place of a missing or damaged one."""
    return rebuild(progress)


def _compare_with_database() -> Drift:
    report_ct, section_ct = model_ct(Report), model_ct(Section)
    reports = set(Report.objects.values_list("pk", flat=True))
    sections = dict(Section.objects.values_list("pk", "report_id"))
    drift = Drift()
    indexed = {report_ct: set(), section_ct: set()}
    for fields in backend().searcher().all_stored_fields():
        pk = int(fields[DJANGO_ID])
        indexed.setdefault(fields[DJANGO_CT], set()).add(pk)
        known = reports if fields[DJANGO_CT] == report_ct else sections
        if pk not in known:
            (drift.reports_extra if fields[DJANGO_CT] == report_ct else drift.sections_extra).add(pk)
            drift.affected_reports.add(fields["report_id"])
    drift.reports_missing = reports - indexed[report_ct]
    drift.sections_missing = set(sections) - indexed[section_ct]
    drift.affected_reports |= drift.reports_missing
    drift.affected_reports |= {sections[pk] for pk in drift.sections_missing}
    return drift
