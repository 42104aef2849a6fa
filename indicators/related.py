"""Related passages: the sections of other reports that say most nearly what one section says.

More-like-this on the search index (search.similar, through haystack's SearchQuerySet): the
section's key terms weighed by BM25, the section's own report left out, so that the list
shows where else — another year, another region — the same thing was said. Answers are
cached per section and index generation; a new report or edit makes a new generation.
"""
from __future__ import annotations

from django.core.cache import cache
from haystack.query import SearchQuerySet

from archive.models import Section
from search.errors import index_errors
from search.indexing import backend

RELATED_COUNT = 5


def related_sections(section: Section, count: int = RELATED_COUNT) -> list[Section]:
    """Up to ``count`` sections of other reports, the most similar first."""
    with index_errors():
        generation = backend().searcher().reader().generation()
        key = f"related:{section.pk}:{generation}:{count}"
        ids = cache.get(key)
        if ids is None:
            results = (SearchQuerySet().models(Section).more_like_this(section)
                       .exclude(report_id=section.report_id)[:count])
            ids = [int(result.pk) for result in results]
            cache.set(key, ids)
    found = Section.objects.select_related("report").defer("report__text").in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]
