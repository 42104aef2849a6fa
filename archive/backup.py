"""Back up the whole archive and restore it into an empty installation.

A backup is a folder (or the same folder as a .tar.gz or .zip) holding:

- ``data.json``: every Report, Section and Indicator row as Django serialises them, with
  their primary keys, so staff corrections survive (re-parsing the originals would lose
  them) and permalinks /reports/<id>/ keep working;
- ``files/<name>``: each report's original file under its storage name;
- ``manifest.json``: format and version, row counts, and the SHA-256 of data.json and of
  every original file, checked before anything is restored.

Also here: finding original files that no report refers to (a killed import leaves one).
"""
from __future__ import annotations

import datetime
import hashlib
import itertools
import json
import os
import re
import tarfile
import tempfile
import time
import zipfile
import zlib
from contextlib import contextmanager
from pathlib import Path, PurePosixPath, PureWindowsPath

from django.core import serializers
from django.core.files import File
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.utils import timezone

from archive.models import Indicator, Report, Section

FORMAT = "zhengbao-archive-backup"
VERSION = 1
MANIFEST, DATA, FILES = "manifest.json", "data.json", "files"
MODELS = (Report, Section, Indicator)  # in the order they are written and read
UPLOADS = "reports"  # the folder of originals in storage, as source_upload_path names them
STRAY_GRACE_SECONDS = 600  # younger unreferenced files may belong to an import still running
CHUNK = 1 << 20


class _ExactJSONEncoder(DjangoJSONEncoder):
    """Keeps the microseconds of times, which DjangoJSONEncoder cuts to milliseconds."""

    def default(self, o):
        if isinstance(o, datetime.datetime):
            return o.isoformat()
        return super().default(o)


class BackupError(Exception):
    """A backup that cannot be written or restored; the message says why."""


def _quiet(line: str) -> None:
    pass


# -- export ---------------------------------------------------------------------------

def export_archive(dest: Path, progress=_quiet) -> dict:
    """Write a backup to ``dest`` (a new folder, or a file ending .tar.gz, .tgz or .zip).

    It is assembled beside ``dest`` and renamed into place at the end, so an interrupted
    export never leaves something that looks like a finished backup. Returns the manifest.
    """
    dest = Path(dest)
    if dest.exists():
        raise BackupError(f"{dest} 已存在，请换一个名字")
    pack = _packer(dest.name)
    dest.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=dest.parent, prefix=".export-") as scratch:
        folder = Path(scratch) / "backup"
        folder.mkdir()
        manifest = _write_backup(folder, progress)
        if pack is None:
            folder.rename(dest)
        else:
            partial = Path(scratch) / "partial"
            pack(folder, partial)
            os.replace(partial, dest)
    return manifest


