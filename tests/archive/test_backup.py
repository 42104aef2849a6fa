"""export_archive / restore_archive: the whole archive round-trips; a bad backup stores nothing."""
import hashlib
import io
import json
import tarfile
import tempfile
import uuid
import zipfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.core.management.color import no_style
from django.db import connection

from archive.importing import import_report
from archive.models import Indicator, Report, Section
from search import services
from search.drift import find_drift
from search.params import SearchParams
from search.rebuild import rebuild
from tests.conftest import FIXTURE_REPORTS, search_index_at
from tests.documents import docx_bytes

pytestmark = pytest.mark.django_db

QUERIES = ["高质量发展", "新质生产力", "晋江经验", '"文旅融合综合竞争力"', "就业 -试点", "鞋", "5G"]


def rows() -> dict:
    return {model.__name__: list(model.objects.order_by("pk").values())
            for model in (Report, Section, Indicator)}


def hits() -> dict:
    return {q: [(hit.report.pk, hit.section.pk if hit.section else None, hit.snippet, round(hit.score, 4))
                for hit in services.search(SearchParams(q=q)).hits] for q in QUERIES}


def originals(media_root) -> dict:
    return {path.relative_to(media_root).as_posix(): path.read_bytes()
            for path in Path(media_root).rglob("*") if path.is_file()}


def export(dest: Path) -> str:
    out = io.StringIO()
    call_command("export_archive", str(dest), stdout=out)
    return out.getvalue()


def restore(src: Path) -> str:
    out = io.StringIO()
    call_command("restore_archive", str(src), stdout=out)
    return out.getvalue()


def empty_the_site(settings, tmp_path):
    """Delete every report, start the id sequences afresh as in a new database (PostgreSQL),
    and move to a new, empty uploads folder (the index is the caller's)."""
    Report.objects.all().delete()
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), [Report, Section, Indicator]):
            cursor.execute(statement)
    settings.MEDIA_ROOT = tmp_path / "restored-uploads"


def test_the_bundled_reports_round_trip_with_staff_edits_files_and_search(settings, tmp_path):
    call_command("import_reports", str(FIXTURE_REPORTS), stdout=io.StringIO())
    corrected = Indicator.objects.order_by("pk").first()
    Indicator.objects.filter(pk=corrected.pk).update(value=corrected.value + 0.25, unit="%", qualifier="以上")
    # Scores depend a little on how the index is split into segments, which differs between
    # one built report by report and one rebuilt at once, as a restore does.
    rebuild()
    before_rows, before_hits = rows(), hits()
    before_files = originals(settings.MEDIA_ROOT)
    assert len(before_files) == Report.objects.count() == 9 and all(before_hits.values())
    for name in ("backup", "backup.tar.gz"):
        out = export(tmp_path / name)
        assert "exporting 9 reports" in out and "backup written to" in out

    for site, name in enumerate(("backup", "backup.tar.gz")):
        empty_the_site(settings, tmp_path / f"site-{site}")
        with search_index_at(tmp_path / f"site-{site}" / "whoosh"):
            out = restore(tmp_path / name)
            assert "restored 9 reports" in out and "search index rebuilt" in out
            assert rows() == before_rows  # every field, primary keys and the staff correction included
            assert Indicator.objects.get(pk=corrected.pk).value == corrected.value + 0.25
            assert originals(settings.MEDIA_ROOT) == before_files
            assert hits() == before_hits
            assert not find_drift()

    # New rows do not collide with the restored primary keys.
    assert import_report(docx_bytes(), "new.docx").report.pk > max(r["id"] for r in before_rows["Report"])


def test_a_zip_backup_round_trips(settings, tmp_path):
    import_report(docx_bytes(), "report.docx")
    before_rows, before_files = rows(), originals(settings.MEDIA_ROOT)
    export(tmp_path / "backup.zip")
    empty_the_site(settings, tmp_path)
    restore(tmp_path / "backup.zip")
    assert rows() == before_rows and originals(settings.MEDIA_ROOT) == before_files
    assert services.search(SearchParams(q="鞋服产业集群")).count == 1


