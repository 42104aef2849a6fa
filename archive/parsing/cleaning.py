"""Repair what text extraction broke, keeping every character of content.

``clean_text`` returns paragraphs separated by exactly one blank line, each on one
line, and keeps the ``**…**`` bold markers that ``reading`` puts around bold runs
(the structure parser looks for bold run-in headings); ``strip_markup`` removes
those markers and nothing else.

Rules, in order:

0. Text copied from a web page's source: line breaks stored as the characters
   ``\\r\\n`` (when there are several) become line breaks, and HTML entities
   (``&nbsp;``, ``&ldquo;``, ``&#12288;``) the characters they stand for; a run of
   question marks that opens a line (``??（一）``, indentation lost in an encoding) is
   indentation again.
1. Line breaks: ``\\r\\n`` and ``\\r`` become ``\\n``; form feeds and paragraph
   separators become a blank line. Zero-width characters, BOMs and soft hyphens
   are dropped. Full-width and no-break spaces (``　　`` indentation) become
   ordinary spaces, runs of spaces one space, and lines are stripped.
2. Lines inside one blank-line-separated block (newspaper columns, PDF lines,
   soft line breaks) are joined into one paragraph only when the block reads as
   prose (at least half its lines carry clause punctuation) and the line runs to
   (nearly) the block's widest line without ending a sentence. A line that starts
   with a bullet (◎ ●), a heading number, or indentation starts a new paragraph;
   blocks of punctuation-free lines (highlight lists, headlines, by-lines) keep
   one item per paragraph. A line cut where no line ends goes on in the next: after an
   opening mark (``（`` / ``三）…``) or the particle 的 (``…发展的`` / ``主要目标``), or
   before a colon or 是： (``主要预期目标`` / ``是：地区生产总值…``).
3. Page breaks: a paragraph is joined to the next blank-line-separated one
   (``…收入分`` + ``别增长…``) only if it ends without sentence-final punctuation
   and is running text (a sentence end inside it) or ends in an unfinished clause
   (``，`` ``、`` ``“`` ``《``), and the next one is not indented, does not start like a
   heading, list item or ``**`` bold run-in heading, and is not a short line
   without a full stop. Headings are joined to what follows only when cut after a
   comma (``（三）坚持改革开放，`` + ``增强发展活力``): a heading number without a
   sentence inside (``（三）坚持改革开放，增强发展活力``), or a paragraph bold
   throughout. One-sentence paragraphs without a full stop
   (``五年来，国防和军队建设迈出新步伐``) count as headings too, which leaves a
   few real breaks in newspaper columns unjoined; table rows (tabs) never join. On a
   newspaper page (``columns``), whose columns break running text anywhere, a paragraph
   with a clause mark inside is running text too (``…城乡居民人均可`` + ``支配收入增长7.0%，…``).
4. ``０-９`` and ``％`` become ASCII everywhere. In paragraphs with Chinese text,
   spaced digits are closed up (``1 9 9 8`` -> ``1998``), ``．`` between digits
   becomes ``.``, spaces between a number and a following Chinese character or %
   are removed (``1998 年`` -> ``1998年``), as are spaces between a Chinese character
   and a number that is followed by a unit (``增长 1.7%`` -> ``增长1.7%``), and
   letter-spaced runs of single Chinese characters are closed up (``政 府 工 作 报 告``).
   Latin text, full-width brackets and Chinese punctuation are left alone.
"""
from __future__ import annotations

import html
import re
import string
import unicodedata

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAS_CJK = re.compile(f"[{CJK}]")

