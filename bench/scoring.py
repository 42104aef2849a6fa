"""Comparing what the parser extracted with what a person labelled.

Indicators, for targets and actuals separately (a label counts under its own kind, an
extracted fact that matches no label under the fact's kind):

* right — a fact with the label's name, measure, kind, period, value (compared after
  converting units: 1.2万亿元 = 12000亿元), upper value and qualifier;
* wrong — a fact that stands for the label but differs: the same value under another
  kind, period, qualifier or measure, the same value read from the label's quoted words
  under another name, or the label's name, measure, kind and period with another value;
* missed — a label no fact stands for;
* false — a fact under a key name that no label stands for (not stated at all). A fact
  repeating a right one (same key and value, another qualifier or sentence) is a repeat,
  counted apart and neither right nor false.

Only the key names of the labels' README count; the parser's other names are ignored.

Headings, per level: a labelled heading and an extracted one match when their texts,
without numbering (一、 （一） 1. 第一， 一是), ``**``, punctuation and spaces, are equal or
one starts with the other — the extracted one covering at least half the label (a
heading that swallowed its body text still matches; a stub does not).
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from archive.parsing.document import GLOSSARY_STYLE, PREAMBLE_STYLE, IndicatorFact, SectionNode
from archive.parsing.structure import APPENDIX
from bench.labels import KEY_NAMES, KINDS, LabelledFact, LabelledHeading

# unit → (dimension, factor to the dimension's base unit)
UNITS = {
    "%": ("%", 1.0),
    "万亿元": ("元", 1e12), "亿元": ("元", 1e8), "万元": ("元", 1e4), "元": ("元", 1.0),
    "万亿": ("元", 1e12), "亿": ("元", 1e8),   # as written: 突破5500亿 (the names counted in 亿 are all money)
    "万亿美元": ("美元", 1e12), "亿美元": ("美元", 1e8),
    "万人": ("人", 1e4), "人": ("人", 1.0),
    "万亿斤": ("公斤", 5e11), "亿斤": ("公斤", 5e7), "万斤": ("公斤", 5e3),
    "亿公斤": ("公斤", 1e8), "万吨": ("公斤", 1e7), "亿吨": ("公斤", 1e11),
}
NUMBERING = re.compile(
    r"^(?:[（(]?\s*[一二三四五六七八九十\d]+\s*[）)]|[一二三四五六七八九十]+\s*[、．.]"
    r"|\d{1,2}\s*(?:[、．]|\.(?!\d))|第[一二三四五六七八九十]+\s*[，、,：:．.]|[一二三四五六七八九十]+是)")
NOT_TEXT = re.compile(r"[^0-9A-Za-z\u4e00-\u9fff]")
FULL_WIDTH = str.maketrans("０１２３４５６７８９％．", "0123456789%.")
MIN_HEADING_COVER = 0.5
LEVELS = (1, 2)


def amount(value: float | None, unit: str) -> tuple[str, float] | None:
    """(dimension, value in its base unit), so 万亿元 and 亿元 compare."""
    if value is None:
        return None
    dimension, factor = UNITS.get(unit, (unit, 1.0))
    return dimension, value * factor


def same_amount(a: tuple[str, float] | None, b: tuple[str, float] | None) -> bool:
    if a is None or b is None:
        return a is b
    return a[0] == b[0] and math.isclose(a[1], b[1], rel_tol=1e-9, abs_tol=1e-12)


def compact(text: str) -> str:
    """Letters, digits and Han characters only (no spaces, punctuation or ``**``)."""
    return NOT_TEXT.sub("", text.translate(FULL_WIDTH))


@dataclass
class Tally:
    right: int = 0
    wrong: int = 0
    missed: int = 0
    false: int = 0
    repeats: int = 0

    def add(self, other: Tally) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def labelled(self) -> int:
        return self.right + self.wrong + self.missed

    @property
    def extracted(self) -> int:
        return self.right + self.wrong + self.false


@dataclass
class IndicatorScore:
    tallies: dict[str, Tally] = field(default_factory=lambda: {kind: Tally() for kind in KINDS})
    wrong: list[tuple[LabelledFact, IndicatorFact]] = field(default_factory=list)
    missed: list[LabelledFact] = field(default_factory=list)
    false: list[IndicatorFact] = field(default_factory=list)
    right: list[LabelledFact] = field(default_factory=list)


def score_indicators(labels: Iterable[LabelledFact],
                     facts: Iterable[IndicatorFact]) -> IndicatorScore:
    labels = list(labels)
    facts = [fact for fact in facts if fact.name in KEY_NAMES]
    score = IndicatorScore()
    unpaired = list(range(len(facts)))

    def pair(label: LabelledFact, test) -> IndicatorFact | None:
        for position in unpaired:
            if test(label, facts[position]):
                unpaired.remove(position)
                return facts[position]
        return None

    open_labels = []
    for label in labels:
        if pair(label, _is_right):
            score.right.append(label)
            score.tallies[label.kind].right += 1
        else:
            open_labels.append(label)
    for label in open_labels:
        fact = next(filter(None, (pair(label, test) for test in WRONG_TESTS)), None)
        if fact:
            score.wrong.append((label, fact))
            score.tallies[label.kind].wrong += 1
        else:
            score.missed.append(label)
            score.tallies[label.kind].missed += 1
    for position in unpaired:
        fact = facts[position]
        if any(_repeats(label, fact) for label in score.right):
            score.tallies[fact.kind].repeats += 1
        else:
            score.false.append(fact)
            score.tallies[fact.kind].false += 1
    return score


def _same_key(label: LabelledFact, fact: IndicatorFact) -> bool:
    return (label.name, label.measure, label.kind, label.period) == (
        fact.name, fact.measure, fact.kind, fact.period_year)


def _same_values(label: LabelledFact, fact: IndicatorFact) -> bool:
    return (same_amount(amount(label.value, label.unit), amount(fact.value, fact.unit))
            and same_amount(amount(label.value_high, label.unit),
                            amount(fact.value_high, fact.unit)))


def _is_right(label: LabelledFact, fact: IndicatorFact) -> bool:
    return _same_key(label, fact) and _same_values(label, fact) and label.qualifier == fact.qualifier


def _repeats(label: LabelledFact, fact: IndicatorFact) -> bool:
    return _same_key(label, fact) and _same_values(label, fact)


def _same_value_same_name(label: LabelledFact, fact: IndicatorFact) -> bool:
    return label.name == fact.name and _same_values(label, fact)


def _same_value_from_quote(label: LabelledFact, fact: IndicatorFact) -> bool:
    quote = compact(label.quote)
    return bool(quote) and quote in compact(fact.sentence) and _same_values(label, fact)


WRONG_TESTS = (_same_value_same_name, _same_value_from_quote, _same_key)


# ---- headings ---------------------------------------------------------------------------

def heading_text(text: str) -> str:
    """A heading without its numbering, ``**``, punctuation and spaces."""
    plain = text.replace("**", "").strip().translate(FULL_WIDTH)
    return compact(NUMBERING.sub("", plain, count=1))


def headings_match(labelled: str, extracted: str) -> bool:
    want, got = heading_text(labelled), heading_text(extracted)
    if not want or not got:
        return False
    if got.startswith(want):
        return True
    return want.startswith(got) and len(got) >= MIN_HEADING_COVER * len(want)


@dataclass
class HeadingTally:
    matched: int = 0
    labelled: int = 0
    extracted: int = 0

    def add(self, other: HeadingTally) -> None:
        self.matched += other.matched
        self.labelled += other.labelled
        self.extracted += other.extracted

    @property
    def precision(self) -> float | None:
        return self.matched / self.extracted if self.extracted else None

    @property
    def recall(self) -> float | None:
        return self.matched / self.labelled if self.labelled else None


@dataclass
class HeadingScore:
    tallies: dict[int, HeadingTally] = field(
        default_factory=lambda: {level: HeadingTally() for level in LEVELS})
    missed: list[LabelledHeading] = field(default_factory=list)
    extra: list[LabelledHeading] = field(default_factory=list)   # extracted, matching no label


def extracted_headings(roots: list[SectionNode]) -> list[LabelledHeading]:
    """The parser's headings of levels 1 and 2, without the preamble and the back matter
    (glossaries, 附件), which are no parts of the report."""
    found = []
    for root in roots:
        if root.style in (PREAMBLE_STYLE, GLOSSARY_STYLE) or APPENDIX.fullmatch(root.heading):
            continue
        for node in root.walk():
            if node.level in LEVELS and node.heading:
                found.append(LabelledHeading(node.level, node.heading))
    return found


def score_headings(labels: Iterable[LabelledHeading],
                   extracted: Iterable[LabelledHeading]) -> HeadingScore:
    score = HeadingScore()
    unpaired = list(extracted)
    for level in LEVELS:
        score.tallies[level].extracted = sum(1 for got in unpaired if got.level == level)
    for label in labels:
        if label.level not in LEVELS:
            continue
        tally = score.tallies[label.level]
        tally.labelled += 1
        got = next((got for got in unpaired
                    if got.level == label.level and headings_match(label.text, got.text)), None)
        if got:
            unpaired.remove(got)
            tally.matched += 1
        else:
            score.missed.append(label)
    score.extra = unpaired
    return score
