"""Generated answers: a fake LangChain chat model drives the real validator and the real streaming path."""

from __future__ import annotations

import copy
import logging
from collections.abc import Iterator

import pytest
from generation_cases import CASES, GOOD, SOURCES, extractive_answer
from langchain_core.language_models import GenericFakeChatModel
from langchain_core.messages import AIMessage

from painchat.generate import Generator
from painchat.generate.validate import without_citations
from painchat.messages import DISCLAIMER, LLM_ANSWER_INTRO
from painchat.models import Answer
from painchat.streaming import stream_answer


class BreakingChatModel(GenericFakeChatModel):
    """Streams its reply word by word, then fails like a dropped connection."""

    after_chunks: int = 12

    def _stream(self, *args, **kwargs):
        for count, chunk in enumerate(super()._stream(*args, **kwargs)):
            if count == self.after_chunks:
                raise ConnectionError("connection reset by peer")
            yield chunk


class DownChatModel(GenericFakeChatModel):
    """A provider that refuses every call."""

    def _generate(self, *args, **kwargs):
        raise ConnectionRefusedError("connection refused")


def fake(*replies: str) -> GenericFakeChatModel:
    return GenericFakeChatModel(messages=iter([AIMessage(content=r) for r in replies]))


@pytest.fixture(scope="module")
def llm_settings(settings):
    return settings.model_copy(update={"llm_retry_after_s": 0.0})


def generator(llm_settings, embedder, model) -> Generator:
    return Generator(llm_settings, embedder, model=model)


def split_stream(items: Iterator[str | Answer]) -> tuple[str, Answer]:
    items = list(items)
    assert isinstance(items[-1], Answer) and not any(isinstance(i, Answer) for i in items[:-1])
    return "".join(items[:-1]), items[-1]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_only_validated_sentences_are_streamed_and_kept(case, llm_settings, embedder):
    extractive = extractive_answer()
    streamed, final = split_stream(generator(llm_settings, embedder, fake(case.output)).stream("q", extractive))

    assert final.generator == "llm" and final.disclaimer == DISCLAIMER
    assert [d.reason[: len(r)] for d, r in zip(final.dropped, case.dropped)] == list(case.dropped)
    assert len(final.dropped) == len(case.dropped)
    for dropped in final.dropped:
        assert without_citations(dropped.text) not in streamed and without_citations(dropped.text) not in final.answer
    for sentence in case.shown:
        assert without_citations(sentence)[:-1] in streamed and without_citations(sentence)[:-1] in final.answer
    assert final.answer.startswith(LLM_ANSWER_INTRO) and streamed.strip() in final.answer
    # Citations are renumbered by first use and point at the quote the sentence was checked against.
    quotes = {c.n: c.quote for c in final.citations}
    assert sorted(quotes) == list(range(1, len(quotes) + 1))
    assert set(quotes.values()) <= set(SOURCES.values())
    assert "generate" in final.timings_ms and final.timings_ms["total"] >= final.timings_ms["generate"]


def test_renumbered_citation_points_at_the_right_quote(llm_settings, embedder):
    answer = generator(llm_settings, embedder, fake(GOOD[2])).rewrite("q", extractive_answer())
    assert answer.answer.endswith("The review included 25 trials [1].")
    assert [c.quote for c in answer.citations] == [SOURCES[3]]


def test_too_little_left_shows_the_extractive_answer(llm_settings, embedder):
    extractive = extractive_answer()
    output = "Exercise cures nerve pain [1]. Walking helps [9]. Take 300 mg of gabapentin [1]."
    streamed, final = split_stream(generator(llm_settings, embedder, fake(output)).stream("q", extractive))
    assert streamed == ""  # nothing was shown before the fallback
    assert final.generator == "extractive" and final.answer == extractive.answer
    assert final.citations == extractive.citations and len(final.dropped) == 3
    rewritten = generator(llm_settings, embedder, fake(output)).rewrite("q", extractive)
    assert rewritten.generator == "extractive" and rewritten.answer == extractive.answer and len(rewritten.dropped) == 3


