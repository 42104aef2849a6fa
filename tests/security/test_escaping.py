"""Report text is data, never markup or template: every page that shows it escapes it.

One report carries script tags, an attribute break-out, template syntax and a javascript:
URL in its title, region, speaker, headings, section text and an indicator's sentence;
each page that shows any of it must show it as text.
"""
from urllib.parse import quote

import pytest
from django.contrib.auth.models import User

from archive.importing import import_report
from archive.models import Indicator, Section
from archive.parsing.document import ReportMetadata
from tests.security.test_uploads import post_file

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
TEMPLATE = "{{ 7*7 }}"
TAG = "{% debug %}"
JS_URL = "javascript:alert(1)"
# What must never reach a page unescaped.
RAW = ("<script>alert", "<img src=x", "onerror=alert(1)>")

TITLE = f"政府工作报告{SCRIPT}{IMG}{TEMPLATE}{TAG}{JS_URL}"
REGION = f'测试市{IMG}{TEMPLATE}'  # no "/": a region names a folder and a URL
SPEAKER = f"张三{SCRIPT}"
TEXT = "\n\n".join([
    "政府工作报告",
    "——2025年1月20日在示范市第五届人民代表大会第三次会议上",
    "各位代表：",
    f"现在，我代表市人民政府向大会作工作报告{SCRIPT}，请予审议。",
    f"一、2024年工作回顾{IMG}",
    f"过去一年，预计地区生产总值增长5.5%{SCRIPT}，一般公共预算收入增长3%。{TEMPLATE}",
    f"二、{JS_URL}2025年工作安排{TAG}",
    f"今年经济社会发展的主要预期目标是：地区生产总值增长5%左右{IMG}，城镇新增就业1.2万人以上。",
    f"（一）坚持创新驱动{TEMPLATE}。加快发展新质生产力{SCRIPT}，培育鞋服产业集群。",
])


@pytest.fixture
def hostile():
    """The hostile report, stored and indexed (cheaper per test than the bundled reports once)."""
    given = ReportMetadata(title=TITLE, region=REGION, year=2025, speaker=SPEAKER,
                           office=f"市长{IMG}", meeting=f"第五届人民代表大会{TEMPLATE}")
    return import_report(TEXT.encode(), f"{SCRIPT}.txt", given).report


def test_the_hostile_strings_are_stored_as_written(hostile):
    """Otherwise the page tests below would prove nothing."""
    assert (hostile.title, hostile.region, hostile.speaker) == (TITLE, REGION, SPEAKER)
    assert SCRIPT in hostile.text and TEMPLATE in hostile.text
    headings = " ".join(Section.objects.filter(report=hostile).values_list("heading", flat=True))
    assert IMG in headings and JS_URL in headings and TAG in headings
    sentences = " ".join(Indicator.objects.filter(report=hostile).values_list("sentence", flat=True))
    assert SCRIPT in sentences and IMG in sentences


def assert_escaped(page: str, *shown: str):
    for raw in RAW:
        assert raw not in page, page[max(0, page.find(raw) - 300):page.find(raw) + 100]
    assert 'href="javascript:' not in page.lower()
    assert "&amp;lt;" not in page  # escaped twice: the reader would see "&lt;"
    assert "{&#x27;" not in page and "&#x27;csrf_token&#x27;" not in page  # {% debug %} output
    for text in shown:
        assert text in page, text


PAGES = {
    # url template: the escaped forms that must appear on it
    "home": ("/", ["&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x"]),
    "years": ("/years/", []),
    "year": ("/years/2025/", ["&lt;script&gt;", "&lt;img src=x", TEMPLATE]),
    "regions": ("/regions/", ["&lt;img src=x"]),
    "region": ("/regions/{region}/", ["&lt;script&gt;", "&lt;img src=x", TEMPLATE]),
    "report": ("/reports/{id}/", ["&lt;script&gt;alert(1)&lt;/script&gt;",
                                  "&lt;img src=x onerror=alert(1)&gt;", TEMPLATE, TAG, JS_URL,
                                  "张三&lt;script&gt;"]),
    "search": ("/search/?q=alert", ["&lt;script&gt;<mark>alert</mark>(1)&lt;/script&gt;"]),
    "search-region-filter": ("/search/?q=alert&region={region_q}", ["&lt;img src=x"]),
    "search-html-query": ("/search/?q={script_q}", ["&lt;script&gt;alert(1)&lt;/script&gt;"]),
    "indicators": ("/indicators/", ["&lt;img src=x"]),
    "indicator": ("/indicators/地区生产总值/?region={region_q}",
                  ["&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x"]),
    "indicator-unknown-html-name": ("/indicators/{img_q}/",
                                    ["&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"]),
    "trends": ("/trends/?q=alert", ["alert"]),
    "trends-html-query": ("/trends/?q={script_q}&region={region_q}",
                          ["&lt;script&gt;alert(1)&lt;/script&gt;"]),
    "admin-list": ("/admin/archive/report/", ["&lt;script&gt;"]),
    "admin-list-search": ("/admin/archive/report/?q={script_q}", ["&lt;script&gt;"]),
    "admin-change": ("/admin/archive/report/{id}/change/",
                     ["&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x", TEMPLATE, JS_URL]),
}


