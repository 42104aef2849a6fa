"""Tantivy beside our engine: the same documents, token stream, queries and page work.

Tantivy (the Rust engine behind Quickwit and Paperless-ngx's search; the bench-only
extra ``pip install -e ".[bench]"``) has no Chinese segmenter of its own, so it is given
our analyzer's tokens as pre-tokenized text: the jieba words with the words inside long
words at their positions (search.analysis.word_pieces) in ``text``, and the single tokens
in ``text_chars`` (documents only, as our Existence field). A query is parsed by our
parser (search.querying) and its Whoosh tree translated node by node: a Term is a term,
AdjacentWords a union of phrases (one per choice of term at each place), WordsContaining
the terms of the field that contain the item (the same term-list method as ours: a
regex ``.*item.*`` over Tantivy's term dictionary took longer to compile than to run),
Not a must-not beside every document. Both engines must then find the same documents,
which bench/side_by_side.py checks for every query.

The page is Tantivy's own: the count, year/region/kind facets as terms aggregations over
fast fields, and 20 hits read from its document store with snippets from its
SnippetGenerator. That re-tokenizes the text with the field's analyzer, which Tantivy's
Python package cannot take from Python: a regex analyzer registered per query stands in,
the query's words where they stand, else one character (it marks only what is a term of
the word field: a single character such as 鞋 stands mostly inside words and is then not
marked; the work of cutting the snippet is the same). The stored text is not counted
in the index size (ours stores none; it reads hits from the database).
"""
from __future__ import annotations

import itertools
import re
import shutil
import time
from pathlib import Path

import tantivy
from haystack.constants import DJANGO_CT, DJANGO_ID
from whoosh.query import And, Every, NullQuery, NumericRange, Or, Term
from whoosh.query import Not as WhooshNot

from search.adjacency import AdjacentWords
from search.analysis import PIECES, normalize, word_pieces
from search.containing import WordsContaining
from search.facets import FACETS

INTEGER_FIELDS = ("year", "report_id")
SNIPPET_ANALYZER = "snippet"
SNIPPET_CHARS = 240  # ours shows up to two passages of about 120 characters
WRITER_BYTES = 256_000_000  # as ours: 256 MB per writer


def document_key(django_ct: str, django_id) -> int:
    """One integer per document of either engine: a section or a report title."""
    return int(django_id) * 2 + (django_ct == "archive.report")


def schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("text", tokenizer_name=SNIPPET_ANALYZER, index_option="position")
    builder.add_text_field("text_chars", tokenizer_name="raw", index_option="basic")
    builder.add_text_field("region", tokenizer_name="raw", fast=True, index_option="basic")
    builder.add_text_field("kind", tokenizer_name="raw", fast=True, index_option="basic")
    for name in INTEGER_FIELDS:
        builder.add_integer_field(name, indexed=True, fast=True)
    builder.add_unsigned_field("key", stored=True, fast=True)
    builder.add_bytes_field("body", stored=True)
    builder.add_bytes_field("heading", stored=True)
    return builder.build()


def _open(path: Path, create: bool = False) -> tantivy.Index:
    index = tantivy.Index(schema(), path=str(path), reuse=not create)
    index.register_tokenizer(SNIPPET_ANALYZER, _snippet_analyzer([]))
    return index


def _snippet_analyzer(words: list[str]) -> tantivy.TextAnalyzer:
    """Tokens for the snippet generator: each of ``words`` where it stands, else a character
    (about one token a character, as a Chinese segmenter would give Tantivy)."""
    pattern = "|".join([*map(re.escape, sorted(words, key=len, reverse=True)), "."])
    if re.search("[a-z]", pattern):  # 5g marks 5G (case-folding slows the regex: only then)
        pattern = "(?i)" + pattern
    return tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.regex(pattern)).filter(
        tantivy.Filter.lowercase()).build()


def _pre_tokenized(text: str, normal: str) -> tuple[tantivy.PreTokenizedString, tantivy.PreTokenizedString]:
    words = [tantivy.Token(word, position, start, end)
             for word, start, end, position in word_pieces(normal, subwords=True)]
    chars = set()
    for match in PIECES.finditer(normal):
        chars.update(match.group() if match.lastgroup == "han" else (match.group(),))
    return (tantivy.PreTokenizedString(text, words),
            tantivy.PreTokenizedString(text, [tantivy.Token(c, i, 0, 0) for i, c in enumerate(chars)]))


def build(path: Path) -> tuple[float, int]:
    """Index every report's documents (the ones our index holds, prepared by the same
    haystack indexes) into a new Tantivy index at ``path``; (seconds, documents)."""
    from archive.models import Report
    from search.indexing import backend, report_documents

    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    engine = backend()
    start = time.perf_counter()
    index = _open(path, create=True)
    writer = index.writer(heap_size=WRITER_BYTES)
    documents = 0
    for report in Report.objects.order_by("pk").iterator(chunk_size=50):
        for search_index, obj in report_documents(report):
            fields = engine.document(search_index, obj)
            text = fields.get("text", "")
            words, chars = _pre_tokenized(text, normalize(text))
            doc = tantivy.Document()
            doc.add_pre_tokenized_text("text", words)
            doc.add_pre_tokenized_text("text_chars", chars)
            doc.add_text("region", fields["region"])
            doc.add_text("kind", fields["kind"])
            for name in INTEGER_FIELDS:
                doc.add_integer(name, int(fields[name]))
            doc.add_unsigned("key", document_key(fields[DJANGO_CT], fields[DJANGO_ID]))
            doc.add_bytes("body", text.encode())
            doc.add_bytes("heading", fields.get("heading", "").encode())
            writer.add_document(doc)
            documents += 1
    writer.commit()
    writer.wait_merging_threads()
    return time.perf_counter() - start, documents