def test_the_manifest_counts_rows_and_hashes_every_original(tmp_path):
    report = import_report(docx_bytes(), "report.docx").report
    export(tmp_path / "backup")
    manifest = json.loads((tmp_path / "backup" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["format"] == "zhengbao-archive-backup" and manifest["version"] == 1
    assert manifest["counts"] == {"archive.report": 1, "archive.section": report.sections.count(),
                                  "archive.indicator": report.indicators.count()}
    assert manifest["files"] == {report.source_file.name: hashlib.sha256(docx_bytes()).hexdigest()}
    with pytest.raises(CommandError, match="已存在"):
        export(tmp_path / "backup")


def test_a_report_whose_original_is_gone_is_still_backed_up_and_restored(settings, tmp_path):
    report = import_report(docx_bytes(), "report.docx").report
    (Path(settings.MEDIA_ROOT) / report.source_file.name).unlink()
    err = io.StringIO()
    call_command("export_archive", str(tmp_path / "backup"), stdout=io.StringIO(), stderr=err)
    assert "1 original file(s) were missing" in err.getvalue()
    empty_the_site(settings, tmp_path)
    restore(tmp_path / "backup")
    assert Report.objects.get().source_file.name == report.source_file.name


def test_restore_into_an_archive_that_holds_reports_is_refused_and_changes_nothing(settings, tmp_path):
    import_report(docx_bytes(), "report.docx")
    export(tmp_path / "backup")
    import_report(docx_bytes(bold_prefix="项目投资拉动有力。"), "other.docx")
    before_rows, before_files = rows(), originals(settings.MEDIA_ROOT)
    with pytest.raises(CommandError, match="只能恢复到空的档案中"):
        restore(tmp_path / "backup")
    assert rows() == before_rows and originals(settings.MEDIA_ROOT) == before_files


def tamper_with_the_original(backup: Path) -> None:
    original = next((backup / "files").rglob("*.docx"))
    original.write_bytes(original.read_bytes()[:-10])


def tamper_with_the_data(backup: Path) -> None:
    data = backup / "data.json"
    text = data.read_text(encoding="utf-8")
    assert "示范市" in text
    data.write_text(text.replace("示范市", "改名市"), encoding="utf-8")


@pytest.mark.parametrize("tamper", [tamper_with_the_original, tamper_with_the_data])
def test_a_backup_that_does_not_match_its_manifest_is_refused_and_stores_nothing(
        settings, tmp_path, tamper):
    import_report(docx_bytes(), "report.docx")
    export(tmp_path / "backup")
    tamper(tmp_path / "backup")
    empty_the_site(settings, tmp_path)
    with pytest.raises(CommandError, match="SHA-256 与清单不符"):
        restore(tmp_path / "backup")
    assert Report.objects.count() == Section.objects.count() == 0
    assert not originals(settings.MEDIA_ROOT)


def test_a_truncated_archive_file_is_refused(settings, tmp_path):
    import_report(docx_bytes(), "report.docx")
    export(tmp_path / "backup.tar.gz")
    whole = (tmp_path / "backup.tar.gz").read_bytes()
    (tmp_path / "backup.tar.gz").write_bytes(whole[:len(whole) // 2])
    empty_the_site(settings, tmp_path)
    with pytest.raises(CommandError, match="备份文件已损坏"):
        restore(tmp_path / "backup.tar.gz")
    assert Report.objects.count() == 0


def test_when_the_reindex_fails_nothing_is_restored(settings, tmp_path, monkeypatch):
    import_report(docx_bytes(), "report.docx")
    export(tmp_path / "backup")
    empty_the_site(settings, tmp_path)

    def broken(progress=None):
        raise RuntimeError("index disk full")

    monkeypatch.setattr("archive.management.commands.restore_archive.rebuild", broken)
    with pytest.raises(RuntimeError):
        restore(tmp_path / "backup")
    assert Report.objects.count() == Section.objects.count() == Indicator.objects.count() == 0
    assert not originals(settings.MEDIA_ROOT)


def evil_name() -> str:
    return f"evil-{uuid.uuid4().hex}"


def zip_with(path: Path, member: str) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("manifest.json", "{}")
        archive.writestr(member, "x")


def tar_with(path: Path, member: str, kind=tarfile.REGTYPE) -> None:
    with tarfile.open(path, "w:gz") as archive:
        for name in ("manifest.json", member):
            info = tarfile.TarInfo(name)
            info.type = kind if name == member else tarfile.REGTYPE
            info.linkname = "/etc/passwd" if kind == tarfile.SYMTYPE else ""
            info.size = 0 if info.issym() else 2
            archive.addfile(info, io.BytesIO(b"{}") if info.isfile() else None)


@pytest.mark.parametrize("build, refusal", [
    (lambda path, name: tar_with(path.with_suffix(".tar.gz"), f"../{name}"), "不安全的路径"),
    (lambda path, name: tar_with(path.with_suffix(".tar.gz"), f"/tmp/{name}"), "不安全的路径"),
    (lambda path, name: tar_with(path.with_suffix(".tar.gz"), name, tarfile.SYMTYPE), "链接或特殊文件"),
    (lambda path, name: zip_with(path.with_suffix(".zip"), f"../{name}"), "不安全的路径"),
    (lambda path, name: zip_with(path.with_suffix(".zip"), f"C:\\{name}"), "不安全的路径"),
])
def test_a_member_that_would_land_outside_the_restore_folder_is_refused(tmp_path, build, refusal):
    name = evil_name()
    build(tmp_path / "backup", name)
    backup = next(tmp_path.glob("backup.*"))
    with pytest.raises(CommandError, match=refusal):
        restore(backup)
    assert not (Path(tempfile.gettempdir()) / name).exists()
    assert not (tmp_path / name).exists()
    assert Report.objects.count() == 0
