"""Indicator facts a report states: 地区生产总值增长6%左右 → IndicatorFact.

Rules (the tests pin them on the seed and the corpus):

* Sentences are the runs of a section's text ended by 。！？；. Patterns read a
  normalised copy (ASCII digits, no white space, 百分之八至九 → 8%至9%); ``sentence``
  keeps the text as it stands.
* Names come from ``INDICATORS`` only. A name outside it is skipped, also inside an
  enumeration: 规上工业增加值、限上批零销售额、固定资产投资分别增长10.5%、17%、10% gives
  two facts; an enumeration whose counts of names and values differ gives none.
  城乡居民人均可支配收入分别增长5%、6% gives the 城镇 and the 农村 figure; in
  城镇、农村居民人均可支配收入 the bare 城镇 borrows the tail of the last name; 粮肉奶产量
  names grain's output first. Without 分别 only known names whose values are listed
  after the verb pair up (甲和乙实际增长8.4%和11.4%); a value in such a list is no one
  name's own. …，分别增长… right after an enumeration's values reads its names again;
  甲11759元，乙3587元，扣除价格因素，分别增长10.4%和7.4% gives each level its change.
* Not the figure of the whole place for one year, so skipped: a name after 年均, 累计,
  五年来… in its clause, or right after 占, 人均, 企业, 县, 全国, a kind of area (脱贫地区,
  革命老区…) or a closing quote;
  a value followed by 县 or 企业 (生产总值超200亿元县); a unit the name is not
  counted in (研发投入500家).
* GDP: 国内生产总值 is itself; 地区生产总值 and the generic 生产总值, GDP, 经济增长
  (速度) become 国内生产总值 (单位…能耗 likewise) in a report that names
  国内生产总值 more often than 地区生产总值, i.e. the State Council's. 国民生产总值
  (GNP, the headline until 1993) stays apart.
* Measure: a name that is itself a rate of change (经济增长速度, 涨幅) gives growth; a
  change verb (增长, 下降…) with % gives growth, a decline negative; a change in
  another unit (增加100亿斤) is skipped; anything else (达到, 增长到, no verb) is a
  level, in % only for a rate (失业率, 强度). A second figure of a name follows its first
  (…亿元，比上年实际增长…) or stands in the next clause on its total (增长5.8%、增速全国
  第3，总量达到60013亿元); 从1997年的…增加到2002年的… is the level of the year written.
  Growth by quarter then 全年增长4.8%, with no name in the sentence, is the GDP's.
* Qualifiers as written: 左右, 以上, 以内, 以下, range, and 超过 for 超/超过/突破 and
  站上/迈上/跨上/跃上…台阶 ("more than", kept apart from 以上 "at least"); 约 and 上下 read
  as 左右, 不低于 as 以上, 不超过 as 以内, 低于 as 以下, and 67700多亿元 as 超过. A
  qualifier after the last value of 分别增长5%、7%左右 applies to each.
* Kind and period, the first rule that decides: the sentence's opening (2012年，…)
  or else its words name the plan year (今年, 2025年) → target for ``year``, or the
  past year (去年, 过去一年, 2024年) → actual for ``year - 1``; a sentence naming
  only other years (到2027年) gives nothing, one naming other years too (2005年与
  2000年相比) is left to the rules below. Then the 。-sentence a
  ；-piece continues; then the opening of an earlier sentence of the paragraph
  (过去一年，…。国内生产总值增长10.3%), except a past opening over a sentence with
  target words (in the plan, also a figure with 左右); then the section: a heading on the review (回顾, 过去, 成就,
  2024年) gives actuals, on the plan (安排, 任务, 目标, 2025年) targets, on several
  years (五年, 时期, “十四五”) nothing. Under the review or the plan only a year
  moves a heading (锚定目标攻坚 stays in the review); a neutral heading takes its
  parent's part, but one of the same style and level as a sibling that set its own
  part starts the plan (reports review first). With no heading to go by, target words
  (预期目标, 力争…) give a target and anything else is skipped: 预计 alone decides
  nothing. A report that says 明年 more often than 今年 was delivered before its
  plan year: there 明年 is the plan year and 今年 the past one.
* In the review, a past target restated (年初确定的…4%左右的目标) is skipped.
  Exact repeats (the same name, kind, period and value) are dropped.
* Issue 11's classes (tests/parsing/test_indicator_classes.py): a sentence is one line at
  most; openers 刚刚过去的2017年，/1993年我国…/在…基础上，; a neutral top-level part is
  placed by how its text opens (2024年是…); a heading on several years is placed by the
  year it names, else a review of several years (过去五年工作回顾) gives only levels
  reached (从54万亿元增加到82.7万亿元), and sentences on several years (过去五年, 这两年中,
  比2002年, 以1954年为基数) give nothing, nor does a figure compared with its own year or a
  later one (比1980年预计增加 in 1980's plan); a part on both years, and a newspaper page,
  are read by their wording (a newspaper figure without a time is last year's result).
* Session 17's classes of the external reports (tests/parsing/test_indicator_classes_external.py):
  on a newspaper page a figure after another place's name (郑州 in a page on 武汉) is skipped,
  and a question (深圳如何实现GDP增长6%) places nothing; a sentence on both years is cut per
  year; 增长目标(定在) is a growth verb; half-width ,;: part clauses; a round mark passed
  gives way to the exact level (突破2万元、达到20793元); in the review a five-year passage
  (这五年，… and the paragraph a short lead line of it introduces) gives its levels reached,
  a mark passed included, and 从2020年的…增长到2025年的… reads as the level reached.
  From the first unseen 2026 reports: in the review a figure after 年均/每年 in its sentence
  is on several years; trade with partners (与…国家, 对东盟、…) is a part; an item after 、
  that continues another subject's figure (猕猴桃综合产值增长8.5%、出口…) is that subject's;
  a round mark gives way to any exact level of the same fact. Later batches: a part of the
  year (前三季度，…; 截至11月底，…) holds for every figure of its sentence; in a review of
  several years a level beside its base year's (…797.1亿元，是2010年的2.1倍) is the period's end.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from archive.parsing.document import (
    ACTUAL, GLOSSARY_STYLE, GROWTH, LEVEL, TARGET, IndicatorFact, SectionNode,
)
from archive.parsing.numbers import (
    amounts_in_words_to_digits, chinese_number, percent_range_words_to_digits,
    years_in_words_to_digits,
)

# A generic word is a name only at a clause start or after one of these words, so
# 数字经济增长18% or 海洋生产总值 are not GDP.
_ALONE = (r"(?:(?<![\u4e00-\u9fff])|(?<=[的是和及与年])"
          r"|(?<=今年|全年|年度|年内|全省|全市|全区|全州|全县|我省|我区|我市|本省|本市|本区|本州|本县|力争|计划|预计|实现|完成|其中|确保|争取|县域))")


def _alone(word: str) -> str:
    return _ALONE + word


# The units a name's amounts are counted in (% goes with every name).
MONEY = ("万亿元", "万亿美元", "亿美元", "万美元", "亿元", "万元", "元")
PEOPLE = ("万人", "人")   # a district counts its new jobs one by one (新增就业5650人)
GRAIN = ("万亿斤", "亿斤", "亿公斤", "亿吨", "万吨")
# Canonical name, aliases (regular expressions), units. Where an alias of one name
# starts like a longer alias of another, the longer one comes first.
INDICATORS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("单位地区生产总值能耗", (r"单位(?:地区|国内)?生产总值能(?:源消)?耗", r"单位GDP能耗"), ()),
    ("国内生产总值", (r"国内生产总值",), MONEY),
    ("国民生产总值", (r"国民生产总值",), MONEY),
    ("地区生产总值", (r"地区生产总值", r"地方生产总值", r"[省市州县区]内生产总值", _alone(r"生产总值"), _alone(r"GDP(?:总量)?"),
                      _alone(r"经济增(?:长(?:速度)?|速)"), _alone(r"经济总量")), MONEY),
    ("一般公共预算总收入", (r"(?:一般)?公共预算总收入", r"财政总收入", r"全部财政收入",
                          r"来源于[^，。；]{1,8}的财政(?:一般预算)?收入"), MONEY),   # 广东: raised in the place
    ("一般公共预算收入", (r"(?:地方)?(?:一般)?公共预算(?:地方)?收入", r"(?:地方)?一般公共预算(?=(?:同比|比上年)?增长)", r"(?:地方)?一般预算收入", r"(?:全国|国家)财政收入", r"(?:地方)?(?:一般)?公共财政(?:预算)?收入"),
     MONEY),
    ("地方财政收入", (r"地方财政收入", r"地方级(?:财政)?收入"), MONEY),
    ("财政收入", (_alone(r"财政收入"),), MONEY),
    ("规上工业增加值", (r"规模以上工业增加值", r"规上工业增加值", r"规模工业增加值"), MONEY),
    ("固定资产投资", (r"(?:全社会|规模以上|城镇以上|地区|\d+万元(?:及)?以上(?:项目)?)固定资产投资(?:总额)?", _alone(r"固定资产投资(?:总额)?"),
                      _alone(r"固投")), MONEY),
    ("社会消费品零售总额", (r"社会消费品零售总?额", r"社消零售总额"), MONEY),
    ("城镇居民人均可支配收入", (r"城[镇市](?:常住)?(?:居民)?(?:家庭)?年?人均可支配收入", r"城镇居民收入(?!比)"), MONEY),
    ("农村居民人均可支配收入", (r"农村(?:牧区)?(?:常住)?(?:居民)?(?:家庭)?人均可支配收入", r"农村居民收入(?!比)",
                              r"农牧民人均可支配收入"), MONEY),
    ("农村居民人均纯收入", (r"农村居民(?:家庭)?年?人均纯收入", r"农(?:牧)?民年?人均纯收入",
                          r"农民(?:家庭)?平均每人的?纯收入",
                          r"农民的?纯收入，全国平均每人"), MONEY),
    ("城乡居民人均可支配收入", (r"(?:城乡|全体|全国)(?:常住)?居民人均可支配收入", r"城乡人均可支配收入", r"(?:城乡|全体)居民可支配收入",
                               _alone(r"居民人均可支配收入")), MONEY),
    ("城乡居民收入", (r"城乡居民(?:人均)?收入",), MONEY),
    ("居民收入", (_alone(r"居民收入"),), MONEY),
    ("城镇新增就业", (r"城镇新增就业(?:再就业)?(?:人数|人口|人员)?", r"新增城镇(?:人员)?就业(?:再就业)?(?:人数|人口|人员)?",
                      _alone(r"新增就业(?:人数)?")), PEOPLE),   # 再就业: 新疆's series counts both
    ("城镇调查失业率", (r"城镇调查失业率", r"(?<!农村)调查失业率"), ()),
    ("城镇登记失业率", (r"城镇登记失业率", r"(?<!农村)登记失业率"), ()),
    ("城镇失业率", (r"城镇失业率",), ()),
    ("居民消费价格涨幅", (r"居民消费品?价格(?:指数)?(?:总?水平)?(?:涨幅|增幅|上涨幅度)?", r"CPI涨幅", _alone(r"CPI"),
                        r"(?:物价|价格)总水平(?:涨幅|上涨幅度)", _alone(r"消费价格涨幅")), ()),
    ("商品零售价格涨幅", (r"商品零售价格涨幅",), ()),
    ("进出口总额", (r"(?:外贸)?进出口(?:贸易)?总?[额值]", r"外贸总[额值]", _alone(r"(?:外贸)?进出口"), r"对外贸易总额",
                    _alone(r"货物贸易(?![进出]口)"), _alone(r"货物贸易进出口(?:总[额值])?")), MONEY),
    ("出口总额", (_alone(r"(?:外贸|货物贸易|货物)?出口(?:总[额值])?"), _alone(r"商品出口总[额值]")), MONEY),
    ("粮食产量", (r"粮食总?产量?", r"粮食(?=[增减]产)"), GRAIN),
    ("产量", (_alone(r"(?:总产量?|产量)"),), GRAIN),
    ("研发投入强度", (r"(?:全社会)?研发(?:经费)?投入强度", r"研究与试验发展经费投入强度",
                      r"R&D经费投入强度"), ()),
    ("研发投入", (r"(?:全社会)?研发(?:经费)?投入", r"研究与试验发展经费(?:投入)?"), MONEY),
)
# Names of an earlier era, and until which plan year they name one of ours: before the
# surveyed rate was published (2018) a bare 城镇失业率 is the registered one.
ERA_NAMES = {"城镇失业率": ("城镇登记失业率", 2017)}
# 居民消费价格指数106.5%: an index on last year's 100, a rise of 6.5%.
PRICES, INDEX_RANGE = "居民消费价格涨幅", (80, 130)
# One name with 分别 and two values: the urban and the rural figure. Where the name does
# not say which income, the rural one is the net income (纯收入) until the survey reform
# was first reported (plan year 2015), the disposable income after.
INCOMES = ("城镇居民人均可支配收入", "农村居民人均可支配收入")
RURAL_INCOME, NET_INCOME, NET_INCOME_UNTIL = "农村居民收入", "农村居民人均纯收入", 2014
SEPARATELY = {"城乡居民人均可支配收入": INCOMES, "城乡居民收入": (INCOMES[0], RURAL_INCOME)}
ONLY_SEPARATELY = {"城乡居民收入"}   # 城乡居民收入增长6% alone names no single figure
# A bare 产量/总产 is grain's where its clause, or the clause before, or the sentence before
# opens on 粮食: 粮食播种面积1.1亿亩、产量825亿斤; 粮食生产再获丰收，总产达到557亿斤;
# 确保粮食播种面积1520万亩、总产125亿斤; ——粮食生产再创新高。播种面积…，总产量达到853.2亿斤.
GRAIN_OUTPUT, GRAIN_NAME = "产量", "粮食产量"
OUTPUT_LEAD = 4   # characters before a bare 总产 that opens its clause (全年总产, 粮食总产)
GRAIN_TOPIC = re.compile(r"(?:——)?(?:全年|全省|全市|全区|今年|去年|确保|力争|保障|实现|完成|稳定|稳住|保持)*粮食")
# 粮肉奶产量分别稳定在800亿斤、60亿斤、160亿斤以上: products named by one character each.
ABBREVIATED_OUTPUTS = re.compile(r"(?<![\u4e00-\u9fff])(?P<heads>[\u4e00-\u9fff]{2,5})总?产量$")
GRAIN_HEAD = "粮"
# Names that mean one figure of the whole country in the State Council's reports: the GDP,
# 财政收入 (全国财政收入, 一般公共预算收入 since 2014), 居民收入 (全国居民人均可支配收入).
COUNTRY_GDP, REGION_GDP = "国内生产总值", "地区生产总值"
THE_COUNTRYS = re.compile(r"(?:全国|我国|国家)的?国内生产总值")
NATIONAL_NAMES = {"地区生产总值": "国内生产总值", "财政收入": "一般公共预算收入",
                  "居民收入": "城乡居民人均可支配收入"}
ONLY_NATIONAL = {"财政收入", "居民收入"}   # elsewhere too vague to name one figure,
# but in a city's or a county's report (天津市 2007), or beside the budget revenue in its
# paragraph, 财政收入 is the total (财政收入突破3亿元，…其中一般预算收入…):
REVENUE, TOTAL_REVENUE, BUDGET_REVENUE = "财政收入", "一般公共预算总收入", "一般公共预算收入"
LOCAL_REVENUE = "地方财政收入"   # 地方财政收入, 地方级收入: the budget revenue, named by its local share

UNITS_OF = {name: units for name, _, units in INDICATORS}
_GROUP = {f"n{index}": name for index, (name, _, _) in enumerate(INDICATORS)}
_GROUP_OF = {name: group for group, name in _GROUP.items()}
NAME = re.compile("|".join(f"(?P<n{index}>{'|'.join(aliases)})"
                           for index, (_, aliases, _) in enumerate(INDICATORS)))
RATE_OF_CHANGE = re.compile(r"增长|增速|速度|涨幅|增幅")   # in a name as written: its value is a growth rate
RATE = re.compile(r"率|强度")                     # in a name: its % value is a level

# How a figure moved, between a name and its verb: 出口逆势增长17.8%, 稳步达到3000亿元以上.
ADVERBS = r"(?:逆势|稳步|持续|快速|较快|大幅|顺利|翻番|翻一番|历史性)"
PRICES_DEDUCTED = r"(?:扣除|考虑)(?:价格|物价)(?:上涨|下降|变动)?因素"
COMPARABLE = r"按(?:可比(?:价格?|口径)?|(?:传统|新|同|现行)口径)(?:计算)?，?"   # 按可比口径增长13%, 按传统口径计算超过8000亿元
ADJUSTED = r"(?:剔除|扣除)[^，。；\d]{1,8}因素后?，?"   # 剔除虚增空转因素后完成10.4亿元: the same figure, restated
# Words allowed between a name and its verb: 比上年, 同口径, 的宏观调控目标，…
FILLER = (r"(?:（[^）\d，。]{1,4}）|比上年|比去年|同比|同口径|可比|规模|全年|实际|名义|计划|预计|预定|力争|争取|确保|要|将"
          rf"|首次|再|又|继续|都|按|有望|{ADVERBS}|，?{PRICES_DEDUCTED}，?|{ADJUSTED}|{COMPARABLE}"
          r"|平均值?|均值|的?(?:宏观)?(?:调控|主要|预期)?目标，?|的?预期"
          r"|在(?:去年|上年)[^，。；]{0,20}?的?基础上，?|(?:19|20)\d\d年(?:预计)?)*")
CHANGE_VERBS = ("增长", "增加", "增产", "增速", "上涨", "上升", "提高", "下降", "降低", "减少", "减产", "微涨", "微降")
DECLINES = ("下降", "降低", "减少", "减产", "微降")
GROWTH_TARGET_VERB = re.compile(r"增长的?目标")   # 预期增长目标6%左右: a growth rate
# A change to a level: 增长到, 下降为, 增至 (the level reached, not the change).
MOVED_TO = r"(?:增长|增加|提高|上升|下降|降低|减少|回落|降|跃升)[到至为]|增至"
VERBS = (rf"{MOVED_TO}|增长的?目标(?:定在|设定为|定为|设为|为|是)?|增长了?|增加|增产|减产|增速(?:达到|保持在|稳定在|为|达|在)?|上涨|上升|提高"
         r"|下降|降低|减少|微涨|微降|达到|达|完成|实现|设定为|定为|为|是|控制在|控制到|稳定保持在|保持在|稳定在|保持|在|低于"
         r"|站上|迈上|跨上|跃上|跨过|突破|超过|超")
VERB = rf"(?:(?P<verb>{VERBS})了?)"   # 粮食总产量达到了90.6亿斤; one group, so that {VERB}? is optional
# Every unit a number may carry, so that 3个百分点 or 500家 is read whole (and skipped).
UNIT = (r"个百分点|%|万亿元|万亿美元|亿美元|万美元|亿元|万元|元|万亿斤|亿斤|亿公斤|亿吨|万吨|万人次|万人|人|万户|万亩|亩|万家|家|万个|个"
        r"|万?亿(?=[，。；、和与及）)]|以上|左右|大关)")   # 突破5500亿和1万亿: 元 left out
BARE_MONEY = {"亿": "亿元", "万亿": "万亿元"}
# 2000万元以上工业增加值, 增长10%以上的企业: a threshold of what follows, not a figure.
THRESHOLD_OF = re.compile(r"(?!和|与|及|或|目标|水平|，)[\u4e00-\u9fff]")
NUMBER = r"\d+(?:\.\d+)?"
DIGIT = re.compile(r"\d")
VALUE = re.compile(
    rf"(?P<pre>大约|约|超过|超|不低于|不少于|不超过|不高于)?(?P<num>{NUMBER})"
    rf"(?:(?P<unit1>%)?[-－—–~～至到]{{1,2}}(?P<high>{NUMBER}))?"
    rf"(?P<unit>{UNIT})(?P<suf>左右|上下|以上|以内|之内|以下|或者?更多一些)?")
VALUE_START = rf"(?={NUMBER}|[约超不大])"
# After a name: filler and verb, or a filler ending in 目标/预期/均值 and no verb, or nothing;
# 从54万亿元增加到82.7万亿元 or ，由1997年的5160元增加到2002年的7703元 (the level reached, of
# the year written if one is: 从2020年的3.68万亿元增长到2025年的4.93万亿元); 再上新台阶，突破
# 1600亿斤 (a short clause without a figure, or one on marks passed: 跨越3个千亿元台阶，, then a
# verb of reaching).
NOTE_MARK = r"(?:\[\d{1,3}\]|〔\d{1,3}〕|【\d{1,3}】)"   # a glossary's: 完成地方生产总值[1]202亿元
YEAR_OF = r"(?:(?:19|20)\d\d年(?:底|末)?的?)"
FROM = (rf"，?[从由](?:{YEAR_OF}|(?:年初|上半年|一季度|上年|去年)的?)?(?:不到|约)?{NUMBER}(?:{UNIT})?"
        rf"(?={MOVED_TO})")   # 从上半年5.5%降到5.3%: the level at the end
VERB_NOTE = r"(?:（[^）\d]{1,6}）)?"   # 同比增长（下同）6%
REACHED_IN = r"(?:(?<=[到至为])(?P<year>(?:19|20)\d\d)年(?:底|末)?的?)?"
BRIDGE = (r"(?:(?:(?:(?!\d+(?:\.\d+)?(?:%|万|亿|元|人|吨|斤))[^，。；、%]){1,16}|[^，。；%]{1,20}(?:台阶|大关))"
          r"[，、](?:预计)?(?:\d{4}年|去年|今年)?(?:预计|有望)?"   # 跨越600亿元、700亿元大关，今年预计达到850亿元
          r"(?=达到|达|完成|实现|突破|超过|站上|迈上|跨上|跃上)"
          # the change said in words, then its figure: 实现大幅增长，预计同比增长31.1%;
          # 突破万元大关，预计增长10.8%
          r"|(?:[^，。；、%\d]{0,8}(?:增长|提高|回升|上升|增加)|[^，。；、%\d]{1,14}(?:台阶|大关))"
          r"，(?=(?:预计|比上年|同比|全年)*(?:增长|提高)\d))")
# 城乡居民人均可支配收入从2021年的46503元和16935元分别提高到58794元和23184元: the
# starting values before 分别 are not names.
FROM_VALUES = re.compile(rf"[从由]{YEAR_OF}?{NUMBER}(?:{UNIT})(?:[和、与]{NUMBER}(?:{UNIT}))*$")
FROM_YEAR = re.compile(r"[从由](?:19|20)\d\d年")
COMPARED_YEAR_BEFORE = re.compile(r"(?:[比较]|[快高低慢]于)$")   # 快于2024年…: a comparison
TAIL = re.compile(rf"{NOTE_MARK}?(?:{FROM}|{BRIDGE})?(?:{FILLER}(?:{VERB}{VERB_NOTE}{REACHED_IN}|(?<=目标)|(?<=预期)|(?<=预计)|(?<=均值)"
                  rf"|(?<=平均值)|(?<=）)))?{VALUE_START}")
# A second figure for the same name: …增长7%以上，站上3500亿元; …9.86万亿元、增长5.7%;
# 2.76万亿元增长6.1%; 完成248亿元（预计数，下同），同比增长7.4%.
CHAIN = re.compile(rf"(?:（[^）]{{0,12}}）|新?台阶|大关)?[，、]?(?:{COMPARABLE}|{PRICES_DEDUCTED}，?|{ADJUSTED})?"
                   rf"(?:预计|预期)?(?:比上年|同比|同口径|可比|总量|总额)?(?:实际|首次)?{ADVERBS}?(?:{VERB}{VERB_NOTE})?{VALUE_START}")
# Growth by quarter, then for the year, without a name: the GDP's (_year_after_quarters).
QUARTERS_THEN_YEAR = re.compile(rf"季度(?:增长|增速){NUMBER}%[^。；]*?[，；](?P<year>全年)(?=增长)")
YEAR_AS_GDP = re.compile(rf"(?P<{_GROUP_OF['地区生产总值']}>全年)")
# The total in the clause after a name's figure: 、增速全国第3，总量达到60013亿元.
TOTAL_NEXT = re.compile(rf"(?P<between>[^，。；！？：]{{0,20}})，总量{VERB}?{VALUE_START}")
# The growth after a clause without a figure: 达到5.53万亿元、稳居全国前十强、增长4.8%.
GROWTH_NEXT = re.compile(r"(?P<between>、[^，。；！？：、\d]{1,12})、(?P<verb>增长|增速)(?=\d)")
# The names of an enumeration, from the clause start to 分别 (预计分别, 比上年实际分别…), or
# to the verb of known names that are listed with their values (甲和乙实际增长8.4%和11.4%).
# 甲、乙均增长8%: one value for each name (not the 均 of 人均, 年均, 平均); 甲、乙增长4%左右:
# known names with one value, each of them.
ENUMERATION = re.compile(rf"(?P<names>[^，。；：:！？]+?){FILLER}(?:(?P<each>分别|(?<![人年平])均(?={VERBS})){FILLER}"
                         rf"|(?=(?:{VERBS}){NUMBER}(?:{UNIT})(?:左右|以上)?[、和]{NUMBER})"
                         # 城乡居民人均可支配收入33722元和11777元，分别增长6%、8.5%: levels without a verb
                         rf"|(?={NUMBER}(?:{UNIT})[、和]{NUMBER}(?:{UNIT})，(?:同比|比上年)?分别)"
                         rf"|(?=(?:{VERBS}){NUMBER})){VERB}?")
ITEM_SEPARATOR = re.compile(r"[、和及与]")
# The same names again: 分别达到45000元和21000元，分别增长4.5%和6.5%; 分别达6.9万元、3.4万元，
# 增长4.2%、5.3% (as many values as names).
EACH_AGAIN = re.compile(rf"，{FILLER}(?:分别{FILLER})?{VERB}?(?<!，)(?<!分别)(?={NUMBER})")
# A change of several figures named in the clauses before: …，扣除价格因素，分别比上年实际增长.
JOINT_CHANGE = re.compile(rf"，(?:{PRICES_DEDUCTED}，)?{FILLER}(?:分别{FILLER})?(?P<verb>增长|提高|下降)"
                          rf"(?={NUMBER})")
CLAUSE_LEAD = re.compile(r"(?:其中|(?:19|20)\d\d年)?(?:全[省市区县州旗])?")   # 全市甲达到…元，乙…
OTHER_AMOUNT = re.compile(rf"[^，、：；。\d%]{{2,16}}?(?={NUMBER}(?:{UNIT}))")
QUALIFIERS = {"约": "左右", "大约": "左右", "上下": "左右", "超": "超过", "超过": "超过",
              "突破": "超过", "站上": "超过", "迈上": "超过", "跨上": "超过", "跃上": "超过", "跨过": "超过",
              "不低于": "以上", "不少于": "以上", "不超过": "以内",
              "不高于": "以内", "之内": "以内", "低于": "以下", "左右": "左右", "以上": "以上",
              "以内": "以内", "以下": "以下", "或更多一些": "以上", "或者更多一些": "以上"}

SEVERAL_YEARS_BEFORE = re.compile(r"年均|平均|每年|累计|以来|[二三四五六七八九十]年")   # in the clause
# Right before a name: 占…, 人均…, 企业…, 脱贫地区… (a kind of area, not 北京地区), 全国….
AREAS = r"(?:(?:脱贫|贫困|民族|边境|边疆|欠发达|沿海)(?:地区)?|[山牧林垦库灾老]区)"   # 民族地区生产总值
ZONES = r"园区|开发区|高新区|经开区|片区|新区|港区|综保区|保税区|自贸区"   # parks and zones: their figures are theirs
# 服务进出口, 招商引资项目完成固定资产投资220亿元
NOT_THE_WHOLE_BEFORE = re.compile(
    rf"(?:占|人均|企业|(?<![全本我])县|(?<![全本我地])区|(?<![全本])村|服务(?:贸易)?|技术|产品|电商|口岸|(?<!全[市省区州县])海关|互市|市直|市本级|(?:项目(?:\d+个，(?=完成|实现))?|{ZONES}|产业|公司|{AREAS})(?:完成|实现)?(?:年度)?|建设(?:完成|实现)|全国|”"
    r"|\d+个[^，。；、：\d]{1,10})$")   # 4个整村推进村农牧民人均纯收入: a count of places
NATIONAL_BEFORE = re.compile(r"全国$")            # the whole, in the State Council's reports
# A sentence opening on a part of the year (前三季度，…; 1—11月，…; 截至11月底，…) gives no
# figure of the whole year, but where it goes on to 全年 (截至2024年底 is the year's end).
MONTH = r"(?:1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])月"
PART_OF_YEAR = re.compile(r"(?:\*\*)?(?:(?:19|20)\d\d年|今年|去年)?(?:前[一二三]季度|[一二三四]季度|上半年|一季度"
                          rf"|(?:1|一)[—\-－~～至到]{MONTH}份?|前(?:1[01]|[1-9]|十一?|[一二三四五六七八九])个月"
                          rf"|截[至止]到?{MONTH}(?:底|末|份)?)")
# Right after the value: 生产总值超200亿元县, 经济总量超500亿元的县域增至12个 (a count of places).
# 园区在全省综合排名第14位，…，进出口总额1050万美元; 罗定片区引进项目37个，完成固定资产投资18亿元;
# 三个国家级开发区健康发展，实现财政总收入13.7亿元: a sentence that opens on a park or a zone,
# its figures the park's (not 加强外向型经济园区和出口示范基地建设，…: the city's work on them).
ON_A_PARK = re.compile(r"(?!加强|推进|加快|支持|推动|打造|建设|培育|发展)[^，。；]{0,16}"
                       rf"(?:{ZONES}|产业园|工业园)(?!建设|[和与及、])")
# 力争新港区实现GDP400亿元、进出口总额800亿元: a clause on what a zone is to reach.
ZONE_CLAUSE = re.compile(rf"(?:力争|确保|推动|推进)?[^，。；、]{{0,6}}(?:{ZONES})(?:实现|完成)")
NOT_THE_WHOLE_AFTER = re.compile(r"的?(?:县|企业|镇|乡|村|园区|城市|地市|市州|开发区|产业|集群)")
# 对共建“一带一路”国家进出口额, 与共建“一带一路”国家进出口贸易额: trade with partners, a part
# (not 对外贸易进出口总额, the whole).
PARTNER_BEFORE = re.compile(r"对(?!外贸易|外经贸)[^，；：]{1,20}$|与[^，；：]{0,20}(?:国家|地区|经济体|东盟|欧盟)$")
# 扣除房地产开发投资后，固定资产投资增长2.7%: the figure without one of its parts (not
# 扣除价格因素, 剔除…因素后: the whole, restated).
WITHOUT_A_PART = re.compile(r"(?:扣除|剔除|不含|除去)(?![^，；]*因素)[^，；]{1,15}(?:后|外)?，$")
EACH_OF_SEVERAL = "都"   # after one name: the figure of each of several places
PARTNER_LEAD = re.compile(r"[对与](?!上年|去年|外贸易|外经贸)")   # 对东盟、共建“一带一路”国家进出口总额分别…
PAST_TARGET_BEFORE = re.compile(r"(?:确定|预定|原定|提出)的?$")
PAST_TARGET_AFTER = re.compile(r"的?(?:预期)?目标")
TARGET_WORDS = re.compile(r"预期目标|主要目标|调控目标|目标是|目标为|力争")
HOW_IT_WENT = r"(?:完成|执行|实施)情况"
REVIEW_HEADING = re.compile(rf"回顾|过去|成就|一年来|形势|{HOW_IT_WENT}")
# 2015年主要工作任务完成情况: a report on tasks, their review (not a plan for them)
REPORTED_ON = re.compile(rf"{HOW_IT_WENT}$")
PLAN_HEADING = re.compile(r"安排|任务|目标|要求|部署|建议|打算|展望|思路")
SEVERAL_YEARS_HEADING = re.compile(r"五年|时期|“[^”]{1,3}五”|本届|届政府")   # 本届/第十四届政府工作回顾: a term
# A heading on the first or last year of a five-year plan: the third plan began in 1966, and
# each plan since has its five years.
PERIOD_STARTS = ("开局", "起步", "开篇", "开好局")
PLAN_PERIOD_EDGE = re.compile(rf"“(?P<plan>[八九]|十[一二三四五]?)五”(?:规划)?(?P<edge>{'|'.join(PERIOD_STARTS)}|收官)")
FIRST_PLAN, FIRST_PLAN_YEAR = 3, 1966
# A sentence on a plan period is not placed by its section: “十四五”以来…, 过去五年….
SEVERAL = r"(?:(?:过去|近|这)[两二三四五六七八九十]年|[两二三四五六七八九十]年(?:来|中|间|里))"
# A sentence on the reviewed year that says its tasks were done, in a plan part: the
# sentences after it in the paragraph are that year's results.
RECAP = re.compile(r"(?:已经?|圆满|顺利|全面|胜利|超额)完成了?[。！]?$")
COMING_YEARS = re.compile(r"(?:今后|未来)[两二三四五六七八九十]年")
PAST_YEARS = re.compile(rf"{SEVERAL}|以来的[两二三四五六七八九十]年")   # not “十五五”时期, which may come
PART_LEAD = 100   # characters in which a part without a telling heading says its time
SUMMED_OVER = r"[两二三四五六七八九十]年累计(?=，)"   # 五年累计，共淘汰…；…: a sentence of sums
SEVERAL_YEARS_WORDS = re.compile(rf"{SEVERAL}|“[^”]{{1,3}}五”(?:时期|期间|以来)|以来(?!最|新高)")   # not 创新世纪以来最高
# 是建国以来投资规模最大的一年, 是近十年来增幅最高的一年: a record, not a period's figure
RECORD = re.compile(r"[^，。；]{0,12}(?:以来|年来)[^，。；]{0,10}?(?:最[^，。；]|新高|新低)")
SEVERAL_OR_SUMMED = re.compile(rf"{SEVERAL_YEARS_WORDS.pattern}|{SUMMED_OVER}")   # an opening on years
PERIOD_OPENING = re.compile(rf"(?:过去的)?(?:{SEVERAL}|“[^”]{{1,3}}五”(?:时期|期间|以来))，")   # “十三五”时期，…
# 1986年同1978年相比，…: a comparison over several years, for this sentence and the ；-pieces
# and sentences after it in the paragraph.
COMPARED_WITH_A_YEAR = re.compile(r"(?:与|同|比|较)((?:19|20)\d\d)年")
# 以2022年…GDP1100亿、工业总产值635.2亿元为基数进行大致类推: the base of an estimate
BASED_ON = re.compile(r"以[^，。；]{0,20}[^。；]{0,60}?为基[数础准]")
BASE_YEAR = re.compile(r"以(?:19|20)\d\d年为基[数期准]")   # 以一九五四年为基数: a plan of years
# A sentence opening with a time (过去一年，…) is placed by it, and frames the next ones.
# 在1992年快速增长的基础上，1993年我国经济…: the year after the basis. An opening on several
# years (过去五年，…) frames nothing. A newspaper's speaker may come first: 温国辉介绍，2017年，…;
# and the address: 各位代表，2021年是本届政府的收官之年，….
OPENING = re.compile(r"(?:——)?(?:(?:各位代表|代表们|同志们)[，！])?(?:[^，。]{1,10}(?:介绍|表示)，)?"   # ——五年来，我们…
                     r"(?:在[^，。]{0,30}基础上，|[^，。\d]{1,8}，(?=刚刚过去的|过去的))?在?"
                     r"(?P<time>(?:刚刚过去的|过去的)?"
                     rf"(?:过去一年|去年|今年|明年|一年来|\d{{4}}年|{SEVERAL}|{SUMMED_OVER}"
                     r"|“[^”]{1,3}五”(?:时期|期间)(?=，)))")
# A part of the report without a telling heading is placed by how its text opens:
# 2024年是…的一年 / 一年来，… (the review), 2025年是…之年 (the plan).
PART_OPENING = re.compile(r"[^，。；：]{0,30}")
# On a newspaper page a sentence without a time is a result of last year, unless it reads
# like a target: a figure with 左右, or target words.
TARGET_FIGURE = re.compile(r"\d%左右")
# A question states no result: 深圳如何实现GDP增长6%：… (a headline), …底气何在？
QUESTION = re.compile(r"如何|怎样|怎么|为何|为什么|何在|[？?]")
PLAN_WORDING = re.compile(r"计划|预期|安排|控制在|争取|(?<![重主需必只])要")
# Places a newspaper page may quote beside its own (郑州 and 长沙 in an article on 武汉): the
# provinces and the larger cities. On such a page a figure after another place's name, in
# its paragraph, is that place's.
PLACES = re.compile(
    "内蒙古|黑龙江|乌鲁木齐|呼和浩特|石家庄|哈尔滨|"
    "北京|天津|河北|山西|辽宁|吉林|上海|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|广西|"
    "海南|重庆|四川|贵州|云南|西藏|陕西|甘肃|青海|宁夏|新疆|香港|澳门|台湾|"
    "太原|沈阳|长春|南京|杭州|合肥|福州|南昌|济南|郑州|武汉|长沙|广州|南宁|海口|成都|贵阳|昆明|"
    "拉萨|西安|兰州|西宁|银川|深圳|大连|青岛|宁波|厦门|苏州|无锡|常州|南通|徐州|佛山|东莞|珠海|"
    "惠州|泉州|温州|绍兴|嘉兴|金华|台州|烟台|潍坊|唐山|洛阳|襄阳|宜昌")
COUNTY_SUFFIXES = ("县", "旗")   # 定兴县, 鄂温克族自治旗
PROVINCE_SUFFIXES = ("省", "自治区", "特别行政区", "国务院")
REGION_SUFFIX = re.compile(r"(?:维吾尔|壮族|回族)?自治区$|特别行政区$|[省市县区]$")
YEAR_MENTION = re.compile(r"(?<!\d)((?:19|20)\d\d)年")
# …同比增长13%，是2006年的2.2倍: a multiple of a base year's figure, said in passing.
MULTIPLE_OF_A_YEAR = re.compile(r"是(?:19|20)\d\d年(?:同期)?的\d+(?:\.\d+)?倍")
# 67700多亿元 ("more than 67700"), as 四亿零七百多万吨 in words: 超67700亿元.
MORE_THAN = re.compile(rf"({NUMBER})多(?=万|亿|元|美元|人|吨|斤|公斤)")
# A round mark written without its one: 进出口总额突破万亿元, 迈上千亿元台阶.
ROUND_MARK = re.compile(r"(?<=突破|超过|迈上|跨上|站上|跃上|跨过|达到)([万千百])亿(?=元|美元|斤)")
ROUND_MARKS = {"万": "1万亿", "千": "1000亿", "百": "100亿"}
# Consumer prices unchanged (居民消费价格与上年持平): a rise of 0%; not 涨幅基本持平 (the rate
# unchanged, its value unstated).
PRICES_FLAT = re.compile(r"(居民消费价格(?:指数)?(?:总水平)?)(?:与上年|比上年|同比)?持平")
MIDDLE_DOT_POINT = re.compile(r"(?<=\d)[·・](?=\d)")   # 增长14·1％ (1999): a decimal point
FULL_WIDTH = str.maketrans("０１２３４５６７８９％．", "0123456789%.")
# Half-width clause marks as some pages write them (…增长7%以上,规模以上…; 作用;实施), not a
# digit group's comma (1,000).
HALF_WIDTH_MARKS = re.compile(r"(?<!\d),|,(?!\d)|[;:]")
HALF_TO_FULL = {",": "，", ";": "；", ":": "："}
SENTENCE = re.compile(r"[^。！？；\n]+[。！？；]?")
# A sentence on both years, each named near the start of its own clauses (预计2022年…增长
# 4.5%左右，…，同时2023年GDP增长目标定在6.5%以上。) is read as pieces, one per year.
CLAUSE = re.compile(r"[^，,]+[，,]?")
CLAUSE_HEAD = 16                                         # characters where a clause names its year
BASIS = re.compile(r"在(?:去年|上年|(?:19|20)\d\d年)[^，。；]{0,20}?的?基础上，?")
COMPARED_BEFORE = re.compile(r"[比较与同到至]$")          # 比去年, 到2027年: not the clause's own year

PLAN, REVIEW, SEVERAL_YEARS, OTHER_YEAR, MIXED = "plan", "review", "several", "other", "mixed"
# A review of several years (过去五年工作回顾): only the levels reached at its end are the
# reviewed year's (国内生产总值从54万亿元增加到82.7万亿元), not its growth rates or sums.
PAST_PERIOD = "past period"
REACHED = re.compile(rf"达到|达|实现|完成|{MOVED_TO}")
LEAD_LENGTH = 80   # a lead line of a review of several years (这五年，我们…。) is short
SUMMED = {"城镇新增就业"}   # over several years a count of new jobs is a sum
# In the review a figure after 年均/每年 in its sentence is on several years (工业、消费、进出口等
# 年均增速高于全国，粮食总产稳定在1100亿斤以上): only a level reached there can be the reviewed year's.
EVERY_YEAR = re.compile(r"年均|每年|连年")
# In a review of several years a level set beside its base year's (797.1亿元，是2010年的2.1倍;
# 甲169.4亿元、乙122.8亿元，分别是2010年的2.9倍、3.6倍) is the level at the period's end, as
# one reached: a sum over the years is not compared with one year's figure.
TIMES_A_YEAR = re.compile(r"(?:、[^，。；]{1,30})?，(?:分别)?是(?:19|20)\d\d年(?:底|末)?的")
# Grain held at a floor (粮食总产量稳定在550亿斤左右) is several years' record, not the
# reviewed year's output, which a report states as a figure reached or passed.
GRAIN_HELD = ("稳定在", "保持在", "稳定保持在")
# 新增就业 without 城镇 is the place's count in a sentence about employment (再就业2100人,
# 城镇登记失业率…, 就业政策), not at the end of one project's or sector's results.
BARE_JOBS = "新增就业"
ABOUT_JOBS = re.compile(r"就业|失业")
WHOLE_PLACES = ("全省", "全市", "全区", "全县", "全州", "全旗")   # 全县新增就业2505人: the place's
# Units of one kind, to compare a round mark with an exact level (3万亿元 and 32765亿元).
UNIT_FACTORS = {"万亿元": 1e12, "万亿美元": 1e12, "亿美元": 1e8, "万美元": 1e4, "亿元": 1e8, "万元": 1e4, "元": 1.0,
                "万人": 1e4, "人": 1.0, "万亿斤": 1e12, "亿斤": 1e8, "亿公斤": 2e8, "亿吨": 2e9, "万吨": 2e7}
UNIT_KINDS = {"万亿元": "元", "亿元": "元", "万元": "元", "元": "元", "万亿美元": "美元",
              "亿美元": "美元", "万美元": "美元", "万人": "人", "万亿斤": "斤", "亿斤": "斤", "亿公斤": "斤", "万吨": "斤"}


@dataclass
class _Cues:
    """What places a sentence in time, and what counts as the whole, for one report."""

    year: int
    plan: re.Pattern
    review: re.Pattern
    national: bool = False    # the State Council's: 全国 is the whole
    newspaper: bool = False   # a page of results and targets, not a speech
    home: str = ""            # (a newspaper page) the place it is about: 武汉 for 武汉市
    county: bool = False      # a county's report: 县域生产总值 is the whole, elsewhere a part
    local: bool = False       # a city's, district's or county's: 财政收入 alone is the total

    @classmethod
    def of(cls, text: str, year: int, newspaper: bool = False, national: bool | None = None,
           region: str = "", delivered_in: int | None = None) -> _Cues:
        # Delivered before the year it plans for, 今年 is the year reviewed.
        early = (delivered_in < year if delivered_in
                 else text.count("明年") > text.count("今年"))
        this, last = ("明年", "今年") if early else ("今年", "去年")
        return cls(year=year, plan=re.compile(rf"{this}|{year}年"),
                   review=re.compile(rf"(?<![比较])(?:{last}|上年)|过去一年|一年来|{year - 1}年"),
                   national=(text.count("国内生产总值") > text.count("地区生产总值")
                             if national is None else national),
                   newspaper=newspaper, home=_home(text, region) if newspaper else "",
                   county=region.endswith(COUNTY_SUFFIXES),
                   local=bool(region) and not region.endswith(PROVINCE_SUFFIXES))

    def elsewhere(self, before: str, place: str | None) -> bool:
        """On a newspaper page: whether the place last named (in ``before``, else ``place``,
        the one the paragraph named last) is another than the page's own."""
        if not self.home:
            return False
        named = PLACES.findall(before)
        last = named[-1] if named else place
        return last is not None and last != self.home

    def time_of(self, text: str) -> str | None:
        """PLAN, REVIEW or OTHER_YEAR when the words say so unambiguously, else None."""
        text = BASIS.sub("", text)   # 在去年市核任务的基础上增长8.1%: a base, not the clause's year
        plan, review = bool(self.plan.search(text)), bool(self.review.search(text))
        if any(int(year) not in (self.year, self.year - 1) for year in YEAR_MENTION.findall(text)):
            return None if plan or review else OTHER_YEAR
        if plan != review:
            return PLAN if plan else REVIEW
        return None

    def heading_time(self, heading: str, by_words: bool) -> str | None:
        """The part a heading opens; ``by_words``: 回顾, 安排… count, not only years."""
        if self.plan_period_edge(heading) == self.year:
            return PLAN   # 全力以赴做好“十四五”开局工作 in the report for 2021
        if SEVERAL_YEARS_HEADING.search(heading):
            # Only a year decides: 2025年和“十四五”时期工作回顾 is still the review of 2025,
            # “十五五”时期目标任务和2026年工作安排 the plan for 2026.
            by_words = False
        review = bool(self.review.search(heading) or by_words and REVIEW_HEADING.search(heading))
        plan = bool(self.plan.search(heading) or by_words and PLAN_HEADING.search(heading)
                    and not REPORTED_ON.search(heading))
        if review == plan and SEVERAL_YEARS_HEADING.search(heading):
            return PAST_PERIOD if not plan and REVIEW_HEADING.search(heading) else SEVERAL_YEARS
        if review and plan:
            return MIXED          # 1998年工作回顾和1999年工作的总体要求: its sentences decide
        return REVIEW if review else PLAN if plan else None

    @staticmethod
    def plan_period_edge(heading: str) -> int | None:
        """The year a heading names as a five-year plan's first (“十四五”开局, 起步) or last
        (“十三五”收官, 决胜) year."""
        edge = PLAN_PERIOD_EDGE.search(heading)
        if not edge:
            return None
        first = FIRST_PLAN_YEAR + 5 * (chinese_number(edge.group("plan")) - FIRST_PLAN)
        return first if edge.group("edge") in PERIOD_STARTS else first + 4

    def compares_several_years(self, normal: str) -> bool:
        """比2002年增长65.5% in a report for 2008: a change over several years."""
        return any(int(year) < self.year - 2 for year in COMPARED_WITH_A_YEAR.findall(normal))

    def opening_time(self, text: str) -> str | None:
        """REVIEW or PLAN when a part's text opens on its year: 2024年是…, 一年来，…."""
        time = self.time_of(PART_OPENING.match(_normalise(text)).group())
        return time if time in (PLAN, REVIEW) else None


