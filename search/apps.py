from django.apps import AppConfig
from django.db.models.signals import post_delete


class SearchConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "search"
    verbose_name = "全文检索"

    def ready(self):
        from archive.models import Report
        from archive.signals import report_stored
        from search import checks, indexing  # noqa: F401 (checks registers the start-up check)

        report_stored.connect(indexing.on_report_stored, dispatch_uid="search-index-report")
        post_delete.connect(indexing.on_report_deleted, sender=Report,
                            dispatch_uid="search-unindex-report")
