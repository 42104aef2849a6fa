"""The indicator URLs that answer two questions: with ``year=`` every region in that year
(indicators.ranking_views), without it one region across years (indicators.indicator_views)."""
from indicators import indicator_views, ranking_views


def _by_year(ranking_view, series_view):
    def view(request, *args, **kwargs):
        chosen = ranking_view if "year" in request.GET else series_view
        return chosen(request, *args, **kwargs)
    view.__doc__ = f"{ranking_view.__name__} with ?year=, else {series_view.__name__}"
    return view


indicator_detail = _by_year(ranking_views.ranking_page, indicator_views.indicator_detail)
indicator_csv = _by_year(ranking_views.ranking_csv, indicator_views.indicator_csv)


def indicator_api(request):
    name = (request.GET.get("name") or "").strip()[:indicator_views.MAX_PARAM]
    if name and "year" in request.GET:
        return ranking_views.ranking_api(request, name)
    return indicator_views.indicator_api(request)
