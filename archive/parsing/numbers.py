"""Numbers written in Chinese characters: 二〇二五, 二十, 百分之十三点四, 三千五百."""
from __future__ import annotations

import re

DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
          "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
LARGE_UNITS = {"万": 10_000, "亿": 100_000_000}
NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(LARGE_UNITS) + "点"

# 百分之十三点四, 百分之五左右: the percentage form older reports use.
PERCENT_IN_WORDS = re.compile(f"百分之([{NUMERAL_CHARS}]+)")


def _integer(text: str) -> int:
    """An integer in Chinese numerals: 二〇二五 (digit by digit) or 两千零二十五 (with units).

    亿 and 万 split the numeral: 四亿零七百万 is 四 × 10⁸ + 七百 × 10⁴, 一万亿 is 10¹².
    """
    if not text:
        raise ValueError("empty numeral")
    for large in ("亿", "万"):
        high, found, low = text.partition(large)
        if found:
            return (_integer(high) if high else 1) * LARGE_UNITS[large] + (_integer(low) if low else 0)
    if not any(ch in SMALL_UNITS for ch in text):
        return int("".join(str(DIGITS[ch]) for ch in text))
    section, digit = 0, None
    for ch in text:
        if ch in DIGITS:
            digit = DIGITS[ch]
        elif ch in SMALL_UNITS:
            section += (1 if digit is None else digit) * SMALL_UNITS[ch]
            digit = None
        else:
            raise ValueError(f"not a Chinese numeral: {text!r}")
    return section + (digit or 0)


def chinese_number(text: str) -> float | int:
    """Value of a numeral such as 十三点四 (13.4), 二〇二五 (2025) or 三千五百 (3500).

    Raises ValueError for anything else.
    """
    whole, _, fraction = text.partition("点")
    value = _integer(whole)
    if not fraction:
        return value
    return float(f"{value}.{''.join(str(DIGITS[ch]) for ch in fraction)}")


def percent_words_to_digits(text: str) -> str:
    """Rewrite 百分之十三点四 as 13.4% so indicator patterns see one notation."""

    def replace(match: re.Match) -> str:
        try:
            value = chinese_number(match.group(1))
        except (ValueError, KeyError):
            return match.group(0)
        return f"{value:g}%"

    return PERCENT_IN_WORDS.sub(replace, text)


# 百分之八至九: a range in words whose upper end drops the 百分之.
PERCENT_RANGE_IN_WORDS = re.compile(f"百分之([{NUMERAL_CHARS}]+)([至到])(?!百分之)(?=[{NUMERAL_CHARS}])")


def percent_range_words_to_digits(text: str) -> str:
    """Rewrite 百分之八至九 as 百分之八至百分之九, then as 8%至9%."""
    return percent_words_to_digits(PERCENT_RANGE_IN_WORDS.sub(r"百分之\1\2百分之", text))


# 四亿零七百多万吨, 三百五十五元, 一千二百零一亿元, 一千二百万人: an amount in words, its
# 万 or 亿 kept as the unit's prefix; 多 ("more than") becomes 超.
AMOUNT_IN_WORDS = re.compile(
    f"(?<![{NUMERAL_CHARS}])([{NUMERAL_CHARS}]*[{''.join(DIGITS)}十百千][{NUMERAL_CHARS}]*?)(多)?"
    f"(万亿|亿|万)?(元|美元|吨|公斤|斤|人)")
PREFIXES = {"": 1, "万": 10_000, "亿": 100_000_000, "万亿": 1_000_000_000_000}


def amounts_in_words_to_digits(text: str) -> str:
    """Rewrite 四亿零七百多万吨 as 超40700万吨 and 三百五十五元 as 355元."""

    def replace(match: re.Match) -> str:
        words, more, prefix, unit = match.groups()
        prefix = prefix or ""
        try:
            value = chinese_number(words + prefix) / PREFIXES[prefix]
        except (ValueError, KeyError):
            return match.group(0)
        digits = format(value, "f").rstrip("0").rstrip(".")
        return f"{'超' if more else ''}{digits}{prefix}{unit}"

    return AMOUNT_IN_WORDS.sub(replace, text)


# 一九八五年, 二〇二五年: a year written digit by digit.
YEAR_IN_WORDS = re.compile("([〇零○Ｏ一二三四五六七八九]{4})(?=年)")


def years_in_words_to_digits(text: str) -> str:
    """Rewrite 一九八五年 as 1985年."""
    return YEAR_IN_WORDS.sub(lambda match: str(_integer(match.group(1))), text)
