"""One crawl per store at a time: an advisory lock file beside the database.

The lock is held through a process's open file, so `kill -9` releases it; a second crawl on
the same store is refused with a clear message instead of racing for the queue.
"""
from __future__ import annotations

import fcntl
import os
from pathlib import Path

from prospect_intel.core.errors import QueueBusy

_HELD: dict[str, int] = {}


def lock_path(db_path: str | os.PathLike[str]) -> Path:
    path = Path(db_path).resolve()
    return path.with_name(path.name + ".lock")


def acquire(db_path: str | os.PathLike[str]) -> None:
    """Take the crawl lock for this store (idempotent within one process)."""
    path = lock_path(db_path)
    if str(path) in _HELD:
        return
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = os.read(fd, 64).decode("ascii", "replace").strip() or "another process"
        os.close(fd)
        raise QueueBusy(
            f"another crawl (pid {holder}) is working on {db_path}; wait for it to finish or stop it"
        ) from None
    os.ftruncate(fd, 0)
    os.write(fd, str(os.getpid()).encode())
    _HELD[str(path)] = fd


def release(db_path: str | os.PathLike[str]) -> None:
    fd = _HELD.pop(str(lock_path(db_path)), None)
    if fd is not None:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
