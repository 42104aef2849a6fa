"""An indicator followed across years: the list, one indicator's page, its CSV and its JSON.

Each view picks one *selection* — a name, a region (default: 国务院 if it has the name, else the
region with most years) and a measure (growth or level; default: the one with most years) — and
hands ``indicators.indicator_series.build_series`` the rows; the table, the chart, the CSV and the
JSON all show that same series.
"""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse

from archive.csv_export import csv_response, spreadsheet_text
from archive.models import Indicator
from indicators import indicator_series as series_lib
from indicators.charts import indicator_chart

JSON_OPTIONS = {"ensure_ascii": False}
MAX_PARAM = 64


@dataclass
class Selection:
    name: str
    region: str
    measure: str
    regions: list[dict]
    measures: list[dict]
    series: series_lib.Series
    region_has_data: bool

    def query(self, **changes) -> str:
        params = {"region": self.region, "measure": self.measure}
        params.update(changes)
        return "?" + urlencode({key: value for key, value in params.items() if value})


class BadParameter(ValueError):
    pass


def select(request, name: str) -> Selection:
    """The name, region and measure asked for, with the rows; Http404 for an unknown name."""
    regions = series_lib.regions_for(name)
    if not regions:
        raise Http404(f"没有名为“{name}”的指标")
    region = (request.GET.get("region") or "").strip()[:MAX_PARAM] or series_lib.default_region(regions)
    indicators = series_lib.indicators_for(name, region)
    measures = series_lib.measures_in(indicators)
    measure = (request.GET.get("measure") or "").strip()
    if measure and measure not in series_lib.MEASURES:
        raise BadParameter("measure 应为 growth（增速）或 level（总量）")
    measure = measure or series_lib.default_measure(measures)
    series = series_lib.build_series(indicators, name=name, region=region, measure=measure)
    return Selection(name=name, region=region, measure=measure, regions=regions, measures=measures,
                     series=series, region_has_data=bool(indicators))


# --- pages -------------------------------------------------------------------------------------

def indicator_index(request):
    summary = series_lib.indicator_summary()
    return render(request, "indicators/index.html", {
        "indicators": summary,
        "region_count": len({row["region"] for item in summary for row in item["regions"]}),
    })


# The same measure under the name a region writes and the name the State Council writes.
COUNTERPARTS = {"国内生产总值": "地区生产总值", "地区生产总值": "国内生产总值"}


def counterpart_link(name: str, region: str) -> dict | None:
    """Where a region's reports state this measure under its other name (a city's GDP is its
    地区生产总值), the link to that page."""
    other = COUNTERPARTS.get(name)
    if not other or not series_lib.indicators_for(other, region):
        return None
    return {"name": other, "url": reverse("indicators:detail", args=[other]) + "?" + urlencode(
        {"region": region})}


def indicator_detail(request, name):
    try:
        selection = select(request, name)
    except Http404:
        return not_found(request, name)
    except BadParameter as error:
        return render(request, "indicators/bad_request.html",
                      {"name": name, "error": str(error)}, status=400)
    series = selection.series
    base = reverse("indicators:detail", args=[name])
    return render(request, "indicators/detail.html", {
        "selection": selection,
        "series": series,
        "table": [present_line(line) for line in series.table()],
        "chart": indicator_chart(series, chart_id=f"chart-{selection.measure}"),
        "region_links": [
            {**row, "url": base + selection.query(region=row["region"], measure=""),
             "current": row["region"] == selection.region}
            for row in selection.regions],
        "measure_links": [
            {**row, "url": base + selection.query(measure=row["measure"]),
             "current": row["measure"] == selection.measure}
            for row in selection.measures],
        "csv_url": reverse("indicators:csv", args=[name]) + selection.query(),
        "json_url": reverse("indicators:api") + "?" + urlencode(
            {"name": name, "region": selection.region, "measure": selection.measure}),
        "gap_rules": GAP_RULES,
        "counterpart": None if selection.region_has_data else counterpart_link(name, selection.region),
    })


def present_line(line) -> dict:
    """A table line as the template wants it: a run of missing years, or a year's row."""
    if isinstance(line, series_lib.GapRun):
        return {"gap_run": line}
    gap = line.gap
    return {
        "year": line.year,
        "target": present_point(line.target),
        "actual": present_point(line.actual),
        "target_alternatives": [present_point(i) for i in line.target_alternatives],
        "actual_alternatives": [present_point(i) for i in line.actual_alternatives],
        "gap": gap,
    }


