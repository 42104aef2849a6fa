"""The naive path our index build is measured against.

What a tutorial would set up: haystack's own Whoosh backend, jieba's stock
ChineseAnalyzer on the document field, and haystack's update_index command over the
same search indexes (sections and report titles) and the same database.
"""
from __future__ import annotations

import time
from pathlib import Path

NAIVE = "naive"


def naive_index_seconds(path: Path) -> float:
    """Fill a naive index at ``path`` from the database; the seconds update_index took."""
    from django.core.management import call_command
    from haystack import connections
    from jieba.analyse import ChineseAnalyzer

    connections.connections_info[NAIVE] = {
        "ENGINE": "haystack.backends.whoosh_backend.WhooshEngine", "PATH": str(path)}
    analyzer = ChineseAnalyzer()
    list(analyzer("预热词典"))  # jieba loads its dictionary once: not indexing time
    for search_index in connections[NAIVE].get_unified_index().get_indexes().values():
        search_index.fields["text"].analyzer = analyzer
    start = time.perf_counter()
    call_command("update_index", using=[NAIVE], verbosity=0)
    return time.perf_counter() - start
