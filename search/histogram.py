"""The year facet as a histogram: one bar per year of the span the hits cover.

Openparliament shows hits per year this way; a list of thirty-odd year lines pushes the
other facets off the screen. Years without hits inside the span keep their (empty) place,
so gaps read as gaps. The bars are drawn as inline SVG by the template, each a link that
filters to its year.
"""
from __future__ import annotations

from dataclasses import dataclass

BAR_WIDTH = 10   # viewBox units per year, a gap included
BAR_HEIGHT = 60
MIN_YEARS = 12   # the narrowest span drawn, so that one year is a bar, not a block


@dataclass(frozen=True)
class Bar:
    year: int
    count: int
    x: int
    y: float
    height: float
    url: str      # the query string that filters to this year, or back to all years
    active: bool


@dataclass(frozen=True)
class Histogram:
    bars: list[Bar]
    width: int
    height: int = BAR_HEIGHT

    @property
    def first(self) -> int:
        return self.bars[0].year

    @property
    def last(self) -> int:
        return self.bars[-1].year


def year_histogram(facet: list[dict], year_of) -> Histogram | None:
    """Bars for the year facet's entries ({"count", "url", "active"}); ``year_of`` reads an
    entry's year. None when there is nothing to draw."""
    by_year = {year_of(entry): entry for entry in facet if entry["count"]}
    if not by_year:
        return None
    first, last = min(by_year), max(by_year)
    tallest = max(entry["count"] for entry in by_year.values())
    bars = []
    for offset, year in enumerate(range(first, last + 1)):
        entry = by_year.get(year)
        count = entry["count"] if entry else 0
        height = round(BAR_HEIGHT * count / tallest, 1) if count else 0
        if count:
            height = max(height, 2)   # one hit is still visible
        bars.append(Bar(year=year, count=count, x=offset * BAR_WIDTH, y=BAR_HEIGHT - height,
                        height=height, url=entry["url"] if entry else "",
                        active=bool(entry and entry["active"])))
    return Histogram(bars=bars, width=max(len(bars), MIN_YEARS) * BAR_WIDTH)
