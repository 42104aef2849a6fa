"""This year's targets beside last year's targets and last year's actuals, with the change.

This year's targets are report B's targets for its year; last year's targets are report A's for
its year; last year's actuals are those report B states for the year before it (its review).
The change compares the targets' midpoints once converted to one unit: raised, lowered, same,
new (no target last year) or dropped (no target this year).
"""
from __future__ import annotations

from dataclasses import dataclass

from archive.models import Indicator, Report
from indicators import indicator_series as series_lib

RAISED, LOWERED, SAME, NEW, DROPPED, UNCOMPARABLE = \
    "raised", "lowered", "same", "new", "dropped", "uncomparable"
CHANGE_LABELS = {RAISED: "调高", LOWERED: "调低", SAME: "持平", NEW: "新增", DROPPED: "不再提出",
                 UNCOMPARABLE: "单位不同"}


@dataclass
class TargetRow:
    name: str
    measure: str
    target: Indicator | None
    previous_target: Indicator | None
    previous_actual: Indicator | None

    @property
    def change(self) -> str:
        if self.previous_target is None:
            return NEW
        if self.target is None:
            return DROPPED
        before = series_lib.convert(series_lib.midpoint(self.previous_target),
                                    self.previous_target.unit, self.target.unit)
        if before is None:
            return UNCOMPARABLE
        now = series_lib.midpoint(self.target)
        if abs(now - before) < series_lib.EPSILON + 1e-6:
            return SAME
        return RAISED if now > before else LOWERED


def _first_by_name(indicators) -> dict:
    chosen = {}
    for indicator in indicators:
        chosen.setdefault((indicator.name, indicator.measure), indicator)
    return chosen


def target_rows(previous: Report, report: Report) -> list[TargetRow]:
    rows = Indicator.objects.filter(report__in=[previous, report]).select_related("section", "report")
    rows = sorted(rows, key=lambda i: (i.report_id != report.pk, i.order))
    targets = _first_by_name(i for i in rows if i.report_id == report.pk
                             and i.kind == Indicator.Kind.TARGET and i.period_year == report.year)
    earlier = _first_by_name(i for i in rows if i.report_id == previous.pk
                             and i.kind == Indicator.Kind.TARGET and i.period_year == previous.year)
    actuals = _first_by_name(i for i in rows if i.report_id == report.pk
                             and i.kind == Indicator.Kind.ACTUAL and i.period_year == report.year - 1)
    keys = list(targets) + [key for key in earlier if key not in targets]
    return [TargetRow(name, measure, targets.get((name, measure)), earlier.get((name, measure)),
                      actuals.get((name, measure))) for name, measure in keys]
