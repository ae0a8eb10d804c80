"""Opt-in question log (``PAINCHAT_LOG_QUESTIONS=1``): question, kind and citations; no IPs, no user ids."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from painchat.models import Answer
from painchat.settings import Settings


class QuestionLog:
    """JSON Lines under the data dir; entries older than the retention period are dropped on write."""

    def __init__(self, settings: Settings) -> None:
        self.path = settings.data_dir / "questions.jsonl"
        self.retention = timedelta(days=settings.log_retention_days)

    def record(self, question: str, answer: Answer) -> None:
        now = datetime.now(timezone.utc)
        entry = {
            "time": now.isoformat(timespec="seconds"),
            "question": question,
            "kind": answer.kind,
            "citations": [c.chunk_id for c in answer.citations],
        }
        kept = [line for line in self._lines() if _time(line) >= now - self.retention]
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text("".join(kept) + json.dumps(entry, ensure_ascii=False) + "\n", encoding="utf-8")

    def _lines(self) -> list[str]:
        if not self.path.exists():
            return []
        return self.path.read_text(encoding="utf-8").splitlines(keepends=True)


def _time(line: str) -> datetime:
    return datetime.fromisoformat(json.loads(line)["time"])
