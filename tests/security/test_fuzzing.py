"""Arbitrary query parameters and URL parts: answered with 200, a redirect, 400 or 404, never 500.

How many examples, and whether they are random, is the Hypothesis profile's (tests/conftest.py):
the same 150 in every suite run, 2,000 random ones under `make fuzz`.

The bundled reports are imported and indexed once (the ``bundled`` fixture), so that
generated queries that contain real words do find sections, facets and snippets. The test
client re-raises any exception a view lets escape, so a crash fails the example.
"""
import dataclasses
import json
import re
from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from archive.importing import ImportRefused
from archive.parsing.document import ReportMetadata
from archive.parsing.pipeline import parse_report

pytestmark = pytest.mark.django_db

ANSWERS = {200, 301, 302, 400, 404}
CHINESE = re.compile(r"[\u4e00-\u9fff]")

# Whoosh's and our own query syntax, real words, names and values of the bundled reports.
PIECES = st.sampled_from([
    "field:x", "text:新质生产力", "region:国务院", "*", "新质*", "?", "~", "就业~2", "[a TO b]",
    "[2020 TO 2025]", "{a TO}", "^", "高质量^3", '"', '"文旅融合', '"文旅融合综合竞争力"', "“", "”",
    "OR", "AND", "NOT", "-", "-试点", "|", "｜", "(", ")", "\\", "/", "%", "&", "#", "=", ";", "'",
    "\x00", "\x1f", "\u3000", "\u200b", "\u202e", "\ufeff", "🙂", "👨‍👩‍👧", "\U000E0041", "𠀀",
    "新质生产力", "晋江经验", "鞋", "新質生產力", "5G", "3500亿元", "7%", "就业",
    "国务院", "晋江市", "国内生产总值", "地区生产总值", "work_report", "interpretation",
    "relevance", "newest", "oldest", "growth", "level", "2025", "2019", "0", "-1", "1e3",
    "99999999999999999999999", "9223372036854775808", "0x10", "٣", "２０２５", " ", "",
])
TEXT = st.one_of(
    st.text(max_size=40),                                        # any code point but surrogates
    st.lists(PIECES | st.text(max_size=4), max_size=8).map(" ".join),
    st.lists(PIECES, max_size=6).map("".join),
    st.builds(lambda piece, times: piece * times,                # very long
              st.text(min_size=1, max_size=6), st.integers(100, 1500)),
    st.integers().map(str),
)
PARAMS = ("q", "year", "year_from", "year_to", "region", "kind", "report", "sort", "page",
          "name", "measure", "level", "a", "b")
# A parameter given once, or repeated (?q=a&q=b), as a browser or a script may send it.
VALUES = st.one_of(TEXT, st.lists(TEXT, min_size=2, max_size=3))
QUERIES = st.fixed_dictionaries({}, optional={name: VALUES for name in PARAMS})
# The search and trend views refuse a bad parameter with a 400; nothing there is "not found".
SEARCH_ANSWERS = {200, 400}
PATH_PART = st.one_of(TEXT, st.integers(min_value=-1, max_value=10**30).map(str))


def check(client, url, params=None, answers=ANSWERS):
    """The answer is one of ``answers``, and a refusal says why in Chinese."""
    response = client.get(url, params or {})
    assert response.status_code in answers, (url, params, response.status_code)
    if response.status_code >= 400:
        body = (json.dumps(response.json(), ensure_ascii=False)
                if response["Content-Type"] == "application/json" else response.content.decode())
        assert CHINESE.search(body), (url, params, body[:500])
    return response


@pytest.mark.parametrize("url", ["/search/", "/api/search/", "/trends/", "/api/trends/",
                                 "/api/reports/", "/api/indicators/", "/indicators/",
                                 "/indicators/国内生产总值/", "/indicators/国内生产总值.csv",
                                 "/compare/", "/api/compare/"])
@given(params=QUERIES)
def test_query_parameters(client, bundled, url, params):
    check(client, url, params, SEARCH_ANSWERS if "search" in url or "trends" in url else ANSWERS)


def test_the_fuzzed_parameters_are_every_parameter_the_search_views_read():
    """A parameter added to SearchParams (or the trend views) must be fuzzed too."""
    import inspect

    from indicators import compare_views, ranking_views, trend_views
    from search import views
    from search.params import SearchParams

    read = {item.name for item in dataclasses.fields(SearchParams)} - {"errors"}
    for module in (views, trend_views, compare_views, ranking_views):
        read |= set(re.findall(r"GET\.get\(\"(\w+)\"", inspect.getsource(module)))
    assert read and read <= set(PARAMS), read - set(PARAMS)


@given(name=PATH_PART, csv=st.booleans(), params=QUERIES)
def test_indicator_names(client, bundled, name, csv, params):
    quoted = quote(name, safe="")
    check(client, f"/indicators/{quoted}.csv" if csv else f"/indicators/{quoted}/", params)


@given(part=PATH_PART, url=st.sampled_from(["/years/{}/", "/regions/{}/", "/reports/{}/",
                                            "/reports/{}/source/", "/api/reports/{}/"]))
def test_path_parts(client, bundled, part, url):
    check(client, url.format(quote(part, safe="")))


def test_django_bad_request_page_is_chinese(client):
    """A request Django refuses before any view (here: a redirect to add the slash over 16 KB)."""
    response = client.get("/search", {"q": "检索" * 3000})
    assert response.status_code == 400
    assert CHINESE.search(response.content.decode())


def test_the_fuzzed_pages_do_find_things(client, bundled):
    """The generated words are real: a search and an indicator answer with content."""
    assert check(client, "/api/search/", {"q": "新质生产力"}).json()["count"] > 0
    assert check(client, "/api/indicators/", {"name": "国内生产总值"}).json()["series"]


@given(data=st.one_of(st.binary(max_size=2000),
                      st.text(max_size=500).map(str.encode),
                      st.lists(PIECES | st.text(max_size=20), max_size=40)
                      .map(lambda parts: "\n".join(["各位代表：", *parts]).encode("utf-8"))))
def test_any_bytes_are_parsed_or_refused_with_a_reason(data):
    """What import_report would store or refuse: no other exception escapes the parser."""
    try:
        parse_report(data, "fuzz.txt", ReportMetadata(region="示范市", year=2025))
    except ImportRefused as refusal:
        assert str(refusal)


def test_nul_characters_are_dropped_from_parameters(client, bundled):
    """PostgreSQL cannot compare text with NUL: parameters lose them before any view."""
    with_nul = client.get("/api/reports/", {"region": "国务\x00院"}).json()
    assert with_nul["count"] > 0
    assert with_nul == client.get("/api/reports/", {"region": "国务院"}).json()
    assert client.get("/api/indicators/", {"name": "\x00"}).status_code in {200, 400, 404}


def test_a_nul_in_the_path_is_a_chinese_400(client):
    response = client.get("/regions/%00/")
    assert response.status_code == 400
    assert CHINESE.search(response.content.decode())
