"""``stream_answer``: text pieces that join to the answer, then the Answer itself, last."""

from painchat.messages import DISCLAIMER
from painchat.models import Answer
from painchat.streaming import stream_answer


def test_pieces_join_to_the_answer_and_the_answer_comes_last(assistant):
    items = list(stream_answer(assistant, "Does exercise help nerve pain?", []))
    *pieces, final = items
    assert isinstance(final, Answer) and final.kind == "answer" and final.disclaimer == DISCLAIMER
    assert len(pieces) > 1 and all(isinstance(piece, str) for piece in pieces)
    assert "".join(pieces) == final.answer
    assert final.citations and any(f"[{final.citations[0].n}]" in piece for piece in pieces)


def test_every_kind_streams_its_answer_with_the_disclaimer(assistant):
    for question, kind in [("", "invalid"), ("What is the capital of France?", "out_of_scope")]:
        *pieces, final = stream_answer(assistant, question, [])
        assert final.kind == kind and final.disclaimer == DISCLAIMER
        assert "".join(pieces) == final.answer
