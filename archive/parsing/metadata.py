"""What a report's header says: title, delivery date and meeting, speaker, region, year.

The header is the lines before 各位代表 (the first 15 paragraphs where there is none: a web
page's menus may come before it); the meeting may be written 十四届 without 第, stand on a
line broken in two, and the speaker may follow it on the date line. Offices are kept as
written (省长, 晋江市人民政府市长); the region is the full name before the meeting
(在广东省第十四届…), else before the office, else in a title (2022年蠡县政府工作报告, a
collector's ``title:`` line), else in 我代表北京市人民政府.
"""
from __future__ import annotations

import datetime
import re

from archive.parsing.document import BUDGET_REPORT, WORK_REPORT, ReportMetadata
from archive.parsing.numbers import chinese_number

HEADER_PARAGRAPHS = 15
SALUTATION_WITHIN = 60  # paragraphs: a web page's menus and bylines may come first
STATE_COUNCIL = "国务院"
CN_DIGIT = "〇零○一二三四五六七八九十"
ORDINAL = rf"第[{CN_DIGIT}\d]+"
MEETING = re.compile(   # 第 before 届 may be left out: 在十四届全国人民代表大会…
    rf"在(?P<region>[^，。在]{{0,20}}?)(?P<meeting>第?[{CN_DIGIT}\d]+届\s*(?P<national>全国)?\s*人民代表大会"
    rf"\s*(?:常务委员会)?\s*{ORDINAL}次(?:全体)?会[议議])")
DATES = [
    re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"),
    re.compile(rf"([{CN_DIGIT}]{{4}})年([{CN_DIGIT}]{{1,3}})月([{CN_DIGIT}]{{1,3}})日"),
]
REGION = re.compile(   # 蠡县 and 易县 are counties too, 全县 and 本县 are not
    r"[\u4e00-\u9fff]{2,12}?(?:自治区|省|市|自治州|州|县|区|盟|旗)|[^\W\d_全本该各我每此]县")
TITLED_REGION = re.compile(   # 2022年蠡县政府工作报告, 合肥市2009年政府工作报告
    r"(?:^|年)(?P<region>[\u4e00-\u9fff]{2,12}?)(?:人民)?(?:\d{4}年)?(?:人民)?政府工作报告")
SOURCE_NOTE = re.compile(r"^来源\s*[：:]\s*[^\s\d—]*")
COLLECTOR_TITLE = re.compile(r"(?<![\w/])(?:title|标题)\s*[:：]\s*")
TITLES = "总理|代理主席|主席|代省长|省长|代市长|市长|区长|县长|州长|盟长|旗长"
OFFICE_THEN_NAME = re.compile(
    rf"(?P<office>[^\s　——\-]*?(?:{TITLES}))[\s　]*(?P<name>[\u4e00-\u9fff·][\u4e00-\u9fff·\s　]{{1,11}})")
NAME_THEN_OFFICE = re.compile(  # 龚正市长, but not 国务院总理
    rf"(?P<name>[\u4e00-\u9fff]{{1,3}}[^\s院省市区府州县])(?P<office>(?:{TITLES}))")
NAME_LINE = re.compile(r"[\u4e00-\u9fff·\s　]{2,12}")
REPRESENTING = re.compile(r"我代表(国务院|[\u4e00-\u9fff]{2,12}?人民政府)")
REVIEW_HEADING = re.compile(r"(\d{4})\s*年(?:国内)?工作(?:的)?回顾")
PLAN_HEADING = re.compile(r"(\d{4})\s*年(?:主要)?(?:工作安排|工作任务|政府工作任务|主要预期目标)")


def extract_metadata(text: str) -> ReportMetadata:
    """Metadata found in the header of cleaned text; unknown fields stay empty."""
    paragraphs = [part.replace("**", "").strip() for part in re.split(r"\n\s*\n", text)]
    paragraphs = [part for part in paragraphs if part]
    header = _header(paragraphs)
    lines = _header_lines(header)
    meta = ReportMetadata(title=_title(lines))
    meta.kind = _kind(meta.title)
    # A header line may be broken in two: …第十四届人民代表大会 / 第三次会议上
    joined = [first + second for first, second in zip(lines, lines[1:])]
    meeting_line = next((line for line in lines + joined if MEETING.search(line)), "")
    if meeting_line:
        match = MEETING.search(meeting_line)
        meeting = re.sub(r"\s", "", match.group("meeting"))
        meta.meeting = meeting if meeting.startswith("第") else f"第{meeting}"
        meta.region = STATE_COUNCIL if match.group("national") else _region(match.group("region"))
    meta.delivered_on = _date(meeting_line) or next(filter(None, map(_date, lines)), None)
    meta.office, meta.speaker = _speaker(lines, meeting_line)
    if not meta.region:
        meta.region = (_region_of_office(meta.office) or _region_of_title(lines)
                       or _representing(paragraphs[:len(header) + HEADER_PARAGRAPHS]))
    meta.year = _year(meta.delivered_on, paragraphs)
    return meta


