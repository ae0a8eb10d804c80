"""Opt-in question log (``PAINCHAT_LOG_QUESTIONS=1``): question, kind and citations; no IPs, no user ids."""

from __future__ import annotations

import json
import os
import threading
from datetime import datetime, timedelta, timezone

from painchat.models import Answer
from painchat.settings import Settings


class QuestionLog:
    """JSON Lines under the data dir; entries older than the retention period are dropped on write.

    One Assistant serves every Streamlit session, so writes are serialised, and each rewrite goes
    through a temp file: a failed write never empties the log.
    """

    def __init__(self, settings: Settings) -> None:
        self.path = settings.data_dir / "questions.jsonl"
        self.retention = timedelta(days=settings.log_retention_days)
        self._lock = threading.Lock()

    def record(self, question: str, answer: Answer) -> None:
        now = datetime.now(timezone.utc)
        entry = {
            "time": now.isoformat(timespec="seconds"),
            "question": question,
            "kind": answer.kind,
            "citations": [c.chunk_id for c in answer.citations],
        }
        with self._lock:
            kept = [line for line in self._lines() if _recent(line, now - self.retention)]
            # ASCII escapes: a question with stray surrogates (bad UTF-8 from a terminal) still writes.
            self._replace(kept + [json.dumps(entry) + "\n"])

    def _lines(self) -> list[str]:
        if not self.path.exists():
            return []
        return self.path.read_text(encoding="utf-8", errors="replace").splitlines(keepends=True)

    def _replace(self, lines: list[str]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(f".{self.path.name}.part")
        partial.write_text("".join(lines), encoding="utf-8")
        os.replace(partial, self.path)


def _recent(line: str, since: datetime) -> bool:
    """Kept if it is a readable entry written since ``since``; a damaged line is dropped."""
    try:
        return datetime.fromisoformat(json.loads(line)["time"]) >= since
    except (ValueError, KeyError, TypeError):
        return False
