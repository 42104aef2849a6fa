"""An indicator followed across years: targets beside actuals, and a chart."""
import re
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import awaits_page, import_bundled_reports

pytestmark = pytest.mark.browser

GDP = "/indicators/" + quote("国内生产总值") + "/?region=" + quote("国务院")


def test_gdp_target_beside_actual_with_a_chart(page):
    awaits_page("/indicators/国内生产总值/", "the indicator pages (/indicators/<name>/)")
    import_bundled_reports()
    assert page.goto(GDP).ok

    # 2023: the target 5%左右 set in the 2023 report, the actual 5.2% reported in 2024's.
    row = page.locator("table tr").filter(has=page.locator("th, td").filter(
        has_text=re.compile(r"^\s*2023\s*年?\s*$")))
    expect(row).to_have_count(1)
    expect(row).to_contain_text(re.compile(r"5\s*%\s*左右"))
    expect(row).to_contain_text(re.compile(r"5\.2\s*%"))

    # The inline chart: a visible SVG of some size (not an icon).
    expect(page.locator("main svg").first).to_be_attached()
    sizes = [svg.bounding_box() for svg in page.locator("main svg").all() if svg.is_visible()]
    assert any(box["width"] > 100 and box["height"] > 50 for box in sizes), sizes
