"""``python -m painchat serve`` as a child process on loopback: shared by the tests and the load bench."""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from typing import Self

from devtools.loopback import LoopbackServer


class ApiServer(LoopbackServer):
    """The API on 127.0.0.1; ``start`` returns once ``/readyz`` says ready (model and store loaded)."""

    name = "api"
    health_path = "/readyz"
    stop_grace_s = 20.0

    def __init__(self, env: Mapping[str, str], workers: int = 1, port: int | None = None) -> None:
        super().__init__(env, port)
        self.workers = workers

    def command(self) -> Sequence[str]:
        return [sys.executable, "-m", "painchat", "serve", "--host", "127.0.0.1", "--port", str(self.port),
                "--workers", str(self.workers)]  # fmt: skip

    def start(self, timeout_s: float = 180) -> Self:
        return super().start(timeout_s)
