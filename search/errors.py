"""A search index that cannot be read: one exception for the views to answer with a 503."""
from __future__ import annotations

import errno
import logging
import pickle
import struct
import zlib
from contextlib import contextmanager

import whoosh.index

from archive.signals import StoreBlocked

logger = logging.getLogger(__name__)

MESSAGE = "搜索索引正在重建或不可用，请稍后再试。"

# What Whoosh raises on a missing, truncated or garbled index, found by experiment:
# a deleted folder or TOC (EmptyIndexError), junk in the TOC (whoosh.index.IndexError,
# struct.error; TypeError when it is empty), junk or truncated segments (OSError,
# EOFError, FileNotFoundError) and damaged stored fields, read only at query time (zlib.error).
DAMAGE = (whoosh.index.IndexError, OSError, EOFError, struct.error, zlib.error,
          pickle.UnpicklingError, TypeError)


class IndexUnavailable(StoreBlocked):
    """The search index is missing or unreadable; searching waits for check_index --repair."""


class IndexMissing(IndexUnavailable):
    """There is no index at all (as on a fresh installation before its first import)."""


class IndexOutdated(IndexUnavailable):
    """The index was written by an earlier version in a layout this one does not read."""


def check_layout(stored_schema, schema) -> None:
    """Raise IndexOutdated where a field of ``schema`` is kept in another format on disk.

    Reading postings in the wrong format does not fail, it gives wrong positions, so
    the difference has to be looked for (the index's table of contents keeps its schema).
    """
    changed = sorted(name for name in schema.names()
                     if name in stored_schema and
                     type(stored_schema[name].format) is not type(schema[name].format))
    if changed:
        raise IndexOutdated(f"搜索索引是旧版格式（字段 {', '.join(changed)}），需要重建："
                            f"请运行 check_index --repair")


@contextmanager
def index_errors():
    """Turn Whoosh's ways of failing on a damaged index into IndexUnavailable (the cause logged).

    A full disk is not damage: that OSError passes as it is (archive.storage_errors names it).
    """
    try:
        yield
    except DAMAGE as error:
        if isinstance(error, OSError) and error.errno == errno.ENOSPC:
            raise
        logger.error("search index unavailable: %r", error, exc_info=True)
        raise IndexUnavailable(f"搜索索引无法读取，请运行 manage.py check_index --repair："
                               f"{error!r}") from error
