"""Restore a backup made by export_archive into an empty installation."""
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from archive.backup import BackupError, restore_archive
from search.rebuild import rebuild


class Command(BaseCommand):
    help = ("Restore a backup (folder, .tar.gz or .zip) into an empty archive after checking every "
            "file against its manifest, then rebuild the search index.")

    def add_arguments(self, parser):
        parser.add_argument("src", type=Path, help="a backup folder, .tar.gz or .zip")

    def handle(self, *args, src, **options):
        def indexed(position, total, report):
            if position == total or position % 50 == 0:
                self.stdout.write(f"  {position}/{total} reports indexed")

        def reindex():
            self.stdout.write(f"search index rebuilt: {rebuild(progress=indexed)} documents")

        try:
            restore_archive(src, progress=self.stdout.write, reindex=reindex)
        except BackupError as error:
            raise CommandError(f"{error}; nothing was restored") from error
        self.stdout.write(self.style.SUCCESS(f"restored from {src}"))
