"""Links from other pages to the region-against-region tables."""
from django import template
from django.db.models import Count
from django.urls import reverse

from archive.models import Indicator

register = template.Library()

MOST = 8
LEAST_REGIONS = 2  # a table of one region ranks nothing


@register.inclusion_tag("indicators/_year_rankings.html")
def year_rankings(year):
    """The indicators whose targets for ``year`` most regions state, each linked to its table."""
    names = (Indicator.objects.filter(kind=Indicator.Kind.TARGET, period_year=year)
             .exclude(report__region="国务院").values("name")
             .annotate(regions=Count("report__region", distinct=True))
             .filter(regions__gte=LEAST_REGIONS).order_by("-regions", "name")[:MOST])
    return {"year": year, "links": [
        {"name": row["name"], "regions": row["regions"],
         "url": reverse("indicators:detail", args=[row["name"]]) + f"?year={year}"} for row in names]}
