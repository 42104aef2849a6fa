from django.apps import AppConfig
from django.db.models.signals import post_delete


class ArchiveConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "archive"
    verbose_name = "报告档案"

    def ready(self):
        from archive.models import Report
        from archive.storage import delete_original

        post_delete.connect(delete_original, sender=Report, dispatch_uid="archive-delete-original")