def extract_indicators(sections: list[SectionNode], year: int, newspaper: bool = False,
                       national: bool | None = None, region: str = "",
                       delivered_in: int | None = None) -> list[IndicatorFact]:
    """The facts stated in ``sections`` (flattened, in reading order) of the report for ``year``.

    ``newspaper``: a highlights or interpretation page, where a figure without a time is
    one of last year's results unless it reads like a target. ``national``: the State
    Council's report (None: a report that names 国内生产总值 more than 地区生产总值).
    ``region``: the report's (武汉市); on a newspaper page the figures of other places it
    quotes (郑州, 长沙) are skipped. ``delivered_in``: the year it was delivered, if known.
    """
    text = "".join(_normalise(node.text) for node in sections)
    cues = _Cues.of(text, year, newspaper, national, region, delivered_in)
    facts, seen = [], set()
    for index, (node, phase) in enumerate(zip(sections, _phases(sections, cues))):
        if node.style == GLOSSARY_STYLE:
            continue
        for fact in _section_facts(node.text, phase, cues):
            fact.section_index = index
            fact.name = _name_in_the_report(fact, node.text, cues)
            if fact.name is None:
                continue
            key = (fact.name, fact.measure, fact.kind, fact.period_year, fact.value,
                   fact.value_high, fact.unit, fact.qualifier)
            if key not in seen:
                seen.add(key)
                facts.append(fact)
    return _without_marks(facts)


