"""FeedbackStore: one JSON line per rating, nothing that identifies a person."""

from __future__ import annotations

import json
import threading
from datetime import datetime, timedelta

import pytest

from painchat.feedback import FeedbackStore
from painchat.models import Answer, Citation
from painchat.settings import Settings


def _citation(n: int, chunk_id: str) -> Citation:
    return Citation(
        n=n,
        source_id="zhang2021",
        label="Zhang et al., 2021",
        authors=("Zhang, Y.-H.",),
        title="Exercise for Neuropathic Pain",
        journal="Frontiers in Medicine",
        year=2021,
        doi_url="https://doi.org/10.3389/fmed.2021.756940",
        section="Abstract",
        quote="Exercise helps.",
        chunk_id=chunk_id,
        char_span=(0, 15),
        context="Exercise helps. More follows.",
        context_span=(0, 15),
    )


@pytest.fixture
def store(tmp_path) -> FeedbackStore:
    # With the question, as where question logging is on: the tests read lines by question.
    return FeedbackStore(Settings(data_dir=tmp_path / "data", log_questions=True))


def test_the_question_is_stored_only_with_question_logging_on(tmp_path):
    quiet = FeedbackStore(Settings(data_dir=tmp_path / "data"))
    quiet.record("my feet burn at night", Answer(kind="answer", answer="a"), "down")

    assert "feet" not in quiet.path.read_text(encoding="utf-8")


def _lines(store: FeedbackStore) -> list[dict]:
    return [json.loads(line) for line in store.path.read_text(encoding="utf-8").splitlines()]


def test_writes_one_line_with_exactly_the_agreed_fields(tmp_path):
    store = FeedbackStore(Settings(data_dir=tmp_path / "data"))
    answer = Answer(kind="answer", answer="Here [1] and [2]", citations=(_citation(1, "c-1"), _citation(2, "c-2")))

    store.record("Does exercise help?", answer, "up")

    [entry] = _lines(store)
    # No question (question logging is off by default), no ip, user or session id.
    assert set(entry) == {"time", "kind", "rating", "citations"}
    assert entry["kind"] == "answer"
    assert entry["rating"] == "up"
    assert entry["citations"] == ["c-1", "c-2"]
    assert datetime.fromisoformat(entry["time"]).utcoffset() == timedelta(0)  # UTC


def test_appends_and_keeps_non_ascii_text_readable(store):
    store.record("Schmerz – hilft Bewegung?", Answer(kind="not_covered", answer="No."), "down")
    store.record("again", Answer(kind="answer", answer="Yes [1]", citations=(_citation(1, "c-9"),)), "up")

    first, second = _lines(store)
    assert (first["rating"], first["kind"], first["citations"]) == ("down", "not_covered", [])
    assert second["rating"] == "up"
    assert "Schmerz – hilft" in store.path.read_text(encoding="utf-8")


def test_rejects_an_unknown_rating_and_writes_nothing(store):
    with pytest.raises(ValueError):
        store.record("q", Answer(kind="answer", answer="a"), "meh")
    assert not store.path.exists()


def test_concurrent_sessions_never_interleave_lines(store):
    answer = Answer(kind="answer", answer="a")
    threads = [threading.Thread(target=store.record, args=(f"q{i}", answer, "up")) for i in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(e["question"] for e in _lines(store)) == sorted(f"q{i}" for i in range(20))
