"""The sentence that answers is quoted, even when the small model ranks a more generic one first."""

import pytest

from painchat.amounts import asks_for_a_count, states_a_number


@pytest.mark.parametrize(
    ("question", "answering"),
    [
        ("which symptoms come with peripheral neuropathy?", "abnormal cutaneous sensation"),
        ("does exercise ease the anxiety nerve pain brings", "leads to anxiety and depression"),
        # a question asking how many is answered by the sentence that gives the number
        ("how many people were on the expert panel", "21 experts"),
        # an abbreviation the loaded abstract spells out (the lexicon reads BDNF as its long form)
        ("is bdnf involved in nerve pain at all", "brain derived neurotropic factor"),
    ],
)
def test_the_answering_sentence_is_quoted(assistant, question, answering):
    answer = assistant.answer(question)
    assert answer.kind in ("answer", "related")
    assert any(answering in c.quote for c in answer.citations)


def test_quotes_stay_within_the_margin_of_the_best_and_under_the_cap(assistant):
    question = "does exercise ease the anxiety nerve pain brings"
    vector, reading = assistant.read(question, question)
    candidates = assistant.retriever.retrieve(reading.text, vector.tolist(), reading.words).sentences
    chosen = assistant.builder.select(candidates, about_study=False)
    assert 1 < len(chosen) <= assistant.settings.max_answer_sentences
    best = max(s.score for s in candidates)
    penalty = assistant.builder.about_paper_penalty
    assert all(s.score >= best - assistant.settings.answer_margin - penalty for s in chosen)


def test_a_count_question_prefers_sentences_stating_a_number(assistant):
    question = "how many people were on the expert panel"
    vector, reading = assistant.read(question, question)
    candidates = assistant.retriever.retrieve(reading.text, vector.tolist(), reading.words).sentences
    plain = assistant.builder.select(candidates, about_study=True)
    preferred = assistant.builder.select(candidates, about_study=True, wants_count=True)
    best_counted = max((s for s in candidates if states_a_number(s.text)), key=lambda s: s.score)
    assert asks_for_a_count(question) and best_counted in preferred
    assert sum(not states_a_number(s.text) for s in preferred) < sum(not states_a_number(s.text) for s in plain)
