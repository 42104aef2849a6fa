"""Our haystack engine: Whoosh with jieba-segmented Chinese text.

What it changes from haystack's WhooshSearchBackend, and why:
- the schema (search.schema): haystack's field types map as haystack maps them, with
  Chinese analysis on every text field and packed positions; our own field types
  (search.fields) are what the archive's indexes choose: a jieba word field with
  positions (ranking and phrases) and a single-token twin (one character), neither
  stored (hits read the text from the database) nor sortable (that stored every body
  twice), and whole-value terms with columns (region, kind) for filters and fast facets;
  postings are packed (search.codec), and an index written in another layout is
  refused (IndexOutdated);
- writes: one writer at a time, waiting for Whoosh's lock with a timeout, never
  failing silently (a swallowed LockError once left a deleted report searchable);
  clear(), optimize() and delete_index() go through it too. A commit only adds its
  segment: merging segments (which Whoosh's default policy does now and then, for tens
  of seconds on a large index) would run inside the database transaction that indexes
  a report and hold its lock; small segments are merged afterwards by
  merge_small_segments, outside any transaction;
- reads: one searcher per thread, reopened when the index has changed or has been
  swapped for a rebuilt one, instead of three new readers per query; the search page's
  queries are Whoosh query objects built by search.querying, never strings re-parsed by
  haystack (which lowercases OR). A missing or damaged index raises
  search.errors.IndexUnavailable;
- haystack's highlight(), more_like_this() and spelling suggestions work on fields that
  store no text (search.result_highlight, search.similar, search.suggestions).
"""
from __future__ import annotations

import math
import os
import time
from collections import defaultdict
from contextlib import contextmanager

from django.conf import settings
from django.utils.encoding import force_str
from haystack.backends import BaseEngine
from haystack.backends.whoosh_backend import WhooshSearchBackend, WhooshSearchQuery
from haystack.constants import DJANGO_CT, DJANGO_ID, ID
from haystack.exceptions import SearchBackendError, SkipDocument
from haystack.utils import get_identifier, get_model_ct
from whoosh.fields import ID as WHOOSH_ID
from whoosh.fields import Schema
from whoosh.index import LockError
from whoosh.util.filelock import FileLock
from whoosh.query import Or, Term
from whoosh.writing import CLEAR

from archive.signals import StoreBlocked
from search import result_highlight, similar, suggestions
from search.analysis import text_values
from search.codec import ArchiveCodec
from search.errors import IndexMissing, IndexUnavailable, check_layout, index_errors
from search.reopening import refreshed, while_writers_commit
from search.schema import whoosh_fields

CREATION_LOCK = "creating.lock"
INDEX_NAME = "MAIN"  # Whoosh's default, which haystack uses
MERGE_FACTOR = 8  # segments of one size tier merged together
MAX_MERGED_DOCS = 12_000  # no merge makes a larger segment (about 400 reports)


class IndexBusy(SearchBackendError, StoreBlocked):
    """Another writer held the index lock for longer than the timeout."""


