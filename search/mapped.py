"""A segment's files read from the memory map of its compound file, not copied out of it.

Whoosh 2.7 maps a segment's compound file (.seg) and opens each file inside it as a
BufferFile over a slice of the map, whose __init__ makes BytesIO(slice), a private copy
of the whole file: every reader of a segment, in every process, copied its postings and
terms into memory on opening. At 5,000 reports that was the whole index in each search
server's private memory, and a third of a second per segment each time a writer opened
the index to delete a report's old documents. MappedFile reads the same bytes through the
map: get() slices it, as BufferFile's does, and read/seek go through a SubFile of the map,
which seeks the map before each read (the files of one segment share the map's position).

ArchiveCodec's segments (ArchiveSegment) open their compound file this way; segments
written before keep Whoosh's class and its copies until a rebuild or merge rewrites them.
"""
from __future__ import annotations

from whoosh.codec.whoosh3 import W3Segment
from whoosh.filedb.compound import CompoundStorage, SubFile
from whoosh.filedb.structfile import BufferFile


class MappedFile(BufferFile):
    def __init__(self, source, offset: int, length: int, name=None):
        # (not BufferFile's __init__: that is the copy)
        self._buf = memoryview(source)[offset:offset + length]
        self._name = name
        self.file = SubFile(source, offset, length, name=name)
        self.onclose = None
        self.is_real = False
        self.is_closed = False


class MappedCompoundStorage(CompoundStorage):
    def open_file(self, name, *args, **kwargs):
        if self._source is None:  # not mapped (no file number, or no memory for the map)
            return super().open_file(name, *args, **kwargs)
        offset, length = self.range(name)
        return MappedFile(self._source, offset, length, name=name)


class ArchiveSegment(W3Segment):
    def open_compound_file(self, storage):
        dbfile = storage.open_file(self.make_filename(self.COMPOUND_EXT))
        return MappedCompoundStorage(dbfile, use_mmap=storage.supports_mmap)
