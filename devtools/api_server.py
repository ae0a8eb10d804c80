"""``python -m painchat serve`` as a child process on loopback: shared by the tests and the load bench."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Self

import httpx

from devtools.loopback import free_port
from painchat.settings import PROJECT_ROOT


class ApiServer:
    """The API on 127.0.0.1 with its output in a log file; ``start`` returns once ``/readyz`` says ready."""

    def __init__(self, env: Mapping[str, str], workers: int = 1, port: int | None = None) -> None:
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {**os.environ, **env}
        self.workers = workers
        self.log_path = Path(tempfile.mkdtemp(prefix="painchat-api-")) / "server.log"
        self.process: subprocess.Popen | None = None

    def start(self, timeout_s: float = 180) -> Self:
        command = [sys.executable, "-m", "painchat", "serve", "--host", "127.0.0.1", "--port", str(self.port)]
        command += ["--workers", str(self.workers)]
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(command, cwd=PROJECT_ROOT, env=self.env, stdout=log, stderr=log)
        self._wait_ready(self.process, timeout_s)
        return self

    def _wait_ready(self, process: subprocess.Popen, timeout_s: float) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"the API exited with {process.returncode}; log: {self.log_path}")
            try:
                if httpx.get(f"{self.url}/readyz", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass  # not listening yet
            time.sleep(0.25)
        raise TimeoutError(f"the API was not ready after {timeout_s:.0f} s; log: {self.log_path}")

    @property
    def pid(self) -> int:
        """The server's process id (once started)."""
        if self.process is None:
            raise RuntimeError("the server has not been started")
        return self.process.pid

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
