"""Store a parsed report: one transaction, so a failure leaves nothing behind."""
from __future__ import annotations

import hashlib
import os
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction

from archive.models import Indicator, Report, Section
from archive.signals import StoreBlocked, report_stored
from archive.storage import DiskFull, refusing_when_disk_full
from archive.parsing.document import ParsedReport, ReportMetadata, UnreadableDocument
from archive.parsing.pipeline import IncompleteMetadata, parse_report, section_anchors

CREATED, REPLACED, UNCHANGED = "created", "replaced", "unchanged"

MAX_NAME_BYTES = 100  # of a stored file name: the folder's own name limit is 255 bytes


class UnusableMetadata(ValueError):
    """Metadata that cannot be stored as given; the message says what to change."""


# What a caller catches to tell the user why a file was refused.
ImportRefused = (UnreadableDocument, IncompleteMetadata, UnusableMetadata, StoreBlocked, DiskFull)


@dataclass
class ImportOutcome:
    report: Report
    status: str  # CREATED, REPLACED or UNCHANGED


def safe_filename(name: str) -> str:
    """The last part of an uploaded name, so ``../../x.txt`` cannot leave the uploads folder.

    Control characters go (a NUL cannot be in a path), and a long name is cut, keeping its
    extension, so that it still fits the file system once stored with a suffix.
    """
    base = PurePath(name.replace("\\", "/")).name
    base = "".join(ch for ch in base if ch.isprintable()).strip().lstrip(".") or "report"
    stem, suffix = os.path.splitext(base)
    if len(suffix) > 10:
        stem, suffix = base, ""
    while len((stem + suffix).encode()) > MAX_NAME_BYTES:
        stem = stem[:-1]
    return (stem or "report") + suffix


def check_region(region: str) -> None:
    """Refuse a region that cannot name a folder of the uploads and a URL (/regions/<region>/)."""
    only_dots = bool(region) and not region.strip(".")
    if only_dots or any(ch in "/\\" or unicodedata.category(ch)[0] == "C" for ch in region):
        raise UnusableMetadata(
            "地区名称不能包含 / 或 \\、控制字符，也不能只是圆点；请填写地区全称，如 晋江市、国务院")


def check_size(size: int) -> None:
    """Refuse a file of ``size`` bytes over ARCHIVE_MAX_UPLOAD_BYTES (before reading it, where possible)."""
    if size > settings.ARCHIVE_MAX_UPLOAD_BYTES:
        raise UnreadableDocument(f"{too_large(size)}；请拆分文件或另存为 .txt 后再导入")


def too_large(size: int) -> str:
    """The limit in the MB the README and settings count in (2**20 bytes: 20 MB, not 21)."""
    megabyte = 1024 * 1024
    return (f"文件过大：{size / megabyte:.1f} MB，上限为 "
            f"{settings.ARCHIVE_MAX_UPLOAD_BYTES / megabyte:g} MB")


def import_report(data: bytes, filename: str, given: ReportMetadata | None = None) -> ImportOutcome:
    """Parse ``data`` and store it as a report, replacing an earlier version of the same report.

    The same content imported again changes nothing. Raises one of ImportRefused with a
    message for the user; then nothing has been stored.
    """
    check_size(len(data))
    content_hash = hashlib.sha256(data).hexdigest()
    duplicate = Report.objects.filter(content_hash=content_hash).first()
    if duplicate is not None:
        return ImportOutcome(duplicate, UNCHANGED)

    parsed = parse_report(data, filename, given)
    check_region(parsed.metadata.region)
    with refusing_when_disk_full():
        try:
            return _store(data, filename, parsed, content_hash)
        except IntegrityError:
            # A concurrent import stored the same report between our look-up and our insert
            # (PostgreSQL lets both look up first): it exists now, so this one replaces it.
            return _store(data, filename, parsed, content_hash)


def _store(data: bytes, filename: str, parsed: ParsedReport, content_hash: str) -> ImportOutcome:
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
    with refusing_when_disk_full(), transaction.atomic():
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