def _name_in_the_report(fact: IndicatorFact, text: str, cues: _Cues) -> str | None:
    """The name ``fact`` has in this report (its section's ``text``), or None where its
    name names no figure of ours there (财政收入 alone outside the State Council's)."""
    name = fact.name
    if name == LOCAL_REVENUE:
        # the local budget revenue, unless its paragraph names that too (财政总收入…、地方财政
        # 收入…、公共财政预算收入…: then a wider local figure); in the State Council's, a part
        if cues.national or _names_revenue(_paragraph_of(text, fact.sentence), (BUDGET_REVENUE,)):
            return None
        name = BUDGET_REVENUE
    if cues.national:
        name = NATIONAL_NAMES.get(name, name)
    elif name == COUNTRY_GDP:
        # 全市国内生产总值 (a place's GDP under the country's name, as before 2000), not 全国…
        return None if THE_COUNTRYS.search(_normalise(fact.sentence)) else REGION_GDP
    elif name == REVENUE and (cues.local or _names_revenue(_paragraph_of(text, fact.sentence),
                                                           (BUDGET_REVENUE, LOCAL_REVENUE))):
        name = TOTAL_REVENUE
    elif name in ONLY_NATIONAL:
        return None
    if name in ERA_NAMES:
        name, last_year = ERA_NAMES[name]
        if cues.year > last_year:
            return None
    if name == RURAL_INCOME:
        name = NET_INCOME if cues.year <= NET_INCOME_UNTIL else INCOMES[1]
    return name


