"""Restore a backup made by export_archive into an empty installation."""
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from archive.backup import BackupError, restore_archive
from search.rebuild import rebuild

# A backup holds the archive, not its user accounts (password hashes stay on the server they
# were made on): a restore into a new installation needs an account made there.
NO_STAFF = ("备份不含用户账号，目前没有可登录后台的管理员：请运行 manage.py createsuperuser 创建一个 "
            "(backups hold no user accounts; create one with manage.py createsuperuser)")


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
        if not get_user_model().objects.filter(is_staff=True, is_active=True).exists():
            self.stdout.write(NO_STAFF)
