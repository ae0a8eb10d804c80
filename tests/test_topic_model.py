"""The topic model: whether the papers speak to a question's topic, read from its embedding."""

import numpy as np
import pytest

from painchat.calibration import Calibration, load_calibration
from painchat.embedding import dimension
from painchat.logistic import probability, train_logistic

PAPERS = ("cooper2016", "dobson2014", "zhang2021")
ON, OFF = np.array([2.0, 0.0]), np.array([-2.0, 0.0])


def topic(weights=(1.0, 0.0, 0.0), sources=PAPERS) -> Calibration:
    """Probability of 'on topic' is the sigmoid of a vector's first coordinate."""
    return Calibration(
        threshold=0.5, lexical_weight=1.0, direct_threshold=0.8, absent_weight=2.0,
        topic_weights=weights, topic_sources=sources,
    )


def test_balanced_training_finds_the_rare_class_too():
    rng = np.random.default_rng(0)
    common, rare = rng.normal(-1, 0.5, (90, 2)), rng.normal(1, 0.5, (10, 2))
    vectors, labels = np.vstack([common, rare]), np.array([0] * 90 + [1] * 10)
    weights = train_logistic(vectors, labels, l2=0.1, balanced=True)
    assert probability(weights, np.array([1.0, 1.0])) > 0.5 > probability(weights, np.array([-1.0, -1.0]))
    assert np.linalg.norm(train_logistic(vectors, labels, l2=10.0)[:-1]) < np.linalg.norm(weights[:-1])


def test_on_topic_questions_are_covered_even_with_a_low_score():
    calibration = topic()
    assert calibration.shape(0.1, ("qigong",), absent_meaning=0.3, vector=ON) == "related"
    assert calibration.shape(0.1, vector=OFF) == "not_covered"


def test_a_score_at_the_direct_cut_is_covered_whatever_the_topic_model_says():
    assert topic().shape(0.9, vector=OFF) == "answer"


def test_without_a_vector_or_a_topic_model_the_score_cut_decides():
    assert topic().shape(0.6) == "related" and topic().shape(0.4) == "not_covered"
    assert topic(weights=()).shape(0.4, vector=ON) == "not_covered"


def test_a_topic_model_fitted_for_other_papers_is_not_used():
    calibration = topic().for_sources(["smith2020"])
    assert calibration.topic_weights == () and calibration.shape(0.4, vector=ON) == "not_covered"
    assert topic().for_sources(reversed(PAPERS)).topic_weights == (1.0, 0.0, 0.0)


def test_saved_and_loaded_the_topic_model_is_the_same(tmp_path):
    path = tmp_path / "calibration.json"
    topic(weights=(0.25, -1.5, 0.125)).save(path)
    assert load_calibration(path) == topic(weights=(0.25, -1.5, 0.125))


def test_the_shipped_calibration_has_a_topic_model_for_the_loaded_papers(assistant):
    assert len(assistant.calibration.topic_weights) == dimension() + 1
    assert assistant.calibration.topic_sources == tuple(sorted(assistant.index.sources))


def test_a_kind_of_exercise_the_papers_never_name_gets_related_evidence(assistant):
    # Not every one: "pickleball", "kayaking" and "boxing classes" read as off topic (README, weak spots).
    answer = assistant.answer("would rowing help nerve pain in my legs")
    assert answer.kind == "related" and "rowing" in answer.missing_terms and answer.citations


@pytest.mark.parametrize("question", ["do copper insoles help neuropathy", "is a hot bath good for nerve pain at night"])
def test_another_kind_of_treatment_is_not_covered(assistant, question):
    assert assistant.answer(question).kind == "not_covered"


@pytest.mark.parametrize("aside", ["{q}? asking for my uncle", "my mum wants to know {q}", "sorry if this is a dumb question but {q}"])
@pytest.mark.parametrize("question,on_topic", [("how does neuropathy develop", True), ("does acupuncture help nerve pain", False)])
def test_the_wording_around_a_question_does_not_change_its_topic(assistant, aside, question, on_topic):
    asked = aside.format(q=question)
    vector, _ = assistant.read(asked, asked)
    assert assistant.calibration.on_topic(vector) is on_topic
