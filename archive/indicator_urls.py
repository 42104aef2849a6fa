"""Indicators followed across years, and term trends (pages, CSV, JSON)."""
from django.urls import path

from archive import indicator_views
from search import trend_views

app_name = "indicators"

urlpatterns = [
    path("indicators/", indicator_views.indicator_index, name="index"),
    path("indicators/<path:name>.csv", indicator_views.indicator_csv, name="csv"),
    path("indicators/<path:name>/", indicator_views.indicator_detail, name="detail"),
    path("api/indicators/", indicator_views.indicator_api, name="api"),
    path("trends/", trend_views.trends_page, name="trends"),
]
