"""A reader searches, follows a hit to its section, and walks the archive by year."""
import re
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import awaits_page, import_bundled_reports

pytestmark = pytest.mark.browser


def test_search_from_home_lands_on_the_section(page):
    import_bundled_reports()
    page.goto("/")
    box = page.get_by_role("searchbox", name="关键词")
    box.fill("山姆会员店")
    box.press("Enter")

    page.wait_for_url(re.compile(r"/search/\?"))
    first = page.locator("li.hit").first
    expect(first.locator("mark").first).to_contain_text("山姆")
    link = first.locator("a.hit-title")
    fragment = urlsplit(link.get_attribute("href")).fragment
    assert fragment, "a hit on a section links to the section's anchor"

    link.click()
    page.wait_for_url(re.compile(r"/reports/\d+/(\?q=[^#]+)?#" + re.escape(fragment) + "$"))
    section = page.locator(f"section[id='{fragment}']")
    expect(section).to_be_visible()
    assert section.evaluate("element => element.matches(':target')")
    assert unquote(urlsplit(page.url).fragment) == fragment
    expect(section).to_contain_text("山姆会员店")


def test_walk_from_2024_to_2025(page):
    awaits_page("/years/2024/", "the year pages (/years/<year>/)")
    import_bundled_reports()
    assert page.goto("/years/2024/").ok
    expect(page.locator("h1")).to_contain_text("2024")
    expect(page.locator("a[href$='/years/2023/']").filter(has_text="2023").first).to_be_visible()

    page.locator("a[href$='/years/2025/']").filter(has_text="2025").first.click()
    page.wait_for_url(re.compile(r"/years/2025/$"))
    expect(page.locator("h1")).to_contain_text("2025")
    expect(page.locator("main")).to_contain_text("国务院")
    # The last year of the archive: a way back, none further.
    expect(page.locator("a[href$='/years/2024/']").filter(has_text="2024").first).to_be_visible()
    expect(page.locator("a[href$='/years/2026/']")).to_have_count(0)
