"""Child processes the bench times: wall clock and exact peak RSS, free ports, readiness polling."""

from __future__ import annotations

import subprocess
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import psutil

from painchat.settings import PROJECT_ROOT

CHILD_TIMEOUT_S = 300


@dataclass(frozen=True)
class ChildRun:
    seconds: float
    peak_rss_mib: float
    returncode: int
    stdout: str
    stderr: str


def run_child(args: Sequence[str], env: dict[str, str], timeout: float = CHILD_TIMEOUT_S) -> ChildRun:
    """Run to completion, polling the child's own high-water mark of RSS.

    Not ``wait4``'s ru_maxrss: the child is spawned with vfork, and Linux counts the parent's
    memory (the bench's loaded model) into the child's maximum at exec.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        child = subprocess.Popen(list(args), env=env, cwd=PROJECT_ROOT, stdout=out, stderr=err)
        peak = _HighWaterMark(child.pid)
        try:
            child.wait(timeout=timeout)
        finally:
            seconds = time.perf_counter() - started
            peak.stop()
            stop(child)
        out.seek(0)
        err.seek(0)
        return ChildRun(seconds, peak.mib, child.returncode, out.read().decode(), err.read().decode())


class _HighWaterMark:
    """Polls VmHWM, which only grows, so the last reading before exit is within one poll of the peak."""

    POLL_S = 0.01

    def __init__(self, pid: int) -> None:
        self.pid, self.mib = pid, 0.0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)
        self._thread.start()

    def _poll(self) -> None:
        while True:
            self.mib = max(self.mib, peak_rss_mib(self.pid) or 0.0)
            if self._done.wait(self.POLL_S):
                return

    def stop(self) -> None:
        self._done.set()
        self._thread.join()



def wait_until(ready: Callable[[], bool], timeout: float, process: subprocess.Popen | None = None) -> bool:
    """Poll ``ready`` until it holds; gives up early when the process it waits on has exited."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            return False
        try:
            if ready():
                return True
        except Exception:  # noqa: BLE001, S110 - not up yet: refused connections, HTTP errors, client errors
            pass
        time.sleep(0.25)
    return False


def http_get(url: str, timeout: float = 10) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.status, response.read()


def stop(process: subprocess.Popen) -> None:
    """Terminate, then kill if it does not go within 30 s."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def tree_rss_mib(pid: int) -> float:
    """Resident memory of a process and its children now."""
    process = psutil.Process(pid)
    members = [process, *process.children(recursive=True)]
    return sum(p.memory_info().rss for p in members) / 2**20


def peak_rss_mib(pid: int) -> float | None:
    """The kernel's high-water mark of a running process's RSS (Linux: VmHWM)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None
