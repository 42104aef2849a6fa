"""Pages for readers: the archive at a glance, years, regions and the report reader.

Views stay thin: each runs a few queries (annotated or bulk, never one per row) and hands
plain lists to the templates; the small helpers below shape those lists.
"""
from django.core.paginator import Paginator
from django.db.models import Count, Max, Min
from django.http import FileResponse, Http404, HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.shortcuts import get_object_or_404, render

from archive import sentences
from archive.models import Indicator, Report
from search.highlighting import match_spans
from search.querying import parse_user_query

FIRST_YEAR, LAST_YEAR = 1949, 2100
NATIONAL = "国务院"
KIND_ORDER = {kind: index for index, kind in enumerate(Report.Kind.values)}
# The fields a list of reports shows; never the full text.
LIST_FIELDS = ("id", "region", "year", "kind", "title", "delivered_on", "created_at")
HEADLINE_NAMES = ("地区生产总值", "国内生产总值")
TOC_DEPTH = 3
# Reports a year page lists at once (≈ 1 ms each to render); a year of every province,
# prefecture and county (some 3,000) takes pages ?page=2….
YEAR_PAGE_SIZE = 200


def home(request):
    years = year_counts()
    return render(request, "archive/home.html", {
        "years": years,
        "timeline": timeline(years),
        "regions": region_counts(),
        "latest": Report.objects.only(*LIST_FIELDS).order_by("-created_at", "-pk")[:10],
        "report_count": sum(row["reports"] for row in years),
    })


def year_index(request):
    years = year_counts()
    return render(request, "archive/year_index.html", {
        "years": sorted(years, key=lambda row: -row["year"]),
        "timeline": timeline(years),
    })


def year_detail(request, year):
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Http404("年份超出范围")
    reports = sorted(Report.objects.filter(year=year).only(*LIST_FIELDS),
                     key=lambda report: (report.region != NATIONAL, report.region,
                                         KIND_ORDER.get(report.kind, 99), report.title))
    page = Paginator(reports, YEAR_PAGE_SIZE).get_page(request.GET.get("page"))
    listed = attach_headlines(list(page))
    years = list(Report.objects.order_by("year").values_list("year", flat=True).distinct())
    return render(request, "archive/year_detail.html", {
        "year": year,
        "reports": reports,
        "page": page,
        "groups": group_by(listed, "region"),
        # a region whose reports began on the page before
        "continued": page.start_index() > 1 and reports[page.start_index() - 2].region == listed[0].region,
        "region_count": len({report.region for report in reports}),
        "kinds": kind_counts(reports),
        "previous_year": max((y for y in years if y < year), default=None),
        "next_year": min((y for y in years if y > year), default=None),
    })


def region_index(request):
    return render(request, "archive/region_index.html", {"regions": region_counts()})


def region_detail(request, region):
    reports = sorted(Report.objects.filter(region=region).only(*LIST_FIELDS),
                     key=lambda report: (-report.year, KIND_ORDER.get(report.kind, 99),
                                         report.title))
    if not reports:
        raise Http404("没有这个地区的报告")
    attach_headlines(reports)
    return render(request, "archive/region_detail.html", {
        "region": region,
        "reports": reports,
        "groups": group_by(reports, "year"),
        "first_year": reports[-1].year,
        "last_year": reports[0].year,
    })


def report_detail(request, pk):
    """The reader; ``?q=`` (a search hit's link) marks the query's words in the text."""
    report = get_object_or_404(Report.objects.defer("text"), pk=pk)
    sections = list(report.sections.all())
    by_id = {section.pk: section for section in sections}
    query = parse_user_query(request.GET.get("q", "")) if request.GET.get("q") else None
    marks = render_sections(sections, query.terms if query else [])
    for section in sections:
        section.heading_tag = f"h{min(section.level + 1, 5)}"
    indicators = list(report.indicators.all())
    for indicator in indicators:  # the sections are loaded already: no join, no extra query
        indicator.section = by_id.get(indicator.section_id)
    previous, following = neighbours(report)
    return render(request, "archive/report_detail.html", {
        "report": report,
        "sections": sections,
        "meeting": meeting_place(report),
        "toc": section_tree(sections, TOC_DEPTH) if len(sections) > 1 else [],
        "indicators": indicators,
        "previous": previous,
        "next": following,
        "query": query.text if query else "",
        "marks": marks,
    })


def report_source(request, pk):
    """The original file as uploaded, for readers who want the document itself."""
    report = get_object_or_404(Report, pk=pk)
    if not report.source_file:
        raise Http404("这份报告没有保存原始文件")
    try:
        handle = report.source_file.open("rb")
    except FileNotFoundError as missing:
        raise Http404("原始文件缺失") from missing
    return FileResponse(handle, as_attachment=True, filename=report.source_name)


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page's <link rel="icon"> says."""
    return HttpResponsePermanentRedirect(static("favicon.svg"))


# Helpers --------------------------------------------------------------------------------

def year_counts():
    """[{year, reports}] in ascending order: one query."""
    return list(Report.objects.order_by("year").values("year").annotate(reports=Count("id")))


