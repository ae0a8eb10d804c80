"""``stream_answer``: an answer as text pieces, then the finished ``Answer``, for front ends that stream."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import TypeAdapter

from painchat.models import Answer, Turn

_HISTORY = TypeAdapter(list[Turn])


def stream_answer(assistant, question: object, history: object = ()) -> Iterator[str | Answer]:
    """Text pieces that join to ``answer.answer``, then the ``Answer`` itself (citations, disclaimer) last.

    The extractive answer is complete before the first piece, so its pieces are its lines. With a language
    model configured, each generated sentence is yielded only after it passed validation. A front end shows
    the pieces as they come and treats the final ``Answer`` as the truth: in the rare case that the model
    fails after some sentences were shown, the extractive answer's lines follow and the final Answer is the
    extractive one.
    """
    extractive = assistant.answer(question, history, generate=False)
    if not assistant.generator.applies(extractive):
        yield from extractive.answer.splitlines(keepends=True)
        yield extractive
        return
    query = assistant.resolved_query(question, _HISTORY.validate_python(history))
    streamed = ""
    for item in assistant.generator.stream(query, extractive):
        if not isinstance(item, Answer):
            streamed += item
            yield item
        elif item.generator == "llm" and item.answer.startswith(streamed):
            rest = item.answer[len(streamed) :]  # the coverage note after the last sentence, if any
            if rest:
                yield rest
            yield item
        else:
            yield from item.answer.splitlines(keepends=True)
            yield item
