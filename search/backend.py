"""Our haystack engine: Whoosh with jieba-segmented Chinese text.

What it changes from haystack's WhooshSearchBackend, and why:
- the schema: text fields get a jieba word field and a character field (for single
  characters and strings jieba splits differently), nothing is made sortable (that
  stored every body twice), and region/kind are exact terms for filters and facets;
- writes: one writer at a time, waiting for Whoosh's lock with a timeout, never
  failing silently (a swallowed LockError once left a deleted report searchable);
- reads: one searcher per thread, reopened only when the index has changed, instead
  of three new readers per query; queries are Whoosh query objects built by
  search.querying, never strings re-parsed by haystack (which lowercases OR).
"""
from __future__ import annotations

import time
from contextlib import contextmanager

from django.conf import settings
from haystack.backends import BaseEngine
from haystack.backends.whoosh_backend import WhooshSearchBackend, WhooshSearchQuery
from haystack.constants import DJANGO_CT, DJANGO_ID, ID
from haystack.exceptions import SearchBackendError
from haystack.utils import get_identifier
from whoosh.fields import ID as WHOOSH_ID
from whoosh.fields import NUMERIC, Schema
from whoosh.index import LockError

from search.analysis import chars_field, configure_jieba, text_field_pair


class IndexBusy(SearchBackendError):
    """Another writer held the index lock for longer than the timeout."""


class ChineseWhooshSearchBackend(WhooshSearchBackend):
    def __init__(self, connection_alias, **options):
        super().__init__(connection_alias, **options)
        self.silently_fail = False
        self.lock_timeout = float(options.get("LOCK_TIMEOUT", 30))
        self._searcher = None

    def setup(self):
        configure_jieba(settings.DATA_DIR / "jieba")
        super().setup()
        self._searcher = None

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
                schema.update(text_field_pair(name, stored=True))
                self.chinese_fields.append(name)
            elif field.field_type == "integer":
                schema[name] = NUMERIC(int, bits=32, stored=True, sortable=True)
            elif field.indexed:
                schema[name] = WHOOSH_ID(stored=field.stored)
            else:
                schema[name] = WHOOSH_ID(stored=True)
            if field.document:
                content_field_name = name
        return content_field_name, Schema(**schema)

    # -- writing: one place, one writer ------------------------------------------------

    @contextmanager
    def writer(self):
        """The index's only writer: waits for the lock, commits on success, else cancels."""
        if not self.setup_complete:
            self.setup()
        deadline = time.monotonic() + self.lock_timeout
        while True:
            try:
                writer = self.index.writer(timeout=min(1.0, self.lock_timeout), delay=0.05)
                break
            except LockError as busy:
                if time.monotonic() >= deadline:
                    raise IndexBusy("搜索索引正被其他任务占用，请稍后再试 (index locked)") from busy
        try:
            yield writer
        except BaseException:
            writer.cancel()
            raise
        writer.commit()

    def update(self, index, iterable, commit=True):
        with self.writer() as writer:
            for obj in iterable:
                writer.update_document(**self.document(index, obj))

    def replace_report(self, report_id: int, documents: list[tuple]) -> None:
        """Swap all documents of one report for new ones in a single commit."""
        with self.writer() as writer:
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
        """The Whoosh document for ``obj``: haystack's fields plus each text's character twin."""
        document = {key: self._from_python(value)
                    for key, value in index.full_prepare(obj).items() if key != "boost"}
        for name in self.chinese_fields:
            document[chars_field(name)] = document.get(name, "")
        return document

    # -- reading: one searcher, refreshed when the index changes ------------------------
    # (haystack keeps one backend per thread, so this is one searcher per thread)

    def searcher(self):
        if not self.setup_complete:
            self.setup()
        if self._searcher is None:
            self._searcher = self.index.searcher()
        elif not self._searcher.up_to_date():
            self._searcher = self._searcher.refresh()
        return self._searcher


class ChineseWhooshEngine(BaseEngine):
    backend = ChineseWhooshSearchBackend
    query = WhooshSearchQuery
