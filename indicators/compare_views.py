"""/compare/?a=&b= and /api/compare/?a=&b=: thin views over indicators.comparison."""
from __future__ import annotations

from django.http import JsonResponse
from django.shortcuts import render

from archive.models import Report
from indicators.comparison import comparison, previous_report

JSON_OPTIONS = {"ensure_ascii": False}


class CompareError(Exception):
    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.message, self.status = message, status


def _report_id(request, name: str) -> int | None:
    raw = (request.GET.get(name) or "").strip()
    if not raw:
        return None
    if not raw.isdecimal() or len(raw) > 12:
        raise CompareError(f"参数 {name} 应为报告编号（正整数）：{raw[:20]}")
    return int(raw)


def _report(pk: int) -> Report:
    report = Report.objects.filter(pk=pk).defer("text").first()
    if report is None:
        raise CompareError(f"没有编号为 {pk} 的报告", status=404)
    return report


def pair(request) -> tuple[Report, Report]:
    """The two reports asked for; ``a`` defaults to the one of the year before ``b``."""
    a_id, b_id = _report_id(request, "a"), _report_id(request, "b")
    if b_id is None:
        raise CompareError("请指定要对比的报告：/compare/?b=报告编号（可加 a=另一份报告的编号）")
    report = _report(b_id)
    if a_id is None:
        previous = previous_report(report)
        if previous is None:
            raise CompareError(f"{report.region}没有早于{report.year}年的{report.get_kind_display()}，"
                               "无从对比", status=404)
        return previous, report
    if a_id == b_id:
        raise CompareError("请选择两份不同的报告")
    return _report(a_id), report


def compare_page(request):
    try:
        previous, report = pair(request)
    except CompareError as error:
        return render(request, "indicators/compare_error.html", {"message": error.message},
                      status=error.status)
    data = comparison(previous, report)
    return render(request, "indicators/compare.html", {
        "data": data, "previous": previous, "report": report,
        "same_region": previous.region == report.region,
        "others": Report.objects.filter(region=report.region).exclude(pk=report.pk)
                        .only("id", "year", "kind", "title", "region").order_by("-year"),
    })


def compare_api(request):
    try:
        previous, report = pair(request)
    except CompareError as error:
        return JsonResponse({"error": error.message}, status=error.status, json_dumps_params=JSON_OPTIONS)
    return JsonResponse(comparison(previous, report), json_dumps_params=JSON_OPTIONS)
