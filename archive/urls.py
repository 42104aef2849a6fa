from django.urls import path

from archive import api, views

app_name = "archive"

urlpatterns = [
    path("", views.home, name="home"),
    path("reports/<int:pk>/", views.report_detail, name="report"),
    path("reports/<int:pk>/source/", views.report_source, name="report-source"),
    path("api/reports/", api.report_list, name="api-reports"),
    path("api/reports/<int:pk>/", api.report_detail, name="api-report"),
]
