"""A searcher reopened after a commit keeps the readers of the segments that did not change.

Whoosh 2.7's Searcher.refresh means to: FileIndex._reader keys the old readers by their
generation and looks them up by segment id, so it never finds one, closes them all and
opens every segment anew. A new reader reads its segment's document lengths, facet
columns and term lists again when asked (search.codec, search.facets, search.containing),
and its postings leave search.posting_cache: after an upload to an archive of 5,000
reports, the first search took longer than the upload. Here a segment's reader is kept
while its id and number of deleted documents stay the same (documents are only ever
deleted, never undeleted, so the count tells a change); the others are closed, as
Whoosh's reuse closes them.
"""
from __future__ import annotations

import time

from whoosh.reading import EmptyReader, MultiReader, SegmentReader
from whoosh.searching import Searcher

_RETRIES = 10  # as FileIndex.reader


def refreshed(searcher: Searcher) -> Searcher:
    """``searcher`` itself while the index is unchanged, else a new searcher of its index
    (the old one is closed: don't use it afterward, as with Whoosh's refresh)."""
    if searcher.up_to_date():
        return searcher
    index = searcher._ix
    reader = while_writers_commit(lambda: _reader(index, searcher.reader()))
    searcher.is_closed = True
    return Searcher(reader, fromindex=index, weighting=searcher.weighting)


def while_writers_commit(read):
    """``read()``, tried again when a file it opens is gone: a writer's commit deletes the
    table of contents it replaces and the segments it merged away, between a reader's
    listing of the files and its opening them (Whoosh's FileIndex.reader tries again too)."""
    for retry in range(_RETRIES):
        try:
            return read()
        except OSError:
            if retry == _RETRIES - 1:
                raise
            time.sleep(0.05)


def _reader(index, previous):
    toc = index._read_toc()
    unchanged = {_state(reader.segment()): reader for reader, _ in previous.leaf_readers()
                 if isinstance(reader, SegmentReader)}
    readers, opened = [], []
    try:
        for segment in toc.segments:
            reader = unchanged.pop(_state(segment), None)
            if reader is None:
                reader = SegmentReader(index.storage, toc.schema, segment)
                opened.append(reader)
            readers.append(reader)
    except OSError:
        for reader in opened:
            reader.close()
        raise
    for reader in readers:
        reader._gen = toc.generation  # what up_to_date compares with the index's
    for reader in unchanged.values():  # segments merged away or with documents deleted
        reader.close()
    if not readers:
        return EmptyReader(toc.schema)
    return readers[0] if len(readers) == 1 else MultiReader(readers, generation=toc.generation)


def _state(segment) -> tuple:
    return segment.segment_id(), segment.deleted_count()
