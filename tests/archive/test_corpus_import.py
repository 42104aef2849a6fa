"""The real corpus goes in whole: 52 State Council reports and 31 provincial .docx files."""
import csv
import io

import pytest
from django.core.management import call_command

from archive.models import Report

pytestmark = [pytest.mark.django_db, pytest.mark.corpus]


def import_folder(folder, **options):
    out = io.StringIO()
    call_command("import_reports", str(folder), stdout=out, stderr=io.StringIO(), **options)
    return out.getvalue()


def test_every_national_report_imports(national_dir):
    files = sorted(national_dir.glob("*.txt"))
    import_folder(national_dir, region="国务院")
    reports = Report.objects.filter(region="国务院")
    assert sorted(reports.values_list("year", flat=True)) == sorted(
        int(path.name[:4]) for path in files)
    for report in reports.filter(year__gte=1978):
        numbered = report.sections.filter(parent=None).exclude(style__in=["preamble", "glossary"])
        assert numbered.count() >= 2, f"{report.year}: top-level sections not found"


def test_every_provincial_report_imports_with_region_and_sections(provincial_dir):
    with open(provincial_dir / "FILES.tsv", encoding="utf-8") as table:
        regions = {row["file"]: row["region"] for row in csv.DictReader(table, delimiter="\t")}
    import_folder(provincial_dir)
    assert Report.objects.count() == len(regions) == 31
    for name, region in regions.items():
        report = Report.objects.get(source_name=name)
        # FILES.tsv says 广西, 内蒙古…; the archive keeps the full official name
        assert report.region.startswith(region) and report.year == 2025, name
        top = report.sections.filter(parent=None).exclude(style__in=["preamble", "glossary"])
        assert top.count() >= 2, name
    with_gdp_target = Report.objects.filter(
        indicators__name="地区生产总值", indicators__kind="target",
        indicators__period_year=2025, indicators__measure="growth").distinct()
    assert with_gdp_target.count() >= 25
