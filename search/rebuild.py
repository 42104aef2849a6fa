"""Build a whole new index beside the live one, then swap it in.

Haystack's rebuild_index empties the live index first, so searches find nothing
until it is done (or for good, if it dies half-way). Here the live index keeps
answering until the new one is complete.

This process reads the reports and makes their documents; worker processes, one per
core, each write segments of their own (search.term_lists), kept as they are rather
than merged (merging would redo in one process what the workers did in parallel).
"""
from __future__ import annotations

import ctypes
import multiprocessing
import os
import pickle
import queue
import shutil
import signal
import traceback
from itertools import islice
from pathlib import Path

from whoosh.filedb.filestore import FileStorage
from whoosh.writing import SegmentWriter

from archive.models import Report
from search.codec import ArchiveCodec
from search.indexing import backend, report_documents, unified_index
from search.term_lists import POSTINGS_PER_REBUILD, TermListWriter

BATCH = 256       # documents handed to a worker at a time
WAIT_SECONDS = 1  # between checks that the workers are still alive
STOPPED = "an index worker stopped before its segments were written"


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
    documents = _documents(engine, progress)
    try:
        processes = processes or os.cpu_count() or 1
        limit = POSTINGS_PER_REBUILD // processes   # postings a writer keeps before writing
        if processes > 1:
            segments = _in_workers(new_index, documents, processes, limit)
        else:
            segments = _write_segments(new_index, documents, limit)
        _commit(new_index, segments)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    finally:
        # Its database cursor closes now, not whenever the abandoned generator is collected:
        # on PostgreSQL that may be after a rollback that already dropped the cursor.
        documents.close()
    swap_in(building, live)
    engine.setup()
    return sum(segment.doc_count_all() for segment in segments)


def _documents(engine, progress):
    reports = Report.objects.order_by("pk")
    total = reports.count()
    for position, report in enumerate(reports.iterator(chunk_size=50), start=1):
        for index, obj in report_documents(report):
            yield engine.document(index, obj)
        if progress:
            progress(position, total, report)


def _write_segments(index, documents, limit: int) -> list:
    """Documents into segments of one new index, a new segment past ``limit`` postings."""
    segments, writer = [], None
    try:
        for document in documents:
            if writer is None:
                writer = TermListWriter(index, _lk=False, codec=ArchiveCodec())
            writer.add_document(**document)
            if writer.pool.postings >= limit:
                segments.append(writer.finish())
                writer = None
        if writer is not None:
            segments.append(writer.finish())
        return segments
    except BaseException:
        if writer is not None:
            writer.abandon()
        raise


def _in_workers(index, documents, processes: int, limit: int) -> list:
    """The segments worker processes write from the documents handed to them in batches."""
    context = multiprocessing.get_context("fork")   # the workers need no import of their own
    batches, results = context.Queue(maxsize=2 * processes), context.Queue()
    workers = [context.Process(target=_worker, daemon=True,
                               args=(index, batches, results, limit, os.getpid()))
               for _ in range(processes)]
    for worker in workers:
        worker.start()
    try:
        documents = iter(documents)
        while batch := list(islice(documents, BATCH)):
            _put(batches, batch, workers, results)
        for _ in workers:
            _put(batches, None, workers, results, finishing=True)   # segments come back now
        segments = []
        for _ in workers:
            outcome = _get(results, workers)
            if isinstance(outcome, BaseException):
                raise outcome
            segments += outcome
        return segments
    finally:
        for worker in workers:
            if worker.is_alive():
                worker.terminate()
            worker.join()
        batches.cancel_join_thread()   # batches no worker will read must not hold this process
        batches.close()


def _worker(index, batches, results, limit: int, parent: int) -> None:
    _end_with_parent(parent)

    def batched():
        while (batch := batches.get()) is not None:
            yield from batch

    try:
        results.put(_write_segments(index, batched(), limit))
    except BaseException as error:
        results.put(_sendable(error))


def _sendable(error: BaseException) -> BaseException:
    """``error`` if the parent can receive it whole, else a RuntimeError with its traceback."""
    try:
        return pickle.loads(pickle.dumps(error))
    except Exception:
        return RuntimeError(f"{type(error).__name__}: {error}\n{traceback.format_exc()}")


def _put(batches, item, workers, results, finishing: bool = False) -> None:
    """Hand ``item`` to the workers. Until they are told to finish, only errors come back:
    the first one is raised at once."""
    while True:
        if not finishing and not results.empty():
            raise _failure(results)
        _check_stopped(workers, results)
        try:
            return batches.put(item, timeout=WAIT_SECONDS)
        except queue.Full:
            pass


def _get(results, workers):
    while True:
        try:
            return results.get(timeout=WAIT_SECONDS)
        except queue.Empty:
            _check_stopped(workers, results)


def _check_stopped(workers, results) -> None:
    """Raise if a worker was killed (it may have died holding a queue's lock, which would
    stall the others) or none is left."""
    if any(worker.exitcode not in (None, 0) for worker in workers) or not any(
            worker.is_alive() for worker in workers):
        raise _failure(results)


def _failure(results) -> BaseException:
    """The first error a worker sent, or STOPPED if none sent one (it was killed)."""
    while True:
        try:
            outcome = results.get(timeout=WAIT_SECONDS)
        except queue.Empty:
            return RuntimeError(STOPPED)
        if isinstance(outcome, BaseException):
            return outcome


def _commit(index, segments: list) -> None:
    """The new index's table of contents, naming every segment the writers wrote."""
    writer = SegmentWriter(index, _lk=False, codec=ArchiveCodec())
    writer._close_segment()   # its own, empty: its files are deleted as unnamed
    writer._commit_toc(segments)
    writer._finish()


def _end_with_parent(parent: int) -> None:
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
