"""Search through the views and the JSON API, on the bundled reports."""
import pytest

pytestmark = pytest.mark.django_db


def api(client, **params):
    response = client.get("/api/search/", params)
    assert response.status_code == 200, response.content
    return response.json()


def hit_places(data):
    return [(r["report"]["year"], r["report"]["region"], r["report"]["kind"],
             (r["section"] or {}).get("path", "")) for r in data["results"]]


@pytest.mark.parametrize("query, year, kind, path_part", [
    ("晋江经验", 2025, "work_report", "建设人民满意政府"),
    ("低效用地", 2025, "work_report", "攻坚重点领域改革"),
    ("山姆会员店", 2025, "work_report", "2024年工作回顾"),
    ('"文旅融合综合竞争力"', 2025, "work_report", "2024年工作回顾"),
])
def test_seed_searches_land_on_the_right_sections(client, bundled, query, year, kind, path_part):
    places = hit_places(api(client, q=query))
    assert any(y == year and region == "晋江市" and k == kind and path_part in path
               for y, region, k, path in places), places


def test_hits_link_to_the_section_anchor_and_mark_the_match(client, bundled):
    data = api(client, q='"文旅融合综合竞争力"')
    assert data["count"] == 1
    hit = data["results"][0]
    assert "#s" in hit["section"]["url"]
    assert "<mark>文旅融合综合竞争力</mark>" in hit["snippet"]
    page = client.get(hit["section"]["url"].split("#")[0]).content.decode()
    assert f'id="{hit["section"]["url"].split("#")[1]}"' in page


def test_year_region_and_kind_filters_and_facets(client, bundled):
    everything = api(client, q="新质生产力")
    assert set(everything["facets"]["year"]) >= {"2024", "2025"}
    assert sum(everything["facets"]["year"].values()) == everything["count"]
    assert set(everything["facets"]["region"]) == {"国务院", "晋江市"}

    national = api(client, q="新质生产力", region="国务院")
    assert national["count"] == everything["facets"]["region"]["国务院"]
    assert {r["report"]["region"] for r in national["results"]} == {"国务院"}

    one_year = api(client, q="新质生产力", year=2024)
    assert {r["report"]["year"] for r in one_year["results"]} == {2024}
    assert one_year["count"] == everything["facets"]["year"]["2024"]

    ranged = api(client, q="新质生产力", year_from=2025, year_to=2030)
    assert {r["report"]["year"] for r in ranged["results"]} == {2025}

    interpretations = api(client, q="新质生产力", kind="interpretation")
    assert {r["report"]["kind"] for r in interpretations["results"]} == {"interpretation"}


def test_search_within_one_report(client, bundled):
    report_id = api(client, q="山姆会员店", region="晋江市", year=2025)["results"][0]["report"]["id"]
    data = api(client, q="消费", report=report_id)
    assert data["count"] > 0
    assert {r["report"]["id"] for r in data["results"]} == {report_id}


def test_sort_by_year(client, bundled):
    newest = [r["report"]["year"] for r in api(client, q="就业", sort="newest")["results"]]
    oldest = [r["report"]["year"] for r in api(client, q="就业", sort="oldest")["results"]]
    assert newest == sorted(newest, reverse=True) and oldest == sorted(oldest)
    assert newest[0] > oldest[0]


def test_or_is_a_union_not_an_intersection(client, bundled):
    a = api(client, q="山姆会员店")["count"]
    b = api(client, q="低效用地")["count"]
    both = api(client, q="山姆会员店 低效用地")["count"]
    either = api(client, q="山姆会员店 OR 低效用地")["count"]
    assert either == a + b - both and either > max(a, b)


def test_exclusion(client, bundled):
    with_word = api(client, q="低效用地")["count"]
    without = api(client, q="低效用地 -试点")["count"]
    assert 0 < without < with_word


def test_pages(client, bundled):
    first = api(client, q="发展")
    assert first["count"] > 20 and len(first["results"]) == 20
    second = api(client, q="发展", page=2)
    assert {r["section"]["id"] for r in first["results"] if r["section"]}.isdisjoint(
        {r["section"]["id"] for r in second["results"] if r["section"]})
    beyond = api(client, q="发展", page=499)
    assert beyond["results"] == [] and beyond["count"] == first["count"]
    assert f"第 499 页超出范围：共 {first['pages']} 页" in beyond["notes"]
    assert not [note for note in second["notes"] if "超出范围" in note]


