"""Every region's target for one indicator and year, ranked — the table newspapers compile by hand.

Each region's row holds its target for the year, its actual for the year before and its target
for the year before, chosen as on the indicator's own page (``indicators.indicator_series``: a 政府工作报告
first). Regions are ranked by their target's midpoint in the most used unit, highest first; equal
targets share a rank (1, 2, 2, 4). 国务院 is not ranked: its target is the reference line, taken under
the counterpart name where the regions write another one (地区生产总值 → 国内生产总值). Regions of one
level are ranked together (archive.regions: the provinces by default, where there are any).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from archive.models import Indicator
from archive.regions import LEVEL_LABELS, LOCAL, PROVINCIAL, level_of
from indicators import indicator_series as series_lib
from indicators.indicator_views import COUNTERPARTS


@dataclass
class RegionRow:
    region: str
    target: Indicator | None
    previous_actual: Indicator | None
    previous_target: Indicator | None
    value: float | None = None  # the target's midpoint in the ranking's unit
    rank: int | None = None


@dataclass
class Ranking:
    name: str
    year: int
    measure: str
    unit: str
    rows: list[RegionRow] = field(default_factory=list)
    reference: Indicator | None = None   # the national target
    measures: list[str] = field(default_factory=list)
    level: str = PROVINCIAL
    levels: dict[str, int] = field(default_factory=dict)   # regions with a row, per level

    @property
    def ranked(self) -> list[RegionRow]:
        return [row for row in self.rows if row.rank is not None]

    @property
    def reference_value(self) -> float | None:
        if self.reference is None:
            return None
        return series_lib.convert(series_lib.midpoint(self.reference), self.reference.unit, self.unit)

    @property
    def measure_label(self) -> str:
        return series_lib.MEASURE_LABELS.get(self.measure, self.measure)


def years_with_targets(name: str) -> list[int]:
    return sorted(Indicator.objects.filter(name=name, kind=Indicator.Kind.TARGET)
                  .order_by("period_year").values_list("period_year", flat=True).distinct())


def build_ranking(name: str, year: int, measure: str = "", level: str = "") -> Ranking:
    facts = list(Indicator.objects.filter(name=name, period_year__in=(year - 1, year))
                 .select_related("report", "section"))
    measures = [m for m in series_lib.MEASURES
                if any(f.measure == m and f.kind == Indicator.Kind.TARGET and f.period_year == year
                       for f in facts)]
    if not measure:
        per_measure = {m: len({f.report.region for f in facts if f.measure == m
                               and f.kind == Indicator.Kind.TARGET and f.period_year == year})
                       for m in measures}
        measure = max(measures, key=lambda m: (per_measure[m], m == "growth")) if measures \
            else Indicator.Measure.GROWTH
    by_region = defaultdict(list)
    for fact in facts:
        by_region[fact.report.region].append(fact)
    rows, reference = [], None
    for region, region_facts in by_region.items():
        series = series_lib.build_series(region_facts, name, region, measure)
        this_year = next((row for row in series.rows if row.year == year), None)
        last_year = next((row for row in series.rows if row.year == year - 1), None)
        if region == series_lib.NATIONAL:
            reference = this_year.target if this_year else None
            continue
        row = RegionRow(region, this_year.target if this_year else None,
                        last_year.actual if last_year else None,
                        last_year.target if last_year else None)
        if row.target or row.previous_actual or row.previous_target:
            rows.append(row)
    levels = Counter(level_of(row.region) for row in rows)
    level = level or (PROVINCIAL if levels[PROVINCIAL] or not levels[LOCAL] else LOCAL)
    rows = [row for row in rows if level_of(row.region) == level]
    unit = _common_unit(row.target for row in rows)
    for row in rows:
        if row.target is not None:
            row.value = series_lib.convert(series_lib.midpoint(row.target), row.target.unit, unit)
    rows.sort(key=lambda row: (row.value is None, -(row.value or 0), row.region))
    _assign_ranks(rows)
    if reference is None:
        reference = national_target(COUNTERPARTS.get(name), year, measure)
    return Ranking(name=name, year=year, measure=measure, unit=unit, rows=rows,
                   reference=reference, measures=measures, level=level,
                   levels={key: levels[key] for key in LEVEL_LABELS if levels[key]})


def national_target(name: str | None, year: int, measure: str) -> Indicator | None:
    if not name:
        return None
    facts = Indicator.objects.filter(name=name, period_year=year, kind=Indicator.Kind.TARGET,
                                     report__region=series_lib.NATIONAL).select_related("report")
    series = series_lib.build_series(list(facts), name, series_lib.NATIONAL, measure)
    return series.rows[0].target if series.rows else None


def _common_unit(targets) -> str:
    counts = Counter(target.unit for target in targets if target is not None)
    return counts.most_common(1)[0][0] if counts else ""


def _assign_ranks(rows: list[RegionRow]) -> None:
    """Competition ranking over the rows with a value (already sorted, highest first)."""
    previous_value, rank = None, 0
    for position, row in enumerate((row for row in rows if row.value is not None), start=1):
        if previous_value is None or abs(row.value - previous_value) > series_lib.EPSILON:
            rank = position
        row.rank, previous_value = rank, row.value
