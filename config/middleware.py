"""Request hygiene before any view."""
from django.core.exceptions import SuspiciousOperation
from django.http import QueryDict

from config.errors import bad_request


class NulMiddleware:
    """NUL characters go from query parameters; a path with one gets the 400 page.

    PostgreSQL cannot hold or compare text containing NUL and raises, so a filter such as
    ?region=%00 would otherwise end in a server error there (SQLite merely finds nothing).
    The search box already drops control characters, so the parameters are cleaned the
    same way rather than refused.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path:
            return bad_request(request, SuspiciousOperation("NUL in the path"))
        if any("\x00" in "".join([key, *values]) for key, values in request.GET.lists()):
            cleaned = QueryDict(mutable=True)
            for key, values in request.GET.lists():
                cleaned.setlist(key.replace("\x00", ""), [v.replace("\x00", "") for v in values])
            cleaned._mutable = False
            request.GET = cleaned
        return self.get_response(request)
