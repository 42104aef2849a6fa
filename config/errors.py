"""Error answers for the whole site: pages for people, JSON under /api/.

A program that calls /api/reports/999/ reads JSON, not the HTML 404 page; every other
path keeps Django's own error views and the Chinese templates (404.html, 500.html…).
"""
from django.http import JsonResponse
from django.views import defaults

API_PREFIX = "/api/"
MESSAGES = {400: "请求无效", 403: "没有权限", 404: "未找到", 500: "服务器内部错误，请稍后再试"}


def _is_api(request) -> bool:
    return request.path.startswith(API_PREFIX)


def _json(status: int) -> JsonResponse:
    return JsonResponse({"error": MESSAGES[status]}, status=status,
                        json_dumps_params={"ensure_ascii": False})


def bad_request(request, exception):
    return _json(400) if _is_api(request) else defaults.bad_request(request, exception)


def permission_denied(request, exception):
    return _json(403) if _is_api(request) else defaults.permission_denied(request, exception)


def page_not_found(request, exception):
    return _json(404) if _is_api(request) else defaults.page_not_found(request, exception)


def server_error(request):
    return _json(500) if _is_api(request) else defaults.server_error(request)
