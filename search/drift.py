"""Compare the search index with the database, the source of truth."""
from __future__ import annotations

from dataclasses import dataclass, field

from haystack.constants import DJANGO_CT, DJANGO_ID

from archive.models import Report, Section
from search.indexing import backend, index_report, model_ct, unindex_report


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


def find_drift() -> Drift:
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
