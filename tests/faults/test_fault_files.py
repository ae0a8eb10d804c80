"""Files holding people's words: private, kept only for a while, appended rather than rewritten."""

from __future__ import annotations

import json
import stat
from datetime import UTC, datetime, timedelta

import pytest

from painchat.errors import DataDirError
from painchat.feedback import FeedbackStore
from painchat.models import Answer
from painchat.question_log import QuestionLog
from painchat.settings import Settings

ANSWER = Answer(kind="answer", answer="…")


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _old_line(days: int) -> str:
    when = (datetime.now(UTC) - timedelta(days=days)).isoformat(timespec="seconds")
    return json.dumps({"time": when, "question": "old", "kind": "answer", "rating": "up", "citations": []}) + "\n"


def test_feedback_and_question_log_are_private(tmp_path):
    settings = Settings(data_dir=tmp_path)
    FeedbackStore(settings).record("my feet burn", ANSWER, "up")
    QuestionLog(settings).record("my feet burn", ANSWER)
    assert _mode(tmp_path / "feedback.jsonl") == 0o600
    assert _mode(tmp_path / "questions.jsonl") == 0o600


def test_a_world_readable_file_from_an_older_version_is_tightened(tmp_path):
    (tmp_path / "feedback.jsonl").write_text("")
    (tmp_path / "feedback.jsonl").chmod(0o644)
    FeedbackStore(Settings(data_dir=tmp_path)).record("q", ANSWER, "down")
    assert _mode(tmp_path / "feedback.jsonl") == 0o600


def test_feedback_past_its_retention_is_dropped(tmp_path):
    store = FeedbackStore(Settings(data_dir=tmp_path, feedback_retention_days=30))
    store.path.write_text(_old_line(days=40) + _old_line(days=3))
    store.record("new", ANSWER, "up")
    assert len(store.path.read_text().splitlines()) == 2


def test_the_question_log_appends_and_prunes_only_now_and_then(tmp_path):
    log = QuestionLog(Settings(data_dir=tmp_path, log_retention_days=1))
    log.record("first", ANSWER)  # the first write of a process prunes
    inode = log.path.stat().st_ino
    with log.path.open("a") as file:
        file.write(_old_line(days=5))  # past retention, but pruning is not due again for an hour
    log.record("second", ANSWER)
    questions = [json.loads(line)["question"] for line in log.path.read_text().splitlines()]
    assert questions == ["first", "old", "second"]
    assert log.path.stat().st_ino == inode  # appended in place, never rewritten


def test_a_data_folder_that_cannot_exist_is_a_data_dir_error(tmp_path):
    (tmp_path / "file").write_text("")
    with pytest.raises(DataDirError, match="cannot write to .*set PAINCHAT_DATA_DIR"):
        FeedbackStore(Settings(data_dir=tmp_path / "file" / "data")).record("q", ANSWER, "up")
    with pytest.raises(DataDirError):
        QuestionLog(Settings(data_dir=tmp_path / "file" / "data"))
