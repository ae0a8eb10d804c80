"""``stream_answer``: an answer as text pieces, then the finished ``Answer``, for front ends that stream."""

from __future__ import annotations

from collections.abc import Iterator

from painchat.models import Answer


def stream_answer(assistant, question: object, history: object = ()) -> Iterator[str | Answer]:
    """Text pieces that join to ``answer.answer``, then the ``Answer`` itself (citations, disclaimer) last.

    The extractive answer is complete before the first piece, so the pieces are its lines; a front end
    shows them as they come and treats the final ``Answer`` as the truth.
    """
    answer = assistant.answer(question, history)
    yield from answer.answer.splitlines(keepends=True)
    yield answer
