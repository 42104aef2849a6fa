"""The parser's data model: plain dataclasses, no Django.

The parsing package turns the bytes of an uploaded file into a ``ParsedReport``;
``archive.importing`` maps it onto the Django models.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field


class UnreadableDocument(ValueError):
    """The file cannot be turned into text; the message says why, for the uploader."""


@dataclass
class ReportMetadata:
    """What the header of a report says about it (or what the uploader supplied).

    Empty strings and ``None`` mean "not known"; ``merged_over`` lets given values
    win over values found in the text.
    """

    title: str = ""
    region: str = ""          # full official name: 晋江市, 广东省, 广西壮族自治区; 国务院 for the State Council
    year: int | None = None   # the year the report plans for (see DEVELOPERS.md)
    kind: str = ""            # one of KINDS below
    delivered_on: datetime.date | None = None
    meeting: str = ""         # 第十八届人民代表大会第四次会议
    speaker: str = ""         # 王明元
    office: str = ""          # 晋江市人民政府市长

    def merged_over(self, found: ReportMetadata) -> ReportMetadata:
        """Self's known values, falling back to ``found`` for the unknown ones."""
        values = {}
        for name in self.__dataclass_fields__:
            mine = getattr(self, name)
            values[name] = mine if mine not in ("", None) else getattr(found, name)
        return ReportMetadata(**values)


WORK_REPORT = "work_report"
BUDGET_REPORT = "budget_report"
INTERPRETATION = "interpretation"
HIGHLIGHTS = "highlights"
OTHER = "other"
KINDS = {
    WORK_REPORT: "政府工作报告",
    BUDGET_REPORT: "预算报告",
    INTERPRETATION: "解读",
    HIGHLIGHTS: "要点",
    OTHER: "其他",
}


@dataclass
class SectionNode:
    """One heading of the report with its own text (not its children's).

    ``label`` is the number as written, without brackets or punctuation: "一", "一"
    for （一）, "1", or "" for unnumbered and bold run-in headings. ``style`` says how
    the heading was written ("chinese" 一、, "paren" （一）, "arabic" 1、/1., "shi" 一是,
    "ordinal" 第一，, "bold",
    "plain" for unnumbered lines such as 2024年工作回顾, "preamble" for the text
    before the first heading, "glossary" for 附注/名词解释).
    """

    heading: str
    level: int
    label: str = ""
    style: str = "plain"
    text: str = ""
    children: list[SectionNode] = field(default_factory=list)

    def walk(self):
        """This node and its descendants, in reading order."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class IndicatorFact:
    """A number a report states about a named indicator."""

    name: str                 # normalised: 地区生产总值, 一般公共预算总收入, 城镇新增就业…
    measure: str              # GROWTH or LEVEL
    value: float
    unit: str                 # %, 亿元, 万人, 万吨, 亩…
    kind: str                 # TARGET or ACTUAL
    period_year: int          # the year the number is about
    sentence: str             # the sentence it came from, as it stands in the cleaned text
    value_high: float | None = None   # upper end of a range (6%－6.5%)
    qualifier: str = ""       # 左右, 以上, 以内, 以下, 超过, range, or ""
    section_index: int = -1   # position of its section in ParsedReport.flat_sections()
    at_period_end: bool = False   # a level reached at the end of a review of several years


GROWTH = "growth"
LEVEL = "level"
TARGET = "target"
ACTUAL = "actual"


@dataclass
class ParsedReport:
    text: str                 # the cleaned full text, markup removed, paragraphs split by blank lines
    metadata: ReportMetadata
    sections: list[SectionNode]
    indicators: list[IndicatorFact] = field(default_factory=list)

    def flat_sections(self) -> list[SectionNode]:
        return [node for root in self.sections for node in root.walk()]

PREAMBLE_STYLE = "preamble"
GLOSSARY_STYLE = "glossary"