def test_provider_error_mid_stream_falls_back_and_is_logged_once(llm_settings, embedder, caplog):
    replies = [AIMessage(content=" ".join(GOOD))] * 2
    model = BreakingChatModel(messages=iter(replies), after_chunks=30)
    gen = generator(llm_settings, embedder, model)
    extractive = extractive_answer()
    with caplog.at_level(logging.WARNING, logger="painchat.generate"):
        for _ in range(2):
            streamed, final = split_stream(gen.stream("q", extractive))
            assert final == extractive
            assert GOOD[0][:-5] in streamed  # validated sentences were streamed before the connection broke
    assert [r.getMessage() for r in caplog.records].count(caplog.records[0].getMessage()) == 1
    assert "connection reset" in caplog.records[0].getMessage()


def test_a_failed_model_rests_before_it_is_tried_again(settings, embedder):
    gen = Generator(settings.model_copy(update={"llm_retry_after_s": 3600.0}), embedder,
                    model=DownChatModel(messages=iter([])))
    assert gen.rewrite("q", extractive_answer()) is None
    assert not gen.applies(extractive_answer())  # no call at all until llm_retry_after_s has passed


@pytest.fixture
def llm_assistant(assistant, llm_settings, embedder):
    """The shared assistant with its own generator (a shallow copy: store and model are shared)."""
    clone = copy.copy(assistant)
    clone.settings = llm_settings
    return clone


def test_guard_answers_never_reach_the_model(llm_assistant, embedder, llm_settings):
    replies = iter([AIMessage(content="Exercise may help [1].")])
    llm_assistant.generator = Generator(llm_settings, embedder, model=GenericFakeChatModel(messages=replies))
    for question in (
        "I have crushing chest pain when I walk",  # emergency
        "how much gabapentin should I take?",  # medication
        "",  # invalid
        "what is the capital of France?",  # off-topic or not covered
    ):
        answer = llm_assistant.answer(question)
        assert answer.kind not in ("answer", "related") and answer.generator == "extractive"
        _, streamed = split_stream(stream_answer(llm_assistant, question))
        assert streamed.kind == answer.kind and streamed.generator == "extractive"
    assert next(replies).content == "Exercise may help [1]."  # the model was never called


def test_real_answer_rewritten_from_its_own_quote(llm_assistant, embedder, llm_settings):
    question = "What is allodynia?"
    extractive = llm_assistant.answer(question, generate=False)
    quote = extractive.citations[0].quote
    llm_assistant.generator = Generator(llm_settings, embedder, model=fake(f"{quote} [1]", f"{quote} [1]"))

    streamed, final = split_stream(stream_answer(llm_assistant, question, []))
    assert final.generator == "llm" and final.kind == extractive.kind
    assert [c.quote for c in final.citations] == [quote]
    assert streamed == final.answer  # the pieces join to the answer, as without a model
    assert llm_assistant.answer(question).answer == final.answer


def test_without_a_model_the_stream_is_the_extractive_answer(assistant):
    assert not assistant.generator.enabled
    streamed, final = split_stream(stream_answer(assistant, "What is allodynia?", []))
    assert final == assistant.answer("What is allodynia?").model_copy(update={"timings_ms": final.timings_ms})
    assert streamed == final.answer and final.generator == "extractive"


def test_eval_scores_the_generative_mode(llm_assistant, embedder, llm_settings):
    from evaluation.datasets import DATA_DIR, read_jsonl
    from evaluation.generative import evaluate_generative

    rows = [r for r in read_jsonl(DATA_DIR / "qa.jsonl") if r["kind"] == "answer" and not r["history"]][:3]
    answerable = [llm_assistant.answer(r["question"], generate=False) for r in rows]
    answerable = [a for a in answerable if a.kind == "answer"]
    # One faithful reply (the first quote, restated) and one that only hardens claims → one fallback.
    replies = [f"{answerable[0].citations[0].quote} [1]", "Exercise cures all nerve pain [1]."]
    replies += [f"{a.citations[0].quote} [1]" for a in answerable[2:]]
    llm_assistant.generator = Generator(llm_settings, embedder, model=fake(*replies))

    scores = evaluate_generative(llm_assistant, rows)
    assert scores["questions"] == len(answerable)
    assert scores["fallback_rate"] == pytest.approx(1 / len(answerable))
    assert scores["strict_faithfulness"] == 1.0  # a restated quote passes even the strict check
    assert 0 < scores["validator_acceptance"] < 1 and scores["generate_ms_p50"] > 0
