"""The index follows every change to the database, in the same operation."""
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

from archive.importing import import_report, reparse_report
from archive.models import Indicator, Report, Section
from archive.parsing.document import ReportMetadata
from search import services
from search.backend import IndexBusy
from search.drift import find_drift
from search.indexing import backend
from search.params import SearchParams
from search.rebuild import rebuild
from tests.conftest import FIXTURE_REPORTS, ROOT
from tests.documents import docx_bytes

pytestmark = pytest.mark.django_db


def count(q, **filters):
    return services.search(SearchParams(q=q, **filters)).count


def test_an_imported_report_is_searchable_at_once():
    assert count("鞋服产业集群") == 0
    import_report(docx_bytes(), "report.docx")
    assert count("鞋服产业集群") == 1


def test_deleting_a_report_removes_it_from_the_index():
    report = import_report(docx_bytes(), "report.docx").report
    report.delete()
    assert count("鞋服产业集群") == 0
    assert not find_drift()


def test_admin_edit_of_metadata_reaches_the_index(client):
    report = import_report(docx_bytes(), "report.docx").report
    client.force_login(User.objects.create_superuser("e", "e@example.org", "a-long-password-1"))
    form = {"region": "改名市", "year": report.year, "kind": report.kind, "title": report.title,
            "meeting": report.meeting, "speaker": report.speaker, "office": report.office,
            "delivered_on": "", "sections-TOTAL_FORMS": 0, "sections-INITIAL_FORMS": 0,
            "indicators-TOTAL_FORMS": 0, "indicators-INITIAL_FORMS": 0}
    response = client.post(f"/admin/archive/report/{report.pk}/change/", form)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert count("鞋服产业集群", region="改名市") == 1
    assert count("鞋服产业集群", region="示范市") == 0


def test_reparse_keeps_the_index_in_step():
    report = import_report(docx_bytes(), "report.docx").report
    Section.objects.filter(report=report).delete()
    reparse_report(report)
    assert count("鞋服产业集群") == 1
    assert not find_drift()


def test_when_indexing_fails_the_import_is_undone(monkeypatch):
    def refuse(*args, **kwargs):
        raise IndexBusy("index locked")

    monkeypatch.setattr(type(backend()), "replace_report", refuse)
    with pytest.raises(IndexBusy):
        import_report(docx_bytes(), "report.docx")
    assert Report.objects.count() == 0 and Section.objects.count() == 0


def test_when_unindexing_fails_the_delete_is_undone(monkeypatch):
    report = import_report(docx_bytes(), "report.docx").report
    monkeypatch.setattr(type(backend()), "remove_report",
                        lambda *a, **k: (_ for _ in ()).throw(IndexBusy("index locked")))
    with pytest.raises(IndexBusy):
        from django.db import transaction
        with transaction.atomic():
            report.delete()
    assert Report.objects.filter(pk=report.pk).exists()
    assert count("鞋服产业集群") == 1


def test_a_held_lock_times_out_with_a_clear_error(settings):
    engine = backend()
    engine.lock_timeout = 0.3
    with engine.writer():
        with pytest.raises(IndexBusy, match="占用"):
            import_report(docx_bytes(), "report.docx")
    assert Report.objects.count() == 0


def test_drift_is_detected_and_repaired():
    report = import_report(docx_bytes(), "report.docx").report
    other = import_report(docx_bytes(bold_prefix="项目投资拉动有力。"), "other.docx",
                          ReportMetadata(region="另一市")).report
    # Changes made behind the index's back, as a crash or a hand-edited database would.
    Section.objects.filter(pk=report.sections.first().pk)._raw_delete("default")
    for model in (Indicator, Section):
        model.objects.filter(report=other)._raw_delete("default")
    Report.objects.filter(pk=other.pk)._raw_delete("default")
    out = io.StringIO()
    with pytest.raises(CommandError, match="drifted"):
        call_command("check_index", stdout=out)
    assert "sections in the index but not the database" in out.getvalue()
    assert "reports in the index but not the database" in out.getvalue()

    call_command("check_index", "--repair", stdout=io.StringIO())
    assert not find_drift()
    assert count("项目投资拉动有力") == 0


def test_rebuild_index_restores_the_index_from_the_database():
    import_report(docx_bytes(), "report.docx")
    backend().remove_report(Report.objects.get().pk)
    assert find_drift()
    call_command("rebuild_index", "--noinput", stdout=io.StringIO())
    assert not find_drift()
    assert count("鞋服产业集群") == 1


