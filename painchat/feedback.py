"""Thumbs up/down per answer, stored locally as JSON Lines: no IPs, no user or session ids.

The question itself is health data: it is stored only where the operator has switched question
logging on (``PAINCHAT_LOG_QUESTIONS``), the same consent as the question log.
"""

from __future__ import annotations

import json
import threading
from datetime import datetime, timezone
from typing import Literal

from painchat.models import Answer
from painchat.settings import Settings

Rating = Literal["up", "down"]


class FeedbackStore:
    """Appends one line per rating to ``data_dir/feedback.jsonl``."""

    def __init__(self, settings: Settings) -> None:
        self.path = settings.data_dir / "feedback.jsonl"
        self.keeps_questions = settings.log_questions
        # Streamlit serves every browser session from a thread of one process.
        self._lock = threading.Lock()

    def record(self, question: str, answer: Answer, rating: Rating) -> None:
        if rating not in ("up", "down"):
            raise ValueError(f"rating must be 'up' or 'down', not {rating!r}")
        entry = {
            "time": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "kind": answer.kind,
            "rating": rating,
            "citations": [c.chunk_id for c in answer.citations],
        }
        if self.keeps_questions:
            entry["question"] = question
        line = json.dumps(entry, ensure_ascii=False) + "\n"
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as file:
                file.write(line)
