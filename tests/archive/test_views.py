"""The reader-facing pages: home, years, regions, the report reader, 404 and 500."""
import html
import io
import re
from html.parser import HTMLParser

import pytest
from django.test import RequestFactory
from django.views.defaults import server_error

from archive.importing import import_report
from archive.models import Report
from archive.parsing.document import ReportMetadata
from tests.conftest import FIXTURE_REPORTS, search_index_at
from tests.documents import SMALL_REPORT, docx_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def report():
    return import_report(docx_bytes(), "report.docx").report


def text_of(page: str) -> str:
    """What a reader sees of <main>: tags dropped, entities decoded, spaces collapsed."""
    main = page[page.index("<main"):page.index("</main>")]
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", main)))


def title_of(page: str) -> str:
    return html.unescape(re.search(r"<title>(.*?)</title>", page, re.S).group(1).strip())


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response.content.decode()


class TocParser(HTMLParser):
    """The links of the table of contents, each with how deep in nested <ol> it sits."""

    def __init__(self):
        super().__init__()
        self.in_toc = False
        self.depth = 0
        self.links = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "nav" and attrs.get("class") == "toc":
            self.in_toc = True
        elif self.in_toc and tag == "ol":
            self.depth += 1
        elif self.in_toc and tag == "a" and attrs.get("href", "").startswith("#"):
            self.links[attrs["href"][1:]] = self.depth

    def handle_endtag(self, tag):
        if self.in_toc and tag == "ol":
            self.depth -= 1
        elif tag == "nav":
            self.in_toc = False


def toc_links(page):
    parser = TocParser()
    parser.feed(page)
    return parser.links


# The pages on one small imported report -------------------------------------------------

def test_home_lists_years_and_latest_reports(client, report):
    page = client.get("/").content.decode()
    assert "2025年" in page
    assert report.get_absolute_url() in page


def test_home_without_reports_says_so(client):
    response = client.get("/")
    assert response.status_code == 200
    assert "还没有报告" in response.content.decode()


def test_report_page_has_every_section_anchor_and_the_indicators(client, report):
    page = client.get(report.get_absolute_url()).content.decode()
    for section in report.sections.all():
        assert f'id="{section.anchor}"' in page
    assert "示范市人民政府市长" in page
    assert "地区生产总值" in page


