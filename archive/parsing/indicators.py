"""Indicator facts a report states: 地区生产总值增长6%左右 → IndicatorFact.

Rules (see also the tests, which pin them on the seed and the corpus):

* Sentences are the runs of a section's text ended by 。！？；. Patterns look at a
  normalised copy (full-width digits, no white space, 百分之八 → 8%); ``sentence`` keeps
  the text as it stands.
* Names come from ``INDICATORS`` only; a name outside that table is skipped, also
  inside an enumeration (规上工业增加值、限上批零销售额、固定资产投资分别增长10.5%、17%、10%
  gives two facts). An enumeration whose counts of names and values differ is skipped.
  城乡居民人均可支配收入分别增长5%、6% gives the 城镇 and the 农村 figure; 城镇、农村居民…
  borrows the shared tail.
* GDP: 国内生产总值 is itself; the generic names (生产总值, GDP, 经济增长, 经济增长速度)
  and 单位…能耗 read as 地区生产总值 unless the report names 国内生产总值 more often
  than 地区生产总值 (the State Council's). 国民生产总值 (GNP, 1992–1993) stays apart.
* Measure: a change verb (增长, 下降…) with % is growth, a decline negative; a change
  with another unit (增加100亿斤) is skipped. Otherwise a name that is itself a rate of
  change (经济增长速度, 涨幅) is growth, a rate (失业率, 强度) or an amount is a level.
* Qualifiers as written: 左右, 以上, 以内, 以下, 超过 (超, 超过, 突破: "more than",
  kept apart from 以上 "at least"), range; 约 and 上下 read as 左右, 不低于 as 以上,
  不超过 as 以内.
* Kind and period, first rule that decides: the sentence names the plan year
  (今年, 2025年) → target for ``year``; it names the past year (去年, 过去一年, 2024年)
  → actual for ``year - 1``; it names only other years (到2027年) → skipped. Else the
  。-sentence it continues (after ；/：) decides, else its section: a heading about the
  review (回顾, 过去, 成就, 2024年) gives actuals, about the plan (安排, 任务, 目标,
  2025年) targets; one about several years (五年, 时期, “十四五”) gives nothing. A
  neutral heading inherits from its parent; a neutral heading in the same style and
  level as the one that set the review starts the plan part (reports review first).
  With no heading to go by, target wording (预期目标, 力争, 计划…) gives a target and
  anything else is skipped, so 预计 alone decides nothing. A report that speaks of
  明年 more than 今年 was delivered before its plan year: there 明年 is the plan year
  and 今年 the past one.
* Multi-year figures (年均, 平均, 累计, shares 占…比重) and, in the review, a past
  target restated (年初确定的…4%左右的目标) are skipped. Exact repeats are dropped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from archive.parsing.document import (
    ACTUAL, GLOSSARY_STYLE, GROWTH, LEVEL, TARGET, IndicatorFact, SectionNode,
)
from archive.parsing.numbers import percent_range_words_to_digits

# A generic word counts as a name only at the start of a clause or after one of these,
# so 数字经济增长18% or 海洋生产总值 are not GDP.
_ALONE = (r"(?:(?<![\u4e00-\u9fff])|(?<=[的是和及与年])"
          r"|(?<=今年|全年|全省|全市|全区|全州|全县|我省|我区|我市|力争|计划|预计|实现|其中|确保|争取))")


def _alone(word: str) -> str:
    return _ALONE + word


# The canonical names and their aliases (regular expressions). Where an alias of one
# name starts like a longer alias of another, the longer one comes first.
INDICATORS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("单位地区生产总值能耗", (r"单位(?:地区|国内)?生产总值能(?:源消)?耗", r"单位GDP能耗")),
    ("国内生产总值", (r"国内生产总值",)),
    ("国民生产总值", (r"国民生产总值",)),
    ("地区生产总值", (r"地区生产总值", _alone(r"生产总值"), _alone(r"GDP"),
                      _alone(r"经济增长(?:速度)?"))),
    ("一般公共预算总收入", (r"一般公共预算总收入", r"财政总收入")),
    ("一般公共预算收入", (r"(?:地方)?一般公共预算收入",)),
    ("规上工业增加值", (r"规模以上工业增加值", r"规上工业增加值", r"规模工业增加值")),
    ("固定资产投资", (r"全社会固定资产投资", _alone(r"固定资产投资"))),
    ("社会消费品零售总额", (r"社会消费品零售总?额", r"社消零售总额")),
    ("城镇居民人均可支配收入", (r"城镇(?:常住)?居民人均可支配收入",)),
    ("农村居民人均可支配收入", (r"农村(?:常住)?居民人均可支配收入",)),
    ("农村居民人均纯收入", (r"农村居民人均纯收入", r"农民人均纯收入")),
    ("城乡居民人均可支配收入", (r"城乡居民人均可支配收入", r"全体居民人均可支配收入",
                               _alone(r"居民人均可支配收入"))),
    ("城镇新增就业", (r"城镇新增就业", r"新增城镇就业")),
    ("城镇调查失业率", (r"城镇调查失业率",)),
    ("城镇登记失业率", (r"城镇登记失业率",)),
    ("居民消费价格涨幅", (r"居民消费价格(?:指数)?(?:总水平)?(?:涨幅)?", r"CPI涨幅")),
    ("商品零售价格涨幅", (r"商品零售价格涨幅",)),
    ("进出口总额", (r"(?:外贸)?进出口总[额值]", _alone(r"(?:外贸)?进出口"), r"对外贸易总额")),
    ("出口总额", (_alone(r"出口(?:总额)?"),)),
    ("粮食产量", (r"粮食总?产量",)),
    ("研发投入强度", (r"(?:全社会)?研发(?:经费)?投入强度", r"研究与试验发展经费投入强度",
                      r"R&D经费投入强度")),
    ("研发投入", (r"(?:全社会)?研发(?:经费)?投入", r"研究与试验发展经费(?:投入)?")),
)
# One name with 分别 and two values: the urban and the rural figure.
SEPARATELY = {"城乡居民人均可支配收入": ("城镇居民人均可支配收入", "农村居民人均可支配收入")}
NATIONAL_NAMES = ("地区生产总值", "国内生产总值")   # renamed in the State Council's reports

_GROUP = {f"n{index}": name for index, (name, _) in enumerate(INDICATORS)}
NAME = re.compile("|".join(f"(?P<n{index}>{'|'.join(aliases)})"
                           for index, (_, aliases) in enumerate(INDICATORS)))
RATE_OF_CHANGE = re.compile(r"增长|速度|涨幅")   # in a name: its value is a growth rate
RATE = re.compile(r"率|强度")                     # in a name: its % value is a level

# Words allowed between a name and its verb: 比上年, 同口径, 的宏观调控目标，…
FILLER = r"(?:比上年|比去年|同比|同口径|全年|实际|名义|计划|预计|力争|争取|确保|要|将" \
         r"|的?(?:宏观)?(?:调控|主要|预期)?目标，?|的?预期)*"
CHANGE_VERBS = ("增长", "增加", "增速", "上涨", "提高", "下降", "降低", "减少")
DECLINES = ("下降", "降低", "减少")
VERB = (r"(?P<verb>(?:增长|增加|提高|下降|降低|减少|回落|降)到|增长了?|增加|增速|上涨|提高"
        r"|下降|降低|减少|达到|达|设定为|定为|为|是|控制在|保持在|稳定在|在|低于|站上|迈上|突破|超过|超)")
UNIT = r"个百分点|%|万亿元|亿美元|亿元|万元|万亿斤|亿斤|亿公斤|万吨|万人次|万人|万户|万亩|亩|万家|家|万个|个"
NUMBER = r"\d+(?:\.\d+)?"
VALUE = re.compile(
    rf"(?P<pre>大约|约|超过|超|不低于|不少于|不超过|不高于)?(?P<num>{NUMBER})"
    rf"(?:(?P<unit1>%)?(?P<sep>[-－—–~～至到]{{1,2}})(?P<high>{NUMBER}))?"
    rf"(?P<unit>{UNIT})(?P<suf>左右|上下|以上|以内|之内|以下)?")
# After a name: filler and verb (or a filler ending in 目标/预期 with no verb), then a value.
TAIL = re.compile(rf"(?:{FILLER}(?:{VERB}|(?<=目标)|(?<=预期)))?(?={NUMBER}|[约超不大])")
# A second figure for the same name: …增长7%以上，站上3500亿元; …9.86万亿元、增长5.7%.
CHAIN = re.compile(rf"[，、](?:比上年|同比|总量|总额)?{VERB}?(?={NUMBER}|[约超不大])")
# The names of an enumeration, from the clause start to 分别.
ENUMERATION = re.compile(rf"(?P<names>[^，。；：:！？]+?)分别{VERB}?")
ITEM_SEPARATOR = re.compile(r"[、和及与]")
QUALIFIERS = {"约": "左右", "大约": "左右", "上下": "左右", "超": "超过", "超过": "超过",
              "突破": "超过", "不低于": "以上", "不少于": "以上", "不超过": "以内",
              "不高于": "以内", "之内": "以内", "低于": "以下", "左右": "左右", "以上": "以上",
              "以内": "以内", "以下": "以下"}

# Before a name in its clause: not one year's figure (五年来城镇新增就业…, 占…).
MULTI_YEAR = re.compile(r"年均|平均|累计|以来|[二三四五六七八九十]年|占")
PAST_TARGET_BEFORE = re.compile(r"(?:确定|预定|原定|提出)的$")
PAST_TARGET_AFTER = re.compile(r"的?(?:预期)?目标")
TARGET_WORDS = re.compile(r"预期目标|主要目标|调控目标|目标是|目标为|力争|争取|计划|确保")
REVIEW_HEADING = re.compile(r"回顾|过去|成就|一年来")
PLAN_HEADING = re.compile(r"安排|任务|目标|要求|部署|建议|打算|展望|思路")
MULTI_YEAR_HEADING = re.compile(r"五年|时期|“[^”]{1,3}五”")
# A sentence that opens with a time (过去一年，…) frames those after it in the paragraph.
FRAME = re.compile(r"(?:在)?(?:过去一年|去年|今年|明年|一年来|\d{4}年)(?:里|中|以来)?，")
YEAR_MENTION = re.compile(r"(?<!\d)((?:19|20)\d\d)年")
FULL_WIDTH = str.maketrans("０１２３４５６７８９％．", "0123456789%.")
SENTENCE = re.compile(r"[^。！？；]+[。！？；]?")

PLAN, REVIEW, SEVERAL_YEARS, OTHER_YEAR, MIXED = "plan", "review", "several years", "other year", "mixed"


@dataclass
class _Cues:
    """The words that place a sentence in time, for one report."""

    year: int
    plan: re.Pattern
    review: re.Pattern
    national: bool

    @classmethod
    def of(cls, texts: list[str], year: int) -> _Cues:
        joined = "".join(texts)
        early = joined.count("明年") > joined.count("今年")
        this, last = ("明年", "今年") if early else ("今年", "去年")
        return cls(
            year=year,
            plan=re.compile(rf"{this}|{year}年"),
            review=re.compile(rf"{last}|(?<!比)上年|过去一年|一年来|{year - 1}年"),
            national=joined.count("国内生产总值") > joined.count("地区生产总值"),
        )

    def time_of(self, text: str) -> str | None:
        """PLAN, REVIEW or OTHER_YEAR when the words say so unambiguously, else None."""
        plan, review = bool(self.plan.search(text)), bool(self.review.search(text))
        if any(int(y) not in (self.year, self.year - 1) for y in YEAR_MENTION.findall(text)):
            return None if plan or review else OTHER_YEAR   # 2005年与2000年相比: not one year
        if plan != review:
            return PLAN if plan else REVIEW
        return None

    def heading_time(self, heading: str) -> str | None:
        if MULTI_YEAR_HEADING.search(heading):
            return SEVERAL_YEARS
        review = bool(REVIEW_HEADING.search(heading) or self.review.search(heading))
        plan = bool(PLAN_HEADING.search(heading) or self.plan.search(heading))
        if review and plan:
            return MIXED          # 1998年工作回顾和1999年工作的总体要求: sentences decide
        return REVIEW if review else PLAN if plan else None


def extract_indicators(sections: list[SectionNode], year: int) -> list[IndicatorFact]:
    """The facts stated in ``sections`` (flattened, in reading order) of the report for ``year``."""
    cues = _Cues.of([_normalise(node.text) for node in sections], year)
    facts, seen = [], set()
    for index, (node, phase) in enumerate(zip(sections, _phases(sections, cues))):
        if node.style == GLOSSARY_STYLE:
            continue
        for fact in _section_facts(node.text, phase, cues):
            fact.section_index = index
            key = (fact.name, fact.measure, fact.kind, fact.period_year, fact.value,
                   fact.value_high, fact.unit, fact.qualifier)
            if key not in seen:
                seen.add(key)
                facts.append(fact)
    return facts


def extract_from_text(text: str, year: int) -> list[IndicatorFact]:
    """The facts in ``text`` taken as one section without a heading."""
    return extract_indicators([SectionNode(heading="", level=1, text=text)], year)


def _normalise(text: str) -> str:
    return percent_range_words_to_digits(re.sub(r"\s+", "", text.translate(FULL_WIDTH)))


def _phases(sections: list[SectionNode], cues: _Cues) -> list[str | None]:
    """Per section: REVIEW, PLAN, SEVERAL_YEARS, or MIXED/None (its sentences decide)."""
    phases = []
    stack = []   # (level, style, phase, whether the heading itself set it) of open headings
    for node in sections:
        found = cues.heading_time(_normalise(node.heading))
        own = found is not None
        while stack and stack[-1][0] >= node.level:
            level, style, phase, its_own = stack.pop()
            if not own and its_own and (level, style) == (node.level, node.style):
                found, own = PLAN, True   # a neutral part after the review (or plan): the plan
        if found is None and stack:
            found = stack[-1][2]
        if node.heading:
            stack.append((node.level, node.style, found, own))
        phases.append(found)
    return phases


def _section_facts(text: str, phase: str | None, cues: _Cues) -> list[IndicatorFact]:
    facts = []
    carried = None      # the time of the 。-sentence this ；-piece continues
    framed = None       # the time a paragraph's sentence opened with (过去一年，…。)
    for match in SENTENCE.finditer(text):
        sentence = match.group().strip()
        if not sentence:
            continue
        if "\n" in match.group()[:match.group().find(sentence[0])]:
            carried = framed = None   # a new paragraph
        normal = _normalise(sentence)
        opener = FRAME.match(normal)
        named = cues.time_of(opener.group() if opener else normal)
        time = named or carried
        if time is None and framed and not (framed == REVIEW and TARGET_WORDS.search(normal)):
            time = framed
        if time is None and phase in (PLAN, REVIEW):
            time = phase
        if time is None and phase != SEVERAL_YEARS and TARGET_WORDS.search(normal):
            time = PLAN
        carried = time if sentence.endswith("；") else None
        framed = named if opener else framed
        if time in (PLAN, REVIEW):
            facts.extend(_sentence_facts(sentence, normal, time, cues))
    return facts


def _sentence_facts(sentence: str, normal: str, time: str, cues: _Cues) -> list[IndicatorFact]:
    """The facts of one sentence, in the order their names appear."""
    kind, period = (TARGET, cues.year) if time == PLAN else (ACTUAL, cues.year - 1)
    found: list[tuple[int, IndicatorFact]] = []

    def add(position, name, alias, verb, value):
        fact = _fact(name, alias, verb, value, kind, period, sentence)
        if fact:
            found.append((position, fact))

    covered = []
    for enumeration in ENUMERATION.finditer(normal):
        end = _enumeration_facts(normal, enumeration, cues, add)
        if end:
            covered.append((enumeration.start(), end))
    for name in NAME.finditer(normal):
        if any(start <= name.start() < end for start, end in covered):
            continue
        tail = TAIL.match(normal, name.end())
        value = tail and VALUE.match(normal, tail.end())
        if not value or _multi_year_or_past(normal, name, value, time):
            continue
        canonical = _canonical(name, cues)
        add(name.start(), canonical, name.group(), tail.group("verb"), value)
        first = found[-1][1].measure if found and found[-1][0] == name.start() else None
        chain = CHAIN.match(normal, value.end())
        second = chain and VALUE.match(normal, chain.end())
        if first and second:
            add(name.start() + 1, canonical, name.group(), chain.group("verb"), second)
            if found[-1][1].measure == first:
                found.pop()   # 、力争达到8%: a second figure of the same measure is not taken
    return [fact for _, fact in sorted(found, key=lambda pair: pair[0])]


def _enumeration_facts(normal: str, match: re.Match, cues: _Cues, add) -> int | None:
    """Facts of 甲、乙分别增长1%、2%; returns where the values end, or None if none read."""
    values, position = [], match.end()
    while value := VALUE.match(normal, position):
        values.append(value)
        separator = ITEM_SEPARATOR.match(normal, value.end())
        if not separator:
            break
        position = separator.end()
    texts = ITEM_SEPARATOR.split(match.group("names"))
    items = _borrow_tails([_item_name(text, cues) for text in texts], texts, cues)
    if len(items) == 1 and items[0] and items[0][0] in SEPARATELY and len(values) == 2:
        items = [(name, items[0][1]) for name in SEPARATELY[items[0][0]]]
    if len(values) < 2 or len(items) != len(values):
        return None
    for offset, (item, value) in enumerate(zip(items, values)):
        if item:
            add(match.start() + offset, item[0], item[1], match.group("verb"), value)
    return values[-1].end()


def _item_name(item: str, cues: _Cues) -> tuple[str, str] | None:
    """(canonical, alias as written) of an enumerated item that ends with a known name."""
    name = None
    for name in NAME.finditer(item):
        pass
    if name is None or name.end() != len(item):
        return None
    return _canonical(name, cues), name.group()


def _borrow_tails(items, texts, cues):
    """城镇、农村居民人均可支配收入: a bare first item takes the last one's tail."""
    last = texts[-1]
    for index, (item, text) in enumerate(zip(items, texts)):
        if item is None and len(text) <= 3 and items[-1]:
            for cut in range(1, len(last)):
                name = NAME.fullmatch(text + last[cut:])
                if name:
                    items[index] = (_canonical(name, cues), name.group())
                    break
    return items


