"""Abbreviations a reader types for the names the reports write out: GDP → 国内生产总值.

The reports spell their indicators in full (国内生产总值 in the State Council's, 地区生产总值
in a region's), while readers, journalists above all, type GDP or CPI; a search for either
is also a search for the names it stands for, and the page says so.
"""
from search.analysis import normalize

SYNONYMS: dict[str, tuple[str, ...]] = {
    "gdp": ("国内生产总值", "地区生产总值"),
    "cpi": ("居民消费价格",),
    "ppi": ("工业生产者出厂价格",),
    "r&d": ("研发", "研究与试验发展"),
}


def expansions(text: str) -> tuple[str, ...]:
    """The names an item also stands for (none for most items)."""
    return SYNONYMS.get(normalize(text).strip(), ())


def note(text: str, names: tuple[str, ...]) -> str:
    return f"“{text}”同时检索：{'、'.join(names)}"
