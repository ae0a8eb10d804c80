"""Answers as a stream: text pieces first, the final ``Answer`` (citations, disclaimer) always last.

The final Answer is authoritative: a front end shows the pieces while they arrive and then renders the
Answer in their place. Generated sentences are yielded only after they passed validation; if the model
fails part-way, the extractive answer's pieces follow and the final Answer is the extractive one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import TypeAdapter

from painchat.models import Answer, Turn

_HISTORY = TypeAdapter(list[Turn])
_LINE = re.compile(r"[^\n]*\n|[^\n]+")


def stream_answer(assistant, question: object, history: object = ()) -> Iterator[str | Answer]:
    """Text pieces, then the final Answer as the last item."""
    extractive = assistant.answer(question, history, generate=False)
    if not assistant.generator.applies(extractive):
        yield from answer_pieces(extractive)
        yield extractive
        return
    query = assistant.resolved_query(question, _HISTORY.validate_python(list(history)))
    for item in assistant.generator.stream(query, extractive):
        if isinstance(item, Answer):
            if item.generator != "llm":
                yield from answer_pieces(item)
            yield item
            return
        yield item


def answer_pieces(answer: Answer) -> Iterator[str]:
    """The answer text line by line."""
    yield from _LINE.findall(answer.answer)