def test_a_failed_rebuild_leaves_the_live_index_answering(monkeypatch):
    import_report(docx_bytes(), "report.docx")

    def broken(report):
        raise RuntimeError("killed half-way")

    monkeypatch.setattr("search.rebuild.report_documents", broken)
    with pytest.raises(RuntimeError):
        call_command("rebuild_index", stdout=io.StringIO())
    assert count("鞋服产业集群") == 1


@pytest.mark.parametrize("processes", [1, 2])
def test_a_writer_failing_in_a_worker_leaves_the_live_index_answering(monkeypatch, processes):
    import_report(docx_bytes(), "report.docx")
    monkeypatch.setattr("search.rebuild.BATCH", 1)   # more batches than the queue holds

    def broken(writer, **fields):
        raise RuntimeError("disk full half-way")

    monkeypatch.setattr("search.term_lists.TermListWriter.add_document", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        rebuild(processes=processes)
    assert count("鞋服产业集群") == 1
    assert not Path(backend().path).with_name(Path(backend().path).name + ".building").exists()


class TwoPartError(Exception):
    def __init__(self, part, whole):   # pickles, but cannot be rebuilt from its args
        super().__init__(f"{part} of {whole}")


def test_an_error_the_parent_cannot_rebuild_still_reaches_it(monkeypatch):
    import_report(docx_bytes(), "report.docx")

    def broken(writer, **fields):
        raise TwoPartError(1, 2)

    monkeypatch.setattr("search.term_lists.TermListWriter.add_document", broken)
    with pytest.raises(RuntimeError, match="TwoPartError: 1 of 2"):
        rebuild(processes=2)
    assert count("鞋服产业集群") == 1


@pytest.mark.parametrize("processes", [1, 2])
def test_a_rebuild_past_its_postings_budget_writes_several_segments(monkeypatch, processes):
    import_report(docx_bytes(), "report.docx")
    whole = rebuild(processes=processes)
    monkeypatch.setattr("search.rebuild.POSTINGS_PER_REBUILD", 50 * processes)
    assert rebuild(processes=processes) == whole
    with backend().index.reader() as reader:
        assert len(reader.leaf_readers()) > 2 * processes
    assert count("鞋服产业集群") == 1
    assert not find_drift()


def test_a_worker_killed_half_way_fails_the_rebuild_cleanly(monkeypatch):
    import_report(docx_bytes(), "report.docx")
    monkeypatch.setattr("search.term_lists.TermListWriter.add_document",
                        lambda writer, **fields: os._exit(9))   # only ever in a worker process
    with pytest.raises(RuntimeError, match="index worker stopped"):
        rebuild(processes=2)
    assert count("鞋服产业集群") == 1


@pytest.mark.django_db(transaction=False)
def test_two_imports_at_once_both_land_whole(tmp_path):
    """Two processes import into one data folder at the same moment; both reports land."""
    env = {**os.environ, "ARCHIVE_DATA_DIR": str(tmp_path / "data"), "PYTHONPATH": str(ROOT)}
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
    first = tmp_path / "first.docx"
    second = tmp_path / "second.docx"
    first.write_bytes(docx_bytes())
    second.write_bytes(docx_bytes(bold_prefix="项目投资拉动有力。"))
    runs = [subprocess.Popen([*manage, "import_reports", str(path), "--region", region],
                             env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            for path, region in ((first, "甲市"), (second, "乙市"))]
    for run in runs:
        out, err = run.communicate(timeout=120)
        assert run.returncode == 0, err.decode()
    check = subprocess.run([*manage, "check_index"], env=env, cwd=ROOT, capture_output=True)
    assert check.returncode == 0, check.stdout.decode() + check.stderr.decode()
    assert b"agree" in check.stdout
    listing = subprocess.run([*manage, "shell", "-c",
                              "from archive.models import Report; print(sorted(Report.objects.values_list('region', flat=True)))"],
                             env=env, cwd=ROOT, capture_output=True, check=True)
    assert "['乙市', '甲市']" in listing.stdout.decode()


def test_fixture_folder_is_indexed_whole():
    call_command("import_reports", str(FIXTURE_REPORTS), stdout=io.StringIO())
    assert not find_drift()
