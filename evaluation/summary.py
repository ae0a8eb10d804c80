"""Aggregates per-question results into the reported metrics, and says why a question failed."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from evaluation import metrics
from evaluation.qa import QuestionResult, Retrieved

HIT_DEPTHS = (1, 3, 5)
STAGES = ("guard", "embed", "retrieve", "compose", "total")
TOP = 3  # passage-level depth a question must hit to not be listed as a retrieval failure


def rank_scores(ranks: Sequence[int | None], returned: int) -> dict[str, float | None]:
    """hit@k and MRR; hit@k is undefined (None) past the number of passages the approach returns."""
    scores: dict[str, float | None] = {
        f"hit@{k}": metrics.hit_at(ranks, k) if k <= returned else None for k in HIT_DEPTHS
    }
    scores["mrr"] = metrics.mean_reciprocal_rank(ranks)
    return scores


def store_facts(chunk_texts: Sequence[str]) -> dict:
    """How many passages an approach ranks from and how long they are (context for hit@k)."""
    mean_chars = float(np.mean([len(t) for t in chunk_texts])) if chunk_texts else None
    return {"chunks": len(chunk_texts), "mean_chunk_chars": mean_chars}


def retrieval_scores(retrieved: Sequence[Retrieved], store: Mapping | None = None) -> dict:
    returned = max((len(r.ids) for r in retrieved), default=0)
    return {
        "store": dict(store or {}),
        "returned": returned,
        "passage": rank_scores([r.passage_rank for r in retrieved], returned),
        "paper": rank_scores([r.paper_rank for r in retrieved], returned),
        "reader_chars_mean": float(np.mean([r.reader_chars for r in retrieved])) if retrieved else None,
    }


def latency(results: Sequence[QuestionResult]) -> dict[str, dict]:
    """p50/p95 per answering stage; a stage counts only in the answers that ran it."""
    table = {}
    for stage in STAGES:
        values = [r.timings_ms[stage] for r in results if stage in r.timings_ms]
        table[stage] = {"p50": metrics.percentile(values, 50), "p95": metrics.percentile(values, 95), "n": len(values)}
    return table


def summarize(results: Sequence[QuestionResult], stores: Mapping[str, Mapping] | None = None) -> dict:
    """``stores``: per approach, its ``store_facts``."""
    stores = stores or {}
    # Retrieval and citation quality are judged where the papers hold an answer; kind accuracy on all.
    answerable = [r for r in results if r.answerable]
    kinds = [(r.expected_kind, r.kind) for r in results]
    not_covered_precision, not_covered_recall = metrics.precision_recall(kinds, "not_covered")
    baselines = [r.baseline for r in answerable if r.baseline is not None]
    return {
        "questions": len(results),
        "answerable": len(answerable),
        "retrieval": {
            "painchat": retrieval_scores([r.painchat for r in answerable], stores.get("painchat")),
            "baseline": retrieval_scores(baselines, stores.get("baseline")) if baselines else None,
        },
        "kind_accuracy": metrics.share(expected == given for expected, given in kinds),
        "answerable_quoted": metrics.share(r.kind in ("answer", "related") for r in answerable),
        "kind_confusion": metrics.confusion(kinds),
        "not_covered_precision": not_covered_precision,
        "not_covered_recall": not_covered_recall,
        "citation_precision": metrics.ratio(
            sum(r.supported_citations for r in answerable), sum(len(r.citations) for r in answerable)
        ),
        "citation_recall": metrics.ratio(
            sum(sum(r.gold_found) for r in answerable), sum(len(r.gold) for r in answerable)
        ),
        "faithfulness": metrics.ratio(sum(r.faithful_claims for r in results), sum(r.claims for r in results)),
        "claims": sum(r.claims for r in results),
        "disclaimer_rate": metrics.share(r.has_disclaimer for r in results),
        "latency_ms": latency(results),
    }


def failure_reasons(result: QuestionResult) -> list[str]:
    """Everything that went wrong for one question; empty when it passed."""
    reasons = []
    if result.kind != result.expected_kind:
        reasons.append(f"kind `{result.kind}`, expected `{result.expected_kind}`")
    if result.answerable and result.kind == "answer" and not any(result.gold_found):
        reasons.append("no cited quote holds a gold phrase")
    if result.answerable and (result.painchat.passage_rank is None or result.painchat.passage_rank > TOP):
        first = result.painchat.passage_rank or "—"
        reasons.append(f"no gold phrase in the top {TOP} passages (first at rank {first})")
    if result.faithful_claims < result.claims:
        unfaithful = result.claims - result.faithful_claims
        reasons.append(f"{unfaithful} of {result.claims} claim lines not verbatim in their quote")
    if not result.has_disclaimer:
        reasons.append("no disclaimer")
    return reasons
