"""Opt-in question log (``PAINCHAT_LOG_QUESTIONS=1``): question, kind and citations; no IPs, no user ids."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from painchat.errors import DataDirError
from painchat.models import Answer
from painchat.retained_log import RetainedLog
from painchat.settings import Settings

log = logging.getLogger(__name__)


class QuestionLog:
    """``data_dir/questions.jsonl``, kept ``log_retention_days``; checked writable when created.

    A write that fails later is logged, not raised: a patient still gets the answer.
    """

    def __init__(self, settings: Settings) -> None:
        self._log = RetainedLog(settings.data_dir / "questions.jsonl", timedelta(days=settings.log_retention_days))
        self.path = self._log.path
        self._log.check_writable()

    def record(self, question: str, answer: Answer) -> None:
        entry = {
            "time": datetime.now(UTC).isoformat(timespec="seconds"),
            "question": question,
            "kind": answer.kind,
            "citations": [c.chunk_id for c in answer.citations],
        }
        try:
            self._log.append(entry)
        except DataDirError as err:
            log.warning("question not logged: %s", err)
