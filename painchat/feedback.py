"""Thumbs up/down per answer, stored locally as JSON Lines: no IPs, no user or session ids.

The question itself is health data: it is stored only where the operator has switched question
logging on (``PAINCHAT_LOG_QUESTIONS``), the same consent as the question log.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Literal

from painchat.models import Answer
from painchat.retained_log import RetainedLog
from painchat.settings import Settings

Rating = Literal["up", "down"]


class FeedbackStore:
    """One line per rating in ``data_dir/feedback.jsonl``, kept ``feedback_retention_days``.

    A folder that cannot be written raises ``DataDirError`` (one line for the front end to show).
    """

    def __init__(self, settings: Settings) -> None:
        self._log = RetainedLog(settings.data_dir / "feedback.jsonl", timedelta(days=settings.feedback_retention_days))
        self.path = self._log.path
        self.keeps_questions = settings.log_questions

    def record(self, question: str, answer: Answer, rating: Rating) -> None:
        if rating not in ("up", "down"):
            raise ValueError(f"rating must be 'up' or 'down', not {rating!r}")
        entry = {
            "time": datetime.now(UTC).isoformat(timespec="seconds"),
            "kind": answer.kind,
            "rating": rating,
            "citations": [c.chunk_id for c in answer.citations],
        }
        if self.keeps_questions:
            entry["question"] = question
        self._log.append(entry)
