"""A section's text as the reader shows it: paragraphs of numbered sentences, words marked.

Every sentence gets an anchor of its own (``s2-3-j4``: the fourth sentence of section
s2-3; ``j`` for 句 keeps it apart from the anchor of a subsection, s2-3-4), so that an
indicator's 出处 can land on the sentence it was read from rather than on a section of
thousands of characters. A sentence ends at 。！？； (as the indicator parser's do), with
any closing quotes or brackets after the mark.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

from django.utils.safestring import SafeString, mark_safe

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
SENTENCE = re.compile(r"\s*[^。！？；!?;]+(?:[。！？；!?;]+[”’」』）)\"']*)?|\s*[。！？；!?;]+", re.S)


@dataclass(frozen=True)
class Sentence:
    start: int  # offsets into the section's text
    end: int
    number: int  # from 1 within the section


def paragraphs(text: str) -> list[list[Sentence]]:
    """The text's paragraphs (split at blank lines), each a list of its sentences."""
    found, number, start = [], 0, 0
    for boundary in [*PARAGRAPH_BREAK.finditer(text), None]:
        end = boundary.start() if boundary else len(text)
        sentences = []
        for match in SENTENCE.finditer(text, start, end):
            if match.group().strip():
                number += 1
                sentences.append(Sentence(match.start(), match.end(), number))
        if sentences:
            found.append(sentences)
        start = boundary.end() if boundary else end
    return found


def sentence_anchor(section_anchor: str, number: int) -> str:
    return f"{section_anchor}-j{number}"


def anchor_of(section_anchor: str, text: str, sentence: str) -> str:
    """The anchor of the sentence of ``text`` where ``sentence`` begins; the section's if not found."""
    at = text.find(sentence.strip())
    if at < 0:
        return section_anchor
    for group in paragraphs(text):
        for candidate in group:
            if candidate.start <= at < candidate.end:
                return sentence_anchor(section_anchor, candidate.number)
    return section_anchor


def render(section_anchor: str, text: str, marks: list[tuple[int, int]] = ()) -> SafeString:
    """HTML paragraphs of id'd sentence spans, ``marks`` (offsets into text) in <mark>.

    A mark that runs across a sentence end is split there, so the HTML stays nested.
    """
    out = []
    for group in paragraphs(text):
        out.append("<p>")
        for sentence in group:
            out.append(f'<span class="sentence" id="{sentence_anchor(section_anchor, sentence.number)}">')
            out.append(marked(text, sentence.start, sentence.end, marks))
            out.append("</span>")
        out.append("</p>\n")
    return mark_safe("".join(out))


def render_heading(heading: str, marks: list[tuple[int, int]] = ()) -> SafeString:
    return mark_safe(marked(heading, 0, len(heading), marks))


def marked(text: str, start: int, end: int, marks) -> str:
    """text[start:end] escaped, with the parts inside ``marks`` in <mark>; newlines as <br>."""
    out, at = [], start
    for mark_start, mark_end in marks:
        mark_start, mark_end = max(mark_start, at), min(mark_end, end)
        if mark_start >= mark_end:
            continue
        out += [_escape(text[at:mark_start]), "<mark>", _escape(text[mark_start:mark_end]), "</mark>"]
        at = mark_end
    out.append(_escape(text[at:end]))
    return "".join(out)


def _escape(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")
