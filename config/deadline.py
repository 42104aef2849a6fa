"""A time limit on each request, checked by the loops whose work grows with the data.

gunicorn's gthread workers are not restarted for a long request (its timeout watches the
worker process, whose main thread stays responsive), so a request bounds itself: the
middleware gives it ``ARCHIVE_REQUEST_SECONDS`` and search calls ``check()`` between its
steps (after the query, before each snippet). A step is not interrupted; each is bounded
by the caps on the data (archive.parsing.reading, archive.parsing.long_sections,
search.highlighting.MAX_MATCHES). A request over its time is answered with a 503.
"""
from __future__ import annotations

import contextvars
import time

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render

_deadline: contextvars.ContextVar[float | None] = contextvars.ContextVar("deadline", default=None)


class DeadlineExceeded(Exception):
    """The request has run past its time limit."""


def check() -> None:
    """Raise DeadlineExceeded if the current request is over its time (no-op outside one)."""
    deadline = _deadline.get()
    if deadline is not None and time.monotonic() > deadline:
        raise DeadlineExceeded


def message() -> str:
    return (f"请求处理时间超过 {settings.ARCHIVE_REQUEST_SECONDS:g} 秒，已中止；"
            "请缩小检索范围（如加上年份或地区）后重试。")


class RequestDeadlineMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _deadline.set(time.monotonic() + settings.ARCHIVE_REQUEST_SECONDS)
        try:
            return self.get_response(request)
        finally:
            _deadline.reset(token)

    def process_exception(self, request, exception):
        if not isinstance(exception, DeadlineExceeded):
            return None
        if request.path.startswith("/api/"):
            return JsonResponse({"error": message()}, status=503,
                                json_dumps_params={"ensure_ascii": False})
        return render(request, "search/unavailable.html", {"message": message()}, status=503)