def index_bytes(path: Path) -> int:
    """The index without its document store (the stored text, which ours does not hold)."""
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and f.suffix != ".store")


class Peer:
    """A searcher over the Tantivy index, answering the bench's queries as our engine does."""

    def __init__(self, path: Path):
        self.index = _open(path)
        self.index.reload()
        self.searcher = self.index.searcher()
        self.schema = self.index.schema
        self._term_lists: dict[str, list[str]] = {}

    def _terms(self, fieldname: str) -> list[str]:
        """Every term of a field, read once (as search.containing keeps ours per reader)."""
        if fieldname not in self._term_lists:
            self._term_lists[fieldname] = [
                term for term, _ in self.searcher.terms_with_prefix(fieldname, "", limit=None)]
        return self._term_lists[fieldname]

    # -- translating our parsed query --------------------------------------------------

    def translate(self, query) -> tantivy.Query:
        """Tantivy's query for a (normalised) Whoosh query tree of search.querying."""
        if isinstance(query, Term):
            return tantivy.Query.term_query(self.schema, query.fieldname, query.text)
        if isinstance(query, And):
            return tantivy.Query.boolean_query(
                [(tantivy.Occur.Must, self.translate(q)) for q in query.subqueries])
        if isinstance(query, Or):
            return tantivy.Query.boolean_query(
                [(tantivy.Occur.Should, self.translate(q)) for q in query.subqueries])
        if isinstance(query, WhooshNot):
            return tantivy.Query.boolean_query([(tantivy.Occur.Must, tantivy.Query.all_query()),
                                                (tantivy.Occur.MustNot, self.translate(query.query))])
        if isinstance(query, AdjacentWords):
            phrases = [tantivy.Query.phrase_query(self.schema, query.fieldname, list(words))
                       for words in itertools.product(*query.places)]
            return tantivy.Query.boolean_query([(tantivy.Occur.Should, p) for p in phrases])
        if isinstance(query, WordsContaining):
            words = [term for term in self._terms(query.fieldname)
                     if query.text in term and (query.itself or term != query.text)]
            return tantivy.Query.boolean_query(
                [(tantivy.Occur.Should, tantivy.Query.term_query(self.schema, query.fieldname, word))
                 for word in words]) if words else tantivy.Query.empty_query()
        if isinstance(query, NumericRange):
            return tantivy.Query.range_query(self.schema, query.fieldname, tantivy.FieldType.Integer,
                                             query.start, query.end,
                                             include_lower=not query.startexcl,
                                             include_upper=not query.endexcl)
        if isinstance(query, Every):
            return tantivy.Query.all_query()
        if query is NullQuery:
            return tantivy.Query.empty_query()
        raise TypeError(f"no Tantivy translation for {query!r}")

    # -- the three things the bench asks of each engine ---------------------------------

    def top(self, query, limit: int = 10) -> list:
        return self.searcher.search(self.translate(query), limit=limit, count=False).hits

    def keys(self, query) -> set[int]:
        """Every matching document's key (for comparing with ours)."""
        found = self.searcher.search(self.translate(query), limit=max(1, self.searcher.num_docs),
                                     count=False).hits
        return set(self.searcher.fast_field_values("key", [address for _, address in found]))

    def page(self, query, words: list[str], newest: bool = False, size: int = 20) -> dict:
        """The count, facets and ``size`` hits with snippets, as the search page needs them."""
        translated = self.translate(query)
        if newest:
            result = self.searcher.search(translated, limit=size, order_by_field="year",
                                          order=tantivy.Order.Desc)
        else:
            result = self.searcher.search(translated, limit=size)
        facets = self.searcher.aggregate(translated, {
            name: {"terms": {"field": name, "size": 1000}} for name in FACETS})
        # The snippet analyzer for this query: its words (longest first), else one character.
        self.index.register_tokenizer(SNIPPET_ANALYZER, _snippet_analyzer(words))
        marks = tantivy.Query.boolean_query(
            [(tantivy.Occur.Should, tantivy.Query.term_query(self.schema, "text", word))
             for word in words]) if words else tantivy.Query.empty_query()
        snippets = tantivy.SnippetGenerator.create(self.searcher, marks, self.schema, "text")
        snippets.set_max_num_chars(SNIPPET_CHARS)
        hits = []
        for _, address in result.hits:
            stored = self.searcher.doc(address)
            body = tantivy.Document()
            body.add_text("text", stored.get_first("body").decode())
            hits.append((stored.get_first("heading").decode(),
                         snippets.snippet_from_doc(body).to_html()))
        return {"count": result.count, "facets": facets, "hits": hits}


def highlight_words(terms: list[str]) -> list[str]:
    """The words to mark in snippets: each query item and its jieba words, lowercased."""
    words = []
    for term in terms:
        normal = normalize(term)
        words += [normal, *(word for word, *_ in word_pieces(normal))]
    return list(dict.fromkeys(words))
