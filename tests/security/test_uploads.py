"""Hostile uploads, through the admin and the import command.

Every refused file must leave no trace: the same Report/Section/Indicator counts, the
same documents in the search index, and no new file anywhere in the test's folder
(uploads, index, elsewhere). The reason is told in Chinese. Whether a format is read
correctly is tests/parsing/test_reading.py's business; here it is what reaches the user.
"""
from __future__ import annotations

import functools
import io
import random
import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from opencc import OpenCC
from pypdf import PdfReader, PdfWriter

from archive.importing import ImportRefused, import_report
from archive.models import Indicator, Report, Section
from archive.parsing.document import ReportMetadata
from search.indexing import backend
from tests.documents import SMALL_REPORT, docx_bytes, pdf_bytes, pdf_with_text, text_bytes

pytestmark = pytest.mark.django_db
UPLOAD = "/admin/archive/report/upload/"
BOUNDARY = "zhengbao-test-boundary"


# --- hostile files ------------------------------------------------------------------------

def garbage() -> bytes:
    return random.Random(6).randbytes(8192)


def elf() -> bytes:
    header = b"\x7fELF\x02\x01\x01" + bytes(9) + struct.pack("<HHI", 2, 0x3E, 1)
    return header + random.Random(1).randbytes(4000)


def windows_exe() -> bytes:
    dos = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + bytes(44)
    dos += struct.pack("<I", 0x80) + bytes(64)  # where the PE header starts
    return dos + b"PE\x00\x00" + random.Random(2).randbytes(4000)


def _zip(members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@functools.cache
def docx_bomb() -> bytes:
    """word/document.xml inflates to 60 MB from a file of about 60 KB."""
    return _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b" " * (60 << 20)})


@functools.cache
def lying_docx_bomb() -> bytes:
    """A .docx that declares 1 KB for word/document.xml but inflates to 8 MB."""
    data = _replace_member(docx_bytes(), "word/document.xml", b"<" + b" " * (8 << 20))
    real = struct.pack("<I", (8 << 20) + 1)
    small = struct.pack("<I", 1024)
    # the uncompressed size is stored in the local header and in the central directory
    assert data.count(real) == 2
    return data.replace(real, small)


def entity_bomb_docx() -> bytes:
    """A billion-laughs document.xml inside an otherwise complete .docx."""
    entities = '<!ENTITY a0 "哈哈哈哈哈哈哈哈哈哈">' + "".join(
        f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10))
    xml = ('<?xml version="1.0"?><!DOCTYPE w:document [' + entities + ']>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           '<w:body><w:p><w:r><w:t>&a9;</w:t></w:r></w:p></w:body></w:document>')
    return _replace_member(docx_bytes(), "word/document.xml", xml.encode())


def external_entity_docx() -> bytes:
    """A .docx whose text refers to /etc/passwd through an external entity (XXE)."""
    xml = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           '<w:body><w:p><w:r><w:t>各位代表：&xxe;</w:t></w:r></w:p>'
           '<w:p><w:r><w:t>地区生产总值增长5%左右。</w:t></w:r></w:p></w:body></w:document>')
    return _replace_member(docx_bytes(), "word/document.xml", xml.encode())


def _replace_member(docx: bytes, name: str, data: bytes | None) -> bytes:
    """The .docx with one member replaced (or left out, for None)."""
    with zipfile.ZipFile(io.BytesIO(docx)) as source:
        members = {item: source.read(item) for item in source.namelist()}
    if data is None:
        del members[name]
    else:
        members[name] = data
    return _zip(members)


def text_layer_pdf() -> bytes:
    return pdf_with_text("Government Work Report of the Demo City, text layer")


@functools.cache
def pdf_bomb() -> bytes:
    """A page whose content stream inflates to 100 MB from about 100 KB."""
    stream = b"BT /F1 14 Tf 72 720 Td (Report) Tj ET\n" + b" " * (100 << 20)
    return pdf_bytes(zlib.compress(stream, 9), b" /Filter /FlateDecode")


def encrypted_pdf() -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_layer_pdf())))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@dataclass(frozen=True)
class Hostile:
    build: Callable[[], bytes]
    name: str
    says: str  # a pattern the message must match

    def data(self) -> bytes:
        return self.build()


