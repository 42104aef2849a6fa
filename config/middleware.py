"""Requests refused before any view."""
from django.core.exceptions import SuspiciousOperation
from django.views.defaults import bad_request


class RejectNulMiddleware:
    """A NUL character in the path or a query parameter gets the 400 page.

    PostgreSQL cannot hold or compare text containing NUL and raises, so a filter such as
    ?region=%00 would otherwise end in a server error there (SQLite merely finds nothing).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        parameters = (part for key, values in request.GET.lists() for part in (key, *values))
        if "\x00" in request.path or any("\x00" in part for part in parameters):
            return bad_request(request, SuspiciousOperation("NUL in the request"))
        return self.get_response(request)
