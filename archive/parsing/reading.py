"""Bytes of an uploaded file -> raw text.

The format is decided by the content, never by the file name: a zip holding
``word/document.xml`` is a .docx, ``%PDF-`` starts a PDF, anything else must be
text in a recognisable encoding. Everything that cannot be read raises
``UnreadableDocument`` with a message that says why; no other exception escapes
for bad input.

Bold runs of a .docx come out wrapped in ``**…**`` so that the structure parser can
find bold run-in headings (``**项目投资拉动有力。**开工建设…``); ``cleaning`` keeps
the markers until ``strip_markup``.
"""
from __future__ import annotations

import codecs
import io
import unicodedata
import zipfile
from pathlib import PurePath

from charset_normalizer import from_bytes

from .document import UnreadableDocument

DOCX_PART = "word/document.xml"
# The longest real report (the State Council's of 1955) has 57,000 characters: five times
# that is refused, as early as each format allows, before a long text costs minutes of parsing.
MAX_TEXT_CHARS = 300_000
MAX_BYTES_PER_CHAR = 4                # UTF-32; every other accepted encoding needs fewer
MAX_DOCX_PART = 16 * 1024 * 1024      # declared uncompressed size of word/document.xml
MAX_DOCX_TOTAL = 200 * 1024 * 1024    # declared uncompressed size of all members
MAX_DOCX_MEMBERS = 5000
MIN_PDF_CHARS_PER_PAGE = 20           # fewer non-blank characters: no text layer
MAX_PDF_PAGES = 500                   # real reports have 20 to 80
MAX_CONTROL_SHARE = 0.02              # control characters in a real text file are rare
MIN_CHINESE_SHARE = 0.95              # of the non-ASCII characters, for a GB18030 guess

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
UTF_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
CHINESE_FAMILY = {"gb2312", "gbk", "gb18030"}
MIN_TEXT_SHARE = 0.95                 # printable characters, for a UTF-16 guess without BOM
FORMATS = "请上传 .txt、.docx 或带文字层的 .pdf 报告文件"
RESAVE_DOCX = "请用 Word 打开后重新另存为 .docx，或改传 .txt"


def read_document(data: bytes, filename: str = "") -> str:
    """The raw text of an uploaded .txt, .docx or .pdf (decided by content).

    Paragraphs are separated by blank lines for .docx; PDF pages by blank lines;
    text files come back as decoded. Raises ``UnreadableDocument`` saying why.
    """
    try:
        if not data or not data.strip():
            raise UnreadableDocument("文件为空，请选择有内容的报告文件")
        if data.startswith(ZIP_MAGICS):
            text = _read_docx(data)
        elif data.startswith(OLE2_MAGIC):
            raise UnreadableDocument(
                "旧版 Word（.doc）或加密的 Office 文件，无法读取；请另存为 .docx 或 .txt"
            )
        elif b"%PDF-" in data[:1024]:
            text = _read_pdf(data)
        else:
            text = _decode_text(data)
        if not text.strip():
            raise UnreadableDocument(
                "文件没有文字内容，请检查是否选错了文件")
        _check_length(len(text))
        return text
    except UnreadableDocument as refusal:
        if filename:
            misnamed = _misnamed(data, filename)
            raise UnreadableDocument(f"{filename}: {misnamed}{refusal}") from refusal
        raise


def _check_length(characters: int) -> None:
    if characters > MAX_TEXT_CHARS:
        raise UnreadableDocument(
            f"报告正文过长：超过 {MAX_TEXT_CHARS // 10_000} 万字的上限，未导入；请拆分文件后分别上传")


def _misnamed(data: bytes, filename: str) -> str:
    """What a refused file's extension claims and its content is not, e.g. a .docx that is no zip."""
    suffix = PurePath(filename).suffix.lower()
    if suffix == ".docx" and not data.startswith((*ZIP_MAGICS, OLE2_MAGIC)):  # .doc: said already
        return "文件名是 .docx，内容却不是 Word 文档；"
    if suffix == ".pdf" and b"%PDF-" not in data[:1024]:
        return "文件名是 .pdf，内容却不是 PDF；"
    return ""


# --- plain text -------------------------------------------------------------------

