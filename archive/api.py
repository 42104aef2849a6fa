"""The JSON contract other tools and the pages build on: /api/reports/ and /api/reports/<id>/,
and the report list as CSV (/api/reports.csv)."""
from django.http import JsonResponse
from django.shortcuts import get_object_or_404

from archive.csv_export import csv_response, spreadsheet_text
from archive.models import Report

CSV_HEADER = ["ID", "年度", "地区", "类型", "标题", "报告日期", "网址"]


class BadFilter(ValueError):
    pass


def report_list(request):
    try:
        reports = filtered_reports(request)
    except BadFilter as error:
        return JsonResponse({"error": str(error)}, status=400)
    results = [report_summary(request, report) for report in reports]
    return JsonResponse({"count": len(results), "results": results},
                        json_dumps_params={"ensure_ascii": False})


def report_list_csv(request):
    """The same list as /api/reports/ (same filters), one report a row, for a spreadsheet."""
    try:
        reports = filtered_reports(request)
    except BadFilter as error:
        return JsonResponse({"error": str(error)}, status=400)
    rows = ([report.pk, report.year, spreadsheet_text(report.region), report.get_kind_display(),
             spreadsheet_text(report.title),
             report.delivered_on.isoformat() if report.delivered_on else "",
             request.build_absolute_uri(report.get_absolute_url())]
            for report in reports)
    return csv_response("政报档案-报告列表.csv", CSV_HEADER, rows)


def filtered_reports(request):
    """Reports matching ``region``, ``year`` and ``kind`` of the query string, list fields only."""
    reports = Report.objects.only(*SUMMARY_FIELDS)
    for field in ("region", "kind"):
        if request.GET.get(field):
            reports = reports.filter(**{field: request.GET[field]})
    if request.GET.get("year"):
        try:
            reports = reports.filter(year=int(request.GET["year"]))
        except ValueError:
            raise BadFilter("参数 year 应为整数") from None
    return reports


def report_detail(request, pk):
    report = get_object_or_404(Report, pk=pk)
    data = report_summary(request, report)
    data.update(meeting=report.meeting, speaker=report.speaker, office=report.office,
                sections=section_tree(request, report), indicators=indicator_list(report))
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


SUMMARY_FIELDS = ("id", "title", "region", "year", "kind", "delivered_on")


def report_summary(request, report):
    return {
        "id": report.pk,
        "title": report.title,
        "region": report.region,
        "year": report.year,
        "kind": report.kind,
        "delivered_on": report.delivered_on.isoformat() if report.delivered_on else None,
        "url": request.build_absolute_uri(report.get_absolute_url()),
    }


def section_tree(request, report):
    report_url = request.build_absolute_uri(report.get_absolute_url())
    nodes, roots = {}, []
    for section in report.sections.all():
        node = {"id": section.pk, "label": section.label, "heading": section.heading,
                "level": section.level, "anchor": section.anchor,
                "url": f"{report_url}#{section.anchor}", "text": section.text, "children": []}
        nodes[section.pk] = node
        siblings = nodes[section.parent_id]["children"] if section.parent_id else roots
        siblings.append(node)
    return roots


def indicator_list(report):
    return [
        {"name": indicator.name, "measure": indicator.measure, "value": indicator.value,
         "value_high": indicator.value_high, "unit": indicator.unit,
         "qualifier": indicator.qualifier, "kind": indicator.kind,
         "period_year": indicator.period_year, "sentence": indicator.sentence,
         "section_id": indicator.section_id}
        for indicator in report.indicators.all()
    ]
