"""Not covered when the question's subject is absent from the papers; related when they speak to its topic.

The signal is the question's absent meaning: how far its embedding moves when the words the papers
never use are left out (real model, real store).
"""

import numpy as np
import pytest

from painchat.calibration import Calibration
from painchat.lay import Reading, embed_reading


def test_a_subject_the_papers_never_name_weighs_more_than_a_word_said_in_passing(assistant):
    question = "which orthopedic sandals are best for neuropathy"
    _, subject = assistant.read(question, question)
    question = "how disabling can nerve damage get, i'm worried about my garden"
    _, aside = assistant.read(question, question)
    assert subject.absent_meaning > aside.absent_meaning > 0.0


def test_a_question_with_every_word_in_the_papers_has_no_absent_meaning(assistant):
    question = "does exercise help neuropathic pain"
    _, reading = assistant.read(question, question)
    assert reading.missing == () and reading.absent_meaning == 0.0


def test_absent_meaning_is_one_batch_with_the_reading(embedder):
    batches: list[list[str]] = []

    def encode(texts: list[str]) -> np.ndarray:
        batches.append(texts)
        return embedder.encode(texts)

    reading = Reading(text="do orthopedic sandals help neuropathy", words=("neuropathy",), missing=("orthopedic", "sandals"))
    _, embedded = embed_reading(reading, encode)
    assert len(batches) == 1 and batches[0][-1] == "do help neuropathy"
    assert 0.0 < embedded.absent_meaning < 1.0


def test_absent_meaning_lowers_coverage_by_its_weight():
    calibration = Calibration(threshold=0.5, lexical_weight=1.0, direct_threshold=0.8, absent_weight=2.0)
    assert calibration.shape(0.9) == "answer"
    assert calibration.shape(0.9, ("sandals",), absent_meaning=0.1) == "related"
    assert calibration.shape(0.9, ("sandals",), absent_meaning=0.3) == "not_covered"


@pytest.mark.parametrize(
    "question",
    [
        "which orthopedic sandals should i wear with neuropathy",
        "does exercise help with psoriasis",
        "is a weighted blanket good for nerve pain",
    ],
)
def test_a_question_whose_subject_is_absent_is_not_covered(assistant, question):
    answer = assistant.answer(question)
    assert answer.kind == "not_covered" and answer.citations == ()


@pytest.mark.parametrize(
    "question",
    [
        "does jogging help nerve pain",
        "how disabling can nerve damage get, i'm worried about my garden",
        "how does neuropathy develop? asking for my uncle",
    ],
)
def test_a_question_the_papers_speak_to_still_quotes_them(assistant, question):
    assert assistant.answer(question).kind in ("answer", "related")


EARLIER = [{"role": "user", "content": "does exercise help nerve pain in the feet"},
           {"role": "assistant", "content": "The papers say exercise may help neuropathic pain."}]


@pytest.mark.parametrize("question", ["and what about acupuncture alongside?", "ok what about one of those inversion tables then"])
def test_a_follow_up_turning_to_what_the_papers_never_name_is_not_covered(assistant, question):
    answer = assistant.answer(question, EARLIER)
    assert answer.kind == "not_covered" and answer.citations == ()


@pytest.mark.parametrize("question", ["what about swimming?", "what about for my hands?"])
def test_a_follow_up_turning_to_a_kind_of_exercise_or_a_body_part_still_quotes_them(assistant, question):
    assert assistant.answer(question, EARLIER).kind in ("answer", "related")
