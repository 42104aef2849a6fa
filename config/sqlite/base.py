"""Django's SQLite backend, able to read a database on a full disk.

In write-ahead-log mode SQLite must create the database's shared-memory file (-shm) before it
can read anything, so with no space left every page failed, although the database itself was
intact. Where the disk is full, the connection is opened read-only and immutable instead
(SQLite then needs no -shm file): pages that only read keep working, and writes fail as
read-only, which archive.storage reports as a full disk.
"""
import shutil
from pathlib import Path
from urllib.parse import quote

from django.db.backends.sqlite3 import base

FULL_BELOW_BYTES = 1024 * 1024  # a -shm file alone takes 32 KiB; a little room is no room


def disk_full_at(path) -> bool:
    """Whether the file system holding ``path`` has (almost) no space left."""
    try:
        return shutil.disk_usage(Path(path).parent).free < FULL_BELOW_BYTES
    except OSError:
        return False


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params):
        try:
            return super().get_new_connection(conn_params)
        except base.Database.OperationalError:
            name = str(self.settings_dict["NAME"])
            if self.is_in_memory_db() or not disk_full_at(name):
                raise
            read_only = f"file:{quote(str(Path(name).resolve()))}?mode=ro&immutable=1"
            return super().get_new_connection({**conn_params, "database": read_only, "uri": True})
