"""The admin speaks Chinese: its header, our models and django-axes' login records."""
import html
import re

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import User

pytestmark = pytest.mark.django_db

# What may stay Latin on these pages: protocol names, file formats, and the data of the test.
ALLOWED = {"IP", "GET", "POST", "HTTP", "Accept", "UTF", "GB", "GBK", "MB", "docx", "pdf", "txt", "SHA",
           "boss", "example", "org", "admin", "login", "unknown", "username", "password"}


def visible_words(page: str) -> set[str]:
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", page[page.index("<body"):], flags=re.S)
    text = html.unescape(re.sub(r"<[^>]+>", " ", body))
    return set(re.findall(r"[A-Za-z]{2,}", text)) - ALLOWED


@pytest.fixture
def boss(client):
    User.objects.create_superuser("boss", "boss@example.org", "a-long-password-1")
    client.post("/admin/login/", {"username": "boss", "password": "wrong"})  # an axes record
    client.force_login(User.objects.get())
    return client


def test_admin_pages_have_no_english_left(boss):
    attempt = AccessAttempt.objects.get()
    for url in ("/admin/", "/admin/axes/", "/admin/axes/accessattempt/", "/admin/axes/accesslog/",
                "/admin/axes/accessfailurelog/", f"/admin/axes/accessattempt/{attempt.pk}/change/",
                "/admin/archive/report/", "/admin/archive/report/upload/"):
        response = boss.get(url)
        assert response.status_code == 200, url
        assert not visible_words(response.content.decode()), url


def test_admin_header_and_the_login_models_are_named_in_chinese(boss, client):
    page = boss.get("/admin/").content.decode()
    assert "<title>站点管理 | 政报档案管理</title>" in page
    assert "政报档案管理" in page[page.index('id="site-name"'):]
    for name in ("登录防护", "登录尝试", "登录记录", "登录失败记录", "报告档案"):
        assert f">{name}<" in page, name
    client.logout()
    login = client.get("/admin/login/").content.decode()
    assert "政报档案管理" in login and "Django" not in login