def _canonical(name: re.Match, cues: _Cues) -> str:
    canonical = _GROUP[name.lastgroup]
    return canonical.replace(*NATIONAL_NAMES) if cues.national else canonical


def _multi_year_or_past(normal: str, name: re.Match, value: re.Match, time: str) -> bool:
    """年均…增长, 占…, or (in the review) a past target restated."""
    clause_start = max(normal.rfind(mark, 0, name.start()) for mark in "，：；") + 1
    if MULTI_YEAR.search(normal, clause_start, name.start()):
        return True
    return time == REVIEW and bool(PAST_TARGET_BEFORE.search(normal, 0, name.start())
                                   or PAST_TARGET_AFTER.match(normal, value.end()))


def _fact(name, alias, verb, value, kind, period, sentence) -> IndicatorFact | None:
    """One fact from a value match, or None when the reading is not a plain growth or level."""
    unit = value.group("unit")
    if unit == "个百分点" or (value.group("unit1") and value.group("unit1") != unit):
        return None
    verb = verb or ""
    changes = verb.rstrip("了") in CHANGE_VERBS
    if RATE_OF_CHANGE.search(alias):
        measure, changes = GROWTH, False    # 涨幅回落到2.6%: the rate itself
    elif changes:
        measure = GROWTH                    # with another unit (增加100亿斤) an increment: skipped
    else:
        measure = LEVEL                     # 达到, 增长到, or no verb
    if measure == GROWTH and unit != "%" or measure == LEVEL and unit == "%" and not RATE.search(alias):
        return None
    low, high = float(value.group("num")), value.group("high")
    high = float(high) if high else None
    if changes and verb.startswith(DECLINES):
        low, high = -low, (-high if high is not None else None)
        if high is not None:
            low, high = min(low, high), max(low, high)
    if high is not None:
        qualifier = "range"
    else:
        qualifier = QUALIFIERS.get(value.group("suf") or value.group("pre") or verb, "")
    return IndicatorFact(name=name, measure=measure, value=low, unit=unit, kind=kind,
                         period_year=period, sentence=sentence, value_high=high,
                         qualifier=qualifier)