class ChineseWhooshSearchBackend(WhooshSearchBackend):
    def __init__(self, connection_alias, **options):
        super().__init__(connection_alias, **options)
        self.silently_fail = False
        self.lock_timeout = float(options.get("LOCK_TIMEOUT", 30))
        self._searcher = None
        self._opened_folder = None

    def setup(self):
        while_writers_commit(self._open_and_check_layout)
        self.setup_complete = True
        self._searcher = None
        self._opened_folder = self._folder()

    def _open_and_check_layout(self):
        with self._creation_lock():
            super().setup()
        self.setup_complete = False  # until the layout on disk is known to be ours
        # (self.index was opened with our schema; the one on disk is in its TOC)
        check_layout(self.index.storage.open_index().schema, self.schema)

    @contextmanager
    def _creation_lock(self):
        """Held while an index is created: two first imports at once would each create one,
        and Whoosh's create deletes the other's files half-way (its TOC is then missing).
        The first creates it; the other waits, then opens it."""
        if not self.use_file_storage or self._index_exists():
            yield
            return
        os.makedirs(self.path, exist_ok=True)
        lock = FileLock(os.path.join(self.path, CREATION_LOCK))   # not _MAIN_*: create deletes those
        lock.acquire(blocking=True)
        try:
            yield
        finally:
            lock.release()

    def _index_exists(self) -> bool:
        """Whether the folder holds an index's table of contents. (whoosh.index.exists_in
        opens it too, which fails when a commit replaces it meanwhile.)"""
        return os.path.isdir(self.path) and any(
            name.startswith(f"_{INDEX_NAME}_") and name.endswith(".toc")
            for name in os.listdir(self.path))

    def _folder(self):
        """The identity of the index's folder (rebuild_index swaps in a new one); None in RAM."""
        return os.stat(self.path).st_ino if self.use_file_storage else None

    def build_schema(self, fields):
        schema = {
            ID: WHOOSH_ID(stored=True, unique=True),
            DJANGO_CT: WHOOSH_ID(stored=True),
            DJANGO_ID: WHOOSH_ID(stored=True),
        }
        content_field_name = ""
        self.chinese_fields = []
        for field in fields.values():
            schema.update(whoosh_fields(field))
            name = field.index_fieldname
            if field.field_type == "chinese_text":
                self.chinese_fields.append(name)
            if field.document:
                content_field_name = name
                # (a word field's terms include the marked words inside words: its
                # suggestions come from create_spelling_suggestion, not a spelling graph)
                schema[name].spelling = name not in self.chinese_fields
        if len(schema) <= 3:
            raise SearchBackendError("No fields were found in any search_indexes. "
                                     "Please correct this before attempting to search.")
        return content_field_name, Schema(**schema)

    # -- writing: one place, one writer ------------------------------------------------

    @contextmanager
    def writer(self, writing: int = 0, **commit):
        """The index's only writer: waits for the lock, commits on success (with Whoosh's
        commit options ``commit``; by default merging nothing), else cancels.

        A missing or unreadable index is never written to (IndexUnavailable): a fresh one
        would hold only this write, and searches would quietly find nothing else. Only a
        new installation, whose database holds no indexed object but the ``writing`` ones
        this write adds, starts one.
        """
        with index_errors():
            self._open(writing)
        deadline = time.monotonic() + self.lock_timeout
        while True:
            try:
                writer = self.index.writer(timeout=min(1.0, self.lock_timeout), delay=0.05,
                                           codec=ArchiveCodec())
                break
            except LockError as busy:
                if time.monotonic() >= deadline:
                    raise IndexBusy("搜索索引正被其他任务占用，请稍后再试") from busy
        try:
            with index_errors():  # garbled segments are found by the writer's first delete
                yield writer
        except BaseException:
            writer.cancel()
            raise
        with index_errors():
            writer.commit(**{"merge": False, **commit})

    def merge_small_segments(self) -> None:
        """Merge the segments left by single-report commits by size tier, if the index is free.

        Called after the database commit; when another writer holds the lock, nothing is
        done (the next call will do it).
        """
        try:
            writer = self.index.writer(timeout=0, codec=ArchiveCodec())
        except LockError:
            return
        try:
            writer.commit(mergetype=_tiered_merge)
        except BaseException:
            writer.cancel()
            raise

    def update(self, index, iterable, commit=True):
        with self.writer() as writer:
            for document in self._documents((index, obj) for obj in iterable):
                writer.update_document(**document)

    def replace_report(self, report_id: int, documents: list[tuple]) -> None:
        """Swap all documents of one report for new ones in a single commit."""
        with self.writer(writing=len(documents)) as writer:
            writer.delete_by_term("report_id", report_id)
            for document in self._documents(documents):
                writer.add_document(**document)

    def remove_report(self, report_id: int) -> None:
        with self.writer() as writer:
            writer.delete_by_term("report_id", report_id)

    def remove(self, obj_or_string, commit=True):
        with self.writer() as writer:
            writer.delete_by_term(ID, get_identifier(obj_or_string))

    def clear(self, models=None, commit=True):
        if models is None:
            self.delete_index()
            return
        assert isinstance(models, (list, tuple))
        with self.writer() as writer:
            for model in models:
                writer.delete_by_term(DJANGO_CT, get_model_ct(model))

    def delete_index(self):
        """Empty the index in one commit under the lock (haystack deletes its folder, under
        the feet of any other writer); an index that cannot be opened is created anew."""
        try:
            with index_errors(), self.writer(mergetype=CLEAR):
                pass
        except IndexUnavailable:
            super().delete_index()

    def optimize(self):
        with self.writer(optimize=True):
            pass

    def _documents(self, objects):
        """The Whoosh document of each (search index, object); those whose index raises
        SkipDocument are left out, as haystack's contract says."""
        for index, obj in objects:
            try:
                yield self.document(index, obj)
            except SkipDocument:
                self.log.debug("Indexing for object `%s` skipped", obj)

    def document(self, index, obj) -> dict:
        """The Whoosh document for ``obj``: haystack's fields, each text with its twins."""
        document = {key: self._from_python(value)
                    for key, value in index.full_prepare(obj).items() if key != "boost"}
        for name in self.chinese_fields:
            document.update(text_values(name, document.get(name, "")))
        return document

    # -- haystack's features on our fields ------------------------------------------

    def more_like_this(self, model_instance, additional_query_string=None, start_offset=0,
                       end_offset=None, models=None, limit_to_registered_models=None,
                       result_class=None, **kwargs):
        """Documents sharing ``model_instance``'s key terms (search.similar), among those
        the search query set's filters match (``additional_query_string``): e.g.
        ``SearchQuerySet().more_like_this(section).exclude(report_id=section.report_id)``."""
        searcher = self.searcher()
        docnum = searcher.document_number(**{ID: get_identifier(model_instance)})
        if docnum is None:
            return {"results": [], "hits": 0}
        stored = searcher.stored_fields(docnum)
        text = stored.get(self.content_field_name) or self._prepared_text(model_instance)
        narrow = similar.narrowing([self._models_query(models, limit_to_registered_models),
                                    self._parsed(additional_query_string)])
        matches = similar.similar(searcher, self.content_field_name, docnum, text, narrow)
        page = slice(start_offset, end_offset)  # end_offset counts from 0, as in search()
        page = similar.Page([searcher.stored_fields(d) for d in matches.docnums[page].tolist()],
                            matches.scores[page].tolist(), len(matches.docnums))
        return self._process_results(page, result_class=result_class)

    def _models_query(self, models, limit_to_registered_models):
        """What haystack narrows a search to: the given models, else the registered ones."""
        if models:
            choices = sorted(get_model_ct(model) for model in models)
        elif (getattr(settings, "HAYSTACK_LIMIT_TO_REGISTERED_MODELS", True)
              if limit_to_registered_models is None else limit_to_registered_models):
            choices = self.build_models_list()
        else:
            return None
        return Or([Term(DJANGO_CT, choice) for choice in choices]) if choices else None

    def _parsed(self, query_string):
        if not query_string or query_string == "*":
            return None
        return self.parser.parse(force_str(query_string))

    def _prepared_text(self, obj) -> str:
        """The text of the content field as the object's search index prepares it (our word
        fields do not store it: it is read from the database)."""
        index = self._unified_index().get_index(type(obj))
        return index.full_prepare(obj).get(self.content_field_name) or ""

    def _unified_index(self):
        from haystack import connections

        return connections[self.connection_alias].get_unified_index()

    def _process_results(self, raw_page, highlight=False, query_string="", spelling_query=None,
                         result_class=None, facet_types=None):
        """haystack's results, highlighted by our analysis rather than English stemming,
        from the database where the text is not stored."""
        results = super()._process_results(raw_page, query_string=query_string,
                                           spelling_query=spelling_query,
                                           result_class=result_class, facet_types=facet_types)
        if highlight:
            name = self.content_field_name
            texts = self._texts(results["results"])
            for result in results["results"]:
                result.highlighted = {name: [result_highlight.highlighted(
                    texts.get((result.model, result.pk), ""), query_string, self.schema[name])]}
        return results

    def _texts(self, results) -> dict:
        """{(model, pk): content text} of search results: stored, or prepared from the database."""
        name = self.content_field_name
        texts, missing = {}, defaultdict(list)
        for result in results:
            if getattr(result, name, None) is not None:
                texts[result.model, result.pk] = str(getattr(result, name))
            else:
                missing[result.model].append(result.pk)
        for model, pks in missing.items():
            index = self._unified_index().get_index(model)
            for pk, obj in index.read_queryset(using=self.connection_alias).in_bulk(pks).items():
                texts[model, str(pk)] = self._prepared_text(obj)
        return texts

    def create_spelling_suggestion(self, query_string):
        """Whoosh's nearest words of the index for each word of the query; on our word
        fields each word of the query as cut by jieba, among whole words only."""
        if self.content_field_name not in self.chinese_fields:
            return super().create_spelling_suggestion(query_string)
        return suggestions.suggest(self.searcher().reader(), self.content_field_name,
                                   force_str(query_string))

    # -- reading: one searcher, refreshed when the index changes ------------------------
    # (haystack keeps one backend per thread, so this is one searcher per thread)

    def searcher(self):
        with index_errors():
            self._open()
            if self._searcher is None:
                self._searcher = self.index.searcher()
            else:
                self._searcher = refreshed(self._searcher)
            return self._searcher

    def _open(self, writing: int = 0) -> None:
        """(Re)open the index when it is not open or its folder was swapped: rebuild_index
        swaps in a new folder, whose generation may equal the old one's. A deleted folder
        raises FileNotFoundError here."""
        if not self.setup_complete or self._folder() != self._opened_folder:
            self._refuse_to_replace_a_missing_index(writing)
            self.setup()

    def _refuse_to_replace_a_missing_index(self, writing: int = 0) -> None:
        """haystack's setup creates an empty index where it finds none: right on a new
        installation, but where the database holds indexed objects (beyond the ``writing``
        ones a first import is adding) a search would quietly find nothing. Then the index is
        missing (a 503 until check_index --repair)."""
        if not self.use_file_storage or self._index_exists():
            return
        indexes = self._unified_index().get_indexes().values()
        querysets = [index.index_queryset(using=self.connection_alias) for index in indexes]
        if (any(queryset.exists() for queryset in querysets) if not writing
                else sum(queryset.count() for queryset in querysets) > writing):
            raise IndexMissing("搜索索引不存在，请运行 manage.py check_index --repair")


