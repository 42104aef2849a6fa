"""Build a whole new index beside the live one, then swap it in.

Haystack's rebuild_index empties the live index first, so searches find nothing
until it is done (or for good, if it dies half-way). Here the live index keeps
answering until the new one is complete.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from whoosh.filedb.filestore import FileStorage

from archive.models import Report
from search.indexing import backend, report_documents


def rebuild(progress=None) -> int:
    """Index every report into a fresh folder and swap it for the live index; returns documents."""
    engine = backend()
    if not engine.setup_complete:
        engine.setup()
    live = Path(engine.path)
    building = live.with_name(live.name + ".building")
    shutil.rmtree(building, ignore_errors=True)
    building.mkdir(parents=True)
    new_index = FileStorage(str(building)).create_index(engine.schema)
    documents = 0
    writer = new_index.writer(limitmb=256)
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
        writer.cancel()
        shutil.rmtree(building, ignore_errors=True)
        raise
    swap_in(building, live)
    engine.setup()
    return documents


def swap_in(building: Path, live: Path) -> None:
    """Two renames: the live index is replaced, never left half-written."""
    retired = live.with_name(live.name + ".old")
    shutil.rmtree(retired, ignore_errors=True)
    if live.exists():
        live.rename(retired)
    building.rename(live)
    shutil.rmtree(retired, ignore_errors=True)
