"""The HTTP API in-process (FastAPI's TestClient): every endpoint, the SSE contract, bad bodies, OpenAPI."""

from __future__ import annotations

import json

import pytest

from painchat.messages import DISCLAIMER
from painchat.settings import PROJECT_ROOT
from tests.api_helpers import client_for, parse_events  # noqa: F401 - fixture

QUESTION = "Does exercise help nerve pain?"


@pytest.fixture
def client(client_for):  # noqa: F811
    return client_for()


def test_ask_returns_what_the_cli_json_returns(client, assistant):
    response = client.post("/v1/ask", json={"question": QUESTION, "history": []})
    assert response.status_code == 200
    body = response.json()
    expected = json.loads(assistant.answer(QUESTION).model_dump_json())
    body.pop("timings_ms"), expected.pop("timings_ms")
    assert body == expected
    assert body["kind"] == "answer" and body["citations"] and body["disclaimer"] == DISCLAIMER


def test_ask_uses_the_history_for_a_follow_up(client, assistant):
    history = [{"role": "user", "content": QUESTION}, {"role": "assistant", "content": "..."}]
    body = client.post("/v1/ask", json={"question": "and how often?", "history": history}).json()
    assert body["answer"] == assistant.answer("and how often?", history).answer


def test_stream_sends_pieces_then_the_answer_then_done(client):
    response = client.post("/v1/ask/stream", json={"question": QUESTION})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/event-stream")
    events = parse_events(response.text)
    names = [name for name, _ in events]
    assert names[-2:] == ["answer", "done"] and set(names[:-2]) == {"piece"} and len(names) > 3
    answer = events[-2][1]
    assert "".join(data["text"] for name, data in events if name == "piece") == answer["answer"]
    assert answer["citations"][0]["n"] == 1 and answer["disclaimer"] == DISCLAIMER and answer["coverage"]


def test_emergency_streams_as_its_own_kind_with_the_disclaimer(client):
    events = parse_events(client.post("/v1/ask/stream", json={"question": "I have chest pain when I exercise"}).text)
    assert events[-2][1]["kind"] == "emergency" and events[-2][1]["disclaimer"] == DISCLAIMER


def test_sources_list_the_papers_and_their_coverage(client, assistant):
    body = client.get("/v1/sources").json()
    assert {s["source_id"] for s in body["sources"]} == {c.source_id for c in assistant.coverage}
    assert all(s["coverage"] and s["doi_url"].startswith("https://doi.org/") for s in body["sources"])
    assert body["disclaimer"] == DISCLAIMER


def test_health_and_readiness(client, assistant):
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").json() == {"status": "ready", "passages": len(assistant.index.passages)}


def test_feedback_is_stored_without_identifiers(client, settings):
    answer = client.post("/v1/ask", json={"question": QUESTION}).json()
    response = client.post("/v1/feedback", json={"question": QUESTION, "answer": answer, "rating": "down"})
    assert response.status_code == 200 and response.json() == {"stored": True}
    stored = json.loads((settings.data_dir / "feedback.jsonl").read_text().splitlines()[-1])
    assert stored["rating"] == "down"
    assert stored["citations"] == [c["chunk_id"] for c in answer["citations"]]
    # The question is health data: kept only where question logging is on (off here).
    assert set(stored) == {"time", "kind", "rating", "citations"}


def test_feedback_with_a_bad_rating_or_a_forged_disclaimer_is_refused(client):
    answer = client.post("/v1/ask", json={"question": QUESTION}).json()
    assert client.post("/v1/feedback", json={"question": "q", "answer": answer, "rating": "meh"}).status_code == 422
    forged = {**answer, "disclaimer": "none"}
    assert client.post("/v1/feedback", json={"question": "q", "answer": forged, "rating": "up"}).status_code == 422


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        (b"{not json", 400, "malformed_json"),
        (b"\xff\xfe\x00", 400, "malformed_json"),
        (b'["a list"]', 422, "invalid_request"),
        (b'{"history": []}', 422, "invalid_request"),
        (b'{"question": 42}', 422, "invalid_request"),
        (b'{"question": "q", "history": [{"role": "bot", "content": "x"}]}', 422, "invalid_request"),
        (b'{"question": "q", "extra": 1}', 422, "invalid_request"),
    ],
)
def test_malformed_bodies_get_a_clear_json_error_with_the_disclaimer(client, body, status, code):
    response = client.post("/v1/ask", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == status
    error = response.json()
    assert error["error"] == code and error["message"] and error["disclaimer"] == DISCLAIMER


def test_invalid_fields_are_named_without_echoing_the_input(client):
    error = client.post("/v1/ask", json={"question": "q", "history": [{"role": "bot", "content": "SECRET"}]}).json()
    assert error["details"][0]["field"] == "history.0.role"
    assert "SECRET" not in json.dumps(error)


def test_oversized_bodies_are_refused_before_they_are_read(client_for):  # noqa: F811
    client = client_for(max_body_bytes=2048)
    response = client.post("/v1/ask", json={"question": "x" * 3000})
    assert response.status_code == 413 and response.json()["error"] == "body_too_large"

    def chunked():  # no Content-Length: the limit is counted while reading
        yield b'{"question": "'
        for _ in range(10):
            yield b"x" * 1000
        yield b'"}'

    response = client.post("/v1/ask", content=chunked(), headers={"Content-Type": "application/json"})
    assert response.status_code == 413 and response.json()["disclaimer"] == DISCLAIMER


def test_long_questions_and_histories_are_refused(client_for, settings):  # noqa: F811
    client = client_for(max_history_items=4)
    too_long = client.post("/v1/ask", json={"question": "x" * (settings.max_question_chars + 1)})
    assert too_long.status_code == 422 and too_long.json()["error"] == "question_too_long"
    turns = [{"role": "user", "content": "hi"}] * 5
    history = client.post("/v1/ask/stream", json={"question": "q", "history": turns})
    assert history.status_code == 422 and history.json()["error"] == "history_too_long"


def test_unknown_routes_and_methods_are_json_errors(client):
    assert client.get("/v1/nothing").json()["error"] == "not_found"
    assert client.get("/v1/ask").status_code == 405
    assert client.get("/docs").status_code == 404  # the interactive docs would load a CDN


def test_widget_is_served_with_the_disclaimer_filled_in(client):
    response = client.get("/widget.js")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/javascript")
    assert json.dumps(DISCLAIMER) in response.text and "__PAINCHAT_DISCLAIMER__" not in response.text
    assert response.headers["cross-origin-resource-policy"] == "cross-origin"


def test_the_committed_openapi_schema_is_the_served_one(client):
    served = client.get("/openapi.json").json()
    committed = json.loads((PROJECT_ROOT / "docs" / "openapi.json").read_text(encoding="utf-8"))
    assert served == committed, "regenerate it: python -m painchat.api.openapi"
    assert {"/v1/ask", "/v1/ask/stream", "/v1/feedback", "/v1/sources", "/healthz", "/readyz"} <= set(served["paths"])
