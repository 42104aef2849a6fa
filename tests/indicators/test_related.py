"""Related passages: more-like-this on the index, through haystack, on the bundled reports."""
import pytest

from archive.models import Section
from indicators.related import related_sections

pytestmark = pytest.mark.django_db


@pytest.fixture
def science(bundled):
    """The State Council's 2024 part on science and education, which later reports echo."""
    return Section.objects.get(report__region="国务院", report__year=2024,
                               heading__contains="科教兴国")


def test_related_sections_come_from_other_reports_and_share_its_words(science):
    related = related_sections(science)
    assert 0 < len(related) <= 5
    assert science.pk not in {s.pk for s in related}
    assert all(s.report_id != science.report_id for s in related)
    # The closest is 2025's part on the same strategy, not an unrelated section.
    assert "科教兴国" in related[0].heading
    assert all(any(word in s.text for word in ("科技", "创新", "教育", "人才")) for s in related)


def test_the_reader_links_each_section_to_its_related_page(client, science):
    page = client.get(science.report.get_absolute_url()).content.decode()
    assert f'href="/sections/{science.pk}/related/"' in page


def test_related_page_and_api(client, science):
    related = related_sections(science)
    page = client.get(f"/sections/{science.pk}/related/").content.decode()
    assert "其他年份的相关段落" in page
    for other in related:
        assert f'href="{other.get_absolute_url()}"' in page
    data = client.get(f"/api/sections/{science.pk}/related/").json()
    assert [item["id"] for item in data["results"]] == [s.pk for s in related]
    assert data["results"][0]["report"]["year"] != 2024 or data["results"][0]["report"]["region"] != "国务院"
    assert data["section"]["id"] == science.pk


@pytest.mark.parametrize("path", ["/sections/999999/related/", "/api/sections/999999/related/"])
def test_a_missing_section_is_a_404(client, bundled, path):
    assert client.get(path).status_code == 404
