"""Charts drawn on the server as inline SVG: an indicator's targets and actuals, and term trends.

Why inline SVG written here rather than a charting library in the browser:

* No JavaScript and no CDN: the site serves everything itself (see README), the chart is in the
  HTML the server sends, so it shows with scripts off, behind a firewall, in a feed reader, and
  in the test client (the tests parse it with ``xml.etree``).
* It prints: SVG is vector, so a printed or PDF-saved page keeps sharp lines and readable labels;
  ink-saving rules in indicators.css only restyle it.
* Readable without colour: targets and actuals differ by shape, fill and line style (hollow
  markers on a dashed line, a vertical band for a range; filled squares on a solid line), each
  trend line has its own dash pattern and marker, and a legend says which is which.
* Accessible: ``role="img"`` with a ``<title>`` and ``<desc>`` named by ``aria-labelledby``/
  ``aria-describedby``; every marker has its own ``<title>`` (a tooltip on hover); and the page
  puts the table with the same numbers beside the chart as its text alternative.

The drawing is deliberately plain: a y axis with "nice" ticks (1, 2, 2.5, 5 × 10^k) and its
unit, an x axis with year labels (every year up to a dozen, else every 2, 5, 10… years), a zero
line when the values cross zero, and lines broken across years without data instead of drawn
through them. A single year is centred; a range target is a band from its low to its high value.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

from django.utils.safestring import SafeString, mark_safe

from indicators.indicator_series import (
    AT_LEAST, AT_MOST, Series, chart_value, format_number, written,
)

WIDTH = 720
PLOT_HEIGHT = 240
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP = 64, 20, 30
X_LABELS_HEIGHT = 30
LEGEND_ROW = 22
FONT = 'font-family="Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif"'

TARGET_COLOUR = "#a61b1b"
ACTUAL_COLOUR = "#1f4e79"
AXIS_COLOUR = "#555"
GRID_COLOUR = "#e3e3e6"

# Trend lines: colour, dash pattern and marker all differ, so any one of them tells them apart.
TREND_STYLES = (
    ("#1f4e79", "", "circle"),
    ("#a61b1b", "7 4", "square"),
    ("#2e7d32", "2 3", "triangle"),
    ("#8a5a00", "10 3 2 3", "diamond"),
    ("#6a1b9a", "14 5", "cross"),
)


def _attr(value) -> str:
    return escape(str(value), quote=True)


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


# --- scales and axes ---------------------------------------------------------------------------

def nice_step(span: float, count: int = 5) -> float:
    """A step of 1, 2, 2.5 or 5 × 10^k giving about ``count`` intervals over ``span``."""
    if span <= 0 or not math.isfinite(span):
        return 1.0
    raw = span / count
    power = 10 ** math.floor(math.log10(raw))
    for multiple in (1, 2, 2.5, 5, 10):
        if raw <= multiple * power + 1e-12:
            return multiple * power
    return 10 * power


def nice_ticks(low: float, high: float, include_zero: bool = False) -> list[float]:
    """Tick values covering [low, high] (padded when they are equal)."""
    if include_zero:
        low, high = min(low, 0.0), max(high, 0.0)
    if high - low < 1e-9:
        pad = abs(high) * 0.1 or 1.0
        low, high = low - pad, high + pad
    step = nice_step(high - low)
    first = math.floor(low / step + 1e-9) * step
    last = math.ceil(high / step - 1e-9) * step
    # headroom, so that a marker never sits on the frame (zero may: it is a baseline)
    if high != 0 and last - high < step * 0.15 and not high < 0 < last + step:
        last += step
    if low != 0 and low - first < step * 0.15 and not first - step < 0 < low:
        first -= step
    count = int(round((last - first) / step))
    return [round(first + index * step, 10) for index in range(count + 1)]


def year_step(first: int, last: int, most: int = 12) -> int:
    span = last - first
    for step in (1, 2, 5, 10, 20, 25, 50):
        if span / step < most:
            return step
    return 100


@dataclass
class Frame:
    """The plot area and its two scales."""
    first_year: int
    last_year: int
    ticks: list[float]
    legend_rows: int = 1

    @property
    def top(self) -> float:
        return MARGIN_TOP

    @property
    def bottom(self) -> float:
        return MARGIN_TOP + PLOT_HEIGHT

    @property
    def left(self) -> float:
        return MARGIN_LEFT

    @property
    def right(self) -> float:
        return WIDTH - MARGIN_RIGHT

    @property
    def height(self) -> int:
        return int(self.bottom + X_LABELS_HEIGHT + LEGEND_ROW * self.legend_rows + 8)

    def x(self, year: float) -> float:
        low, high = self.first_year - 0.5, self.last_year + 0.5
        return self.left + (year - low) / (high - low) * (self.right - self.left)

    def y(self, value: float) -> float:
        low, high = self.ticks[0], self.ticks[-1]
        return self.bottom - (value - low) / (high - low) * (self.bottom - self.top)

    def axes(self, unit_label: str) -> list[str]:
        parts = [f'<g class="chart-axes" font-size="12" fill="{AXIS_COLOUR}">']
        low, high = self.ticks[0], self.ticks[-1]
        for tick in self.ticks:
            y = _num(self.y(tick))
            zero = abs(tick) < 1e-9 and low < 0 < high
            parts.append(f'<line class="{"chart-zero" if zero else "chart-grid"}" x1="{self.left}" '
                         f'x2="{self.right}" y1="{y}" y2="{y}" '
                         f'stroke="{AXIS_COLOUR if zero else GRID_COLOUR}" stroke-width="1"/>')
            parts.append(f'<text x="{self.left - 6}" y="{y}" text-anchor="end" '
                         f'dominant-baseline="middle">{_attr(format_number(tick))}</text>')
        parts.append(f'<line x1="{self.left}" x2="{self.left}" y1="{self.top}" y2="{self.bottom}" '
                     f'stroke="{AXIS_COLOUR}"/>')
        parts.append(f'<line x1="{self.left}" x2="{self.right}" y1="{self.bottom}" '
                     f'y2="{self.bottom}" stroke="{AXIS_COLOUR}"/>')
        parts.append(f'<text class="chart-unit" x="{self.left - 6}" y="{self.top - 12}" '
                     f'text-anchor="start">{_attr(unit_label)}</text>')
        for year in self.year_labels():
            x = _num(self.x(year))
            parts.append(f'<line x1="{x}" x2="{x}" y1="{self.bottom}" y2="{self.bottom + 4}" '
                         f'stroke="{AXIS_COLOUR}"/>')
            parts.append(f'<text class="chart-year" x="{x}" y="{self.bottom + 18}" '
                         f'text-anchor="middle">{year}</text>')
        parts.append("</g>")
        return parts

    def year_labels(self) -> list[int]:
        """Every year up to a dozen; else multiples of a round step, and the first and last
        year unless they would crowd a neighbouring label."""
        step = year_step(self.first_year, self.last_year)
        regular = [year for year in range(self.first_year, self.last_year + 1) if year % step == 0]
        labels = set(regular)
        for end in (self.first_year, self.last_year):
            if all(abs(end - year) * 4 >= step * 3 for year in regular):
                labels.add(end)
        return sorted(labels)

    def legend_y(self, row: int) -> float:
        return self.bottom + X_LABELS_HEIGHT + LEGEND_ROW * row + 6


def _open_svg(chart_id: str, frame: Frame, title: str, description: str, css_class: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart {css_class}" id="{_attr(chart_id)}" '
        f'role="img" aria-labelledby="{_attr(chart_id)}-title" '
        f'aria-describedby="{_attr(chart_id)}-desc" viewBox="0 0 {WIDTH} {frame.height}" '
        f'width="{WIDTH}" height="{frame.height}" {FONT}>',
        f'<title id="{_attr(chart_id)}-title">{_attr(title)}</title>',
        f'<desc id="{_attr(chart_id)}-desc">{_attr(description)}</desc>',
        f'<rect class="chart-bg" x="0" y="0" width="{WIDTH}" height="{frame.height}" fill="#fff"/>',
    ]


def _marker(shape: str, x: float, y: float, colour: str, filled: bool, size: float = 5) -> str:
    fill = colour if filled else "#fff"
    common = f'fill="{fill}" stroke="{colour}" stroke-width="2"'
    if shape == "square":
        return (f'<rect x="{_num(x - size)}" y="{_num(y - size)}" width="{_num(2 * size)}" '
                f'height="{_num(2 * size)}" {common}/>')
    if shape in ("triangle", "triangle-down"):
        d = 1 if shape == "triangle" else -1
        points = [(x, y - d * size * 1.2), (x - size * 1.1, y + d * size * 0.8),
                  (x + size * 1.1, y + d * size * 0.8)]
        return f'<polygon points="{" ".join(f"{_num(a)},{_num(b)}" for a, b in points)}" {common}/>'
    if shape == "diamond":
        points = [(x, y - size * 1.3), (x + size * 1.1, y), (x, y + size * 1.3), (x - size * 1.1, y)]
        return f'<polygon points="{" ".join(f"{_num(a)},{_num(b)}" for a, b in points)}" {common}/>'
    if shape == "cross":
        return (f'<path d="M{_num(x - size)},{_num(y - size)}L{_num(x + size)},{_num(y + size)}'
                f'M{_num(x - size)},{_num(y + size)}L{_num(x + size)},{_num(y - size)}" '
                f'stroke="{colour}" stroke-width="2.5" fill="none"/>')
    return f'<circle cx="{_num(x)}" cy="{_num(y)}" r="{_num(size)}" {common}/>'


def _polylines(points: list[tuple[int, float, float]], colour: str, dash: str, css_class: str) -> list[str]:
    """Lines through ``(year, x, y)`` points, broken wherever a year is missing."""
    runs, run, previous = [], [], None
    for year, x, y in points:
        if previous is not None and year != previous + 1:
            runs.append(run)
            run = []
        run.append((x, y))
        previous = year
    runs.append(run)
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    return [f'<polyline class="{css_class}" points="{" ".join(f"{_num(x)},{_num(y)}" for x, y in run)}" '
            f'fill="none" stroke="{colour}" stroke-width="2"{dash_attr}/>'
            for run in runs if len(run) > 1]


def _legend_item(x: float, y: float, colour: str, dash: str, shape: str, filled: bool, label: str,
                 band: bool = False) -> tuple[str, float]:
    """One legend entry at (x, y); returns it and its width."""
    parts = ['<g class="chart-legend-item">']
    if band:
        parts.append(f'<rect x="{_num(x + 10)}" y="{_num(y - 8)}" width="10" height="16" '
                     f'fill="{colour}" fill-opacity="0.15" stroke="{colour}" stroke-dasharray="3 2"/>')
    else:
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(f'<line x1="{_num(x)}" x2="{_num(x + 30)}" y1="{_num(y)}" y2="{_num(y)}" '
                     f'stroke="{colour}" stroke-width="2"{dash_attr}/>')
        parts.append(_marker(shape, x + 15, y, colour, filled, size=4.5))
    parts.append(f'<text x="{_num(x + 36)}" y="{_num(y)}" dominant-baseline="middle" '
                 f'font-size="12" fill="#1d1d1f">{_attr(label)}</text>')
    parts.append("</g>")
    return "".join(parts), _legend_width(label)


def _text_width(text: str, size: float = 12) -> float:
    """Rough width of ``text``: CJK and full-width characters are square, the rest about half."""
    return sum(size if ord(char) > 0x2e80 else size * 0.6 for char in text)


def _legend_width(label: str) -> float:
    return 36 + _text_width(label) + 20


def _legend(frame: Frame, items: list[dict]) -> list[str]:
    parts, x, row = ['<g class="chart-legend">'], frame.left, 0
    for item in items:
        markup, width = _legend_item(x, frame.legend_y(row), **item)
        if x + width > WIDTH and x > frame.left:
            row += 1
            x = frame.left
            markup, width = _legend_item(x, frame.legend_y(row), **item)
        parts.append(markup)
        x += width
    parts.append("</g>")
    return parts


def _legend_rows(items: list[dict]) -> int:
    rows, x = 1, MARGIN_LEFT
    for item in items:
        width = _legend_width(item["label"])
        if x + width > WIDTH and x > MARGIN_LEFT:
            rows += 1
            x = MARGIN_LEFT
        x += width
    return rows


# --- an indicator: target beside actual --------------------------------------------------------

def _target_shape(target) -> str:
    if target.value_high is None and target.qualifier in AT_LEAST:
        return "triangle-down" if target.value < 0 else "triangle"
    if target.value_high is None and target.qualifier in AT_MOST:
        return "triangle" if target.value < 0 else "triangle-down"
    return "circle"


def indicator_chart(series: Series, chart_id: str = "indicator-chart") -> SafeString:
    """Targets (hollow, dashed, ranges as bands) and actuals (filled squares, solid) by year.

    Values in another unit than the series' (万人 beside %) are left out of the chart; the table
    still lists them. Returns "" when nothing can be drawn.
    """
    unit = series.unit
    targets, actuals = [], []
    for row in series.rows:
        if row.target is not None and (converted := chart_value(row.target, unit)) is not None:
            low, high = converted
            mid = low if high is None else (low + high) / 2
            targets.append((row.year, row.target, low, high, mid))
        if row.actual is not None and (converted := chart_value(row.actual, unit)) is not None:
            actuals.append((row.year, row.actual, converted[0]))
    if not targets and not actuals:
        return mark_safe("")
    values = [v for _, _, low, high, _ in targets for v in (low, high) if v is not None]
    values += [value for _, _, value in actuals]
    years = [year for year, *_ in targets] + [year for year, *_ in actuals]
    legend = []
    if targets:
        legend.append(dict(colour=TARGET_COLOUR, dash="6 4", shape="circle", filled=False,
                           label="预期目标（空心，虚线）"))
        if any(high is not None for _, _, _, high, _ in targets):
            legend.append(dict(colour=TARGET_COLOUR, dash="", shape="", filled=False,
                               label="目标区间（竖条）", band=True))
        shapes = {_target_shape(target) for _, target, *_ in targets}
        if shapes & {"triangle", "triangle-down"}:
            legend.append(dict(colour=TARGET_COLOUR, dash="", shape="triangle", filled=False,
                               label="△目标为下限 ▽目标为上限"))
    if actuals:
        legend.append(dict(colour=ACTUAL_COLOUR, dash="", shape="square", filled=True,
                           label="实际完成（实心方块，实线）"))
    frame = Frame(min(years), max(years),
                  nice_ticks(min(values), max(values), include_zero=unit == "%"),
                  legend_rows=_legend_rows(legend))
    unit_label = f"单位：{unit}" if unit else "单位：无"
    first, last = frame.first_year, frame.last_year
    span = f"{first}年" if first == last else f"{first}—{last}年"
    title = f"{series.name}{series.measure_label}（{unit or '无单位'}），{series.region}，{span}：预期目标与实际完成"
    description = (f"折线图。横轴为年度，纵轴为{series.measure_label}（{unit or '无单位'}）。"
                   f"预期目标 {len(targets)} 个年度，以空心标记和虚线表示，区间目标为竖条；"
                   f"实际完成 {len(actuals)} 个年度，以实心方块和实线表示。各年数值见图旁的表格。")
    parts = _open_svg(chart_id, frame, title, description, "indicator-chart")
    parts += frame.axes(unit_label)

    parts.append('<g class="chart-series chart-target">')
    for year, target, low, high, mid in targets:
        if high is not None:
            top, bottom = frame.y(max(low, high)), frame.y(min(low, high))
            x = frame.x(year)
            parts.append(f'<rect class="chart-range" x="{_num(x - 7)}" y="{_num(top)}" width="14" '
                         f'height="{_num(max(bottom - top, 1))}" fill="{TARGET_COLOUR}" '
                         f'fill-opacity="0.15" stroke="{TARGET_COLOUR}" stroke-dasharray="3 2"/>')
    parts += _polylines([(year, frame.x(year), frame.y(mid)) for year, _, _, _, mid in targets],
                        TARGET_COLOUR, "6 4", "chart-line chart-line-target")
    for year, target, low, high, mid in targets:
        parts.append(f'<g class="chart-point"><title>{year}年 预期目标 {_attr(written(target))}'
                     f'</title>{_marker(_target_shape(target), frame.x(year), frame.y(mid), TARGET_COLOUR, False)}</g>')
    parts.append("</g>")

    parts.append('<g class="chart-series chart-actual">')
    parts += _polylines([(year, frame.x(year), frame.y(value)) for year, _, value in actuals],
                        ACTUAL_COLOUR, "", "chart-line chart-line-actual")
    for year, actual, value in actuals:
        parts.append(f'<g class="chart-point"><title>{year}年 实际完成 {_attr(written(actual))}'
                     f'</title>{_marker("square", frame.x(year), frame.y(value), ACTUAL_COLOUR, True, 4.5)}</g>')
    parts.append("</g>")
    parts += _legend(frame, legend)
    parts.append("</svg>")
    return mark_safe("\n".join(part for part in parts if part))


# --- terms across years ------------------------------------------------------------------------

def trend_chart(lines: list[dict], measure: str, chart_id: str = "trend-chart",
                region: str = "") -> SafeString:
    """One line per term (or term and region): ``measure`` (what the y axis counts) year by year.

    ``lines``: ``[{label, points: [(year, value)]}]``; a year missing from ``points`` (no
    report that year) breaks the line. Returns "" when there is nothing to draw.
    """
    lines = [line for line in lines if line["points"]]
    if not lines:
        return mark_safe("")
    years = [year for line in lines for year, _ in line["points"]]
    values = [value for line in lines for _, value in line["points"]]
    legend = [dict(colour=colour, dash=dash, shape=shape, filled=index % 2 == 0, label=line["label"])
              for index, (line, (colour, dash, shape)) in enumerate(zip(lines, TREND_STYLES))]
    frame = Frame(min(years), max(years), nice_ticks(min(values), max(values), include_zero=True),
                  legend_rows=_legend_rows(legend))
    first, last = frame.first_year, frame.last_year
    span = f"{first}年" if first == last else f"{first}—{last}年"
    labels = "、".join(f"“{line['label']}”" for line in lines)
    title = f"{labels}在{region or '全部地区'}报告中的{measure}，{span}"
    description = (f"折线图。横轴为年度，纵轴为{measure}。"
                   f"共 {len(lines)} 条线，各有不同的线型和标记，见图例；各年的报告数见图旁的表格。")
    parts = _open_svg(chart_id, frame, title, description, "trend-chart")
    parts += frame.axes(measure)
    for index, (line, (colour, dash, shape)) in enumerate(zip(lines, TREND_STYLES)):
        parts.append(f'<g class="chart-series chart-term-{index + 1}">')
        points = [(year, frame.x(year), frame.y(value)) for year, value in line["points"]]
        parts += _polylines(points, colour, dash, "chart-line")
        size = 4.5 if len(points) <= 30 else 3  # a long run of years: smaller markers
        for (year, value), (_, x, y) in zip(line["points"], points):
            parts.append(f'<g class="chart-point"><title>{year}年 “{_attr(line["label"])}” '
                         f'{_attr(measure)} {_attr(format_number(value))}</title>'
                         f'{_marker(shape, x, y, colour, index % 2 == 0, size)}</g>')
        parts.append("</g>")
    parts += _legend(frame, legend)
    parts.append("</svg>")
    return mark_safe("\n".join(part for part in parts if part))
