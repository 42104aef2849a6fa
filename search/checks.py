"""Start-up check: warn when the search index cannot serve the reports the database holds."""
from django.apps import apps
from django.core.checks import Warning, register
from django.db import DatabaseError

from archive.models import Report
from search.drift import indexed_documents
from search.errors import IndexMissing, IndexUnavailable

HINT = "Run `manage.py check_index --repair` (it rebuilds the index from the database)."


@register("search")
def search_index_check(app_configs=None, **kwargs):
    if app_configs is not None and apps.get_app_config("search") not in app_configs:
        return []
    try:
        has_reports = Report.objects.exists()
    except DatabaseError:
        return []  # not migrated yet: nothing to search either
    try:
        documents = indexed_documents()
    except IndexMissing as problem:
        return [Warning(str(problem), hint=HINT, id="search.W001")] if has_reports else []
    except IndexUnavailable as problem:
        return [Warning(str(problem), hint=HINT, id="search.W001")]
    if documents == 0 and has_reports:
        return [Warning("搜索索引是空的，而数据库中有报告",
                        hint=HINT, id="search.W002")]
    return []
