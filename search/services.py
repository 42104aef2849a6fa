"""Searching sections and report titles: what the views and the JSON API share."""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from urllib.parse import urlencode

from haystack.constants import DJANGO_CT, DJANGO_ID
from whoosh.query import And, NumericRange, Term

from archive.models import Report, Section
from config import deadline
from search import bulk
from search.facets import FACETS, facet_column, facet_counts
from search.highlighting import highlight
from search.indexing import backend, model_ct
from search.params import SearchParams
from search.querying import parse_user_query
from search.search_indexes import report_text, section_text

PAGE_SIZE = 20


@dataclass
class Hit:
    report: Report
    section: Section | None
    heading: str
    snippet: str  # HTML: escaped text with <mark> around matches
    score: float
    query: str = ""  # as understood, for the reader to mark

    @property
    def url(self) -> str:
        return self.section.get_absolute_url() if self.section else self.report.get_absolute_url()

    @property
    def marked_url(self) -> str:
        """The reader with the query's words marked (?q=), at the section of the hit."""
        if not self.query:
            return self.url
        report_url, _, anchor = self.url.partition("#")
        return f"{report_url}?{urlencode({'q': self.query})}" + (f"#{anchor}" if anchor else "")


@dataclass
class SearchResults:
    params: SearchParams
    hits: list[Hit] = field(default_factory=list)
    count: int = 0
    facets: dict[str, list[tuple]] = field(default_factory=lambda: {name: [] for name in FACETS})
    notes: list[str] = field(default_factory=list)
    query_text: str = ""
    excluded_by: list[str] = field(default_factory=list)  # filters that leave nothing to find
    page_size: int = PAGE_SIZE

    @property
    def page_count(self) -> int:
        return max(1, math.ceil(self.count / self.page_size))

    @property
    def past_the_end(self) -> bool:
        return self.count > 0 and self.params.page > self.page_count


def search(params: SearchParams, page_size: int = PAGE_SIZE) -> SearchResults:
    """Run ``params`` against the index; an empty or unusable query gives no hits, never an error.

    A request with a parameter that could not be understood is not run: its errors are
    its notes. One pass over the matching documents (search.bulk) scores them all; they
    are ranked or sorted, the facets are counted from that same set, and the page is a
    slice of it.
    """
    parsed = parse_user_query(params.q)
    excluded_by = _filter_notes(params)
    results = SearchResults(params=params, notes=[*params.errors, *parsed.notes, *excluded_by],
                            query_text=parsed.text, excluded_by=excluded_by, page_size=page_size)
    if parsed.query is None or params.errors:
        return results
    searcher = backend().searcher()
    match = And([parsed.query, *filters(params)]) if params.is_filtered else parsed.query
    matched = bulk.search(searcher, match.normalize())
    if params.sort in ("newest", "oldest"):
        matched = matched.sorted_by(facet_column(searcher, "year"), descending=params.sort == "newest")
    else:
        matched = matched.ranked()
    deadline.check()
    results.count = len(matched.docnums)
    if results.past_the_end:
        results.notes.append(f"第 {params.page} 页超出范围：共 {results.page_count} 页")
    counts = facet_counts(searcher, matched.docnums)
    results.facets = {name: _facet_counts(counts[name], name) for name in FACETS}
    page = slice((params.page - 1) * page_size, params.page * page_size)
    results.hits = _hits(searcher, list(zip(matched.docnums[page].tolist(),
                                            matched.scores[page].tolist())), parsed.terms, parsed.text)
    return results


def _filter_notes(params: SearchParams) -> list[str]:
    """Why filters that exclude each other, or a region with no reports, find nothing."""
    notes = []
    if params.year_from and params.year_to and params.year_from > params.year_to:
        notes.append(f"起始年份 {params.year_from} 晚于截止年份 {params.year_to}，没有报告能同时满足")
    if params.year and not (params.year_from or 0) <= params.year <= (params.year_to or 9999):
        notes.append(f"年份 {params.year} 不在所选的年份范围内")
    if params.region and not Report.objects.filter(region=params.region).exists():
        notes.append(f"档案中没有“{params.region}”的报告（地区请写全称，如 晋江市、国务院）")
    if params.report and not Report.objects.filter(pk=params.report).exists():
        notes.append(f"档案中没有编号为 {params.report} 的报告")
    return notes


def filters(params: SearchParams) -> list:
    found = []
    if params.year:
        found.append(Term("year", params.year))
    if params.year_from or params.year_to:
        found.append(NumericRange("year", params.year_from, params.year_to))
    if params.region:
        found.append(Term("region", params.region))
    if params.kind:
        found.append(Term("kind", params.kind))
    if params.report:
        found.append(Term("report_id", params.report))
    return found


def _facet_counts(groups: dict, name: str) -> list[tuple]:
    items = [(int(value) if name == "year" else value, count)
             for value, count in groups.items() if value not in (None, "")]
    if name == "year":
        return sorted(items, reverse=True)
    return sorted(items, key=lambda item: (-item[1], item[0]))


def _hits(searcher, page: list[tuple[int, float]], terms: list[str], query: str) -> list[Hit]:
    stored = [(searcher.stored_fields(docnum), score) for docnum, score in page]
    section_ct = model_ct(Section)
    section_ids = [int(f[DJANGO_ID]) for f, _ in stored if f[DJANGO_CT] == section_ct]
    sections = Section.objects.in_bulk(section_ids)
    reports = Report.objects.defer("text").in_bulk(  # the full text is long and unused here
        {f["report_id"] for f, _ in stored})
    hits = []
    for fields, score in stored:
        deadline.check()
        report = reports.get(fields["report_id"])
        section = sections.get(int(fields[DJANGO_ID])) if fields[DJANGO_CT] == section_ct else None
        if report is None or (fields[DJANGO_CT] == section_ct and section is None):
            continue  # deleted since the searcher opened; the index catches up on refresh
        if section is not None:
            section.report = report
        text = section_text(section) if section is not None else report_text(report)
        hits.append(Hit(report=report, section=section, heading=fields.get("heading", ""),
                        snippet=highlight(text, terms), score=score, query=query))
    return hits
