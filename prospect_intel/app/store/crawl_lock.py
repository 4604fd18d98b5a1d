"""One crawl per store at a time: a lock file beside the database.

The lock is held through the process's open file (`filelock`: flock on POSIX, msvcrt on
Windows), so `kill -9` releases it; a second crawl on the same store is refused with a clear
message instead of racing for the queue. Taking it twice in one process is a no-op.
"""
from __future__ import annotations

import os
from pathlib import Path

from filelock import FileLock, Timeout

from prospect_intel.core.errors import QueueBusy
from prospect_intel.core.language import _

_HELD: dict[str, FileLock] = {}


def lock_path(db_path: str | os.PathLike[str]) -> Path:
    path = Path(db_path).resolve()
    return path.with_name(path.name + ".lock")


def acquire(db_path: str | os.PathLike[str]) -> None:
    """Take the crawl lock for this store, or raise QueueBusy."""
    path = str(lock_path(db_path))
    if path in _HELD:
        return
    lock = FileLock(path, thread_local=False)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise QueueBusy(
            _("another crawl is working on %(file)s; wait for it to finish or stop it", file=db_path)
        ) from None
    _HELD[path] = lock


def release(db_path: str | os.PathLike[str]) -> None:
    lock = _HELD.pop(str(lock_path(db_path)), None)
    if lock is not None:
        lock.release()
