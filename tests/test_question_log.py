"""The opt-in question log: off by default; when on, no identifiers and old entries dropped."""

import json
from datetime import UTC, datetime, timedelta

from painchat.assistant import Assistant
from painchat.models import Answer
from painchat.question_log import QuestionLog
from painchat.settings import Settings


def test_off_by_default(settings):
    assert Settings.model_fields["log_questions"].default is False
    assert not (settings.data_dir / "questions.jsonl").exists()


def test_logs_kind_and_citations_but_no_identifiers(settings, embedder, built_store, tmp_path):
    logged = settings.model_copy(update={"log_questions": True, "data_dir": tmp_path})
    assistant = Assistant(logged, embedder)
    assistant.answer("What is allodynia?")
    assistant.answer("\x00")  # invalid input is never stored
    entries = [json.loads(line) for line in (tmp_path / "questions.jsonl").read_text().splitlines()]
    assert len(entries) == 1
    assert set(entries[0]) == {"time", "question", "kind", "citations"}
    assert entries[0]["question"] == "What is allodynia?"


def test_entries_past_retention_are_dropped(tmp_path):
    log = QuestionLog(Settings(data_dir=tmp_path, log_retention_days=1))
    old = (datetime.now(UTC) - timedelta(days=3)).isoformat(timespec="seconds")
    log.path.write_text(json.dumps({"time": old, "question": "old", "kind": "answer", "citations": []}) + "\n")
    log.record("new", Answer(kind="not_covered", answer="…"))
    assert [json.loads(line)["question"] for line in log.path.read_text().splitlines()] == ["new"]


def test_damaged_lines_and_bad_text_do_not_break_answers(tmp_path):
    log = QuestionLog(Settings(data_dir=tmp_path))
    log.path.write_text("not json\n", encoding="utf-8")
    log.record("I want to end it \ud800", Answer(kind="emergency", answer="…"))
    entries = [json.loads(line) for line in log.path.read_text().splitlines()]
    assert [e["kind"] for e in entries] == ["emergency"]
