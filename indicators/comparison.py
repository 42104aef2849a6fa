"""One report against another: sections aligned and diffed, terms, targets — as plain data.

The page and ``/api/compare/`` show the same dict, built once per pair of report versions and kept
in Django's cache (per process, local memory, unless ``CACHES`` says otherwise).
"""
from __future__ import annotations

from urllib.parse import urlencode

from django.core.cache import cache
from django.db.models import Count, Max
from django.urls import reverse

from archive.models import Report, Section
from indicators import indicator_series as series_lib
from indicators import terms as terms_lib
from indicators.alignment import Passage, align
from indicators.diff import DELETED, INSERTED, word_diff
from indicators.targets import CHANGE_LABELS, target_rows

CACHE_VERSION = 1
PAIRED, NEW, DROPPED = "paired", "new", "dropped"


def previous_report(report: Report) -> Report | None:
    """The same region's report of the same kind for the nearest earlier year."""
    return (Report.objects.filter(region=report.region, kind=report.kind, year__lt=report.year)
            .defer("text").order_by("-year", "pk").first())


def comparison(previous: Report, report: Report) -> dict:
    """The comparison, from the cache while neither report nor the region's earlier reports (whose
    words decide which terms are new) have changed."""
    earlier = (Report.objects.filter(region=report.region, kind=report.kind, year__lt=report.year)
               .aggregate(count=Count("id"), changed=Max("updated_at")))
    key = (f"indicators:compare:{CACHE_VERSION}:{previous.pk}:{previous.updated_at.timestamp()}:"
           f"{report.pk}:{report.updated_at.timestamp()}:{earlier['count']}:"
           f"{earlier['changed'].timestamp() if earlier['changed'] else ''}")
    data = cache.get(key)
    if data is None:
        data = build(previous, report)
        cache.set(key, data, None)
    return data


def build(previous: Report, report: Report) -> dict:
    old_sections = list(Section.objects.filter(report=previous))
    new_sections = list(Section.objects.filter(report=report))
    by_key = {section.pk: section for section in old_sections + new_sections}
    alignment = align([_passage(s) for s in old_sections], [_passage(s) for s in new_sections])
    partner = {new: (old, score) for old, new, score in alignment.pairs}
    sections = []
    for section in new_sections:
        if section.pk in partner:
            old_key, score = partner[section.pk]
            old = by_key[old_key]
            old_runs, new_runs, ratio = word_diff(old.text, section.text)
            sections.append({"status": PAIRED, "old": _section(old), "new": _section(section),
                             "score": score, "kept": round(ratio, 3),
                             "old_runs": old_runs, "new_runs": new_runs})
        else:
            sections.append({"status": NEW, "old": None, "new": _section(section), "score": None,
                             "kept": 0.0, "old_runs": [], "new_runs": [(INSERTED, section.text)]})
    for old_key in alignment.dropped:
        old = by_key[old_key]
        sections.append({"status": DROPPED, "old": _section(old), "new": None, "score": None,
                         "kept": 0.0, "old_runs": [(DELETED, old.text)], "new_runs": []})
    return {
        "a": _report(previous),
        "b": _report(report),
        "counts": {status: sum(1 for s in sections if s["status"] == status)
                   for status in (PAIRED, NEW, DROPPED)},
        "sections": sections,
        "terms": {"new": [_term(word, count, report) for word, count in terms_lib.new_terms(report)],
                  "dropped": [_term(word, count, previous)
                              for word, count in terms_lib.dropped_terms(previous, report)]},
        "targets": [_target_row(row) for row in target_rows(previous, report)],
    }


def _passage(section: Section) -> Passage:
    return Passage(section.pk, section.heading or section.display_heading, section.text)


def _report(report: Report) -> dict:
    return {"id": report.pk, "title": report.title, "region": report.region, "year": report.year,
            "kind": report.kind, "kind_label": report.get_kind_display(),
            "url": report.get_absolute_url()}


def _section(section: Section) -> dict:
    return {"id": section.pk, "heading": section.display_heading, "anchor": section.anchor,
            "level": section.level, "url": section.get_absolute_url()}


def _term(word: str, count: int, report: Report) -> dict:
    """A term with where to read it: its sentences in the report, and its trend."""
    return {"term": word, "count": count,
            "search_url": reverse("search:search") + "?" + urlencode({"q": word, "report": report.pk}),
            "trends_url": reverse("indicators:trends") + "?" + urlencode(
                {"q": word, "region": report.region})}


def _point(indicator) -> dict | None:
    if indicator is None:
        return None
    url = indicator.report.get_absolute_url()
    if indicator.section is not None:
        url += f"#{indicator.section.anchor}"
    return {"text": series_lib.written(indicator), "value": indicator.value,
            "value_high": indicator.value_high, "unit": indicator.unit,
            "qualifier": indicator.qualifier, "sentence": indicator.sentence, "url": url}


def _target_row(row) -> dict:
    return {"name": row.name, "measure": row.measure,
            "measure_label": series_lib.MEASURE_LABELS.get(row.measure, row.measure),
            "target": _point(row.target), "previous_target": _point(row.previous_target),
            "previous_actual": _point(row.previous_actual),
            "change": row.change, "change_label": CHANGE_LABELS[row.change]}
