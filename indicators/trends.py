"""How often a term is used, year by year, counted per report rather than per section.

Counting the share of sections that mention a term made a report cut into many small sections look
like a sudden drop, and a report of one section count 100 %. Here each year of a set of regions
(default 国务院) gives two measures over its 政府工作报告:

* mentions per 10,000 characters: every occurrence of the term in the reports' full texts, over
  their length — how much the reports talk about it;
* the share of reports that mention it at least once — how widely it is used that year.

An occurrence is the term as written (and its simplified form) inside the text, so 质量发展 is also
counted inside 高质量发展; no search operators apply here.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from archive.models import Report
from search.analysis import normalize

DENSITY, SHARE = "density", "share"
MEASURES = {DENSITY: "每万字提及次数", SHARE: "提到该词的报告占比（%）"}
PER = 10_000


@dataclass(frozen=True)
class YearCount:
    year: int
    reports: int
    mentioning: int
    mentions: int
    chars: int

    @property
    def per_10k(self) -> float:
        return round(self.mentions * PER / self.chars, 3) if self.chars else 0.0

    @property
    def share(self) -> float:
        return round(self.mentioning / self.reports, 4) if self.reports else 0.0

    def value(self, measure: str) -> float:
        return self.per_10k if measure == DENSITY else self.share * 100


def occurrences(text: str, term: str) -> int:
    forms = {term, normalize(term)}
    return sum(text.count(form) for form in forms if form)


def reports_of(regions: list[str]):
    """(year, text) of the work reports of ``regions`` (all regions when empty)."""
    reports = Report.objects.filter(kind=Report.Kind.WORK_REPORT)
    if regions:
        reports = reports.filter(region__in=regions)
    return reports.values_list("year", "text")


def term_counts(term: str, texts) -> list[YearCount]:
    """One ``YearCount`` per year of ``texts`` (pairs of year and full text), in year order."""
    totals = defaultdict(lambda: [0, 0, 0, 0])  # reports, mentioning, mentions, chars
    for year, text in texts:
        found = occurrences(text, term)
        total = totals[year]
        total[0] += 1
        total[1] += found > 0
        total[2] += found
        total[3] += len(text)
    return [YearCount(year, *totals[year]) for year in sorted(totals)]
