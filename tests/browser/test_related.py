"""Related passages, looked at in Chromium: from a section of the reader to where else it was said."""
import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import import_bundled_reports

pytestmark = pytest.mark.browser


def test_from_a_section_to_the_same_words_in_other_years(page):
    from archive.models import Section

    import_bundled_reports()
    science = Section.objects.get(report__region="国务院", report__year=2024, heading__contains="科教兴国")
    assert page.goto(science.get_absolute_url()).ok
    section = page.locator(f"section#{science.anchor}")
    section.get_by_role("link", name="其他年份的相关段落").click()

    expect(page.locator("h1")).to_have_text("其他年份的相关段落")
    items = page.locator("ol.related-list > li")
    assert 1 <= items.count() <= 5
    expect(items.first).to_contain_text("科教兴国")
    expect(items.first).not_to_contain_text("2024年国务院")   # never the section's own report
    items.first.get_by_role("link").click()
    expect(page).to_have_url(re.compile(r"/reports/\d+/#s"))
