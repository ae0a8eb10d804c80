"""Answers from the real store: right paper, verbatim quotes, consistent citations, disclaimer."""

import re

import pytest

from painchat.markdown import escape
from painchat.messages import DISCLAIMER, NOT_COVERED

ANSWERABLE = [
    ("What is allodynia and hyperalgesia in nerve pain?", "dobson2014"),
    ("How did the systematic review grade the quality of studies?", "zhang2021"),
    ("Which spinal cells are involved in developing neuropathic pain?", "dobson2014"),
    ("Is exercise a double-edged sword for the nervous system?", "cooper2016"),
    ("How many systematic reviews and RCTs were included?", "zhang2021"),
]


@pytest.mark.parametrize(("question", "source"), ANSWERABLE)
def test_answer_cites_the_right_paper_verbatim(assistant, source_texts, question, source):
    answer = assistant.answer(question)
    assert answer.kind == "answer", answer.answer
    assert source in {c.source_id for c in answer.citations}
    for citation in answer.citations:
        assert citation.quote in source_texts[citation.source_id]
        assert citation.quote in citation.context
        assert citation.doi_url.startswith("https://doi.org/10.3389/")
    assert answer.disclaimer == DISCLAIMER


def test_citations_match_markers_in_order(assistant):
    answer = assistant.answer("What causes neuropathic pain to develop?")
    markers = [int(n) for n in re.findall(r"\[(\d+)\]", answer.answer)]
    assert markers == list(range(1, len(answer.citations) + 1))
    assert [c.n for c in answer.citations] == markers
    for citation in answer.citations:
        assert f"- {escape(citation.quote)} [{citation.n}]" in answer.answer


def test_char_span_points_at_the_quote(assistant):
    answer = assistant.answer("What is hyperalgesia?")
    for citation in answer.citations:
        passage = assistant.index.passages[citation.chunk_id]
        start, end = citation.char_span
        assert passage.text[start - passage.char_start : end - passage.char_start] == citation.quote


@pytest.mark.parametrize(
    "question",
    ["Which shoes are best for plantar fasciitis?", "does acupuncture help nerve pain"],
)
def test_uncovered_questions_say_so_and_suggest_covered_ones(assistant, question):
    answer = assistant.answer(question)
    assert answer.kind == "not_covered"
    assert answer.citations == ()
    assert answer.answer.startswith(NOT_COVERED)
    assert 2 <= len(answer.suggestions) <= 3 and set(answer.suggestions) <= set(assistant.example_questions)


def test_follow_up_is_resolved_against_history(assistant):
    history = [
        {"role": "user", "content": "What did the Delphi consensus panel include?"},
        {"role": "assistant", "content": "21 experts [1]."},
    ]
    alone = assistant.answer("and how were the studies graded?")
    followed = assistant.answer("and how were the studies graded?", history)
    assert followed.kind == "answer"
    assert "zhang2021" in {c.source_id for c in followed.citations}
    assert alone.answer != followed.answer


def test_every_kind_carries_the_disclaimer_and_coverage(assistant):
    questions = ["", "What is allodynia and hyperalgesia?", "Best pizza recipe?", "Which shoes cure bunions?"]
    for question in questions:
        answer = assistant.answer(question)
        assert answer.disclaimer == DISCLAIMER
        assert {c.source_id for c in answer.coverage} == {"zhang2021", "cooper2016", "dobson2014"}
        assert all(c.coverage.value == "abstract_partial" for c in answer.coverage)


def test_bad_history_is_an_invalid_answer(assistant):
    assert assistant.answer("What is allodynia?", [{"role": "system", "content": "x"}]).kind == "invalid"
    assert assistant.answer("What is allodynia?", "not a list").kind == "invalid"
    assert assistant.answer(None).kind == "invalid"


def test_example_questions_are_answerable(assistant):
    assert len(assistant.example_questions) >= 3
    for question in assistant.example_questions:
        assert assistant.answer(question).kind == "answer"


def test_timings_are_reported(assistant):
    timings = assistant.answer("Can exercise help with neuropathic pain?").timings_ms
    assert {"guard", "embed", "retrieve", "compose", "total"} <= set(timings)
    assert timings["total"] >= timings["embed"]


def test_a_new_short_question_after_history_is_answered_on_its_own(assistant):
    history = [
        {"role": "user", "content": "Why is exercise called a double-edged sword for the nervous system?"},
        {"role": "assistant", "content": "…"},
    ]
    answer = assistant.answer("What is allodynia?", history)
    assert answer.kind == "answer"
    assert "allodynia" in answer.citations[0].quote


def test_a_named_paper_is_searched_first(assistant):
    for question, source in [("What did Cooper say about inflammation?", "cooper2016"),
                             ("Which database did Zhang and colleagues search?", "zhang2021")]:
        retrieval = assistant.retriever.retrieve(question, assistant.embedder.embed_query(question))
        assert retrieval.passages[0].source_id == source
        assert all(s.passage.source_id == source for s in retrieval.sentences[:2])


@pytest.mark.parametrize(
    ("first", "follow_up", "kind"),
    [
        ("My chest is tight after my walk", "is it ok to keep exercising?", "emergency"),
        ("Should I take more pregabalin for my nerve pain?", "and how often?", "out_of_scope"),
    ],
)
def test_a_follow_up_inherits_its_topics_risk(assistant, first, follow_up, kind):
    history = [{"role": "user", "content": first}, {"role": "assistant", "content": "…"}]
    assert assistant.answer(follow_up, history).kind == kind


def test_history_limit_zero_means_no_history(settings, embedder, built_store):
    from painchat.assistant import Assistant

    no_memory = Assistant(settings.model_copy(update={"max_history_turns": 0}), embedder)
    history = [{"role": "user", "content": "What is allodynia?"}, {"role": "assistant", "content": "…"}]
    assert no_memory.answer("and hyperalgesia?", history).answer == no_memory.answer("and hyperalgesia?").answer
