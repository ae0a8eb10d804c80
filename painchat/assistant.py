"""The one answering function every front end calls: ``Assistant.answer``."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cached_property

import numpy as np
from pydantic import TypeAdapter, ValidationError

from painchat import guard, messages
from painchat.amounts import AmountAsked, amount_asked, asks_for_a_count, states_amount
from painchat.calibration import calibrated
from painchat.compose import AnswerBuilder, asks_about_the_study, related_note
from painchat.corpus_words import CorpusWords
from painchat.embedding import Embedder
from painchat.errors import StoreError
from painchat.followup import is_follow_up, resolve
from painchat.generate import Generator
from painchat.index import Index
from painchat.lay import Reading, defines_a_missing_term, embed_reading, lay_reader
from painchat.markdown import escape
from painchat.models import Answer, Kind, SourceCoverage, Turn
from painchat.question_log import QuestionLog
from painchat.retrieve import Retriever, ScoredSentence
from painchat.settings import Settings, load_settings
from painchat.store import current_version
from painchat.suggestions import CANDIDATES, Suggestions

_HISTORY = TypeAdapter(list[Turn])
log = logging.getLogger(__name__)


class Assistant:
    """Loads the model and the store once; answers questions from the loaded papers only."""

    def __init__(self, settings: Settings | None = None, embedder: Embedder | None = None) -> None:
        self.settings = settings or load_settings()
        self.embedder = embedder or Embedder()
        self.embedder.load()  # now, so no answer pays for it
        self._checked_store = time.monotonic()
        self._reloading = threading.Lock()
        # Per answer (never kept across answers): texts embedded so far, and the text retrieval will read.
        self._answering = threading.local()
        self._fitted = calibrated(self.settings)
        self.builder = AnswerBuilder(
            max_sentences=self.settings.max_answer_sentences,
            min_score=self.settings.answer_min_score,
            margin=self.settings.answer_margin,
            duplicate=self.settings.duplicate_similarity,
            about_paper_penalty=self.settings.about_paper_penalty,
            count_bonus=self.settings.count_bonus,
        )
        self.log = QuestionLog(self.settings) if self.settings.log_questions else None
        self.contacts = guard.Contacts(self.settings.emergency_number, self.settings.crisis_line)
        # The guard's semantic layer gets the question's vector from the batch that embeds its lay reading.
        self.alarm = guard.SemanticAlarm(self.embedder, embed=self._screened, near_tie=self.settings.emergency_near_tie)
        self.generator = Generator(self.settings, self.embedder)
        self._serve(Index.load(self.settings, self.embedder))

    def _serve(self, index: Index) -> None:
        """Answers from ``index`` from now on: its retriever, its lay reader, its checked suggestions."""
        self.index = index
        self.calibration = self._fitted.for_sources(index.sources)
        if self._fitted.topic_weights and not self.calibration.topic_weights:
            log.warning("the topic model was fitted on questions about other papers: run `make calibrate`")
        self.corpus = CorpusWords.of(index.sources.values())  # what the texts say about the papers answered from
        self.retriever = Retriever(
            index,
            self.calibration.lexical_weight,
            k=self.settings.retrieve_k,
            passages_for_answer=self.settings.passages_for_answer,
            rrf_k=self.settings.rrf_k,
            same_source_decay=self.settings.same_source_decay,
        )
        self.reader = lay_reader(index, self.settings)
        self.__dict__.pop("coverage", None)
        # Checked once per store: only questions the loaded papers answer directly are ever offered.
        self.suggestions = Suggestions.checked(CANDIDATES, self._answers_directly, self.embedder.encode)
        self.corpus = replace(self.corpus, examples=self.suggestions.questions)  # offered inside declines too

    def refresh(self) -> None:
        """Loads the newer store build a re-ingest made live (checked every store_check_interval_s).

        A build that cannot be loaded is logged and the loaded one keeps serving.
        """
        if time.monotonic() - self._checked_store < self.settings.store_check_interval_s:
            return
        with self._reloading:
            self._checked_store = time.monotonic()
            try:
                if current_version(self.settings) in (None, self.index.version):
                    return
                index = Index.load(self.settings, self.embedder)
            except StoreError as err:
                log.warning("store not reloaded: %s", err)
                return
            self._serve(index)

    @cached_property
    def coverage(self) -> tuple[SourceCoverage, ...]:
        return tuple(
            SourceCoverage(
                source_id=m.id, label=m.label, title=m.title, doi_url=m.doi_url, coverage=m.coverage, note=m.coverage_note
            )
            for m in self.index.sources.values()
        )

    def answer(self, question: object, history: object = (), generate: bool = True) -> Answer:
        """A structured answer of some kind; never raises for bad user input.

        With a language model configured and ``generate``, an answer drawn from the papers is rewritten
        in plain words (sentences that fail validation dropped); otherwise it is the extractive answer.
        """
        started = time.perf_counter()
        timings: dict[str, float] = {}
        if not isinstance(question, str):
            return self.invalid(messages.INVALID_QUESTION)
        turns = _readable_history(history)
        recent = self._recent(turns or [])
        too_long = any(len(turn.content) > self.settings.max_history_turn_chars for turn in recent)
        # Resolved before screening, so the guard's batch embeds a lay reading only if retrieval reads it.
        query = self.resolved_query(question, turns) if turns is not None and not too_long else question
        self._start_answer(reads=query)
        verdict = self._screen(question)
        timings["guard"] = _ms(started)
        if verdict and verdict.kind == "emergency":
            return self._result(verdict.kind, verdict.message, timings, started, question)
        if turns is None:
            return self.invalid(messages.INVALID_HISTORY)
        if verdict:
            answer = self._result(verdict.kind, verdict.message, timings, started, question)
        elif too_long:
            answer = self.invalid(messages.HISTORY_TOO_LONG)
        else:
            answer = self._answer_from_papers(question, query, recent, timings, started, generate)
        return self._with_crisis_note(answer, question, verdict)

    def _answer_from_papers(
        self, question: str, query: str, recent: list[Turn], timings: dict[str, float], started: float, generate: bool
    ) -> Answer:
        """The answer to a message the guard let through (``query``: the question resolved against its history)."""
        # A follow-up inherits its topic's risks: "is it ok to keep going?" after chest pain is urgent,
        # "and how often?" after a drug question is still a drug question.
        inherited = self._screen(query) if query != question else None
        if inherited and inherited.kind != "invalid":
            return self._result(inherited.kind, inherited.message, timings, started, question)
        answer = self._grounded(query, question, timings, started, recent)
        answer = (self.generator.rewrite(query, answer) if generate else None) or answer
        if guard.medicine_in_passing(question):
            return answer.model_copy(update={"answer": f"{answer.answer}\n\n{guard.MEDICINE_NOTE}"})
        return answer

    def _with_crisis_note(self, answer: Answer, question: str, verdict: guard.Verdict | None) -> Answer:
        """``answer``, ending with the crisis line when the English message reads somewhat like a crisis the guard
        did not alarm on (``crisis_note_probability``): it misses crises told without their words."""
        english = verdict is None or verdict.language == "en"
        if answer.kind in ("emergency", "invalid") or not english or not self.alarm.reads_near_crisis(
                question, self.settings.crisis_note_probability, self.settings.crisis_note_window_probability):
            return answer
        return answer.model_copy(update={"answer": f"{answer.answer}\n\n{guard.crisis_note(self.contacts)}"})

    def resolved_query(self, question: str, turns: list[Turn]) -> str:
        """What retrieval and the language model see: injected instructions removed, follow-ups joined to their topic."""
        return resolve(guard.strip_instructions(question) or question, self._recent(turns), *self._follow_up_words)

    @property
    def _follow_up_words(self) -> tuple[int, int]:
        return self.settings.follow_up_max_words, self.settings.follow_up_bare_words

    def _recent(self, turns: list[Turn]) -> list[Turn]:
        return turns[max(0, len(turns) - self.settings.max_history_turns) :]  # not a negative start

    def _screen(self, question: str) -> guard.Verdict | None:
        return guard.screen(question, self.settings.max_question_chars, self.contacts, self.alarm, self.corpus)

    def invalid(self, message: str) -> Answer:
        """The answer to input that cannot be read (front ends use it for unreadable files too)."""
        return Answer(kind="invalid", answer=message, coverage=self.coverage)

    def _grounded(
        self, query: str, question: str, timings: dict[str, float], started: float, history: Sequence[Turn] = ()
    ) -> Answer:
        self.refresh()
        kind, text, citations, missing, vector = self._respond(query, question, history, timings)
        offered = self.suggestions.nearest(vector, self.settings.suggestions_shown, question) if kind == "not_covered" else ()
        return self._result(kind, text, timings, started, question, citations, missing, offered)

    def _respond(self, query: str, question: str, history: Sequence[Turn], timings: dict[str, float]):
        """(kind, Markdown text, citations, missing terms, query vector) of a question the guard let through."""
        step = time.perf_counter()
        vector, reading = self.read(query, question)
        timings["embed"] = _ms(step)
        step = time.perf_counter()
        retrieval = self.retriever.retrieve(reading.text, vector.tolist(), reading.words)
        timings["retrieve"] = _ms(step)
        step = time.perf_counter()
        # A follow-up is answered with what the previous answers did not already quote.
        quoted = _quoted_before(history) if is_follow_up(question, *self._follow_up_words) else ""
        candidates = [s for s in retrieval.sentences if not _was_quoted(s, quoted)]
        best = max((s.score for s in candidates), default=0.0)
        moves_off = query != question and self.reader.moves_to_what_is_missing(question)
        kind = "not_covered" if moves_off or _about_what_is_not_loaded(question, reading) else self.calibration.shape(
            best, reading.missing, reading.absent_meaning, vector)
        chosen = (
            self.builder.select(candidates, asks_about_the_study(query), asks_for_a_count(question))
            if kind != "not_covered"
            else []
        )
        if chosen:
            missing = reading.missing if kind == "related" else ()
            if unstated := _amount_not_given(question, chosen):  # the topic is covered, the amount asked is not
                kind, missing = "related", (unstated.name, *(w for w in reading.missing if w not in unstated.words))
            text, citations = self.builder.render(chosen, self.index.sources, _intro(kind, missing))
        else:
            repeated = quoted and self.calibration.covers(retrieval.relevance, reading.absent_meaning, vector)
            kind, citations, missing = "not_covered", (), () if repeated else reading.missing
            text = messages.NOTHING_NEW if repeated else messages.NOT_COVERED
            if missing:
                text += " " + related_note(missing)
        timings["compose"] = _ms(step)
        return kind, text, citations, missing, vector

    def read(self, query: str, question: str) -> tuple[np.ndarray, Reading]:
        """The resolved query's embedding and its lay reading (missing terms, absent meaning)."""
        _, vector, reading = self._embedded(query)
        if query != question:  # a follow-up: only its own words can be what the papers lack
            asked = set(self.reader.read(question).text.split())
            reading = replace(reading, missing=tuple(w for w in reading.missing if w in asked))
        return vector, reading

    def _start_answer(self, reads: str) -> None:
        """Forgets what the previous answer embedded; ``reads``: the text whose lay reading retrieval will embed."""
        self._answering.embedded = {}
        self._answering.screened = {}
        self._answering.reads = reads

    def _screened(self, text: str) -> np.ndarray:
        """The vector the guard judges: with its lay reading in one batch when retrieval reads the same text,
        alone when it does not (a follow-up's own words are screened; retrieval reads them joined to their topic).
        """
        if text == self._answering.__dict__.get("reads", text):
            return self._embedded(text)[0]
        alone = self._answering.__dict__.setdefault("screened", {})  # judged twice: the alarm, then the crisis note
        if text not in alone:
            alone[text] = self.embedder.encode([text])[0]
        return alone[text]

    def _embedded(self, text: str) -> tuple[np.ndarray, np.ndarray, Reading]:
        """(the text's vector, for the guard; its lay reading's vector and the reading, for retrieval).

        One batch embeds both, once per answer: the guard and retrieval share it.
        """
        known = self._answering.__dict__.setdefault("embedded", {})
        if text not in known:
            known[text] = self._embed_with_reading(text)
        return known[text]

    def _embed_with_reading(self, text: str) -> tuple[np.ndarray, np.ndarray, Reading]:
        own: list[np.ndarray] = []

        def encode(texts: list[str]) -> np.ndarray:
            vectors = _encode_distinct(self.embedder.encode, [text, *texts])
            own.append(vectors[0])
            return vectors[1:]

        vector, reading = embed_reading(self.reader.read(text), encode, self.settings.min_salience)
        return own[0], vector, reading

    def _result(
        self,
        kind: Kind,
        text: str,
        timings: dict[str, float],
        started: float,
        question: str = "",
        citations=(),
        missing_terms: tuple[str, ...] = (),
        suggestions: tuple[str, ...] | None = None,
    ) -> Answer:
        timings["total"] = _ms(started)
        if suggestions is None and kind == "out_of_scope":  # a decline still offers what can be asked
            suggestions = self.suggestions.questions[: self.settings.suggestions_shown]
        answer = Answer(
            kind=kind,
            answer=text,
            citations=citations,
            coverage=self.coverage,
            timings_ms=timings,
            missing_terms=missing_terms,
            suggestions=suggestions or (),
        )
        if self.log and kind != "invalid":  # unreadable input is never stored
            self.log.record(question, answer)
        return answer

    @property
    def example_questions(self) -> tuple[str, ...]:
        """Questions the loaded papers answer directly (checked against the store at load)."""
        return self.suggestions.questions

    def _answers_directly(self, question: str) -> bool:
        self._start_answer(reads=question)  # the store may have just changed: nothing embedded before counts
        if self._screen(question):
            return False
        return self._respond(question, question, [], {})[0] == "answer"  # not logged: nobody asked it


