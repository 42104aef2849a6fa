"""From the bytes of a file to a ParsedReport: read, clean, split, describe, count."""
from __future__ import annotations

import re

from archive.parsing.cleaning import clean_text, strip_markup
from archive.parsing.document import (
    HIGHLIGHTS, INTERPRETATION, KINDS, OTHER, PREAMBLE_STYLE, WORK_REPORT, ParsedReport,
    ReportMetadata, SectionNode,
)
from archive.parsing.indicators import extract_indicators
from archive.parsing.long_sections import split_long_sections
from archive.parsing.metadata import STATE_COUNCIL, extract_metadata
from archive.parsing.reading import read_document
from archive.parsing.structure import split_sections

# Newspaper pages: their short lines are captions and column fragments, not headings.
NEWSPAPER_KINDS = {HIGHLIGHTS, INTERPRETATION}
OPENING_LENGTH = 2000  # characters in which a speech's salutation stands
YEAR_IN_FILENAME = re.compile(r"(?<!\d)(19[4-9]\d|20\d\d)(?!\d)")


class IncompleteMetadata(ValueError):
    """The report's region or year is neither in its header nor given by the uploader."""


def parse_report(data: bytes, filename: str = "",
                 given: ReportMetadata | None = None) -> ParsedReport:
    """Parse a report file; ``given`` metadata wins over what the header says.

    Raises UnreadableDocument for a file that yields no text and
    IncompleteMetadata when region or year cannot be known.
    """
    raw = read_document(data, filename)
    marked = clean_text(raw)
    metadata = (given or ReportMetadata()).merged_over(extract_metadata(marked))
    metadata = _complete(metadata, marked, filename)
    newspaper = metadata.kind in NEWSPAPER_KINDS
    if newspaper:
        marked = clean_text(raw, columns=True)   # its columns break sentences anywhere
    sections = split_sections(marked, plain_headings=not newspaper)
    split_long_sections(sections)
    report = ParsedReport(text=strip_markup(marked), metadata=metadata, sections=sections)
    report.indicators = extract_indicators(
        _indicator_sections(report, newspaper), metadata.year, newspaper=newspaper,
        national=metadata.region == STATE_COUNCIL, region=metadata.region,
        delivered_in=metadata.delivered_on.year if metadata.delivered_on else None)
    return report


def _indicator_sections(report: ParsedReport, newspaper: bool) -> list[SectionNode]:
    """The sections figures are read from, in flat_sections() order.

    A newspaper page's columns come out of extraction scrambled: the text under a
    headline or question is not that article's, so there the headings place no figure
    and only a sentence's wording does.
    """
    sections = report.flat_sections()
    if not newspaper:
        return sections
    return [SectionNode("", node.level, text=node.text) for node in sections]


def _complete(metadata: ReportMetadata, text: str, filename: str) -> ReportMetadata:
    """Fill what the header left open from the file name and the opening words."""
    if metadata.year is None:
        match = YEAR_IN_FILENAME.search(filename)
        if match:
            metadata.year = int(match.group(1))
    if not metadata.kind:
        metadata.kind = WORK_REPORT if _addresses_congress(text) else OTHER
    if not metadata.title:
        metadata.title = KINDS[metadata.kind] if metadata.kind != OTHER else filename
    missing = [label for label, value in (("地区", metadata.region), ("年度", metadata.year))
               if not value]
    if missing:
        raise IncompleteMetadata(
            f"无法从文件中识别{'和'.join(missing)}，请在上传时填写")
    return metadata


def _addresses_congress(text: str) -> bool:
    """A report read to the people's congress opens with 各位代表."""
    return "各位代表" in text[:OPENING_LENGTH]


def section_anchors(roots: list[SectionNode]) -> dict[int, str]:
    """Stable permalink fragments keyed by id(node): s2-3 is the third child of root 2.

    Roots count from 0 when the report opens with a preamble, so 一、 is s1.
    """
    anchors: dict[int, str] = {}
    start = 0 if roots and roots[0].style == PREAMBLE_STYLE else 1

    def visit(nodes, prefix, first):
        for position, node in enumerate(nodes, start=first):
            anchor = f"{prefix}-{position}" if prefix else f"s{position}"
            anchors[id(node)] = anchor
            visit(node.children, anchor, 1)

    visit(roots, "", start)
    return anchors
