"""The evaluation's pure scoring functions, on hand-made inputs."""

import pytest

from evaluation import metrics
from evaluation.summary import rank_scores


def test_first_relevant_rank_is_one_based_and_none_on_a_miss():
    assert metrics.first_relevant_rank([False, True, True]) == 2
    assert metrics.first_relevant_rank([True]) == 1
    assert metrics.first_relevant_rank([False, False]) is None
    assert metrics.first_relevant_rank([]) is None


def test_hit_at_k_and_mrr():
    ranks = [1, 3, None, 5]
    assert metrics.hit_at(ranks, 1) == 0.25
    assert metrics.hit_at(ranks, 3) == 0.5
    assert metrics.hit_at(ranks, 5) == 0.75
    assert metrics.mean_reciprocal_rank(ranks) == pytest.approx((1 + 1 / 3 + 0 + 1 / 5) / 4)
    assert metrics.mean_reciprocal_rank([]) == 0.0


def test_hit_at_k_is_undefined_past_what_an_approach_returns():
    scores = rank_scores([1, None], returned=4)
    assert scores["hit@3"] == 0.5 and scores["hit@5"] is None and scores["mrr"] == 0.5


def test_contains_any_is_verbatim():
    assert metrics.contains_any("pain resulting from stimuli (allodynia).", ["stimuli (allodynia)"])
    assert not metrics.contains_any("pain resulting from stimuli", ["Stimuli"])
    assert not metrics.contains_any("anything", [])


def test_claim_lines_strip_the_citation_marker_and_skip_other_lines():
    answer = "Intro:\n\n**Dobson et al., 2014** — *Title*\n- First [claim]. [1]\n- Second. [12]\n- Suggestion?"
    assert metrics.claim_lines(answer) == [("First [claim].", 1), ("Second.", 12)]


def test_faithful_claims_need_the_sentence_inside_the_quote_it_points_to():
    quotes = {1: "Exercise helps. It also harms.", 2: "Something else."}
    claims = [("Exercise helps.", 1), ("It also harms.", 2), ("Missing.", 3)]
    assert metrics.faithful_claims(claims, quotes) == 1


def test_supported_citations_count_gold_phrase_or_gold_paper():
    cited = [("holds the gold phrase", "other"), ("plain", "dobson2014"), ("plain", "other")]
    assert metrics.supported_citations(cited, gold=["gold phrase"], sources=["dobson2014"]) == 2


def test_gold_found_per_phrase():
    assert metrics.gold_found(["alpha beta", "gamma"], ["beta", "gamma", "delta"]) == [True, True, False]
    assert metrics.gold_found([], ["beta"]) == [False]


def test_percentile_interpolates_and_is_none_for_no_values():
    assert metrics.percentile([1.0, 2.0, 3.0, 4.0], 50) == 2.5
    assert metrics.percentile([10.0] * 19 + [100.0], 95) == pytest.approx(14.5)
    assert metrics.percentile([], 50) is None


def test_confusion_and_not_covered_precision_recall():
    pairs = [("answer", "answer"), ("answer", "not_covered"), ("not_covered", "not_covered"), ("not_covered", "answer")]
    assert metrics.confusion(pairs) == {
        "answer": {"answer": 1, "not_covered": 1},
        "not_covered": {"not_covered": 1, "answer": 1},
    }
    assert metrics.precision_recall(pairs, "not_covered") == (0.5, 0.5)
    assert metrics.precision_recall([("answer", "answer")], "not_covered") == (None, None)


def test_share_and_ratio_handle_empty_inputs():
    assert metrics.share([True, False, True, True]) == 0.75
    assert metrics.share([]) == 0.0
    assert metrics.ratio(1.0, 4.0) == 0.25
    assert metrics.ratio(1.0, 0) is None
    assert metrics.ratio(None, 2.0) is None
