"""Build a whole new index beside the live one, then swap it in.

Haystack's rebuild_index empties the live index first, so searches find nothing
until it is done (or for good, if it dies half-way). Here the live index keeps
answering until the new one is complete.

Documents are analysed on every core: Whoosh's multiprocessing writer hands batches
of documents to one worker process per core, each writing a segment of its own, kept
as it is at commit rather than merged (merging would redo in one process what the
workers did in parallel).
"""
from __future__ import annotations

import ctypes
import os
import shutil
import signal
from functools import partial
from multiprocessing.util import register_after_fork
from pathlib import Path

from whoosh.filedb.filestore import FileStorage
from whoosh.multiproc import MpWriter

from archive.models import Report
from search.codec import ArchiveCodec
from search.indexing import backend, report_documents, unified_index


WRITER_MB = 256  # per process: fewer, larger runs to merge


def rebuild(progress=None, processes: int | None = None) -> int:
    """Index every report into a fresh folder and swap it for the live index; returns documents."""
    engine = backend()
    # The schema comes from the search indexes, not from the live index, which may be
    # missing or damaged: that is what a rebuild mends.
    _, schema = engine.build_schema(unified_index().all_searchfields())
    live = Path(engine.path)
    building = live.with_name(live.name + ".building")
    shutil.rmtree(building, ignore_errors=True)
    building.mkdir(parents=True)
    new_index = FileStorage(str(building)).create_index(schema)
    documents = 0
    processes = processes or os.cpu_count() or 1
    if processes > 1:
        writer = MpWriter(new_index, procs=processes, batchsize=256, multisegment=True,
                          limitmb=WRITER_MB, codec=ArchiveCodec())
        register_after_fork(writer, partial(_end_with_parent, os.getpid()))
    else:
        writer = new_index.writer(limitmb=WRITER_MB, codec=ArchiveCodec())
    try:
        reports = Report.objects.order_by("pk")
        total = reports.count()
        for position, report in enumerate(reports.iterator(chunk_size=50), start=1):
            for index, obj in report_documents(report):
                writer.add_document(**engine.document(index, obj))
                documents += 1
            if progress:
                progress(position, total, report)
        writer.commit()
    except BaseException:
        for worker in getattr(writer, "tasks", []):
            worker.terminate()  # MpWriter.cancel only flags them, in this process
        writer.cancel()
        shutil.rmtree(building, ignore_errors=True)
        raise
    swap_in(building, live)
    engine.setup()
    return documents


def _end_with_parent(parent: int, _writer) -> None:
    """In each worker process: be killed with the rebuild (Linux), not left writing after it."""
    ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the rebuild died before prctl took effect
        os._exit(1)


def swap_in(building: Path, live: Path) -> None:
    """Two renames: the live index is replaced, never left half-written."""
    retired = live.with_name(live.name + ".old")
    shutil.rmtree(retired, ignore_errors=True)
    if live.exists():
        live.rename(retired)
    building.rename(live)
    shutil.rmtree(retired, ignore_errors=True)
