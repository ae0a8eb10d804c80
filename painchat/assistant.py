"""The one answering function every front end calls: ``Assistant.answer``."""

from __future__ import annotations

import time
from dataclasses import replace
from functools import cached_property

from pydantic import TypeAdapter, ValidationError

from painchat import guard, messages
from painchat.calibration import load_calibration
from painchat.compose import AnswerBuilder
from painchat.embedding import Embedder
from painchat.followup import resolve
from painchat.index import Index
from painchat.models import Answer, Kind, SourceCoverage, Turn
from painchat.question_log import QuestionLog
from painchat.retrieve import Retriever
from painchat.settings import Settings

_HISTORY = TypeAdapter(list[Turn])

# Questions the papers' abstracts answer; offered when a question is not covered, and in the UI.
EXAMPLE_QUESTIONS = (
    "Can exercise help with neuropathic pain?",
    "What is allodynia?",
    "How does neuropathic pain develop?",
    "How were the expert recommendations graded?",
    "How many studies did the systematic review include?",
    "Why is exercise called a double-edged sword for the nervous system?",
)


class Assistant:
    """Loads the model and the store once; answers questions from the loaded papers only."""

    def __init__(self, settings: Settings | None = None, embedder: Embedder | None = None) -> None:
        self.settings = settings or Settings()
        self.embedder = embedder or Embedder()
        self.embedder.load()  # now, so no answer pays for it
        self.index = Index(self.settings, self.embedder)
        self.calibration = load_calibration()
        if self.settings.relevance_threshold is not None:
            self.calibration = replace(self.calibration, threshold=self.settings.relevance_threshold)
        self.retriever = Retriever(self.index, self.calibration.lexical_weight, k=self.settings.retrieve_k)
        self.builder = AnswerBuilder(max_sentences=self.settings.max_answer_sentences)
        self.log = QuestionLog(self.settings) if self.settings.log_questions else None
        self.contacts = guard.Contacts(self.settings.emergency_number, self.settings.crisis_line)
        # Embeds the question for the guard's semantic layer and hands retrieval the same vector.
        self.alarm = guard.SemanticAlarm(self.embedder)

    @cached_property
    def coverage(self) -> tuple[SourceCoverage, ...]:
        return tuple(
            SourceCoverage(
                source_id=m.id, label=m.label, title=m.title, doi_url=m.doi_url, coverage=m.coverage, note=m.coverage_note
            )
            for m in self.index.sources.values()
        )

    def answer(self, question: object, history: object = ()) -> Answer:
        """A structured answer of some kind; never raises for bad user input."""
        started = time.perf_counter()
        timings: dict[str, float] = {}
        if not isinstance(question, str):
            return self.invalid(messages.INVALID_QUESTION)
        verdict = self._screen(question)
        timings["guard"] = _ms(started)
        if verdict and verdict.kind == "emergency":
            return self._result(verdict.kind, verdict.message, timings, started, question)
        try:
            turns = _HISTORY.validate_python(list(history))
        except (ValidationError, TypeError):
            return self.invalid(messages.INVALID_HISTORY)
        if verdict:
            return self._result(verdict.kind, verdict.message, timings, started, question)
        recent = turns[len(turns) - self.settings.max_history_turns :]
        query = resolve(guard.strip_instructions(question) or question, recent)
        # A follow-up inherits its topic's risks: "is it ok to keep going?" after chest pain is urgent,
        # "and how often?" after a drug question is still a drug question.
        inherited = self._screen(query) if query != question else None
        if inherited and inherited.kind != "invalid":
            return self._result(inherited.kind, inherited.message, timings, started, question)
        answer = self._grounded(query, question, timings, started)
        if guard.medicine_in_passing(question):
            return answer.model_copy(update={"answer": f"{answer.answer}\n\n{guard.MEDICINE_NOTE}"})
        return answer

    def _screen(self, question: str) -> guard.Verdict | None:
        return guard.screen(question, self.settings.max_question_chars, self.contacts, self.alarm)

    def invalid(self, message: str) -> Answer:
        """The answer to input that cannot be read (front ends use it for unreadable files too)."""
        return Answer(kind="invalid", answer=message, coverage=self.coverage)

    def _grounded(self, query: str, question: str, timings: dict[str, float], started: float) -> Answer:
        step = time.perf_counter()
        vector = self.alarm.embed(query)  # already computed by the guard when the query is the question
        timings["embed"] = _ms(step)
        step = time.perf_counter()
        retrieval = self.retriever.retrieve(query, vector)
        timings["retrieve"] = _ms(step)
        step = time.perf_counter()
        chosen = self.builder.select(retrieval.sentences) if self.calibration.covers(retrieval.relevance) else []
        if chosen:
            kind: Kind = "answer"
            text, citations = self.builder.render(chosen, self.index.sources)
        else:
            kind, text, citations = "not_covered", self._not_covered_text(vector, question), ()
        timings["compose"] = _ms(step)
        return self._result(kind, text, timings, started, question, citations)

    def _result(
        self, kind: Kind, text: str, timings: dict[str, float], started: float, question: str = "", citations=()
    ) -> Answer:
        timings["total"] = _ms(started)
        answer = Answer(kind=kind, answer=text, citations=citations, coverage=self.coverage, timings_ms=timings)
        if self.log and kind != "invalid":  # unreadable input is never stored
            self.log.record(question, answer)
        return answer

    def _not_covered_text(self, query_vector: list[float], question: str) -> str:
        offered = [q for q in self.suggestions(query_vector, count=4) if q.casefold() != question.strip().casefold()]
        suggestions = "\n".join(f"- {q}" for q in offered[:3])
        return f"{messages.NOT_COVERED}\n\n{messages.SUGGESTIONS_INTRO}\n{suggestions}"

    def suggestions(self, query_vector: list[float], count: int = 3) -> list[str]:
        """Answerable example questions, nearest to the question first."""
        ranked = sorted(self.example_questions, key=lambda q: -float(self._example_vectors[q] @ query_vector))
        return ranked[:count]

    @cached_property
    def _example_vectors(self) -> dict:
        vectors = self.embedder.encode(list(EXAMPLE_QUESTIONS))
        return dict(zip(EXAMPLE_QUESTIONS, vectors))

    @cached_property
    def example_questions(self) -> list[str]:
        """The examples that the loaded text really answers (checked against the store once)."""
        return [q for q in EXAMPLE_QUESTIONS if self._answerable(q)]

    def _answerable(self, question: str) -> bool:
        retrieval = self.retriever.retrieve(question, self._example_vectors[question].tolist())
        return self.calibration.covers(retrieval.relevance) and bool(self.builder.select(retrieval.sentences))


def _ms(since: float) -> float:
    return round((time.perf_counter() - since) * 1000, 2)
