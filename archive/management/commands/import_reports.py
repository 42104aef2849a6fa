"""Import report files (.txt, .docx, .pdf) or folders of them.

A folder may hold a ``manifest.json`` mapping file names to metadata for files whose
header has none (newspaper pages, headerless texts); options given on the command
line win over both.
"""
import datetime
import json
import os
import time
from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from archive.importing import CREATED, REPLACED, UNCHANGED, ImportRefused, check_size, import_report
from archive.models import Report
from archive.parsing.document import ReportMetadata

REPORT_SUFFIXES = {".txt", ".docx", ".pdf"}
MANIFEST_NAME = "manifest.json"
FAILED = "failed"
SUMMARY_ORDER = (CREATED, REPLACED, UNCHANGED, FAILED)


class Command(BaseCommand):
    help = "Import government report files or folders of them into the archive."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path, help="files or folders")
        parser.add_argument("--region", default="", help="e.g. 晋江市, 国务院")
        parser.add_argument("--year", type=int, help="the year the report plans for")
        parser.add_argument("--kind", default="", choices=["", *Report.Kind.values])
        parser.add_argument("--title", default="")
        parser.add_argument("--nice", type=int, default=10,
                            help="lower this command's CPU priority by so much (0: not at all), so "
                                 "that the readers of a live site on the same machine come first")

    def handle(self, *args, paths, region, year, kind, title, nice, **options):
        if nice > 0:
            os.nice(nice)
        given = ReportMetadata(region=region, year=year, kind=kind, title=title)
        files = list(self._files(paths))
        started = time.monotonic()
        counts = Counter()
        for position, (path, manifest_entry) in enumerate(files, start=1):
            counter = f"[{position}/{len(files)}]"
            hints = given.merged_over(manifest_entry)
            try:
                check_size(path.stat().st_size)  # a huge file is refused unread
                outcome = import_report(path.read_bytes(), path.name, hints)
            except ImportRefused as error:
                counts[FAILED] += 1
                self.stderr.write(f"{counter} {path}: {error}")
                continue
            counts[outcome.status] += 1
            report = outcome.report
            self.stdout.write(
                f"{counter} {outcome.status:9} #{report.pk} {report.region} {report.year} "
                f"{report.get_kind_display()} 《{report.title}》 "
                f"sections={report.sections.count()} indicators={report.indicators.count()} "
                f"({path.name})")
        summary = ", ".join(f"{counts[status]} {status}" for status in SUMMARY_ORDER)
        self.stdout.write(f"{len(files)} file(s) in {time.monotonic() - started:.1f} s: {summary}")
        if counts[FAILED]:
            raise CommandError(f"{counts[FAILED]} file(s) could not be imported; see above")

    def _files(self, paths):
        """(file, manifest metadata) for each report file named or inside a named folder."""
        for path in paths:
            if path.is_dir():
                manifest = _read_manifest(path / MANIFEST_NAME)
                for child in sorted(path.iterdir()):
                    if child.is_file() and child.suffix.lower() in REPORT_SUFFIXES:
                        yield child, manifest.get(child.name, ReportMetadata())
            elif path.is_file():
                manifest = _read_manifest(path.parent / MANIFEST_NAME)
                yield path, manifest.get(path.name, ReportMetadata())
            else:
                raise CommandError(f"{path}: no such file or folder")


def _read_manifest(path: Path) -> dict[str, ReportMetadata]:
    if not path.exists():
        return {}
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))
        return {name: _metadata(fields) for name, fields in entries.items()}
    except (ValueError, TypeError, AttributeError) as error:
        raise CommandError(f"{path}: not a valid manifest ({error})") from error


def _metadata(fields: dict) -> ReportMetadata:
    fields = dict(fields)
    if fields.get("delivered_on"):
        fields["delivered_on"] = datetime.date.fromisoformat(fields["delivered_on"])
    return ReportMetadata(**fields)
