"""A full disk while a report is stored: the upload says so and leaves nothing behind.

A small file system cannot be mounted without root, so the disk fills by fault injection:
writes of the original, of the search index, or of the database raise what a full disk
raises (OSError ENOSPC; SQLite's "database or disk is full").
"""
import errno
import io
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import OperationalError, connections
from whoosh.filedb.structfile import StructFile

from archive.importing import ImportRefused, import_report
from archive.models import Report
from search import services
from search.params import SearchParams
from tests.archive.test_admin import UPLOAD, staff_client  # noqa: F401 (a fixture)
from tests.documents import docx_bytes

pytestmark = pytest.mark.django_db

FULL = "磁盘空间已满"


def no_space():
    return OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


class FillingFile(io.RawIOBase):
    """A file of the uploads folder on a disk with ``room`` bytes left: it writes that much."""

    def __init__(self, fd, room):
        self.fd, self.room = fd, room

    def writable(self):
        return True

    def write(self, data):
        if len(data) > self.room:
            os.write(self.fd, bytes(data[:self.room]))
            self.room = 0
            raise no_space()
        self.room -= len(data)
        return os.write(self.fd, data)

    def close(self):
        if not self.closed:
            os.close(self.fd)
        super().close()


def originals_disk_full(monkeypatch, room=100):
    from django.core.files.storage import filesystem
    monkeypatch.setattr(filesystem.os, "fdopen", lambda fd, mode="rb", *a, **k: FillingFile(fd, room))


def index_disk_full(monkeypatch):
    def write(self, data):
        raise no_space()
    monkeypatch.setattr(StructFile, "write", write)


def database_disk_full(monkeypatch):
    def refuse_inserts(execute, sql, params, many, context):
        if sql.lstrip().upper().startswith("INSERT") and "archive_section" in sql:
            raise OperationalError("database or disk is full")
        return execute(sql, params, many, context)
    database = connections["default"]
    monkeypatch.setattr(database, "execute_wrappers", [*database.execute_wrappers, refuse_inserts])


FULL_DISKS = {"originals": originals_disk_full, "index": index_disk_full,
              "database": database_disk_full}


@pytest.fixture(params=FULL_DISKS)
def full_disk(request, monkeypatch, media_in_tmp):
    FULL_DISKS[request.param](monkeypatch)
    yield request.param
    monkeypatch.undo()
    assert Report.objects.count() == 0
    assert not [path for path in media_in_tmp.rglob("*") if path.is_file()]  # no truncated file
    assert services.search(SearchParams(q="鞋服产业集群")).count == 0


def test_an_import_on_a_full_disk_is_refused_and_stores_nothing(full_disk):
    with pytest.raises(ImportRefused, match=FULL):
        import_report(docx_bytes(), "report.docx")


def test_the_admin_upload_says_the_disk_is_full(full_disk, staff_client):  # noqa: F811
    response = staff_client.post(UPLOAD, {"file": SimpleUploadedFile("report.docx", docx_bytes())})
    assert response.status_code == 200
    assert FULL in response.content.decode()


def test_the_same_upload_goes_through_once_there_is_room(monkeypatch):
    originals_disk_full(monkeypatch)
    with pytest.raises(ImportRefused):
        import_report(docx_bytes(), "report.docx")
    monkeypatch.undo()
    import_report(docx_bytes(), "report.docx")
    assert services.search(SearchParams(q="鞋服产业集群")).count == 1
