"""Our haystack engine: Whoosh with jieba-segmented Chinese text.

What it changes from haystack's WhooshSearchBackend, and why:
- the schema: each text field becomes a jieba word field with positions (ranking and
  phrases) and a single-token field (one character; search.analysis); no text is
  stored (hits read it from the database) or sortable (that stored every body twice);
  region, kind and year are exact terms with columns, for filters and fast facets;
  postings are packed (search.codec), and an index written in another layout is
  refused (IndexOutdated);
- writes: one writer at a time, waiting for Whoosh's lock with a timeout, never
  failing silently (a swallowed LockError once left a deleted report searchable).
  A commit only adds its segment: merging segments (which Whoosh's default policy
  does now and then, for tens of seconds on a large index) would run inside the
  database transaction that indexes a report and hold its lock; small segments are
  merged afterwards by merge_small_segments, outside any transaction;
- reads: one searcher per thread, reopened when the index has changed or has been
  swapped for a rebuilt one, instead of three new readers per query; queries are Whoosh
  query objects built by search.querying, never strings re-parsed by haystack (which
  lowercases OR). A missing or damaged index raises search.errors.IndexUnavailable.
"""
from __future__ import annotations

import math
import os
import time
from collections import defaultdict
from contextlib import contextmanager

import whoosh.index
from haystack.backends import BaseEngine
from haystack.backends.whoosh_backend import WhooshSearchBackend, WhooshSearchQuery
from haystack.constants import DJANGO_CT, DJANGO_ID, ID
from haystack.exceptions import SearchBackendError
from haystack.utils import get_identifier
from whoosh.fields import ID as WHOOSH_ID
from whoosh.fields import NUMERIC, Schema
from whoosh.index import LockError

from archive.signals import StoreBlocked
from search.analysis import text_fields, text_values
from search.codec import ArchiveCodec
from search.errors import IndexMissing, check_layout, index_errors

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
        super().setup()
        self.setup_complete = False  # until the layout on disk is known to be ours
        # (self.index was opened with our schema; the one on disk is in its TOC)
        check_layout(self.index.storage.open_index().schema, self.schema)
        self.setup_complete = True
        self._searcher = None
        self._opened_folder = os.stat(self.path).st_ino

    def build_schema(self, fields):
        schema = {
            ID: WHOOSH_ID(stored=True, unique=True),
            DJANGO_CT: WHOOSH_ID(stored=True),
            DJANGO_ID: WHOOSH_ID(stored=True),
        }
        content_field_name = ""
        self.chinese_fields = []
        for field in fields.values():
            name = field.index_fieldname
            if field.field_type == "chinese_text":
                schema.update(text_fields(name))
                self.chinese_fields.append(name)
            elif field.field_type == "integer":
                schema[name] = NUMERIC(int, bits=32, stored=True, sortable=True)
            elif field.field_type == "exact" and field.indexed:
                schema[name] = WHOOSH_ID(stored=field.stored, sortable=True)
            elif field.indexed:
                schema[name] = WHOOSH_ID(stored=field.stored)
            else:
                schema[name] = WHOOSH_ID(stored=True)
            if field.document:
                content_field_name = name
        return content_field_name, Schema(**schema)

    # -- writing: one place, one writer ------------------------------------------------

    @contextmanager
    def writer(self, writing_report: int | None = None):
        """The index's only writer: waits for the lock, commits on success, else cancels.

        A missing or unreadable index is never written to (IndexUnavailable): a fresh one
        would hold only this write, and searches would quietly find nothing else. Only a
        new installation, whose database holds no report but ``writing_report``, starts one.
        """
        with index_errors():
            self._open(writing_report)
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
            writer.commit(merge=False)

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
            for obj in iterable:
                writer.update_document(**self.document(index, obj))

    def replace_report(self, report_id: int, documents: list[tuple]) -> None:
        """Swap all documents of one report for new ones in a single commit."""
        with self.writer(writing_report=report_id) as writer:
            writer.delete_by_term("report_id", report_id)
            for index, obj in documents:
                writer.add_document(**self.document(index, obj))

    def remove_report(self, report_id: int) -> None:
        with self.writer() as writer:
            writer.delete_by_term("report_id", report_id)

    def remove(self, obj_or_string, commit=True):
        with self.writer() as writer:
            writer.delete_by_term(ID, get_identifier(obj_or_string))

    def document(self, index, obj) -> dict:
        """The Whoosh document for ``obj``: haystack's fields, each text with its twins."""
        document = {key: self._from_python(value)
                    for key, value in index.full_prepare(obj).items() if key != "boost"}
        for name in self.chinese_fields:
            document.update(text_values(name, document.get(name, "")))
        return document

    # -- reading: one searcher, refreshed when the index changes ------------------------
    # (haystack keeps one backend per thread, so this is one searcher per thread)

    def searcher(self):
        with index_errors():
            self._open()
            if self._searcher is None:
                self._searcher = self.index.searcher()
            elif not self._searcher.up_to_date():
                self._searcher = self._searcher.refresh()
            return self._searcher

    def _open(self, writing_report: int | None = None) -> None:
        """(Re)open the index when it is not open or its folder was swapped: rebuild_index
        swaps in a new folder, whose generation may equal the old one's. A deleted folder
        raises FileNotFoundError here."""
        if not self.setup_complete or os.stat(self.path).st_ino != self._opened_folder:
            self._refuse_to_replace_a_missing_index(writing_report)
            self.setup()

    def _refuse_to_replace_a_missing_index(self, writing_report: int | None = None) -> None:
        """haystack's setup creates an empty index where it finds none: right on a new
        installation, but where the database holds reports a search would quietly find
        nothing. Then the index is missing (a 503 until check_index --repair)."""
        from archive.models import Report

        if (self.use_file_storage and not whoosh.index.exists_in(self.path)
                and Report.objects.exclude(pk=writing_report).exists()):
            raise IndexMissing(f"搜索索引不存在，请运行 manage.py check_index --repair "
                               f"(search index missing at {self.path})")


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


class ChineseWhooshEngine(BaseEngine):
    backend = ChineseWhooshSearchBackend
    query = WhooshSearchQuery
