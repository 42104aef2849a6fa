"""Haystack field types our Whoosh backend maps onto its own Whoosh fields."""
from haystack import indexes


class ChineseTextField(indexes.CharField):
    """Text segmented by jieba, with a character-level twin field for single characters."""

    field_type = "chinese_text"


class ExactField(indexes.CharField):
    """A value matched and faceted as a whole: region, kind, anchor."""

    field_type = "exact"
