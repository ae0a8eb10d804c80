"""Server-sent events for ``/v1/ask/stream``: ``piece``…, ``answer``, ``done`` — or ``error`` then ``done``."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator

from starlette.concurrency import iterate_in_threadpool

from painchat.api.responses import failure_body
from painchat.errors import PainchatError
from painchat.models import Answer
from painchat.streaming import stream_answer

log = logging.getLogger(__name__)


def event(name: str, data: str) -> str:
    """One SSE event; ``data`` is JSON, which never contains a raw line break."""
    return f"event: {name}\ndata: {data}\n\n"


async def answer_events(assistant, question: str, history: list) -> AsyncIterator[str]:
    """The answer as events; answering runs in the threadpool so the event loop stays free."""
    try:
        async for item in iterate_in_threadpool(stream_answer(assistant, question, history)):
            if isinstance(item, Answer):
                yield event("answer", item.model_dump_json())
            else:
                yield event("piece", json.dumps({"text": item}, ensure_ascii=False))
    except Exception as err:  # whatever failed, the client still gets the disclaimer
        log.error("streamed answer failed: %s", err, exc_info=not isinstance(err, PainchatError))
        yield event("error", failure_body(err).model_dump_json())
    yield event("done", "{}")