def _names_revenue(paragraph: str, names: tuple[str, ...]) -> bool:
    return any(_GROUP[name.lastgroup] in names for name in NAME.finditer(paragraph))


def _paragraph_of(text: str, sentence: str) -> str:
    return next((paragraph for paragraph in map(_normalise, text.split("\n")) if sentence in paragraph),
                sentence)


def extract_from_text(text: str, year: int, newspaper: bool = False,
                      national: bool | None = None, region: str = "") -> list[IndicatorFact]:
    """The facts in ``text`` taken as one section without a heading."""
    return extract_indicators([SectionNode(heading="", level=1, text=text)], year, newspaper,
                              national, region)


def _home(text: str, region: str) -> str:
    """The place a newspaper page is about: the region's short name (武汉市 → 武汉), or
    without a region the place it names most."""
    if region:
        return REGION_SUFFIX.sub("", region) or region
    named = PLACES.findall(text)
    return max(set(named), key=named.count) if named else ""


# 分别达到424.8、502.5、187.9万吨: an amount's unit written once after a list is each value's.
UNIT_ONCE = re.compile(rf"(?<![\d.])({NUMBER})(?=(?:、{NUMBER})*、{NUMBER}(万亿元|亿元|万元|元|亿美元|万美元|万吨|亿斤|亿公斤|万人))")
# 分别比上年和2000年增长6.9%和36.8%: the change on last year, then on an earlier year.
ON_LAST_YEAR_AND_ANOTHER = re.compile(
    rf"(?:分别比上年和(?:19|20)\d\d年|比上年和(?:19|20)\d\d年分别)(增长|提高|下降)({NUMBER}%)和{NUMBER}%")
