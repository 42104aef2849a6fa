"""The original files of reports: written on a disk that may be full, deleted with their report.

A full disk shows up as OSError(ENOSPC) from a file write (the original, the search index)
or as SQLite's "database or disk is full" (or "readonly database", where config/sqlite opened
the database read-only on a full disk). ``refusing_when_disk_full`` turns both into
DiskFull, which importing reports like any other refusal; the transaction has been undone
by then, and OriginalsStorage removes the part of an original it could not finish.
"""
from __future__ import annotations

import errno
import os
from contextlib import contextmanager, suppress

from django.core.files.storage import FileSystemStorage
from django.db import OperationalError, transaction

SQLITE_FULL = "disk is full"  # SQLite's message: "database or disk is full"
SQLITE_READ_ONLY = "readonly database"  # a database opened read-only because the disk is full


class DiskFull(Exception):
    """No space left to store a report."""


def is_disk_full(error: BaseException) -> bool:
    return ((isinstance(error, OSError) and error.errno == errno.ENOSPC)
            or (isinstance(error, OperationalError)
                and (SQLITE_FULL in str(error) or SQLITE_READ_ONLY in str(error))))


@contextmanager
def refusing_when_disk_full():
    try:
        yield
    except (OSError, OperationalError) as error:
        if not is_disk_full(error):
            raise
        raise DiskFull("服务器磁盘空间已满，报告未保存；请管理员清理磁盘后再上传") from error


def delete_original(sender, instance, **kwargs):
    """A deleted report's original file goes too, once the deletion is committed."""
    if instance.source_file:
        name, storage = instance.source_file.name, instance.source_file.storage
        transaction.on_commit(lambda: storage.delete(name), robust=True)


class OriginalsStorage(FileSystemStorage):
    """FileSystemStorage that deletes a file it could not finish writing.

    Django's own leaves the truncated file. ``name`` is the free name chosen just before
    (get_available_name), which _save created with O_EXCL.
    """

    def _save(self, name, content):
        try:
            return super()._save(name, content)
        except FileExistsError:
            raise
        except OSError:
            with suppress(FileNotFoundError):
                os.remove(self.path(name))
            raise
