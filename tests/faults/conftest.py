"""Shared pieces of the fault tests: real subprocesses, a synthetic corpus, a server that never answers."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path
from typing import Self

import pytest

from painchat.settings import PROJECT_ROOT

CLI_TIMEOUT_S = 600  # a bound, not an expectation: a hang fails the test instead of the suite
TOPICS = ("walking", "swimming", "cycling", "yoga", "strength training", "stretching", "tai chi", "dancing")
FEELINGS = ("burning", "tingling", "numbness", "stabbing pain", "aching", "sensitivity to touch")


def run(module: str, *args: str, env: dict[str, str], timeout: float = CLI_TIMEOUT_S, prefix: list[str] | None = None):
    """``python -m module args`` in the project folder, as an operator runs it."""
    command = [*(prefix or []), sys.executable, "-m", module, *args]
    return subprocess.run(
        command, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


def start(module: str, *args: str, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", module, *args],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def state_env(corpus: Path, store: Path, data: Path | None = None, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PAINCHAT_")}
    env |= {"PAINCHAT_CORPUS_DIR": str(corpus), "PAINCHAT_STORE_DIR": str(store)}
    env["PAINCHAT_DATA_DIR"] = str(data or store.parent / "data")
    return env | extra


def one_line_error(completed: subprocess.CompletedProcess) -> str:
    """The README's contract for operational errors: exit 1, one line on stderr starting 'error:'."""
    assert completed.returncode == 1, (completed.returncode, completed.stderr[-2000:])
    assert "Traceback" not in completed.stderr, completed.stderr[-2000:]
    lines = [line for line in completed.stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 1, completed.stderr[-2000:]
    return lines[0]


def write_synthetic_corpus(folder: Path, papers: int, sentences_per_paper: int) -> int:
    """Markdown papers of short made-up sentences (no paper text); returns the number of sentences."""
    folder.mkdir(parents=True, exist_ok=True)
    for p in range(papers):
        sections = []
        for s in range(0, sentences_per_paper, 40):
            body = " ".join(
                f"In trial {p}-{i}, {TOPICS[i % len(TOPICS)]} for {10 + i % 50} minutes changed "
                f"{FEELINGS[(i + p) % len(FEELINGS)]} in group {i}."
                for i in range(s, min(s + 40, sentences_per_paper))
            )
            sections.append(f"## Results part {s // 40 + 1}\n\n{body}\n")
        front = f"---\nid: synthetic{p}\ntitle: Synthetic paper {p}\nauthors: [\"Tester, A.\"]\nyear: 2020\n---\n"
        (folder / f"synthetic{p}.md").write_text(front + "\n".join(sections), encoding="utf-8")
    return papers * sentences_per_paper


@pytest.fixture
def copied_store(tmp_path, settings, built_store) -> Path:
    """A private copy of the session's built store, free to damage."""
    target = tmp_path / "store"
    shutil.copytree(settings.store_dir, target, ignore=shutil.ignore_patterns(".write.lock"))
    return target


class SilentServer:
    """A loopback socket that accepts connections and never answers: the hung server of the issue."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.held: list[socket.socket] = []
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)

    def _accept(self) -> None:
        self.sock.settimeout(0.2)
        while not self._stop.is_set():
            try:
                self.held.append(self.sock.accept()[0])
            except TimeoutError:
                continue
            except OSError:
                return

    def __enter__(self) -> Self:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self.thread.join(timeout=5)
        for conn in self.held:
            conn.close()
        self.sock.close()


@pytest.fixture
def silent_server():
    with SilentServer() as server:
        yield server
