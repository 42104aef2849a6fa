"""The Whoosh field each haystack search field becomes in our engine.

haystack's own field types map as its WhooshSearchBackend maps them (TEXT with positions,
DATETIME, NUMERIC, BOOLEAN, KEYWORD for several values, NGRAM, NGRAMWORDS for edge
n-grams), stored as declared, with three differences:
- text is analysed as Chinese (search.analysis: jieba words, the dictionary words inside
  long words, traditional folded to simplified; Latin words stemmed as haystack's
  default analyzer stems them), unless the field names its own ``analyzer``; n-grams are
  made of our words (edge n-grams) or of normalised text, from two characters up (most
  Chinese words have two);
- word positions are packed (search.codec);
- integers keep a column (sortable), which facets and search.bulk read;
- the copy of a text field that ``faceted=True`` adds (``name_exact``) is one whole-value
  term, as Elasticsearch and Solr keep it, rather than words: its facets count values.

Our own field types (search.fields) are what the archive's indexes choose:
``chinese_text`` is a word field and its single-character twin, neither stored;
``exact`` is one whole-value term with a column.
"""
from __future__ import annotations

from haystack.fields import FacetField
from whoosh.analysis import NgramTokenizer
from whoosh.fields import BOOLEAN, DATETIME, IDLIST, KEYWORD, NGRAM, NGRAMWORDS, NUMERIC, TEXT
from whoosh.fields import ID as WHOOSH_ID

from search.analysis import NormalizeFilter, WholeWordTokenizer, chinese_analyzer, text_fields
from search.codec import CompactPositions

NGRAM_MIN, NGRAM_MAX = 2, 15


def whoosh_fields(field) -> dict:
    """{index field name: Whoosh field} for one haystack search field."""
    name = field.index_fieldname
    if field.field_type == "chinese_text":
        return text_fields(name)
    if field.field_type == "exact":
        return {name: WHOOSH_ID(stored=field.stored, sortable=True) if field.indexed
                else WHOOSH_ID(stored=True)}
    return {name: _haystack_field(field)}


def _haystack_field(field):
    boost = field.boost
    if field.is_multivalued:
        if not field.indexed:
            return IDLIST(stored=True, field_boost=boost)
        return KEYWORD(stored=True, commas=True, scorable=True, field_boost=boost)
    if isinstance(field, FacetField) and field.field_type == "string":
        return WHOOSH_ID(stored=field.stored, sortable=True)
    if field.field_type in ("date", "datetime"):
        return DATETIME(stored=field.stored, sortable=True)
    if field.field_type == "integer":
        return NUMERIC(int, bits=32, stored=field.stored, field_boost=boost, sortable=True)
    if field.field_type == "float":
        return NUMERIC(float, stored=field.stored, field_boost=boost)
    if field.field_type == "boolean":
        return BOOLEAN(stored=field.stored)
    if field.field_type == "ngram":
        ngrams = NGRAM(minsize=NGRAM_MIN, maxsize=NGRAM_MAX, stored=field.stored, field_boost=boost)
        ngrams.analyzer = NgramTokenizer(NGRAM_MIN, NGRAM_MAX) | NormalizeFilter()
        return ngrams
    if field.field_type == "edge_ngram":
        return NGRAMWORDS(minsize=NGRAM_MIN, maxsize=NGRAM_MAX, at="start", stored=field.stored,
                          field_boost=boost, tokenizer=WholeWordTokenizer())
    text = TEXT(stored=field.stored, analyzer=field.analyzer or chinese_analyzer(),
                field_boost=boost, sortable=True)
    text.format = CompactPositions(field_boost=boost)
    return text