@pytest.fixture
def staff_client(client):
    client.force_login(User.objects.create(username="editor", is_staff=True, is_superuser=True))
    return client


@pytest.mark.parametrize("url_id, url, shown", [(key, *value) for key, value in PAGES.items()],
                         ids=PAGES.keys())
def test_pages_escape_hostile_report_text(staff_client, hostile, url_id, url, shown):
    url = url.format(id=hostile.pk, region=quote(REGION), region_q=quote(REGION, safe=""),
                     script_q=quote(SCRIPT, safe=""), img_q=quote(IMG, safe=""))
    response = staff_client.get(url)
    assert response.status_code == (404 if "unknown" in url_id else 200), url
    assert response["Content-Type"].startswith("text/html")
    assert_escaped(response.content.decode(), *shown)


def test_search_api_snippet_is_escaped_text_with_only_mark_tags(client, hostile):
    response = client.get("/api/search/", {"q": "alert"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["X-Content-Type-Options"] == "nosniff"  # a browser never renders it as HTML
    hits = response.json()["results"]
    assert hits and all(hit["report"]["id"] == hostile.pk for hit in hits)
    for hit in hits:
        text = hit["snippet"].replace("<mark>", "").replace("</mark>", "")
        assert "<" not in text and ">" not in text, hit["snippet"]
    assert any("&lt;script&gt;<mark>alert</mark>(1)&lt;/script&gt;" in hit["snippet"] for hit in hits)


def test_json_apis_return_text_as_data(client, hostile):
    """JSON carries the text as written (the consumer escapes it), never sniffed as HTML."""
    for url in (f"/api/reports/{hostile.pk}/", f"/api/reports/?region={quote(REGION, safe='')}",
                f"/api/indicators/?name=地区生产总值&region={quote(REGION, safe='')}",
                "/api/trends/?q=alert"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"] == "application/json"
        assert response["X-Content-Type-Options"] == "nosniff"
    assert client.get(f"/api/reports/{hostile.pk}/").json()["title"] == TITLE


def test_the_original_file_is_downloaded_never_rendered(client):
    given = ReportMetadata(region="示范市", year=2025)
    report = import_report(TEXT.encode(), "report.html", given).report
    response = client.get(f"/reports/{report.pk}/source/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_admin_echoes_a_hostile_file_name_escaped(staff_client, hostile):
    """The refusal names the uploaded file; Django keeps the name's < > (only / and \\ go)."""
    name = f"{IMG}.txt"
    page = post_file(staff_client, b"\x00\x01\x02" * 100, name).content.decode()
    assert "未能导入" in page
    assert_escaped(page, "&lt;img src=x onerror=alert(1)&gt;.txt")


def test_duplicate_upload_message_escapes_the_title(staff_client, hostile):
    response = post_file(staff_client, TEXT.encode(), "again.txt")
    assert response.status_code == 302
    page = staff_client.get(response.url).content.decode()
    assert "已在库中" in page
    assert_escaped(page, f'<a href="/reports/{hostile.pk}/">2025年 测试市&quot;&gt;&lt;img src=x')


ADMIN_PAGES = {
    "delete-confirmation": "/admin/archive/report/{id}/delete/",
    "history": "/admin/archive/report/{id}/history/",
    "index-recent-actions": "/admin/",
    "list-filtered-by-region": "/admin/archive/report/?region={region_q}",
}


@pytest.mark.parametrize("url", ADMIN_PAGES.values(), ids=ADMIN_PAGES.keys())
def test_other_admin_pages_escape_hostile_report_text(staff_client, hostile, url):
    from django.contrib.admin.models import CHANGE, LogEntry

    # What the admin's "recent actions" and history list show: the report's str().
    LogEntry.objects.log_actions(staff_client.session["_auth_user_id"], [hostile], CHANGE,
                                 change_message="改过", single_object=True)
    response = staff_client.get(url.format(id=hostile.pk, region_q=quote(REGION, safe="")))
    assert response.status_code == 200, url
    assert_escaped(response.content.decode(), "&lt;img src=x onerror=alert(1)&gt;")


def test_admin_messages_after_upload_and_reparse_escape_the_title(staff_client):
    """The success messages name the report (its title and region come from the upload form)."""
    response = post_file(staff_client, TEXT.encode(), "report.txt", title=TITLE, region=REGION,
                         year=2025)
    assert response.status_code == 302
    page = staff_client.get(response.url).content.decode()
    assert "已导入" in page
    assert_escaped(page, "&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x")

    report_id = int(response.url.rstrip("/").split("/")[-2])
    response = staff_client.post("/admin/archive/report/", {
        "action": "reparse", "_selected_action": [report_id]}, follow=True)
    page = response.content.decode()
    assert "已重新解析" in page
    assert_escaped(page, "&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x")
