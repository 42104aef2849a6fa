"""Rebuild the search index from the database without emptying the live index first."""
from django.core.management.base import BaseCommand

from search.rebuild import rebuild


class Command(BaseCommand):
    help = "Build a new search index from the database beside the live one and swap it in."

    def add_arguments(self, parser):
        # Accepted for compatibility with haystack's command of the same name.
        parser.add_argument("--noinput", "--no-input", action="store_true", help="(no prompt is asked)")

    def handle(self, *args, **options):
        live = self.stdout.isatty()  # a terminal: one counter rewritten in place

        def progress(position, total, report):
            if live:
                self.stdout.write(f"\r  {position}/{total} reports", ending="")
                self.stdout.flush()
                if position == total:
                    self.stdout.write("")
            elif position == total or position % 50 == 0:
                self.stdout.write(f"  {position}/{total} reports")

        documents = rebuild(progress=progress if options["verbosity"] else None)
        self.stdout.write(self.style.SUCCESS(f"index rebuilt: {documents} documents"))
