"""Atom feeds: new reports (all, per region) and new hits of a saved search, checked against what
RFC 4287 requires and read back with feedparser; and linked from the pages."""
import xml.etree.ElementTree as ET
from urllib.parse import quote, urlsplit

import feedparser
import pytest

from archive.models import Report

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def atom(client, url, params=None):
    response = client.get(url, params or {})
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith("application/atom+xml")
    check_rfc4287(response.content)
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.version == "atom10"
    return parsed


def check_rfc4287(content: bytes):
    """The MUSTs of RFC 4287 §4.1 that a feed of ours can break."""
    root = ET.fromstring(content)
    assert root.tag == f"{ATOM}feed"
    for parent in [root, *root.findall(f"{ATOM}entry")]:
        for child in ("id", "title", "updated"):
            assert len(parent.findall(f"{ATOM}{child}")) == 1, (parent.tag, child)
        assert urlsplit(parent.find(f"{ATOM}id").text).scheme, "atom:id must be an absolute IRI"
        assert parent.find(f"{ATOM}updated").text[:4].isdigit()
        alternates = [link for link in parent.findall(f"{ATOM}link") if link.get("rel", "alternate") == "alternate"]
        assert len(alternates) == 1 and urlsplit(alternates[0].get("href")).scheme
    ids = [entry.find(f"{ATOM}id").text for entry in root.findall(f"{ATOM}entry")]
    assert len(ids) == len(set(ids))
    if root.find(f"{ATOM}author") is None:  # else every entry needs its own
        assert all(entry.find(f"{ATOM}author") is not None for entry in root.findall(f"{ATOM}entry"))


def test_new_reports_newest_first(client, bundled):
    feed = atom(client, "/feeds/reports/")
    assert len(feed.entries) == Report.objects.count()
    newest = Report.objects.order_by("-created_at", "-pk").first()
    assert feed.entries[0].link.endswith(newest.get_absolute_url())
    assert feed.entries[0].title.startswith(newest.full_title)


def test_a_region_feed_holds_only_that_region(client, bundled):
    feed = atom(client, f"/feeds/reports/{quote('晋江市')}/")
    assert len(feed.entries) == Report.objects.filter(region="晋江市").count() == 3
    assert all("晋江市" in entry.title for entry in feed.entries)
    assert client.get(f"/feeds/reports/{quote('火星市')}/").status_code == 404


def test_a_saved_search_feed_lists_its_hits(client, bundled):
    feed = atom(client, "/feeds/search/", {"q": "新质生产力", "region": "国务院"})
    assert feed.entries and "新质生产力" in feed.feed.title
    for entry in feed.entries:
        assert "国务院" in entry.title and "新质生产力" in entry.summary
        assert "/reports/" in entry.link
    assert client.get("/feeds/search/", {"q": "新质生产力", "year": "abc"}).status_code == 400


def test_pages_link_their_feeds(client, bundled):
    home = client.get("/").content.decode()
    assert '<link rel="alternate" type="application/atom+xml"' in home and 'href="/feeds/reports/"' in home
    region = client.get(f"/regions/{quote('晋江市')}/").content.decode()
    feed_url = f"/feeds/reports/{quote('晋江市')}/"
    assert region.count(f'href="{feed_url}"') == 2  # <link rel="alternate"> and the visible link
    search = client.get("/search/", {"q": "新质生产力"}).content.decode()
    assert search.count('href="/feeds/search/?q=%E6%96%B0%E8%B4%A8%E7%94%9F%E4%BA%A7%E5%8A%9B"') == 2
