"""Year over year, region against region, trends and feeds, looked at in Chromium."""
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import import_bundled_reports

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
SMALLEST_TEXT_PX = 11


def national(year):
    from archive.models import Report

    return Report.objects.get(region="国务院", year=year, kind="work_report")


def rendered_font_px(locator) -> float:
    return locator.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")


def svg_text_px(page, selector: str) -> float:
    """The smallest on-screen font size of the chart's texts: their size in the drawing times the
    scale at which the chart is shown (an SVG shrinks with its box)."""
    return page.locator(selector).evaluate(
        "svg => { const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;"
        " return Math.min(...[...svg.querySelectorAll('text')].filter(t => t.textContent.trim())"
        ".map(t => parseFloat(getComputedStyle(t).fontSize) * scale)); }")


def test_from_a_report_to_last_years_changes(page):
    import_bundled_reports()
    assert page.goto(national(2024).get_absolute_url()).ok
    page.get_by_role("link", name="与上年对比").click()
    expect(page.locator("h1")).to_have_text("国务院2024年政府工作报告与2023年对比")

    pair = page.locator("article.compare-pair").filter(has_text="（三）着力扩大国内需求，推动经济实现良性循环")
    expect(pair).to_have_count(1)
    expect(pair.locator(".side.old h3")).to_have_text("（一）着力扩大国内需求")
    expect(pair.locator(".side.new ins").first).to_be_visible()
    expect(pair.locator(".side.old del").first).to_be_visible()
    # Changed words stand out: the marked background differs from the plain text's.
    background = pair.locator(".side.new ins").first.evaluate("e => getComputedStyle(e).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")

    new_terms = page.locator("ol.new-terms")
    expect(new_terms.get_by_role("link", name="新质生产力", exact=True)).to_be_visible()
    expect(page.locator("table.compare-targets")).to_contain_text("5.2%")

    new_terms.get_by_role("link", name="“新质生产力”的词频趋势").click()
    expect(page.locator("h1")).to_have_text("词频趋势")
    expect(page.locator("svg.trend-chart")).to_be_visible()
    expect(page.locator("svg.trend-chart title").first).to_contain_text("每万字提及次数")


def test_on_a_phone_the_comparison_and_the_ranking_stay_legible(page):
    import_bundled_reports()
    page.set_viewport_size(PHONE)
    assert page.goto(f"/compare/?b={national(2024).pk}").ok
    first_pair = page.locator("article.compare-pair").first
    old_box, new_box = (first_pair.locator(f".side.{side}").bounding_box() for side in ("old", "new"))
    assert new_box["y"] >= old_box["y"] + old_box["height"] - 1, "stacked, not squeezed side by side"
    assert rendered_font_px(first_pair.locator(".diff-text").first) >= SMALLEST_TEXT_PX
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page scrolls sideways ({width}px)"

    assert page.goto("/indicators/" + quote("地区生产总值") + "/?year=2025").ok
    chart = page.locator("svg.ranking-chart")
    expect(chart).to_be_visible()
    expect(chart.locator("g.ranking-reference")).to_contain_text("全国 5%左右")
    assert svg_text_px(page, "svg.ranking-chart") >= SMALLEST_TEXT_PX
    expect(page.locator("table.ranking-table")).to_contain_text("晋江市")

    assert page.goto("/trends/?q=" + quote("高质量发展")).ok
    assert svg_text_px(page, "svg.trend-chart") >= SMALLEST_TEXT_PX


def test_feeds_are_announced_and_served_as_atom(page):
    import_bundled_reports()
    assert page.goto("/regions/" + quote("晋江市") + "/").ok
    alternate = page.locator('link[rel="alternate"][type="application/atom+xml"]')
    expect(alternate).to_have_count(1)
    visible = page.get_by_role("link", name="订阅晋江市的新报告（Atom）")
    expect(visible).to_be_visible()
    response = page.request.get(visible.get_attribute("href"))
    assert response.ok and response.headers["content-type"].startswith("application/atom+xml")
    assert "<feed" in response.text() and "晋江市" in response.text()