def present_point(indicator: Indicator | None) -> dict | None:
    """One number with what a reader needs to check it: the sentence and a link to it."""
    if indicator is None:
        return None
    report = indicator.report
    section = indicator.section
    return {
        "text": series_lib.written(indicator),
        "sentence": indicator.sentence,
        "url": indicator.get_absolute_url(),
        "source": f"{report.year}年{report.region}{report.get_kind_display()}",
        "section": section.display_heading if section is not None else "",
        "indicator": indicator,
    }


def not_found(request, name):
    """An unknown name: say so in Chinese, and offer names that share a part with it."""
    known = [item["name"] for item in series_lib.indicator_summary()]
    similar = [other for other in known if name and (name in other or other in name
               or len(set(name) & set(other)) >= max(2, len(set(name)) // 2))][:10]
    return render(request, "indicators/not_found.html",
                  {"name": name, "similar": similar, "known_count": len(known)}, status=404)


GAP_RULES = [
    "差距 = 实际完成 − 预期目标（区间取中点）；百分比指标以“个百分点”计，其余以目标的单位计（万亿元与亿元等自动换算）。",
    "目标写作“以上”“超过”：实际不低于目标为达到；写作“以内”“以下”：实际不高于目标为达到。降幅目标（负值，如能耗下降3%以上）方向相反。",
    "区间目标（如6%－6.5%）：实际落在区间内为达到。",
    "目标写作“左右”或只写一个数：百分比指标相差在±0.5个百分点以内、其他指标相差在目标的±2%以内为“基本持平”；超出时只说“高于目标”或“低于目标”，因为有的目标是上限（如居民消费价格涨幅），有的是下限（如国内生产总值）。",
]


# --- downloads ---------------------------------------------------------------------------------

CSV_HEADER = ["年度", "预期目标", "目标值", "目标上限", "目标单位", "目标限定", "实际完成", "实际值",
              "实际单位", "实际限定", "差距", "差距单位", "判断", "目标原句", "实际原句",
              "目标报告ID", "实际报告ID"]


def indicator_csv(request, name):
    try:
        selection = select(request, name)
    except Http404:
        return HttpResponse(f"没有名为“{name}”的指标", status=404, content_type="text/plain; charset=utf-8")
    except BadParameter as error:
        return HttpResponse(str(error), status=400, content_type="text/plain; charset=utf-8")
    rows = []
    for row in selection.series.rows:
        gap = row.gap
        target, actual = row.target, row.actual
        rows.append([
            row.year,
            series_lib.written(target),
            _csv_number(target.value) if target else "",
            _csv_number(target.value_high) if target and target.value_high is not None else "",
            target.unit if target else "",
            target.qualifier if target else "",
            series_lib.written(actual),
            _csv_number(actual.value) if actual else "",
            actual.unit if actual else "",
            actual.qualifier if actual else "",
            _csv_number(gap.value) if gap and gap.value is not None else "",
            gap.unit if gap and gap.value is not None else "",
            gap.label if gap else "",
            spreadsheet_text(target.sentence) if target else "",
            spreadsheet_text(actual.sentence) if actual else "",
            target.report_id if target else "",
            actual.report_id if actual else "",
        ])
    filename = f"{name}-{selection.region}-{selection.series.measure_label}.csv"
    return csv_response(filename, CSV_HEADER, rows)


def _csv_number(value: float) -> str:
    return series_lib.format_number(value).replace("−", "-")


def indicator_api(request):
    """``/api/indicators/`` lists the names; ``?name=`` gives one series (see README)."""
    name = (request.GET.get("name") or "").strip()[:MAX_PARAM]
    if not name:
        results = [{"name": item["name"], "years": item["years"],
                    "targets": item["targets"], "actuals": item["actuals"],
                    "regions": [row["region"] for row in item["regions"]]}
                   for item in series_lib.indicator_summary()]
        return JsonResponse({"count": len(results), "results": results}, json_dumps_params=JSON_OPTIONS)
    try:
        selection = select(request, name)
    except Http404:
        return JsonResponse({"error": f"没有名为“{name}”的指标"}, status=404,
                            json_dumps_params=JSON_OPTIONS)
    except BadParameter as error:
        return JsonResponse({"error": str(error)}, status=400, json_dumps_params=JSON_OPTIONS)
    return JsonResponse({
        "name": selection.name,
        "region": selection.region,
        "measure": selection.measure,
        "measures": [row["measure"] for row in selection.measures],
        "regions": [row["region"] for row in selection.regions],
        "series": [{"year": row.year, "target": _point(row.target), "actual": _point(row.actual)}
                   for row in selection.series.rows],
    }, json_dumps_params=JSON_OPTIONS)


def _point(indicator: Indicator | None):
    if indicator is None:
        return None
    return {"value": indicator.value, "value_high": indicator.value_high, "unit": indicator.unit,
            "qualifier": indicator.qualifier, "sentence": indicator.sentence,
            "report_id": indicator.report_id}