def _write_backup(folder: Path, progress) -> dict:
    with _snapshot():
        counts = {model._meta.label_lower: model.objects.count() for model in MODELS}
        progress(f"exporting {_describe(counts)}")
        with open(folder / DATA, "w", encoding="utf-8") as out:
            rows = itertools.chain.from_iterable(
                model.objects.order_by("pk").iterator(chunk_size=500) for model in MODELS)
            serializers.serialize("json", rows, stream=out, cls=_ExactJSONEncoder)
        files, missing = {}, []
        reports = Report.objects.exclude(source_file="").order_by("pk")
        total = reports.count()
        for position, report in enumerate(reports.iterator(chunk_size=100), start=1):
            name = report.source_file.name
            try:
                files[name] = _copy_out(report.source_file.storage, name, folder / FILES / _member(name))
            except FileNotFoundError:
                missing.append(name)
                progress(f"  {position}/{total} #{report.pk}: original file missing, not in the backup: {name}")
                continue
            progress(f"  {position}/{total} #{report.pk} {name}")
    manifest = {"format": FORMAT, "version": VERSION, "created": timezone.now().isoformat(),
                "counts": counts, "data_sha256": _sha256(folder / DATA),
                "files": files, "missing_files": missing}
    (folder / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
    return manifest


@contextmanager
def _snapshot():
    """Rows and files read from one state of the database.

    A SQLite transaction already is one (and holds off imports meanwhile); PostgreSQL
    needs REPEATABLE READ for its queries to share a snapshot.
    """
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        yield


def _copy_out(storage, name: str, target: Path) -> str:
    """Copy a stored file to ``target``; returns its SHA-256."""
    target.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    with storage.open(name, "rb") as source, open(target, "wb") as out:
        for chunk in iter(lambda: source.read(CHUNK), b""):
            digest.update(chunk)
            out.write(chunk)
    return digest.hexdigest()


def _packer(name: str):
    """How to pack a backup folder into ``name``: None for a plain folder."""
    def tar(folder: Path, target: Path) -> None:
        with tarfile.open(target, "w:gz") as archive:
            for path in _files_under(folder):
                archive.add(path, arcname=path.relative_to(folder).as_posix())

    def zip_(folder: Path, target: Path) -> None:
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in _files_under(folder):
                archive.write(path, arcname=path.relative_to(folder).as_posix())

    lowered = name.lower()
    if lowered.endswith((".tar.gz", ".tgz")):
        return tar
    if lowered.endswith(".zip"):
        return zip_
    return None


def _files_under(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*") if path.is_file())


# -- restore --------------------------------------------------------------------------

def restore_archive(src: Path, progress=_quiet, reindex=None) -> dict:
    """Restore a backup into an empty archive; returns the row counts.

    Everything is checked first (paths, manifest, every SHA-256, which rows the data
    holds); then rows, their primary keys and the original files are stored in one
    transaction, inside which ``reindex`` (the search app's rebuild) runs, so that a
    failure anywhere stores nothing.
    """
    if Report.objects.exists():
        raise BackupError(
            f"数据库中已有 {Report.objects.count()} 份报告：只能恢复到空的档案中 "
            "(the archive is not empty; restore into a fresh installation)")
    with _unpacked(Path(src)) as folder:
        manifest = _verified_manifest(folder)
        progress(f"verified data.json and {len(manifest['files'])} original files against the manifest")
        objects = _rows(folder / DATA, manifest)
        storage = Report._meta.get_field("source_file").storage
        written: list[str] = []
        try:
            with transaction.atomic():
                for obj in objects:
                    obj.save()
                _reset_sequences()
                progress(f"restored {_describe(manifest['counts'])}")
                for name in manifest["files"]:
                    _store(storage, name, folder / FILES / name)
                    written.append(name)
                progress(f"stored {len(written)} original files")
                if reindex:
                    reindex()
        except BaseException:
            for name in written:
                storage.delete(name)
            raise
    return manifest["counts"]


@contextmanager
def _unpacked(src: Path):
    """The backup as a folder: ``src`` itself, or a .tar.gz/.zip checked and unpacked."""
    if src.is_dir():
        yield src
        return
    if not src.is_file():
        raise BackupError(f"{src}: 没有这个备份")
    lowered = src.name.lower()
    if not lowered.endswith((".tar.gz", ".tgz", ".zip")):
        raise BackupError(f"{src}: 不是备份（应为文件夹、.tar.gz 或 .zip）")
    with tempfile.TemporaryDirectory(prefix="zhengbao-restore-") as scratch:
        try:
            if lowered.endswith(".zip"):
                _unzip(src, Path(scratch))
            else:
                _untar(src, Path(scratch))
        except (tarfile.TarError, zipfile.BadZipFile, OSError, EOFError, zlib.error) as error:
            raise BackupError(f"{src}: 备份文件已损坏，无法解包：{error}") from error
        yield Path(scratch)


def _untar(src: Path, into: Path) -> None:
    with tarfile.open(src, "r:gz") as archive:
        members = archive.getmembers()
        for member in members:
            _member(member.name)
            if not (member.isfile() or member.isdir()):
                raise BackupError(f"{src}: 备份中含有链接或特殊文件（{member.name!r}），拒绝恢复")
        archive.extractall(into, members=members, filter="data")


def _unzip(src: Path, into: Path) -> None:
    with zipfile.ZipFile(src) as archive:
        for name in archive.namelist():
            _member(name)
        archive.extractall(into)


def _member(name: str) -> str:
    """``name`` if it stays inside the folder it is unpacked to; refuses / , C:\\ and .."""
    parts = re.split(r"[\\/]", name)
    if (not name or name.startswith(("/", "\\")) or PureWindowsPath(name).drive
            or ".." in parts or PurePosixPath(name).is_absolute()):
        raise BackupError(f"备份中含有不安全的路径（{name!r}：绝对路径或含 ..），拒绝恢复")
    return name


def _verified_manifest(folder: Path) -> dict:
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise BackupError(f"{folder}: 缺少 {MANIFEST}，不是 export_archive 生成的备份") from error
    except ValueError as error:
        raise BackupError(f"{MANIFEST} 已损坏，不是有效的 JSON：{error}") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{MANIFEST}: 不是政报档案的备份（格式应为 {FORMAT}）")
    if manifest.get("version") != VERSION:
        raise BackupError(f"{MANIFEST}: 备份格式版本 {manifest.get('version')!r} 不受支持（应为 {VERSION}）")
    if not all(isinstance(manifest.get(key), dict) for key in ("counts", "files")):
        raise BackupError(f"{MANIFEST} 不完整：缺少计数或文件清单")
    _check_sha256(folder / DATA, manifest.get("data_sha256"), DATA)
    for name, expected in manifest["files"].items():
        _check_sha256(folder / FILES / _member(name), expected, f"{FILES}/{name}")
    return manifest


def _check_sha256(path: Path, expected, label: str) -> None:
    try:
        actual = _sha256(path)
    except FileNotFoundError as error:
        raise BackupError(f"备份不完整，缺少 {label}") from error
    if actual != expected:
        raise BackupError(f"备份已损坏或被改动：{label} 的 SHA-256 与清单不符")


def _rows(path: Path, manifest: dict) -> list:
    """The deserialised rows, refused unless they are archive rows matching the manifest."""
    try:
        objects = list(serializers.deserialize("json", path.read_text(encoding="utf-8")))
    except DeserializationError as error:
        raise BackupError(f"{DATA} 无法读取：{error}") from error
    labels = {model._meta.label_lower for model in MODELS}
    counts = dict.fromkeys(labels, 0)
    for obj in objects:
        label = obj.object._meta.label_lower
        if label not in labels:
            raise BackupError(f"{DATA} 含有档案以外的数据（{label} 的行）")
        counts[label] += 1
    if counts != manifest["counts"]:
        raise BackupError(f"{DATA} 的行数与清单不符：{counts}，清单为 {manifest['counts']}")
    named = set(manifest["files"]) | set(manifest.get("missing_files", []))
    for obj in objects:
        if isinstance(obj.object, Report) and obj.object.source_file.name not in {"", *named}:
            raise BackupError(f"备份不完整：报告 #{obj.object.pk} 的原始文件 "
                              f"{obj.object.source_file.name} 不在清单中")
    return objects


def _reset_sequences() -> None:
    """After rows with explicit primary keys, new rows must not collide (PostgreSQL)."""
    statements = connection.ops.sequence_reset_sql(no_style(), list(MODELS))
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


def _store(storage, name: str, source: Path) -> None:
    """Store ``source`` under exactly ``name``, which the restored rows refer to."""
    if storage.exists(name):
        storage.delete(name)  # no report refers to it: the archive was empty
    with open(source, "rb") as handle:
        stored = storage.save(name, File(handle))
    if stored != name:
        raise BackupError(f"无法按原名保存 {name}：存储改存为 {stored}")


# -- stray originals ------------------------------------------------------------------

def stray_files(older_than: float = STRAY_GRACE_SECONDS) -> list[str]:
    """Original files no report refers to, except those younger than ``older_than`` seconds.

    An import writes the file before its transaction commits, and a replaced report's old
    file is deleted after; a process killed in between leaves a file behind. Younger
    files may belong to an import still running.
    """
    base = Path(Report._meta.get_field("source_file").storage.path(""))
    if not (base / UPLOADS).is_dir():
        return []
    cutoff = time.time() - older_than
    candidates = [path.relative_to(base).as_posix() for path in (base / UPLOADS).rglob("*")
                  if path.is_file() and path.stat().st_mtime < cutoff]
    known = set(Report.objects.values_list("source_file", flat=True))
    return sorted(name for name in candidates if name not in known)


def remove_stray_files(names: list[str]) -> None:
    storage = Report._meta.get_field("source_file").storage
    for name in names:
        storage.delete(name)


# -- helpers --------------------------------------------------------------------------

def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _describe(counts: dict) -> str:
    return ", ".join(f"{counts.get(model._meta.label_lower, 0)} {model._meta.model_name}s"
                     for model in MODELS)
