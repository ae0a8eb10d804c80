"""Loopback helpers shared by the tests, the screenshot script and the bench."""

from __future__ import annotations

import os
import socket
import subprocess
import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Self

import httpx

from painchat.settings import PROJECT_ROOT


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LoopbackServer:
    """A server of this project as a child process on 127.0.0.1, its output in a log file.

    ``start`` returns once ``health_path`` answers 200; a server that exits or never answers raises.
    """

    name = "server"
    health_path = "/"
    stop_grace_s = 10.0

    def __init__(self, env: Mapping[str, str], port: int | None = None) -> None:
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {**os.environ, **env}
        self.log_path = Path(tempfile.mkdtemp(prefix=f"painchat-{self.name}-")) / "server.log"
        self.process: subprocess.Popen | None = None

    def command(self) -> Sequence[str]:
        raise NotImplementedError

    def start(self, timeout_s: float = 120) -> Self:
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(self.command(), cwd=PROJECT_ROOT, env=self.env, stdout=log, stderr=log)
        self._wait_healthy(self.process, timeout_s)
        return self

    def _wait_healthy(self, process: subprocess.Popen, timeout_s: float) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"the {self.name} exited with {process.returncode}; log: {self.log_path}")
            try:
                if httpx.get(f"{self.url}{self.health_path}", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass  # not listening yet
            time.sleep(0.25)
        raise TimeoutError(f"the {self.name} was not ready after {timeout_s:.0f} s; log: {self.log_path}")

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
                self.process.wait(timeout=self.stop_grace_s)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