def _header(paragraphs: list[str]) -> list[str]:
    """The paragraphs before 各位代表, or the first HEADER_PARAGRAPHS without one."""
    for position, paragraph in enumerate(paragraphs[:SALUTATION_WITHIN]):
        if paragraph.startswith("各位代表"):
            return paragraphs[:position]
    return paragraphs[:HEADER_PARAGRAPHS]


def _header_lines(paragraphs: list[str]) -> list[str]:
    """The header's lines without a compiler's 来源： note; a collector's title: line last,
    so that the report's own title line comes first."""
    own, labelled = [], []
    for paragraph in paragraphs:
        for line in paragraph.splitlines():
            line = SOURCE_NOTE.sub("", line.strip()).strip()
            title = COLLECTOR_TITLE.search(line)
            if title:
                labelled.append(line[title.end():].strip())
            elif line:
                own.append(line)
    return own + [line for line in labelled if line]


def _title(lines: list[str]) -> str:
    for line in lines:
        compact = re.sub(r"[\s　]", "", line)
        if (compact.endswith("报告") and len(compact) <= 40
                and "会议" not in compact and not _date(compact)):
            return compact
    return ""


def _kind(title: str) -> str:
    if "政府工作报告" in title:
        return WORK_REPORT
    if "预算" in title and "报告" in title:
        return BUDGET_REPORT
    return ""


def _date(line: str) -> datetime.date | None:
    for pattern in DATES:
        match = pattern.search(line)
        if match:
            try:
                year, month, day = (int(part) if part.isdigit() else chinese_number(part)
                                    for part in match.groups())
                return datetime.date(year, month, day)
            except (ValueError, KeyError):
                return None
    return None


def _region(name: str) -> str:
    """A full region name as written, or "" for anything else (a stray 省, a speaker)."""
    name = re.sub(r"\s", "", name)
    return name if REGION.fullmatch(name) else ""


def _speaker(lines: list[str], meeting_line: str) -> tuple[str, str]:
    """(office, speaker) from 晋江市人民政府市长 王明元, 龚正市长在…, or 国务院总理 / 李克强."""
    for position, line in enumerate(lines):
        part = _without_date_and_meeting(line).strip()
        part = re.sub(r"(?:同志)?(?:作|的)?(?:政府工作)?(?:报告|讲话)?。?$", "", part)
        match = OFFICE_THEN_NAME.fullmatch(part)
        if match:
            return match.group("office"), _name(match.group("name"))
        match = NAME_THEN_OFFICE.fullmatch(part)
        if match:
            return match.group("office"), match.group("name")
        if re.fullmatch(rf".*(?:{TITLES})", part) and position + 1 < len(lines):
            following = lines[position + 1].strip()
            if NAME_LINE.fullmatch(following):
                return part, _name(following)
    return "", ""


def _without_date_and_meeting(line: str) -> str:
    """晋江市人民政府市长 王明元 out of ——2024年12月30日…会议上晋江市人民政府市长 王明元作…"""
    line = re.sub(r"^[—\-－\s]+", "", line)
    line = re.sub(r"^.*?日", "", line) if _date(line) else line
    line = re.sub(r"^在.*?会议上", "", line)
    match = MEETING.search(line)
    return line[:match.start()] if match else line


def _name(raw: str) -> str:
    name = re.sub(r"[\s　]", "", raw)
    return name[:-2] if name.endswith("同志") else name


def _region_of_office(office: str) -> str:
    match = re.match(r"(.+?)(?:人民政府|代理|代省长|省长|市长|主席|区长|县长)", office)
    return _region(match.group(1)) if match else ""


def _region_of_title(lines: list[str]) -> str:
    for line in lines:
        match = TITLED_REGION.search(re.sub(r"[\s　]", "", line))
        if match and _region(match.group("region")):
            return match.group("region")
    return ""


def _representing(paragraphs: list[str]) -> str:
    """国务院 or 北京市 from 我代表国务院 / 我代表北京市人民政府 in the opening words."""
    for paragraph in paragraphs:
        match = REPRESENTING.search(paragraph)
        if match:
            who = match.group(1)
            return STATE_COUNCIL if who == STATE_COUNCIL else _region(who[:-len("人民政府")])
    return ""


def _year(delivered_on: datetime.date | None, paragraphs: list[str]) -> int | None:
    """The year planned for: delivered Oct–Dec plans for next year; else from headings."""
    if delivered_on:
        return delivered_on.year + (1 if delivered_on.month >= 10 else 0)
    years = set()
    for paragraph in paragraphs:
        if len(paragraph) > 40:
            continue
        review = REVIEW_HEADING.search(paragraph)
        if review:
            years.add(int(review.group(1)) + 1)
        plan = PLAN_HEADING.search(paragraph)
        if plan:
            years.add(int(plan.group(1)))
    return years.pop() if len(years) == 1 else None
