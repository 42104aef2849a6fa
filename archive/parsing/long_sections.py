"""Sections too long to read or to search well, cut into continuations.

No real report has a section of MAX_SECTION_CHARS (the longest, 23,000 characters, is in
the State Council's report of 1954). A longer one is cut at paragraph ends, else at
sentence or clause ends, into pieces of at most that length: the first stays the section's
text, the others become its first children, headed （续1）, （续2）…, so that the reader shows
them in order and each index document and search snippet stays bounded.
"""
from __future__ import annotations

from archive.parsing.document import SectionNode

MAX_SECTION_CHARS = 30_000
BREAKS = ("\n", "。", "；", "，")  # where a cut is made, the first found in the piece's second half
HEADING_KEPT = 100  # characters of the section's heading repeated in a continuation's


def split_long_sections(roots: list[SectionNode], limit: int = MAX_SECTION_CHARS) -> None:
    """Cut, in place, every section of ``roots`` whose own text is longer than ``limit``."""
    for root in roots:
        for node in list(root.walk()):
            pieces = _pieces(node.text, limit)
            if len(pieces) > 1:
                node.text = pieces[0]
                node.children[:0] = [
                    SectionNode(heading=f"{node.heading[:HEADING_KEPT]}（续{number}）",
                                level=node.level + 1, text=piece)
                    for number, piece in enumerate(pieces[1:], start=1)]


def _pieces(text: str, limit: int) -> list[str]:
    pieces = []
    while len(text) > limit:
        cut = limit
        for mark in BREAKS:
            found = text.rfind(mark, limit // 2, limit)
            if found >= 0:
                cut = found + 1
                break
        pieces.append(text[:cut])
        text = text[cut:].lstrip("\n")
    return [*pieces, text] if text else pieces
