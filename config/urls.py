from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.static import serve

from archive import views

admin.site.site_header = admin.site.site_title = "政报档案管理"
admin.site.index_title = "站点管理"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("favicon.ico", views.favicon),
    path("", include("archive.urls")),
    path("", include("search.urls")),
    path("", include("indicators.urls")),
]

if settings.DEBUG:
    urlpatterns.append(path(f"{settings.MEDIA_URL}<path:path>", serve,
                            {"document_root": settings.MEDIA_ROOT}))

handler400 = "config.errors.bad_request"
handler403 = "config.errors.permission_denied"
handler404 = "config.errors.page_not_found"
handler500 = "config.errors.server_error"
