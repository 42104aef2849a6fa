"""Template helpers of the comparison pages and of the links other pages make to them."""
from django import template
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe

from indicators.comparison import previous_report

register = template.Library()


@register.filter
def marked(runs, tag):
    """Diff runs ``[(kind, text)]`` as HTML, the changed ones inside ``<del>`` or ``<ins>``.

    A filter in Python rather than a loop in the template: a report pair has thousands of runs.
    """
    if tag not in ("del", "ins"):
        raise ValueError(tag)
    return mark_safe("".join(escape(text) if kind == "same" else f"<{tag}>{escape(text)}</{tag}>"
                             for kind, text in runs))


@register.inclusion_tag("indicators/_compare_link.html")
def compare_link(report):
    """“与上年对比” for a report that has an earlier one of its region and kind, else nothing."""
    previous = previous_report(report)
    url = None
    if previous is not None:
        url = f"{reverse('indicators:compare')}?a={previous.pk}&b={report.pk}"
    return {"url": url, "previous": previous}