def _tiered_merge(writer, segments):
    """A Whoosh merge policy: merge MERGE_FACTOR segments of one size tier once there are
    that many, up to MAX_MERGED_DOCS documents.

    Tiers are powers of MERGE_FACTOR (1–7 documents, 8–63, 64–511…), so a document is
    merged again only each time its segment grows eightfold, and no commit rewrites the
    large segments rebuild_index writes (Whoosh's own policy merges every segment at
    times: 25 s for 100 reports, inside the upload that triggered it).
    """
    from whoosh.reading import SegmentReader

    tiers = defaultdict(list)
    for segment in segments:
        tiers[int(math.log(max(segment.doc_count_all(), 1), MERGE_FACTOR))].append(segment)
    for tier in sorted(tiers):
        group = sorted(tiers[tier], key=lambda segment: segment.doc_count_all())[:MERGE_FACTOR]
        if len(group) == MERGE_FACTOR and sum(s.doc_count_all() for s in group) <= MAX_MERGED_DOCS:
            for segment in group:
                reader = SegmentReader(writer.storage, writer.schema, segment)
                writer.add_reader(reader)
                reader.close()
            return [segment for segment in segments if segment not in group]
    return segments


class ChineseWhooshSearchQuery(WhooshSearchQuery):
    def run_mlt(self, **kwargs):
        """haystack's, asking the backend for the slice of the query set only (haystack's
        Whoosh query asks for every similar document, even for ``[:5]``)."""
        kwargs.setdefault("start_offset", self.start_offset)
        kwargs.setdefault("end_offset", self.end_offset)
        super().run_mlt(**kwargs)


class ChineseWhooshEngine(BaseEngine):
    backend = ChineseWhooshSearchBackend
    query = ChineseWhooshSearchQuery
