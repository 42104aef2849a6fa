"""A Whoosh query for the words of the text that contain a string: 低碳 in 绿色低碳.

A query item is matched as a sequence of jieba words, and the index also holds the
dictionary words inside long words (search.analysis), so 财政 finds 财政收入. What that
leaves out is an item that is not a dictionary word (低碳, 雄安, 新质) or that jieba cuts
differently from the long word holding it (质量发展 → 质量/发展, inside 高质量发展): such
an item stands inside one word of the text, which only the term list can tell. This
query is the union of every term of the field that contains the item (each scored as
a Term, as in an Or), found in a per-reader copy of the field's term list: the terms
joined into one string, searched with str.find (a test of each of 42,000 terms took
a few milliseconds a segment).
"""
from __future__ import annotations

import weakref
from bisect import bisect_right

from whoosh.matching import NullMatcher
from whoosh.query import Or, Query, Term

_term_lists: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


class WordsContaining(Query):
    """Documents with a term of ``fieldname`` that contains ``text``: a longer one, or
    ``text`` itself too where ``itself`` (jieba may cut a query into several words that
    the text holds as one, 内卷 → 内/卷)."""

    def __init__(self, fieldname: str, text: str, itself: bool = False, boost: float = 1.0):
        self.fieldname = fieldname
        self.text = text
        self.itself = itself
        self.boost = boost

    def __eq__(self, other):
        return (type(other) is type(self) and other.fieldname == self.fieldname
                and other.text == self.text and other.itself == self.itself
                and other.boost == self.boost)

    def __hash__(self):
        return hash((type(self).__name__, self.fieldname, self.text, self.itself, self.boost))

    def __repr__(self):
        return f"{type(self).__name__}({self.fieldname!r}, {self.text!r}, itself={self.itself})"

    def __unicode__(self):
        return f"{self.fieldname}:*{self.text}*"

    __str__ = __unicode__

    def field(self):
        return self.fieldname

    def words_in(self, reader) -> list[str]:
        """The field's terms in ``reader`` that contain the text, in term order."""
        return [term for term in _terms(reader, self.fieldname).containing(self.text)
                if self.itself or term != self.text]

    def estimate_size(self, ixreader):
        return sum(ixreader.doc_frequency(self.fieldname, word) for word in self.words_in(ixreader))

    def matcher(self, searcher, context=None):
        words = self.words_in(searcher.reader())
        if not words:
            return NullMatcher()
        return Or([Term(self.fieldname, word) for word in words], boost=self.boost).matcher(
            searcher, context)


class TermList:
    """A field's terms, in term order, searchable for the terms that contain a text."""

    def __init__(self, terms: list[str]):
        self.terms = terms
        self.joined = "\n".join(terms)  # no term holds a newline (the analyzers split on it)
        self.starts = [0]
        for term in terms:
            self.starts.append(self.starts[-1] + len(term) + 1)

    def containing(self, text: str) -> list[str]:
        found = []
        at = self.joined.find(text) if self.terms and "\n" not in text else -1
        while at >= 0:
            number = bisect_right(self.starts, at) - 1
            found.append(self.terms[number])
            at = self.joined.find(text, self.starts[number + 1])  # on from the next term
        return found


def _terms(reader, fieldname: str) -> TermList:
    """Every term of one field in ``reader``, decoded once per reader (a reader does not change)."""
    by_field = _term_lists.setdefault(reader, {})
    if fieldname not in by_field:
        by_field[fieldname] = TermList([term.decode("utf-8") for term in reader.lexicon(fieldname)]
                                       if fieldname in reader.schema else [])
    return by_field[fieldname]
