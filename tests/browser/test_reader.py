"""The reader in a browser: the words of a search marked and brought into view, 出处 landing on
its sentence, the full width without a table of contents, and charts readable on a phone."""
import io
import re
from urllib.parse import quote, urlsplit

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.browser.conftest import SCREENSHOTS, import_bundled_reports
from tests.conftest import NATIONAL

pytestmark = pytest.mark.browser

HIGHLIGHT = "rgb(255, 229, 138)"  # .sentence:target and mark, static/css/site.css
IN_VIEW = """element => { const box = element.getBoundingClientRect();
                           return box.top >= 0 && box.bottom <= window.innerHeight; }"""


def screenshot_of_view(page, name):
    """What the reader sees on arrival (the fixture's full-page shot shows the whole page)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-view.png"))


def test_a_search_hit_opens_the_reader_with_the_words_marked_and_the_first_in_view(page):
    import_bundled_reports()
    page.goto("/search/?q=" + quote("新型工业化"))
    hit = page.locator("li.hit a.hit-title").nth(1)  # not the first: its section is further down
    fragment = urlsplit(hit.get_attribute("href")).fragment
    hit.click()
    page.wait_for_url(re.compile(r"/reports/\d+/\?q=.+#" + re.escape(fragment) + "$"))
    page.wait_for_load_state("load")
    section = page.locator(f"section[id='{fragment}']")
    first = section.locator("mark").first
    expect(first).to_have_text("新型工业化")
    expect(first).to_have_class(re.compile("first-mark"))
    page.wait_for_function(f"() => document.querySelector('mark.first-mark') && ({IN_VIEW})"
                           f"(document.querySelector('mark.first-mark'))")
    expect(page.locator(".marked-note")).to_contain_text("已标出“新型工业化”")
    assert page.locator(".fulltext mark").count() > section.locator("mark").count() >= 1
    screenshot_of_view(page, "search-hit-in-the-reader")


def test_the_marks_are_there_without_javascript(browser, live_server, transactional_db):
    import_bundled_reports()
    from archive.models import Section
    section = Section.objects.filter(text__contains="新型工业化", report__region="国务院").last()
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False,
                                  viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        url = f"{section.report.get_absolute_url()}?q={quote('新型工业化')}#{section.anchor}"
        page.goto(url)
        target = page.locator(f"section[id='{section.anchor}']")
        assert target.evaluate("element => element.matches(':target')")
        expect(target.locator("mark").first).to_have_text("新型工业化")
        assert target.locator("mark").first.evaluate(
            "element => getComputedStyle(element).backgroundColor") == HIGHLIGHT
        screenshot_of_view(page, "search-hit-in-the-reader-without-javascript")
    finally:
        context.close()


def test_an_indicators_source_link_lands_on_its_sentence_marked(page):
    import_bundled_reports()
    from archive.models import Report
    report = Report.objects.get(region="国务院", year=2024)
    page.goto(report.get_absolute_url())
    row = page.locator(".indicators tbody tr").nth(3)
    sentence = row.locator("details p").text_content()
    row.locator("td.source a").click()
    assert_arrived_at_the_sentence(page, sentence, "source-link-on-the-report-page")


def test_the_indicator_pages_source_link_lands_on_its_sentence(page):
    import_bundled_reports()
    page.goto("/indicators/" + quote("国内生产总值") + "/?region=" + quote("国务院"))
    row = page.locator("tr#y2023")
    point = row.locator("details.source").first
    point.locator("summary").click()
    sentence = point.locator("blockquote").text_content()
    point.locator(".source-link a").click()
    assert_arrived_at_the_sentence(page, sentence, "source-link-from-the-indicator-page")


def assert_arrived_at_the_sentence(page, sentence, name):
    """The page is at a sentence anchor (#s2-3-j4), that sentence is marked, in view, and is
    the one the indicator was read from."""
    page.wait_for_url(re.compile(r"/reports/\d+/#s[\d-]+-j\d+$"))
    target = page.locator(f"span[id='{urlsplit(page.url).fragment}']")
    assert target.evaluate("element => element.matches(':target')")
    assert target.evaluate("element => getComputedStyle(element).backgroundColor") == HIGHLIGHT
    assert target.evaluate(IN_VIEW)
    assert sentence.strip().startswith(target.text_content().strip()[:20])
    screenshot_of_view(page, name)


def test_a_report_without_contents_uses_the_full_width(page):
    call_command("import_reports", str(NATIONAL / "1975-guowuyuan.txt"), stdout=io.StringIO())
    import_bundled_reports()
    from archive.models import Report
    untitled = Report.objects.get(region="国务院", year=1975)
    with_toc = Report.objects.get(region="国务院", year=2024)

    def widths(report):
        page.goto(report.get_absolute_url())
        main = page.locator("main").evaluate(
            "m => m.clientWidth - parseFloat(getComputedStyle(m).paddingLeft)"
            " - parseFloat(getComputedStyle(m).paddingRight)")
        return page.locator(".report-body").bounding_box()["width"], main, page.locator("nav.toc").count()

    body, main, tocs = widths(with_toc)
    assert tocs == 1 and body < main - 200  # beside the contents
    body, main, tocs = widths(untitled)
    assert tocs == 0 and body >= main - 1, (body, main)
    screenshot_of_view(page, "report-without-contents")


@pytest.mark.parametrize("path", [
    "/indicators/" + quote("国内生产总值") + "/?region=" + quote("国务院"),
    "/trends/?q=" + quote("就业,消费"),
])
def test_charts_keep_readable_labels_on_a_phone(page, path):
    import_bundled_reports()
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(path)
    sizes = page.locator("svg.chart").first.evaluate("""svg => {
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        return [...svg.querySelectorAll('text')].map(
            text => parseFloat(getComputedStyle(text).fontSize) * scale);
    }""")
    assert sizes and min(sizes) >= 11, min(sizes)
    # the page itself does not scroll sideways: the chart does, inside its figure
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.locator("svg.chart").first.scroll_into_view_if_needed()
    screenshot_of_view(page, f"chart-on-a-phone-{path.split('/')[1]}")
