"""Small report files built in the tests: a .docx, a PDF without text, a GBK text."""
import functools
import io

import docx
import pypdf

SMALL_REPORT = (
    "政府工作报告",
    "——2025年1月20日在示范市第五届人民代表大会第三次会议上",
    "示范市人民政府市长 张三",
    "各位代表：",
    "现在，我代表市人民政府向大会作工作报告，请予审议。",
    "一、2024年工作回顾",
    "过去一年，预计地区生产总值增长5.5%，一般公共预算收入增长3%。",
    "二、2025年工作安排",
    "今年经济社会发展的主要预期目标是：地区生产总值增长5%左右，城镇新增就业1.2万人以上。",
    "（一）坚持创新驱动。加快发展新质生产力，培育鞋服产业集群。",
)


@functools.cache
def docx_bytes(paragraphs=SMALL_REPORT, bold_prefix=None) -> bytes:
    """A .docx with one paragraph per item; ``bold_prefix`` adds a bold run-in paragraph.

    Cached: python-docx stamps the zip with the current time, and the tests need the
    same arguments to give the same bytes (the same content hash).
    """
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if bold_prefix:
        paragraph = document.add_paragraph()
        paragraph.add_run(bold_prefix).bold = True
        paragraph.add_run("开工建设项目155个。")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def blank_pdf_bytes() -> bytes:
    """A PDF whose only page has no text layer, like a scan."""
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def text_bytes(encoding="utf-8", paragraphs=SMALL_REPORT) -> bytes:
    return "\n\n".join(paragraphs).encode(encoding)


def pdf_bytes(content: bytes, filters: bytes = b"") -> bytes:
    """A one-page PDF built by hand whose content stream is ``content`` (Helvetica as /F1)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d%s >>\nstream\n%s\nendstream" % (len(content), filters, content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def pdf_with_text(text: str) -> bytes:
    """A one-page PDF whose content stream shows ``text`` (Latin-1) with a Tj operator."""
    return pdf_bytes(f"BT /F1 14 Tf 72 720 Td ({text}) Tj ET".encode("latin-1"))
