"""Indicators across years and regions, comparisons, term trends and feeds (pages, CSV, JSON, Atom).

A section's related passages of other years and regions are more-like-this on the search index
(``/sections/<id>/related/``, ``/api/sections/<id>/related/``).
"""
from django.urls import path

from indicators import compare_views, feeds, indicator_views, related_views, trend_views, views
from search.views import unavailable_as_503

app_name = "indicators"

urlpatterns = [
    path("indicators/", indicator_views.indicator_index, name="index"),
    path("indicators/<path:name>.csv", views.indicator_csv, name="csv"),
    path("indicators/<path:name>/", views.indicator_detail, name="detail"),
    path("api/indicators/", views.indicator_api, name="api"),
    path("compare/", compare_views.compare_page, name="compare"),
    path("api/compare/", compare_views.compare_api, name="api-compare"),
    path("sections/<int:pk>/related/", related_views.related_page, name="related"),
    path("api/sections/<int:pk>/related/", related_views.related_api, name="api-related"),
    path("trends/", trend_views.trends_page, name="trends"),
    path("api/trends/", trend_views.trends_api, name="api-trends"),
    path("feeds/reports/", feeds.ReportsFeed(), name="feed-reports"),
    path("feeds/reports/<str:region>/", feeds.ReportsFeed(), name="feed-region"),
    path("feeds/search/", unavailable_as_503()(feeds.SearchFeed()), name="feed-search"),
]
