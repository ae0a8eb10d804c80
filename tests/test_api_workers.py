"""Several uvicorn workers sharing one `chroma run` server; when that server goes, errors keep the disclaimer."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import httpx
import psutil
import pytest

from devtools.api_server import ApiServer
from ingest.build import build_store
from painchat.messages import DISCLAIMER
from painchat.settings import Settings
from tests.api_helpers import parse_events
from tests.test_chroma_server import chroma_url  # noqa: F401 - the suite's one `chroma run` fixture

pytestmark = pytest.mark.server
QUESTIONS = ["Can exercise help with neuropathic pain?", "What is allodynia?", "How does neuropathic pain develop?"]


@pytest.fixture(scope="module")
def workers(chroma_url, corpus_dir, embedder, tmp_path_factory):  # noqa: F811
    state = tmp_path_factory.mktemp("workers")
    build_store(Settings(corpus_dir=corpus_dir, chroma_url=chroma_url, store_dir=state / "unused"), embedder)
    env = {
        "PAINCHAT_CORPUS_DIR": str(corpus_dir),
        "PAINCHAT_CHROMA_URL": chroma_url,
        "PAINCHAT_DATA_DIR": str(state / "data"),
        "PAINCHAT_RATE_LIMIT_PER_MINUTE": "0",
    }
    with ApiServer(env, workers=2) as server:
        yield server


def test_two_workers_answer_from_the_shared_server(workers, assistant):
    children = psutil.Process(workers.pid).children()
    worker_processes = [p for p in children if "spawn_main" in " ".join(p.cmdline())]
    assert len(worker_processes) == 2
    with httpx.Client(base_url=workers.url, timeout=120) as http, ThreadPoolExecutor(6) as pool:
        replies = list(pool.map(lambda q: http.post("/v1/ask", json={"question": q}).json(), QUESTIONS * 4))
    for question, reply in zip(QUESTIONS * 4, replies):
        assert reply["answer"] == assistant.answer(question).answer  # the same as the embedded store's answer
        assert reply["disclaimer"] == DISCLAIMER
    assert all(p.is_running() for p in worker_processes)


def test_when_the_store_goes_away_every_error_carries_the_disclaimer(workers, chroma_url):  # noqa: F811
    server = _chroma_process(chroma_url)
    server.terminate()
    server.wait(timeout=30)
    with httpx.Client(base_url=workers.url, timeout=60) as http:
        ready = http.get("/readyz")
        assert ready.status_code == 503 and ready.json()["disclaimer"] == DISCLAIMER
        failed = http.post("/v1/ask", json={"question": QUESTIONS[0]})
        assert failed.status_code == 503 and failed.json()["disclaimer"] == DISCLAIMER  # the store, not a bug
        assert failed.headers["Retry-After"]
        assert "127.0.0.1" not in failed.text  # no internal address leaks to the client
        events = parse_events(http.post("/v1/ask/stream", json={"question": QUESTIONS[1]}).text)
    assert [name for name, _ in events] == ["error", "done"]
    assert events[0][1]["disclaimer"] == DISCLAIMER


def _chroma_process(url: str) -> psutil.Process:
    """The `chroma run` child of this test process that serves ``url``."""
    port = url.rsplit(":", 1)[1]
    (server,) = [p for p in psutil.Process().children() if "run" in p.cmdline() and port in p.cmdline()]
    return server
