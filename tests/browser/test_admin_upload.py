"""Staff upload a .docx through the admin, check the parse, and find it in search."""
import re

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from tests.documents import SMALL_REPORT, docx_bytes

pytestmark = pytest.mark.browser

UNIQUE = "琉璃湾湿地公园"
PARAGRAPHS = (*SMALL_REPORT, f"（二）推进生态建设。建成{UNIQUE}，贯通滨海慢行步道。")


def test_staff_upload_docx_then_find_it(page, tmp_path):
    User.objects.create_superuser("editor", "editor@example.org", "a-long-password-1")
    document = tmp_path / "示范市2025年政府工作报告.docx"
    document.write_bytes(docx_bytes(PARAGRAPHS))

    page.goto("/admin/archive/report/upload/")
    page.wait_for_url(re.compile(r"/admin/login/"))
    page.fill("#id_username", "editor")
    page.fill("#id_password", "a-long-password-1")
    page.locator("input[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/archive/report/upload/$"))

    page.set_input_files("input[name=file]", str(document))
    page.get_by_role("button", name="上传并解析").click()
    page.wait_for_url(re.compile(r"/admin/archive/report/\d+/change/$"))
    expect(page.locator(".messagelist .success")).to_contain_text(re.compile(r"已导入.*个章节"))
    # The parsed section tree, shown read-only on the change page.
    expect(page.get_by_text("2025年工作安排").first).to_be_visible()
    expect(page.get_by_text("推进生态建设").first).to_be_visible()

    page.goto(f"/search/?q={UNIQUE}")
    hit = page.locator("li.hit").first
    expect(hit).to_contain_text("示范市")
    expect(hit.locator("mark").first).to_be_visible()
    expect(hit.locator(".snippet")).to_contain_text(UNIQUE)
