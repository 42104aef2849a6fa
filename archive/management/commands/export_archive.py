"""Back up the whole archive: database rows, original files and a manifest."""
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from archive.backup import BackupError, export_archive


class Command(BaseCommand):
    help = ("Write the archive (reports, sections, indicators and original files) to a new folder, "
            "or to a .tar.gz / .zip file when DEST ends so.")

    def add_arguments(self, parser):
        parser.add_argument("dest", type=Path, help="a new folder, or a file ending .tar.gz, .tgz or .zip")

    def handle(self, *args, dest, **options):
        try:
            manifest = export_archive(dest, progress=self.stdout.write)
        except BackupError as error:
            raise CommandError(str(error)) from error
        missing = manifest["missing_files"]
        if missing:
            self.stderr.write(f"{len(missing)} original file(s) were missing and are not in the backup")
        self.stdout.write(self.style.SUCCESS(
            f"backup written to {dest}: {len(manifest['files'])} original files"))
