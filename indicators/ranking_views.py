"""/indicators/<name>/?year=<y>: every region's target for the year, ranked; as a page, CSV and JSON."""
from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse

from archive.csv_export import csv_response, spreadsheet_text
from archive.regions import LEVEL_LABELS
from indicators import indicator_series as series_lib
from indicators.bar_chart import ranking_chart
from indicators.ranking import build_ranking, years_with_targets

JSON_OPTIONS = {"ensure_ascii": False}
FIRST_YEAR, LAST_YEAR = 1949, 2100


class BadRequest(ValueError):
    pass


def _selection(request, name: str):
    """The ranking asked for; BadRequest names what cannot be understood."""
    raw = (request.GET.get("year") or "").strip()
    if not raw.isdecimal() or not FIRST_YEAR <= int(raw) <= LAST_YEAR:
        raise BadRequest(f"参数 year 应为 {FIRST_YEAR}—{LAST_YEAR} 之间的年份：{raw[:20]}")
    measure = (request.GET.get("measure") or "").strip()
    if measure and measure not in series_lib.MEASURES:
        raise BadRequest("measure 应为 growth（增速）或 level（总量）")
    level = (request.GET.get("level") or "").strip()
    if level and level not in LEVEL_LABELS:
        raise BadRequest("level 应为 provincial（省级）或 local（市县）")
    return build_ranking(name, int(raw), measure, level)


def _query(ranking, **changes) -> str:
    params = {"year": ranking.year, "measure": ranking.measure, "level": ranking.level, **changes}
    return "?" + urlencode({key: value for key, value in params.items() if value})


def ranking_page(request, name):
    try:
        ranking = _selection(request, name)
    except BadRequest as error:
        return render(request, "indicators/bad_request.html",
                      {"name": name, "error": str(error)}, status=400)
    years = years_with_targets(name)
    base = reverse("indicators:detail", args=[name])
    return render(request, "indicators/ranking.html", {
        "ranking": ranking,
        "chart": ranking_chart(ranking),
        "years": [{"year": year, "url": base + _query(ranking, year=year, measure=""),
                   "current": year == ranking.year} for year in years[-12:]],
        "measures": [{"measure": m, "label": series_lib.MEASURE_LABELS[m],
                      "url": base + _query(ranking, measure=m), "current": m == ranking.measure}
                     for m in ranking.measures],
        "levels": [{"label": LEVEL_LABELS[level], "count": count,
                    "url": base + _query(ranking, level=level), "current": level == ranking.level}
                   for level, count in ranking.levels.items()],
        "series_url": base,
        "csv_url": reverse("indicators:csv", args=[name]) + _query(ranking),
        "json_url": reverse("indicators:api") + "?" + urlencode(
            {"name": name, "year": ranking.year, "measure": ranking.measure, "level": ranking.level}),
    }, status=200 if ranking.rows or ranking.reference else 404)


CSV_HEADER = ["排名", "地区", "本年目标", "目标中点", "单位", "上年实际", "上年目标", "目标原句", "报告ID"]


def ranking_csv(request, name):
    try:
        ranking = _selection(request, name)
    except BadRequest as error:
        return HttpResponse(str(error), status=400, content_type="text/plain; charset=utf-8")
    rows = ([row.rank or "", spreadsheet_text(row.region), series_lib.written(row.target),
             "" if row.value is None else series_lib.format_number(row.value).replace("−", "-"),
             ranking.unit if row.value is not None else "",
             series_lib.written(row.previous_actual), series_lib.written(row.previous_target),
             spreadsheet_text(row.target.sentence) if row.target else "",
             row.target.report_id if row.target else ""]
            for row in ranking.rows)
    return csv_response(f"{name}-{ranking.year}-各地区-{ranking.measure_label}.csv", CSV_HEADER, rows)


def ranking_api(request, name):
    try:
        ranking = _selection(request, name)
    except BadRequest as error:
        return JsonResponse({"error": str(error)}, status=400, json_dumps_params=JSON_OPTIONS)
    return JsonResponse({
        "name": ranking.name, "year": ranking.year, "measure": ranking.measure, "level": ranking.level,
        "unit": ranking.unit,
        "reference": _point(ranking.reference),
        "results": [{"rank": row.rank, "region": row.region, "value": row.value,
                     "target": _point(row.target), "previous_actual": _point(row.previous_actual),
                     "previous_target": _point(row.previous_target)} for row in ranking.rows],
    }, json_dumps_params=JSON_OPTIONS)


def _point(indicator):
    if indicator is None:
        return None
    return {"value": indicator.value, "value_high": indicator.value_high, "unit": indicator.unit,
            "qualifier": indicator.qualifier, "text": series_lib.written(indicator),
            "sentence": indicator.sentence, "report_id": indicator.report_id}