HOSTILE = [
    "", "   ", '"', '"unbalanced', "OR", "OR OR", "-", "--", "- -x", "*", "?", "~", "^", "field:x",
    "text:晋江", "(", ")", "[a TO b]", "\x00\x01\x02", "😀😀", "晋江" * 1200, "<script>alert(1)</script>",
    "AND NOT", "\\", "%", "'; DROP TABLE archive_report; --",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_never_fail(client, bundled, query):
    for url in ("/search/", "/api/search/", "/api/trends/"):
        response = client.get(url, {"q": query})
        assert response.status_code == 200, (url, query)
    page = client.get("/search/", {"q": query}).content.decode()
    assert "<script>alert(1)</script>" not in page


def test_long_queries_are_cut_and_said_so(client, bundled):
    data = api(client, q="晋江" * 1200)
    assert data["notes"], "the user is told the query was shortened"
    assert len(data["query"]) < 2400


@pytest.mark.parametrize("params", [
    {"q": "晋江", "year": "abc"}, {"q": "晋江", "page": "-1"}, {"q": "晋江", "kind": "nonsense"},
    {"q": "晋江", "sort": "random"}, {"q": "晋江", "report": "x"}, {"q": "晋江", "page": "10000000"},
])
def test_bad_parameters_are_a_400_with_a_reason(client, bundled, params):
    for url in ("/search/", "/api/search/"):
        response = client.get(url, params)
        assert response.status_code == 400, (url, params)
    assert client.get("/api/search/", params).json()["errors"]


def test_results_page_is_a_permalink_with_facet_links(client, bundled):
    page = client.get("/search/", {"q": "新质生产力", "region": "国务院"}).content.decode()
    assert "共 " in page and "<mark>" in page
    assert "region=%E5%9B%BD%E5%8A%A1%E9%99%A2" in page  # facet and sort links keep the filter
    assert 'lang="zh-Hans"' in page


def test_snippets_escape_report_text(client):
    from archive.importing import import_report
    from tests.documents import docx_bytes

    from search.indexing import backend

    backend().setup()  # an empty index of its own: the module's bundled reports stay in the database
    import_report(docx_bytes(bold_prefix='<script>alert(1)</script>新质生产力'), "x.docx")
    data = api(client, q="新质生产力")
    snippets = " ".join(r["snippet"] for r in data["results"])
    assert "<script>" not in snippets and "&lt;script&gt;" in snippets


@pytest.mark.parametrize("char", ["鞋", "伞"])
def test_single_characters_find_their_sections(client, bundled, char):
    from archive.models import Section

    data = api(client, q=char)
    expected = Section.objects.filter(text__contains=char).count()
    assert expected > 0
    section_hits = [r for r in data["results"] if r["section"]]
    assert data["count"] >= expected
    assert all(char in r["snippet"] for r in section_hits)


def test_filters_that_find_nothing_say_why(client, bundled):
    assert api(client, q="发展")["notes"] == []
    crossed = api(client, q="发展", year_from=2024, year_to=2021)
    assert crossed["count"] == 0 and any("晚于截止年份" in note for note in crossed["notes"])
    outside = api(client, q="发展", year=2019, year_from=2021)
    assert outside["count"] == 0 and any("不在所选的年份范围" in note for note in outside["notes"])
    nowhere = api(client, q="发展", region="火星")
    assert nowhere["count"] == 0 and any("火星" in note for note in nowhere["notes"])
    assert api(client, q="发展", region="晋江市")["notes"] == []


def test_kind_by_its_chinese_name_and_sort_in_any_case(client, bundled):
    assert api(client, q="发展", kind="解读")["count"] == api(client, q="发展", kind="interpretation")["count"] > 0
    newest = client.get("/api/search/", {"q": "发展", "sort": "NEWEST"})
    assert newest.status_code == 200
    years = [hit["report"]["year"] for hit in newest.json()["results"]]
    assert years == sorted(years, reverse=True)


@pytest.mark.parametrize("raw", ["", "-发展", "😀", "鸑鷟琅嬛"])
def test_facets_always_name_their_three_fields(client, bundled, raw):
    assert set(api(client, q=raw)["facets"]) == {"year", "region", "kind"}
