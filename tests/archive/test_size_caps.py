"""Hostile sizes: a file under the byte limit that decodes to far more text than any report.

Each is refused before it is parsed, with a message that says so, and nothing is stored;
a long section of an accepted report is cut into continuations (archive.parsing.long_sections).
"""
import io

import docx
import pypdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from archive.importing import ImportRefused, import_report
from archive.models import Report, Section
from archive.parsing.document import ReportMetadata
from archive.parsing.long_sections import MAX_SECTION_CHARS
from archive.parsing.pipeline import parse_report
from archive.parsing.reading import MAX_PDF_PAGES, MAX_TEXT_CHARS
from tests.archive.test_admin import UPLOAD, staff_client  # noqa: F401 (a fixture)
from tests.archive.test_importing import assert_nothing_stored
from tests.documents import SMALL_REPORT

pytestmark = pytest.mark.django_db

GIVEN = ReportMetadata(region="示范市", year=2025)
PHRASE = "鞋服产业集群加快发展。"  # 11 characters
TOO_LONG = "报告正文过长"


def long_text(characters: int) -> str:
    return "\n\n".join([*SMALL_REPORT, PHRASE * (characters // len(PHRASE))])


def docx_of(paragraphs) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def pdf_of_pages(count: int) -> bytes:
    writer = pypdf.PdfWriter()
    for _ in range(count):
        writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("data, name, message", [
    # decoded, then counted
    (long_text(MAX_TEXT_CHARS + 1000).encode("utf-8"), "long.txt", TOO_LONG),
    # four bytes a character at most: refused undecoded
    (b"\xe9\x9e\x8b" * (MAX_TEXT_CHARS * 2), "huge.txt", TOO_LONG),
    # 40 paragraphs of 10,000 characters: refused while its paragraphs are read
    (docx_of([*SMALL_REPORT, *[PHRASE * 900] * 40]), "long.docx", TOO_LONG),
    # the page count its page tree declares, before any page is read
    (pdf_of_pages(MAX_PDF_PAGES + 1), "pages.pdf", "PDF 页数过多"),
])
def test_a_file_of_too_much_text_is_refused_early_and_nothing_stored(data, name, message,
                                                                      media_in_tmp):
    with pytest.raises(ImportRefused) as refusal:
        import_report(data, name, GIVEN)
    assert message in str(refusal.value)
    assert_nothing_stored(media_in_tmp)


def test_a_docx_whose_xml_expands_far_beyond_its_size_is_refused_unread(media_in_tmp):
    """A few hundred KB of zip holding tens of MB of XML (the declared size is checked)."""
    bloated = docx_of([*SMALL_REPORT, *["鞋" * 15_000] * 400])  # 18 MB of XML
    assert len(bloated) < 1_000_000
    with pytest.raises(ImportRefused, match="解压后过大"):
        import_report(bloated, "bloated.docx", GIVEN)
    assert_nothing_stored(media_in_tmp)


def test_the_admin_upload_shows_the_refusal(staff_client, media_in_tmp):  # noqa: F811
    data = long_text(MAX_TEXT_CHARS + 1000).encode("utf-8")
    response = staff_client.post(UPLOAD, {"file": SimpleUploadedFile("long.txt", data)})
    assert response.status_code == 200
    assert TOO_LONG in response.content.decode()
    assert Report.objects.count() == 0


def test_a_report_just_under_the_limit_is_stored_with_its_long_section_cut():
    text = long_text(MAX_TEXT_CHARS - 2000)
    report = import_report(text.encode("utf-8"), "long.txt", GIVEN).report
    sections = list(report.sections.order_by("order"))
    assert max(len(section.text) for section in sections) <= MAX_SECTION_CHARS
    continued = [s for s in sections if "（续" in s.heading]
    assert len(continued) >= (MAX_TEXT_CHARS - 2000) // MAX_SECTION_CHARS - 1
    assert len({s.anchor for s in sections}) == len(sections)
    stored = "".join(s.text for s in sections)
    assert stored.count(PHRASE) == (MAX_TEXT_CHARS - 2000) // len(PHRASE)
    assert Section.objects.filter(report=report).count() == len(sections)


def test_continuations_come_first_among_children_and_in_order():
    parsed = parse_report(long_text(3 * MAX_SECTION_CHARS).encode(), "x.txt", GIVEN)
    parent = next(node for node in parsed.flat_sections() if node.children
                  and node.children[0].heading.endswith("（续1）"))
    numbers = [child.heading.rsplit("续", 1)[1] for child in parent.children
               if "（续" in child.heading]
    assert numbers == [f"{n}）" for n in range(1, len(numbers) + 1)] and len(numbers) >= 2
    assert all(child.level == parent.level + 1 for child in parent.children)