def test_report_text_is_escaped(client):
    hostile = import_report(docx_bytes(bold_prefix='<script>alert(1)</script>'), "x.docx").report
    page = client.get(hostile.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


def test_report_title_is_escaped_on_every_page_that_lists_it(client):
    given = ReportMetadata(title="<script>alert(2)</script>报告")
    hostile = import_report(docx_bytes(), "x.docx", given).report
    for url in ("/", "/years/2025/", "/regions/示范市/", hostile.get_absolute_url()):
        page = get(client, url)
        assert "<script>alert(2)</script>" not in page, url
        assert "&lt;script&gt;alert(2)&lt;/script&gt;报告" in page, url


def test_source_download_returns_the_original(client, report):
    response = client.get(f"/reports/{report.pk}/source/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == docx_bytes()


def test_report_page_shows_meeting_date_speaker_and_download(client, report):
    page = get(client, report.get_absolute_url())
    seen = text_of(page)
    assert "2025年1月20日在示范市第五届人民代表大会第三次会议上" in seen
    assert "张三" in seen
    assert f'href="/reports/{report.pk}/source/"' in page
    assert f'name="report" value="{report.pk}"' in page  # search inside this report


def test_report_page_without_neighbours_says_so(client, report):
    seen = text_of(get(client, report.get_absolute_url()))
    assert "没有更早的报告" in seen and "没有更晚的报告" in seen


def test_report_neighbours_are_the_same_regions_nearest_years(client, report):
    def variant(year):
        lines = tuple(line.replace("2025年1月20日", f"{year - 1}年1月20日") for line in SMALL_REPORT)
        return import_report(docx_bytes(lines), f"{year}.docx", ReportMetadata(year=year)).report

    earlier, later = variant(2022), variant(2027)
    other_city = tuple(line.replace("示范市", "别的市") for line in SMALL_REPORT)
    elsewhere = import_report(docx_bytes(other_city), "other.docx",
                              ReportMetadata(year=2024)).report
    assert elsewhere.region == "别的市"
    page = get(client, report.get_absolute_url())
    assert f'rel="prev" href="{earlier.get_absolute_url()}"' in page
    assert f'rel="next" href="{later.get_absolute_url()}"' in page
    assert f'href="{elsewhere.get_absolute_url()}"' not in page
    assert "‹ 2022年" in text_of(page) and "2027年 · 政府工作报告 ›" in text_of(page)


def test_headline_on_region_page_of_a_small_report(client, report):
    seen = text_of(get(client, "/regions/示范市/"))
    assert "地区生产总值增长 目标 5%左右 · 实际 5.5%" in seen


# Empty states and refusals ---------------------------------------------------------------

def test_indexes_without_reports_say_so(client):
    assert "还没有报告" in text_of(get(client, "/years/"))
    assert "还没有报告" in text_of(get(client, "/regions/"))


def test_year_without_reports_is_a_page_that_says_so(client):
    seen = text_of(get(client, "/years/2020/"))
    assert "2020年还没有收录报告" in seen
    assert "最近的有报告的年度" not in seen  # there are no years to point to


def test_empty_year_links_to_the_nearest_years_with_reports(client, report):
    import_report(docx_bytes(SMALL_REPORT[:-1]), "2021.docx", ReportMetadata(year=2021))
    page = get(client, "/years/2023/")
    assert "2023年还没有收录报告" in text_of(page)
    assert 'href="/years/2021/"' in page and 'href="/years/2025/"' in page


@pytest.mark.parametrize("url", [
    "/years/1948/", "/years/2101/", "/years/0/", "/years/abc/",
    "/regions/没有这个地区/", "/reports/424242/", "/reports/424242/source/",
    "/no/such/page/",
])
def test_unknown_pages_are_a_chinese_404(client, settings, url):
    assert settings.DEBUG is False
    page = get(client, url, status=404)
    assert "页面不存在" in page
    assert title_of(page) == "页面不存在 · 政报档案"
    assert '<html lang="zh-Hans">' in page


def test_years_at_the_ends_of_the_range_are_pages(client):
    assert "1949年还没有收录报告" in text_of(get(client, "/years/1949/"))
    assert "2100年还没有收录报告" in text_of(get(client, "/years/2100/"))


def test_500_page_is_chinese_and_needs_no_context():
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    page = response.content.decode()
    assert "服务器出错" in page and '<html lang="zh-Hans">' in page


def test_report_without_source_file_has_no_download_link(client, report):
    Report.objects.filter(pk=report.pk).update(source_file="")
    page = get(client, report.get_absolute_url())
    assert "/source/" not in page
    get(client, f"/reports/{report.pk}/source/", status=404)


# The pages on the bundled reports --------------------------------------------------------

@pytest.fixture(scope="class")
def archive(django_db_setup, django_db_blocker, tmp_path_factory):
    """The bundled reports imported once for a class of read-only tests (removed after it).

    Class-scoped, not the module-scoped ``bundled``, so the empty-state tests above never
    see them.
    """
    from django.conf import settings
    from django.core.management import call_command

    scratch = tmp_path_factory.mktemp("archive-pages")
    media_root, settings.MEDIA_ROOT = settings.MEDIA_ROOT, scratch / "uploads"
    with search_index_at(scratch / "whoosh"), django_db_blocker.unblock():
        call_command("import_reports", str(FIXTURE_REPORTS), stdout=io.StringIO())
        try:
            yield {(r.region, r.year): r for r in Report.objects.all()}
        finally:
            Report.objects.all().delete()
            settings.MEDIA_ROOT = media_root


@pytest.mark.usefixtures("archive")
class TestBundledReports:
    def test_every_page_has_the_navigation(self, client, archive):
        report = archive[("晋江市", 2025)]
        for url in ("/", "/years/", "/years/2025/", "/regions/", "/regions/晋江市/",
                    report.get_absolute_url(), "/no/such/page/"):
            page = client.get(url).content.decode()
            nav = page[page.index('class="site-nav"'):page.index("</nav>", page.index('class="site-nav"'))]
            for label, href in (("首页", "/"), ("年度", "/years/"), ("地区", "/regions/"),
                                ("指标", "/indicators/"), ("词频趋势", "/trends/"),
                                ("检索", "/search/")):
                assert f'href="{href}"' in nav and f">{label}</a>" in nav, (url, label)

    def test_page_titles_say_where_you_are(self, client, archive):
        report = archive[("晋江市", 2025)]
        titles = {
            "/": "首页 · 政报档案",
            "/years/": "年度 · 政报档案",
            "/years/2024/": "2024年 · 年度 · 政报档案",
            "/years/2020/": "2020年 · 年度 · 政报档案",
            "/regions/": "地区 · 政报档案",
            "/regions/晋江市/": "晋江市 · 地区 · 政报档案",
            report.get_absolute_url(): "2025年晋江市政府工作报告 · 政报档案",
            archive[("国务院", 2025)].get_absolute_url(): "2025年国务院政府工作报告 · 政报档案",
            # a title that names its year and region already is left as it is
            archive[("晋江市", 2024)].get_absolute_url(): "晋江市2024年政府工作报告及预算报告解读 · 政报档案",
        }
        for url, title in titles.items():
            assert title_of(get(client, url)) == title, url

    def test_current_section_is_marked_in_the_navigation(self, client):
        page = get(client, "/years/2023/")
        assert 'href="/years/" aria-current="true"' in page
        assert 'href="/regions/" aria-current' not in page

    def test_home_timeline_links_every_year_with_its_count(self, client, django_assert_max_num_queries):
        with django_assert_max_num_queries(3):
            page = get(client, "/")
        for year, count in ((2019, 1), (2021, 1), (2023, 2), (2025, 2)):
            assert f'href="/years/{year}/" title="{year}年：{count} 份报告"' in page
        assert 'title="2020年暂无报告"' in page  # the gap is shown, not linked
        assert 'href="/years/2020/"' not in page
        assert '<rect y="-100" width="10" height="100"/>' in page
        assert '<rect y="-50" width="10" height="50"/>' in page

    def test_home_lists_regions_with_counts_and_latest_additions(self, client, archive):
        page = get(client, "/")
        seen = text_of(page)
        assert 'href="/regions/%E5%9B%BD%E5%8A%A1%E9%99%A2/"' in page  # 国务院
        assert "国务院 6 份 · 2019–2025年" in seen
        assert "晋江市 3 份 · 2023–2025年" in seen
        assert "共收录 9 份报告" in seen
        for report in archive.values():
            assert report.get_absolute_url() in page
        latest = seen[seen.index("最新入库"):]
        assert "2025年国务院政府工作报告 政府工作报告" in latest  # the full title, once
        assert "晋江市2023年政府工作报告要点" in latest
        assert 'name="q"' in page and 'action="/search/"' in page

    def test_year_index_lists_all_years(self, client):
        page = get(client, "/years/")
        for year in (2019, 2021, 2022, 2023, 2024, 2025):
            assert f'href="/years/{year}/"' in page

    def test_region_index_lists_regions(self, client):
        seen = text_of(get(client, "/regions/"))
        assert "国务院 6 份" in seen and "晋江市 3 份" in seen

    def test_year_page_groups_reports_by_region_and_kind(self, client, archive,
                                                         django_assert_max_num_queries):
        with django_assert_max_num_queries(4):  # the 4th: indicators with regions' targets that year
            page = get(client, "/years/2023/")
        seen = text_of(page)
        assert seen.index("国务院") < seen.index("晋江市")
        assert "共 2 份，2 个地区：政府工作报告 1 份 · 要点 1 份" in seen
        assert "要点 晋江市2023年政府工作报告要点" in seen
        assert archive[("国务院", 2023)].get_absolute_url() in page
        assert archive[("晋江市", 2023)].get_absolute_url() in page
        assert archive[("国务院", 2024)].get_absolute_url() not in page
        assert 'name="year" value="2023"' in page

    def test_year_page_links_the_previous_and_next_years_with_reports(self, client):
        page = get(client, "/years/2021/")
        assert 'rel="prev" href="/years/2019/"' in page  # 2020 has none
        assert 'rel="next" href="/years/2022/"' in page
        last = get(client, "/years/2025/")
        assert 'rel="prev" href="/years/2024/"' in last
        assert 'rel="next"' not in last and "没有更晚的年度" in text_of(last)
        first = get(client, "/years/2019/")
        assert 'rel="prev"' not in first and "没有更早的年度" in text_of(first)

    def test_empty_year_between_reports_links_both_sides(self, client):
        page = get(client, "/years/2020/")
        assert "2020年还没有收录报告" in text_of(page)
        assert 'href="/years/2019/"' in page and 'href="/years/2021/"' in page

    def test_region_page_shows_every_year_with_headline_indicators(self, client, archive,
                                                                   django_assert_max_num_queries):
        with django_assert_max_num_queries(2):
            page = get(client, "/regions/国务院/")
        seen = text_of(page)
        assert "收录 6 份报告，2019–2025年" in seen
        years = [int(y) for y in re.findall(r'<h2><a href="/years/(\d{4})/">', page)]
        assert years == [2025, 2024, 2023, 2022, 2021, 2019]
        assert "2024年 政府工作报告 政府工作报告 2024年3月5日 国内生产总值增长 目标 5%左右 · 实际 5.2%" in seen
        assert "国内生产总值增长 目标 6%－6.5% · 实际 6.6%" in seen  # 2019: a range
        assert "国内生产总值增长 目标 5.5%左右 · 实际 8.1%" in seen  # 2022
        assert archive[("晋江市", 2025)].get_absolute_url() not in page

    def test_region_page_headline_links_to_the_sentence(self, client, archive):
        page = get(client, "/regions/晋江市/")
        report = archive[("晋江市", 2025)]
        target = report.indicators.get(name="地区生产总值", measure="growth", kind="target")
        assert target.source_anchor.startswith(f"{target.section.anchor}-j")
        assert f'href="{report.get_absolute_url()}#{target.source_anchor}" title="2025年预期目标"' in page
        seen = text_of(page)
        assert "地区生产总值增长 目标 6%左右 · 实际 7%以上" in seen
        assert "解读 晋江市2024年政府工作报告及预算报告解读" in seen  # kinds shown

    def test_region_in_the_url_may_be_percent_encoded(self, client):
        page = get(client, "/regions/%E6%99%8B%E6%B1%9F%E5%B8%82/")
        assert title_of(page) == "晋江市 · 地区 · 政报档案"

    def test_report_page_toc_nests_three_levels(self, client, archive):
        report = archive[("晋江市", 2025)]
        page = get(client, report.get_absolute_url())
        links = toc_links(page)
        assert links["s1"] == 1 and links["s2"] == 1
        assert links["s2-1"] == 2 and "s1-1" not in links   # part 一 has no items
        assert links["s2-1-1"] == 3
        assert "s2-2-1-1" not in links  # level 4: in the text, not in the contents
        assert 'id="s2-2-1-1"' in page
        for section in report.sections.all():
            assert f'id="{section.anchor}"' in page
            if section.level <= 3:
                assert section.anchor in links

    @pytest.mark.parametrize("key", [("晋江市", 2025), ("国务院", 2024), ("国务院", 2019)])
    def test_report_page_indicators_link_their_sentence_and_show_it(self, client, archive, key):
        report = archive[key]
        page = get(client, report.get_absolute_url())
        table = page[page.index('<section class="indicators"'):page.index('<div class="fulltext">')]
        rows = re.findall(r"<tr class=\"indicator-.*?</tr>", table, re.S)
        indicators = list(report.indicators.select_related("section"))
        assert len(rows) == len(indicators)
        sentences = {anchor: html.unescape(re.sub(r"<[^>]+>", "", body)) for anchor, body in
                     re.findall(r'<span class="sentence" id="([^"]+)">(.*?)</span>', page, re.S)}
        for row, indicator in zip(rows, indicators):
            anchor = re.search(r'<a href="#([^"]+)">', row).group(1)
            # the link lands on a sentence of the section that begins the indicator's sentence
            assert anchor.startswith(f"{indicator.section.anchor}-j"), (anchor, indicator.sentence)
            assert indicator.sentence.startswith(sentences[anchor].strip()[:20]), (
                sentences[anchor], indicator.sentence)
            assert f"<details><summary>原句</summary><p>{html.escape(indicator.sentence)}" in row
        if key == ("晋江市", 2025):
            assert max(len(i.sentence) for i in indicators) > 60  # the full sentence, not cut

    def test_report_page_links_the_same_regions_neighbouring_years(self, client, archive):
        page = get(client, archive[("国务院", 2021)].get_absolute_url())
        assert f'rel="prev" href="{archive[("国务院", 2019)].get_absolute_url()}"' in page
        assert f'rel="next" href="{archive[("国务院", 2022)].get_absolute_url()}"' in page
        jinjiang = get(client, archive[("晋江市", 2025)].get_absolute_url())
        assert f'rel="prev" href="{archive[("晋江市", 2024)].get_absolute_url()}"' in jinjiang
        assert 'rel="next"' not in jinjiang
        assert "2024年 · 解读" in text_of(jinjiang)

    def test_report_page_breadcrumb_and_meeting(self, client, archive):
        report = archive[("晋江市", 2025)]
        page = get(client, report.get_absolute_url())
        assert 'href="/years/2025/"' in page
        assert 'href="/regions/%E6%99%8B%E6%B1%9F%E5%B8%82/"' in page
        assert "2024年12月30日在晋江市第十八届人民代表大会第四次会议上" in text_of(page)
        national = text_of(get(client, archive[("国务院", 2024)].get_absolute_url()))
        assert "在第十四届全国人民代表大会第二次会议上" in national

    def test_report_page_queries_do_not_grow_with_the_report(self, client, archive,
                                                             django_assert_max_num_queries):
        for key in (("晋江市", 2025), ("晋江市", 2023), ("国务院", 2019)):
            with django_assert_max_num_queries(5):  # the 5th: last year's report, for 与上年对比
                get(client, archive[key].get_absolute_url())


def test_a_year_of_many_reports_is_listed_a_page_at_a_time(client, monkeypatch,
                                                           django_assert_max_num_queries):
    from archive import views
    monkeypatch.setattr(views, "YEAR_PAGE_SIZE", 3)
    for region, count in (("甲市", 2), ("乙县", 3), ("丙区", 1)):
        for number in range(count):
            Report.objects.create(region=region, year=2031, title=f"{region}报告{number}", text="。")
    ordered = sorted(("甲市", "乙县", "丙区"))   # regions in code point order, as the page sorts

    with django_assert_max_num_queries(4):
        first = get(client, "/years/2031/")
    second = get(client, "/years/2031/?page=2")
    for page in (first, second):
        assert "共 6 份，3 个地区" in text_of(page)
        assert "第 1–3 份" in text_of(first) and "第 4–6 份" in text_of(second)
    listed = [re.findall(r"(\S+?)报告\d", text_of(page)) for page in (first, second)]
    assert listed[0] + listed[1] == sorted(listed[0] + listed[1], key=ordered.index)
    assert len(listed[0]) == len(listed[1]) == 3
    # the region that runs over the page break is named again, marked as continued
    split = listed[0][-1]
    assert split == listed[1][0] and f"{split} （续）" in text_of(second)
    assert "（续）" not in text_of(first)
    assert 'href="?page=2"' in first and 'href="?page=1"' in second
    # a page number out of range or not a number is a page, never an error
    assert text_of(get(client, "/years/2031/?page=99")) == text_of(second)
    assert text_of(get(client, "/years/2031/?page=abc")) == text_of(first)