# 居民消费价格指数101, 102左右: an index on last year's 100, written without %.
BARE_PRICE_INDEX = re.compile(r"(居民消费价格(?:总水平)?指数(?:为|是|达到?)?)((?:9\d|1[01]\d)(?:\.\d+)?)(?![\d.%])")
# 城乡居民收入分别从44845元、25903元提高到63702元、39096元: 分别 goes with the verb.
SEPARATELY_FROM = re.compile(rf"分别([从由]{YEAR_OF}?{NUMBER}(?:{UNIT})?(?:[和、与]{YEAR_OF}?{NUMBER}(?:{UNIT})?)+)"
                             rf"(?={MOVED_TO})")


def _normalise(text: str) -> str:
    compact = MIDDLE_DOT_POINT.sub(".", re.sub(r"\s+", "", text.translate(FULL_WIDTH)))
    compact = HALF_WIDTH_MARKS.sub(lambda mark: HALF_TO_FULL[mark.group()], compact)
    words = amounts_in_words_to_digits(percent_range_words_to_digits(years_in_words_to_digits(compact)))
    words = ROUND_MARK.sub(lambda mark: ROUND_MARKS[mark.group(1)], words)
    words = PRICES_FLAT.sub(r"\1上涨0%", words)
    words = UNIT_ONCE.sub(r"\1\2", words)
    words = ON_LAST_YEAR_AND_ANOTHER.sub(r"比上年\1\2", words)
    words = BARE_PRICE_INDEX.sub(r"\1\2%", words)
    words = SEPARATELY_FROM.sub(r"\1分别", words)
    return MORE_THAN.sub(r"超\1", words)