def _readable_history(history: object) -> list[Turn] | None:
    """The conversation's turns, or None when they cannot be read."""
    try:
        return _HISTORY.validate_python(history)
    except (ValidationError, TypeError):
        return None


def _encode_distinct(encode: Callable[[list[str]], np.ndarray], texts: list[str]) -> np.ndarray:
    """``encode(texts)``, each distinct text embedded once (a question already written plainly is its own reading)."""
    distinct = list(dict.fromkeys(texts))
    row = {text: i for i, text in enumerate(distinct)}
    return encode(distinct)[[row[text] for text in texts]]


def _about_what_is_not_loaded(question: str, reading: Reading) -> bool:
    """A question about a medicine, or about what a term means, that the loaded papers never name."""
    return guard.about_an_unloaded_medicine(question, reading.missing) or defines_a_missing_term(question, reading.missing)


def _amount_not_given(question: str, chosen: Sequence[ScoredSentence]) -> AmountAsked | None:
    """The amount the question asks for ("how often"), when no quoted sentence gives one."""
    asked = amount_asked(question)
    return asked if asked and not any(states_amount(s.text, asked.name) for s in chosen) else None


def _intro(kind: Kind, missing: tuple[str, ...]) -> str:
    return messages.ANSWER_INTRO if kind == "answer" else f"{related_note(missing)} {messages.RELATED_INTRO}"


def _quoted_before(history: Sequence[Turn]) -> str:
    return "\n".join(t.content for t in history if t.role == "assistant")


def _was_quoted(sentence: ScoredSentence, earlier: str) -> bool:
    return bool(earlier) and (sentence.text in earlier or escape(sentence.text) in earlier)


def _ms(since: float) -> float:
    return round((time.perf_counter() - since) * 1000, 2)
