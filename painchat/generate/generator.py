"""Rewrites an extractive answer in plain words with a chat model, keeping only validated sentences."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from langchain_core.language_models import BaseChatModel

from painchat.compose import related_note
from painchat.embedding import Embedder
from painchat.generate.model import chat_model
from painchat.generate.prompt import build_messages
from painchat.generate.split import sentences
from painchat.generate.validate import SentenceValidator, cited_numbers, says_not_covered, without_citations
from painchat.guard import MEDICINE_NOTE
from painchat.markdown import escape
from painchat.messages import LLM_ANSWER_INTRO, PARTIAL_COVERAGE_NOTE
from painchat.models import Answer, Citation, DroppedSentence
from painchat.settings import Settings

log = logging.getLogger(__name__)

# Only answers drawn from the papers are rewritten; emergencies, refusals and "not covered" never reach a model.
REWRITTEN_KINDS = frozenset({"answer", "related"})


@dataclass
class _Draft:
    """The validated part of one generated answer, numbered by first citation."""

    citations: tuple[Citation, ...]
    renumber: dict[int, int] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)
    claims: int = 0
    dropped: list[DroppedSentence] = field(default_factory=list)

    def accept(self, sentence: str) -> str:
        for n in cited_numbers(sentence):
            self.renumber.setdefault(n, len(self.renumber) + 1)
        self.claims += not says_not_covered(sentence)
        words = escape(without_citations(sentence))
        marks = "".join(f"[{self.renumber[n]}]" for n in dict.fromkeys(cited_numbers(sentence)))
        line = _place_marks(words, marks)
        self.lines.append(line)
        return line

    def used_citations(self) -> tuple[Citation, ...]:
        by_number = {c.n: c for c in self.citations}
        return tuple(by_number[old].model_copy(update={"n": new}) for old, new in self.renumber.items())


class Generator:
    """Config in ``__init__``; ``stream`` yields validated sentences then the final Answer; ``rewrite`` returns it."""

    def __init__(self, settings: Settings, embedder: Embedder, model: BaseChatModel | None = None) -> None:
        self.settings = settings
        self.model = model if model is not None else chat_model(settings)
        self.validator = SentenceValidator(embedder, settings.llm_min_similarity, settings.llm_min_overlap)
        self._failed_at: float | None = None

    @property
    def enabled(self) -> bool:
        return self.model is not None

    def applies(self, extractive: Answer) -> bool:
        """Whether this answer would be rewritten now (model set, kind drawn from the papers, not cooling down)."""
        if not self.enabled or extractive.kind not in REWRITTEN_KINDS or not extractive.citations:
            return False
        return self._failed_at is None or time.monotonic() - self._failed_at >= self.settings.llm_retry_after_s

    def rewrite(self, question: str, extractive: Answer) -> Answer | None:
        """A new Answer from one non-streaming call, or None when the model was not asked or failed.

        The new Answer is the extractive one with ``dropped`` filled in when too little passed validation.
        """
        final = extractive
        for item in self._run(question, extractive, lambda model, messages: [_text(model.invoke(messages))]):
            final = item if isinstance(item, Answer) else final
        return None if final is extractive else final

    def stream(self, question: str, extractive: Answer) -> Iterator[str | Answer]:
        """Validated sentences as they are accepted, then the final Answer (the extractive one on failure)."""
        return self._run(question, extractive, lambda model, messages: (_text(c) for c in model.stream(messages)))

    def _run(
        self, question: str, extractive: Answer, call: Callable[[BaseChatModel, list], Iterable[str]]
    ) -> Iterator[str | Answer]:
        model = self.model
        if model is None or not self.applies(extractive):
            yield extractive
            return
        started = time.perf_counter()
        draft = _Draft(extractive.citations)
        sources = {c.n: c.quote for c in extractive.citations}
        grounding = self.validator.ground(sources)
        shown = 0
        try:
            for sentence in sentences(call(model, build_messages(question, sources))):
                reason = self.validator.check(sentence, grounding)
                if reason:
                    draft.dropped.append(DroppedSentence(text=sentence, reason=reason))
                    continue
                draft.accept(sentence)
                if draft.claims >= self.settings.llm_min_sentences:
                    yield from _pieces(draft, shown, _intro(extractive))
                    shown = len(draft.lines)
        except Exception as err:  # noqa: BLE001 — whatever the provider raises, the reader gets the extractive answer
            self._report(err)
            yield extractive
            return
        self._recovered()
        yield self._final(extractive, draft, started)

    def _final(self, extractive: Answer, draft: _Draft, started: float) -> Answer:
        timings = dict(extractive.timings_ms)
        timings["generate"] = round((time.perf_counter() - started) * 1000, 2)
        timings["total"] = round(timings.get("total", 0.0) + timings["generate"], 2)
        if draft.claims < self.settings.llm_min_sentences:
            return extractive.model_copy(update={"dropped": tuple(draft.dropped), "timings_ms": timings})
        text = f"{_intro(extractive)}\n\n{' '.join(draft.lines)}"
        for note in (f"_{PARTIAL_COVERAGE_NOTE}_", MEDICINE_NOTE):  # notes the extractive answer ends with
            if note in extractive.answer:
                text += f"\n\n{note}"
        return extractive.model_copy(
            update={
                "answer": text,
                "citations": draft.used_citations(),
                "generator": "llm",
                "dropped": tuple(draft.dropped),
                "timings_ms": timings,
            }
        )

    def _report(self, err: Exception) -> None:
        """Logged once per outage, not per question; the model rests for llm_retry_after_s."""
        if self._failed_at is None:
            log.warning("language model failed (%s: %s): showing extractive answers", type(err).__name__, err)
        self._failed_at = time.monotonic()

    def _recovered(self) -> None:
        if self._failed_at is not None:
            log.warning("language model answers again")
        self._failed_at = None


def _intro(extractive: Answer) -> str:
    """A related answer first says what the papers don't cover, as its extractive form does."""
    return LLM_ANSWER_INTRO if extractive.kind != "related" else f"{related_note(extractive.missing_terms)} {LLM_ANSWER_INTRO}"


def _pieces(draft: _Draft, shown: int, intro: str) -> Iterator[str]:
    if shown == 0:
        yield f"{intro}\n\n"
    for index in range(shown, len(draft.lines)):
        yield (" " if index else "") + draft.lines[index]


def _place_marks(words: str, marks: str) -> str:
    if not marks:
        return words
    if words[-1:] in ".!?":
        return f"{words[:-1].rstrip()} {marks}{words[-1]}"
    return f"{words} {marks}"


def _text(message) -> str:
    content = message.content
    if isinstance(content, str):
        return content
    return "".join(part.get("text", "") if isinstance(part, dict) else str(part) for part in content)
