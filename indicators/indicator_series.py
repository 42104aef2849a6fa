"""One indicator followed across years: the target set for a year beside the actual reported for it.

Plain functions over ``Indicator`` rows; the pages, the CSV and the JSON all build on them.

A report's year is the year it plans for. Its targets (``kind=target``) have ``period_year`` =
the report's year, its actuals (``kind=actual``) ``period_year`` = the report's year − 1. So the
row for year Y pairs the target stated in report Y with the actual stated in report Y+1: both are
the Indicator rows with ``period_year == Y``.

Which row when a year has several (a figure restated in a budget report or an interpretation, a
sub-item the parser read as the headline…): the one from a 政府工作报告 first, then from the report
whose year is nearest the expected one (Y for a target, Y+1 for an actual), then the earliest in
its report. The others are kept as ``alternatives`` so that a page can say so.

The gap rule (``compare``), for a target and an actual in the same unit (万亿元 and 亿元 are
converted; % against 万人 is not compared):

* gap = actual − the target's midpoint (the value, or the middle of a range). For rates in % it is
  in percentage points (个百分点), otherwise in the target's unit.
* 以上 / 超过 ("at least" / "more than"): met (达到) if actual ≥ value, else missed (未达到).
* 以内 / 以下 ("at most"): met if actual ≤ value, else missed.
* range (6%－6.5%): met if low ≤ actual ≤ high, else missed.
* 左右, or no qualifier (a point aimed at): within the tolerance of the target → 基本持平; outside
  it the page says 高于目标 / 低于目标 without calling it met or missed, because for some indicators
  the target is a ceiling (居民消费价格涨幅3%左右, 城镇调查失业率5.5%左右: lower is not a failure)
  and for others a floor (国内生产总值). Tolerance: ±0.5 percentage point for rates in %, ±2% of
  the target for amounts (万人, 亿元…).
* A decline is stored as a negative value (单位国内生产总值能耗下降3%以上 → −3, 以上): there
  以上/超过 mean "at least that much decline", so met if actual ≤ value, and 以内/以下 the
  reverse.

A few hundredths of tolerance are added to every comparison so that float noise never flips a
verdict (5.2 − 5 is 0.20000000000000018).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count

from archive.models import Indicator, Report

NATIONAL = "国务院"
MEASURES = (Indicator.Measure.GROWTH, Indicator.Measure.LEVEL)
MEASURE_LABELS = dict(Indicator.Measure.choices)
PERCENT = "%"
PERCENT_TOLERANCE = 0.5  # percentage points, for 左右 targets in %
RELATIVE_TOLERANCE = 0.02  # of the target, for 左右 targets in other units
EPSILON = 1e-9

AT_LEAST = ("以上", "超过")
AT_MOST = ("以内", "以下")
RANGE = "range"

# Outcome codes and how the page says them.
MET, MISSED, CLOSE, ABOVE, BELOW = "met", "missed", "close", "above", "below"
STATUS_LABELS = {MET: "达到", MISSED: "未达到", CLOSE: "基本持平", ABOVE: "高于目标", BELOW: "低于目标"}

# Chinese magnitude prefixes of a unit: 万亿元 is 10^12 元, 亿斤 10^8 斤, 万人 10^4 人.
_PREFIXES = (("万亿", 1e12), ("亿", 1e8), ("万", 1e4))


# --- units -------------------------------------------------------------------------------------

# Base units that are another in disguise: grain is counted in 斤, 公斤 and 吨 over the years.
_BASES = {"公斤": ("斤", 2.0), "千克": ("斤", 2.0), "吨": ("斤", 2000.0)}


def unit_scale(unit: str) -> tuple[str, float]:
    """``(base unit, factor)``: 万亿元 → (元, 1e12); % → (%, 1); 万人 → (人, 1e4); 万吨 → (斤, 2e7)."""
    unit = unit or ""
    factor = 1.0
    for prefix, prefix_factor in _PREFIXES:
        if unit.startswith(prefix) and len(unit) > len(prefix):
            unit, factor = unit[len(prefix):], prefix_factor
            break
    base, base_factor = _BASES.get(unit, (unit, 1.0))
    return base, factor * base_factor


def convert(value: float, unit: str, to_unit: str) -> float | None:
    """``value`` in ``unit`` expressed in ``to_unit``, or None if they measure different things."""
    base, factor = unit_scale(unit)
    to_base, to_factor = unit_scale(to_unit)
    if base != to_base:
        return None
    if factor == to_factor:
        return value
    return value * factor / to_factor


def format_number(value: float, signed: bool = False) -> str:
    """4.9999999 → 5, 0.2 → 0.2, with a sign if asked: +0.2, −2.5 (a real minus sign)."""
    rounded = round(value, 4)
    if rounded == 0:
        rounded = 0.0  # no "-0"
    text = f"{rounded:,.4f}".rstrip("0").rstrip(".").replace(",", "")
    if text.startswith("-"):
        return "−" + text[1:]
    return ("+" + text) if signed and rounded > 0 else text


def written(indicator) -> str:
    """The value as the report words it: 5%左右, 6%－6.5%, 1100万人以上, 超过126万亿元."""
    if indicator is None:
        return ""
    unit = indicator.unit or ""
    if indicator.value_high is not None:
        text = f"{format_number(indicator.value)}{unit}－{format_number(indicator.value_high)}{unit}"
    else:
        text = f"{format_number(indicator.value)}{unit}"
    qualifier = indicator.qualifier or ""
    if qualifier == "超过":
        return f"超过{text}"
    if qualifier and qualifier != RANGE:
        return text + qualifier
    return text


# --- one year's comparison ---------------------------------------------------------------------

@dataclass
class Gap:
    """How an actual compares with its target."""
    value: float | None        # actual − target midpoint, in ``unit``; None if not comparable
    unit: str                  # 个百分点 for %, else the target's unit
    status: str | None         # met / missed / close / above / below; None if not comparable
    rule: str                  # the rule applied, said in a few words

    @property
    def label(self) -> str:
        return STATUS_LABELS.get(self.status, "无法比较")

    @property
    def display(self) -> str:
        if self.value is None:
            return ""
        return f"{format_number(self.value, signed=True)}{self.unit}"

    @property
    def verdict(self) -> str | None:
        """met, missed or None (close/above/below are not a verdict)."""
        return self.status if self.status in (MET, MISSED) else None


def target_bounds(target) -> tuple[float, float]:
    """Low and high of a target (a range may be stored high-first for a decline)."""
    if target.value_high is None:
        return target.value, target.value
    return min(target.value, target.value_high), max(target.value, target.value_high)


def midpoint(target) -> float:
    low, high = target_bounds(target)
    return (low + high) / 2


def compare(target, actual) -> Gap | None:
    """The gap and the verdict for one year (see the module docstring); None if either is missing."""
    if target is None or actual is None:
        return None
    actual_value = convert(actual.value, actual.unit, target.unit)
    percent = target.unit == PERCENT
    gap_unit = "个百分点" if percent else target.unit
    if actual_value is None:
        return Gap(None, gap_unit, None, f"单位不同（{target.unit or '无'}与{actual.unit or '无'}），不作比较")
    low, high = target_bounds(target)
    gap = actual_value - (low + high) / 2
    qualifier = target.qualifier or ""
    decline = target.value < 0 and target.value_high is None
    if qualifier == RANGE or target.value_high is not None:
        status = MET if low - EPSILON <= actual_value <= high + EPSILON else MISSED
        rule = "区间目标：落在区间内为达到"
    elif qualifier in AT_LEAST:
        if decline:
            status = MET if actual_value <= target.value + EPSILON else MISSED
            rule = f"降幅“{qualifier}”：实际降幅不小于目标为达到"
        else:
            status = MET if actual_value >= target.value - EPSILON else MISSED
            rule = f"“{qualifier}”：实际不低于目标为达到"
    elif qualifier in AT_MOST:
        if decline:
            status = MET if actual_value >= target.value - EPSILON else MISSED
            rule = f"降幅“{qualifier}”：实际降幅不超过目标为达到"
        else:
            status = MET if actual_value <= target.value + EPSILON else MISSED
            rule = f"“{qualifier}”：实际不高于目标为达到"
    else:
        tolerance = PERCENT_TOLERANCE if percent else abs(target.value) * RELATIVE_TOLERANCE
        if abs(gap) <= tolerance + EPSILON:
            status = CLOSE
        else:
            status = ABOVE if gap > 0 else BELOW
        band = f"±{format_number(PERCENT_TOLERANCE)}个百分点" if percent else \
            f"±{format_number(RELATIVE_TOLERANCE * 100)}%"
        rule = f"“{qualifier or '定值'}”目标：相差在{band}以内为基本持平"
    return Gap(round(gap, 6), gap_unit, status, rule)


# --- a series ----------------------------------------------------------------------------------

@dataclass
class YearRow:
    year: int
    target: Indicator | None = None
    actual: Indicator | None = None
    target_alternatives: list = field(default_factory=list)
    actual_alternatives: list = field(default_factory=list)

    @property
    def gap(self) -> Gap | None:
        return compare(self.target, self.actual)

    @property
    def empty(self) -> bool:
        return self.target is None and self.actual is None


@dataclass
class GapRun:
    """Consecutive years without data, shown as one line of the table."""
    first: int
    last: int

    @property
    def label(self) -> str:
        return f"{self.first}年" if self.first == self.last else f"{self.first}—{self.last}年"


@dataclass
class Series:
    name: str
    region: str
    measure: str
    rows: list[YearRow] = field(default_factory=list)

    @property
    def measure_label(self) -> str:
        return MEASURE_LABELS.get(self.measure, self.measure)

    @property
    def years(self) -> list[int]:
        return [row.year for row in self.rows]

    @property
    def unit(self) -> str:
        """The unit the chart draws in: the most used one (the latest on a tie)."""
        counts = Counter()
        latest = {}
        for row in self.rows:
            for indicator in (row.target, row.actual):
                if indicator is not None:
                    counts[indicator.unit] += 1
                    latest[indicator.unit] = max(latest.get(indicator.unit, 0), row.year)
        if not counts:
            return ""
        return max(counts, key=lambda unit: (counts[unit], latest[unit]))

    def unconvertible(self) -> list[Indicator]:
        """The numbers the chart cannot draw: units that do not convert to ``unit`` (万吨 vs 万亿斤)."""
        unit = self.unit
        return [indicator for row in self.rows for indicator in (row.target, row.actual)
                if indicator is not None and convert(indicator.value, indicator.unit, unit) is None]

    @property
    def target_count(self) -> int:
        return sum(1 for row in self.rows if row.target is not None)

    @property
    def actual_count(self) -> int:
        return sum(1 for row in self.rows if row.actual is not None)

    @property
    def paired_count(self) -> int:
        return sum(1 for row in self.rows if row.target is not None and row.actual is not None)

    def table(self) -> list:
        """Rows in year order with each run of missing years in between as one ``GapRun``."""
        lines, previous = [], None
        for row in self.rows:
            if previous is not None and row.year > previous + 1:
                lines.append(GapRun(previous + 1, row.year - 1))
            lines.append(row)
            previous = row.year
        return lines


def _report_of(indicator) -> Report:
    return indicator.report


def _preference(indicator, expected_report_year: int) -> tuple:
    report = _report_of(indicator)
    return (report.kind != Report.Kind.WORK_REPORT, abs(report.year - expected_report_year),
            report.year, indicator.order, indicator.pk or 0)


def build_series(indicators, name: str = "", region: str = "", measure: str = "growth") -> Series:
    """The year rows of one measure from ``indicators`` (rows of one name and region).

    Rows of another measure are ignored; every year with a target or an actual gets a row, in
    year order; no row for a year with neither (``Series.table`` shows those runs).
    """
    targets, actuals = defaultdict(list), defaultdict(list)
    for indicator in indicators:
        if indicator.measure != measure:
            continue
        if indicator.kind == Indicator.Kind.TARGET:
            targets[indicator.period_year].append(indicator)
        elif indicator.kind == Indicator.Kind.ACTUAL:
            actuals[indicator.period_year].append(indicator)
    rows = []
    for year in sorted(set(targets) | set(actuals)):
        row = YearRow(year)
        if targets[year]:
            chosen = sorted(targets[year], key=lambda i: _preference(i, year))
            row.target, row.target_alternatives = chosen[0], chosen[1:]
        if actuals[year]:
            chosen = sorted(actuals[year], key=lambda i: _preference(i, year + 1))
            row.actual, row.actual_alternatives = chosen[0], chosen[1:]
        rows.append(row)
    return Series(name=name, region=region, measure=measure, rows=rows)


# --- what exists -------------------------------------------------------------------------------

def region_order(region: str, years: int) -> tuple:
    return (region != NATIONAL, -years, region)


def indicator_summary() -> list[dict]:
    """Every indicator name: years covered (any region), years with a target / an actual, regions.

    ``[{name, years, targets, actuals, regions: [{region, years}]}]``, most-covered first.
    """
    facts = (Indicator.objects.values_list("name", "report__region", "kind", "period_year")
             .distinct())
    years, kinds, regions = defaultdict(set), defaultdict(lambda: defaultdict(set)), \
        defaultdict(lambda: defaultdict(set))
    for name, region, kind, year in facts:
        years[name].add(year)
        kinds[name][kind].add(year)
        regions[name][region].add(year)
    summary = []
    for name in years:
        region_rows = sorted(({"region": region, "years": len(covered)}
                              for region, covered in regions[name].items()),
                             key=lambda row: region_order(row["region"], row["years"]))
        summary.append({"name": name, "years": len(years[name]),
                        "first_year": min(years[name]), "last_year": max(years[name]),
                        "targets": len(kinds[name][Indicator.Kind.TARGET]),
                        "actuals": len(kinds[name][Indicator.Kind.ACTUAL]),
                        "regions": region_rows})
    summary.sort(key=lambda row: (-row["years"], -len(row["regions"]), row["name"]))
    return summary


def regions_for(name: str) -> list[dict]:
    """Regions with data for ``name``: ``[{region, years}]``, 国务院 first, then most years.
    Counted by the database: at 20,000 reports GDP alone is 37,000 facts (90 ms, not 280)."""
    rows = (Indicator.objects.filter(name=name).values("report__region")
            .annotate(years=Count("period_year", distinct=True)))
    return sorted(({"region": row["report__region"], "years": row["years"]} for row in rows),
                  key=lambda row: region_order(row["region"], row["years"]))


def default_region(regions: list[dict]) -> str:
    """国务院 if it has data, else the region with most years (``regions`` as from regions_for)."""
    return regions[0]["region"] if regions else ""


def indicators_for(name: str, region: str) -> list[Indicator]:
    return list(Indicator.objects.filter(name=name, report__region=region)
                .select_related("report", "section")
                .order_by("period_year", "report__year", "order"))


def measures_in(indicators) -> list[dict]:
    """``[{measure, label, years}]`` for the measures present, growth before level."""
    covered = defaultdict(set)
    for indicator in indicators:
        covered[indicator.measure].add(indicator.period_year)
    return [{"measure": measure, "label": MEASURE_LABELS[measure], "years": len(covered[measure])}
            for measure in MEASURES if covered.get(measure)]


def default_measure(measures: list[dict]) -> str:
    """The measure with most years; growth on a tie (the headline of most targets)."""
    if not measures:
        return Indicator.Measure.GROWTH
    return max(measures, key=lambda row: (row["years"], row["measure"] == "growth"))["measure"]


def chart_value(indicator, unit: str) -> tuple[float, float | None] | None:
    """An indicator's value (and range top) in ``unit`` for drawing, or None if not convertible."""
    low = convert(indicator.value, indicator.unit, unit)
    if low is None:
        return None
    high = None
    if indicator.value_high is not None:
        high = convert(indicator.value_high, indicator.unit, unit)
    return low, high
