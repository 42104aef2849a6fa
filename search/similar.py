"""More like this: the documents that share a document's key terms, best first.

A document's key terms are the words of its text that score highest for it under the
index's BM25 (frequent in the document, rare in the index, against the document's
length): the weight BM25 gives the document for a query of that word alone. The
similar documents are those an Or of the key terms, each boosted by its weight, finds,
ranked by that query's score. Whoosh's own more_like needs the text stored or vectored
(our word fields keep neither: the text is read from the database) and weighs terms by
the Bo1 divergence model instead.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np
from whoosh.query import And, Or, Term
from whoosh.scoring import bm25

from search import bulk

KEY_TERMS = 12


def key_terms(searcher, fieldname: str, docnum: int, text: str,
              limit: int = KEY_TERMS) -> list[tuple[str, float]]:
    """[(term, BM25 weight in document ``docnum``)] of ``text``'s words, heaviest first.

    Words found in no other document are left out: they cannot lead to one.
    """
    counts = Counter(searcher.schema[fieldname].process_text(text, mode="query"))
    length = searcher.doc_field_length(docnum, fieldname, 0)
    weighted = []
    for term, frequency in counts.items():
        if searcher.doc_frequency(fieldname, term) < 2:
            continue
        scorer = searcher.weighting.scorer(searcher, fieldname, term)
        weighted.append((term, bm25(scorer.idf, frequency, length, scorer.avgfl, scorer.B, scorer.K1)))
    weighted.sort(key=lambda item: (-item[1], item[0]))
    return weighted[:limit]


def similar(searcher, fieldname: str, docnum: int, text: str, narrow=None) -> bulk.Matches:
    """The documents like ``docnum`` (itself left out), best first, among those matching
    the Whoosh query ``narrow`` where one is given."""
    terms = key_terms(searcher, fieldname, docnum, text)
    if not terms:
        return bulk.Matches(np.zeros(0, np.int64), np.zeros(0))
    matches = evaluate(searcher, Or([Term(fieldname, term, boost=weight) for term, weight in terms]))
    keep = matches.docnums != docnum
    if narrow is not None:
        keep &= np.isin(matches.docnums, evaluate(searcher, narrow).docnums)
    return bulk.Matches(matches.docnums[keep], matches.scores[keep]).ranked()


def evaluate(searcher, query) -> bulk.Matches:
    """Every match of ``query`` with its score: over whole posting lists (search.bulk), or
    by Whoosh where that cannot evaluate the query (a prefix, a phrase…)."""
    query = query.normalize()
    try:
        return bulk.search(searcher, query)
    except bulk.Unsupported:
        hits = searcher.search(query, limit=None)
        return bulk.Matches(np.array([hit.docnum for hit in hits], np.int64),
                            np.array([hit.score for hit in hits], np.float64))


def narrowing(queries: list):
    """One query that every one of ``queries`` must match, or None for none."""
    queries = [query for query in queries if query is not None]
    return And(queries) if queries else None


@dataclass
class Page:
    """What haystack's WhooshSearchBackend._process_results reads of a Whoosh ResultsPage:
    the number of hits, each hit's stored fields in turn and its score."""

    stored: list[dict]
    scores: list[float]
    total: int

    def __len__(self):
        return self.total

    def __iter__(self):
        return iter(self.stored)

    def score(self, n: int) -> float:
        return self.scores[n]
