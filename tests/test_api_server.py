"""The API as it runs in production: `python -m painchat serve` (uvicorn) on loopback, over real HTTP."""

from __future__ import annotations

import subprocess
import sys

import httpx

from painchat.messages import DISCLAIMER
from painchat.settings import PROJECT_ROOT
from tests.api_helpers import CLINIC, api_server, parse_events  # noqa: F401 - fixtures
from tests.ui_helpers import app_env  # noqa: F401 - fixture

QUESTION = "Can exercise help with neuropathic pain?"


def test_every_endpoint_answers_over_http(api_server):  # noqa: F811
    with httpx.Client(base_url=api_server.url, timeout=60) as http:
        assert http.get("/healthz").json() == {"status": "ok"}
        assert http.get("/readyz").json()["status"] == "ready"
        assert len(http.get("/v1/sources").json()["sources"]) == 3
        answer = http.post("/v1/ask", json={"question": QUESTION}, headers={"Origin": CLINIC})
        assert answer.status_code == 200 and answer.headers["access-control-allow-origin"] == CLINIC
        assert answer.json()["kind"] == "answer" and answer.json()["disclaimer"] == DISCLAIMER
        rating = {"question": QUESTION, "answer": answer.json(), "rating": "up"}
        assert http.post("/v1/feedback", json=rating).json() == {"stored": True}
        assert http.get("/widget.js").status_code == 200
        assert http.get("/openapi.json").json()["info"]["title"] == "painchat API"
        assert "server" not in answer.headers


def test_the_stream_arrives_as_events_in_order(api_server):  # noqa: F811
    with httpx.stream("POST", f"{api_server.url}/v1/ask/stream", json={"question": QUESTION}, timeout=60) as response:
        assert response.headers["content-type"].startswith("text/event-stream")
        chunks = list(response.iter_text())
    events = parse_events("".join(chunks))
    names = [name for name, _ in events]
    assert names[0] == "piece" and names[-2:] == ["answer", "done"] and names.count("answer") == 1
    assert events[-2][1]["citations"] and events[-2][1]["disclaimer"] == DISCLAIMER


def test_bad_bodies_over_http_are_4xx_json(api_server):  # noqa: F811
    with httpx.Client(base_url=api_server.url, timeout=30) as http:
        big = http.post("/v1/ask", content=b"x" * 70_000, headers={"Content-Type": "application/json"})
        assert big.status_code == 413 and big.json()["disclaimer"] == DISCLAIMER
        broken = http.post("/v1/ask", content=b'{"question": ', headers={"Content-Type": "application/json"})
        assert broken.status_code == 400 and broken.json()["error"] == "malformed_json"
        foreign = http.post("/v1/ask", json={"question": QUESTION}, headers={"Origin": "http://evil.test"})
        assert foreign.status_code == 403


def test_several_workers_need_a_chroma_server():
    result = subprocess.run(
        [sys.executable, "-m", "painchat", "serve", "--workers", "2"],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120, check=False,
        env={"PATH": "/usr/bin:/bin", "PAINCHAT_CHROMA_URL": ""},
    )  # fmt: skip
    assert result.returncode == 1 and "PAINCHAT_CHROMA_URL" in result.stderr
    assert "Traceback" not in result.stderr
