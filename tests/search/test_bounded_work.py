"""No search holds a server thread for long: snippets stop early, requests have a deadline."""
import pytest

from search import highlighting
from search.highlighting import MAX_MATCHES, highlight

pytestmark = pytest.mark.django_db


def test_a_snippet_of_one_word_repeated_reads_at_most_max_matches(monkeypatch):
    """A section of one phrase repeated has a match per phrase: the snippet stops early."""
    real = highlighting._pattern(("鞋",))
    read = []

    class Counting:
        def finditer(self, text):
            for match in real.finditer(text):
                read.append(match)
                yield match

    monkeypatch.setattr(highlighting, "_pattern", lambda terms: Counting())
    snippet = highlight("晋江鞋业。" * 20 * MAX_MATCHES, ["鞋"])
    assert MAX_MATCHES <= len(read) <= MAX_MATCHES + 1
    assert snippet.startswith("晋江<mark>鞋</mark>业。") and snippet.endswith("…")


def test_the_snippet_of_a_capped_text_still_marks_every_match_it_shows():
    snippet = highlight("晋江鞋业。" * 5 * MAX_MATCHES, ["鞋"], length=60, max_passages=2)
    shown = snippet.replace("<mark>", "").replace("</mark>", "")
    assert snippet.count("<mark>鞋</mark>") == shown.count("鞋") > 0


@pytest.mark.parametrize("url", ["/search/", "/api/search/"])
def test_a_search_over_its_time_is_a_503_that_says_so(client, bundled, settings, url):
    settings.ARCHIVE_REQUEST_SECONDS = 0
    response = client.get(url, {"q": "就业"})
    assert response.status_code == 503
    body = str(response.json()) if "api" in url else response.content.decode()
    assert "请求处理时间超过 0 秒" in body
    settings.ARCHIVE_REQUEST_SECONDS = 20
    assert client.get(url, {"q": "就业"}).status_code == 200


def test_other_pages_are_not_cut_short(client, bundled, settings):
    settings.ARCHIVE_REQUEST_SECONDS = 0
    assert client.get("/").status_code == 200