def _phases(sections: list[SectionNode], cues: _Cues) -> list[str | None]:
    """Per section: REVIEW, PLAN, SEVERAL_YEARS, or MIXED/None (its sentences decide)."""
    phases = []
    open_headings = []   # (level, style, phase, whether the heading itself set it)
    for node in sections:
        sibling_set_its_part = False
        while open_headings and open_headings[-1][0] >= node.level:
            level, style, _, its_own = open_headings.pop()
            # Only among the report's parts: items (五年来，…) set no part of their own.
            sibling_set_its_part = (its_own and level == 1
                                    and (level, style) == (node.level, node.style))
        parent = open_headings[-1][2] if open_headings else None
        # Under the review or the plan only a year moves a heading (锚定目标攻坚 is review).
        phase = cues.heading_time(_normalise(node.heading), by_words=parent not in (REVIEW, PLAN))
        if phase == SEVERAL_YEARS and (parent in (REVIEW, PAST_PERIOD)
                                       or parent is None and PAST_YEARS.search(node.text[:PART_LEAD])):
            # 五年来，… under 过去五年政府工作的回顾, or 四届政府工作及“十四五”开局 opening on
            # 市四届人大一次会议以来的五年: what was reached
            phase = PAST_PERIOD
        if phase is None and parent is None and node.heading:
            phase = cues.opening_time(node.text)
        own = phase is not None
        if not own and sibling_set_its_part:
            phase, own = PLAN, True   # a neutral part after the review (or plan): the plan
        if phase is None:
            phase = parent
        if node.heading:
            open_headings.append((node.level, node.style, phase, own))
        phases.append(phase)
    return _review_before_the_plan(sections, phases)


def _review_before_the_plan(sections: list[SectionNode], phases: list[str | None]) -> list[str | None]:
    """A part whose heading says no time (保持定力、勇毅前行，努力率先实现…取得新进展新成效)
    before the first part of the plan is the review, with its items: of several years where
    it opens on them (市八届人大一次会议以来的五年，…), and one that opens on the coming years
    (…。今后五年是…的五年) is their plan, not the plan year's."""
    first_plan = next((index for index, (node, phase) in enumerate(zip(sections, phases))
                       if node.level == 1 and phase == PLAN), None)
    if first_plan is None:
        return phases
    review_part, phase = False, None
    for index in range(first_plan):
        node = sections[index]
        if node.level == 1:
            review_part = bool(node.heading) and phases[index] is None
            lead = node.text[:PART_LEAD]
            phase = (SEVERAL_YEARS if COMING_YEARS.search(lead)
                     else PAST_PERIOD if PAST_YEARS.search(lead) else REVIEW)
        if review_part and phases[index] is None:
            phases[index] = phase
    return phases


def _section_facts(text: str, phase: str | None, cues: _Cues) -> list[IndicatorFact]:
    facts, led = [], None
    if phase == REVIEW and _opens_on_several_years(text):
        phase = PAST_PERIOD   # “十三五”时期，… in “十三五”时期和2020年工作回顾: the period first
    for paragraph in text.split("\n"):
        if phase == PAST_PERIOD and _opens_on_the_reviewed_year(paragraph, cues):
            phase = REVIEW   # 刚刚过去的2025年，… in a review of five years: the year's own part
        carried = None    # the time of the 。-sentence a ；-piece continues
        head_time = None  # the time of the sentence a comparison's piece was cut from
        framed = led      # the time an earlier sentence of the paragraph (or a lead) opened with
        led = led if not paragraph.strip() else _lead(paragraph, phase)
        place = None      # (a newspaper page) the place the paragraph named last
        after_grain = False   # the sentence before opens on 粮食
        for sentence, continued in _sentences(paragraph, cues):
            normal = _normalise(sentence)
            opening = _opening(normal)
            named = cues.time_of(opening.group("time") if opening else normal)
            if named == OTHER_YEAR and not opening and _other_years_are_bases(normal, cues):
                named = None   # 从2021年的…提高到58794元, 快于2024年: not the fact's year
            if BASE_YEAR.search(normal) or named is None and cues.compares_several_years(normal):
                # 2015年…完成30788元，比2010年增加13480元: the levels are the year's it opens on
                named = (PAST_PERIOD if normal.startswith(f"{cues.year - 1}年") or phase == PAST_PERIOD
                         else SEVERAL_YEARS)   # in a review of those years: the levels at its end
            time = named or carried
            several = SEVERAL_YEARS_WORDS.search(RECORD.sub("", normal)) or SEVERAL_YEARS in (framed, time)
            if time is None and not several and not (framed == REVIEW and _targets_in(normal, phase)):
                time = framed
            if time is None and not several and phase in (PLAN, REVIEW):
                time = phase
            if time is None and phase == PAST_PERIOD:
                time = PAST_PERIOD
            if time is None and phase != SEVERAL_YEARS and not several:
                time = _time_by_wording(normal, cues.newspaper, phase == MIXED)
            if not continued:
                head_time = time
            # the ；-piece after a comparison's piece goes on in the time before the comparison
            carried = (head_time if continued else time) if sentence.endswith("；") else None
            if opening or named == SEVERAL_YEARS and _opens_on_a_comparison(normal) and not continued:
                several_opening = opening and SEVERAL_OR_SUMMED.search(opening.group("time"))
                framed = (PAST_PERIOD if phase == REVIEW else SEVERAL_YEARS) if several_opening else named
            elif named == REVIEW and RECAP.search(normal):
                framed = REVIEW   # 2005年…确定的各项任务已圆满完成。 then the year's results
            if time in (PLAN, REVIEW, PAST_PERIOD):
                facts.extend(_sentence_facts(sentence, normal, time, cues, after_grain, place))
            after_grain = bool(GRAIN_TOPIC.match(normal))
            if cues.home:
                place = (PLACES.findall(normal) or [place])[-1]
    return facts


def _opens_on_a_comparison(normal: str) -> bool:
    """1986年同1978年相比，… or 以1954年为基数…: a comparison over several years that frames the
    sentences after it; not one made in passing (…增速较近两年翻一番，较2018年翻四番)."""
    return bool(BASE_YEAR.search(normal) or COMPARED_WITH_A_YEAR.search(normal.split("，", 1)[0]))


def _opens_on_several_years(text: str) -> bool:
    return bool(PERIOD_OPENING.match(_normalise(text.lstrip()[:LEAD_LENGTH])))


def _opens_on_the_reviewed_year(paragraph: str, cues: _Cues) -> bool:
    """Whether a paragraph opens on the reviewed year (刚刚过去的2025年，…; 2025年，…): in a
    review of several years (“十四五”时期工作回顾) the paragraphs from there on are that year's."""
    opening = _opening(_normalise(paragraph.strip()))
    return bool(opening) and cues.time_of(opening.group("time")) == REVIEW


def _lead(paragraph: str, phase: str | None) -> str | None:
    """PAST_PERIOD for a review's lead line on several years (这五年，我们…，经济实力迈上新
    台阶。), which frames the paragraph after it: only the levels reached there are the
    reviewed year's (居民人均可支配收入超3.1万元), not its sums (城镇新增就业261.6万人)."""
    sentences = [match.group() for match in SENTENCE.finditer(paragraph.strip())]
    opening = len(sentences) == 1 and len(paragraph.strip()) <= LEAD_LENGTH and OPENING.match(
        _normalise(paragraph))
    several = opening and SEVERAL_YEARS_WORDS.search(opening.group("time"))
    return PAST_PERIOD if several and phase == REVIEW else None


def _sentences(paragraph: str, cues: _Cues):
    """(piece, continued) for the sentences of a paragraph: a sentence on both years cut into
    one piece per year, and figures stated before a comparison with an earlier year cut
    from it (``continued``: the comparison's piece, which frames no sentence after it)."""
    for match in SENTENCE.finditer(paragraph):
        sentence = match.group().strip()
        if sentence:
            for piece in _pieces_by_year(sentence, cues):
                head, *comparison = _pieces_by_comparison(piece, cues)
                yield head, False
                yield from ((tail, True) for tail in comparison)


def _pieces_by_comparison(sentence: str, cues: _Cues) -> list[str]:
    """预计城乡居民人均可支配收入分别增长10%、13%，总量分别占全国平均水平的84.1%、93.8%，较2015年
    分别增加了7.3个、15.1个百分点: a comparison with an earlier year is the change over several
    years of its own clause and those after it, not of the figures stated before it."""
    clauses = [clause.group() for clause in CLAUSE.finditer(sentence)]
    for index in range(1, len(clauses)):
        if cues.compares_several_years(_normalise(clauses[index])):
            head = "".join(clauses[:index])
            if DIGIT.search(head) and not cues.compares_several_years(_normalise(head)):
                return [head, "".join(clauses[index:])]
            break
    return [sentence]


def _pieces_by_year(sentence: str, cues: _Cues) -> list[str]:
    """预计2022年武汉地区生产总值增长4.5%左右，…，同时武汉将2023年GDP增长目标定在6.5%以上。:
    the clauses from one year's mention to the next other year's, each piece placed by its year.
    A sentence that names one year, or a year outside the two, stays whole."""
    normal = _normalise(sentence)
    if not (cues.plan.search(normal) and cues.review.search(normal)) or cues.time_of(normal):
        return [sentence]
    pieces, current = [], None
    for clause in CLAUSE.finditer(sentence):
        head = _normalise(clause.group())[:CLAUSE_HEAD]
        times = {cues.time_of(mention.group()) for mention in
                 re.finditer(rf"{cues.plan.pattern}|{cues.review.pattern}", head)
                 if not COMPARED_BEFORE.search(head, 0, mention.start())}
        time = times.pop() if len(times) == 1 else None
        if time in (PLAN, REVIEW) and current not in (None, time) or not pieces:
            pieces.append("")
        current = time if time in (PLAN, REVIEW) else current
        pieces[-1] += clause.group()
    return pieces


def _other_years_are_bases(normal: str, cues: _Cues) -> bool:
    """Whether every year the sentence names outside the plan and reviewed years is a base
    (从2021年的…), what a figure is compared with (全年GDP增长4%，快于2024年1.8个百分点) or
    the start of a span to now (增速2022年以来连续16个季度…) or a multiple of (是2006年的2.2倍):
    the figures are the reviewed year's."""
    return all(year in (cues.year, cues.year - 1) or FROM_YEAR.match(normal, start - 1)
               or COMPARED_YEAR_BEFORE.search(normal, 0, start) or normal.startswith("以来", end)
               or MULTIPLE_OF_A_YEAR.match(normal, start - 1)
               for year, start, end in ((int(m.group(1)), m.start(), m.end())
                                        for m in YEAR_MENTION.finditer(normal)))


def _opening(normal: str) -> re.Match | None:
    """The time a sentence opens with (2024年，… / 1993年我国经济…), unless the words after
    it name another year without a comma between (2005年与2000年相比: the sentence decides),
    other than as a multiple's base (2011年完成…126.4亿元，…是2006年的2.2倍)."""
    opening = OPENING.match(normal)
    if opening and not normal.startswith("，", opening.end()) and any(
            not MULTIPLE_OF_A_YEAR.match(normal, mention.start() - 1)
            for mention in YEAR_MENTION.finditer(normal, opening.end())):
        return None
    return opening


def _targets_in(normal: str, phase: str | None) -> bool:
    """Whether a sentence reads as targets although an earlier one opened on the past year:
    target words, or in the plan a figure with 左右 (去年价格上涨的翘尾影响约有1个百分点。
    把居民消费价格涨幅控制在3.5%左右，…)."""
    return bool(TARGET_WORDS.search(normal) or phase == PLAN and TARGET_FIGURE.search(normal))


