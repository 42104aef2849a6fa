"""A search index that cannot be read: one exception for the views to answer with a 503."""
from __future__ import annotations

import logging
import pickle
import struct
import zlib
from contextlib import contextmanager

import whoosh.index

logger = logging.getLogger(__name__)

MESSAGE = "搜索索引正在重建或不可用，请稍后再试。"

# What Whoosh raises on a missing, truncated or garbled index, found by experiment:
# a deleted folder or TOC (EmptyIndexError), junk in the TOC (whoosh.index.IndexError,
# struct.error; TypeError when it is empty), junk or truncated segments (OSError,
# EOFError, FileNotFoundError) and damaged stored fields, read only at query time (zlib.error).
DAMAGE = (whoosh.index.IndexError, OSError, EOFError, struct.error, zlib.error,
          pickle.UnpicklingError, TypeError)


class IndexUnavailable(Exception):
    """The search index is missing or unreadable; searching waits for check_index --repair."""


class IndexMissing(IndexUnavailable):
    """There is no index at all (as on a fresh installation before its first import)."""


@contextmanager
def index_errors():
    """Turn Whoosh's ways of failing on a damaged index into IndexUnavailable (the cause logged)."""
    try:
        yield
    except DAMAGE as error:
        logger.error("search index unavailable: %r", error, exc_info=True)
        raise IndexUnavailable(f"搜索索引无法读取 (search index unreadable: {error!r})") from error
