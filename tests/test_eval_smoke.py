"""A small run of the evaluation inside `make test`: loose thresholds that still catch breakage."""

import pytest

from evaluation.datasets import DATA_DIR, read_jsonl
from evaluation.qa import evaluate
from evaluation.summary import summarize

# Every 10th question: answerable ones from each paper, not-covered ones and a follow-up.
SAMPLE = read_jsonl(DATA_DIR / "qa.jsonl")[::10]


@pytest.fixture(scope="module")
def summary(assistant):
    return summarize(evaluate(assistant, SAMPLE))


def test_the_sample_mixes_kinds_and_follow_ups():
    assert 6 <= len(SAMPLE) <= 10
    assert {row["kind"] for row in SAMPLE} == {"answer", "not_covered"}
    assert any(row["history"] for row in SAMPLE)


def test_retrieval_finds_the_right_paper(summary):
    assert summary["retrieval"]["painchat"]["paper"]["hit@3"] >= 0.9


def test_every_claim_is_verbatim_in_its_quote(summary):
    assert summary["claims"] > 0
    assert summary["faithfulness"] == 1.0


def test_every_answer_carries_the_disclaimer(summary):
    assert summary["disclaimer_rate"] == 1.0
