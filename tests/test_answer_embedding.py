"""What one answer embeds: each distinct text once, and a lay reading only for the text retrieval reads."""

import pytest

from painchat.models import Turn


@pytest.fixture
def batches(assistant, monkeypatch):
    """The texts of each batch the embedding model is given, in order."""
    seen: list[list[str]] = []
    encode = assistant.embedder.encode
    monkeypatch.setattr(assistant.embedder, "encode", lambda texts, **kw: seen.append(list(texts)) or encode(texts, **kw))
    return seen


def test_a_question_already_written_plainly_is_embedded_once_beside_its_reading(assistant, batches):
    question = "how many systematic reviews were included"
    assert assistant.reader.read(question).text == question  # the question is its own lay reading
    assistant.answer(question)
    assert len(batches) == 1 and batches[0].count(question) == 1


def test_a_follow_up_is_screened_alone_and_read_joined_to_its_topic(assistant, batches):
    history = [{"role": "user", "content": "What is allodynia?"}, {"role": "assistant", "content": "…"}]
    follow_up = "and how often does it happen?"
    query = assistant.resolved_query(follow_up, [Turn(**turn) for turn in history])
    assert query != follow_up
    assistant.answer(follow_up, history)
    assert batches[0] == [follow_up]  # the guard's vector of the follow-up's own words: no reading of them
    assert batches[1][0] == query and len(batches) == 2  # the resolved query, in one batch with its reading
