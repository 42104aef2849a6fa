"""Search pages and JSON: thin wrappers around search.services."""
import html
from functools import wraps

from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.html import strip_tags

from archive.api import report_summary
from archive.csv_export import csv_response, spreadsheet_text
from archive.models import Report
from search import services
from search.errors import MESSAGE, IndexUnavailable, index_errors
from search.histogram import year_histogram
from search.params import SORTS, SearchParams

CSV_ROWS = 500  # the first hits of a search, in its order
CSV_HEADER = ["年度", "地区", "类型", "报告", "章节", "摘录", "链接"]

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
    facets = _facet_links(params, results)
    return render(request, "search/results.html", {
        "params": params,
        "results": results,
        "facets": facets,
        "histogram": year_histogram(facets.get("year", []), lambda entry: entry["value"]),
        "scope": _scope(params),
        "sorts": [(key, label, params.urlencode(sort=key)) for key, label in SORTS.items()],
        "page_links": {"previous": params.urlencode(page=min(params.page - 1, results.page_count)),
                       "next": params.urlencode(page=params.page + 1),
                       "last": params.urlencode(page=results.page_count)},
        "csv_link": params.urlencode(),
    }, status=400 if params.errors else 200)


@unavailable_as_503()
def search_csv(request):
    """The first CSV_ROWS hits of a search as a spreadsheet (archive.csv_export)."""
    params = SearchParams.from_query(request.GET).with_changes(page=1)
    if params.errors:
        return HttpResponse("\n".join(params.errors), status=400,
                            content_type="text/plain; charset=utf-8")
    with index_errors():
        results = services.search(params, page_size=CSV_ROWS)
    rows = ([hit.report.year, spreadsheet_text(hit.report.region), hit.report.get_kind_display(),
             spreadsheet_text(hit.report.title), spreadsheet_text(hit.heading),
             spreadsheet_text(html.unescape(strip_tags(hit.snippet))),
             request.build_absolute_uri(hit.url)] for hit in results.hits)
    return csv_response("search-results.csv", CSV_HEADER, rows)


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


def _hit_json(request, hit):
    report = report_summary(request, hit.report)
    section = None
    if hit.section is not None:
        section = {"id": hit.section.pk, "heading": hit.section.display_heading,
                   "path": hit.heading, "url": request.build_absolute_uri(hit.url)}
    return {"report": {key: report[key] for key in ("id", "title", "region", "year", "kind", "url")},
            "section": section, "snippet": hit.snippet, "score": round(hit.score, 4)}


def _scope(params):
    """What the search is limited to, each with the link that lifts that limit."""
    scope = []
    if params.report:
        report = Report.objects.filter(pk=params.report).only("title", "year", "region").first()
        if report:
            scope.append({"label": f"在《{report.full_title}》中检索",
                          "lift": params.urlencode(report=None), "lift_label": "检索全部报告"})
    if params.year:
        scope.append({"label": f"仅 {params.year} 年", "lift": params.urlencode(year=None),
                      "lift_label": "所有年份"})
    if params.region:
        scope.append({"label": f"仅 {params.region}", "lift": params.urlencode(region=""),
                      "lift_label": "所有地区"})
    if params.kind:
        scope.append({"label": f"仅{KIND_LABELS.get(params.kind, params.kind)}",
                      "lift": params.urlencode(kind=""), "lift_label": "所有类型"})
    return scope


def _facet_links(params, results):
    """Each facet value with its count and the URL that toggles it."""
    labels = {"year": lambda v: f"{v}年", "region": str, "kind": lambda v: KIND_LABELS.get(v, v)}
    facets = {}
    for name, counts in results.facets.items():
        current = getattr(params, name)
        facets[name] = [{
            "value": value, "label": labels[name](value), "count": count, "active": value == current,
            "url": params.urlencode(**{name: None if value == current else value}) if name == "year"
            else params.urlencode(**{name: "" if value == current else value}),
        } for value, count in counts]
    return facets
