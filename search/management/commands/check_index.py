"""Report drift between the search index and the database; --repair mends it."""
from django.core.management.base import BaseCommand, CommandError

from search.drift import find_drift


class Command(BaseCommand):
    help = "List reports and sections found in only one of the database and the search index."

    def add_arguments(self, parser):
        parser.add_argument("--repair", action="store_true",
                            help="re-index the reports concerned (the database is the source of truth)")

    def handle(self, *args, repair, **options):
        drift = find_drift()
        if not drift:
            self.stdout.write(self.style.SUCCESS("index and database agree"))
            return
        for label, ids in (("reports missing from the index", drift.reports_missing),
                           ("reports in the index but not the database", drift.reports_extra),
                           ("sections missing from the index", drift.sections_missing),
                           ("sections in the index but not the database", drift.sections_extra)):
            if ids:
                shown = ", ".join(str(pk) for pk in sorted(ids)[:20])
                self.stdout.write(f"{label}: {len(ids)} ({shown}{' …' if len(ids) > 20 else ''})")
        if not repair:
            raise CommandError("the search index has drifted; run check_index --repair or rebuild_index")
        drift.repair()
        if find_drift():
            raise CommandError("drift remains after repair; run rebuild_index")
        self.stdout.write(self.style.SUCCESS("repaired: index and database agree"))
