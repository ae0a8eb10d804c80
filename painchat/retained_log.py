"""Append-only JSON Lines that hold people's words: private (0600) and kept only for a while."""

from __future__ import annotations

import fcntl
import json
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from painchat.errors import DataDirError

PRIVATE = 0o600
PRUNE_EVERY_S = 3600.0


class RetainedLog:
    """One line per entry, appended; lines older than ``retention`` (and damaged ones) are pruned at the
    first write of a process and then at most once an hour, so a write never rewrites the whole file.

    Writes from the threads of one process and from other processes are serialised by an ``flock``.
    """

    def __init__(self, path: Path, retention: timedelta) -> None:
        self.path = path
        self.retention = retention
        self._lock = threading.Lock()
        self._pruned_at = float("-inf")

    def check_writable(self) -> None:
        """Fails now, with one line, rather than at the first entry."""
        with self._locked():
            pass

    def append(self, entry: dict) -> None:
        try:
            line = (json.dumps(entry, ensure_ascii=False) + "\n").encode("utf-8")  # readable as written
        except UnicodeEncodeError:  # stray surrogates (bad UTF-8 from a terminal): ASCII escapes still write
            line = (json.dumps(entry) + "\n").encode("ascii")
        with self._lock, self._locked():
            if time.monotonic() - self._pruned_at >= PRUNE_EVERY_S:
                self._prune()
            self._write(os.O_WRONLY | os.O_APPEND | os.O_CREAT, self.path, line)

    def _prune(self) -> None:
        self._pruned_at = time.monotonic()
        if not self.path.exists():
            return
        since = datetime.now(UTC) - self.retention
        lines = self.path.read_bytes().splitlines(keepends=True)
        kept = [line for line in lines if _recent(line, since)]
        if len(kept) == len(lines):
            return
        partial = self.path.with_name(f".{self.path.name}.part")
        self._write(os.O_WRONLY | os.O_CREAT | os.O_TRUNC, partial, b"".join(kept))
        os.replace(partial, self.path)

    @contextmanager
    def _locked(self) -> Iterator[None]:
        lock = self.path.with_name(f".{self.path.name}.lock")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle = os.open(lock, os.O_RDWR | os.O_CREAT, PRIVATE)
        except OSError as err:
            raise DataDirError(f"cannot write to {self.path.parent}: {err.strerror} (set PAINCHAT_DATA_DIR)") from err
        try:
            fcntl.flock(handle, fcntl.LOCK_EX)
            yield
        except OSError as err:
            raise DataDirError(f"cannot write {self.path}: {err.strerror}") from err
        finally:
            os.close(handle)

    @staticmethod
    def _write(flags: int, path: Path, data: bytes) -> None:
        handle = os.open(path, flags, PRIVATE)
        try:
            os.fchmod(handle, PRIVATE)  # also tightens a file an older version created world-readable
            os.write(handle, data)
        finally:
            os.close(handle)


def _recent(line: bytes, since: datetime) -> bool:
    """Kept if it is a readable entry written since ``since``; a damaged line is dropped."""
    try:
        return datetime.fromisoformat(json.loads(line)["time"]) >= since
    except (ValueError, KeyError, TypeError):
        return False
