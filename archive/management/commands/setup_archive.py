"""Everything `make run` does before serving, in one process.

migrate, collectstatic, import_reports and check_index --repair each pay Django's and the
search engine's start-up (2–3 s here); run in one process, a second `make run`, which finds
nothing to do, is serving within seconds.
"""
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = ("Migrate, collect static files, import the given report folders and mend the "
            "search index: what a fresh or updated checkout needs before serving.")

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", type=Path, help="report files or folders to import")

    def handle(self, *args, paths, **options):
        common = {"stdout": self.stdout, "stderr": self.stderr}
        call_command("migrate", interactive=False, verbosity=0, **common)
        call_command("collectstatic", interactive=False, verbosity=0, **common)
        if paths:
            call_command("import_reports", *map(str, paths), **common)
        call_command("check_index", repair=True, **common)
