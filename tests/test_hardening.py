"""Smaller holes: a deleted report's file, weak secret keys, restores without accounts, the upload
limit as the README states it, and a Content-Security-Policy the pages live within."""
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from archive.importing import ImportRefused, check_size, import_report
from archive.models import Report
from tests.archive.test_admin import UPLOAD, staff_client  # noqa: F401 (a fixture)
from tests.archive.test_backup import empty_the_site, export, restore
from tests.documents import docx_bytes
from tests.test_production import check_deploy, production_env

pytestmark = pytest.mark.django_db


def test_deleting_a_report_in_the_admin_deletes_its_original(staff_client, media_in_tmp,  # noqa: F811
                                                             django_capture_on_commit_callbacks):
    report = import_report(docx_bytes(), "report.docx").report
    original = media_in_tmp / report.source_file.name
    assert original.is_file()
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(f"/admin/archive/report/{report.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302 and not Report.objects.exists()
    assert not original.exists()
    call_command("check_index", stdout=io.StringIO())  # exit 0: no original without a report


@pytest.mark.parametrize("key", ["x", "short-but-not-default", "ab" * 40])
def test_production_refuses_a_weak_secret_key(tmp_path, key):
    result = check_deploy(production_env(tmp_path, DJANGO_SECRET_KEY=key))
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and "至少 50 个字符" in result.stderr


def test_a_restore_without_staff_accounts_says_how_to_make_one(settings, tmp_path):
    import_report(docx_bytes(), "report.docx")
    export(tmp_path / "backup.tar.gz")
    empty_the_site(settings, tmp_path)
    assert "createsuperuser" in restore(tmp_path / "backup.tar.gz")


def test_a_restore_beside_a_staff_account_says_nothing_of_accounts(settings, tmp_path, admin_user):
    import_report(docx_bytes(), "report.docx")
    export(tmp_path / "backup.tar.gz")
    empty_the_site(settings, tmp_path)
    assert "createsuperuser" not in restore(tmp_path / "backup.tar.gz")


def test_the_upload_limit_is_stated_in_the_readme_s_megabytes(settings, staff_client):  # noqa: F811
    assert settings.ARCHIVE_MAX_UPLOAD_BYTES == 20 * 1024 * 1024  # "20 MB" in README.md
    with pytest.raises(ImportRefused, match="上限为 20 MB"):
        check_size(settings.ARCHIVE_MAX_UPLOAD_BYTES + 1)
    too_big = SimpleUploadedFile("big.txt", b"x" * (settings.ARCHIVE_MAX_UPLOAD_BYTES + 1))
    page = staff_client.post(UPLOAD, {"file": too_big}).content.decode()
    assert "上限为 20 MB" in page and "21 MB" not in page


PAGES = ["/", "/years/", "/years/2025/", "/regions/", "/regions/晋江市/", "/indicators/",
         "/indicators/国内生产总值/", "/trends/?q=新质生产力,高质量发展", "/search/?q=鞋",
         "/search/?q=鞋&page=x", "/no-such-page/", "/admin/login/"]
STAFF_PAGES = ["/admin/", "/admin/archive/report/", UPLOAD]
INLINE = re.compile(r"<script(?![^>]*\ssrc=)[^>]*>\s*\S|<style|\sstyle=|\son[a-z]+=|javascript:", re.I)


def test_every_page_has_a_strict_content_security_policy_and_keeps_within_it(
        client, bundled, admin_user):
    report = Report.objects.order_by("pk").first()
    pages = [*PAGES, report.get_absolute_url()]
    client.force_login(admin_user)
    for url in [*pages, *STAFF_PAGES, f"/admin/archive/report/{report.pk}/change/"]:
        response = client.get(url)
        policy = response["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "style-src 'self'" in policy, url
        assert "unsafe-inline" not in policy and "frame-ancestors 'none'" in policy
        body = response.content.decode()
        assert not INLINE.search(body), (url, INLINE.search(body))
