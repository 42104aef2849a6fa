"""What the search index holds: one document per section, one per report title.

Sections are the unit of a hit (as openparliament indexes statements, not whole
debates): a hit lands on the paragraph-sized passage a reader wants, and snippets
are cut from a short text rather than a whole report.
"""
from haystack import indexes

from archive.models import Report, Section
from search.fields import ChineseTextField, ExactField


class ArchiveDocument(indexes.SearchIndex):
    """Fields every document has; the report's facets are copied on so filters need no join."""

    text = ChineseTextField(document=True)
    heading = ExactField(indexed=False)          # where a hit stands: 二、… › （三）…
    anchor = ExactField(indexed=False)           # the section's permalink fragment
    report_id = indexes.IntegerField()
    region = ExactField()
    kind = ExactField()
    year = indexes.IntegerField()

    def _report(self, obj):
        raise NotImplementedError

    def prepare_report_id(self, obj):
        return self._report(obj).pk

    def prepare_region(self, obj):
        return self._report(obj).region

    def prepare_kind(self, obj):
        return self._report(obj).kind

    def prepare_year(self, obj):
        return self._report(obj).year


class SectionIndex(ArchiveDocument, indexes.Indexable):
    def get_model(self):
        return Section

    def index_queryset(self, using=None):
        return Section.objects.select_related("report", "parent")

    def _report(self, obj):
        return obj.report

    def prepare_text(self, obj):
        return section_text(obj)

    def prepare_heading(self, obj):
        return heading_path(obj)

    def prepare_anchor(self, obj):
        return obj.anchor


class ReportIndex(ArchiveDocument, indexes.Indexable):
    def get_model(self):
        return Report

    def _report(self, obj):
        return obj

    def prepare_text(self, obj):
        return report_text(obj)

    def prepare_heading(self, obj):
        return ""

    def prepare_anchor(self, obj):
        return ""


def section_text(section) -> str:
    """What a section's document says: its heading, then its text."""
    return f"{section.display_heading}\n{section.text}" if section.heading else section.text


def report_text(report) -> str:
    """What a report title's document says."""
    return f"{report.title}\n{report.region} {report.year}年 {report.meeting}".strip()


def heading_path(section) -> str:
    """二、2025年工作安排 › （三）… : where the section stands in its report."""
    parts = []
    node = section
    while node is not None:
        if node.heading or node.label:
            parts.append(node.display_heading)
        node = node.parent
    return " › ".join(reversed(parts))
