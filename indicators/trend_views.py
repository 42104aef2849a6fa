"""/trends/ and /api/trends/: terms year by year, counted per report (indicators.trends)."""
from __future__ import annotations

import re
from urllib.parse import urlencode

from django.db.models import Count
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse

from archive.models import Report
from indicators import trends
from indicators.charts import TREND_STYLES, trend_chart

MAX_TERM_LENGTH = 50
MAX_LINES = len(TREND_STYLES)
MAX_REGION = 64
ALL_REGIONS = "全部"
NATIONAL = "国务院"
EXAMPLES = ("新质生产力,高质量发展", "数字经济,人工智能", "脱贫攻坚,乡村振兴", "改革开放")
_SEPARATORS = re.compile(r"[,，、;；]+")


def split_terms(q: str) -> list[str]:
    """``新质生产力，高质量发展`` → two terms: commas (also full-width), 、 and ; separate; repeats go."""
    terms = []
    for term in _SEPARATORS.split(q or ""):
        term = term.strip()[:MAX_TERM_LENGTH]
        if term and term not in terms:
            terms.append(term)
    return terms


def regions_asked(request, known: set[str]) -> tuple[list[str], list[str]]:
    """(regions, notes): the ``region`` values (several compare), 全部 for all; default 国务院."""
    asked = [value.strip()[:MAX_REGION] for value in request.GET.getlist("region") if value.strip()]
    if ALL_REGIONS in asked:
        return [], []
    default = [NATIONAL] if NATIONAL in known else []
    regions, notes = [], []
    for region in dict.fromkeys(asked):
        if region in known:
            regions.append(region)
        else:
            notes.append(f"还没有收录{region}的政府工作报告，已略去。")
    return regions or default, notes


def trend_lines(terms: list[str], regions: list[str]) -> list[dict]:
    """One line per term, or per term and region when several regions are compared."""
    groups = [[region] for region in regions] if len(regions) > 1 else [regions]
    lines = []
    for group in groups:
        texts = list(trends.reports_of(group))
        for term in terms:
            label = term if len(groups) == 1 else f"{term}·{group[0]}"
            lines.append({"term": term, "regions": group, "label": label,
                          "counts": trends.term_counts(term, texts)})
    return lines


def _request(request):
    known = set(Report.objects.filter(kind=Report.Kind.WORK_REPORT)
                .values_list("region", flat=True).distinct())
    terms = split_terms(request.GET.get("q") or "")
    regions, notes = regions_asked(request, known)
    measure = request.GET.get("measure") or trends.DENSITY
    if measure not in trends.MEASURES:
        notes.append("measure 应为 density（每万字提及次数）或 share（提到该词的报告占比），已按 density 显示。")
        measure = trends.DENSITY
    lines_wanted = len(terms) * max(1, len(regions))
    if lines_wanted > MAX_LINES:
        notes.append(f"一次最多比较 {MAX_LINES} 条线（词 × 地区），已略去多出的部分。")
        if len(regions) > 1:
            regions = regions[:max(1, MAX_LINES // max(1, len(terms)))]
        terms = terms[:max(1, MAX_LINES // max(1, len(regions)))]
    lines = trend_lines(terms, regions)[:MAX_LINES] if terms else []
    return terms, regions, measure, notes, lines


def trends_page(request):
    terms, regions, measure, notes, lines = _request(request)
    years = sorted({count.year for line in lines for count in line["counts"]})
    table = []
    for year in years:
        cells = []
        for line in lines:
            count = next((c for c in line["counts"] if c.year == year), None)
            params = {"q": line["term"], "year": year,
                      **({"region": line["regions"][0]} if len(line["regions"]) == 1 else {})}
            cells.append({"count": count, "url": f"{reverse('search:search')}?{urlencode(params)}"})
        table.append({"year": year, "cells": cells})
    for line in lines:
        line["total"] = sum(count.mentions for count in line["counts"])
    used = [line for line in lines if line["total"]]
    label = trends.MEASURES[measure]
    chart = trend_chart([{"label": line["label"],
                          "points": [(c.year, c.value(measure)) for c in line["counts"]]}
                         for line in used], measure=label,
                        region="、".join(regions) or "全部地区") if used else ""
    region_counts = (Report.objects.filter(kind=Report.Kind.WORK_REPORT).values("region")
                     .annotate(reports=Count("id")).order_by("region"))
    return render(request, "indicators/trends.html", {
        "q": request.GET.get("q") or "",
        "terms": terms, "regions": regions, "all_regions": not regions,
        "region_counts": region_counts, "measure": measure, "measure_label": label,
        "measures": [{"measure": key, "label": text, "current": key == measure,
                      "url": "?" + _query(request, measure=key)}
                     for key, text in trends.MEASURES.items()],
        "lines": lines, "unused": [line["label"] for line in lines if not line["total"]],
        "notes": notes, "table": table, "chart": chart, "examples": EXAMPLES,
        "max_lines": MAX_LINES,
        "api_url": reverse("indicators:api-trends") + "?" + _query(request),
    })


def _query(request, **changes) -> str:
    params = request.GET.copy()
    for key, value in changes.items():
        params[key] = value
    return params.urlencode()


def trends_api(request):
    terms, regions, measure, notes, lines = _request(request)
    return JsonResponse({
        "query": terms, "regions": regions or "all", "notes": notes,
        "counted": "mentions per 10,000 characters and share of work reports mentioning the term",
        "lines": [{"term": line["term"], "regions": line["regions"] or "all", "series": [
            {"year": c.year, "reports": c.reports, "mentioning": c.mentioning, "share": c.share,
             "mentions": c.mentions, "chars": c.chars, "per_10k": c.per_10k}
            for c in line["counts"]]} for line in lines],
    }, json_dumps_params={"ensure_ascii": False})