def region_counts():
    """[{region, reports, first, last}], 国务院 first, then by name: one query."""
    rows = Report.objects.order_by().values("region").annotate(
        reports=Count("id"), first=Min("year"), last=Max("year"))
    return sorted(rows, key=lambda row: (row["region"] != NATIONAL, row["region"]))


def timeline(years):
    """The year strip: one cell per year with reports, runs of empty years folded into a gap.

    Each year cell carries ``height``, its share (in %) of the busiest year, for the CSS bar.
    """
    if not years:
        return []
    busiest = max(row["reports"] for row in years)
    cells, last = [], None
    for row in years:
        if last is not None and row["year"] > last + 1:
            cells.append({"gap": True, "start": last + 1, "end": row["year"] - 1})
        cells.append({"year": row["year"], "reports": row["reports"],
                      "height": max(8, round(100 * row["reports"] / busiest))})
        last = row["year"]
    return cells


def kind_counts(reports):
    """[(kind label, count)] in the order of the kinds."""
    counts = {}
    for report in reports:
        counts[report.kind] = counts.get(report.kind, 0) + 1
    labels = dict(Report.Kind.choices)
    return [(labels.get(kind, kind), counts[kind])
            for kind in sorted(counts, key=lambda kind: KIND_ORDER.get(kind, 99))]


def group_by(items, attribute):
    """[(value, [items…])] for items already sorted by ``attribute``."""
    groups = []
    for item in items:
        value = getattr(item, attribute)
        if not groups or groups[-1][0] != value:
            groups.append((value, []))
        groups[-1][1].append(item)
    return groups


def attach_headlines(reports):
    """Set ``report.headline`` = {"target": Indicator, "actual": Indicator} (either may be absent).

    The headline is GDP growth (地区生产总值 / 国内生产总值): the target a report sets for its own
    year and the actual it states for the year before. One query for all the reports.
    """
    year_of = {report.pk: report.year for report in reports}
    found = {}
    rows = (Indicator.objects
            .filter(report_id__in=list(year_of), name__in=HEADLINE_NAMES,
                    measure=Indicator.Measure.GROWTH)
            .select_related("section")
            .only("report_id", "name", "measure", "value", "value_high", "unit", "qualifier",
                  "kind", "period_year", "order", "sentence", "section__anchor", "section__text")
            .order_by("report_id", "order"))
    for indicator in rows:
        year = year_of[indicator.report_id]
        if indicator.kind == Indicator.Kind.TARGET and indicator.period_year == year:
            slot = "target"
        elif indicator.kind == Indicator.Kind.ACTUAL and indicator.period_year == year - 1:
            slot = "actual"
        else:
            continue
        found.setdefault(indicator.report_id, {}).setdefault(slot, indicator)
    for report in reports:
        report.headline = found.get(report.pk, {})
    return reports


def render_sections(sections, terms: list[str]) -> int:
    """Give each section its ``heading_html`` and ``body`` (numbered sentences), ``terms`` marked
    as search snippets mark them; returns how many marks were set."""
    marks = 0
    for section in sections:
        heading, text = section.display_heading, section.text
        heading_spans, text_spans = match_spans(heading, terms), match_spans(text, terms)
        marks += len(heading_spans) + len(text_spans)
        section.heading_html = sentences.render_heading(heading, heading_spans)
        section.body = sentences.render(section.anchor, text, text_spans)
    return marks


def section_tree(sections, depth):
    """The table of contents: [{section, children}] nested by parent, ``depth`` levels deep."""
    nodes, roots = {}, []
    for section in sections:
        parent = nodes.get(section.parent_id) if section.parent_id else None
        if section.parent_id and parent is None:
            continue  # below a section the contents leave out
        level = parent["depth"] + 1 if parent else 1
        if level > depth or section.level > depth:
            continue
        node = {"section": section, "depth": level, "children": []}
        nodes[section.pk] = node
        (parent["children"] if parent else roots).append(node)
    return roots


def meeting_place(report):
    """The meeting as the header names it: 晋江市第十八届人民代表大会第四次会议.

    The parser keeps the meeting without the region (第十八届人民代表大会第四次会议); the
    State Council's meetings (第十四届全国人民代表大会…) need none.
    """
    meeting = report.meeting
    if not meeting or report.region == NATIONAL or "全国" in meeting or meeting.startswith(report.region):
        return meeting
    return f"{report.region}{meeting}"


def neighbours(report):
    """The same region's report of the nearest earlier and later year (same kind preferred)."""
    others = (Report.objects.filter(region=report.region).exclude(pk=report.pk)
              .only("id", "region", "year", "kind", "title"))
    earlier = [other for other in others if other.year < report.year]
    later = [other for other in others if other.year > report.year]

    def pick(candidates, year):
        same_year = [other for other in candidates if other.year == year]
        return min(same_year, key=lambda other: (other.kind != report.kind,
                                                 KIND_ORDER.get(other.kind, 99), other.title))

    return (pick(earlier, max(other.year for other in earlier)) if earlier else None,
            pick(later, min(other.year for other in later)) if later else None)
