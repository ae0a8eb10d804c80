"""Warm ``Assistant.answer`` latency vs the floor: one query embedding plus one raw Chroma query."""

from __future__ import annotations

import time
from collections.abc import Sequence

from evaluation.metrics import percentile
from evaluation.qa import resolved_query
from painchat.assistant import Assistant
from painchat.embedding import Embedder
from painchat.settings import Settings
from painchat.store import current_build

QUESTIONS = 50
ROUNDS = 3  # more samples per question steady the p95 on a machine others share
WARM_UP = 3


def spread(rows: Sequence[dict], count: int) -> list[dict]:
    """``count`` rows evenly spaced through the set, so every kind and follow-ups are in."""
    return [rows[i * len(rows) // count] for i in range(min(count, len(rows)))]


def ask_latency(settings: Settings, embedder: Embedder, rows: Sequence[dict], count: int = QUESTIONS) -> dict:
    assistant = Assistant(settings, embedder)
    _ = assistant.example_questions  # computed once per process, on the first "not covered"; not a per-question cost
    sample = spread(rows, count)
    for row in sample[:WARM_UP]:
        assistant.answer(row["question"], row["history"])
    live = current_build(settings)
    passages = live.client.get_collection(live.chunks)
    ask_ms, floor_ms = [], []
    for row in [row for _ in range(ROUNDS) for row in sample]:
        started = time.perf_counter()
        assistant.answer(row["question"], row["history"])
        ask_ms.append(_ms(started))
        query = resolved_query(row)
        started = time.perf_counter()
        vector: Sequence[float] = embedder.embed_query(query)
        passages.query(query_embeddings=[vector], n_results=settings.retrieve_k)
        floor_ms.append(_ms(started))
    ask = {"p50": percentile(ask_ms, 50), "p95": percentile(ask_ms, 95)}
    floor = {"p50": percentile(floor_ms, 50), "p95": percentile(floor_ms, 95)}
    return {
        "questions": len(sample),
        "rounds": ROUNDS,
        "n_results": settings.retrieve_k,
        "ask_ms": ask,
        "floor_ms": floor,
        "ratio_p50": _ratio(ask["p50"], floor["p50"]),
        "ratio_p95": _ratio(ask["p95"], floor["p95"]),
    }


def _ratio(ask_ms: float | None, floor_ms: float | None) -> float | None:
    return ask_ms / floor_ms if ask_ms is not None and floor_ms else None


def _ms(since: float) -> float:
    return (time.perf_counter() - since) * 1000
