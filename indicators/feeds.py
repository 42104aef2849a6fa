"""Atom feeds (Django's syndication framework): new reports, everywhere or in one region, and new
hits for a saved search (``/feeds/search/`` with the search page's parameters)."""
from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.core.exceptions import BadRequest
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from archive.models import Report
from search import services
from search.errors import index_errors
from search.params import SearchParams

ITEMS = 50
AUTHOR = "政报档案"  # RFC 4287: every entry has an author, or the feed has one
SEARCH_POOL = 200  # hits read to find the newest: the feed orders them by when they were stored


class ReportsFeed(Feed):
    feed_type = Atom1Feed
    author_name = AUTHOR

    def get_object(self, request, region=None):
        if region is not None and not Report.objects.filter(region=region).exists():
            raise Http404("没有这个地区的报告")
        return region

    def title(self, region):
        return f"政报档案 · {region}新入库的报告" if region else "政报档案 · 新入库的报告"

    def link(self, region):
        return reverse("archive:region", args=[region]) if region else reverse("archive:home")

    def subtitle(self, region):
        return f"{region or '各地区'}的政府工作报告及相关文件，按入库时间由新到旧。"

    def items(self, region):
        reports = Report.objects.defer("text").order_by("-created_at", "-pk")
        if region:
            reports = reports.filter(region=region)
        return reports[:ITEMS]

    def item_title(self, report):
        kind = report.get_kind_display()
        return report.full_title if kind in report.title else f"{report.full_title}（{kind}）"

    def item_description(self, report):
        parts = [report.meeting, f"{report.office} {report.speaker}".strip(),
                 f"报告日期：{report.delivered_on:%Y-%m-%d}" if report.delivered_on else ""]
        return "；".join(part for part in parts if part) or report.get_kind_display()

    def item_pubdate(self, report):
        return report.created_at

    def item_updateddate(self, report):
        return report.updated_at


class SearchFeed(Feed):
    """The newest hits of a search: the hits stored most recently first, one entry per section."""
    feed_type = Atom1Feed
    author_name = AUTHOR

    def get_object(self, request):
        params = SearchParams.from_query(request.GET).with_changes(page=1)
        if params.errors:
            raise BadRequest("；".join(params.errors))
        return params

    def title(self, params):
        return f"政报档案 · “{params.q.strip()}”的新结果" if params.q.strip() else "政报档案 · 检索"

    def link(self, params):
        return f"{reverse('search:search')}?{params.urlencode()}"

    def subtitle(self, params):
        return "检索结果中最近入库的段落，按入库时间由新到旧。"

    def items(self, params):
        with index_errors():
            results = services.search(params, page_size=SEARCH_POOL)
        hits = sorted(results.hits, key=lambda hit: (hit.report.created_at, hit.report.pk),
                      reverse=True)
        return hits[:ITEMS]

    def item_title(self, hit):
        return f"{hit.report.full_title} · {hit.heading}" if hit.heading else hit.report.full_title

    def item_link(self, hit):
        return hit.url

    def item_description(self, hit):
        return hit.snippet

    def item_pubdate(self, hit):
        return hit.report.created_at

    def item_updateddate(self, hit):
        return hit.report.updated_at