ESCAPED_BREAK = re.compile(r"\\r\\n|\\[rn]")
MIN_ESCAPED_BREAKS = 3    # one alone may be a quoted backslash; a web copy has one per line
LOST_INDENT = re.compile(r"^[ \t]*\?{2,}", re.MULTILINE)
ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,7}|#\d{1,7}|#[xX][0-9A-Fa-f]{1,6});")
LINE_BREAKS = str.maketrans({"\r": "\n", "\v": "\n", "\x85": "\n", "\u2028": "\n",
                             "\f": "\n\n", "\u2029": "\n\n"})
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
FULL_WIDTH = str.maketrans("０１２３４５６７８９％", "0123456789%")
SPACES = re.compile(r"[ \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
TAB_RUN = re.compile(r" ?\t[\t ]*")
BLANK_LINES = re.compile(r"\n(?:[^\S\n]*\n)+")   # [^\S\n]: any whitespace but a newline
INDENT = re.compile(r"^(?:[\u3000\t\u00a0]|  )")

SENTENCE_END = "。！？!?；;…"
FINAL = SENTENCE_END + "：:.”’」』）)】》〉—-"
OPENING_MARKS = "“‘《（(「『【"       # a line never ends on one of these
OPEN_CLAUSE = "，、," + OPENING_MARKS   # a paragraph ending in one of these is unfinished
PARTICLE_END = "的"    # …经济社会发展的 / 主要目标: a line never ends on 的
CONTINUED_START = re.compile(r"[，。、；：,;:]|是[：:]")   # 主要预期目标 / 是：…: nor opens on these
PROSE_MARK = re.compile("[，、。；：？！,;:!?]")
HEADING_START = re.compile(
    r"""^(?:
        [一二三四五六七八九十百]+[、.．]            # 一、
      | [（(][一二三四五六七八九十百\d]+[）)]      # （一） (1)
      | \d{1,2}[、.．](?!\d)                     # 1、 1.  but not 1.5
      | [一二三四五六七八九十]+[是要]              # 一是 一要
      | 第[一二三四五六七八九十百\d]+(?:[章节部分篇条]|[，、,．.])
      | [\u2460-\u2473◎●○•·▪■□◆◇★☆※►▶]          # ① and bullets
      | [—－-]                                   # ——经济实力跃上新台阶
      | \*\*                                     # bold run-in heading
      | 附注 | 附件 | 名词解释 | 各位代表
    )""",
    re.X,
)
LATIN_WORD = set(string.ascii_letters + string.digits)
LATIN_WORD_END = set(string.ascii_letters + ",.;:!?")   # digits: a number split by a line break
SHORT_LINE = 20         # a following line this short without a full stop may be a title
FULL_LINE = 0.8         # share of the block's widest line that counts as running to the margin

SPACED_DIGITS = re.compile(r"(?<![\d.])\d(?: \d)+(?![\d.])")
SPACED_DECIMALS = re.compile(r"(?<=\d\.\d)(\d*) (?=\d)")   # 3.6 2亿元 -> 3.62亿元
DOT_IN_NUMBER = re.compile(r"(?<=\d) *[．] *(?=\d)|(?<=\d)。(?=\d+(?:%|‰|万|亿|元|人|吨|斤|倍|个))")   # 301。2亿元
NUMBER_THEN_CJK = re.compile(f"(?<=\\d) +(?=[%{CJK}])")
CJK_THEN_NUMBER = re.compile(f"(?<=[{CJK}]) +(?=\\d+(?:\\.\\d+)?[%{CJK}])")
SPACED_CJK = re.compile(f"(?<![^\\s*])[{CJK}](?: [{CJK}])+(?![^\\s*])")


def clean_text(raw: str, columns: bool = False) -> str:
    """Cleaned text: one paragraph per line, blank lines between, bold markers kept.

    ``columns``: the text of a newspaper page (rule 3).
    """
    text = _unescape_web_copy(raw)
    text = text.replace("\r\n", "\n").translate(LINE_BREAKS).translate(INVISIBLE)
    text = text.translate(FULL_WIDTH)
    paragraphs: list[str] = []
    for block in BLANK_LINES.split(text):
        lines = [line for line in block.split("\n") if line.strip()]
        for index, paragraph in enumerate(_block_paragraphs(lines)):
            if (
                index == 0
                and paragraphs
                and not INDENT.match(lines[0])
                and _continues(paragraphs[-1], paragraph, columns)
            ):
                paragraphs[-1] = _join(paragraphs[-1], paragraph)
            else:
                paragraphs.append(paragraph)
    return "\n\n".join(_fix_spacing(paragraph) for paragraph in paragraphs)


def strip_markup(text: str) -> str:
    """``text`` without the ``**`` bold markers (and nothing else removed)."""
    return text.replace("**", "")


def _unescape_web_copy(text: str) -> str:
    if len(ESCAPED_BREAK.findall(text)) >= MIN_ESCAPED_BREAKS:
        text = ESCAPED_BREAK.sub("\n", text)
    text = LOST_INDENT.sub(lambda marks: " " * len(marks.group()), text)
    return ENTITY.sub(lambda entity: html.unescape(entity.group()), text)


# --- lines and blocks -----------------------------------------------------------------

def _normal(line: str) -> str:
    """One line with its spaces normalised (a tab kept as a cell separator) and stripped."""
    return TAB_RUN.sub("\t", SPACES.sub(" ", line)).strip()


def _block_paragraphs(raw_lines: list[str]) -> list[str]:
    """The paragraphs of one blank-line-separated block (rule 2)."""
    lines = [_normal(line) for line in raw_lines]
    if len(lines) < 2:
        return lines
    prose = 2 * sum(1 for line in lines if PROSE_MARK.search(line)) >= len(lines)
    full = FULL_LINE * max(_width(line) for line in lines)
    paragraphs = [lines[0]]
    for previous, line, raw in zip(lines, lines[1:], raw_lines[1:]):
        wraps = (
            (prose and _width(previous) >= full and not _ends_sentence(previous)
             or _cut_inside(previous, line))
            and not INDENT.match(raw)
            and not HEADING_START.match(line)
            and "\t" not in previous + line
        )
        if wraps:
            paragraphs[-1] = _join(paragraphs[-1], line)
        else:
            paragraphs.append(line)
    return paragraphs


def _cut_inside(line: str, following: str) -> bool:
    """A line cut where no line ends: after an opening bracket (``（`` / ``三）…``) or 的
    (``…发展的`` / ``主要目标``), or before a colon or 是： (``主要预期目标`` / ``是：…``)."""
    plain = _plain(line)
    return (plain.endswith(tuple(OPENING_MARKS + PARTICLE_END))
            or bool(plain and CONTINUED_START.match(_plain(following))))


def _continues(paragraph: str, following: str, columns: bool = False) -> bool:
    """Whether ``following`` continues ``paragraph`` across a page break (rule 3)."""
    plain, next_plain = _plain(paragraph), _plain(following)
    if not next_plain or "\t" in paragraph + following:
        return False
    if _ends_sentence(paragraph) or HEADING_START.match(following):
        return False
    if _is_heading(paragraph):
        # （三）坚持改革开放， / 增强发展活力: a heading cut after a comma goes on
        return plain[-1] in "，,"
    running_text = any(mark in plain[:-1] for mark in SENTENCE_END) or (
        columns and PROSE_MARK.search(plain[:-1]))
    if not (running_text or plain[-1] in OPEN_CLAUSE):
        return False
    is_title = len(next_plain) <= SHORT_LINE and next_plain[-1] not in SENTENCE_END
    return not is_title


def _is_heading(paragraph: str) -> bool:
    """A numbered heading without a sentence inside it, or a paragraph bold throughout."""
    if paragraph.startswith("**") and paragraph.endswith("**") and paragraph.count("**") == 2:
        return True
    return bool(HEADING_START.match(paragraph)) and not any(
        mark in paragraph for mark in SENTENCE_END
    )


def _join(left: str, right: str) -> str:
    """Two pieces of one paragraph: no space in Chinese text, one between Latin words."""
    end, start = left[-1], right[0]
    spaced = start in LATIN_WORD and (end in LATIN_WORD_END or (end.isdigit() and start.isalpha()))
    return f"{left} {right}" if spaced else left + right


def _ends_sentence(text: str) -> bool:
    """Whether ``text`` ends with sentence-final punctuation (or has no text at all)."""
    plain = _plain(text)
    return not plain or plain[-1] in FINAL


def _plain(text: str) -> str:
    return text.replace("**", "").strip()


def _width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in _plain(line))


# --- spacing inside a paragraph -------------------------------------------------------

def _fix_spacing(paragraph: str) -> str:
    """Rule 4: close up spacing that extraction put into numbers and spaced headings."""
    if not HAS_CJK.search(paragraph):
        return paragraph
    paragraph = SPACED_DIGITS.sub(lambda match: match.group().replace(" ", ""), paragraph)
    paragraph = SPACED_DECIMALS.sub(r"\1", paragraph)
    paragraph = DOT_IN_NUMBER.sub(".", paragraph)
    paragraph = NUMBER_THEN_CJK.sub("", paragraph)
    paragraph = CJK_THEN_NUMBER.sub("", paragraph)
    return SPACED_CJK.sub(lambda match: match.group().replace(" ", ""), paragraph)
