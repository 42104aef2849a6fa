from django.urls import path

from archive import api, views

app_name = "archive"

urlpatterns = [
    path("", views.home, name="home"),
    path("years/", views.year_index, name="years"),
    path("years/<int:year>/", views.year_detail, name="year"),
    path("regions/", views.region_index, name="regions"),
    path("regions/<str:region>/", views.region_detail, name="region"),
    path("reports/<int:pk>/", views.report_detail, name="report"),
    path("reports/<int:pk>/source/", views.report_source, name="report-source"),
    path("api/reports/", api.report_list, name="api-reports"),
    path("api/reports.csv", api.report_list_csv, name="api-reports-csv"),
    path("api/reports/<int:pk>/", api.report_detail, name="api-report"),
]