HOSTILE = {
    "empty": Hostile(lambda: b"", "report.txt", "空文件|文件为空"),
    "whitespace": Hostile(lambda: b" \r\n\t\n" * 10, "report.txt", "为空"),
    "garbage": Hostile(garbage, "report.txt", "二进制"),
    "elf-as-txt": Hostile(elf, "report.txt", "二进制"),
    "exe-as-docx": Hostile(windows_exe, "report.docx", "二进制"),
    "elf-as-pdf": Hostile(elf, "report.pdf", "二进制"),
    "docx-bomb": Hostile(docx_bomb, "bomb.docx", "过大"),
    "docx-bomb-lying-sizes": Hostile(lying_docx_bomb, "bomb.docx", "已损坏"),
    "docx-entity-bomb": Hostile(entity_bomb_docx, "laughs.docx", "已损坏"),
    "zip-without-document": Hostile(lambda: _zip({"a.txt": b"x"}), "report.docx", "不是 .docx"),
    "docx-without-content-types": Hostile(
        lambda: _replace_member(docx_bytes(), "[Content_Types].xml", None), "report.docx", "已损坏"),
    "docx-truncated": Hostile(lambda: docx_bytes()[:len(docx_bytes()) // 2], "report.docx", "已损坏"),
    "legacy-doc": Hostile(lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000), "report.doc",
                          ".docx"),
    "pdf-truncated": Hostile(lambda: text_layer_pdf()[:300], "report.pdf", "PDF"),
    "pdf-encrypted": Hostile(encrypted_pdf, "report.pdf", "加密"),
    "pdf-bomb": Hostile(pdf_bomb, "bomb.pdf", "PDF"),
    "utf16-broken": Hostile(lambda: b"\xff\xfe" + b"\x00\xd8" * 200, "report.txt", "编码"),
    "undecodable": Hostile(lambda: bytes(range(0x80, 0x100)) * 8, "report.txt", "编码"),
    "no-region-or-year": Hostile(lambda: "各位代表：\n\n今年要做好工作。".encode(), "report.txt", "无法从文件中识别"),
}


# --- the state that must not change -------------------------------------------------------

def indexed_documents() -> frozenset:
    """Every stored document of the search index, as comparable tuples."""
    searcher = backend().searcher()  # refreshed when the index has changed
    return frozenset(tuple(sorted(fields.items())) for fields in searcher.all_stored_fields())


def files_under(root: Path) -> set[Path]:
    return {path for path in root.rglob("*") if path.is_file()}


@dataclass(frozen=True)
class State:
    counts: tuple[int, int, int]
    documents: frozenset
    files: frozenset

    @classmethod
    def now(cls, root: Path) -> State:
        return cls((Report.objects.count(), Section.objects.count(), Indicator.objects.count()),
                   indexed_documents(), frozenset(files_under(root)))


@pytest.fixture
def stored():
    """One report already in the archive, so that "unchanged" compares a non-empty state."""
    return import_report(text_bytes(), "demo.txt").report


@pytest.fixture
def staff_client(client):
    # no password: hashing one costs more than the test
    client.force_login(User.objects.create(username="editor", is_staff=True, is_superuser=True))
    return client


def post_file(client, data: bytes, filename: str, **fields):
    """A multipart upload built by hand: the test client would clean the file name itself."""
    parts = [f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
             for key, value in fields.items()]
    parts.append(f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; '
                 f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'.encode()
                 + data + b"\r\n")
    parts.append(f"--{BOUNDARY}--\r\n".encode())
    return client.post(UPLOAD, data=b"".join(parts),
                       content_type=f"multipart/form-data; boundary={BOUNDARY}")


def errors(page: str) -> str:
    """The text of the form's error lists."""
    return " ".join(re.sub(r"<[^>]+>", "", found)
                    for found in re.findall(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', page, re.S))


# --- refused files ------------------------------------------------------------------------

@pytest.mark.parametrize("case", HOSTILE.values(), ids=HOSTILE.keys())
def test_admin_refuses_hostile_file_and_leaves_no_trace(staff_client, stored, tmp_path, settings, case):
    # uploads over 1 KB are spooled to a temporary file: it must be gone afterwards too
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1024
    settings.FILE_UPLOAD_TEMP_DIR = tmp_path / "spool"
    settings.FILE_UPLOAD_TEMP_DIR.mkdir()
    data = case.data()
    before = State.now(tmp_path)
    response = post_file(staff_client, data, case.name)
    assert response.status_code == 200
    page = response.content.decode()
    assert re.search(case.says, errors(page)), errors(page)
    assert State.now(tmp_path) == before


@pytest.mark.parametrize("case", HOSTILE.values(), ids=HOSTILE.keys())
def test_import_command_refuses_hostile_file_and_leaves_no_trace(stored, tmp_path, case):
    source = tmp_path / "incoming" / case.name
    source.parent.mkdir()
    source.write_bytes(case.data())
    before = State.now(tmp_path)
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_reports", str(source), stdout=io.StringIO(), stderr=err)
    assert case.name in err.getvalue() and re.search(case.says, err.getvalue()), err.getvalue()
    assert State.now(tmp_path) == before


def test_oversized_file_is_refused_by_admin_and_command(staff_client, stored, tmp_path, settings):
    settings.ARCHIVE_MAX_UPLOAD_BYTES = 500
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 100  # spooled to a temporary file, which must go
    settings.FILE_UPLOAD_TEMP_DIR = tmp_path / "spool"
    settings.FILE_UPLOAD_TEMP_DIR.mkdir()
    data = text_bytes()
    assert len(data) > 500
    source = tmp_path / "incoming" / "big.txt"
    source.parent.mkdir()
    source.write_bytes(data)
    before = State.now(tmp_path)
    page = post_file(staff_client, data, "big.txt").content.decode()
    assert "文件过大" in errors(page), errors(page)
    with pytest.raises(ImportRefused, match="文件过大"):
        import_report(data, "big.txt")
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_reports", str(source), stdout=io.StringIO(), stderr=err)
    assert "big.txt" in err.getvalue() and "文件过大" in err.getvalue(), err.getvalue()
    assert State.now(tmp_path) == before


def test_a_docx_cannot_read_files_of_the_server(staff_client):
    response = post_file(staff_client, external_entity_docx(), "xxe.docx", region="示范市", year=2025)
    assert response.status_code == 302, errors(response.content.decode())
    report = Report.objects.get()
    assert "各位代表" in report.text and "root:" not in report.text


# --- hostile file names -------------------------------------------------------------------

LONG = "报" * 296 + ".txt"               # 300 characters, 3 bytes each in UTF-8
LONG_WIDE = "𠀀" * 296 + ".txt"          # 300 characters, 4 bytes each
HOSTILE_NAMES = {
    "parent-dirs": ("../../x.txt", "x.txt"),
    "many-parent-dirs": ("../../../../../../../x.txt", "x.txt"),
    "dots-in-the-middle": ("a/../../../x.txt", "x.txt"),
    "windows-parent-dirs": ("..\\..\\x.txt", "x.txt"),
    "absolute": ("/etc/passwd.txt", "passwd.txt"),
    "windows-absolute": ("C:\\Windows\\System32\\x.txt", "x.txt"),
    "only-dots": ("...", "report"),
    "spaces": ("   ", "report"),
    "control-characters": ("a\x01b\x1f\x7fc.txt", "abc.txt"),
    "nul": ("a\x00b.txt", "ab.txt"),
    "html": ('<img src=x onerror=alert(1)>.txt', None),
    "long": (LONG, None),
}


@pytest.fixture
def deep_media(settings, tmp_path):
    """The uploads folder seven levels inside the test's folder, so that a name whose ``..``
    escaped it would still land where files_under(tmp_path) sees it."""
    settings.MEDIA_ROOT = tmp_path / "a" / "b" / "c" / "d" / "e" / "f" / "uploads"
    return settings.MEDIA_ROOT


def assert_stored_inside_media(report: Report, media_root: Path, tmp_path: Path, before: set[Path]):
    path = Path(report.source_file.path).resolve()
    assert path.is_file() and path.is_relative_to(media_root.resolve())
    assert len(path.name.encode()) <= 255
    assert report.source_file.read() == text_bytes()
    new = {file for file in files_under(tmp_path) - before if "whoosh" not in file.parts}
    assert new == {path}  # the one new file besides the index's, nothing elsewhere
    assert not Path("/etc/passwd.txt").exists() and not Path("/x.txt").exists()


@pytest.mark.parametrize("name, expected", HOSTILE_NAMES.values(), ids=HOSTILE_NAMES.keys())
def test_admin_keeps_a_hostile_name_inside_the_uploads_folder(staff_client, tmp_path, settings,
                                                               deep_media, name, expected):
    before = files_under(tmp_path)
    response = post_file(staff_client, text_bytes(), name)
    assert response.status_code == 302, errors(response.content.decode())
    report = Report.objects.get()
    assert_stored_inside_media(report, settings.MEDIA_ROOT, tmp_path, before)
    if expected:
        assert report.source_name == expected
    assert "/" not in report.source_name and "\\" not in report.source_name


def test_a_name_too_long_for_the_multipart_parser_is_a_bad_request(staff_client, stored, tmp_path):
    """Django refuses part headers over 1 KB (here 1,200 bytes of name) before any view runs."""
    before = State.now(tmp_path)
    assert post_file(staff_client, text_bytes(), LONG_WIDE).status_code == 400
    assert State.now(tmp_path) == before


@pytest.mark.parametrize("name", ["../../x.txt", "../../../../../../../x.txt", "..\\..\\x.txt",
                                  "/etc/passwd.txt", "a\x00b.txt", "a\nb\r.txt", ".", "..", "",
                                  LONG, LONG_WIDE])
def test_import_report_keeps_a_hostile_name_inside_the_uploads_folder(tmp_path, settings, deep_media,
                                                                      name):
    before = files_under(tmp_path)
    report = import_report(text_bytes(), name).report
    assert_stored_inside_media(report, settings.MEDIA_ROOT, tmp_path, before)
    assert report.source_name.isprintable() and "/" not in report.source_name


@pytest.mark.parametrize("name", ["", ".", ".."], ids=["empty", "dot", "dot-dot"])
def test_a_file_without_a_name_is_a_clear_form_error(staff_client, stored, tmp_path, name):
    """Django drops a file part whose name is empty, . or ..: the form says what happened."""
    before = State.now(tmp_path)
    response = post_file(staff_client, text_bytes(), name)
    assert response.status_code == 200
    message = errors(response.content.decode())
    assert "文件名" in message and "请" in message, message
    assert State.now(tmp_path) == before


def test_no_file_at_all_is_a_clear_form_error(staff_client, stored, tmp_path):
    before = State.now(tmp_path)
    response = staff_client.post(UPLOAD, {"region": "示范市"})
    assert "请选择" in errors(response.content.decode())
    assert State.now(tmp_path) == before


# --- hostile metadata ---------------------------------------------------------------------

@pytest.mark.parametrize("region", ["../../etc", "晋江市/../..", "a\\b", "a\x00b", "\u202e市"],
                         ids=["parent-dirs", "slash", "backslash", "nul", "bidi-override"])
def test_a_region_that_is_not_a_place_name_is_refused(staff_client, stored, tmp_path, region):
    """The region names a folder of the uploads and a URL (/regions/<region>/): no separators."""
    before = State.now(tmp_path)
    response = post_file(staff_client, text_bytes(), "report.txt", region=region)
    assert response.status_code == 200
    assert "地区" in errors(response.content.decode())
    with pytest.raises(ImportRefused, match="地区"):  # other bytes than stored's: not a duplicate
        import_report(text_bytes(encoding="gb18030"), "report.txt", ReportMetadata(region=region))
    assert State.now(tmp_path) == before


def test_admin_edit_cannot_turn_a_region_into_a_path(staff_client, stored, client):
    """A region with a slash would break every page that links to /regions/<region>/."""
    form = {"region": "示范市/../x", "year": stored.year, "kind": stored.kind, "title": stored.title,
            "meeting": "", "speaker": "", "office": "", "delivered_on": "",
            "sections-TOTAL_FORMS": 0, "sections-INITIAL_FORMS": 0,
            "indicators-TOTAL_FORMS": 0, "indicators-INITIAL_FORMS": 0}
    response = staff_client.post(f"/admin/archive/report/{stored.pk}/change/", form)
    assert response.status_code == 200
    assert "地区名称不能包含" in errors(response.content.decode())
    stored.refresh_from_db()
    assert stored.region == "示范市"
    assert client.get("/").status_code == 200


# --- the same file again ------------------------------------------------------------------

def test_duplicate_upload_links_to_the_stored_report_and_stores_nothing(staff_client, stored, tmp_path):
    before = State.now(tmp_path)
    response = post_file(staff_client, text_bytes(), "again.txt")
    assert response.status_code == 302
    assert response.url == f"/admin/archive/report/{stored.pk}/change/"
    page = staff_client.get(response.url).content.decode()
    assert "已在库中" in page and f'href="/reports/{stored.pk}/"' in page
    assert State.now(tmp_path) == before


def test_duplicate_import_changes_nothing(stored, tmp_path):
    before = State.now(tmp_path)
    outcome = import_report(text_bytes(), "again.txt")
    assert (outcome.status, outcome.report.pk) == ("unchanged", stored.pk)
    assert State.now(tmp_path) == before


# --- text in an undeclared encoding is read, not refused ----------------------------------

@pytest.mark.parametrize("encoding", ["gb18030", "big5", "utf-16-le", "utf-16-be", "utf-16"])
def test_text_in_an_undeclared_encoding_is_imported_as_written(staff_client, encoding):
    text = "\n\n".join(SMALL_REPORT)
    if encoding == "big5":  # the same report in traditional characters
        text = OpenCC("s2t").convert(text).replace("羣", "群")  # 羣 is not in Big5
    # the header parser knows simplified characters only: say where and when
    response = post_file(staff_client, text.encode(encoding), "report.txt", region="示范市", year=2025)
    assert response.status_code == 302, errors(response.content.decode())
    assert Report.objects.get().text.startswith(text.split("\n")[0])
    assert Section.objects.filter(text__contains=text[-12:]).exists()
