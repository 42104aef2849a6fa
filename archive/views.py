"""Pages for readers: the archive's front page and the report reader."""
from django.db.models import Count
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render

from archive.models import Report


def home(request):
    years = (Report.objects.values("year").annotate(reports=Count("id")).order_by("-year"))
    latest = Report.objects.order_by("-created_at")[:10]
    return render(request, "archive/home.html", {"years": years, "latest": latest})


def report_detail(request, pk):
    report = get_object_or_404(Report, pk=pk)
    sections = list(report.sections.all())
    return render(request, "archive/report_detail.html", {
        "report": report,
        "sections": sections,
        "indicators": report.indicators.select_related("section"),
    })


def report_source(request, pk):
    """The original file as uploaded, for readers who want the document itself."""
    report = get_object_or_404(Report, pk=pk)
    if not report.source_file:
        raise Http404("这份报告没有保存原始文件")
    try:
        handle = report.source_file.open("rb")
    except FileNotFoundError as missing:
        raise Http404("原始文件缺失") from missing
    return FileResponse(handle, as_attachment=True, filename=report.source_name)
