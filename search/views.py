"""Search pages and JSON: thin wrappers around search.services."""
from functools import wraps

from django.http import JsonResponse
from django.shortcuts import render

from archive.api import report_summary
from archive.models import Report
from search import services
from search.errors import MESSAGE, IndexUnavailable, index_errors
from search.params import SORTS, SearchParams

KIND_LABELS = dict(Report.Kind.choices)
RETRY_AFTER_SECONDS = 60


def unavailable_as_503(json=False):
    """A view whose index is missing or damaged answers 503 with a Chinese message, not a 500."""
    def decorate(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            try:
                return view(request, *args, **kwargs)
            except IndexUnavailable:
                if json:
                    response = JsonResponse({"error": MESSAGE}, status=503,
                                            json_dumps_params={"ensure_ascii": False})
                else:
                    response = render(request, "search/unavailable.html",
                                      {"message": MESSAGE}, status=503)
                response["Retry-After"] = str(RETRY_AFTER_SECONDS)
                return response
        return wrapper
    return decorate


@unavailable_as_503()
def search_page(request):
    params = SearchParams.from_query(request.GET)
    with index_errors():
        results = services.search(params)
    return render(request, "search/results.html", {
        "params": params,
        "results": results,
        "facets": _facet_links(params, results),
        "sorts": [(key, label, params.urlencode(sort=key)) for key, label in SORTS.items()],
        "page_links": {"previous": params.urlencode(page=params.page - 1),
                       "next": params.urlencode(page=params.page + 1)},
    }, status=400 if params.errors else 200)


@unavailable_as_503(json=True)
def search_api(request):
    params = SearchParams.from_query(request.GET)
    with index_errors():
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


@unavailable_as_503(json=True)
def trends_api(request):
    region = (request.GET.get("region") or "").strip()[:64]
    with index_errors():
        trend = services.term_trend(request.GET.get("q") or "", region)
    return JsonResponse(trend, json_dumps_params={"ensure_ascii": False})


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
