"""Report what the search index and the uploads hold that the database does not (and the
reverse); --repair mends it. The database is the source of truth."""
from django.core.management.base import BaseCommand, CommandError

from archive.backup import STRAY_GRACE_SECONDS, remove_stray_files, stray_files
from search.drift import find_drift, replace_unusable_index
from search.errors import IndexUnavailable


class Command(BaseCommand):
    help = ("List reports and sections found in only one of the database and the search index, "
            "a missing or unreadable index, and original files no report refers to.")

    def add_arguments(self, parser):
        parser.add_argument("--repair", action="store_true",
                            help="re-index what drifted, rebuild a missing or unreadable index, "
                                 "delete original files without a report")

    def handle(self, *args, repair, **options):
        unusable = drift = None
        try:
            drift = find_drift()
        except IndexUnavailable as problem:
            unusable = problem
            self.stdout.write(str(problem))
        else:
            self._list_drift(drift)
        strays = stray_files()
        if strays:
            self._list(f"original files without a report (older than {STRAY_GRACE_SECONDS} s)", strays)
        if not (unusable or drift or strays):
            self.stdout.write(self.style.SUCCESS("index and database agree"))
            return
        if not repair:
            problems = [problem for problem, found in (
                ("the search index is missing or unreadable", unusable),
                ("the search index has drifted", drift),
                ("original files without a report remain", strays)) if found]
            remedy = "check_index --repair" + (" or rebuild_index" if unusable or drift else "")
            raise CommandError(f"{' and '.join(problems)}; run {remedy}")

        if unusable:
            self.stdout.write("rebuilding the search index from the database …")
            self.stdout.write(f"index rebuilt: {replace_unusable_index()} documents")
        elif drift:
            drift.repair()
        if strays:
            remove_stray_files(strays)
            self.stdout.write(f"removed {len(strays)} original file(s) without a report")
        if find_drift() or stray_files():
            raise CommandError("drift remains after repair; run rebuild_index")
        self.stdout.write(self.style.SUCCESS("repaired: index and database agree"))

    def _list_drift(self, drift):
        for label, ids in (("reports missing from the index", drift.reports_missing),
                           ("reports in the index but not the database", drift.reports_extra),
                           ("sections missing from the index", drift.sections_missing),
                           ("sections in the index but not the database", drift.sections_extra)):
            if ids:
                self._list(label, sorted(ids))

    def _list(self, label, items):
        shown = ", ".join(str(item) for item in items[:20])
        self.stdout.write(f"{label}: {len(items)} ({shown}{' …' if len(items) > 20 else ''})")
