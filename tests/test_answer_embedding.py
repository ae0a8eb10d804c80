"""What one answer embeds: each distinct text once, its question and lay reading in one batch."""

import pytest


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
