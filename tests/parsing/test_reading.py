"""read_document: bytes of .txt / .docx / .pdf uploads -> raw text, or a clear refusal."""
import io
import random
import re
import zipfile

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from pypdf import PdfReader, PdfWriter

from archive.parsing.document import UnreadableDocument
from archive.parsing.reading import read_document
from tests.documents import pdf_with_text

SEED_START = "[2024.12]市十八届人大四次会议"


# --- builders -------------------------------------------------------------------------

def _docx_bytes(build) -> bytes:
    document = docx.Document()
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _refusal(data: bytes, filename: str = "") -> str:
    with pytest.raises(UnreadableDocument) as caught:
        read_document(data, filename)
    return str(caught.value)


# --- text -----------------------------------------------------------------------------

def test_utf8_seed_is_returned_as_written(jinjiang_bytes):
    text = read_document(jinjiang_bytes, "jinjiang.txt")
    assert text == jinjiang_bytes.decode("utf-8")
    assert text.lstrip().startswith(SEED_START)


def test_utf8_byte_order_mark_is_dropped(jinjiang_bytes):
    assert read_document(b"\xef\xbb\xbf" + jinjiang_bytes) == jinjiang_bytes.decode("utf-8")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_byte_order_mark(jinjiang_bytes, encoding):
    text = jinjiang_bytes.decode("utf-8")
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    assert read_document(data) == text


@pytest.mark.parametrize("encoding", ["gbk", "gb18030"])
def test_whole_seed_in_gbk_is_decoded_as_chinese(jinjiang_bytes, encoding):
    text = jinjiang_bytes.decode("utf-8")
    assert read_document(text.encode(encoding)) == text


@pytest.mark.parametrize("snippet", [
    "政府工作报告",                       # charset-normalizer alone calls this cp949
    "晋江市人民政府市长 王明元",
    "各位代表：\n\n现在，我代表市人民政府向大会作工作报告，请予审议。",
    "地区生产总值增长6%左右，规上工业增加值增长7.5%。",
])
def test_short_gbk_snippets_are_not_misdecoded(snippet):
    assert read_document(snippet.encode("gbk")) == snippet


def test_text_decision_is_by_content_not_extension(jinjiang_bytes):
    assert read_document(jinjiang_bytes, "report.pdf").startswith("\n\n" + SEED_START)


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", "\u3000\u3000\n".encode("utf-8")])
def test_empty_and_blank_files_are_refused(data):
    assert "为空" in _refusal(data)


def test_random_bytes_are_refused_as_binary():
    assert "二进制" in _refusal(random.Random(7).randbytes(4096))


def test_executable_renamed_txt_is_refused():
    exe = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + bytes(range(256)) * 8
    message = _refusal(exe, "report.txt")
    assert message.startswith("report.txt: ") and "二进制" in message


def test_control_characters_without_nul_are_refused():
    assert "二进制" in _refusal(bytes(range(1, 32)) * 40 + "政府工作报告".encode("utf-8"))


def test_legacy_word_doc_is_refused_with_advice():
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
    assert ".docx" in _refusal(ole, "report.doc")


# --- docx -----------------------------------------------------------------------------

def _report_docx(document):
    document.add_paragraph("2025年政府工作报告")
    lead = document.add_paragraph()
    lead.add_run("项目").bold = True
    lead.add_run("投资拉动有力。").bold = True
    lead.add_run("开工建设项目155个。")
    spaced = document.add_paragraph("规上工业增加值增长")
    spaced.add_run("   ").bold = True
    spaced.add_run("10.5%。")
    table = document.add_table(rows=2, cols=2)
    for row, cells in zip(table.rows, [("指标", "增长"), ("地区生产总值", "7%")]):
        for cell, value in zip(row.cells, cells):
            cell.text = value
    styled = document.add_paragraph()
    strong = document.styles.add_style("Emphasis Bold", WD_STYLE_TYPE.CHARACTER)
    strong.font.bold = True
    styled.add_run("消费潜能有效释放。", style="Emphasis Bold")
    styled.add_run("社消零售总额增长5.5%。")


def test_docx_paragraphs_tables_and_bold_runs_in_order():
    text = read_document(_docx_bytes(_report_docx), "report.docx")
    assert text == (
        "2025年政府工作报告\n\n"
        "**项目投资拉动有力。**开工建设项目155个。\n\n"
        "规上工业增加值增长   10.5%。\n\n"
        "指标\t增长\n\n"
        "地区生产总值\t7%\n\n"
        "**消费潜能有效释放。**社消零售总额增长5.5%。"
    )


def test_docx_named_txt_is_read_as_docx():
    text = read_document(_docx_bytes(_report_docx), "report.txt")
    assert text.startswith("2025年政府工作报告\n\n**项目投资拉动有力。**")


def test_truncated_docx_is_refused():
    data = _docx_bytes(_report_docx)
    assert "docx 文件已损坏" in _refusal(data[: len(data) // 2])


def test_docx_with_broken_xml_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types")
        archive.writestr("word/document.xml", "<w:document>not closed")
    assert "docx 文件已损坏" in _refusal(buffer.getvalue())


def test_zip_without_word_document_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("report.txt", "政府工作报告")
    assert "不是 .docx" in _refusal(buffer.getvalue())


def test_docx_bomb_is_refused_before_parsing():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b" " * (51 * 1024 * 1024))
    data = buffer.getvalue()
    assert len(data) < 1024 * 1024
    assert "过大" in _refusal(data)


# --- pdf ------------------------------------------------------------------------------

def test_pdf_text_layer_is_read():
    data = pdf_with_text("Government Work Report 2025 of Jinjiang City")
    text = read_document(data, "report.pdf")
    assert "Government Work Report 2025 of Jinjiang City" in text


def test_pdf_pages_are_separated_by_blank_lines():
    writer = PdfWriter()
    for sentence in ("First page of the report text", "Second page of the report text"):
        writer.add_page(PdfReader(io.BytesIO(pdf_with_text(sentence))).pages[0])
    buffer = io.BytesIO()
    writer.write(buffer)
    text = read_document(buffer.getvalue())
    assert text.split("\n\n") == ["First page of the report text", "Second page of the report text"]


def test_pdf_without_text_layer_is_refused():
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    assert "没有文字层" in _refusal(buffer.getvalue(), "scan.pdf")


def test_pdf_needing_a_password_is_refused():
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_with_text("Secret report text here ok"))))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    assert "加密" in _refusal(buffer.getvalue())


def test_damaged_pdf_is_refused():
    assert "PDF" in _refusal(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage" + b"\xff" * 200)


# --- the real provincial uploads -------------------------------------------------------

@pytest.mark.corpus
def test_all_provincial_docx_files_yield_the_report(provincial_dir):
    files = sorted(provincial_dir.glob("*.docx"))
    assert len(files) == 31
    run_in_heading = re.compile(r"\*\*[^*\n]{2,60}\*\*。?[\u4e00-\u9fff]")  # **加力扩大内需。**实施…
    with_run_in_headings = 0
    for path in files:
        text = read_document(path.read_bytes(), path.name)
        assert len(text) > 5000, path.name
        assert "各位代表" in text, path.name
        with_run_in_headings += bool(run_in_heading.search(text))
    assert with_run_in_headings >= 10
