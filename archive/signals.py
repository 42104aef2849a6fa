"""Signals other apps listen to, so that archive knows nothing of search.

``report_stored`` is sent inside the transaction that stored a report (import,
re-parse, admin edit) after its sections exist; a receiver that raises rolls the
whole change back, which is how the search index and the database stay in step.
Deletions use Django's own ``post_delete`` on Report the same way.
"""
from django.dispatch import Signal

report_stored = Signal()  # sender=Report, report=<Report>


class StoreBlocked(Exception):
    """A receiver cannot follow the change (the search index is missing, unreadable or busy).

    Raised inside the transaction, it undoes the change; its message says why, for the user.
    """
