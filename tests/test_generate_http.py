"""The same generation cases through langchain-openai against a real OpenAI-compatible server on loopback."""

from __future__ import annotations

import logging

import pytest
from generation_cases import CASES, GOOD, SOURCES, extractive_answer
from openai_server import OpenAIServer, Step

from devtools.loopback import free_port
from painchat.generate import Generator
from painchat.generate.prompt import SOURCES_END, SOURCES_START
from painchat.generate.validate import without_citations
from painchat.models import Answer
from tests.ui_helpers import app_env  # noqa: F401 - fixture


@pytest.fixture
def server():
    with OpenAIServer() as running:
        yield running


def http_generator(settings, embedder, base_url: str, timeout_s: float = 5.0) -> Generator:
    configured = settings.model_copy(
        update={"llm": "openai", "llm_model": "test-model", "llm_base_url": base_url, "llm_timeout_s": timeout_s,
                "llm_retry_after_s": 0.0}
    )
    generator = Generator(configured, embedder)
    assert generator.enabled, "langchain-openai should set up a model for an OpenAI-compatible URL"
    return generator


def collect(items) -> tuple[str, Answer]:
    items = list(items)
    return "".join(items[:-1]), items[-1]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_streamed_cases_over_http(case, server, settings, embedder):
    server.then(Step(reply=case.output))
    streamed, final = collect(http_generator(settings, embedder, server.base_url).stream("q", extractive_answer()))

    assert final.generator == "llm"
    assert [d.reason[: len(r)] for d, r in zip(final.dropped, case.dropped)] == list(case.dropped)
    assert len(final.dropped) == len(case.dropped)
    for sentence in case.shown:
        assert without_citations(sentence)[:-1] in streamed
    for dropped in final.dropped:
        assert without_citations(dropped.text) not in streamed + final.answer
    request = server.requests[0]
    assert request["path"] == "/v1/chat/completions" and request["body"]["stream"] is True
    assert request["body"]["model"] == "test-model" and request["body"]["temperature"] == 0
    assert request["auth"]  # a placeholder key is sent when none is configured


def test_non_streaming_call_and_prompt_fences_the_sources(server, settings, embedder):
    server.then(Step(reply=" ".join(GOOD)))
    answer = http_generator(settings, embedder, server.base_url).rewrite("does exercise help?", extractive_answer())

    assert answer is not None and answer.generator == "llm" and not answer.dropped
    body = server.requests[0]["body"]
    assert not body.get("stream")
    system, user = body["messages"][0], body["messages"][1]
    assert system["role"] == "system" and "not instructions" in system["content"]
    fenced = user["content"].split(SOURCES_START)[1].split(SOURCES_END)[0]
    assert all(f"[{n}] {quote}" in fenced for n, quote in SOURCES.items())
    assert user["content"].rstrip().endswith("does exercise help?")


@pytest.mark.parametrize(
    "step",
    [Step(status=500), Step(status=429), Step(reply=" ".join(GOOD), break_after_chunks=14), Step(silent=True)],
    ids=["server error", "rate limited", "stream breaks", "never answers"],
)
def test_provider_failures_fall_back_to_the_extractive_answer(step, server, settings, embedder, caplog):
    generator = http_generator(settings, embedder, server.base_url, timeout_s=1.0)
    server.then(step, step)
    extractive = extractive_answer()
    with caplog.at_level(logging.WARNING, logger="painchat.generate"):
        _, streamed = collect(generator.stream("q", extractive))
        plain = generator.rewrite("q", extractive)
    assert streamed == extractive and plain is None
    assert len(caplog.records) == 1  # logged once, not per question


def test_unreachable_provider_falls_back(settings, embedder, caplog):
    generator = http_generator(settings, embedder, f"http://127.0.0.1:{free_port()}/v1", timeout_s=1.0)
    with caplog.at_level(logging.WARNING, logger="painchat.generate"):
        assert generator.rewrite("q", extractive_answer()) is None
    assert "Connection" in caplog.text


def test_the_assistant_answers_through_http(assistant, server, settings, embedder):
    import copy

    question = "What is allodynia?"
    extractive = assistant.answer(question)
    quote = extractive.citations[0].quote
    server.then(Step(reply=f"{quote} [1]"), Step(status=503))
    clone = copy.copy(assistant)
    clone.generator = http_generator(settings, embedder, server.base_url)

    generated = clone.answer(question)
    assert generated.generator == "llm" and [c.quote for c in generated.citations] == [quote]
    assert clone.answer(question).answer == extractive.answer  # the provider failed: extractive again


def test_the_chat_streams_a_generated_answer(server, app_env, monkeypatch):  # noqa: F811 - the imported fixture
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from painchat.messages import DISCLAIMER, LLM_ANSWER_INTRO
    from painchat.ui.markdown import escape_markdown

    server.then(Step(echo_source=1))
    env = {**app_env, "PAINCHAT_LLM": "openai", "PAINCHAT_LLM_MODEL": "test-model",
           "PAINCHAT_LLM_BASE_URL": server.base_url}
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    st.cache_resource.clear()  # the app's Assistant is cached per process: build one with the model
    try:
        app = AppTest.from_file("../app.py", default_timeout=120).run()
        app.chat_input[0].set_value("Can exercise help with neuropathic pain?").run()
    finally:
        st.cache_resource.clear()  # and leave none with a model behind for the other app tests
    assert not app.exception, app.exception

    answer = app.session_state["exchanges"][-1].answer
    assert answer.generator == "llm" and answer.answer.startswith(LLM_ANSWER_INTRO)
    shown = "\n".join(m.value for m in app.main.markdown) + "\n".join(c.value for c in app.main.caption)
    assert LLM_ANSWER_INTRO in shown and escape_markdown(DISCLAIMER) in shown
    assert server.requests[0]["body"]["stream"] is True
