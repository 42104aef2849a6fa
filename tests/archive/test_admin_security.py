"""Who may reach the admin: login required, staff only, CSRF enforced, failed logins locked out.

Logins go through the admin login form: django-axes needs the request in authenticate(),
which the test client's login() does not pass (force_login() skips authentication).
"""
import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from archive.models import Report
from tests.documents import docx_bytes

pytestmark = pytest.mark.django_db
UPLOAD = "/admin/archive/report/upload/"
LOGIN = "/admin/login/"
PASSWORD = "a-long-password-1"


@pytest.fixture
def report():
    return Report.objects.create(region="测试区", year=2031, title="测试报告", text="正文。",
                                 content_hash="0" * 64)


def admin_pages(report):
    return [UPLOAD, f"/admin/archive/report/{report.pk}/change/", "/admin/archive/report/"]


def post_upload(client, **extra):
    return client.post(UPLOAD, {"file": SimpleUploadedFile("report.docx", docx_bytes()),
                                **extra})


def assert_sent_to_login(response):
    assert response.status_code == 302 and response.url.startswith(f"{LOGIN}?next=")


def test_anonymous_users_are_sent_to_login(client, report):
    for url in admin_pages(report):
        assert_sent_to_login(client.get(url))
    assert_sent_to_login(post_upload(client))
    assert Report.objects.count() == 1


def test_users_who_are_not_staff_are_sent_to_login(client, report):
    client.force_login(User.objects.create_user("reader", "reader@example.org", PASSWORD))
    for url in admin_pages(report):
        assert_sent_to_login(client.get(url))
    assert_sent_to_login(post_upload(client))
    response = client.post(f"/admin/archive/report/{report.pk}/change/", {"title": "改过的标题"})
    assert_sent_to_login(response)
    report.refresh_from_db()
    assert report.title == "测试报告" and Report.objects.count() == 1


def test_upload_without_csrf_token_is_refused():
    client = Client(enforce_csrf_checks=True)
    client.force_login(User.objects.create_superuser("editor", "editor@example.org", PASSWORD))
    assert post_upload(client).status_code == 403
    assert Report.objects.count() == 0
    # The same post with the token from the form goes through: the 403 was the missing token.
    token = client.get(UPLOAD).context["csrf_token"]
    assert post_upload(client, csrfmiddlewaretoken=token).status_code == 302
    assert Report.objects.count() == 1


def log_in(client, username, password):
    return client.post(LOGIN, {"username": username, "password": password, "next": "/admin/"})


def logged_in_as(client):
    return client.session.get("_auth_user_id")


@pytest.fixture
def editors():
    return [User.objects.create_superuser(name, f"{name}@example.org", PASSWORD)
            for name in ("editor", "other")]


def test_right_password_works_until_the_failure_limit(client, editors, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, "editor", "wrong").status_code == 200
    response = log_in(client, "editor", PASSWORD)
    assert response.status_code == 302 and response.url == "/admin/"
    assert logged_in_as(client) == str(editors[0].pk)


def test_repeated_failures_lock_out_that_user_from_that_address(client, editors, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = log_in(client, "editor", "wrong")
    assert response.status_code == 429

    response = log_in(client, "editor", PASSWORD)
    assert response.status_code == 429
    assert logged_in_as(client) is None
    page = response.content.decode()
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    assert "登录已暂停" in page and "即使密码正确也无法登录" in page
    assert f"请在 {minutes} 分钟后再试" in page

    # Another user from the same address, and the same user from another, still get in.
    assert log_in(client, "other", PASSWORD).status_code == 302
    assert logged_in_as(client) == str(editors[1].pk)
    elsewhere = Client(REMOTE_ADDR="10.0.0.2")
    assert log_in(elsewhere, "editor", PASSWORD).status_code == 302
    assert logged_in_as(elsewhere) == str(editors[0].pk)


def test_staff_without_report_permissions_cannot_upload_or_edit(client, report):
    """is_staff opens the admin, not the reports: upload and edit need the model permissions."""
    client.force_login(User.objects.create_user("intern", "intern@example.org", PASSWORD,
                                                is_staff=True))
    response = client.get(UPLOAD)
    assert response.status_code == 302 and response.url == "/admin/"
    assert post_upload(client).status_code == 302
    assert client.get(f"/admin/archive/report/{report.pk}/change/").status_code == 403
    assert client.post(f"/admin/archive/report/{report.pk}/change/",
                       {"title": "改过的标题"}).status_code == 403
    report.refresh_from_db()
    assert report.title == "测试报告" and Report.objects.count() == 1


def test_edit_and_login_without_csrf_token_are_refused(report):
    client = Client(enforce_csrf_checks=True)
    assert client.post(LOGIN, {"username": "x", "password": "y"}).status_code == 403
    client.force_login(User.objects.create_superuser("editor", "editor@example.org", PASSWORD))
    response = client.post(f"/admin/archive/report/{report.pk}/change/", {"title": "改过的标题"})
    assert response.status_code == 403
    response = client.post(f"/admin/archive/report/{report.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403
    report.refresh_from_db()
    assert report.title == "测试报告" and Report.objects.count() == 1
