"""Search pages and JSON: thin wrappers around search.services."""
from django.http import JsonResponse
from django.shortcuts import render

from archive.api import report_summary
from archive.models import Report
from search import services
from search.params import SORTS, SearchParams

KIND_LABELS = dict(Report.Kind.choices)


def search_page(request):
    params = SearchParams.from_query(request.GET)
    results = services.search(params)
    return render(request, "search/results.html", {
        "params": params,
        "results": results,
        "facets": _facet_links(params, results),
        "sorts": [(key, label, params.urlencode(sort=key)) for key, label in SORTS.items()],
        "page_links": {"previous": params.urlencode(page=params.page - 1),
                       "next": params.urlencode(page=params.page + 1)},
    }, status=400 if params.errors else 200)


def search_api(request):
    params = SearchParams.from_query(request.GET)
    results = services.search(params)
    payload = {
        "query": results.query_text,
        "count": results.count,
        "page": params.page,
        "pages": results.page_count,
        "notes": results.notes,
        "results": [_hit_json(request, hit) for hit in results.hits],
        "facets": {name: {str(value): count for value, count in counts}
                   for name, counts in results.facets.items()},
    }
    if params.errors:
        payload["errors"] = list(params.errors)
    return JsonResponse(payload, status=400 if params.errors else 200,
                        json_dumps_params={"ensure_ascii": False})


def trends_api(request):
    region = (request.GET.get("region") or "").strip()[:64]
    return JsonResponse(services.term_trend(request.GET.get("q") or "", region),
                        json_dumps_params={"ensure_ascii": False})


def _hit_json(request, hit):
    report = report_summary(request, hit.report)
    section = None
    if hit.section is not None:
        section = {"id": hit.section.pk, "heading": hit.section.display_heading,
                   "path": hit.heading, "url": request.build_absolute_uri(hit.url)}
    return {"report": {key: report[key] for key in ("id", "title", "region", "year", "kind", "url")},
            "section": section, "snippet": hit.snippet, "score": round(hit.score, 4)}


def _facet_links(params, results):
    """Each facet value with its count and the URL that toggles it."""
    labels = {"year": lambda v: f"{v}年", "region": str, "kind": lambda v: KIND_LABELS.get(v, v)}
    facets = {}
    for name, counts in results.facets.items():
        current = getattr(params, name)
        facets[name] = [{
            "label": labels[name](value), "count": count, "active": value == current,
            "url": params.urlencode(**{name: None if value == current else value}) if name == "year"
            else params.urlencode(**{name: "" if value == current else value}),
        } for value, count in counts]
    return facets
