"""Store a parsed report: one transaction, so a failure leaves nothing behind."""
from __future__ import annotations

import hashlib
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction

from archive.models import Indicator, Report, Section
from archive.signals import report_stored
from archive.parsing.document import ParsedReport, ReportMetadata, UnreadableDocument
from archive.parsing.pipeline import IncompleteMetadata, parse_report, section_anchors

CREATED, REPLACED, UNCHANGED = "created", "replaced", "unchanged"

# What a caller catches to tell the user why a file was refused.
ImportRefused = (UnreadableDocument, IncompleteMetadata)


@dataclass
class ImportOutcome:
    report: Report
    status: str  # CREATED, REPLACED or UNCHANGED


def safe_filename(name: str) -> str:
    """The last part of an uploaded name, so ``../../x.txt`` cannot leave the uploads folder."""
    base = PurePath(name.replace("\\", "/")).name.strip().lstrip(".")
    return base or "report"


def import_report(data: bytes, filename: str, given: ReportMetadata | None = None) -> ImportOutcome:
    """Parse ``data`` and store it as a report, replacing an earlier version of the same report.

    The same content imported again changes nothing. Raises one of ImportRefused with a
    message for the user; then nothing has been stored.
    """
    limit = settings.ARCHIVE_MAX_UPLOAD_BYTES
    if len(data) > limit:
        raise UnreadableDocument(
            f"文件过大：{len(data) / 1e6:.1f} MB，上限 {limit / 1e6:.0f} MB (file too large)")
    content_hash = hashlib.sha256(data).hexdigest()
    duplicate = Report.objects.filter(content_hash=content_hash).first()
    if duplicate is not None:
        return ImportOutcome(duplicate, UNCHANGED)

    parsed = parse_report(data, filename, given)
    meta = parsed.metadata
    with _removing_file_on_failure() as stored_files, transaction.atomic():
        report = (Report.objects.select_for_update()
                  .filter(region=meta.region, year=meta.year, kind=meta.kind, title=meta.title)
                  .first())
        status = CREATED if report is None else REPLACED
        old_file = report.source_file.name if report is not None else ""
        report = report or Report()
        _apply_metadata(report, meta)
        report.text = parsed.text
        report.content_hash = content_hash
        report.source_name = safe_filename(filename)
        report.source_file.save(report.source_name, ContentFile(data), save=False)
        stored_files.append(report.source_file.name)
        report.save()
        store_structure(report, parsed)
        report_stored.send(sender=Report, report=report)
        if old_file and old_file != report.source_file.name:
            transaction.on_commit(lambda: report.source_file.storage.delete(old_file))
    return ImportOutcome(report, status)


def reparse_report(report: Report) -> Report:
    """Parse the stored original again, keeping the report's (possibly corrected) metadata."""
    with report.source_file.open("rb") as handle:
        data = handle.read()
    given = ReportMetadata(title=report.title, region=report.region, year=report.year,
                           kind=report.kind, delivered_on=report.delivered_on,
                           meeting=report.meeting, speaker=report.speaker, office=report.office)
    parsed = parse_report(data, report.source_name, given)
    with transaction.atomic():
        report.text = parsed.text
        report.save()
        store_structure(report, parsed)
        report_stored.send(sender=Report, report=report)
    return report


def store_structure(report: Report, parsed: ParsedReport) -> None:
    """Replace the report's sections and indicators with the parsed ones."""
    report.sections.all().delete()
    report.indicators.all().delete()
    anchors = section_anchors(parsed.sections)
    stored: list[Section] = []

    def visit(nodes, parent):
        for node in nodes:
            section = Section.objects.create(
                report=report, parent=parent, order=len(stored), level=node.level,
                label=node.label, style=node.style, heading=node.heading, text=node.text,
                anchor=anchors[id(node)])
            stored.append(section)
            visit(node.children, section)

    visit(parsed.sections, None)
    Indicator.objects.bulk_create(
        Indicator(report=report,
                  section=stored[fact.section_index] if 0 <= fact.section_index < len(stored) else None,
                  name=fact.name, measure=fact.measure, value=fact.value,
                  value_high=fact.value_high, unit=fact.unit, qualifier=fact.qualifier,
                  kind=fact.kind, period_year=fact.period_year, sentence=fact.sentence,
                  order=position)
        for position, fact in enumerate(parsed.indicators))


def _apply_metadata(report: Report, meta: ReportMetadata) -> None:
    for name in ("title", "region", "year", "kind", "delivered_on", "meeting", "speaker", "office"):
        setattr(report, name, getattr(meta, name))


@contextmanager
def _removing_file_on_failure():
    """Delete files stored during a block that then failed (the database rolls back itself)."""
    names: list[str] = []
    try:
        yield names
    except BaseException:
        for name in names:
            default_storage.delete(name)
        raise
