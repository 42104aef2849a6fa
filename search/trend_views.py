"""/trends/: how often terms appear year by year — a chart and a table over search.services.term_trend."""
from __future__ import annotations

import re
from urllib.parse import urlencode

from django.db.models import Count
from django.shortcuts import render
from django.urls import reverse

from archive.charts import trend_chart
from archive.models import Report
from search import services
from search.errors import index_errors
from search.views import unavailable_as_503

MAX_TERMS = 5
MAX_REGION = 64
EXAMPLES = ("新质生产力,高质量发展", "数字经济,人工智能", "脱贫攻坚,乡村振兴", "改革开放")
_SEPARATORS = re.compile(r"[,，、;；]+")


def split_terms(q: str) -> list[str]:
    """``新质生产力，高质量发展`` → two terms: commas (also full-width), 、 and ; separate; repeats go."""
    terms = []
    for term in _SEPARATORS.split(q or ""):
        term = term.strip()
        if term and term not in terms:
            terms.append(term)
    return terms


@unavailable_as_503()
def trends_page(request):
    q = (request.GET.get("q") or "").strip()
    region = (request.GET.get("region") or "").strip()[:MAX_REGION]
    terms = split_terms(q)
    notes = []
    if len(terms) > MAX_TERMS:
        dropped = terms[MAX_TERMS:]
        terms = terms[:MAX_TERMS]
        notes.append(f"一次最多比较 {MAX_TERMS} 个词，已略去：{'、'.join(dropped)}。")
    regions = list(Report.objects.values("region").annotate(reports=Count("id"))
                   .order_by("region"))
    region_known = not region or any(row["region"] == region for row in regions)

    results = []
    for term in terms:
        with index_errors():
            trend = services.term_trend(term, region)
        total = sum(point["count"] for point in trend["series"])
        results.append({"term": term, "query": trend["query"], "notes": trend["notes"],
                        "series": trend["series"], "total": total})
        notes += [f"“{term}”：{note}" for note in trend["notes"]]
    unused = [result["term"] for result in results if result["total"] == 0]

    years = sorted({point["year"] for result in results for point in result["series"]})
    table = []
    for year in years:
        cells, sections = [], 0
        for result in results:
            point = next((p for p in result["series"] if p["year"] == year), None)
            if point:
                sections = point["sections"]
            params = {"q": result["term"], "year": year, **({"region": region} if region else {})}
            cells.append({"count": point["count"] if point else 0,
                          "share": f"{point['share'] * 100:.1f}" if point else "0",  # 22.7%
                          "url": f"{reverse('search:search')}?{urlencode(params)}"})
        table.append({"year": year, "sections": sections, "cells": cells})

    used = [result for result in results if result["total"] > 0]
    chart = trend_chart([{"label": result["term"],
                          "points": [(p["year"], p["share"] * 100) for p in result["series"]]}
                         for result in used], region=region) if used else ""
    return render(request, "search/trends.html", {
        "q": q,
        "region": region,
        "region_known": region_known,
        "regions": regions,
        "terms": terms,
        "results": results,
        "unused": unused,
        "notes": notes,
        "table": table,
        "chart": chart,
        "examples": EXAMPLES,
        "max_terms": MAX_TERMS,
    })
