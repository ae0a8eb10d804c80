"""One writer at a time: an exclusive ``flock`` held for the whole of a build.

The kernel releases the lock when its holder dies (even by ``kill -9``), so a crashed ingest never
leaves a stale lock behind. The file records who holds it, for the second writer's message.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from painchat.errors import StoreBusyError, StoreError
from painchat.settings import Settings

POLL_S = 0.5


def lock_path(settings: Settings) -> Path:
    """Beside the store; a server's lock lives in the data folder of the host that ingests."""
    return settings.data_dir / "chroma-server.lock" if settings.chroma_url else settings.store_dir / ".write.lock"


@contextmanager
def writer_lock(settings: Settings, wait_s: float = 0.0, on_wait=None) -> Iterator[None]:
    """Held while the store is written; waits up to ``wait_s`` for another writer, then StoreBusyError."""
    path = lock_path(settings)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as err:
        raise StoreError(f"cannot write the store's lock file {path}: {err.strerror}") from err
    try:
        _acquire(handle, path, wait_s, on_wait)
        os.ftruncate(handle, 0)
        started = datetime.now(UTC).isoformat(timespec="seconds")
        os.pwrite(handle, f"pid {os.getpid()}, started {started}\n".encode(), 0)
        yield
    finally:
        os.close(handle)  # closing releases the lock


def _acquire(handle: int, path: Path, wait_s: float, on_wait) -> None:
    deadline = time.monotonic() + wait_s
    told = False
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                holder = os.pread(handle, 200, 0).decode(errors="replace").strip() or "unknown"
                raise StoreBusyError(
                    f"another ingest is writing the store ({holder}; lock {path}); "
                    "the live store keeps serving: try again when it has finished"
                ) from None
            if on_wait and not told:
                on_wait(f"waiting for another ingest to finish (lock {path})")
                told = True
            time.sleep(POLL_S)
