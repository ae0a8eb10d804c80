"""Questions as patients ask them: three answer shapes, typos and noise, follow-ups, references, suggestions."""

import re

import pytest

from painchat import messages
from painchat.cli import render_text
from painchat.compose import describes_the_paper
from painchat.guard.texts import MEDICINE_NOTE, OUT_OF_SCOPE
from painchat.markdown import escape


def test_a_question_the_papers_answer_gets_a_direct_answer(assistant, source_texts):
    answer = assistant.answer("what does allodynia mean")
    assert answer.kind == "answer" and answer.missing_terms == ()
    assert answer.answer.startswith(messages.ANSWER_INTRO)
    assert any("allodynia" in c.quote for c in answer.citations)
    assert all(c.quote in source_texts[c.source_id] for c in answer.citations)


def test_related_evidence_names_what_the_papers_never_mention(assistant, source_texts):
    answer = assistant.answer("is walking good for neuropathy")
    assert answer.kind == "related"
    assert answer.missing_terms == ("walking",)
    assert answer.answer.startswith(messages.RELATED_MISSING.format(terms="“walking”"))
    assert answer.citations and all(c.quote in source_texts[c.source_id] for c in answer.citations)
    assert all(f"- {escape(c.quote)} [{c.n}]" in answer.answer for c in answer.citations)
    assert "walking" not in " ".join(c.quote.lower() for c in answer.citations)
    assert messages.RELATED_NOTE in render_text(answer)


@pytest.mark.parametrize(("question", "asked"), [
    ("how often should i excercise for my nerve pain", "how often"),
    ("how many minutes a day should i exercise with neuropathy", "how long"),
])
def test_an_amount_the_papers_never_give_is_named_as_not_covered(assistant, question, asked):
    answer = assistant.answer(question)
    assert answer.kind == "related" and answer.missing_terms[0] == asked
    assert answer.answer.startswith(messages.RELATED_MISSING.format(terms=f"“{asked}”"))
    assert answer.citations


def test_a_follow_up_asking_how_often_is_related_evidence_not_a_direct_answer(assistant):
    first = assistant.answer("does exercise help nerve pain")
    history = [{"role": "user", "content": "does exercise help nerve pain"}, {"role": "assistant", "content": first.answer}]
    answer = assistant.answer("and how many times a week?", history)
    assert answer.kind == "related" and answer.missing_terms == ("how often",)


def test_nothing_relevant_loaded_is_not_covered_and_names_the_missing_term(assistant):
    answer = assistant.answer("does acupuncture help nerve pain")
    assert answer.kind == "not_covered" and answer.citations == ()
    assert "“acupuncture”" in answer.answer


def test_a_general_question_about_a_medicine_the_papers_never_name_is_not_covered(assistant):
    answer = assistant.answer("does capsaicin cream actually work for burning feet")
    assert answer.kind == "not_covered" and answer.citations == ()
    assert "capsaicin" in answer.missing_terms and "“capsaicin”" in answer.answer
    assert answer.answer.endswith(MEDICINE_NOTE)


def test_asking_for_help_other_than_medicines_gets_what_the_papers_say_about_exercise(assistant, source_texts):
    answer = assistant.answer("what can help my nerve pain apart from painkillers")
    assert answer.kind in ("answer", "related") and answer.answer.endswith(MEDICINE_NOTE)
    assert any("exercise" in c.quote for c in answer.citations)
    assert all(c.quote in source_texts[c.source_id] for c in answer.citations)


def test_asking_what_a_term_the_papers_never_use_means_is_not_covered(assistant):
    answer = assistant.answer("whats sciatica?")
    assert answer.kind == "not_covered" and answer.missing_terms == ("sciatica",)


def test_asking_what_a_term_the_papers_use_means_in_plain_words_is_answered(assistant):
    answer = assistant.answer("what does allodynia mean in simple terms")
    assert answer.kind == "answer" and any("allodynia" in c.quote for c in answer.citations)


