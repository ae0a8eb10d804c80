"""The lay question sets in `make test`: bounded targets on the tuning half, invariants on the sealed half.

The sealed half is never tuned on, so it gets no thresholds here; `make eval` reports its scores.
"""

import pytest

from evaluation import lay
from evaluation.datasets import DATA_DIR, LAY_ROUNDS, lay_round_path, read_jsonl
from painchat.messages import DISCLAIMER, NOT_COVERED, NOTHING_NEW

TUNE = read_jsonl(DATA_DIR / "lay_tune.jsonl")
SEALED = read_jsonl(DATA_DIR / "lay_sealed.jsonl")
ROUNDS = {n: read_jsonl(lay_round_path(n)) for n in LAY_ROUNDS}
KINDS = {"answer", "related", "not_covered", "out_of_scope", "emergency", "invalid"}


@pytest.fixture(scope="module")
def tune(assistant):
    return lay.summarize(lay.run(assistant, TUNE))


@pytest.fixture(scope="module")
def sealed_answers(assistant):
    rows = SEALED + [row for n, rows in ROUNDS.items() if n >= 3 for row in lay.split(rows, "sealed")]
    return [(row, assistant.answer(row["question"], row["history"])) for row in rows]


def test_the_sets_are_split_and_labelled(source_texts):
    assert {row["split"] for row in TUNE} == {"tune"} and {row["split"] for row in SEALED} == {"sealed"}
    assert all({row["split"] for row in rows} == {"tune", "sealed"} for rows in ROUNDS.values())
    assert set(LATER_BOUNDS) == set(ROUNDS)  # a new round is held to its bounds from the start
    later = [row for rows in ROUNDS.values() for row in rows]
    every = TUNE + SEALED + later
    assert len({row["id"] for row in every}) == len(every)
    for row in every:
        assert row["label"] in ("direct", "related", "none")
        assert bool(row["gold"]) == (row["label"] != "none"), row["id"]
    for row in later:  # gold phrases are verbatim in a cited paper, or they could never be found
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
LATER_BOUNDS = {2: (0.90, 0.80, 0.80), 3: (0.85, 0.80, 0.65), 4: (0.85, 0.75, 0.65), 5: (0.90, 0.80, 0.65),
                6: (0.85, 0.75, 0.60), 7: (0.90, 0.85, 0.75), 8: (0.85, 0.70, 0.60), 9: (0.85, 0.75, 0.65),
                10: (0.90, 0.65, 0.65), 11: (0.90, 0.75, 0.65), 12: (0.90, 0.80, 0.70),
                13: (0.85, 0.65, 0.65), 14: (0.90, 0.80, 0.70), 15: (0.90, 0.85, 0.80),
                16: (0.90, 0.55, 0.75)}


@pytest.mark.parametrize("number", LATER_BOUNDS)
def test_later_rounds_tuning_halves_meet_bounded_targets(assistant, number):
    on_topic, none_not_covered, gold_cited = LATER_BOUNDS[number]
    summary = lay.summarize(lay.run(assistant, lay.split(ROUNDS[number], "tune")))
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