def _time_by_wording(normal: str, newspaper: bool, mixed: bool) -> str | None:
    """Where nothing else places a sentence: target words make it the plan.

    On a newspaper page a figure with 左右 does too, and anything else is one of last
    year's results. In a part on both years (1998年工作回顾和1999年工作的总体要求) so do
    plan words (计划, 安排, 要…); what has none is the review, unless it is an estimate (预计).
    A question on a newspaper page (深圳如何实现GDP增长6%) is placed nowhere.
    """
    if newspaper and QUESTION.search(normal):
        return None
    if TARGET_WORDS.search(normal) or (newspaper or mixed) and TARGET_FIGURE.search(normal):
        return PLAN
    if mixed:
        return PLAN if PLAN_WORDING.search(normal) else None if "预计" in normal else REVIEW
    return REVIEW if newspaper else None


def _sentence_facts(sentence: str, normal: str, time: str, cues: _Cues,
                    after_grain: bool = False, place: str | None = None) -> list[IndicatorFact]:
    """The facts of one sentence, in the order their names (then figures) appear.

    In a review of several years (PAST_PERIOD) only the levels reached (达到, 增加到…, or a
    mark passed: 超3.1万元, 突破3万亿元). On a newspaper page, none after another place's name (``place``: the one named last
    before the sentence in its paragraph).
    """
    if not DIGIT.search(normal):
        return []   # every figure is in digits by now (_normalise), and most sentences have none
    kind, period = (TARGET, cues.year) if time == PLAN else (ACTUAL, cues.year - 1)
    if any(int(year) >= period for year in COMPARED_WITH_A_YEAR.findall(normal)):
        return []   # 559亿元，比1980年预计增加42亿元 in 1980: a figure of a later year
    reached_only = time == PAST_PERIOD
    part_of_year = PART_OF_YEAR.match(normal)
    found = []   # (position, order, fact)

    def add(position, name, verb, value, shared_suffix=None):
        if cues.elsewhere(normal[:position], place) or (
                part_of_year and "全年" not in normal[:position]):
            return None
        fact = _fact(name, verb, value, shared_suffix)
        on_several_years = reached_only or time == REVIEW and bool(EVERY_YEAR.search(
            normal, 0, len(normal) if fact and fact.name in SUMMED else position))   # 603.7万人…年均
        if fact and fact.name == GRAIN_NAME and time != PLAN and verb in GRAIN_HELD:
            return None
        if fact and name.group().startswith(BARE_JOBS) and name.start() > 0 and not (
                ABOUT_JOBS.search(normal.replace(name.group(), "", 1))
                or normal.endswith((*WHOLE_PLACES, "全年"), 0, name.start())
                or TARGET_WORDS.search(normal, 0, name.start())):   # 主要预期目标是：…，新增就业18万人
            return None   # 新增营业面积10万平方米，新增就业3000人: one sector's jobs (a sentence of its own is the place's)
        if fact and on_several_years and (fact.measure != LEVEL or fact.name in SUMMED or not (
                verb and REACHED.fullmatch(verb) or fact.qualifier == "超过"   # 超3.1万元: a mark passed
                or TIMES_A_YEAR.match(normal, value.end()))
                or "首次" in normal[name.end():value.start()]):   # 首次突破: in some year of the period
            return None
        if fact:
            fact.kind, fact.period_year, fact.sentence = kind, period, sentence
            fact.at_period_end = reached_only
            found.append((position, len(found), fact))
            return fact

    for change in JOINT_CHANGE.finditer(normal):
        _changes_after_levels(normal, change, add)
    covered = [base.span() for base in BASED_ON.finditer(normal)]
    for enumeration in ENUMERATION.finditer(normal):
        end = _enumeration(normal, enumeration, add, cues.national)
        if end:
            covered.append((enumeration.start(), end))
    for name in [*NAME.finditer(normal), *_year_after_quarters(normal)]:
        if (any(start <= name.start() < end for start, end in covered)
                or _GROUP[name.lastgroup] in ONLY_SEPARATELY
                or _GROUP[name.lastgroup] == GRAIN_OUTPUT and not (
                    after_grain or _on_grain(normal, name.start()))):
            continue
        tail = TAIL.match(normal, name.end())
        value = tail and VALUE.match(normal, tail.end())
        if (not value or any(int(year.group(1)) != period and normal[year.start() - 1] not in "从由"
                             for year in YEAR_MENTION.finditer(normal, name.end(), tail.end()))
                or len(_listed_values(normal, tail.end())) > 1
                or not _whole_for_one_year(normal, name, value, time, cues)):
            continue   # 增加到2020年的…: another year's; 乙增长8.4%和11.4%: a list's values
        first = add(name.start(), name, tail.group("verb"), value)
        increment = tail.group("verb") in CHANGE_VERBS and value.group("unit") != "%"
        second = (first or increment) and _second_figure(normal, value.end())   # 增加321元，达到784元
        if second:
            also = add(name.start(), name, *second)
            if first and also and also.measure == first.measure:
                # 、力争达到8%: only a figure of the other measure is taken, but 首次突破2万元、
                # 达到20793元: the exact level rather than the round mark it passed.
                del found[-2 if _exact_after_mark(first, also) else -1]
            third = also and found[-1][2] is also and _second_figure(normal, second[1].end())
            more = third and add(name.start(), name, *third)
            if more and more.measure == also.measure:
                # 增加1501亿元，总额首次突破万亿元，达到11377亿元: the level after the mark
                del found[-2 if _exact_after_mark(also, more) else -1]
            elif more and first and first.measure == more.measure and any(f is first for *_, f in found):
                del found[-1]   # a measure already read
            # (突破3000亿元，预计达到3012亿元，增长6%: the growth after the exact level is kept)
    return [fact for _, _, fact in sorted(found, key=lambda item: item[:2])]


def _year_after_quarters(normal: str) -> list[re.Match]:
    """三季度增长4.6%…，四季度增长5.6%…，全年增长4.8%: with no name but the GDP's before it
    in the sentence, the year after its quarters is the economy's, a match of the GDP's name."""
    after = QUARTERS_THEN_YEAR.search(normal)
    if not after or any(_GROUP[name.lastgroup] not in (COUNTRY_GDP, REGION_GDP)
                        for name in NAME.finditer(normal, 0, after.start("year"))):
        return []   # (经济增速逐季回升，一季度增长4.5%，…: the GDP's own name may open it)
    return [YEAR_AS_GDP.match(normal, after.start("year"))]


def _second_figure(normal: str, position: int) -> tuple[str | None, re.Match] | None:
    """The verb and value of a name's second figure: right after its first (CHAIN), the
    total in the next clause (增长5.8%、增速全国第3，总量达到60013亿元) or the growth after a
    clause without a figure."""
    chain = CHAIN.match(normal, position)
    if chain:
        second = VALUE.match(normal, chain.end())
        if not second or NOT_THE_WHOLE_AFTER.match(normal, second.end()) or len(
                _listed_values(normal, chain.end())) > 1:   # 增长8.4%和8%: a list, not its own
            return None
        return chain.group("verb"), second
    for pattern in (TOTAL_NEXT, GROWTH_NEXT):
        after = pattern.match(normal, position)
        value = after and not NAME.search(after.group("between")) and VALUE.match(normal, after.end())
        if value:
            return after.group("verb"), value
    return None


def _exact_after_mark(mark: IndicatorFact, exact: IndicatorFact) -> bool:
    """Whether ``exact`` (达到20793元) is the precise level of ``mark`` (突破2万元)."""
    return (mark.measure == exact.measure == LEVEL and mark.qualifier == "超过"
            and not exact.qualifier and _amount(exact) >= _amount(mark))


def _amount(fact: IndicatorFact) -> float:
    """A level in the base unit of its kind: 2万元 → 20000, 3万亿元 → 3e12."""
    return fact.value * UNIT_FACTORS.get(fact.unit, 1.0)


def _without_marks(facts: list[IndicatorFact]) -> list[IndicatorFact]:
    """A round mark passed (地区生产总值突破3万亿元) is dropped where the report states the exact
    level of the same name, kind and year (完成地区生产总值32765亿元): above it, the exact one
    says more; below it, the mark is of something larger (成渝地区双城经济圈…经济总量超9万亿元).
    So is a level reached at the end of five years (从674.9亿元增至1160亿元) where the reviewed
    year's own part states it (1182.6亿元): the five-year review rounds or estimates."""
    def key(fact):
        return fact.name, fact.kind, fact.period_year, UNIT_KINDS.get(fact.unit)

    exact = [fact for fact in facts if fact.measure == LEVEL and not fact.qualifier]
    beside_a_mark = {key(fact) for fact in exact}
    stated_for_the_year = {key(fact) for fact in exact if not fact.at_period_end}
    return [fact for fact in facts if not (fact.measure == LEVEL and (
        fact.qualifier == "超过" and key(fact) in beside_a_mark
        or fact.at_period_end and key(fact) in stated_for_the_year))]


def _enumeration(normal: str, match: re.Match, add, national: bool) -> int | None:
    """Facts of 甲、乙分别增长1%、2%; where its values end, or None if it was not read."""
    values = _listed_values(normal, match.end())
    texts = ITEM_SEPARATOR.split(FROM_VALUES.sub("", match.group("names")))
    if len(texts) > len(values) > 1 and len(values) == match.group("names").count("、") + 1:
        texts = match.group("names").split("、")   # 粮食、蔬菜及食用菌、肉蛋奶: 及 within an item
    names = _borrow_tails([_ending_name(text) for text in texts], texts)
    names = [None if name and _names_a_part(text[:name.start()], national) else name
             for name, text in zip(names, texts)]   # 脱贫地区、…: not the whole
    if PARTNER_LEAD.match(match.group("names")):
        names = [None] * len(names)   # 对东盟、共建“一带一路”国家进出口总额: partners
    if not _on_grain(normal, match.end("names") - 1):
        names = [None if name and _GROUP[name.lastgroup] == GRAIN_OUTPUT else name
                 for name in names]   # 棉花播种面积、产量: not grain's
    if len(values) == 1 and len(names) > 1 and None not in names:
        values = values * len(names)   # 社会消费品零售总额、固定资产投资增长4%左右
    halves = [None] * len(names)   # which of the urban/rural pair each name stands for
    paired = sum(bool(name) and _GROUP[name.lastgroup] in SEPARATELY for name in names)
    if paired and (len(names) == 1 or None not in names and len(values) == len(names) + paired):
        # 城乡居民人均可支配收入分别增长5%、6%; 地区生产总值、城乡居民人均可支配收入分别完成
        # 215.4亿元、38100元、15874元: the urban and the rural figure
        pairs = [(name, half) for name in names
                 for half in ((0, 1) if _GROUP[name.lastgroup] in SEPARATELY else (None,))]
        names, halves = [name for name, _ in pairs], [half for _, half in pairs]
    elif names == [None]:
        names = _abbreviated_outputs(texts[0], len(values))
    if match.group("each") and len(values) == 1 and (None not in names or match.group("each") == "均"):
        values = values * len(names)   # 城镇…、农村…收入均增长8%, 城乡居民…收入分别增长7.5%,
        # 进出口总值、实际利用外资均增长5%以上 (each its own, whatever the others are)
    if len(values) < 2 or len(names) != len(values) or not (
            match.group("each") or None not in names or _paired_by_unit(names, values)):
        return None
    if SEVERAL_YEARS_BEFORE.search(match.group()):
        return values[-1].end()   # 年均分别增长9.7%和8.9%: read, and not the year's
    _add_each(names, values, match.start(), match.group("verb"), add, halves)
    again = EACH_AGAIN.match(normal, values[-1].end())
    values_again = again and _listed_values(normal, again.end())
    if values_again and len(values_again) == 1 and "分别" in again.group():
        values_again = values_again * len(names)   # 分别达35512元、25689元，分别同比增长7.8%
    if values_again and len(values_again) == len(names):
        _add_each(names, values_again, again.start(), again.group("verb"), add, halves)
        return values_again[-1].end()
    return values[-1].end()


