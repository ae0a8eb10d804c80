"""The lay question sets in `make test`: bounded targets on the tuning half, invariants on the sealed half.

The sealed half is never tuned on, so it gets no thresholds here; `make eval` reports its scores.
"""

import pytest

from evaluation import lay
from evaluation.datasets import DATA_DIR, read_jsonl
from painchat.messages import DISCLAIMER, NOT_COVERED, NOTHING_NEW

TUNE = read_jsonl(DATA_DIR / "lay_tune.jsonl")
SEALED = read_jsonl(DATA_DIR / "lay_sealed.jsonl")
ROUND2 = read_jsonl(DATA_DIR / "lay_round2.jsonl")
ROUND3 = read_jsonl(DATA_DIR / "lay_round3.jsonl")
ROUND4 = read_jsonl(DATA_DIR / "lay_round4.jsonl")
ROUND5 = read_jsonl(DATA_DIR / "lay_round5.jsonl")
ROUND6 = read_jsonl(DATA_DIR / "lay_round6.jsonl")
ROUND7 = read_jsonl(DATA_DIR / "lay_round7.jsonl")
ROUND8 = read_jsonl(DATA_DIR / "lay_round8.jsonl")
ROUND9 = read_jsonl(DATA_DIR / "lay_round9.jsonl")
ROUND10 = read_jsonl(DATA_DIR / "lay_round10.jsonl")
ROUND11 = read_jsonl(DATA_DIR / "lay_round11.jsonl")
KINDS = {"answer", "related", "not_covered", "out_of_scope", "emergency", "invalid"}


@pytest.fixture(scope="module")
def tune(assistant):
    return lay.summarize(lay.run(assistant, TUNE))


@pytest.fixture(scope="module")
def sealed_answers(assistant):
    later = (ROUND3, ROUND4, ROUND5, ROUND6, ROUND7, ROUND8, ROUND9, ROUND10, ROUND11)
    rows = SEALED + [row for rows in later for row in lay.split(rows, "sealed")]
    return [(row, assistant.answer(row["question"], row["history"])) for row in rows]


def test_the_sets_are_split_and_labelled(source_texts):
    assert {row["split"] for row in TUNE} == {"tune"} and {row["split"] for row in SEALED} == {"sealed"}
    assert {row["split"] for row in ROUND2} == {row["split"] for row in ROUND3} == {"tune", "sealed"}
    assert {row["split"] for row in ROUND4} == {row["split"] for row in ROUND5} == {"tune", "sealed"}
    assert {row["split"] for row in ROUND6} == {row["split"] for row in ROUND7} == {row["split"] for row in ROUND8} == {"tune", "sealed"}
    assert {row["split"] for row in ROUND9} == {row["split"] for row in ROUND10} == {row["split"] for row in ROUND11} == {"tune", "sealed"}
    every = TUNE + SEALED + ROUND2 + ROUND3 + ROUND4 + ROUND5 + ROUND6 + ROUND7 + ROUND8 + ROUND9 + ROUND10 + ROUND11
    assert len({row["id"] for row in every}) == len(every)
    for row in every:
        assert row["label"] in ("direct", "related", "none")
        assert bool(row["gold"]) == (row["label"] != "none"), row["id"]
    for row in ROUND2 + ROUND3 + ROUND4 + ROUND5 + ROUND6 + ROUND7 + ROUND8 + ROUND9 + ROUND10 + ROUND11:  # gold phrases are verbatim in a cited paper, or they could never be found
        assert all(any(g in source_texts[s] for s in row["sources"]) for g in row["gold"]), row["id"]


def test_tuning_half_meets_bounded_targets(tune):
    # Bounds a little under the measured figures (docs/EVAL.md): they catch breakage, not noise.
    assert tune["on_topic_answered"] >= 0.85
    assert tune["none_not_covered"] >= 0.75
    assert tune["gold_cited"] >= 0.60
    assert tune["faithfulness"] == 1.0
    assert tune["disclaimer"] == 1.0


# (on-topic answered, none → not covered, gold cited) each later round's tuning half is held to, a little under
# the measured figures: they catch breakage, not noise. Round 4 was written after everything else was tuned and is
# held under its first run; round 5's tuning half joined the topic model's training (not the score's cuts).
LATER_BOUNDS = {"round 2": (ROUND2, 0.90, 0.80, 0.80), "round 3": (ROUND3, 0.85, 0.80, 0.65),
                "round 4": (ROUND4, 0.85, 0.75, 0.65), "round 5": (ROUND5, 0.90, 0.80, 0.65),
                "round 6": (ROUND6, 0.85, 0.75, 0.60), "round 7": (ROUND7, 0.90, 0.85, 0.75),
                "round 8": (ROUND8, 0.85, 0.70, 0.60), "round 9": (ROUND9, 0.85, 0.75, 0.65),
                "round 10": (ROUND10, 0.90, 0.65, 0.65), "round 11": (ROUND11, 0.90, 0.75, 0.65)}


@pytest.mark.parametrize("name", LATER_BOUNDS)
def test_later_rounds_tuning_halves_meet_bounded_targets(assistant, name):
    rows, on_topic, none_not_covered, gold_cited = LATER_BOUNDS[name]
    summary = lay.summarize(lay.run(assistant, lay.split(rows, "tune")))
    assert summary["on_topic_answered"] >= on_topic
    assert summary["none_not_covered"] >= none_not_covered
    assert summary["gold_cited"] >= gold_cited
    assert summary["faithfulness"] == 1.0 and summary["disclaimer"] == 1.0


def test_sealed_half_keeps_the_invariants(sealed_answers, source_texts):
    for row, answer in sealed_answers:
        assert answer.kind in KINDS and answer.disclaimer == DISCLAIMER
        for citation in answer.citations:
            assert citation.quote in source_texts[citation.source_id], row["id"]
        if answer.kind in ("answer", "related"):
            assert answer.citations, row["id"]
        if answer.kind == "related":
            assert "don't" in answer.answer.split("\n")[0], row["id"]  # says plainly what is not covered
        if answer.kind == "not_covered":
            assert answer.answer.startswith((NOT_COVERED, NOTHING_NEW)) and not answer.citations, row["id"]
    summary = lay.summarize([lay.score_answer(row, answer) for row, answer in sealed_answers])
    assert summary["faithfulness"] == 1.0 and summary["disclaimer"] == 1.0
