"""/sections/<id>/related/ and /api/sections/<id>/related/: thin views over indicators.related."""
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.text import Truncator

from archive.models import Section
from indicators.related import related_sections
from search.views import unavailable_as_503

EXCERPT_CHARS = 160


@unavailable_as_503()
def related_page(request, pk):
    section = get_object_or_404(Section.objects.select_related("report"), pk=pk)
    return render(request, "indicators/related.html", {
        "section": section,
        "related": [{"section": other, "excerpt": _excerpt(other)}
                    for other in related_sections(section)],
    })


@unavailable_as_503(json=True)
def related_api(request, pk):
    section = get_object_or_404(Section.objects.select_related("report"), pk=pk)
    results = [{
        "id": other.pk,
        "heading": other.display_heading,
        "report": {"id": other.report.pk, "title": other.report.full_title,
                   "region": other.report.region, "year": other.report.year},
        "url": request.build_absolute_uri(other.get_absolute_url()),
        "excerpt": _excerpt(other),
    } for other in related_sections(section)]
    return JsonResponse({"section": {"id": section.pk, "heading": section.display_heading,
                                     "url": request.build_absolute_uri(section.get_absolute_url())},
                         "results": results}, json_dumps_params={"ensure_ascii": False})


def _excerpt(section: Section) -> str:
    return Truncator(" ".join(section.text.split())).chars(EXCERPT_CHARS)
