"""Cleaned text to a heading tree: 一、 / （一） / 1、 / （1）, bold run-ins, plain lines.

Contract: every character of the input, minus the ``**`` bold markers, lands once,
in order, in some node's heading or text, except a numbered heading's number (kept
in ``label``) and the one 。 or ： that closes a run-in heading (``附注：``,
``（一）…再出发。主动应对…``). Text that follows a run-in child stays in that child
even when it starts a new paragraph: moving it back to the parent would put it out of
reading order.

Numbering styles rank in the order they are first accepted (unnumbered heading lines
always first): a heading closes the open ones of its rank and below and goes under the
nearest of a higher rank, one level deeper, so a report without 一、 puts （一） at level 1
and a 1、 straight under 三、 is at level 2. A numbered candidate (一、 （一） 1、 （1）
一是 第一，) is a heading only if it continues its sequence (一 after a new parent, else
previous + 1), its first sentence is short (a line of one sentence followed by its body
may be longer) and not a list clause ending in ；, and (for 一是) it is a line of its own
or a bold run-in. A 一、 series that restarts (with a short heading) inside part 二 or
later is that part's items, one level down (1986: 二、…的基本任务 then 一、确定适度的
经济增长率…). A 一是 or 第一， list announced by a lead-in ending in ： after the body of
a part's last item stands beside the items (2011: 一是必须坚持科学发展。; 2008: 第一，
必须坚持解放思想。). A bare
numbered heading line continues on the next paragraph when that is a short line without
punctuation (三、持续提升政府 / 治理效能和服务水平: a line broken in the source).
Short unnumbered lines without punctuation are the parts of a report without accepted
一、 headings. In a report with numbered parts, a line of its own that is no sentence
(commas allowed) is a part when it stands before the first numbered part (after the
各位代表 salutation; not the speaker's address, 现在，我代表国务院，…) or alone after the
last one (结束语), and otherwise an item of the
section open there (五年来，外交工作开创新局面); where several such parts open the report,
its numbered parts stand inside the last of them. A web page's controls (扫一扫在手机打开当前页,
打印本页, 【字号 大 中 小】) are text, never headings. Paragraphs of one short sentence ending in 。
(国民经济快速增长。, ——经济平稳快速增长。) between a part's heading and its first numbered
item are the part's items when there are at least three, each followed by its body (only
the dashed ones where some have a dash), or two short ones in a part without numbered items
(1999: 千方百计扩大出口。, 继续保持人民币汇率稳定。); a long one right under the part's
heading is its lead sentence. Bold run-in headings divide a paragraph that
opens with a heading (numbered or bold); inside a paragraph of body text a bold phrase
is emphasis.

County pages (fixtures/external, source E): unnumbered part lines that each open a 一、
series of their own are the parts (2022年工作回顾 / 一、…; 2023年工作目标任务 / 一、…);
unnumbered lines written as a series (一年来，我们坚持… ×6) are items of the part line
before them; lists that each number from (一) after a lead-in paragraph stand side by side;
no plain part comes before the 各位代表 salutation; and from a web page's link lists on
(分享到：, 相关文章, 标签云…) everything is text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from archive.parsing.document import GLOSSARY_STYLE, PREAMBLE_STYLE, SectionNode
from archive.parsing.numbers import chinese_number

CN = "一二三四五六七八九十"
# (kind, style written to the node, pattern); a kind is one numbering sequence.
NUMBERINGS = [
    ("chinese", "chinese", re.compile(rf"([{CN}]{{1,3}})\s*[、．.]\s*")),
    ("paren", "paren", re.compile(rf"[（(]?\s*([{CN}]{{1,3}})\s*[）)]\s*")),   # 一）: a copy that lost the （
    ("arabic", "arabic", re.compile(r"(\d{1,2})\s*(?:[、．]|\.(?!\d))\s*")),
    ("paren-arabic", "paren", re.compile(r"[（(](\d{1,2})[）)]\s*")),
    ("shi", "shi", re.compile(rf"([{CN}]{{1,3}})是(?=[^，,、；;。])")),          # 一是加大…。
    ("ordinal", "ordinal", re.compile(rf"第([{CN}]{{1,3}})\s*[、，,．.]\s*")),   # 第一，…
]
APPENDIX_NUMBER = rf"附件?\s*[\d{CN}]*"   # 附件1, 附件一, 附
GLOSSARY = re.compile(rf"(?:{APPENDIX_NUMBER}\s*[：:]?\s*)?(?:《[^》]{{2,20}}》)?"
                      r"(?:附注|注释|(?:有关|部分)?(?:名词|术语|词语|用语)的?(?:解释|注释|注解|说明))(?:[和及]说明)?")
APPENDIX = re.compile(rf"附\s*件\s*[\d{CN}]*(?:[\s：:]+\S.{{0,30}})?")
DECORATION = "*※★☆●■◆◇【】 "   # around a heading on a web page: ※名词解释※, *名词解释, 【名词解释】
# Where a web page's own lists begin after the report (标签：, 分享到：, 上一篇：, 相关文章, 本栏最新…):
# from there on everything is text, never a heading.
PAGE_TRAILER = re.compile(r"(?:分享到|上一篇|下一篇|标签)[：:]?|相关(?:文章|阅读|新闻)|本栏(?:最新|推荐)|阅读排行|标签云")
RUN_IN_END = "。！？"
SALUTATION = re.compile(r"各位代表|同志们|代表们")
CLOSERS = "。！？：:"   # the one mark after a run-in heading that neither side keeps
MAX_HEADING = 50      # longer first sentences are numbered body text, not headings
MAX_LINE_NUMBERED = 80   # a numbered line of one sentence, its own paragraph
MAX_BOLD_HEADING = 50
MAX_PLAIN_HEADING = 30
MAX_UNNUMBERED_HEADING = 40
BYLINE = re.compile(r"本报(?:记者|通讯员)[\s\u4e00-\u9fff·]{2,20}")   # 本报记者 蔡明宣
DECK = re.compile(r"(?:报告|内容)?摘要[：:]|核心提示[：:]")          # 报告摘要：… under a headline
MIN_ARTICLES = 2      # a page with fewer headlines above by-lines is one article
MAX_CONTINUATION = 20  # the second line of a heading broken in two
MAX_TITLE_LINE = 20    # each line of a bold part heading set on two lines
LINE_ONLY_KINDS = {"shi"}   # 一是…。 is a heading only as a line of its own, or in bold
LIST_KINDS = {"shi", "ordinal"}   # 一是 and 第一， lists of lessons beside the items
SENTENCE_MARKS = "。，；：！？,;:!?"
PLAIN_KIND = "plain"
MAX_LINE_HEADING = 45
DASH = "——"           # ——经济平稳快速增长。: an item line set with a dash
# the speaker's address to the assembly: 现在，我代表国务院，向大会报告政府工作，请各位代表审议
ADDRESS = re.compile(r"我代表|请各位代表|请(?:予|大会)审议")
NARRATION = re.compile(r"(?:[^，。]{1,10}，)?我们")   # 这五年，我们…: the speaker narrates
MIN_LINE_HEADINGS = 3   # fewer such lines opening a part are lead sentences, not items
MIN_SHORT_LINE_HEADINGS = 2   # ... unless they are short and the part has no numbered items
MAX_SHORT_LINE = 18     # 千方百计扩大出口。, 继续保持人民币汇率稳定。
UNRANKED = float("inf")   # preamble, glossary and bold nodes: closed by any numbered heading
# the controls of a web page kept with its text: body text, never a heading
PAGE_CHROME = re.compile(
    r"扫一扫在手机(?:上)?打开当前页|打印本页|关闭(?:本页|窗口)|下载|打印|全屏|收藏|分享(?:到)?[：:]?"
    r"|【?\s*字[号体][：:]?\s*(?:[大中小]\s*){0,3}(?:加大|还原|减小|\s)*】?|相关(?:报道|链接|附件)[：:]?(?:>>)?"
    r"|(?:[（(](?:下转|上接)第[一二三四五六七八九十\d]+版[）)])+")   # a newspaper's page jump
DATED = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印?$")   # …秘书处 2014年1月6日印: a printer's line
SUB_KIND = "chinese-items"   # a 一、 series restarted inside a part: its items
SUB_RANK = 0.5      # between the parts' 一、 and any other numbering
MIN_ITEM_BODY = 3   # paragraphs of an item before a 一是 list that no longer opens it
LEADING_PARTS = 2   # as many unnumbered parts before the first numbered one hold the numbered
OPENER = 6          # 一年来，我们坚持…: characters that a series of parallel item lines shares
MIN_PARALLEL = 3    # lines opening alike, at least, to be a series


@dataclass
class _Paragraph:
    """One paragraph without bold markers, and where its bold runs were."""

    text: str
    bold: list[tuple[int, int]]

    @classmethod
    def parse(cls, marked: str) -> _Paragraph:
        text, bold = "", []
        for position, part in enumerate(marked.split("**")):
            if position % 2 and part:
                bold.append((len(text), len(text) + len(part)))
            text += part
        lead = len(text) - len(text.lstrip())
        text = text.strip()
        spans = [(max(start - lead, 0), min(end - lead, len(text))) for start, end in bold]
        return cls(text, [(start, end) for start, end in spans if start < end])


class _Number(NamedTuple):
    kind: str       # one numbering sequence: chinese, paren, arabic, paren-arabic, plain
    style: str      # as written to the node
    label: str
    value: int
    end: int        # where the text after the number starts


class _Numbered(NamedTuple):
    number: _Number
    heading: str
    body_start: int
    bare: bool      # a heading line: no run-in text, no closing punctuation


class _TreeBuilder:
    def __init__(self, plain_headings: bool, part_span: tuple[int, int] | None = None,
                 closing_part: int | None = None, line_headings: dict[int, int | None] | None = None,
                 headlines: frozenset[int] = frozenset(), series_parts: frozenset[int] = frozenset(),
                 parallel_lines: frozenset[int] = frozenset(), series_items: frozenset[int] = frozenset()):
        self.plain_headings = plain_headings
        self.part_span = part_span    # positions of the first and last numbered part heading
        self.closing_part = closing_part   # position of an unnumbered closing part (结束语)
        self.line_headings = line_headings or {}   # one-sentence item lines: the part they stand in
        self.headlines = headlines    # positions of a newspaper page's part headings
        self.series_parts = series_parts   # unnumbered parts, each with its own 一、 series
        self.series_items = series_items   # unnumbered item lines of a part without one
        self.parallel_lines = parallel_lines   # unnumbered lines opening alike: items, not parts
        self.position = -1            # of the paragraph being fed
        self.heading_positions: list[tuple[int, int]] = []   # (position, level), numbered
        self.saluted = False          # the 各位代表 salutation has been read
        self.roots: list[SectionNode] = []
        self.stack: list[tuple[float, SectionNode]] = []   # (rank, node) of open headings
        self.texts: dict[int, list[str]] = {}
        self.ranks: dict[str, int] = {}
        self.last_number: dict[str, int] = {}
        self.seen_sentence = False
        self.after_clause = False     # the paragraph before was a numbered clause ending in ；
        self.in_back_matter = False   # after 附注/附件: no more headings but these
        self.open_bare: SectionNode | None = None   # a bare numbered heading just opened
        self.accepted_kinds: set[str] = set()
        self.leading_parts: list[SectionNode] = []   # unnumbered parts before the first numbered
        self.previous_text = ""       # the paragraph fed before this one
        self.opened_at: dict[int, SectionNode] = {}   # numbered headings by position
        self.paragraphs: list[_Paragraph] = []   # all of them, to look ahead
        self.salutation_ahead = False   # the speech has a 各位代表 salutation: no part before it

    def feed(self, paragraph: _Paragraph, following: str = "") -> None:
        """Place one paragraph; ``following`` is the text of the next one."""
        text = paragraph.text
        self.position += 1
        previous_text, self.previous_text = self.previous_text, text
        if self.roots and self._opens_back_matter(text):
            return
        if self.roots and PAGE_TRAILER.fullmatch(text):
            self.in_back_matter = True
        if self.in_back_matter:
            self._add_text(text)
            return
        if self.position in self.headlines:
            self._open_root(SectionNode(text, 1, style="plain"))
            return
        if self.position in self.series_parts:
            node = SectionNode(text, 1, style="plain")
            self.roots.append(node)
            self.stack = [(-1, node)]     # its numbered headings stand inside it
            self.last_number.clear()      # and number from 一 again
            return
        if self.position in self.series_items:
            self._open_child(SectionNode(text, 0, style="plain"))
            return
        start = 0
        number = _number(text)
        numbered = _numbered(paragraph, number, bool(following) and _is_body(following)) if number else None
        if numbered and number.kind == "chinese":
            number = self._in_restarted_series(number, numbered.heading)
            numbered = numbered._replace(number=number)
        after_clause, self.after_clause = self.after_clause, bool(number) and _is_clause(text)
        open_bare, self.open_bare = self.open_bare, None
        if open_bare and not number and _continues_heading(open_bare, text):
            open_bare.heading += text
            return
        if numbered and not after_clause and (self._continues_sequence(number, numbered.bare)
                                              or self._restarts_after_lead_in(number, previous_text)):
            if self._list_of_the_part(number, previous_text):
                self.stack.pop()
            self._open_numbered(numbered)
            start = numbered.body_start
        elif (self.plain_headings and not number and self.seen_sentence
              and (self.saluted or not self.salutation_ahead) and _is_plain_heading(text)):
            self._open(PLAIN_KIND, SectionNode(text, 0, style="plain"))
            return
        elif self.position in self.line_headings and self._in_section():
            self._close_items_of(self.line_headings[self.position])
            self._open_child(SectionNode(text[:-1], 0, style="plain"))
            return
        elif self.part_span and not number and _is_unnumbered_heading(text):
            if self._open_unnumbered(SectionNode(text, 1, style="plain")):
                return
        if self._in_section():
            start = self._open_bold_headings(paragraph, start, following)
        self._add_text(text[start:])
        self.seen_sentence = self.seen_sentence or text[-1] in SENTENCE_MARKS
        self.saluted = self.saluted or text.startswith("各位代表")

    def finish(self) -> list[SectionNode]:
        for root in self.roots:
            for node in root.walk():
                node.text = "\n\n".join(self.texts.get(id(node), []))
        return self.roots

    def _opens_back_matter(self, text: str) -> bool:
        """附注, 名词解释, 附件1 …: a root whose text holds everything up to the next one."""
        style = _back_matter_style(text)
        if not style:
            return False
        self.in_back_matter = True
        heading = text[:-1] if text[-1] in CLOSERS else text
        self._open_root(SectionNode(heading, 1, style=style))
        return True

    def _open_bold_headings(self, paragraph: _Paragraph, start: int, following: str) -> int:
        """Open the paragraph's bold run-in headings from ``start`` on; where its text goes on.

        Bold runs divide a paragraph that opens with a heading (1、…。**全面推进数转智改。**…);
        inside a paragraph of body text they are emphasis. A bold line right before a
        numbered heading would head nothing: **重点做好十方面工作。** announces the list.
        """
        text = paragraph.text
        opened = start > 0    # by a numbered heading
        for begin, heading, body in _bold_headings(paragraph, start):
            if begin > start and not opened:
                break
            if begin == 0 and body >= len(text) and _number(following):
                break
            self._add_text(text[start:begin])
            self._open_child(SectionNode(heading, 0, style="bold"))
            start, opened = body, True
        return start

    def _restarts_after_lead_in(self, number: _Number, previous_text: str) -> bool:
        """(一)(二) of one list, then a lead-in paragraph (“五条赛道”即…), then (一)…(五) of the
        next: a part that sets out several lists, each numbered from one, side by side."""
        return (number.kind != "chinese" and number.value == 1
                and self.last_number.get(number.kind, 0) >= 2
                and bool(previous_text) and not _number(previous_text))

    def _continues_sequence(self, number: _Number, bare: bool) -> bool:
        """Next in its sequence; a bare heading line may skip one (a number lost in the source)."""
        last = self.last_number.get(number.kind, 0)
        return number.value == last + 1 or (bare and last > 0 and number.value == last + 2)

    def _in_restarted_series(self, number: _Number, heading: str) -> _Number:
        """一、…五、 restarted inside part 二 (1986: 二、“七五”时期的基本任务… then 一、确定适度的
        经济增长率…): the part's items, a series of their own one level down.

        A series restarts at 一、 inside an open part numbered 二 or higher. A number that
        would continue both the restarted series and the parts (三、 after part 二's 二、) is
        an item when the same number comes again before the next restart: the next part
        (三、“七五”时期的经济体制改革) is still to come.
        """
        part = self.last_number.get("chinese", 0)
        items = self.last_number.get(SUB_KIND)
        part_open = any(node.style == "chinese" and node.level == 1 for _, node in self.stack)
        if number.value == 1 and part >= 2 and part_open and len(heading) <= MAX_HEADING:
            return number._replace(kind=SUB_KIND)
        if items is None or number.value != items + 1:
            return number
        if number.value == part + 1 and not self._comes_again(number.value):
            return number
        return number._replace(kind=SUB_KIND)

    def _comes_again(self, value: int) -> bool:
        """A later 一、-numbered heading has ``value`` before the series restarts at 一、."""
        for paragraph in self.paragraphs[self.position + 1:]:
            number = _number(paragraph.text)
            if not number or number.kind != "chinese" or not _numbered(paragraph, number):
                continue
            if number.value == 1:
                return False
            if number.value == value:
                return True
        return False

    def _list_of_the_part(self, number: _Number, previous_text: str) -> bool:
        """一是必须坚持科学发展。 or 第一，必须坚持解放思想。 announced by a lead-in ending in
        ： (…以下几个方面的认识和体会：, 主要体会是：) after the body of the part's last item: a
        list beside the items, not inside the last one (whose own 一是 list follows its
        heading and lead paragraph)."""
        if number.kind not in LIST_KINDS or number.value != 1 or not previous_text:
            return False
        if previous_text[-1] not in "：:" or len(self.stack) < 2 or not self.heading_positions:
            return False
        item_position, item_level = self.heading_positions[-1]
        return (item_level > 1 and self.stack[-1][1].level == item_level
                and self.position - item_position - 1 >= MIN_ITEM_BODY)

    def _open_numbered(self, numbered: _Numbered) -> None:
        number = numbered.number
        self.accepted_kinds.add(number.kind)
        self.last_number[number.kind] = number.value
        node = SectionNode(numbered.heading, 0, number.label, number.style)
        self._open(number.kind, node)
        self.open_bare = node if numbered.bare else None
        self.heading_positions.append((self.position, node.level))
        self.opened_at[self.position] = node

    def _open_unnumbered(self, node: SectionNode) -> bool:
        """An unnumbered heading line in a report with numbered parts (结束语, 五年来，…).

        Before the first numbered part (once the speech has begun) it is a part of its
        own, and so is the closing part; elsewhere an item of the section open there.
        """
        first, _ = self.part_span
        if self.position < first and self.position in self.parallel_lines and self.leading_parts:
            self._open_child(node)   # 2021年工作回顾 / 一年来，我们坚持稳中提质，… ×6: its items
        elif self.position == self.closing_part or self.position < first and self.saluted:
            self._open_root(node)
            if self.position < first:
                self.leading_parts.append(node)
        elif self.position > first and self._in_section():
            self._open_child(node)
        else:
            return False
        return True

    def _open(self, kind: str, node: SectionNode) -> None:
        """Place a numbered or plain heading under the nearest shallower one.

        Where the report opens with several unnumbered parts (“十四五”时期发展成就和2025年
        工作回顾, “十五五”时期主要目标和2026年重点工作), its numbered parts stand inside
        the last of them: the report does not switch to numbered parts halfway.
        """
        if kind == SUB_KIND:
            rank = self.ranks.setdefault("chinese", len(self.ranks)) + SUB_RANK
        else:
            rank = self.ranks.setdefault(kind, len(self.ranks))
        if (len(self.leading_parts) >= LEADING_PARTS and self.stack
                and self.stack[0] == (UNRANKED, self.leading_parts[-1])):
            self.stack[0] = (-1, self.leading_parts[-1])
        for deeper, deeper_rank in [*self.ranks.items(), (SUB_KIND, self.ranks["chinese"] + SUB_RANK)
                                    if "chinese" in self.ranks else (SUB_KIND, rank)]:
            if deeper_rank > rank:
                self.last_number.pop(deeper, None)
        while self.stack and self.stack[-1][0] >= rank:
            self.stack.pop()
        if self.stack:
            parent = self.stack[-1][1]
            parent.children.append(node)
            node.level = parent.level + 1
        else:
            self.roots.append(node)
            node.level = 1
        self.stack.append((rank, node))

    def _close_items_of(self, part_position: int | None) -> None:
        """Close what is open below the part that stands at ``part_position``."""
        part = self.opened_at.get(part_position) if part_position is not None else None
        if part is not None and any(node is part for _, node in self.stack):
            while self.stack[-1][1] is not part:
                self.stack.pop()

    def _open_child(self, node: SectionNode) -> None:
        """An unnumbered item under the nearest numbered heading; it closes the item before it."""
        while len(self.stack) > 1 and self.stack[-1][0] == UNRANKED:
            self.stack.pop()
        parent = self.stack[-1][1]
        node.level = parent.level + 1
        parent.children.append(node)
        self.stack.append((UNRANKED, node))

    def _open_root(self, node: SectionNode) -> None:
        self.roots.append(node)
        self.stack = [(UNRANKED, node)]

    def _in_section(self) -> bool:
        return bool(self.stack) and self.stack[0][1].style not in (PREAMBLE_STYLE, GLOSSARY_STYLE)

    def _add_text(self, text: str) -> None:
        text = text.strip()
        if not text:
            return
        if not self.stack:
            self._open_root(SectionNode("", 1, style=PREAMBLE_STYLE))
        self.texts.setdefault(id(self.stack[-1][1]), []).append(text)


def split_sections(text: str, plain_headings: bool = True) -> list[SectionNode]:
    """The roots of the heading tree of cleaned text (paragraphs split by blank lines).

    ``plain_headings=False`` reads a newspaper page, where short lines are column
    fragments and captions: its only unnumbered headings are question and box titles and
    the headlines of its articles (_newspaper_headlines).
    """
    paragraphs = [_Paragraph.parse(part) for part in re.split(r"\n\s*\n", text)]
    paragraphs = _join_bold_heading_pairs([paragraph for paragraph in paragraphs if paragraph.text])
    if not plain_headings:
        paragraphs = _join_broken_headlines(paragraphs)
        return _build(paragraphs, False, headlines=_newspaper_headlines(paragraphs)).finish()
    numbered = _build(paragraphs, plain_headings=False)
    if "chinese" not in numbered.accepted_kinds:
        with_plain = _build(paragraphs, plain_headings=True)
        if any(root.style == "plain" for root in with_plain.roots):
            return with_plain.finish()
    series_parts = _series_parts(paragraphs)
    if series_parts:
        leading, items = _leading_part(paragraphs, min(series_parts))
        parts = series_parts | leading | _bold_parts_after(paragraphs, series_parts)
        closing = _closing_part(paragraphs, max(parts))   # 结束语 after 关于外交工作 一、…三、
        if closing is not None:
            parts |= {closing}
        return _build(paragraphs, False, series_parts=parts, series_items=items).finish()
    parts = [position for position, level in numbered.heading_positions if level == 1]
    if not parts:
        return numbered.finish()
    return _build(paragraphs, False, (parts[0], parts[-1]), _closing_part(paragraphs, parts[-1]),
                  _line_headings(paragraphs, numbered.heading_positions),
                  parallel_lines=_parallel_lines(paragraphs)).finish()


def _build(paragraphs: list[_Paragraph], plain_headings: bool,
           part_span: tuple[int, int] | None = None, closing_part: int | None = None,
           line_headings: dict[int, int | None] | None = None,
           headlines: frozenset[int] = frozenset(), series_parts: frozenset[int] = frozenset(),
           parallel_lines: frozenset[int] = frozenset(),
           series_items: frozenset[int] = frozenset()) -> _TreeBuilder:
    builder = _TreeBuilder(plain_headings, part_span, closing_part, line_headings, headlines,
                           series_parts, parallel_lines, series_items)
    builder.paragraphs = paragraphs
    builder.salutation_ahead = any(paragraph.text.startswith("各位代表") for paragraph in paragraphs)
    for paragraph, following in zip(paragraphs, paragraphs[1:] + [_Paragraph("", [])]):
        builder.feed(paragraph, following.text)
    return builder


def _series_parts(paragraphs: list[_Paragraph]) -> frozenset[int]:
    """Positions of unnumbered part lines that each open a 一、 series of their own
    (2022年工作回顾, 一、…六、; 2023年工作目标任务, 一、…八、; 加强政府自身建设, 一、…四、):
    the report's parts, when at least two do and every 一、 of the speech follows one (not
    一、2024年工作回顾 after the speaker's name); each 一、 heading is then an item of its part."""
    lines, candidate, saluted = [], None, False
    for position, paragraph in enumerate(paragraphs):
        text = paragraph.text
        if _back_matter_style(text):
            break
        number = _number(text)
        if number is None:
            if saluted and _is_unnumbered_heading(text):
                candidate = position
            saluted = saluted or text.startswith("各位代表")
        elif number.kind == "chinese" and _numbered(paragraph, number):
            if number.value == 1:
                if candidate is None:
                    return frozenset()
                lines.append(candidate)
            candidate = None
    return frozenset(lines) if len(lines) >= 2 else frozenset()


def _leading_part(paragraphs: list[_Paragraph], first: int) -> tuple[frozenset[int], frozenset[int]]:
    """A part line between the salutation and the first series part that has no 一、 series
    of its own (2024年工作回顾, before 2025年工作目标任务 一、…八、), and its unnumbered item
    lines (我们始终保持发展定力，经济运行跑出新速度 and five more)."""
    saluted = False
    for position in range(first):
        text = paragraphs[position].text
        if saluted and _is_plain_heading(text) and not _number(text):
            items = (item for item in range(position + 1, first)
                     if _is_unnumbered_line(paragraphs[item].text))
            return frozenset([position]), frozenset(items)
        saluted = saluted or text.startswith("各位代表")
    return frozenset(), frozenset()


def _bold_parts_after(paragraphs: list[_Paragraph], series_parts: frozenset[int]) -> frozenset[int]:
    """Bold part lines after the first series part, where series parts are bold lines too
    (**以改革创新精神加强政府自身建设** after **2014年工作安排** 一、…七、, **“十三五”的主要任务**
    between two, **“十四五”期间的…目标任务** before **2021年主要工作**): parts without a series
    of their own."""
    def bold_line(position: int) -> bool:
        paragraph = paragraphs[position]
        return _all_bold(paragraph) and _is_plain_heading(paragraph.text)
    if not any(bold_line(position) for position in series_parts):
        return frozenset()
    return frozenset(position for position in range(min(series_parts) + 1, len(paragraphs))
                     if position not in series_parts
                     and bold_line(position) and not _number(paragraphs[position].text)
                     and not _back_matter_style(paragraphs[position].text))


def _parallel_lines(paragraphs: list[_Paragraph]) -> frozenset[int]:
    """Positions of unnumbered heading lines written as a series (一年来，我们坚持稳中提质，
    综合实力稳步提升 and five more opening 一年来，我们坚持): items, never parts of their own."""
    openings: dict[str, list[int]] = {}
    for position, paragraph in enumerate(paragraphs):
        text = paragraph.text
        if "，" in text[:OPENER] and _is_unnumbered_line(text):
            openings.setdefault(text[:OPENER], []).append(position)
    return frozenset(position for positions in openings.values() if len(positions) >= MIN_PARALLEL
                     for position in positions)


def _closing_part(paragraphs: list[_Paragraph], last_part: int) -> int | None:
    """Position of 结束语: the one unnumbered heading line after the last numbered part
    and before the back matter (several such lines are that part's items)."""
    lines = []
    for position in range(last_part + 1, len(paragraphs)):
        text = paragraphs[position].text
        if _back_matter_style(text):
            break
        if _is_unnumbered_line(text):
            lines.append(position)
    return lines[0] if len(lines) == 1 else None


def _back_matter_style(text: str) -> str | None:
    """The style of a back-matter root (附注, 名词解释: glossary; 附件1: plain), if it is one."""
    heading = (text[:-1] if text[-1] in CLOSERS else text).strip(DECORATION)
    if GLOSSARY.fullmatch(heading):
        return GLOSSARY_STYLE
    if APPENDIX.fullmatch(heading):
        return "plain"
    return None


def _line_headings(paragraphs: list[_Paragraph],
                   heading_positions: list[tuple[int, int]]) -> dict[int, int | None]:
    """Positions of one-sentence lines (国民经济快速增长。, ——经济平稳快速增长。) that are
    the items of a part: at least three of them between the part's heading and its first
    numbered item (or the next part), each followed by its body; in a part without numbered
    items two suffice when both are short (千方百计扩大出口。, 继续保持人民币汇率稳定。): long
    ones are the part's lead sentences, and so is a long line right under the part's heading
    (1999: 实施科教兴国战略，是实现经济振兴和国家现代化的根本大计，…。). Items are written alike:
    where some open with a dash, the lines without one are lead sentences. Where the part's
    numbered items follow, a line on what we did (这五年，我们…。) is the lead sentence of
    its paragraph in the review before them, not an item.

    After the part's numbered items, a 各位代表！ address closes the last of them: at least
    three such lines after it (这是经济实力持续提升的五年。) are items of the part beside the
    numbered ones; there too a line on what we do (2004: 我们要深化同发展中国家的友好合作，…。)
    is a sentence of the speech, not an item. Each position maps to the position of the
    part they stand in (None: the section open there).
    """
    found: dict[int, int | None] = {}
    ends = [position for position, _ in heading_positions[1:]] + [len(paragraphs)]
    levels = [level for _, level in heading_positions[1:]] + [0]
    part = None
    for (start, level), end, next_level in zip(heading_positions, ends, levels):
        if level == 1:
            part = start
            lines = _item_lines(paragraphs, start + 1, end, numbered_items=next_level > level)
            lines = [position for position in lines if position > start + 1
                     or len(paragraphs[position].text) <= MAX_SHORT_LINE]
            if len(lines) >= MIN_LINE_HEADINGS or (
                    next_level <= level and len(lines) >= MIN_SHORT_LINE_HEADINGS
                    and all(len(paragraphs[position].text) <= MAX_SHORT_LINE for position in lines)):
                found.update(dict.fromkeys(lines))
        elif next_level <= 1 and part is not None:   # the part's last numbered item
            address = next((position for position in range(start + 1, end)
                            if paragraphs[position].text.startswith("各位代表")), None)
            lines = _item_lines(paragraphs, address + 1, end, numbered_items=True) if address else []
            if len(lines) >= MIN_LINE_HEADINGS:
                found.update(dict.fromkeys(lines, part))
    return found


def _item_lines(paragraphs: list[_Paragraph], start: int, end: int,
                numbered_items: bool = False) -> list[int]:
    """The item lines from ``start`` up to ``end``, each followed by its body."""
    lines = [position for position in range(start, end - 1)
             if _is_item_line(paragraphs[position].text)
             and not (numbered_items and NARRATION.match(paragraphs[position].text))
             and _is_body(paragraphs[position + 1].text)]
    dashed = [position for position in lines if paragraphs[position].text.startswith(DASH)]
    return dashed or lines


def _is_item_line(text: str) -> bool:
    return _is_line_heading(text) and not _number(text)


def _is_body(text: str) -> bool:
    """A paragraph that opens no section: what follows an item line."""
    return not (_number(text) or _is_unnumbered_heading(text))


def _newspaper_headlines(paragraphs: list[_Paragraph]) -> frozenset[int]:
    """Positions of the parts of a newspaper page: its question and box titles
    (●如何抢占先机？, 2022年，超多“国字号”荣誉！) and, on a page of several articles,
    each article's headline (the line above its 本报记者 by-line and 报告摘要 deck).
    A page with one by-line is one article: its headline is the page's title.
    """
    questions = {position for position, paragraph in enumerate(paragraphs)
                 if _is_question_heading(paragraph.text)}
    bylines = [position for position, paragraph in enumerate(paragraphs)
               if BYLINE.fullmatch(paragraph.text)]
    articles = {_headline_above(paragraphs, position) for position in bylines} - {None}
    return frozenset(questions | (articles if len(articles) >= MIN_ARTICLES else set()))


def _headline_above(paragraphs: list[_Paragraph], byline: int) -> int | None:
    position = byline - 1
    if position > 0 and DECK.match(paragraphs[position].text):
        position -= 1
    if position >= 0 and _is_unnumbered_heading(paragraphs[position].text):
        return position
    return None


def _join_broken_headlines(paragraphs: list[_Paragraph]) -> list[_Paragraph]:
    """优化城市平台 / 塑造城市气质 above a by-line: one headline set on two short lines."""
    joined = list(paragraphs)
    for position in range(len(paragraphs) - 1, 1, -1):
        first, second = joined[position - 2], joined[position - 1]
        if (BYLINE.fullmatch(joined[position].text)
                and all(len(line.text) <= MAX_CONTINUATION and _is_unnumbered_heading(line.text)
                        for line in (first, second))):
            joined[position - 2:position] = [_Paragraph(f"{first.text} {second.text}", [])]
    return joined


def _join_bold_heading_pairs(paragraphs: list[_Paragraph]) -> list[_Paragraph]:
    """**全面建成小康社会** / **岳阳阔步迈上现代化建设新征程**: a part heading set in bold on two
    lines, each short and without a number or a mark, is one heading."""
    joined = []
    for paragraph in paragraphs:
        previous = joined[-1] if joined else None
        if previous and all(_is_bold_title_line(line) for line in (previous, paragraph)):
            joined[-1] = _Paragraph(f"{previous.text} {paragraph.text}",
                                    [(0, len(previous.text) + 1 + len(paragraph.text))])
        else:
            joined.append(paragraph)
    return joined


def _is_bold_title_line(paragraph: _Paragraph) -> bool:
    return (_all_bold(paragraph) and len(paragraph.text) <= MAX_TITLE_LINE
            and not _number(paragraph.text) and " " not in paragraph.text
            and not any(ch in SENTENCE_MARKS + "、，：:" for ch in paragraph.text))


def _all_bold(paragraph: _Paragraph) -> bool:
    return paragraph.bold == [(0, len(paragraph.text))]


def _number(text: str) -> _Number | None:
    """The number a paragraph opens with: 一、 （一） 1、 （1）."""
    for kind, style, pattern in NUMBERINGS:
        match = pattern.match(text)
        if match:
            label = match.group(1)
            value = int(label) if label.isdigit() else chinese_number(label)
            return _Number(kind, style, label, value, match.end())
    return None


def _numbered(paragraph: _Paragraph, number: _Number, body_follows: bool = False) -> _Numbered | None:
    """The numbered heading a paragraph opens with, if its shape allows one.

    A line of one sentence followed by its body may be longer than a run-in heading
    (1986: （一）进一步增强企业特别是全民所有制大中型企业的活力，…的社会主义商品生产者和经营者。).
    """
    text = paragraph.text
    heading_end = _heading_end(paragraph, number.end, body_follows)
    if heading_end is None:
        return None
    heading = text[number.end:heading_end].strip()
    if not heading:
        return None
    body_start = heading_end + (1 if text[heading_end:heading_end + 1] in tuple(CLOSERS) else 0)
    bold_lead = any(start == 0 and end > number.end for start, end in paragraph.bold)
    if number.kind in LINE_ONLY_KINDS and body_start < len(text) and not bold_lead:
        return None   # 一是…。 followed by plain body text: a list item, not a heading
    return _Numbered(number, heading, body_start, bare=heading_end == len(text))


def _heading_end(paragraph: _Paragraph, rest_start: int, long_line: bool = False) -> int | None:
    """Where the heading after the number ends, or None for a numbered body paragraph."""
    text = paragraph.text
    opening_bold = [end for start, end in paragraph.bold if start == 0 and end > rest_start]
    if opening_bold and opening_bold[0] < len(text):
        end = opening_bold[0]
        if text[end - 1] in CLOSERS:
            end -= 1
        heading = text[rest_start:end]
        if len(heading) <= MAX_HEADING and not any(ch in heading for ch in "。；！？;"):
            return end
    rest = text[rest_start:]
    if not rest:
        return None
    stop = next((i for i, ch in enumerate(rest) if ch in RUN_IN_END + "；;"), None)
    if stop is None:   # a line without a sentence's end: as long as a line of one sentence
        if len(rest) > MAX_LINE_NUMBERED or rest[-1] in "，,、：:":
            return None
        return len(text)
    longest = MAX_LINE_NUMBERED if long_line and stop == len(rest) - 1 else MAX_HEADING
    if rest[stop] in "；;" or stop > longest:
        return None
    return rest_start + stop


def _continues_heading(heading: SectionNode, text: str) -> bool:
    """三、持续提升政府 then 治理效能和服务水平: the rest of a heading line broken in two."""
    return (len(text) <= MAX_CONTINUATION and len(heading.heading) + len(text) <= MAX_HEADING
            and not any(ch in SENTENCE_MARKS + "、" for ch in text)
            and re.search(r"[\u4e00-\u9fff]", text) is not None)


def _is_clause(text: str) -> bool:
    """A numbered list clause: its first sentence ends in ；."""
    match = re.search(r"[。！？；;]", text)
    return bool(match) and match.group() in "；;"


def _bold_headings(paragraph: _Paragraph, start: int):
    """(begin, heading, body start) of each bold run-in heading from ``start`` on.

    A bold run is a heading when it opens a sentence and is itself one short sentence:
    **项目投资拉动有力。** or **城市治理更加精细**。 — not **一是** or bold emphasis.
    """
    text = paragraph.text
    for begin, end in paragraph.bold:
        if begin < start:
            continue
        before = text[:begin].rstrip()
        if before and before[-1] not in "。！？；":
            continue
        inner = text[begin:end].strip()
        if _number(inner):
            continue
        closed = inner[-1:] in tuple(RUN_IN_END)
        heading = (inner[:-1] if closed else inner).strip()
        after = end + (1 if not closed and text[end:end + 1] in tuple(RUN_IN_END) else 0)
        if not (closed or after > end):
            continue
        if (2 <= len(heading) <= MAX_BOLD_HEADING and not any(ch in heading for ch in "。；！？")
                and not SALUTATION.fullmatch(heading)):   # **各位代表！**为者常成…
            yield begin, heading, after


def _is_line_heading(text: str) -> bool:
    """A paragraph of one short sentence: 国民经济快速增长。 (1994: items of a part)."""
    return (4 <= len(text) <= MAX_LINE_HEADING and text.endswith("。")
            and not any(ch in "。！？；;：:" for ch in text[:-1])
            and not text.startswith("各位代表"))


def _is_question_heading(text: str) -> bool:
    """A question or box title on a line of its own: ●如何推进县域治理现代化？"""
    return (4 <= len(text) <= MAX_HEADING and text[-1] in "？！?!"
            and not any(ch in text[:-1] for ch in "。！？；;：:!?"))


def _is_unnumbered_heading(text: str) -> bool:
    """A line of its own that is no sentence, commas allowed: 结束语, 五年来，外交工作开创新局面;
    not the speaker's address that has lost its 。 (现在，我代表国务院，向大会报告政府工作，…)."""
    return (2 <= len(text) <= MAX_UNNUMBERED_HEADING
            and not any(ch in text for ch in "。！？；;：:!?\t")
            and text[-1] not in "，,、—…"
            and not text.startswith("各位代表")
            and not ADDRESS.search(text)
            and not PAGE_CHROME.fullmatch(text)
            and not DATED.search(text)
            and re.search(r"[\u4e00-\u9fff]", text) is not None)


def _is_unnumbered_line(text: str) -> bool:
    """An unnumbered heading line (结束语, 我们始终保持发展定力，经济运行跑出新速度)."""
    return _is_unnumbered_heading(text) and not _number(text)


def _is_plain_heading(text: str) -> bool:
    """A short line that is no sentence: 2024年工作回顾, 加强政府自身建设."""
    return (2 <= len(text) <= MAX_PLAIN_HEADING
            and not any(ch in SENTENCE_MARKS for ch in text)
            and text[-1] not in "、—…"
            and not PAGE_CHROME.fullmatch(text)
            and re.search(r"[\u4e00-\u9fff]", text) is not None)
