"""Regions' targets for one year as horizontal bars (inline SVG), with the national target as a line.

Drawn 372 units wide so that on a 390 px phone (a column of about 358 px) the 12-unit text is
about 11.5 px (the larger charts of indicators/charts.py are 720 wide and shrink); on wider screens
the stylesheet caps its width.
Each bar is the target's midpoint (a range also shows as a thin line from low to high); a hollow
square marks the region's actual for the year before.
"""
from __future__ import annotations

from html import escape

from django.utils.safestring import SafeString, mark_safe

from indicators import indicator_series as series_lib
from indicators.charts import FONT, nice_ticks
from indicators.ranking import Ranking

WIDTH = 372
LABEL_WIDTH = 106
VALUE_WIDTH = 76
ROW = 22
TOP = 34
BOTTOM = 50
BAR_COLOUR = "#a61b1b"
ACTUAL_COLOUR = "#1f4e79"
REFERENCE_COLOUR = "#1d1d1f"


def _a(value) -> str:
    return escape(str(value), quote=True)


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def ranking_chart(ranking: Ranking, chart_id: str = "ranking-chart") -> SafeString:
    rows = ranking.ranked
    if not rows:
        return mark_safe("")
    unit = ranking.unit
    actuals = {row.region: series_lib.convert(row.previous_actual.value, row.previous_actual.unit, unit)
               for row in rows if row.previous_actual is not None}
    values = [row.value for row in rows] + [v for v in actuals.values() if v is not None]
    if ranking.reference_value is not None:
        values.append(ranking.reference_value)
    ticks = nice_ticks(min(values), max(values), include_zero=True)
    low, high = ticks[0], ticks[-1]
    left, right = LABEL_WIDTH, WIDTH - VALUE_WIDTH
    height = TOP + ROW * len(rows) + BOTTOM

    def x(value: float) -> float:
        return left + (value - low) / (high - low) * (right - left)

    title = f"{ranking.year}年各地区{ranking.name}{ranking.measure_label}预期目标（{unit or '无单位'}），由高到低"
    description = (f"条形图，共 {len(rows)} 个地区。条长为{ranking.year}年预期目标（区间取中点），"
                   f"空心方块为{ranking.year - 1}年实际完成"
                   + ("，竖虚线为国务院的目标" if ranking.reference_value is not None else "")
                   + "。各地数值见图下的表格。")
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart ranking-chart" id="{_a(chart_id)}" '
        f'role="img" aria-labelledby="{_a(chart_id)}-title" aria-describedby="{_a(chart_id)}-desc" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" {FONT} font-size="12">',
        f'<title id="{_a(chart_id)}-title">{_a(title)}</title>',
        f'<desc id="{_a(chart_id)}-desc">{_a(description)}</desc>',
        f'<rect x="0" y="0" width="{WIDTH}" height="{height}" fill="#fff"/>',
        f'<text x="{left}" y="14" fill="#555">单位：{_a(unit or "无")}</text>',
    ]
    bottom = TOP + ROW * len(rows)
    for tick in ticks:
        parts.append(f'<line x1="{_n(x(tick))}" x2="{_n(x(tick))}" y1="{TOP - 4}" y2="{bottom}" '
                     f'stroke="{"#555" if tick == 0 else "#e3e3e6"}"/>'
                     f'<text x="{_n(x(tick))}" y="{bottom + 14}" text-anchor="middle" fill="#555">'
                     f'{_a(series_lib.format_number(tick))}</text>')
    for index, row in enumerate(rows):
        y = TOP + ROW * index
        middle = y + ROW / 2
        target = row.target
        parts.append(f'<g class="ranking-bar"><title>{row.rank}. {_a(row.region)} '
                     f'{ranking.year}年目标 {_a(series_lib.written(target))}</title>')
        parts.append(f'<text x="{left - 6}" y="{_n(middle)}" text-anchor="end" '
                     f'dominant-baseline="middle" fill="#1d1d1f">{_a(row.region)}</text>')
        start, end = sorted((x(0), x(row.value)))
        parts.append(f'<rect x="{_n(start)}" y="{_n(y + 5)}" width="{_n(max(end - start, 1))}" '
                     f'height="{ROW - 10}" fill="{BAR_COLOUR}" fill-opacity="0.8"/>')
        if target.value_high is not None:
            lo, hi = series_lib.target_bounds(target)
            lo, hi = (series_lib.convert(v, target.unit, unit) for v in (lo, hi))
            parts.append(f'<line class="ranking-range" x1="{_n(x(lo))}" x2="{_n(x(hi))}" '
                         f'y1="{_n(middle)}" y2="{_n(middle)}" stroke="#1d1d1f" stroke-width="2"/>')
        parts.append(f'<text x="{_n(right + 4)}" y="{_n(middle)}" dominant-baseline="middle" '
                     f'fill="#1d1d1f">{_a(series_lib.written(target))}</text>')
        actual = actuals.get(row.region)
        if actual is not None:
            parts.append(f'<rect class="ranking-actual" x="{_n(x(actual) - 4)}" y="{_n(middle - 4)}" '
                         f'width="8" height="8" fill="#fff" stroke="{ACTUAL_COLOUR}" stroke-width="2">'
                         f'<title>{_a(row.region)} {ranking.year - 1}年实际 '
                         f'{_a(series_lib.written(row.previous_actual))}</title></rect>')
        parts.append("</g>")
    if ranking.reference_value is not None:
        rx = _n(x(ranking.reference_value))
        parts.append(f'<g class="ranking-reference"><line x1="{rx}" x2="{rx}" y1="{TOP - 8}" '
                     f'y2="{bottom}" stroke="{REFERENCE_COLOUR}" stroke-width="1.5" stroke-dasharray="5 3"/>'
                     f'<text x="{rx}" y="{TOP - 12}" text-anchor="middle" fill="{REFERENCE_COLOUR}">'
                     f'全国 {_a(series_lib.written(ranking.reference))}</text></g>')
    legend_y = bottom + 34
    parts.append(f'<g class="chart-legend"><rect x="{left}" y="{legend_y - 6}" width="14" height="10" '
                 f'fill="{BAR_COLOUR}" fill-opacity="0.8"/><text x="{left + 18}" y="{legend_y}" '
                 f'dominant-baseline="middle">{ranking.year}年目标</text>'
                 f'<rect x="{left + 96}" y="{legend_y - 4}" width="8" height="8" fill="#fff" '
                 f'stroke="{ACTUAL_COLOUR}" stroke-width="2"/><text x="{left + 110}" y="{legend_y}" '
                 f'dominant-baseline="middle">{ranking.year - 1}年实际</text></g>')
    parts.append("</svg>")
    return mark_safe("\n".join(parts))