def _decode_text(data: bytes) -> str:
    _check_length(len(data) // MAX_BYTES_PER_CHAR)  # refused undecoded when surely too long
    text = _decode(data)
    if not text.strip():
        raise UnreadableDocument(
            "文件为空，只有空白，请选择有内容的报告文件")
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v")
    if controls > MAX_CONTROL_SHARE * len(text):
        raise UnreadableDocument(
            f"无法识别的二进制文件，不是文本；{FORMATS}")
    return text


def _decode(data: bytes) -> str:
    """Text of ``data``: BOM first, UTF-16 by its NUL bytes, strict UTF-8, GB18030, a guess."""
    for bom, encoding in UTF_BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                raise UnreadableDocument(
                    f"文本编码损坏：文件开头标明 {encoding} 编码，内容却不符；请另存为 UTF-8 编码的 .txt 再上传"
                ) from error
    if b"\x00" in data:
        text = _as_utf16(data)
        if text is None:
            raise UnreadableDocument(
                f"无法识别的二进制文件，不是文本；{FORMATS}")
        return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    chinese = _as_gb18030(data)
    if chinese is not None:
        return chinese
    best = from_bytes(data).best()
    if best is None:
        raise UnreadableDocument(
            "无法识别的二进制文件或未知编码；如是文本，请另存为 UTF-8 编码的 .txt 再上传"
        )
    if best.encoding in CHINESE_FAMILY:  # decode with the superset, as _as_gb18030 does
        try:
            return data.decode("gb18030")
        except UnicodeDecodeError:
            pass
    return str(best)


def _as_utf16(data: bytes) -> str | None:
    """The text if ``data`` is UTF-16 without a byte order mark, else None.

    Such text has NUL bytes on one side only: the high byte of each ASCII character (digits,
    newlines) in little- or big-endian order. A binary file has them on both sides.
    """
    if len(data) % 2:
        return None
    high_first, high_second = data[0::2].count(0), data[1::2].count(0)
    if min(high_first, high_second) * 8 > max(high_first, high_second):
        return None
    try:
        text = data.decode("utf-16-le" if high_second > high_first else "utf-16-be")
    except UnicodeDecodeError:
        return None
    printable = sum(1 for ch in text if ch.isprintable() or ch in "\t\n\r")
    return text if printable >= MIN_TEXT_SHARE * len(text) else None


def _as_gb18030(data: bytes) -> str | None:
    """The text if ``data`` is valid GB18030 that reads as Chinese, else None.

    Tried before charset-normalizer because its guess on short GBK snippets is
    unreliable (``政府工作报告`` in GBK is taken for cp949); reports are Chinese, so
    a strict GB18030 decode made almost only of CJK characters and punctuation wins.
    """
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    wide = [ch for ch in text if ord(ch) > 0x7F]
    chinese = sum(1 for ch in wide if _is_chinese_text_char(ch))
    if wide and chinese >= MIN_CHINESE_SHARE * len(wide):
        return text
    return None


def _is_chinese_text_char(ch: str) -> bool:
    code = ord(ch)
    return (
        0x4E00 <= code <= 0x9FFF          # CJK unified ideographs
        or 0x3000 <= code <= 0x303F       # CJK symbols and punctuation
        or 0xFF00 <= code <= 0xFFEF       # full-width forms
        or 0x2010 <= code <= 0x206F       # general punctuation: “”—…
        or 0x2460 <= code <= 0x24FF       # ①②
        or 0x2160 <= code <= 0x217F       # Ⅱ
        or ch in "·×÷°"
    )


# --- docx ---------------------------------------------------------------------------

def _read_docx(data: bytes) -> str:
    _check_zip(data)
    import docx  # python-docx; imported here so plain-text uploads never pay for it

    try:
        document = docx.Document(io.BytesIO(data))
        blocks, characters = [], 0
        for block in document.iter_inner_content():
            blocks.append(_block_text(block))
            characters += len(blocks[-1])
            _check_length(characters)
    except UnreadableDocument:
        raise
    except Exception as error:  # python-docx/lxml/zipfile raise many kinds
        raise UnreadableDocument(
            f"docx 文件已损坏，无法读取；{RESAVE_DOCX}"
        ) from error
    return "\n\n".join(block for block in blocks if block.strip())


def _check_zip(data: bytes) -> None:
    """Refuse broken zips, zips that are not Word files, and zip bombs, before parsing."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as error:
        raise UnreadableDocument(
            f"docx 文件已损坏或不完整；{RESAVE_DOCX}"
        ) from error
    sizes = {member.filename: member.file_size for member in members}
    if DOCX_PART not in sizes:
        raise UnreadableDocument(
            f"zip 压缩包中没有 Word 正文，不是 .docx 文件；{FORMATS}"
        )
    if (
        len(members) > MAX_DOCX_MEMBERS
        or sizes[DOCX_PART] > MAX_DOCX_PART
        or sum(sizes.values()) > MAX_DOCX_TOTAL
    ):
        raise UnreadableDocument(
            "docx 文件解压后过大，拒绝读取；请拆分文件或另存为 .txt 再上传"
        )


def _block_text(block) -> str:
    from docx.table import Table

    if isinstance(block, Table):
        return "\n\n".join(_row_text(row) for row in block.rows)
    return _paragraph_text(block)


def _row_text(row) -> str:
    """Cells joined by tabs; a merged cell (one ``w:tc`` spanning columns) once."""
    cells, seen = [], set()
    for cell in row.cells:
        if id(cell._tc) in seen:
            continue
        seen.add(id(cell._tc))
        cells.append(" ".join(cell.text.split()))
    return "\t".join(cells)


def _paragraph_text(paragraph) -> str:
    """Text of a paragraph, each stretch of bold text wrapped once in ``**…**``."""
    pieces: list[tuple[str, bool]] = []  # (text, bold), adjacent pieces merged
    for item in paragraph.iter_inner_content():
        runs = getattr(item, "runs", [item])  # a Hyperlink holds runs
        for run in runs:
            text = run.text
            if not text:
                continue
            bold = _is_bold(run, paragraph) and bool(text.strip())
            if pieces and (pieces[-1][1] == bold or not text.strip()):
                pieces[-1] = (pieces[-1][0] + text, pieces[-1][1])
            else:
                pieces.append((text, bold))
    return "".join(_marked(text) if bold else text for text, bold in pieces)


def _marked(text: str) -> str:
    """``**text**`` with surrounding whitespace kept outside the markers."""
    core = text.strip()
    start = text.index(core)
    return f"{text[:start]}**{core}**{text[start + len(core):]}"


def _is_bold(run, paragraph) -> bool:
    if run.bold is not None:
        return run.bold
    for style in (run.style, paragraph.style):
        while style is not None:
            if style.font.bold is not None:
                return style.font.bold
            style = style.base_style
    return False


# --- pdf ------------------------------------------------------------------------------

def _read_pdf(data: bytes) -> str:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnreadableDocument(
                "PDF 已加密，需要密码才能打开；请先去掉密码，或改传 .docx / .txt"
            )
        _check_page_count(reader)
        pages, characters = [], 0
        for page in reader.pages:
            pages.append(page.extract_text() or "")
            characters += len(pages[-1])
            _check_length(characters)
    except UnreadableDocument:
        raise
    except Exception as error:  # pypdf raises many kinds for damaged files
        raise UnreadableDocument(
            "PDF 文件已损坏或无法解析；请重新导出 PDF，或改传 .docx / .txt"
        ) from error
    visible = sum(1 for ch in "".join(pages) if not ch.isspace())
    if visible < MIN_PDF_CHARS_PER_PAGE * max(len(pages), 1):
        raise UnreadableDocument(
            "PDF 没有文字层（扫描件？），请上传文字版"
        )
    return "\n\n".join(page.strip("\n") for page in pages)


def _check_page_count(reader) -> None:
    """Refuse a PDF of over MAX_PDF_PAGES by the count its page tree declares, read at once
    (pypdf's len(reader.pages) walks the whole tree first)."""
    tree = reader.trailer["/Root"]["/Pages"]
    declared = tree["/Count"] if "/Count" in tree else 0
    if not isinstance(declared, int) or declared > MAX_PDF_PAGES:
        raise UnreadableDocument(
            f"PDF 页数过多（{declared} 页，上限 {MAX_PDF_PAGES} 页），未导入；请拆分文件后分别上传")
