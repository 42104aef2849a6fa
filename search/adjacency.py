"""A Whoosh query for words at consecutive positions, each from a few alternative terms.

search.querying needs "a word ending in 质量, then 发展": the first place takes 质量 or
<质量, the last takes its word or the word followed by ">". Whoosh's Sequence of Or
queries matches exactly that, but builds span objects for every candidate document
(183 ms for 人民群众 over 1,000 reports). Here a candidate is a document that has a term
of every place (an intersection of unions of term postings), and it matches when
positions p, p+1, … line up, checked on the decoded position lists with set lookups.
"""
from __future__ import annotations

from functools import reduce

from whoosh.matching import IntersectionMatcher, NullMatcher, UnionMatcher
from whoosh.matching.wrappers import WrappingMatcher
from whoosh.query import Query, Term


class AdjacentWords(Query):
    """Documents where a term of places[0], a term of places[1], … stand at consecutive positions."""

    def __init__(self, fieldname: str, places: list[list[str]], boost: float = 1.0):
        self.fieldname = fieldname
        self.places = tuple(tuple(dict.fromkeys(terms)) for terms in places)
        self.boost = boost

    def __eq__(self, other):
        return (type(other) is type(self) and other.fieldname == self.fieldname
                and other.places == self.places and other.boost == self.boost)

    def __hash__(self):
        return hash((self.fieldname, self.places, self.boost))

    def __repr__(self):
        return f"{type(self).__name__}({self.fieldname!r}, {self.places!r})"

    def __unicode__(self):
        return " ".join("|".join(terms) for terms in self.places)

    __str__ = __unicode__

    def field(self):
        return self.fieldname

    def terms(self, phrases=False):
        return [(self.fieldname, term) for terms in self.places for term in terms]

    def _existing(self, reader) -> list[list[str]]:
        return [[term for term in terms if (self.fieldname, term) in reader]
                for terms in self.places]

    def estimate_size(self, ixreader):
        return min(sum(ixreader.doc_frequency(self.fieldname, term) for term in terms)
                   for terms in self._existing(ixreader))

    def matcher(self, searcher, context=None):
        places = self._existing(searcher.reader())
        if not all(places):
            return NullMatcher()
        leaves = [[Term(self.fieldname, term).matcher(searcher, context) for term in terms]
                  for terms in places]
        candidates = reduce(IntersectionMatcher, [reduce(UnionMatcher, ms) for ms in leaves])
        return _AdjacentMatcher(candidates, leaves, self.boost)


class _AdjacentMatcher(WrappingMatcher):
    """Steps its child (the candidates) past documents whose positions do not line up.

    The leaves are the term matchers inside the child: at a candidate, those whose
    current document is the candidate give that place's positions.
    """

    def __init__(self, child, leaves, boost=1.0):
        super().__init__(child, boost)
        self._leaves = leaves
        self._skip_misaligned()

    def _positions(self, place, docnum) -> set:
        found = set()
        for leaf in place:
            if leaf.is_active() and leaf.id() == docnum:
                found.update(leaf.value_as("positions"))
        return found

    def _aligned(self) -> bool:
        docnum = self.child.id()
        starts = self._positions(self._leaves[0], docnum)
        for offset, place in enumerate(self._leaves[1:], start=1):
            positions = self._positions(place, docnum)
            starts = {start for start in starts if start + offset in positions}
            if not starts:
                return False
        return True

    def _skip_misaligned(self):
        while self.child.is_active() and not self._aligned():
            self.child.next()

    def next(self):
        self.child.next()
        self._skip_misaligned()
        return False

    def skip_to(self, id):
        self.child.skip_to(id)
        self._skip_misaligned()
        return False

    def all_ids(self):
        while self.is_active():
            yield self.id()
            self.next()

    def replace(self, minquality=0):
        return self if self.is_active() else NullMatcher()

    def supports_block_quality(self):
        return False

    def copy(self):
        raise NotImplementedError("an adjacency matcher is used once, in order")