def test_the_core_question_in_lay_words_is_answered_from_the_paper_that_answers_it(assistant):
    answer = assistant.answer("I have diabetic nerve pain in my feet, what exercise should I do?")
    assert answer.kind in ("answer", "related")
    assert any("exercise may be helpful in NP management" in c.quote for c in answer.citations) or any(
        "alleviating" in c.quote for c in answer.citations
    )


@pytest.mark.parametrize(
    "noisy",
    ["excercise for nueropathy", "🙂 **Exercise for neuropathy!!**", "> exercise for neuropathy 💪", "EXERCISE FOR NEUROPATHY"],
)
def test_typos_emoji_and_formatting_do_not_change_the_outcome(assistant, noisy):
    clean = assistant.answer("exercise for neuropathy")
    answer = assistant.answer(noisy)
    assert answer.kind == clean.kind == "answer"
    assert [c.quote for c in answer.citations] == [c.quote for c in clean.citations]


def test_findings_come_before_sentences_about_the_paper(assistant):
    answer = assistant.answer("Does exercise help nerve pain?")
    first = answer.citations[0]
    assert not describes_the_paper(first.quote, first.section)
    assert any("exercise may be helpful in NP management" in c.quote for c in answer.citations)


def test_a_question_about_the_study_may_quote_what_the_study_did(assistant):
    answer = assistant.answer("what is the dobson paper about")
    assert answer.kind in ("answer", "related")
    assert {c.source_id for c in answer.citations} == {"dobson2014"}


def test_a_follow_up_never_repeats_the_previous_answer_as_new(assistant):
    first = assistant.answer("what is allodynia")
    history = [{"role": "user", "content": "what is allodynia"}, {"role": "assistant", "content": first.answer}]
    follow_up = assistant.answer("and what causes it?", history)
    shown = {c.quote for c in first.citations}
    assert not shown & {c.quote for c in follow_up.citations}
    assert follow_up.kind in ("answer", "related") or follow_up.answer == messages.NOTHING_NEW


def test_a_follow_up_with_nothing_new_says_so(assistant):
    question = "what symptoms does peripheral neuropathy cause"
    history = []
    for _ in range(20):  # each turn quotes new sentences until the papers have nothing more to add
        answer = assistant.answer("and what else?", history) if history else assistant.answer(question)
        history += [{"role": "user", "content": question if not history else "and what else?"}]
        history += [{"role": "assistant", "content": answer.answer}]
        if answer.kind == "not_covered":
            break
    assert answer.kind == "not_covered"
    assert answer.answer.startswith(messages.NOTHING_NEW)


def test_quotes_from_one_paper_share_one_reference_line(assistant):
    questions = ["is walking good for nerve pain", "Does exercise help nerve pain?", "what causes neuropathic pain"]
    answers = [assistant.answer(q) for q in questions]
    twice = [a for a in answers if len({c.source_id for c in a.citations}) < len(a.citations)]
    assert twice, "one of the questions should quote one paper twice"
    answer = twice[0]
    text = render_text(answer)
    for citation in answer.citations:
        assert text.count(f"{citation.label}. {citation.title}") == 1


def test_every_suggestion_is_answered_directly(assistant):
    assert len(assistant.example_questions) >= 3
    for question in assistant.example_questions:
        assert assistant.answer(question).kind == "answer", question


def test_refusals_offer_clickable_suggestions(assistant):
    for question in ["What is the capital of France?", "which shoes are best for plantar fasciitis"]:
        answer = assistant.answer(question)
        assert answer.kind in ("out_of_scope", "not_covered")
        assert answer.suggestions and set(answer.suggestions) <= set(assistant.example_questions)


@pytest.mark.parametrize("topic", sorted(OUT_OF_SCOPE))
def test_questions_suggested_inside_declines_are_answered_from_the_papers(assistant, topic):
    for question in re.findall(r"\*([^*]+\?)\*", OUT_OF_SCOPE[topic]):
        assert assistant.answer(question).kind in ("answer", "related"), question
