"""Indicators followed across years, and term trends (pages, CSV, JSON)."""
from django.urls import path

app_name = "indicators"

urlpatterns: list = []  # filled by the indicator pages (issue 4)
