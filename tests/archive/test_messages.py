"""What a refused file is told: in Chinese only, and a misnamed file says what it is not."""
import re

import pytest

from archive.importing import ImportRefused, import_report
from archive.parsing.document import ReportMetadata
from tests.documents import blank_pdf_bytes, docx_bytes, text_bytes

pytestmark = pytest.mark.django_db

GIVEN = ReportMetadata(region="测试市", year=2025)
ENGLISH_IN_BRACKETS = re.compile(r"[(（][^)）]*[A-Za-z]+ [A-Za-z]+[^)）]*[)）]")  # (empty file)

REFUSED = [
    ("report.docx", b"", "文件为空"),
    ("report.txt", b"   \n\n  ", "文件为空"),
    ("report.docx", bytes(range(256)) * 40, "不是 Word 文档"),
    ("report.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000), "旧版 Word"),
    ("report.docx", docx_bytes()[:700], "已损坏"),
    ("report.pdf", blank_pdf_bytes(), "没有文字层"),
    ("report.pdf", b"%PDF-1.7\n" + bytes(300), "已损坏"),
    ("report.pdf", bytes(range(256)) * 40, "不是 PDF"),
    ("report.txt", "\ufeff".encode("utf-16-le") + b"\x00\xd8", "编码"),
    ("report.txt", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + bytes(4000), "二进制"),
]


@pytest.mark.parametrize("name, data, said", REFUSED)
def test_refusals_are_chinese_without_english_in_brackets(name, data, said):
    with pytest.raises(ImportRefused) as refusal:
        import_report(data, name, GIVEN)
    message = str(refusal.value)
    assert said in message, message
    assert not ENGLISH_IN_BRACKETS.search(message), message


def test_a_docx_that_is_text_inside_is_read_as_text_not_refused():
    """Content decides: only a refused file is told that its name misleads."""
    outcome = import_report(text_bytes(), "report.docx", GIVEN)
    assert outcome.report.sections.exists()


def test_missing_region_and_year_is_said_in_chinese_only():
    with pytest.raises(ImportRefused) as refusal:
        import_report("没有报告头的一段文字。".encode(), "note.txt")
    assert "无法从文件中识别地区和年度" in str(refusal.value)
    assert not re.search(r"[A-Za-z]{4,}", str(refusal.value).replace("note.txt", ""))
