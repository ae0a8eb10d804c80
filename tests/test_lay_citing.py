"""The sentence that answers is quoted, even when the small model ranks a more generic one first."""

import pytest


@pytest.mark.parametrize(
    ("question", "answering"),
    [
        ("which symptoms come with peripheral neuropathy?", "abnormal cutaneous sensation"),
        ("does exercise ease the anxiety nerve pain brings", "leads to anxiety and depression"),
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