def _paired_by_unit(names: list[re.Match | None], values: list[re.Match]) -> bool:
    """粮食播种面积、产量稳定在35万亩、15万吨左右: names and values pair in order without 分别
    where each known name's value is an amount in one of its own units."""
    known = [(name, value) for name, value in zip(names, values) if name]
    return bool(known) and all(
        value.group("unit") in UNITS_OF[GRAIN_NAME if _GROUP[name.lastgroup] == GRAIN_OUTPUT
                                        else _GROUP[name.lastgroup]]
        for name, value in known)


def _add_each(names: list[re.Match | None], values: list[re.Match], position: int,
              verb: str | None, add, halves: list[int | None]) -> None:
    """One fact per known name and its value; 城乡… names the urban (half 0) and the rural
    (half 1) figure."""
    shared = _shared_suffix(values)
    for order, (name, value, half) in enumerate(zip(names, values, halves)):
        if name:
            fact = add(position + order, name, verb, value, shared)
            if fact and half is not None:
                fact.name = SEPARATELY[fact.name][half]


def _changes_after_levels(normal: str, match: re.Match, add) -> None:
    """甲11759元，乙3587元，扣除价格因素，分别比上年实际增长10.4%和7.4%: one change per level
    (the levels may be listed with 、: 甲349.2亿元、乙205.4亿元，分别增长13.9%和19.3%).

    Read only when the clauses just before are each a name and one amount, as many as there
    are values, the first of them a known name (the others may be amounts of something else).
    """
    values = _listed_values(normal, match.end())
    if len(values) < 2:
        return
    clause_ends = [match.start()]   # the marks before the clauses, and after the last
    while len(clause_ends) <= len(values):
        if clause_ends[-1] < 0:
            return
        clause_ends.append(max(normal.rfind(mark, 0, clause_ends[-1]) for mark in "，：、"))
    names = []
    for before, end in zip(reversed(clause_ends[1:]), reversed(clause_ends[:-1])):
        start = CLAUSE_LEAD.match(normal, before + 1).end()   # 其中, 2005年
        name = NAME.match(normal, start)   # 甲11.2亿美元，其中乙8.3亿美元，分别增长…
        tail = name and TAIL.match(normal, name.end())
        if not tail:
            name, tail = None, OTHER_AMOUNT.match(normal, start)
        level = tail and VALUE.match(normal, tail.end())
        if not level or level.end() != end or level.group("unit") == "%":
            return
        names.append(name)   # None: an amount of something else (批发零售商品销售总额7368.95亿元)
    if names[0] is None:
        return   # 省属企业完成产业类投资553.1亿元、研发投入…: the first clause names whose they are
    shared = _shared_suffix(values)
    for name, value in zip(names, values):
        if name:
            add(name.start(), name, match.group("verb"), value, shared)


def _listed_values(normal: str, position: int) -> list[re.Match]:
    """The values listed from ``position`` on: 10.4%和7.4%, 800亿斤、60亿斤、160亿斤以上."""
    values = []
    while value := VALUE.match(normal, position):
        values.append(value)
        separator = ITEM_SEPARATOR.match(normal, value.end())
        if not separator:
            break
        position = separator.end()
    return values


def _shared_suffix(values: list[re.Match]) -> str | None:
    """分别增长5%、7%左右: a qualifier written after the last value only applies to each."""
    return values[-1].group("suf") if not any(value.group("suf") for value in values[:-1]) else None


def _abbreviated_outputs(text: str, count: int) -> list[re.Match | None]:
    """粮肉奶产量 before three values: grain's output first, the others unknown."""
    outputs = ABBREVIATED_OUTPUTS.search(text)
    if not outputs or len(outputs.group("heads")) != count:
        return [None]
    grain = NAME.fullmatch(GRAIN_NAME)
    return [grain if head == GRAIN_HEAD else None for head in outputs.group("heads")]


def _ending_name(text: str) -> re.Match | None:
    """The known name an enumerated item ends with (全市规上工业增加值), if any."""
    names = list(NAME.finditer(text))
    return names[-1] if names and names[-1].end() == len(text) else None


def _borrow_tails(names: list[re.Match | None], texts: list[str]) -> list[re.Match | None]:
    """城镇、农村居民人均可支配收入: an unknown item ending in a modifier takes the last's tail."""
    last = texts[-1]
    for index, text in enumerate(texts):
        if names[index] is None:
            borrowed = (_ending_name(text + last[cut:]) for cut in range(1, len(last)))
            names[index] = next((name for name in borrowed if name and name.start() < len(text)), None)
    return names


def _on_grain(normal: str, position: int) -> bool:
    """Whether a bare 产量/总产 at ``position`` is grain's: its clause opens on 粮食, or it opens
    its clause and the clause before opens on 粮食 (not 油菜92万亩、产量12万吨 after grain's)."""
    clause_start = max(normal.rfind(mark, 0, position) for mark in "，：；。") + 1
    previous_start = max(normal.rfind(mark, 0, max(clause_start - 1, 0)) for mark in "，：；。") + 1
    starts = (clause_start, previous_start) if position - clause_start <= OUTPUT_LEAD else (clause_start,)
    return any(GRAIN_TOPIC.match(normal, start) for start in starts if start < position)


def _whole_for_one_year(normal: str, name: re.Match, value: re.Match, time: str,
                        cues: _Cues) -> bool:
    """False for 年均…, 占…, 人均…, 超200亿元县, or (in the review) a past target restated;
    全国… only in the State Council's reports, 县域… only in a county's."""
    clause_start = max(normal.rfind(mark, 0, name.start()) for mark in "，：；") + 1
    if (SEVERAL_YEARS_BEFORE.search(normal, clause_start, name.start())
            or _names_a_part(normal[:name.start()], cues.national)
            or not cues.county and normal.endswith("县域", 0, name.start())
            or PARTNER_BEFORE.search(normal, clause_start, name.start())
            or WITHOUT_A_PART.search(normal, 0, clause_start)
            or NOT_THE_WHOLE_AFTER.match(normal, value.end())
            or normal.startswith(EACH_OF_SEVERAL, name.end()) and not (
                name.start() and ITEM_SEPARATOR.match(normal, name.start() - 1))   # 7个县市区…，财政总收入都超过10亿元: each county's
            or (ON_A_PARK.match(normal) or ZONE_CLAUSE.match(normal, clause_start))
            and not normal.endswith(WHOLE_PLACES, 0, name.start())
            or _GROUP[name.lastgroup] not in (GRAIN_OUTPUT, GRAIN_NAME)   # 播种面积…万亩、粮食总产量…
            and _item_of_another_subject(normal, clause_start, name.start())):
        return False
    return not (time == REVIEW and (PAST_TARGET_BEFORE.search(normal, 0, name.start())
                                    or PAST_TARGET_AFTER.match(normal, value.end())))


def _item_of_another_subject(normal: str, clause_start: int, position: int) -> bool:
    """猕猴桃综合产值增长8.5%、出口增长53.6%: a name after 、 continues an item with a figure
    of something that is not a known name, so it is that thing's (its exports)."""
    if position == 0 or normal[position - 1] != "、":
        return False
    item = normal[clause_start:position - 1]
    return bool(VALUE.search(item)) and not NAME.search(item)


def _names_a_part(before: str, national: bool) -> bool:
    """Whether the words ``before`` a name make it a part (占…, 人均…, 脱贫地区…); 全国… is
    the whole in the State Council's reports."""
    part = NOT_THE_WHOLE_BEFORE.search(before)
    return bool(part) and not (national and NATIONAL_BEFORE.match(part.group()))


def _fact(name: re.Match, verb: str | None, value: re.Match,
          shared_suffix: str | None = None) -> IndicatorFact | None:
    """The growth or level a value gives the name, or None when it is neither.

    ``shared_suffix``: written once for several values (分别增长5%、7%左右).
    """
    canonical, verb = _GROUP[name.lastgroup], verb or ""
    unit = BARE_MONEY.get(value.group("unit"), value.group("unit"))
    if value.group("suf") == "以上" and THRESHOLD_OF.match(value.string, value.end()):
        return None
    if canonical == GRAIN_OUTPUT:
        canonical = GRAIN_NAME
    if unit != "%" and unit not in UNITS_OF[canonical] or value.group("unit1") not in (None, unit):
        return None
    changes = (verb.rstrip("了") in CHANGE_VERBS or verb.startswith("增速")   # 增速达到5.5%
               or bool(GROWTH_TARGET_VERB.match(verb)))                  # 增长目标6%左右
    # Prices named without 涨幅 and given a level: 居民消费价格指数106.5% (last year = 100),
    # or CPI控制在3.5%以内 (the rise itself).
    price_level = canonical == PRICES and not changes and not RATE_OF_CHANGE.search(name.group())
    index = (price_level and not value.group("high")
             and INDEX_RANGE[0] < float(value.group("num")) < INDEX_RANGE[1])
    if index:
        measure = GROWTH
    elif RATE_OF_CHANGE.search(name.group()) or price_level:
        measure, changes = GROWTH, False    # 涨幅回落到2.6%: the rate itself
    else:
        measure = GROWTH if changes else LEVEL
    if measure == GROWTH:
        wrong_unit = unit != "%"          # an increment (增加100亿斤)
    else:
        wrong_unit = unit == "%" and not RATE.search(name.group())   # a % of an amount
    if wrong_unit:
        return None
    low = float(value.group("num"))
    if measure == GROWTH and index:
        low = round(low - 100, 4)
    high = float(value.group("high")) if value.group("high") else None
    if changes and verb.startswith(DECLINES):
        low, high = (-low, None) if high is None else (-high, -low)
    if high is not None:
        qualifier = "range"
    else:
        written = value.group("suf") or value.group("pre") or shared_suffix or verb
        qualifier = QUALIFIERS.get(written, "")
    return IndicatorFact(name=canonical, measure=measure, value=low, unit=unit, kind="",
                         period_year=0, sentence="", value_high=high, qualifier=qualifier)
